/**
 * Named saved queries: the list kept in localStorage, and its exchange file (export, import). The file
 * format is documented by `SavedQueriesFile`; import validates it entry by entry and names the first
 * bad entry and field, so a hand-edited file can be fixed.
 */
import type { JsonValue } from '../../../server/src/contract.ts';
import { readJson, STORAGE_KEYS, writeJson, type KeyValueStore } from '../state/storage.ts';

export interface SavedQuery {
  name: string;
  query: string;
  /** Parameters as JSON text ('' for none). */
  params: string;
  /** When it was saved (or last overwritten), ISO 8601. */
  savedAt: string;
}

/** The exchange file: `params` is the parameters object when they are valid JSON, else their text. */
export interface SavedQueriesFile {
  format: typeof SAVED_QUERIES_FORMAT;
  version: typeof SAVED_QUERIES_VERSION;
  exportedAt: string;
  queries: Array<{ name: string; query: string; params?: JsonValue; savedAt?: string }>;
}

export const SAVED_QUERIES_FORMAT = 'kg-explorer/saved-queries';
export const SAVED_QUERIES_VERSION = 1;
export const SAVED_QUERIES_STORAGE_KEY = STORAGE_KEYS.savedQueries;

/** Bounds on an imported file: far beyond real use, small enough that a wrong file fails fast. */
export const SAVED_QUERY_LIMITS = {
  /** Characters of a name. */
  name: 200,
  /** Characters of a query: the server's own cap (cypher-limits.ts). */
  query: 20_000,
  /** Entries in one file. */
  entries: 1_000,
} as const;

export type SavedQueriesImportErrorCode = 'NOT_JSON' | 'WRONG_FORMAT' | 'UNSUPPORTED_VERSION' | 'INVALID_ENTRY' | 'DUPLICATE_NAME' | 'TOO_MANY';

/** A file that can't be imported; `code` says why, `path` which entry and field (`queries[2].name`). */
export class SavedQueriesImportError extends Error {
  override readonly name = 'SavedQueriesImportError';
  constructor(
    readonly code: SavedQueriesImportErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

function byName(a: SavedQuery, b: SavedQuery): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
}

/** The list with `entry` saved under its name: a query of the same name is overwritten. Sorted by name. */
export function saveQuery(list: readonly SavedQuery[], entry: SavedQuery): SavedQuery[] {
  const name = entry.name.trim();
  if (name === '') throw new TypeError('saveQuery: a saved query needs a name. Got: an empty name');
  return [...list.filter((old) => old.name !== name), { ...entry, name }].sort(byName);
}

export function deleteQuery(list: readonly SavedQuery[], name: string): SavedQuery[] {
  return list.filter((entry) => entry.name !== name);
}

function paramsForFile(params: string): JsonValue | undefined {
  if (params.trim() === '') return undefined;
  try {
    return JSON.parse(params) as JsonValue;
  } catch {
    return params;
  }
}

/** The exchange file's text (pretty JSON) for `list`. */
export function exportSavedQueries(list: readonly SavedQuery[], now: Date = new Date()): string {
  const file: SavedQueriesFile = {
    format: SAVED_QUERIES_FORMAT,
    version: SAVED_QUERIES_VERSION,
    exportedAt: now.toISOString(),
    queries: list.map(({ name, query, params, savedAt }) => {
      const value = paramsForFile(params);
      return value === undefined ? { name, query, savedAt } : { name, query, params: value, savedAt };
    }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : typeof value;
}

function invalid(path: string, expected: string, got: unknown): SavedQueriesImportError {
  return new SavedQueriesImportError('INVALID_ENTRY', `parseSavedQueriesFile: ${path} must be ${expected}. Got: ${describe(got)}`, path);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One entry of the file, checked field by field. */
function entryFromFile(value: unknown, index: number, importedAt: string): SavedQuery {
  const path = `queries[${index}]`;
  if (!isObject(value)) throw invalid(path, 'an object with name and query', value);
  const { name, query, params, savedAt } = value;
  if (typeof name !== 'string' || name.trim() === '') throw invalid(`${path}.name`, 'a non-empty string', name);
  if (name.length > SAVED_QUERY_LIMITS.name) throw invalid(`${path}.name`, `at most ${SAVED_QUERY_LIMITS.name} characters`, name);
  if (typeof query !== 'string' || query.trim() === '') throw invalid(`${path}.query`, 'a non-empty string', query);
  if (query.length > SAVED_QUERY_LIMITS.query) throw invalid(`${path}.query`, `at most ${SAVED_QUERY_LIMITS.query} characters`, query);
  let paramsText = '';
  if (typeof params === 'string') paramsText = params;
  else if (isObject(params)) paramsText = JSON.stringify(params, null, 2);
  else if (params !== undefined && params !== null) throw invalid(`${path}.params`, 'an object (or its JSON text)', params);
  if (savedAt !== undefined && (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt)))) {
    throw invalid(`${path}.savedAt`, 'an ISO 8601 date', savedAt);
  }
  return { name: name.trim(), query, params: paramsText, savedAt: savedAt ?? importedAt };
}

/**
 * Reads an exchange file. Throws `SavedQueriesImportError` for anything else: not JSON, another format or
 * version, a bad entry (naming it), two entries with one name.
 */
export function parseSavedQueriesFile(text: string, now: Date = new Date()): SavedQuery[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SavedQueriesImportError('NOT_JSON', `parseSavedQueriesFile: the file is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!isObject(value) || value.format !== SAVED_QUERIES_FORMAT || !Array.isArray(value.queries)) {
    throw new SavedQueriesImportError(
      'WRONG_FORMAT',
      `parseSavedQueriesFile: not a saved-queries file: expected {"format": "${SAVED_QUERIES_FORMAT}", "queries": [...]}.`,
    );
  }
  if (value.version !== SAVED_QUERIES_VERSION) {
    throw new SavedQueriesImportError(
      'UNSUPPORTED_VERSION',
      `parseSavedQueriesFile: version must be ${SAVED_QUERIES_VERSION}. Got: ${describe(value.version)}`,
      'version',
    );
  }
  if (value.queries.length > SAVED_QUERY_LIMITS.entries) {
    throw new SavedQueriesImportError('TOO_MANY', `parseSavedQueriesFile: at most ${SAVED_QUERY_LIMITS.entries} queries per file. Got: ${value.queries.length}`, 'queries');
  }
  const importedAt = now.toISOString();
  const entries = value.queries.map((entry, index) => entryFromFile(entry, index, importedAt));
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = seen.get(entry.name);
    if (first !== undefined) {
      throw new SavedQueriesImportError(
        'DUPLICATE_NAME',
        `parseSavedQueriesFile: queries[${index}].name "${entry.name}" is already the name of queries[${first}].`,
        `queries[${index}].name`,
      );
    }
    seen.set(entry.name, index);
  });
  return entries;
}

/** Adds imported queries to the list: a query with a name already there overwrites it. */
export function mergeImported(list: readonly SavedQuery[], imported: readonly SavedQuery[]): { queries: SavedQuery[]; added: number; replaced: number } {
  const names = new Set(list.map((entry) => entry.name));
  let queries = [...list];
  for (const entry of imported) queries = saveQuery(queries, entry);
  const replaced = imported.filter((entry) => names.has(entry.name)).length;
  return { queries, added: imported.length - replaced, replaced };
}

/** Keeps the valid entries of whatever localStorage held. */
export function decodeSavedQueries(value: unknown): SavedQuery[] {
  if (!Array.isArray(value)) return [];
  const valid = value.filter(
    (entry): entry is SavedQuery =>
      isObject(entry) &&
      typeof entry.name === 'string' &&
      entry.name.trim() !== '' &&
      typeof entry.query === 'string' &&
      typeof entry.params === 'string' &&
      typeof entry.savedAt === 'string',
  );
  return valid.reduce<SavedQuery[]>((list, { name, query, params, savedAt }) => saveQuery(list, { name, query, params, savedAt }), []);
}

export function loadSavedQueries(store: KeyValueStore | null): SavedQuery[] {
  return readJson(store, SAVED_QUERIES_STORAGE_KEY, decodeSavedQueries, []);
}

export function storeSavedQueries(store: KeyValueStore | null, list: readonly SavedQuery[]): boolean {
  return writeJson(store, SAVED_QUERIES_STORAGE_KEY, list);
}
