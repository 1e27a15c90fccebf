/**
 * Selecting and hiding by hand, as Bloom users expect: select every node drawn (Ctrl+A), invert the
 * selection (Ctrl+I), hide the selection, show only the selection, and show what was hidden. Hidden
 * elements stay in view, out of the drawing and of every panel and export (Filters' hiddenNodeIds and
 * hiddenRelationshipIds, read by hiddenElements); each hiding is a view change, so undo takes it back.
 */
import type { ExplorerState } from './explorer-types.ts';
import { hiddenElements, type Filters } from './filters.ts';
import { nameOf, noticeAfterSelecting, plural, withNotice } from './notices.ts';
import { invertSelection, relationshipsName, selectAll, selectedNodeIds, selectedRelationshipIds, selectionEndIds } from './selection.ts';
import { commit } from './view-history.ts';

/** The nodes drawn: in view, and hidden neither by the filters nor by hand, in view order. */
export function drawnNodeIds(state: Pick<ExplorerState, 'graph' | 'filters'>): string[] {
  const hidden = hiddenElements(state.graph, state.filters).nodes;
  return [...state.graph.nodes.keys()].filter((id) => !hidden.has(id));
}

const union = (a: readonly string[], b: Iterable<string>) => [...new Set([...a, ...b])];

/**
 * What Ctrl+A and Ctrl+I say: nothing when the selection bar counts what is now selected (new-user trial: a
 * notice "27 nodes selected." beside the bar's "27 nodes selected"); a notice when nothing is.
 */
function afterSelectingAll(state: ExplorerState, next: Pick<ExplorerState, 'selection'>, none: string): Pick<ExplorerState, 'notice' | 'seq'> {
  return next.selection === null ? withNotice(state, none, 'info', 'selection') : { notice: noticeAfterSelecting(state.notice), seq: state.seq };
}

/** Ctrl+A: every node drawn is selected. */
export function reduceAllSelected(state: ExplorerState): ExplorerState {
  const next = selectAll(state, drawnNodeIds(state));
  return { ...state, ...next, ...afterSelectingAll(state, next, 'No node is drawn to select.') };
}

/** Ctrl+I: the drawn nodes not selected become the selection. */
export function reduceSelectionInverted(state: ExplorerState): ExplorerState {
  const next = invertSelection(state, drawnNodeIds(state));
  return { ...state, ...next, ...afterSelectingAll(state, next, 'Selection inverted: no node is selected now.') };
}

/** Hides the selected nodes (their relationships go with them), or the selected relationships. */
export function reduceSelectionHidden(state: ExplorerState): ExplorerState {
  const { selection } = state;
  if (selection === null) return { ...state, ...withNotice(state, 'Nothing is selected to hide.') };
  const nodeIds = selectedNodeIds(state);
  const relationshipIds = selectedRelationshipIds(state);
  const filters: Filters =
    selection.kind === 'node'
      ? { ...state.filters, hiddenNodeIds: union(state.filters.hiddenNodeIds, nodeIds) }
      : { ...state.filters, hiddenRelationshipIds: union(state.filters.hiddenRelationshipIds, relationshipIds) };
  const what =
    selection.kind === 'relationship'
      ? relationshipsName(state.graph, relationshipIds)
      : nodeIds.length === 1
        ? nameOf(state.graph, selection.id)
        : plural(nodeIds.length, 'node');
  const several = nodeIds.length + relationshipIds.length > 1;
  return commit(state, `hide ${what}`, {
    filters,
    selection: null,
    alsoSelected: [],
    ...withNotice(state, `Hid ${what}: "Show hidden" brings ${several ? 'them' : 'it'} back, Ctrl+Z undoes.`),
  });
}

/**
 * Shows only the selection: every other drawn node is hidden (selected relationships keep their ends), and
 * the view frames what is left (a focus request): it stayed in a corner of the canvas (fourth new-user trial).
 */
export function reduceOthersHidden(state: ExplorerState): ExplorerState {
  const { selection } = state;
  if (selection === null) return { ...state, ...withNotice(state, 'Select the nodes to keep first.') };
  const kept = new Set(selectionEndIds(state));
  const others = drawnNodeIds(state).filter((id) => !kept.has(id));
  if (others.length === 0) return { ...state, ...withNotice(state, 'Only the selection is drawn already.') };
  const [first, ...rest] = [...kept];
  const notice = withNotice(state, `Showing only the selection: ${plural(others.length, 'other node')} hidden. "Show hidden" brings them back.`);
  return commit(state, `show only ${plural(kept.size, 'node')}`, {
    filters: { ...state.filters, hiddenNodeIds: union(state.filters.hiddenNodeIds, others) },
    ...notice,
    ...(first === undefined ? {} : { focus: { id: first, also: rest, seq: notice.seq } }),
  });
}

/** Shows again everything hidden by hand. */
export function reduceHiddenShown(state: ExplorerState): ExplorerState {
  const { byHand } = hiddenElements(state.graph, state.filters);
  const { hiddenNodeIds, hiddenRelationshipIds } = state.filters;
  if (hiddenNodeIds.length + hiddenRelationshipIds.length === 0) return { ...state, ...withNotice(state, 'Nothing is hidden by hand.') };
  const count = byHand.nodes > 0 ? plural(byHand.nodes, 'hidden node') : plural(byHand.relationships, 'hidden relationship');
  return commit(state, 'show hidden', {
    filters: { ...state.filters, hiddenNodeIds: [], hiddenRelationshipIds: [] },
    ...withNotice(state, `Showing ${count} again.`),
  });
}

/**
 * The filters once a node is opened by name (search, a source link): hidden by hand, it is shown again, as
 * choosing it asks to see it (fifth new-user trial: a hidden node chosen from search was selected undrawn,
 * the camera centred on nothing, H and Del acting on what could not be seen). Hidden by the filters, it
 * stays so, and `notice` says why it is not selected.
 */
export function openedNodeShown(state: ExplorerState, graph: ExplorerState['graph'], id: string): { filters: Filters; visible: boolean; notice?: string } {
  const { hiddenNodeIds } = state.filters;
  const filters = hiddenNodeIds.includes(id) ? { ...state.filters, hiddenNodeIds: hiddenNodeIds.filter((hidden) => hidden !== id) } : state.filters;
  if (!hiddenElements(graph, filters).nodes.has(id)) return { filters, visible: true };
  return { filters, visible: false, notice: `${nameOf(graph, id)} is in view but hidden by the filters: change them to see it.` };
}
