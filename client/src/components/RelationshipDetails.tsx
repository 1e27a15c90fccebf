/**
 * The panel for a selected relationship: its type, from → to, and its evidence first (the quote inside
 * its document's text, the certainty, the date, the sources by name, each one clickable even when it is
 * not in view), then its other properties.
 */
import type { GraphRelationship, JsonValue } from '../../../server/src/contract.ts';
import { certaintyOf } from '../graph/certainty.ts';
import { sourceIdsOf, textOf } from '../state/evidence.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { CertaintyBadge } from './CertaintyBadge.tsx';
import { NodeRef } from './NodeRef.tsx';
import { PropertyList } from './PropertyValue.tsx';
import { QuoteInContext } from './QuoteInContext.tsx';
import './RelationshipDetails.css';

/** Properties shown in the evidence block rather than in the generic list. */
const EVIDENCE_KEYS = ['quote', 'sources', 'certainty', 'date', 'dateText', 'document'];

interface RelationshipDetailsProps {
  relationship: GraphRelationship;
  graph: GraphData;
  onSelect(selection: Selection): void;
  /** Brings a node that is not in view (a source) into view and selects it. */
  onOpenNode(nodeId: string): void;
}

/** A date as a string, or as the server's tagged temporal value (`{$type:"Date", value:"2024-06-19"}`). */
function dateOf(value: JsonValue | undefined): string | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return textOf(value.value);
  return textOf(value);
}

export function RelationshipDetails({ relationship, graph, onSelect, onOpenNode }: RelationshipDetailsProps) {
  const { properties } = relationship;
  const quote = textOf(properties.quote);
  const certainty = certaintyOf(properties);
  const rawCertainty = textOf(properties.certainty);
  const sources = sourceIdsOf(properties);
  const date = dateOf(properties.date);
  const dateText = textOf(properties.dateText);
  const documentId = textOf(properties.document);
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
        {quote !== null && <QuoteInContext key={relationship.id} quote={quote} documentId={documentId} />}
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
          {documentId !== null && (
            <div>
              <dt>Document</dt>
              <dd data-testid="evidence-document">
                <NodeRef nodeId={documentId} graph={graph} onSelect={onSelect} onOpen={onOpenNode} />
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
                <ul className="plain-list source-list" data-testid="evidence-sources">
                  {sources.map((id) => (
                    <li key={id} data-source-id={id}>
                      <NodeRef nodeId={id} graph={graph} onSelect={onSelect} onOpen={onOpenNode} />
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
