/**
 * The view's undo history: every view change records the view before it (a snapshot), capped by the
 * view's size; undo and redo swap the present view with a recorded one.
 */
import { DEFAULT_HISTORY_CAP, recordChange, redo, undo } from './history.ts';
import type { ExplorerState, HistoryEntry, ViewSnapshot } from './explorer-types.ts';
import type { GraphData } from './graph-data.ts';
import { withNotice } from './notices.ts';
import { hiddenElements } from './filters.ts';
import type { Selection } from './selection.ts';

export function snapshotOf(state: ExplorerState): ViewSnapshot {
  const { graph, positions, filters, expansions, askedFor, pinned, layoutName, paths } = state;
  return { graph, positions, filters, expansions, askedFor, pinned, layoutName, paths };
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
export function commit(state: ExplorerState, change: string, patch: Partial<ExplorerState>): ExplorerState {
  // A notice tells of the change that made it: the next change without one of its own takes it away, but
  // an error stays until dismissed (new-user trial: "Pinned North Korea…" stayed through several layouts).
  const notice = 'notice' in patch ? patch.notice : state.notice?.kind === 'error' ? state.notice : null;
  return { ...state, ...patch, notice: notice ?? null, history: recordChange(state.history, entryOf(state, change), historyCap(state.graph)) };
}

/** The present as a history entry named `change`. */
function entryOf(state: ExplorerState, change: string): HistoryEntry {
  return { view: snapshotOf(state), change, selection: state.selection, alsoSelected: state.alsoSelected, camera: state.camera };
}

/**
 * The selection after undo or redo to `entry`: of the present one, what the view restored draws (the
 * analyst chose it since); when that is nothing, what the entry's drew (undoing a removal or a hide selects
 * what comes back). Never an element the view restored hides: redoing a hide kept the 26 hidden nodes
 * selected, and Del then removed what could not be seen (new-user trial).
 */
function selectionAfterStep(state: ExplorerState, entry: HistoryEntry): Pick<ExplorerState, 'selection' | 'alsoSelected'> {
  const { graph, filters } = entry.view;
  const hidden = hiddenElements(graph, filters);
  const drawn = (selection: Selection, also: readonly string[]): string[] => {
    if (selection === null) return [];
    const [members, hiddenOnes] = selection.kind === 'node' ? [graph.nodes, hidden.nodes] : [graph.relationships, hidden.relationships];
    return [...also, selection.id].filter((id) => members.has(id) && !hiddenOnes.has(id));
  };
  const present = drawn(state.selection, state.alsoSelected);
  const [from, ids] = present.length > 0 ? [state.selection, present] : [entry.selection, drawn(entry.selection, entry.alsoSelected)];
  // The one the details panel shows stays so while drawn; else the last drawn one takes its place.
  const shown = from && ids.includes(from.id) ? from.id : ids.at(-1);
  if (!from || shown === undefined) return { selection: null, alsoSelected: [] };
  return { selection: { kind: from.kind, id: shown }, alsoSelected: ids.filter((id) => id !== shown) };
}

/**
 * Undo or redo: the present view goes to the other stack, under the name of the change it stands for. A
 * request the view was waiting on ("Expanding North Korea…") is cancelled: its answer, made for the view
 * before, is dropped when it comes (AnswerTo), and the notice says so. An undo that comes while the view
 * waits only cancels the request: the change it would have made is the one taken back.
 */
export function stepHistory(state: ExplorerState, direction: 'undo' | 'redo'): ExplorerState {
  // An undo while the view waits on the server takes back that change, the one not yet made, and only it:
  // undoing the change before it too dropped Kim's expansion when North Korea's was cancelled (new-user
  // trial). The revision moves on, so the request is aborted and a late answer is dropped (AnswerTo).
  if (direction === 'undo' && state.busy) {
    return { ...state, viewRevision: state.viewRevision + 1, busy: null, ...withNotice(state, cancelled(state.busy)) };
  }
  const present = (entry: HistoryEntry): HistoryEntry => entryOf(state, entry.change);
  const step = direction === 'undo' ? undo(state.history, present) : redo(state.history, present);
  if (!step) return state;
  const { view, change, camera } = step.entry;
  return {
    ...state,
    ...view,
    ...selectionAfterStep(state, step.entry),
    camera,
    history: step.history,
    anchorId: null,
    pathPick: null,
    viewRevision: state.viewRevision + 1,
    busy: null,
    ...withNotice(state, `${direction === 'undo' ? 'Undone' : 'Redone'}: ${change}.${state.busy ? ` ${cancelled(state.busy)}` : ''}`),
  };
}

/**
 * The layout the analyst chose (request `seq`) was cancelled before it placed anything: the view is the
 * one before that choice, so the choice is taken back, from the layout selector and from the history (a
 * cancelled layout left its name in the selector over a drawing it never made: new-user trial). Unchanged
 * when a later change came first.
 */
export function takeBackLayout(state: ExplorerState, seq: number, title: string): ExplorerState {
  const before = state.history.past.at(-1);
  if (state.layoutRequest?.seq !== seq || !before || before.change !== `${title.toLowerCase()} layout`) return state;
  return {
    ...state,
    layoutName: before.view.layoutName,
    history: { past: state.history.past.slice(0, -1), future: state.history.future },
    ...withNotice(state, `The ${title.toLowerCase()} layout was cancelled: the nodes stay where they were.`),
  };
}

/** "Expanding North Korea…" → "Expanding North Korea was cancelled." */
function cancelled(busy: string): string {
  return `${busy.replace(/…$/, '')} was cancelled.`;
}
