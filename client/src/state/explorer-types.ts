/**
 * The explorer's view state and its actions, as types: what the reducer (explorer-state.ts) holds and what
 * the hooks dispatch to it.
 */
import type { Position } from 'cytoscape';
import type { Certainty, Graph, GraphNode, NeighborsResponse, PathsResponse } from '../../../server/src/contract.ts';
import type { NeighborQuery } from '../api/browse-types.ts';
import type { AnyErrorCode } from '../api/http.ts';
import type { Filters } from './filters.ts';
import type { GraphData } from './graph-data.ts';
import type { History } from './history.ts';
import type { FocusRequest, Selection } from './selection.ts';
import type { Camera } from './url-state.ts';

export type { Camera } from './url-state.ts';

export type LoadState =
  | { status: 'loading' }
  /** `from`: the first view came from a shared link's ids, or is the database's overview. */
  | { status: 'ready'; from?: 'link' | 'overview' }
  | { status: 'failed'; code: AnyErrorCode; message: string };

/** What one expansion of a node brought into view, so that collapsing it can take exactly that away. */
export interface Expansion {
  /** Neighbours the answer held. */
  shown: number;
  /** Neighbours matching the request before the limit (all of them when unfiltered). */
  total: number;
  /** What the expansion brought into view that was not there before: what collapsing it takes away. */
  addedNodeIds: readonly string[];
  addedRelationshipIds: readonly string[];
  /** Everything the answer held (new or not): other expansions' collapses leave these in view. */
  nodeIds: readonly string[];
  relationshipIds: readonly string[];
  /** True when the expansion was narrowed to some types, labels or a certainty floor. */
  filtered: boolean;
  /** The filters it asked with (no limit, no cursor), so that the next page asks the same. */
  query: Omit<NeighborQuery, 'limit' | 'after'>;
  /** The cursor of the neighbours after those shown (the answer's `next`), null when all are shown. */
  next: string | null;
}

/** Shortest paths found between two nodes; `count` 0 means there is none (nothing is highlighted). */
export interface PathHighlight {
  fromId: string;
  toId: string;
  nodeIds: readonly string[];
  relationshipIds: readonly string[];
  /** Each path as its ordered node ids. */
  routes: readonly (readonly string[])[];
  count: number;
  /** Relationships in the shortest path. */
  length: number;
  /** The longest path searched for, in relationships (the request's `maxLength`). */
  maxLength: number;
  minCertainty: Certainty | null;
  /**
   * The server's search stopped at its budget before finding a path or ruling one out: "no path" then
   * means "none found within the budget" (PathsResponse.searched).
   */
  stoppedEarly: boolean;
}

export type Positions = Readonly<Record<string, Position>>;

/** Everything an undo restores. */
export interface ViewSnapshot {
  graph: GraphData;
  positions: Positions;
  filters: Filters;
  expansions: ReadonlyMap<string, Expansion>;
  /** Nodes the analyst asked for by name (search, path ends, samples): a collapse never removes them. */
  askedFor: ReadonlySet<string>;
  /** Pinned nodes: they keep their place through every layout, undo and redo, and shared links. */
  pinned: ReadonlySet<string>;
  layoutName: string;
  paths: PathHighlight | null;
}

/**
 * A history entry: the view before a change, what the change was ("expand Russia"), and the selection and
 * camera of that moment. Undo and redo bring the view and its camera back (the camera was the one those
 * positions were seen through), and the selection when the present one is gone from the view restored.
 */
export interface HistoryEntry {
  view: ViewSnapshot;
  change: string;
  selection: Selection;
  alsoSelected: readonly string[];
  camera: Camera | null;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** What it reports on, when that is the selection ("26 nodes selected."): a new selection takes it away. */
  about?: 'selection';
  /** Distinguishes two equal notices, so the second one shows again. */
  seq: number;
}

/** Asks the canvas to show its next drawing through `camera` (a shared link's) instead of fitting it. */
export interface CameraRequest {
  camera: Camera;
  seq: number;
}

/** Asks the canvas to run a layout over the whole graph. */
export interface LayoutRequest {
  name: string;
  seq: number;
}

export interface ExplorerState extends ViewSnapshot {
  history: History<HistoryEntry>;
  overview: LoadState;
  /** The node the latest additions came from; the canvas places them around it. */
  anchorId: string | null;
  selection: Selection;
  /**
   * Elements selected besides `selection`, of its kind (selection.ts keeps it so): nodes Shift+clicked or
   * boxed (`selection` stays the one the details panel shows: the last one clicked, or the first one boxed
   * when no node was selected), or the relationships of a type's schema sample. Del removes them all, H
   * hides them, and the Export menu's "selection" holds them all (a relationship's two ends).
   */
  alsoSelected: readonly string[];
  focus: FocusRequest | null;
  /** A request in flight that the user is waiting on, e.g. "Expanding Kim Jong-un…". */
  busy: string | null;
  notice: Notice | null;
  /** Bumped when the view jumps (undo, redo): the canvas moves every node to `positions`. */
  viewRevision: number;
  layoutRequest: LayoutRequest | null;
  /**
   * Where the view looks, as the canvas last reported it (a shared link's camera until the canvas has
   * drawn): not part of the view's history, but of its link.
   */
  camera: Camera | null;
  cameraRequest: CameraRequest | null;
  /** "Path from here": the next node chosen becomes the path's other end. */
  pathPick: { fromId: string } | null;
  /** Source of `seq` numbers for focus requests, layout requests and notices. */
  seq: number;
}

/**
 * Carried by the outcome of a request the view waits on (an answer, its failure): the `viewRevision` the
 * request was made in. An undo or redo since then makes the answer stale, and the reducer drops it, so
 * that a late answer never lands on a view it was not asked for (nor empties redo).
 */
export interface AnswerTo {
  revision?: number;
}

export type ExplorerAction =
  | { type: 'overviewRequested' }
  /** The first view: the overview, or a shared view restored from the URL (with its filters, selection, layout). */
  | {
      type: 'overviewLoaded';
      graph: Graph;
      positions?: Positions;
      filters?: Filters;
      layoutName?: string;
      selection?: Selection;
      /** A shared link's camera: the canvas shows the first drawing through it. */
      camera?: Camera;
      /** A shared link's pinned nodes. */
      pinned?: readonly string[];
      notice?: string;
      /** True when the graph is a shared link's nodes (absent: the overview). */
      fromLink?: boolean;
    }
  | { type: 'overviewFailed'; code: AnyErrorCode; message: string }
  | { type: 'busy'; text: string }
  /** Neighbours arrived. `open`: the node was chosen by name (search), so it is kept on collapse (askedFor), selected and centred. */
  | ({
      type: 'expanded';
      nodeId: string;
      response: NeighborsResponse;
      filtered?: boolean;
      /** The filters asked with (default none). */
      query?: Omit<NeighborQuery, 'limit' | 'after'>;
      open?: GraphNode;
      /** True: a further page of an expansion in view, added to it (`Add the next N`). */
      more?: boolean;
      /** The most nodes the view holds (VIEW_MAX_NODES): neighbours past it are left out, the cursor kept. */
      viewMax?: number;
      /** The most relationships the view holds (twice viewMax): relationships past it are left out, the node's own last. */
      relationshipMax?: number;
    } & AnswerTo)
  /** Collapse: takes away what the node's expansion added (nodes nothing else keeps in view). */
  | { type: 'collapsed'; nodeId: string }
  /** Nodes (and relationships) added by name: kept on collapse (askedFor); `focusId` is selected and centred. */
  | ({
      type: 'nodesAdded';
      graph: Graph;
      focusId?: string;
      change: string;
      text?: string;
      /**
       * A schema sample (`Country nodes`, `SIGNED relationships`): its nodes are brought into view together,
       * whether or not they were in view already, and selected (a type's sample: its relationships, with
       * `relationships` true), and the notice says how many were new.
       */
      sample?: string;
      relationships?: boolean;
    } & AnswerTo)
  /**
   * A Cypher workbench result's graph: `replace` puts it in place of the view (and lays it out), `merge` adds
   * it to the view. Either way its nodes are in askedFor (a collapse never removes them).
   */
  /** A workbench result's graph shown: in place of the view or merged into it, never past `viewMax` nodes. */
  | { type: 'queryGraphShown'; graph: Graph; mode: 'replace' | 'merge'; viewMax: number; relationshipMax?: number }
  | { type: 'selected'; selection: Selection }
  /** Shift+click: the node joins the selection, or leaves it when it was in it. */
  | { type: 'selectionToggled'; nodeId: string }
  /** Shift+drag on the background: the nodes inside the box join the selection. */
  | { type: 'nodesBoxSelected'; nodeIds: readonly string[] }
  /** Ctrl+A: every node drawn is selected. */
  | { type: 'allSelected' }
  /** Ctrl+I: the drawn nodes not selected become the selection. */
  | { type: 'selectionInverted' }
  /** The selection is hidden (kept in view, not drawn) until "Show hidden". */
  | { type: 'selectionHidden' }
  /** Every drawn node outside the selection is hidden. */
  | { type: 'othersHidden' }
  /** What was hidden by hand is drawn again. */
  | { type: 'hiddenShown' }
  /** Pins the selected nodes, or unpins them when every one is pinned (Shift+P, the context menu). */
  | { type: 'pinToggled' }
  /** Every pin is taken out. */
  | { type: 'allUnpinned' }
  /** Del: the selection leaves the view (never the database). */
  | { type: 'selectionRemoved' }
  | { type: 'filtersChanged'; filters: Filters; change: string }
  | { type: 'layoutChosen'; name: string }
  /** The layout of request `seq` was cancelled before it placed anything. */
  | { type: 'layoutCancelled'; seq: number }
  /** The canvas finished placing nodes (a layout, an incremental placement): the present positions, not a change. */
  | { type: 'positionsSettled'; positions: Positions }
  /** The analyst dragged nodes: a manual layout change. */
  | { type: 'nodesMoved'; positions: Positions }
  /** The analyst panned or zoomed (or the canvas fitted the view): where it looks now, not a change. */
  | { type: 'cameraMoved'; camera: Camera }
  | { type: 'pathPickStarted'; fromId: string }
  | { type: 'pathPickCancelled' }
  | ({ type: 'pathsFound'; fromId: string; toId: string; response: PathsResponse; minCertainty: Certainty | null; maxLength: number } & AnswerTo)
  | { type: 'pathsCleared' }
  | { type: 'undo' }
  | { type: 'redo' }
  | ({ type: 'requestFailed'; message: string } & AnswerTo)
  | ({ type: 'noticeShown'; text: string; kind?: Notice['kind'] } & AnswerTo)
  | { type: 'noticeDismissed' };
