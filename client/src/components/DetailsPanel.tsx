/**
 * The right-hand panel for the selection: a node's labels and properties, or a relationship's evidence.
 * Always on screen (an empty state when nothing is selected), so selecting never shifts the layout.
 */
import type { Expansion } from '../state/explorer-state.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { NodeDetails } from './NodeDetails.tsx';
import { RelationshipDetails } from './RelationshipDetails.tsx';

interface DetailsPanelProps {
  graph: GraphData;
  selection: Selection;
  expansions: ReadonlyMap<string, Expansion>;
  expanding: boolean;
  onSelect(selection: Selection): void;
  onExpand(nodeId: string): void;
}

export function DetailsPanel({ graph, selection, expansions, expanding, onSelect, onExpand }: DetailsPanelProps) {
  const node = selection?.kind === 'node' ? graph.nodes.get(selection.id) : undefined;
  const relationship = selection?.kind === 'relationship' ? graph.relationships.get(selection.id) : undefined;
  return (
    <aside
      className="details"
      data-testid="details-panel"
      data-selection={selection?.kind ?? 'none'}
      aria-label="Selection details"
    >
      {node ? (
        <NodeDetails
          key={node.id}
          node={node}
          graph={graph}
          expansion={expansions.get(node.id)}
          expanding={expanding}
          onSelect={onSelect}
          onExpand={onExpand}
        />
      ) : relationship ? (
        <RelationshipDetails key={relationship.id} relationship={relationship} graph={graph} onSelect={onSelect} />
      ) : (
        <div className="details-empty">
          <h2>Nothing selected</h2>
          <p className="muted">
            Click a node to see its properties, or a relationship to read its evidence: the quote, who reported it
            and how certain it is.
          </p>
          <ul className="hints">
            <li>
              <kbd>/</kbd> search
            </li>
            <li>
              <kbd>double-click</kbd> expand a node
            </li>
            <li>
              <kbd>Esc</kbd> clear the selection
            </li>
            <li>
              <kbd>Del</kbd> remove the selection from view (not from the database)
            </li>
          </ul>
        </div>
      )}
    </aside>
  );
}
