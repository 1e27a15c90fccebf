/**
 * The choice an expansion over the cap asks for: the neighbours' counts per relationship type and per
 * label (checkboxes: none ticked means all), a certainty floor and how many to add, with a live count of
 * how many neighbours match. Enter adds, Esc cancels.
 */
import { useEffect, useMemo, useRef, useState } from 'react';

import type { Certainty } from '../../../server/src/contract.ts';
import type { NeighborQuery } from '../api/browse-types.ts';
import { fetchNeighbors } from '../api/graph-api.ts';
import { isAbort } from '../api/http.ts';
import { viewMaxNodes, withinViewCap } from '../api/server-limits.ts';
import { CERTAINTY_ORDER, certaintyFloorTitle } from '../graph/certainty.ts';
import type { ExpandChoice } from '../state/use-explorer.ts';
import { useDebouncedValue } from '../state/use-debounced-value.ts';
import { LabelSwatch } from './LabelChip.tsx';
import { useFocusReturn } from './use-focus-return.ts';
import { useFocusTrap } from './use-focus-trap.ts';
import './ExpandDialog.css';

interface ExpandDialogProps {
  choice: ExpandChoice;
  cap: number;
  onConfirm(query: NeighborQuery): void;
  onCancel(): void;
}

type Preview = { status: 'idle' | 'loading' } | { status: 'done'; total: number } | { status: 'failed' };

function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function ExpandDialog({ choice, cap, onConfirm, onCancel }: ExpandDialogProps) {
  const { probe } = choice;
  const [types, setTypes] = useState<string[]>([]);
  const [labels, setLabels] = useState<string[]>([]);
  const [minCertainty, setMinCertainty] = useState<Certainty | ''>('');
  const [limit, setLimit] = useState(cap);
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const dialogRef = useRef<HTMLDivElement>(null);
  // The trap first: its cleanup, run first, lets focus go back out (useFocusReturn's).
  useFocusTrap(dialogRef);
  useFocusReturn(dialogRef);
  const firstRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const query: NeighborQuery = useMemo(
    () => ({ limit, types, labels, ...(minCertainty ? { minCertainty } : {}) }),
    [limit, types, labels, minCertainty],
  );
  const filtering = types.length > 0 || labels.length > 0 || minCertainty !== '';
  const debouncedQuery = useDebouncedValue(query, 250);

  useEffect(() => (firstRef.current ?? confirmRef.current)?.focus(), []);

  useEffect(() => {
    if (!filtering) {
      setPreview({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setPreview({ status: 'loading' });
    fetchNeighbors(choice.nodeId, { ...debouncedQuery, limit: 1 }, controller.signal)
      .then((answer) => setPreview({ status: 'done', total: answer.total }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setPreview({ status: 'failed' });
      });
    return () => controller.abort();
  }, [debouncedQuery, choice.nodeId, filtering]);

  const matching = filtering ? (preview.status === 'done' ? preview.total : null) : probe.total;
  const adding = matching === null ? null : Math.min(matching, limit);

  return (
    <div
      className="modal-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onCancel();
      }}
    >
      <div
        ref={dialogRef}
        className="modal"
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby="expand-dialog-title"
        data-testid="expand-dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
            event.preventDefault();
            onConfirm(query);
          }
        }}
      >
        <header className="modal-header">
          <h2 id="expand-dialog-title">Expand {choice.name}</h2>
          <p className="muted">
            <strong data-testid="expand-total">{probe.total}</strong> neighbour{probe.total === 1 ? '' : 's'}
            {probe.total > cap ? `, more than the cap of ${cap}` : ''}. Choose which to add.
          </p>
        </header>
        {probe.counts ? (
          <div className="modal-columns">
            <fieldset className="facet-box">
              <legend>Neighbours by relationship type</legend>
              <ul className="plain-list" data-testid="expand-types">
                {probe.counts.types.map((entry) => (
                  <li key={entry.name}>
                    <label className="check-row">
                      <input type="checkbox" checked={types.includes(entry.name)} onChange={() => setTypes((list) => toggle(list, entry.name))} />
                      <span className="mono">{entry.name}</span>
                      <span className="count" title={`${entry.count} neighbour${entry.count === 1 ? '' : 's'} joined by ${entry.name}`}>
                        {entry.count}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <fieldset className="facet-box">
              <legend>Neighbours by label</legend>
              <ul className="plain-list" data-testid="expand-labels">
                {probe.counts.labels.map((entry) => (
                  <li key={entry.name}>
                    <label className="check-row">
                      <input type="checkbox" checked={labels.includes(entry.name)} onChange={() => setLabels((list) => toggle(list, entry.name))} />
                      <LabelSwatch label={entry.name} size={10} />
                      <span>{entry.name}</span>
                      <span className="count" title={`${entry.count} neighbour${entry.count === 1 ? '' : 's'} labelled ${entry.name}`}>
                        {entry.count}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </div>
        ) : (
          <p className="muted small">This server does not report counts per type and label; you can still choose a certainty floor and how many to add.</p>
        )}
        <div className="modal-row">
          <label className="form-row">
            <span>Weakest link</span>
            <select value={minCertainty} onChange={(event) => setMinCertainty(CERTAINTY_ORDER.find((level) => level === event.target.value) ?? '')} data-testid="expand-certainty">
              <option value="">Any link</option>
              {CERTAINTY_ORDER.map((certainty) => (
                <option key={certainty} value={certainty}>
                  {certaintyFloorTitle(certainty)}
                </option>
              ))}
            </select>
          </label>
          <label className="form-row">
            <span>At most</span>
            <input
              type="number"
              min={1}
              max={viewMaxNodes()}
              value={limit}
              onChange={(event) => setLimit(withinViewCap(Number(event.target.value) || 1))}
              data-testid="expand-limit"
              title={`Up to ${viewMaxNodes().toLocaleString('en-US')}, what one view holds on this server; an expansion that would pass it stops there and says so`}
            />
          </label>
          <p className="modal-preview" data-testid="expand-preview" aria-live="polite">
            {preview.status === 'loading'
              ? 'Counting…'
              : preview.status === 'failed'
                ? 'Could not count the matches.'
                : matching !== null
                  ? `${matching} neighbour${matching === 1 ? ' matches' : 's match'}${filtering ? '' : ' (no filter)'}`
                  : ''}
          </p>
        </div>
        <footer className="modal-footer">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          {/* Asked for by choice (Shift+E) below the cap, "Add first 100" of 9 said what is not so. */}
          {probe.total > cap && (
            <button type="button" className="button" ref={firstRef} onClick={() => onConfirm({ limit: cap })} data-testid="expand-first">
              Add first {cap}
            </button>
          )}
          <button type="button" className="button button-primary" ref={confirmRef} onClick={() => onConfirm(query)} data-testid="expand-confirm" disabled={adding === 0}>
            {adding === null ? 'Add matching' : `Add ${adding}${filtering ? ' matching' : ''}`}
          </button>
        </footer>
      </div>
    </div>
  );
}
