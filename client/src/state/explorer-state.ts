/**
 * The explorer's view state and its reducer: the graph in view, how the first load went, the selection,
 * focus requests, which nodes were expanded (and how far), and the one-line notices the toolbar shows.
 * Pure: the App performs the API calls and dispatches their outcomes here.
 */
import type { Graph, GraphNode, NeighborsResponse } from '../../../server/src/contract.ts';
import { nodeCaption } from '../graph/labels.ts';
import { EMPTY_GRAPH, graphDataFrom, mergeGraph, removeFromGraph, type GraphData } from './graph-data.ts';
import type { FocusRequest, Selection } from './selection.ts';

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'failed'; code: string; message: string };

/** How much of a node's neighbourhood an expansion brought into view. */
export interface Expansion {
  shown: number;
  total: number;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Distinguishes two equal notices, so the second one shows again. */
  seq: number;
}

export interface ExplorerState {
  graph: GraphData;
  overview: LoadState;
  /** The node the latest additions came from; the canvas places them around it. */
  anchorId: string | null;
  selection: Selection;
  focus: FocusRequest | null;
  expansions: ReadonlyMap<string, Expansion>;
  /** A request in flight that the user is waiting on, e.g. "Expanding Kim Jong-un…". */
  busy: string | null;
  notice: Notice | null;
  /** Source of `seq` numbers for focus requests and notices. */
  seq: number;
}

export type ExplorerAction =
  | { type: 'overviewRequested' }
  | { type: 'overviewLoaded'; graph: Graph }
  | { type: 'overviewFailed'; code: string; message: string }
  | { type: 'busy'; text: string }
  | { type: 'expanded'; nodeId: string; response: NeighborsResponse }
  | { type: 'nodeOpened'; node: GraphNode }
  | { type: 'selected'; selection: Selection }
  /** Del: the selection leaves the view (never the database). */
  | { type: 'selectionRemoved' }
  | { type: 'requestFailed'; message: string }
  | { type: 'noticeDismissed' };

export const INITIAL_STATE: ExplorerState = {
  graph: EMPTY_GRAPH,
  overview: { status: 'loading' },
  anchorId: null,
  selection: null,
  focus: null,
  expansions: new Map(),
  busy: null,
  notice: null,
  seq: 0,
};

function nameOf(graph: GraphData, nodeId: string): string {
  const node = graph.nodes.get(nodeId);
  return node ? nodeCaption(node) : nodeId;
}

function expansionNotice(name: string, shown: number, total: number, added: number): string {
  if (total > shown) return `Showing ${shown} of ${total} neighbours of ${name}.`;
  if (total === 0) return `${name} has no neighbours.`;
  if (added === 0) return `All ${total} neighbours of ${name} are in view.`;
  return `Added ${added} neighbour${added === 1 ? '' : 's'} of ${name}.`;
}

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case 'overviewRequested':
      return { ...state, overview: { status: 'loading' } };
    case 'overviewLoaded':
      return { ...state, graph: graphDataFrom(action.graph), overview: { status: 'ready' }, anchorId: null };
    case 'overviewFailed':
      return { ...state, overview: { status: 'failed', code: action.code, message: action.message } };
    case 'busy':
      return { ...state, busy: action.text };
    case 'expanded': {
      const { data, addedNodeIds } = mergeGraph(state.graph, action.response);
      const shown = action.response.nodes.filter((node) => node.id !== action.nodeId).length;
      const total = Math.max(action.response.total, shown);
      const expansions = new Map(state.expansions).set(action.nodeId, { shown, total });
      const text = expansionNotice(nameOf(data, action.nodeId), shown, total, addedNodeIds.length);
      return {
        ...state,
        graph: data,
        anchorId: action.nodeId,
        expansions,
        busy: null,
        notice: { kind: 'info', text, seq: state.seq + 1 },
        seq: state.seq + 1,
      };
    }
    case 'nodeOpened': {
      const { data } = mergeGraph(state.graph, { nodes: [action.node], relationships: [] });
      return {
        ...state,
        graph: data,
        anchorId: null,
        selection: { kind: 'node', id: action.node.id },
        focus: { id: action.node.id, seq: state.seq + 1 },
        busy: null,
        seq: state.seq + 1,
      };
    }
    case 'selected':
      return { ...state, selection: action.selection };
    case 'selectionRemoved': {
      const { selection } = state;
      if (selection === null) return state;
      const graph =
        selection.kind === 'node' ? removeFromGraph(state.graph, [selection.id]) : removeFromGraph(state.graph, [], [selection.id]);
      const expansions = new Map(state.expansions);
      if (selection.kind === 'node') expansions.delete(selection.id);
      return { ...state, graph, expansions, selection: null, anchorId: null };
    }
    case 'requestFailed':
      return { ...state, busy: null, notice: { kind: 'error', text: action.message, seq: state.seq + 1 }, seq: state.seq + 1 };
    case 'noticeDismissed':
      return { ...state, notice: null };
  }
}
