/**
 * The workbench's query history: the last HISTORY_CAP queries run, newest first, kept in localStorage.
 * Running a query that is already in the history moves it to the top instead of adding a copy.
 */
import { readJson, STORAGE_KEYS, writeJson, type KeyValueStore } from '../state/storage.ts';

export interface HistoryEntry {
  query: string;
  /** The parameters as the user wrote them (JSON text, '' for none). */
  params: string;
  /** When it was last run, ISO 8601. */
  ranAt: string;
}

/** How many queries the history keeps; the oldest go first. Neo4j Browser keeps as many. */
export const HISTORY_CAP = 100;

export const HISTORY_STORAGE_KEY = STORAGE_KEYS.queryHistory;

/** Two runs are the same history entry when query and parameters match, ignoring surrounding whitespace. */
function sameRun(a: Pick<HistoryEntry, 'query' | 'params'>, b: Pick<HistoryEntry, 'query' | 'params'>): boolean {
  return a.query.trim() === b.query.trim() && a.params.trim() === b.params.trim();
}

/** The history with `entry` on top (an equal older entry is dropped), cut to `cap` entries. */
export function addToHistory(entries: readonly HistoryEntry[], entry: HistoryEntry, cap: number = HISTORY_CAP): HistoryEntry[] {
  if (entry.query.trim() === '') return [...entries];
  return [entry, ...entries.filter((old) => !sameRun(old, entry))].slice(0, cap);
}

export function isHistoryEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.query === 'string' && typeof entry.params === 'string' && typeof entry.ranAt === 'string';
}

/** Keeps the valid entries of whatever was stored (another version may have written it), at most HISTORY_CAP. */
export function decodeHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isHistoryEntry)
    .map(({ query, params, ranAt }) => ({ query, params, ranAt }))
    .slice(0, HISTORY_CAP);
}

export function loadHistory(store: KeyValueStore | null): HistoryEntry[] {
  return readJson(store, HISTORY_STORAGE_KEY, decodeHistory, []);
}

export function saveHistory(store: KeyValueStore | null, entries: readonly HistoryEntry[]): boolean {
  return writeJson(store, HISTORY_STORAGE_KEY, entries);
}
