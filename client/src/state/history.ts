/**
 * Undo / redo as a pure, capped history of snapshots: `past` holds the states before each change (oldest
 * first), `future` the states undone since (next redo last). Snapshots are immutable values, so keeping
 * one costs a reference, not a copy.
 */

export interface History<T> {
  past: readonly T[];
  future: readonly T[];
}

/** How many view changes can be undone at most; older ones are forgotten first. */
export const DEFAULT_HISTORY_CAP = 100;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** Records `before` as the state preceding a new change; a new change makes the undone ones unreachable. */
export function recordChange<T>(history: History<T>, before: T, cap: number = DEFAULT_HISTORY_CAP): History<T> {
  const past = [...history.past, before];
  return { past: past.length > cap ? past.slice(past.length - cap) : past, future: [] };
}

/**
 * Steps back: returns the entry to restore and the history with the present kept for redo. `present`
 * builds the entry that stands for the present from the one being undone (so it can carry its metadata,
 * such as the change's name). Null when there is nothing to undo.
 */
export function undo<T>(history: History<T>, present: (undone: T) => T): { history: History<T>; entry: T } | null {
  const entry = history.past.at(-1);
  if (entry === undefined) return null;
  return { history: { past: history.past.slice(0, -1), future: [...history.future, present(entry)] }, entry };
}

/** Steps forward again after an undo, the mirror of `undo`; null when nothing was undone. */
export function redo<T>(history: History<T>, present: (redone: T) => T): { history: History<T>; entry: T } | null {
  const entry = history.future.at(-1);
  if (entry === undefined) return null;
  return { history: { past: [...history.past, present(entry)], future: history.future.slice(0, -1) }, entry };
}
