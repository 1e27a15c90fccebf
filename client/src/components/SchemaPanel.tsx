/**
 * The database's schema (`GET /api/schema`): every label and relationship type with its count in the
 * database (not only in view). Clicking a label adds a sample of its nodes to the view; clicking a
 * relationship type, a sample of its relationships with their ends.
 */
import { useEffect, useState } from 'react';
import type { SchemaResponse } from '../../../server/src/contract.ts';
import { DEFAULT_REQUEST_LIMITS, fetchSchema } from '../api/graph-api.ts';
import { ApiError, errorMessage, isAbort } from '../api/http.ts';
import { LabelSwatch } from './LabelChip.tsx';
import './SchemaPanel.css';

type SchemaState = { status: 'loading' } | { status: 'ready'; schema: SchemaResponse } | { status: 'failed'; message: string };

interface SchemaPanelProps {
  onSampleLabel(label: string): void;
  onSampleType(type: string): void;
}

export function SchemaPanel({ onSampleLabel, onSampleType }: SchemaPanelProps) {
  const [state, setState] = useState<SchemaState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchSchema(controller.signal)
      .then((schema) => setState({ status: 'ready', schema }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        const message =
          error instanceof ApiError && error.status === 404
            ? 'This server does not describe its schema yet.'
            : `Could not load the schema: ${errorMessage(error)}`;
        setState({ status: 'failed', message });
      });
    return () => controller.abort();
  }, []);

  if (state.status === 'loading') return <p className="muted small">Loading schema…</p>;
  if (state.status === 'failed') return <p className="muted small" data-testid="schema-error">{state.message}</p>;
  const { labels, relationshipTypes } = state.schema;
  const byCount = <T extends { name: string; count: number }>(list: T[]) => [...list].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return (
    <div className="schema" data-testid="schema-panel">
      <h3 className="mini-title">Labels</h3>
      <SchemaList kind="label" entries={byCount(labels)} onSample={onSampleLabel} />
      <h3 className="mini-title">Relationship types</h3>
      <SchemaList kind="type" entries={byCount(relationshipTypes)} onSample={onSampleType} />
    </div>
  );
}

/** Labels or relationship types, each a button that adds a sample of it to the view. */
function SchemaList({ kind, entries, onSample }: { kind: 'label' | 'type'; entries: Array<{ name: string; count: number }>; onSample(name: string): void }) {
  const sample = DEFAULT_REQUEST_LIMITS.labelSample;
  return (
    <ul className="plain-list">
      {entries.map(({ name, count }) => (
        <li key={name}>
          <button
            type="button"
            className="schema-item"
            title={kind === 'label' ? `Add up to ${sample} ${name} nodes to the view` : `Add up to ${sample} ${name} relationships and their ends to the view`}
            onClick={() => onSample(name)}
            {...{ [`data-${kind}`]: name }}
          >
            {kind === 'label' && <LabelSwatch label={name} size={10} />}
            <span className={kind === 'label' ? 'schema-name' : 'schema-name mono'}>{name}</span>
            <span className="count">{count.toLocaleString('en-US')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
