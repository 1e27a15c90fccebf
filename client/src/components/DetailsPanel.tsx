/**
 * The right-hand panel for the selection: a node's evidence, money flows and properties, or a
 * relationship's evidence. Always on screen (with shortcuts and the money flows in view when nothing is
 * selected), so selecting never shifts the layout.
 */
import type { GraphNode, GraphRelationship } from '../../../server/src/contract.ts';
import type { Expansion } from '../state/explorer-state.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { HiddenIds } from '../state/money-flows.ts';
import type { Selection } from '../state/selection.ts';
import { MoneyFlows } from './MoneyFlows.tsx';
import { NodeDetails } from './NodeDetails.tsx';
import { RelationshipDetails } from './RelationshipDetails.tsx';
import './DetailsPanel.css';

/** What the panel can ask for. */
export interface DetailsActions {
  onSelect(selection: Selection): void;
  onExpand(nodeId: string): void;
  /** Adds the next `count` neighbours of an expansion that shows only some. */
  onExpandMore(nodeId: string, count: number): void;
  onCollapse(nodeId: string): void;
  onPathFrom(nodeId: string): void;
  /** Brings a node that is not in view into view and selects it. */
  onOpenNode(nodeId: string): void;
  /** Adds a relationship (and its ends) found in the evidence, and selects it. */
  onShowClaim(relationship: GraphRelationship, nodes: GraphNode[]): void;
}

interface DetailsPanelProps extends DetailsActions {
  graph: GraphData;
  /** Nodes and relationships the filters hide: panels that sum up the view leave them out. */
  hidden: HiddenIds;
  selection: Selection;
  /** How many nodes are selected besides the one shown (Shift+click). */
  alsoSelectedCount: number;
  expansions: ReadonlyMap<string, Expansion>;
  expanding: boolean;
  /** Neighbours one "Add the next" adds: the neighbour cap of the settings. */
  pageSize: number;
  /**
   * In a narrow window the panel overlays the canvas (App.css): shown while `open` (a selection opens it,
   * clearing it closes it, and its × or I toggles it). In a wide window it is a column and always shown.
   * Marked `data-over-canvas`, so the camera centres and fits into the part of the canvas it leaves free.
   */
  open: boolean;
  /** Nodes of the view under the panel where it overlays the canvas (GraphCanvas's onUnderPanel): said at its top. */
  underPanel: number;
  onClose(): void;
}

const SHORTCUTS: Array<[string, string]> = [
  ['/', 'search (also Ctrl+K)'],
  ['E', 'expand the selected node (or double-click) · Shift+E choose which neighbours'],
  ['C', 'collapse what its expansion added'],
  ['P', 'path from the selected node · Shift+P pin or unpin'],
  ['Shift+click', 'add a node to the selection, or take it out'],
  ['Shift+drag', 'add the nodes in a box to the selection'],
  ['Ctrl+A', 'select every node in view (not hidden) · Ctrl+I invert'],
  ['H', 'hide the selection · O show only it · Shift+H show hidden'],
  ['Del', 'remove the selection from view (not from the database)'],
  ['Ctrl+Z', 'undo · Ctrl+Shift+Z / Ctrl+Y redo'],
  ['F', 'fit · + / − zoom · Shift+F fullscreen'],
  ['Shift+F10', 'context menu of the selection (or right click)'],
  ['I', 'show or hide this panel (in a narrow window) · [ collapse the sidebar'],
  ['Ctrl+`', 'open or close the Cypher workbench (Esc closes it too)'],
  ['Esc', 'clear the selection'],
];

export function DetailsPanel(props: DetailsPanelProps) {
  const { graph, selection, expansions, expanding } = props;
  const node = selection?.kind === 'node' ? graph.nodes.get(selection.id) : undefined;
  const relationship = selection?.kind === 'relationship' ? graph.relationships.get(selection.id) : undefined;
  return (
    <aside className="details" data-testid="details-panel" data-selection={selection?.kind ?? 'none'} data-open={props.open} data-over-canvas="" aria-label="Selection details">
      <button type="button" className="details-close link-button" onClick={props.onClose} aria-label="Close the details panel (I)" title="Close the details panel (I)" data-testid="details-close">
        ×
      </button>
      {props.open && props.underPanel > 0 && (
        <p className="details-under muted small" data-testid="under-panel-note" role="status">
          {props.underPanel === 1 ? '1 node' : `${props.underPanel.toLocaleString('en')} nodes`} of the view under this panel · <kbd>I</kbd> closes it
        </p>
      )}
      {(node || relationship) && props.alsoSelectedCount > 0 && (
        <p className="details-multi muted small" data-testid="multi-selection" role="status">
          {props.alsoSelectedCount + 1} {node ? 'nodes' : 'relationships'} selected, this one shown. <kbd>H</kbd> hides them, <kbd>O</kbd> shows only{' '}
          {node ? 'them' : 'their ends'}, <kbd>Del</kbd> removes them from the view; Export → Selection exports {node ? 'them' : 'their ends'}.
        </p>
      )}
      {node ? (
        <NodeDetails key={node.id} node={node} graph={graph} hidden={props.hidden} expansion={expansions.get(node.id)} expanding={expanding} pageSize={props.pageSize} actions={props} />
      ) : relationship ? (
        <RelationshipDetails key={relationship.id} relationship={relationship} graph={graph} onSelect={props.onSelect} onOpenNode={props.onOpenNode} />
      ) : (
        <div className="details-empty">
          <h2>Nothing selected</h2>
          <p className="muted">
            Click a node to see what is claimed about it and by whom, or a relationship to read its evidence: the quote in
            its article, who reported it and how certain it is.
          </p>
          <ul className="plain-list hints">
            {SHORTCUTS.map(([key, what]) => (
              <li key={key}>
                <kbd>{key}</kbd> {what}
              </li>
            ))}
          </ul>
          <MoneyFlowsSection graph={graph} hidden={props.hidden} onSelect={props.onSelect} />
        </div>
      )}
    </aside>
  );
}

function MoneyFlowsSection({ graph, hidden, onSelect }: { graph: GraphData; hidden: HiddenIds; onSelect(selection: Selection): void }) {
  return (
    <section className="money-section">
      <h3 className="section-title">Money flows in view</h3>
      <MoneyFlows graph={graph} hidden={hidden} onSelect={onSelect} />
    </section>
  );
}
