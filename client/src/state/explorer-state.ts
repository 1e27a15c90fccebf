/**
 * The explorer's view state and its reducer. The *view* (graph in view, node positions, filters, what
 * each expansion added, the layout choice, the highlighted paths) changes only through actions that
 * record the previous view in a capped history, so every change can be undone and redone. Around it:
 * how the first load went, the selection, focus and layout requests for the canvas, the path being
 * picked, and the one-line notices the toolbar shows.
 * Pure: hooks (use-explorer.ts) perform the API calls and dispatch their outcomes here.
 */
import type { Position } from 'cytoscape';
import type { Graph, GraphNode } from '../../../server/src/contract.ts';
import type { NeighborQuery, NeighborsAnswer, PathsAnswer } from '../api/browse-types.ts';
import { nodeCaption } from '../graph/labels.ts';
import { DEFAULT_LAYOUT_NAME, MANUAL_LAYOUT_NAME, layoutByName } from '../graph/layouts.ts';
import { DEFAULT_FILTERS, type Filters } from './filters.ts';
import { EMPTY_GRAPH, graphDataFrom, mergeGraph, removeFromGraph, type GraphData } from './graph-data.ts';
import { DEFAULT_HISTORY_CAP, emptyHistory, recordChange, redo, undo, type History } from './history.ts';
import type { FocusRequest, Selection } from './selection.ts';

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'failed'; code: string; message: string };

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
  minCertainty: string | null;
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
  pinned: ReadonlySet<string>;
  layoutName: string;
  paths: PathHighlight | null;
}

/** A history entry: the view before a change, and what the change was ("expand Russia"). */
export interface HistoryEntry {
  view: ViewSnapshot;
  change: string;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Distinguishes two equal notices, so the second one shows again. */
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
   * Nodes Shift+clicked or boxed into the selection besides `selection` (which stays the one the details
   * panel shows: the last one clicked, or the first one boxed when no node was selected). Del removes them
   * all and the Export menu's "selection" holds them all.
   */
  alsoSelected: readonly string[];
  focus: FocusRequest | null;
  /** A request in flight that the user is waiting on, e.g. "Expanding Kim Jong-un…". */
  busy: string | null;
  notice: Notice | null;
  /** Bumped when the view jumps (undo, redo): the canvas moves every node to `positions`. */
  viewRevision: number;
  layoutRequest: LayoutRequest | null;
  /** "Path from here": the next node chosen becomes the path's other end. */
  pathPick: { fromId: string } | null;
  /** Source of `seq` numbers for focus requests, layout requests and notices. */
  seq: number;
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
      notice?: string;
    }
  | { type: 'overviewFailed'; code: string; message: string }
  | { type: 'busy'; text: string }
  /** Neighbours arrived. `open`: the node was chosen by name (search), so it is pinned, selected and centred. */
  | {
      type: 'expanded';
      nodeId: string;
      response: NeighborsAnswer;
      filtered?: boolean;
      /** The filters asked with (default none). */
      query?: Omit<NeighborQuery, 'limit' | 'after'>;
      open?: GraphNode;
      /** True: a further page of an expansion in view, added to it (`Add the next N`). */
      more?: boolean;
    }
  /** Collapse: takes away what the node's expansion added (nodes nothing else keeps in view). */
  | { type: 'collapsed'; nodeId: string }
  /** Nodes (and relationships) added by name: pinned; `focusId` is selected and centred. */
  | { type: 'nodesAdded'; graph: Graph; focusId?: string; change: string; text?: string }
  /**
   * A Cypher workbench result's graph: `replace` puts it in place of the view (and lays it out), `merge` adds
   * it to the view. Either way its nodes are pinned (asked for, so a collapse never removes them).
   */
  /** A workbench result's graph shown: in place of the view or merged into it, never past `viewMax` nodes. */
  | { type: 'queryGraphShown'; graph: Graph; mode: 'replace' | 'merge'; viewMax: number }
  | { type: 'selected'; selection: Selection }
  /** Shift+click: the node joins the selection, or leaves it when it was in it. */
  | { type: 'selectionToggled'; nodeId: string }
  /** Shift+drag on the background: the nodes inside the box join the selection. */
  | { type: 'nodesBoxSelected'; nodeIds: readonly string[] }
  /** Del: the selection leaves the view (never the database). */
  | { type: 'selectionRemoved' }
  | { type: 'filtersChanged'; filters: Filters; change: string }
  | { type: 'layoutChosen'; name: string }
  /** The canvas finished placing nodes (a layout, an incremental placement): the present positions, not a change. */
  | { type: 'positionsSettled'; positions: Positions }
  /** The analyst dragged nodes: a manual layout change. */
  | { type: 'nodesMoved'; positions: Positions }
  | { type: 'pathPickStarted'; fromId: string }
  | { type: 'pathPickCancelled' }
  | { type: 'pathsFound'; fromId: string; toId: string; response: PathsAnswer; minCertainty: string | null }
  | { type: 'pathsCleared' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'requestFailed'; message: string }
  | { type: 'noticeShown'; text: string; kind?: Notice['kind'] }
  | { type: 'noticeDismissed' };

export function initialState(options: { layoutName?: string } = {}): ExplorerState {
  return {
    graph: EMPTY_GRAPH,
    positions: {},
    filters: DEFAULT_FILTERS,
    expansions: new Map(),
    pinned: new Set(),
    layoutName: layoutByName(options.layoutName ?? DEFAULT_LAYOUT_NAME).name,
    paths: null,
    history: emptyHistory(),
    overview: { status: 'loading' },
    anchorId: null,
    selection: null,
    alsoSelected: [],
    focus: null,
    busy: null,
    notice: null,
    viewRevision: 0,
    layoutRequest: null,
    pathPick: null,
    seq: 0,
  };
}

export function snapshotOf(state: ExplorerState): ViewSnapshot {
  const { graph, positions, filters, expansions, pinned, layoutName, paths } = state;
  return { graph, positions, filters, expansions, pinned, layoutName, paths };
}

/**
 * Each undo step holds its own copy of the view's node and relationship maps (the elements themselves are
 * shared), about 200 bytes per node in all (bench/UNDO-RESULTS.md). Undo keeps the last 100 changes, and
 * fewer on views so big that 100 would pass this many map entries (some 100 MB): 25 on a 20,000-node view.
 */
const HISTORY_ENTRY_BUDGET = 1_500_000;
const MIN_HISTORY_STEPS = 10;

/** How many changes undo keeps for a view of this size. */
export function historyCap(graph: GraphData): number {
  const entries = Math.max(1, graph.nodes.size + graph.relationships.size);
  return Math.max(MIN_HISTORY_STEPS, Math.min(DEFAULT_HISTORY_CAP, Math.floor(HISTORY_ENTRY_BUDGET / entries)));
}

/** Applies a view change and records the view before it, so it can be undone. */
function commit(state: ExplorerState, change: string, patch: Partial<ExplorerState>): ExplorerState {
  return { ...state, ...patch, history: recordChange(state.history, { view: snapshotOf(state), change }, historyCap(state.graph)) };
}

function withNotice(state: ExplorerState, text: string, kind: Notice['kind'] = 'info'): Pick<ExplorerState, 'notice' | 'seq'> {
  return { notice: { kind, text, seq: state.seq + 1 }, seq: state.seq + 1 };
}

function nameOf(graph: GraphData, nodeId: string): string {
  const node = graph.nodes.get(nodeId);
  return node ? nodeCaption(node) : nodeId;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function expansionNotice(name: string, shown: number, total: number, added: number, filtered: boolean): string {
  const matching = filtered ? ' matching' : '';
  if (total > shown) return `Showing ${shown} of ${total}${matching} neighbours of ${name}.`;
  if (total === 0) return filtered ? `No neighbours of ${name} match.` : `${name} has no neighbours.`;
  if (added === 0) return `All ${total}${matching} neighbours of ${name} are in view.`;
  return `Added ${plural(added, `${filtered ? 'matching ' : ''}neighbour`)} of ${name}.`;
}

/** The selection, or null when it points at something no longer in `graph`. */
function validSelection(selection: Selection, graph: GraphData): Selection {
  if (selection === null) return null;
  const present = selection.kind === 'node' ? graph.nodes.has(selection.id) : graph.relationships.has(selection.id);
  return present ? selection : null;
}

/** The relationships that join consecutive nodes of each path. */
export function pathRelationshipIds(response: PathsAnswer): string[] {
  const ids = new Set<string>();
  for (const path of response.paths) {
    for (let i = 0; i + 1 < path.length; i++) {
      const a = path[i];
      const b = path[i + 1];
      for (const rel of response.relationships) {
        if ((rel.source === a && rel.target === b) || (rel.source === b && rel.target === a)) ids.add(rel.id);
      }
    }
  }
  return [...ids];
}

/**
 * What collapsing `nodeId` takes away: what its expansion added, minus what anything else keeps in view
 * (the node itself, nodes opened by name, expanded nodes, and whatever another expansion showed).
 */
export function collapseRemovals(state: Pick<ExplorerState, 'graph' | 'expansions' | 'pinned'>, nodeId: string) {
  const expansion = state.expansions.get(nodeId);
  if (!expansion) return { nodeIds: [], relationshipIds: [] };
  const keptNodes = new Set<string>([nodeId, ...state.pinned]);
  const keptRelationships = new Set<string>();
  for (const [otherId, other] of state.expansions) {
    if (otherId === nodeId) continue;
    keptNodes.add(otherId);
    for (const id of other.nodeIds) keptNodes.add(id);
    for (const id of other.relationshipIds) keptRelationships.add(id);
  }
  return {
    nodeIds: expansion.addedNodeIds.filter((id) => state.graph.nodes.has(id) && !keptNodes.has(id)),
    relationshipIds: expansion.addedRelationshipIds.filter((id) => state.graph.relationships.has(id) && !keptRelationships.has(id)),
  };
}

/** Every selected node: the multi-selection, then the node the details panel shows. */
export function selectedNodeIds(state: Pick<ExplorerState, 'selection' | 'alsoSelected'>): string[] {
  return state.selection?.kind === 'node' ? [...state.alsoSelected, state.selection.id] : [];
}

/** Shift+click on `nodeId`: it joins the selection (as the one shown), or leaves it. */
function toggleSelected(state: ExplorerState, nodeId: string): Pick<ExplorerState, 'selection' | 'alsoSelected'> {
  const selected = selectedNodeIds(state);
  if (!selected.includes(nodeId)) return { selection: { kind: 'node', id: nodeId }, alsoSelected: selected };
  const rest = selected.filter((id) => id !== nodeId);
  const last = rest.at(-1);
  return last === undefined ? { selection: null, alsoSelected: [] } : { selection: { kind: 'node', id: last }, alsoSelected: rest.slice(0, -1) };
}

/** Shift+drag: the boxed nodes join the selected ones; the details panel keeps its node, or shows the first. */
function addToSelection(state: ExplorerState, nodeIds: readonly string[]): Pick<ExplorerState, 'selection' | 'alsoSelected'> {
  const inView = nodeIds.filter((id) => state.graph.nodes.has(id));
  const selected = selectedNodeIds(state);
  const shown = state.selection?.kind === 'node' ? state.selection.id : inView[0];
  if (shown === undefined) return { selection: state.selection, alsoSelected: state.alsoSelected };
  const also = [...new Set([...selected, ...inView])].filter((id) => id !== shown);
  return { selection: { kind: 'node', id: shown }, alsoSelected: also };
}

/**
 * The multi-selection holds only nodes in view, never the shown node twice, and only beside a selected
 * node: whatever an action did to the graph or the selection, it can't outlive them.
 */
function withValidMultiSelection(state: ExplorerState): ExplorerState {
  if (state.alsoSelected.length === 0) return state;
  const shown = state.selection?.kind === 'node' ? state.selection.id : undefined;
  const kept = shown === undefined ? [] : state.alsoSelected.filter((id) => id !== shown && state.graph.nodes.has(id));
  return kept.length === state.alsoSelected.length ? state : { ...state, alsoSelected: kept };
}

/**
 * The canvas reports every node's position afresh after each layout step, though most did not move (an
 * expansion places only the new nodes). Keeping the present entries (or the whole record) for those that
 * didn't lets the undo snapshots share them, instead of each holding its own copy of every position
 * (bench/UNDO-RESULTS.md).
 */
export function sharePositions(present: Positions, reported: Positions): Positions {
  let same = Object.keys(present).length === Object.keys(reported).length;
  const shared: Record<string, Position> = {};
  for (const [id, position] of Object.entries(reported)) {
    const old = present[id];
    if (old !== undefined && old.x === position.x && old.y === position.y) shared[id] = old;
    else {
      shared[id] = position;
      same = false;
    }
  }
  return same ? present : shared;
}

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  return withValidMultiSelection(reduce(state, action));
}

function reduce(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case 'overviewRequested':
      return { ...state, overview: { status: 'loading' } };
    case 'overviewLoaded': {
      const graph = graphDataFrom(action.graph);
      return {
        ...state,
        graph,
        positions: action.positions ?? {},
        filters: action.filters ?? state.filters,
        layoutName: action.layoutName ? layoutByName(action.layoutName).name : state.layoutName,
        selection: validSelection(action.selection ?? null, graph),
        overview: { status: 'ready' },
        anchorId: null,
        ...(action.notice ? withNotice(state, action.notice) : {}),
      };
    }
    case 'overviewFailed':
      return { ...state, overview: { status: 'failed', code: action.code, message: action.message } };
    case 'busy':
      return { ...state, busy: action.text };
    case 'expanded': {
      const before = state.graph;
      const { data, addedNodeIds } = mergeGraph(before, action.response);
      const addedRelationshipIds = action.response.relationships.filter((rel) => !before.relationships.has(rel.id)).map((rel) => rel.id);
      const page = action.response.nodes.filter((node) => node.id !== action.nodeId).length;
      const previous = action.more ? state.expansions.get(action.nodeId) : undefined;
      const shown = (previous?.shown ?? 0) + page;
      const total = Math.max(action.response.total, shown);
      const filtered = action.filtered ?? previous?.filtered ?? false;
      const expansions = new Map(state.expansions).set(action.nodeId, {
        shown,
        total,
        addedNodeIds: [...(previous?.addedNodeIds ?? []), ...addedNodeIds],
        addedRelationshipIds: [...(previous?.addedRelationshipIds ?? []), ...addedRelationshipIds],
        nodeIds: [...(previous?.nodeIds ?? []), ...action.response.nodes.map((n) => n.id)],
        relationshipIds: [...(previous?.relationshipIds ?? []), ...action.response.relationships.map((r) => r.id)],
        filtered,
        query: action.query ?? previous?.query ?? {},
        next: action.response.next,
      });
      const name = nameOf(data, action.nodeId);
      const text = expansionNotice(name, shown, total, addedNodeIds.length, filtered);
      const opened = action.open !== undefined;
      return commit(state, `expand ${name}`, {
        graph: data,
        expansions,
        pinned: opened ? new Set(state.pinned).add(action.nodeId) : state.pinned,
        anchorId: action.nodeId,
        busy: null,
        ...withNotice(state, text),
        ...(opened ? { selection: { kind: 'node', id: action.nodeId }, focus: { id: action.nodeId, seq: state.seq + 1 } } : {}),
      });
    }
    case 'collapsed': {
      const name = nameOf(state.graph, action.nodeId);
      if (!state.expansions.has(action.nodeId)) return { ...state, ...withNotice(state, `${name} has no expansion to collapse.`) };
      const removal = collapseRemovals(state, action.nodeId);
      const graph = removeFromGraph(state.graph, removal.nodeIds, removal.relationshipIds);
      const expansions = new Map(state.expansions);
      expansions.delete(action.nodeId);
      const text =
        removal.nodeIds.length > 0
          ? `Collapsed ${name}: ${plural(removal.nodeIds.length, 'node')} left the view.`
          : `Collapsed ${name}: everything it added is kept in view by other expansions.`;
      return commit(state, `collapse ${name}`, {
        graph,
        expansions,
        anchorId: null,
        selection: validSelection(state.selection, graph),
        ...withNotice(state, text),
      });
    }
    case 'nodesAdded': {
      const { data } = mergeGraph(state.graph, action.graph);
      const pinned = new Set(state.pinned);
      for (const node of action.graph.nodes) pinned.add(node.id);
      const focus = action.focusId ? { selection: { kind: 'node', id: action.focusId } as const, focus: { id: action.focusId, seq: state.seq + 1 } } : {};
      if (data === state.graph) {
        // Already in view: select and centre it, nothing to undo.
        return { ...state, pinned, busy: null, ...(action.text ? withNotice(state, action.text) : { seq: state.seq + 1 }), ...focus };
      }
      return commit(state, action.change, {
        graph: data,
        pinned,
        anchorId: null,
        busy: null,
        ...(action.text ? withNotice(state, action.text) : { seq: state.seq + 1 }),
        ...focus,
      });
    }
    case 'queryGraphShown': {
      const nodes = plural(action.graph.nodes.length, 'node');
      const ready = { overview: { status: 'ready' } as const, busy: null, anchorId: null };
      if (action.mode === 'merge') {
        const fresh = action.graph.nodes.filter((node) => !state.graph.nodes.has(node.id)).length;
        if (state.graph.nodes.size + fresh > action.viewMax) {
          const cap = action.viewMax.toLocaleString('en');
          const text = `Adding the query's ${plural(fresh, 'new node')} would make ${(state.graph.nodes.size + fresh).toLocaleString('en')}, over the view's cap of ${cap}: show it in place of the view, or remove some nodes first.`;
          return { ...state, ...ready, ...withNotice(state, text) };
        }
        const { data, addedNodeIds } = mergeGraph(state.graph, action.graph);
        const pinned = new Set(state.pinned);
        for (const node of action.graph.nodes) pinned.add(node.id);
        const text = addedNodeIds.length === 0 ? `The query's ${nodes} are already in view.` : `Added ${plural(addedNodeIds.length, 'node')} from the query.`;
        if (data === state.graph) return { ...state, ...ready, pinned, ...withNotice(state, text) };
        return commit(state, 'add query result', { ...ready, graph: data, pinned, ...withNotice(state, text) });
      }
      const graph = graphDataFrom(action.graph);
      // A fresh view gets a fresh layout; a manual one has nothing to keep, so the default lays it out.
      const layout = layoutByName(state.layoutName);
      const layoutName = layout.manual ? DEFAULT_LAYOUT_NAME : layout.name;
      return commit(state, 'show query result', {
        ...ready,
        graph,
        positions: {},
        expansions: new Map(),
        pinned: new Set(graph.nodes.keys()),
        paths: null,
        pathPick: null,
        layoutName,
        layoutRequest: { name: layoutName, seq: state.seq + 1 },
        selection: validSelection(state.selection, graph),
        ...withNotice(state, `Showing the query's ${nodes} and ${plural(action.graph.relationships.length, 'relationship')}.`),
      });
    }
    case 'selected':
      return { ...state, selection: action.selection, alsoSelected: [] };
    case 'selectionToggled':
      return { ...state, ...toggleSelected(state, action.nodeId) };
    case 'nodesBoxSelected':
      return { ...state, ...addToSelection(state, action.nodeIds) };
    case 'selectionRemoved': {
      const { selection } = state;
      if (selection === null) return state;
      const isNode = selection.kind === 'node';
      const nodeIds = selectedNodeIds(state);
      const graph = isNode ? removeFromGraph(state.graph, nodeIds) : removeFromGraph(state.graph, [], [selection.id]);
      const expansions = new Map(state.expansions);
      const pinned = new Set(state.pinned);
      for (const id of nodeIds) {
        expansions.delete(id);
        pinned.delete(id);
      }
      const what =
        nodeIds.length > 1
          ? `${nodeIds.length} nodes`
          : isNode
            ? nameOf(state.graph, selection.id)
            : (state.graph.relationships.get(selection.id)?.type ?? 'relationship');
      return commit(state, `remove ${what}`, { graph, expansions, pinned, selection: null, alsoSelected: [], anchorId: null });
    }
    case 'filtersChanged':
      return commit(state, action.change, { filters: action.filters });
    case 'layoutChosen': {
      const layout = layoutByName(action.name);
      return commit(state, `${layout.title.toLowerCase()} layout`, {
        layoutName: layout.name,
        layoutRequest: layout.manual ? state.layoutRequest : { name: layout.name, seq: state.seq + 1 },
        seq: state.seq + 1,
      });
    }
    case 'positionsSettled': {
      const positions = sharePositions(state.positions, action.positions);
      return positions === state.positions ? state : { ...state, positions };
    }
    case 'nodesMoved':
      return commit(state, 'move nodes', { positions: sharePositions(state.positions, action.positions), layoutName: MANUAL_LAYOUT_NAME });
    case 'pathPickStarted':
      return {
        ...state,
        pathPick: { fromId: action.fromId },
        ...withNotice(state, `Path from ${nameOf(state.graph, action.fromId)}: click the other end (Esc cancels).`),
      };
    case 'pathPickCancelled':
      return { ...state, pathPick: null };
    case 'pathsFound': {
      const { response } = action;
      const from = nameOf(state.graph, action.fromId);
      const pathsNodes = response.paths.flat();
      const found = response.paths.length > 0 && pathsNodes.length > 0;
      const base = { busy: null, pathPick: null };
      if (!found) {
        const stoppedEarly = response.searched.stoppedEarly;
        const paths: PathHighlight = { fromId: action.fromId, toId: action.toId, nodeIds: [], relationshipIds: [], routes: [], count: 0, length: 0, minCertainty: action.minCertainty, stoppedEarly };
        const to = nameOf(mergeGraph(state.graph, response).data, action.toId);
        const text = stoppedEarly
          ? `The search between ${from} and ${to} stopped early: it would have read more than ${response.searched.budget.toLocaleString('en')} relationships. A longer path may exist.`
          : `No path between ${from} and ${to}.`;
        return { ...state, ...base, paths, ...withNotice(state, text) };
      }
      const { data } = mergeGraph(state.graph, response);
      const to = nameOf(data, action.toId);
      const length = Math.min(...response.paths.map((path) => path.length - 1));
      const paths: PathHighlight = {
        fromId: action.fromId,
        toId: action.toId,
        nodeIds: [...new Set(pathsNodes)],
        relationshipIds: pathRelationshipIds(response),
        routes: response.paths,
        count: response.paths.length,
        length,
        minCertainty: action.minCertainty,
        stoppedEarly: false,
      };
      const pinned = new Set(state.pinned).add(action.fromId).add(action.toId);
      const text = `${plural(paths.count, 'shortest path')} of ${plural(length, 'step')} between ${from} and ${to}.`;
      return commit(state, `paths ${from} → ${to}`, { ...base, graph: data, paths, pinned, anchorId: null, ...withNotice(state, text) });
    }
    case 'pathsCleared':
      if (state.paths === null) return state;
      if (state.paths.count === 0) return { ...state, paths: null };
      return commit(state, 'clear path highlight', { paths: null });
    case 'undo':
    case 'redo': {
      // The present moves to the other stack under the name of the change it stands for.
      const present = (entry: HistoryEntry): HistoryEntry => ({ view: snapshotOf(state), change: entry.change });
      const step = action.type === 'undo' ? undo(state.history, present) : redo(state.history, present);
      if (!step) return state;
      const { view, change } = step.entry;
      return {
        ...state,
        ...view,
        history: step.history,
        selection: validSelection(state.selection, view.graph),
        anchorId: null,
        pathPick: null,
        viewRevision: state.viewRevision + 1,
        ...withNotice(state, `${action.type === 'undo' ? 'Undone' : 'Redone'}: ${change}.`),
      };
    }
    case 'requestFailed':
      return { ...state, busy: null, ...withNotice(state, action.message, 'error') };
    case 'noticeShown':
      // A notice ends the wait it answers (e.g. "choose which neighbours to add").
      return { ...state, busy: null, ...withNotice(state, action.text, action.kind) };
    case 'noticeDismissed':
      return { ...state, notice: null };
  }
}
