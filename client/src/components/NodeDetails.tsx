/**
 * The panel for a selected node: caption, labels, id, description; Expand / Collapse / Path from here;
 * its evidence (claims grouped by source and certainty), the money flows it takes part in, every
 * property, and the relationships in view that touch it (each one opens its evidence).
 */
import type { GraphNode } from '../../../server/src/contract.ts';
import { viewMaxNodes } from '../api/server-limits.ts';
import { certaintyOf } from '../graph/certainty.ts';
import { displayLabel, nodeCaption } from '../graph/labels.ts';
import type { Expansion } from '../state/explorer-state.ts';
import { relationshipsOf, type GraphData } from '../state/graph-data.ts';
import { drawnFlows, type HiddenIds } from '../state/money-flows.ts';
import { CertaintyLine } from './CertaintyBadge.tsx';
import type { DetailsActions } from './DetailsPanel.tsx';
import { Icon } from './Icon.tsx';
import { LabelChip, LabelSwatch } from './LabelChip.tsx';
import { MoneyFlows } from './MoneyFlows.tsx';
import { NodeEvidence } from './NodeEvidence.tsx';
import { NodeRef } from './NodeRef.tsx';
import { PropertyList } from './PropertyValue.tsx';
import './NodeDetails.css';

interface NodeDetailsProps {
  node: GraphNode;
  graph: GraphData;
  /** Nodes the filters hide. */
  /** Nodes and relationships the filters hide. */
  hidden: HiddenIds;
  expansion: Expansion | undefined;
  expanding: boolean;
  /** Neighbours one "Add the next" adds. */
  pageSize: number;
  actions: DetailsActions;
}

function expansionText(expansion: Expansion | undefined, inView: number): string {
  if (!expansion) return `${inView} relation${inView === 1 ? '' : 's'} in view`;
  const matching = expansion.filtered ? ' matching' : '';
  return expansion.total > expansion.shown ? `showing ${expansion.shown} of ${expansion.total}${matching}` : `all ${expansion.total}${matching} shown`;
}

export function NodeDetails({ node, graph, hidden, expansion, expanding, pageSize, actions }: NodeDetailsProps) {
  const label = displayLabel(node.labels);
  const relationships = relationshipsOf(graph, node.id);
  const description = node.properties.description;
  const hasFlows = drawnFlows(graph, hidden, node.id).length > 0;
  return (
    <div className="details-body">
      <header className="details-header">
        <p className="details-kind">Node</p>
        <h2 className="details-title">
          <LabelSwatch label={label} size={18} />
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
        <div className="action-row">
          <button type="button" className="button button-primary" disabled={expanding} onClick={() => actions.onExpand(node.id)} data-testid="expand-button" title="Expand (E)">
            <Icon name="expand" size={14} />
            Expand
          </button>
          <button type="button" className="button" disabled={!expansion} onClick={() => actions.onCollapse(node.id)} data-testid="collapse-button" title="Collapse what its expansion added (C)">
            <Icon name="collapse" size={14} />
            Collapse
          </button>
          <button type="button" className="button" onClick={() => actions.onPathFrom(node.id)} data-testid="path-from-button" title="Then click the other end (P)">
            <Icon name="path" size={14} />
            Path from here
          </button>
        </div>
        <p className="muted small expansion-info" data-testid="expansion-info">
          {expansionText(expansion, relationships.length)}
        </p>
        {expansion?.next && <MoreNeighbours nodeId={node.id} expansion={expansion} graph={graph} pageSize={pageSize} expanding={expanding} actions={actions} />}
      </section>

      <section className="details-section">
        <h3 className="section-title">Evidence</h3>
        <NodeEvidence node={node} graph={graph} onSelect={actions.onSelect} onOpenNode={actions.onOpenNode} onShowClaim={actions.onShowClaim} />
      </section>

      {hasFlows && (
        <section className="details-section">
          <h3 className="section-title">Money flows</h3>
          <MoneyFlows graph={graph} nodeId={node.id} hidden={hidden} onSelect={actions.onSelect} />
        </section>
      )}

      <section className="details-section">
        <h3 className="section-title">Properties</h3>
        <PropertyList properties={node.properties} />
      </section>

      {relationships.length > 0 && (
        <section className="details-section">
          <h3 className="section-title">Relationships in view ({relationships.length})</h3>
          <ul className="plain-list rel-list">
            {relationships.map((rel) => {
              const outgoing = rel.source === node.id;
              const certainty = certaintyOf(rel.properties);
              return (
                <li key={rel.id} className="rel-row">
                  <button type="button" className="rel-type" onClick={() => actions.onSelect({ kind: 'relationship', id: rel.id })} title="Show the evidence">
                    <span aria-label={outgoing ? 'outgoing' : 'incoming'}>{outgoing ? '→' : '←'}</span>
                    <span className="rel-type-name">{rel.type}</span>
                    {certainty && <CertaintyLine certainty={certainty} width={22} />}
                  </button>
                  <NodeRef nodeId={outgoing ? rel.target : rel.source} graph={graph} onSelect={actions.onSelect} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}

/**
 * The offer of more neighbours when an expansion shows only some: the next page (the neighbour cap) and
 * all the rest, both held to what the view has room for (`viewMaxNodes()`), which it says.
 */
function MoreNeighbours(props: { nodeId: string; expansion: Expansion; graph: GraphData; pageSize: number; expanding: boolean; actions: DetailsActions }) {
  const { nodeId, expansion, graph, pageSize, expanding, actions } = props;
  const remaining = Math.max(0, expansion.total - expansion.shown);
  const room = Math.max(0, viewMaxNodes() - graph.nodes.size);
  const next = Math.min(pageSize, remaining, room);
  const all = Math.min(remaining, room);
  if (room === 0) {
    return (
      <p className="muted small" data-testid="view-full">
        The view holds {viewMaxNodes().toLocaleString('en')} nodes, its cap: remove some to add more neighbours.
      </p>
    );
  }
  return (
    <div className="action-row">
      <button type="button" className="button" disabled={expanding} onClick={() => actions.onExpandMore(nodeId, next)} data-testid="expand-next">
        Add the next {next.toLocaleString('en')}
      </button>
      {all > next && (
        <button type="button" className="button" disabled={expanding} onClick={() => actions.onExpandMore(nodeId, all)} data-testid="expand-rest">
          {all === remaining ? `Add all ${all.toLocaleString('en')} remaining` : `Add ${all.toLocaleString('en')} more (the view's cap)`}
        </button>
      )}
    </div>
  );
}
