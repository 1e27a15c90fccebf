/**
 * The panel for a selected node: caption, labels, id, description, expansion state, every property, and
 * the relationships in view that touch it (each one opens its evidence).
 */
import type { GraphNode } from '../../../server/src/contract.ts';
import { certaintyOf } from '../graph/certainty.ts';
import { displayLabel, nodeCaption } from '../graph/labels.ts';
import type { Expansion } from '../state/explorer-state.ts';
import { relationshipsOf, type GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { CertaintyLine } from './CertaintyBadge.tsx';
import { LabelChip, LabelSwatch } from './LabelChip.tsx';
import { NodeRef } from './NodeRef.tsx';
import { PropertyList } from './PropertyValue.tsx';

interface NodeDetailsProps {
  node: GraphNode;
  graph: GraphData;
  expansion: Expansion | undefined;
  expanding: boolean;
  onSelect(selection: Selection): void;
  onExpand(nodeId: string): void;
}

export function NodeDetails({ node, graph, expansion, expanding, onSelect, onExpand }: NodeDetailsProps) {
  const label = displayLabel(node.labels);
  const relationships = relationshipsOf(graph, node.id);
  const description = node.properties.description;
  return (
    <div className="details-body">
      <header className="details-header">
        <p className="details-kind">Node</p>
        <h2 className="details-title">
          <LabelSwatch label={label} size={16} />
          <span>{nodeCaption(node)}</span>
        </h2>
        <div className="chips">
          {node.labels.map((l) => (
            <LabelChip key={l} label={l} muted={l !== label} />
          ))}
        </div>
        <p className="details-id">
          id <code>{node.id}</code>
        </p>
        {typeof description === 'string' && <p className="details-description">{description}</p>}
      </header>

      <section className="details-section">
        <div className="expand-row">
          <button
            type="button"
            className="button button-primary"
            disabled={expanding}
            onClick={() => onExpand(node.id)}
            data-testid="expand-button"
          >
            Expand neighbours
          </button>
          <span className="muted small" data-testid="expansion-info">
            {expansion
              ? expansion.total > expansion.shown
                ? `showing ${expansion.shown} of ${expansion.total}`
                : `all ${expansion.total} shown`
              : `${relationships.length} relation${relationships.length === 1 ? '' : 's'} in view`}
          </span>
        </div>
      </section>

      <section className="details-section">
        <h3 className="section-title">Properties</h3>
        <PropertyList properties={node.properties} />
      </section>

      {relationships.length > 0 && (
        <section className="details-section">
          <h3 className="section-title">Relationships in view ({relationships.length})</h3>
          <ul className="rel-list">
            {relationships.map((rel) => {
              const outgoing = rel.source === node.id;
              const certainty = certaintyOf(rel.properties);
              return (
                <li key={rel.id} className="rel-row">
                  <button
                    type="button"
                    className="rel-type"
                    onClick={() => onSelect({ kind: 'relationship', id: rel.id })}
                    title="Show the evidence"
                  >
                    <span aria-label={outgoing ? 'outgoing' : 'incoming'}>{outgoing ? '→' : '←'}</span>
                    <span className="rel-type-name">{rel.type}</span>
                    {certainty && <CertaintyLine certainty={certainty} width={22} />}
                  </button>
                  <NodeRef nodeId={outgoing ? rel.target : rel.source} graph={graph} onSelect={onSelect} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
