/**
 * The panel for a selected relationship: its type, from → to, and its evidence first (the quote, the
 * certainty, the sources by name, the date), then its other properties.
 */
import type { GraphRelationship, JsonValue } from '../../../server/src/contract.ts';
import { certaintyOf } from '../graph/certainty.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { CertaintyBadge } from './CertaintyBadge.tsx';
import { NodeRef } from './NodeRef.tsx';
import { PropertyList } from './PropertyValue.tsx';

/** Properties shown in the evidence block rather than in the generic list. */
const EVIDENCE_KEYS = ['quote', 'sources', 'certainty', 'date', 'dateText'];

interface RelationshipDetailsProps {
  relationship: GraphRelationship;
  graph: GraphData;
  onSelect(selection: Selection): void;
}

/** `sources` as a list of ids, whether stored as a list or a single value. */
function sourceIds(value: JsonValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => item !== null && typeof item !== 'object').map(String);
}

function text(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** A date as a string, or as the server's tagged temporal value (`{$type:"Date", value:"2024-06-19"}`). */
function dateOf(value: JsonValue | undefined): string | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return text(value.value);
  return text(value);
}

export function RelationshipDetails({ relationship, graph, onSelect }: RelationshipDetailsProps) {
  const { properties } = relationship;
  const quote = text(properties.quote);
  const certainty = certaintyOf(properties);
  const rawCertainty = text(properties.certainty);
  const sources = sourceIds(properties.sources);
  const date = dateOf(properties.date);
  const dateText = text(properties.dateText);
  const hasEvidence = quote !== null || rawCertainty !== null || sources.length > 0 || date !== null || dateText !== null;
  const others = Object.fromEntries(Object.entries(properties).filter(([key]) => !EVIDENCE_KEYS.includes(key)));

  return (
    <div className="details-body">
      <header className="details-header">
        <p className="details-kind">Relationship</p>
        <h2 className="details-title">
          <span className="rel-pill">{relationship.type}</span>
        </h2>
        <p className="from-to">
          <NodeRef nodeId={relationship.source} graph={graph} onSelect={onSelect} />
          <span className="arrow" aria-label="to">
            →
          </span>
          <NodeRef nodeId={relationship.target} graph={graph} onSelect={onSelect} />
        </p>
        <p className="details-id">
          id <code>{relationship.id}</code>
        </p>
      </header>

      <section className="details-section evidence" aria-label="Evidence">
        <h3 className="section-title">Evidence</h3>
        {!hasEvidence && <p className="muted">No evidence is recorded on this relationship.</p>}
        {quote !== null && (
          <blockquote className="evidence-quote" data-testid="evidence-quote">
            {quote}
          </blockquote>
        )}
        <dl className="evidence-facts">
          {rawCertainty !== null && (
            <div>
              <dt>Certainty</dt>
              <dd>
                {certainty ? (
                  <CertaintyBadge certainty={certainty} testId="evidence-certainty" />
                ) : (
                  <span className="badge badge-unknown" data-testid="evidence-certainty">
                    {rawCertainty}
                  </span>
                )}
              </dd>
            </div>
          )}
          {(date !== null || dateText !== null) && (
            <div>
              <dt>Date</dt>
              <dd data-testid="evidence-date">
                {date !== null && <time dateTime={date}>{date}</time>}
                {date !== null && dateText !== null && ' · '}
                {dateText !== null && <span>{dateText}</span>}
              </dd>
            </div>
          )}
          {sources.length > 0 && (
            <div>
              <dt>Sources</dt>
              <dd>
                <ul className="source-list" data-testid="evidence-sources">
                  {sources.map((id) => (
                    <li key={id} data-source-id={id}>
                      <NodeRef nodeId={id} graph={graph} onSelect={onSelect} />
                      {graph.nodes.has(id) && <code className="source-id">{id}</code>}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section className="details-section">
        <h3 className="section-title">Other properties</h3>
        <PropertyList properties={others} />
      </section>
    </div>
  );
}
