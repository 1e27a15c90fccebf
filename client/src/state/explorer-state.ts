/**
 * The explorer's view state and its reducer. The *view* (graph in view, node positions, filters, what
 * each expansion added, the layout choice, the highlighted paths) changes only through actions that
 * record the previous view in a capped history, so every change can be undone and redone. Around it:
 * how the first load went, the selection, focus and layout requests for the canvas, the path being
 * picked, and the one-line notices the toolbar shows.
 * Pure: hooks (use-explorer.ts) perform the API calls and dispatch their outcomes here.
 */
import type { Position } from 'cytoscape';
import { DEFAULT_LAYOUT_NAME, MANUAL_LAYOUT_NAME, layoutByName } from '../graph/layouts.ts';
import { collapseRemovals, reduceCollapsed, reduceExpanded } from './expansion.ts';
import type { ExplorerAction, ExplorerState, Positions } from './explorer-types.ts';
import { DEFAULT_FILTERS } from './filters.ts';
import { EMPTY_GRAPH, graphDataFrom, mergeGraph, removeFromGraph, type GraphData } from './graph-data.ts';
import { openedNodeShown, reduceAllSelected, reduceHiddenShown, reduceOthersHidden, reduceSelectionHidden, reduceSelectionInverted } from './hiding.ts';
import { emptyHistory } from './history.ts';
import { reduceAllUnpinned, reducePinToggled } from './pins.ts';
import { nameOf, noticeAfterSelecting, plural, withNotice } from './notices.ts';
import { pathRelationshipIds, reducePathsFound } from './paths.ts';
import { addToSelection, relationshipsName, selectedNodeIds, selectedRelationshipIds, toggleSelected, validSelection, withValidMultiSelection } from './selection.ts';
import { commit, historyCap, snapshotOf, stepHistory, takeBackLayout } from './view-history.ts';

export type * from './explorer-types.ts';
export { collapseRemovals, historyCap, pathRelationshipIds, selectedNodeIds, snapshotOf };

export function initialState(options: { layoutName?: string } = {}): ExplorerState {
  return {
    graph: EMPTY_GRAPH,
    positions: {},
    filters: DEFAULT_FILTERS,
    expansions: new Map(),
    askedFor: new Set(),
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
    camera: null,
    cameraRequest: null,
    pathPick: null,
    seq: 0,
  };
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
  if (isStale(state, action)) return state;
  return withValidMultiSelection(reduce(state, action));
}

/**
 * A schema sample arrived: its nodes are brought into view together and selected, whether they are new or
 * were in view already (a click on a label whose nodes were all in view said "Added up to 25" and nothing
 * visibly changed), and the notice says which. A type's sample selects its relationships, not their ends
 * (issue 12: "selects and centres those elements"); the view still fits the ends.
 */
function reduceSampleShown(
  state: ExplorerState,
  action: Extract<ExplorerAction, { type: 'nodesAdded' }>,
  data: GraphData,
  added: number,
  askedFor: Set<string>,
): ExplorerState {
  const ids = action.graph.nodes.map((node) => node.id);
  const [first, ...rest] = ids;
  const what = action.sample ?? 'sample';
  if (first === undefined) return { ...state, busy: null, ...withNotice(state, action.text ?? `No ${what} in the database.`) };
  const relationshipIds = action.relationships ? action.graph.relationships.map((relationship) => relationship.id) : [];
  const [shown, ...alsoSelected] = relationshipIds.length > 0 ? relationshipIds : ids;
  const fresh = added === 0 ? 'all in view already' : added === ids.length ? 'all new' : `${added} new`;
  // A type's sample names its relationships once: "…and their ends: 13 nodes (5 new), 12 relationships
  // selected…" ran past the two lines the status shows at 1024 px (new-user trial).
  const said = relationshipIds.length > 0 ? `${what}, selected and centred, with their ${plural(ids.length, 'end')} (${fresh}).` : `${what}: ${plural(ids.length, 'node')} (${fresh}), selected and centred.`;
  const text = action.text ?? said;
  const patch = {
    graph: data,
    askedFor,
    anchorId: null,
    busy: null,
    selection: { kind: relationshipIds.length > 0 ? 'relationship' : 'node', id: shown as string } as const,
    alsoSelected,
    focus: { id: first, also: rest, seq: state.seq + 1 },
    ...withNotice(state, text),
  };
  return data === state.graph ? { ...state, ...patch } : commit(state, action.change, patch);
}

/** An answer to a request made before the latest undo or redo (AnswerTo): it is dropped. */
function isStale(state: ExplorerState, action: ExplorerAction): boolean {
  return 'revision' in action && action.revision !== undefined && action.revision !== state.viewRevision;
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
        pinned: new Set((action.pinned ?? []).filter((id) => graph.nodes.has(id))),
        layoutName: action.layoutName ? layoutByName(action.layoutName).name : state.layoutName,
        selection: validSelection(action.selection ?? null, graph),
        overview: { status: 'ready', from: action.fromLink ? 'link' : 'overview' },
        anchorId: null,
        camera: action.camera ?? null,
        cameraRequest: action.camera ? { camera: action.camera, seq: state.seq + 1 } : null,
        seq: state.seq + 1,
        ...(action.notice ? withNotice(state, action.notice) : {}),
      };
    }
    case 'overviewFailed':
      return { ...state, overview: { status: 'failed', code: action.code, message: action.message } };
    case 'busy':
      return { ...state, busy: action.text };
    case 'expanded':
      return reduceExpanded(state, action);
    case 'collapsed':
      return reduceCollapsed(state, action);
    case 'nodesAdded': {
      const { data, addedNodeIds } = mergeGraph(state.graph, action.graph);
      const askedFor = new Set(state.askedFor);
      for (const node of action.graph.nodes) askedFor.add(node.id);
      if (action.sample !== undefined) return reduceSampleShown(state, action, data, addedNodeIds.length, askedFor);
      const opened = action.focusId ? openedNodeShown(state, data, action.focusId) : null;
      const focus = action.focusId && opened?.visible ? { selection: { kind: 'node', id: action.focusId } as const, focus: { id: action.focusId, seq: state.seq + 1 } } : {};
      const text = opened?.notice ?? action.text;
      const said = text ? withNotice(state, text) : { seq: state.seq + 1 };
      const filters = opened?.filters ?? state.filters;
      // Already in view and drawn: select and centre it, nothing to undo.
      if (data === state.graph && filters === state.filters) return { ...state, askedFor, busy: null, ...said, ...focus };
      return commit(state, action.change, { graph: data, filters, askedFor, anchorId: null, busy: null, ...said, ...focus });
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
        const freshRelationships = action.graph.relationships.filter((rel) => !state.graph.relationships.has(rel.id)).length;
        if (action.relationshipMax !== undefined && state.graph.relationships.size + freshRelationships > action.relationshipMax) {
          const cap = action.relationshipMax.toLocaleString('en');
          const text = `Adding the query's ${plural(freshRelationships, 'new relationship')} would make ${(state.graph.relationships.size + freshRelationships).toLocaleString('en')}, over the view's cap of ${cap}: show it in place of the view, or remove some nodes first.`;
          return { ...state, ...ready, ...withNotice(state, text) };
        }
        const { data, addedNodeIds } = mergeGraph(state.graph, action.graph);
        const askedFor = new Set(state.askedFor);
        for (const node of action.graph.nodes) askedFor.add(node.id);
        const text = addedNodeIds.length === 0 ? `The query's ${nodes} are already in view.` : `Added ${plural(addedNodeIds.length, 'node')} from the query.`;
        if (data === state.graph) return { ...state, ...ready, askedFor, ...withNotice(state, text) };
        return commit(state, 'add query result', { ...ready, graph: data, askedFor, ...withNotice(state, text) });
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
        askedFor: new Set(graph.nodes.keys()),
        paths: null,
        pathPick: null,
        layoutName,
        layoutRequest: { name: layoutName, seq: state.seq + 1 },
        selection: validSelection(state.selection, graph),
        ...withNotice(
          state,
          `Showing the query's ${nodes} and ${plural(action.graph.relationships.length, 'relationship')}.` +
            (action.relationshipMax !== undefined && action.graph.relationships.length >= action.relationshipMax
              ? ` Its relationships stopped at ${action.relationshipMax.toLocaleString('en')}, what one view holds: others among these nodes are left out.`
              : ''),
        ),
      });
    }
    case 'selected':
      return { ...state, selection: action.selection, alsoSelected: [], notice: noticeAfterSelecting(state.notice) };
    case 'selectionToggled':
      return { ...state, ...toggleSelected(state, action.nodeId), notice: noticeAfterSelecting(state.notice) };
    case 'nodesBoxSelected':
      return { ...state, ...addToSelection(state, action.nodeIds), notice: noticeAfterSelecting(state.notice) };
    case 'allSelected':
      return reduceAllSelected(state);
    case 'selectionInverted':
      return reduceSelectionInverted(state);
    case 'selectionHidden':
      return reduceSelectionHidden(state);
    case 'othersHidden':
      return reduceOthersHidden(state);
    case 'hiddenShown':
      return reduceHiddenShown(state);
    case 'pinToggled':
      return reducePinToggled(state);
    case 'allUnpinned':
      return reduceAllUnpinned(state);
    case 'selectionRemoved': {
      const { selection } = state;
      if (selection === null) return state;
      const isNode = selection.kind === 'node';
      const nodeIds = selectedNodeIds(state);
      const relationshipIds = selectedRelationshipIds(state);
      const graph = isNode ? removeFromGraph(state.graph, nodeIds) : removeFromGraph(state.graph, [], relationshipIds);
      const expansions = new Map(state.expansions);
      const askedFor = new Set(state.askedFor);
      for (const id of nodeIds) {
        expansions.delete(id);
        askedFor.delete(id);
      }
      const what =
        nodeIds.length > 1
          ? `${nodeIds.length} nodes`
          : isNode
            ? nameOf(state.graph, selection.id)
            : relationshipsName(state.graph, relationshipIds);
      return commit(state, `remove ${what}`, { graph, expansions, askedFor, selection: null, alsoSelected: [], anchorId: null });
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
    case 'layoutCancelled':
      return takeBackLayout(state, action.seq, layoutByName(state.layoutName).title);
    case 'positionsSettled': {
      const positions = sharePositions(state.positions, action.positions);
      return positions === state.positions ? state : { ...state, positions };
    }
    case 'nodesMoved':
      return commit(state, 'move nodes', { positions: sharePositions(state.positions, action.positions), layoutName: MANUAL_LAYOUT_NAME });
    case 'cameraMoved': {
      const { camera } = action;
      const same =
        state.camera !== null &&
        state.camera.zoom === camera.zoom &&
        state.camera.x === camera.x &&
        state.camera.y === camera.y &&
        state.camera.width === camera.width &&
        state.camera.height === camera.height;
      return same ? state : { ...state, camera };
    }
    case 'pathPickStarted':
      return {
        ...state,
        pathPick: { fromId: action.fromId },
        ...withNotice(state, `Path from ${nameOf(state.graph, action.fromId)}: click the other end (Esc cancels).`),
      };
    case 'pathPickCancelled':
      return { ...state, pathPick: null };
    case 'pathsFound':
      return reducePathsFound(state, action);
    case 'pathsCleared':
      if (state.paths === null) return state;
      if (state.paths.count === 0) return { ...state, paths: null };
      return commit(state, 'clear path highlight', { paths: null });
    case 'undo':
    case 'redo':
      return stepHistory(state, action.type);
    case 'requestFailed':
      return { ...state, busy: null, ...withNotice(state, action.message, 'error') };
    case 'noticeShown':
      // A notice ends the wait it answers (e.g. "choose which neighbours to add").
      return { ...state, busy: null, ...withNotice(state, action.text, action.kind) };
    case 'noticeDismissed':
      return { ...state, notice: null };
  }
}
