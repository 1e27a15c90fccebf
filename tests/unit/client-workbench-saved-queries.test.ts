import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../client/src/state/storage.ts';
import {
  decodeSavedQueries,
  deleteQuery,
  exportSavedQueries,
  loadSavedQueries,
  mergeImported,
  parseSavedQueriesFile,
  SAVED_QUERIES_FORMAT,
  SAVED_QUERIES_VERSION,
  saveQuery,
  SavedQueriesImportError,
  storeSavedQueries,
  type SavedQuery,
} from '../../client/src/workbench/saved-queries.ts';

const saved = (name: string, query = 'RETURN 1', params = ''): SavedQuery => ({ name, query, params, savedAt: '2026-01-01T00:00:00.000Z' });
const file = (queries: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: SAVED_QUERIES_FORMAT, version: SAVED_QUERIES_VERSION, exportedAt: '2026-01-01T00:00:00.000Z', queries, ...extra });

function importError(text: string): SavedQueriesImportError {
  try {
    parseSavedQueriesFile(text);
  } catch (error) {
    if (error instanceof SavedQueriesImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('saved queries', () => {
  it('keeps them sorted by name, overwriting one saved again under the same name', () => {
    let list = saveQuery([], saved('Payments'));
    list = saveQuery(list, saved('actors'));
    list = saveQuery(list, saved('Payments', 'MATCH (p:Payment) RETURN p'));
    expect(list.map((q) => [q.name, q.query])).toEqual([
      ['actors', 'RETURN 1'],
      ['Payments', 'MATCH (p:Payment) RETURN p'],
    ]);
  });

  it('trims the name and refuses an empty one', () => {
    expect(saveQuery([], saved('  Leaders  '))[0]?.name).toBe('Leaders');
    expect(() => saveQuery([], saved('   '))).toThrow(TypeError);
  });

  it('deletes by name', () => {
    expect(deleteQuery([saved('a'), saved('b')], 'a')).toEqual([saved('b')]);
  });

  it('exports a file that imports back to the same queries, parameters as a JSON object', () => {
    const list = [saved('by name', 'MATCH (n {name: $name}) RETURN n', '{\n  "name": "Kim Jong-un"\n}'), saved('count', 'MATCH (n) RETURN count(n)')];
    const text = exportSavedQueries(list, new Date('2026-02-03T04:05:06.000Z'));
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: SAVED_QUERIES_FORMAT, version: SAVED_QUERIES_VERSION, exportedAt: '2026-02-03T04:05:06.000Z' });
    expect(parsed.queries[0].params).toEqual({ name: 'Kim Jong-un' });
    expect(parsed.queries[1]).not.toHaveProperty('params');
    expect(parseSavedQueriesFile(text)).toEqual(list);
  });

  it('exports parameters that are not valid JSON as their text, so nothing is lost', () => {
    const text = exportSavedQueries([saved('draft', 'RETURN $x', '{"x": ')]);
    expect(parseSavedQueriesFile(text)[0]?.params).toBe('{"x": ');
  });

  it('dates imported entries without savedAt at the import', () => {
    const [entry] = parseSavedQueriesFile(file([{ name: 'a', query: 'RETURN 1' }]), new Date('2026-05-05T00:00:00.000Z'));
    expect(entry).toEqual({ name: 'a', query: 'RETURN 1', params: '', savedAt: '2026-05-05T00:00:00.000Z' });
  });

  it.each([
    ['text that is not JSON', '{"format": ', 'NOT_JSON', undefined],
    ['JSON of another kind', JSON.stringify({ queries: [] }), 'WRONG_FORMAT', undefined],
    ['a list instead of the file object', JSON.stringify([{ name: 'a', query: 'RETURN 1' }]), 'WRONG_FORMAT', undefined],
    ['another version', file([], { version: 2 }), 'UNSUPPORTED_VERSION', 'version'],
    ['an entry that is not an object', file(['RETURN 1']), 'INVALID_ENTRY', 'queries[0]'],
    ['an entry without a name', file([{ query: 'RETURN 1' }]), 'INVALID_ENTRY', 'queries[0].name'],
    ['an empty query', file([{ name: 'a', query: 'RETURN 1' }, { name: 'b', query: '  ' }]), 'INVALID_ENTRY', 'queries[1].query'],
    ['parameters that are a list', file([{ name: 'a', query: 'RETURN 1', params: [1] }]), 'INVALID_ENTRY', 'queries[0].params'],
    ['a savedAt that is not a date', file([{ name: 'a', query: 'RETURN 1', savedAt: 'yesterday' }]), 'INVALID_ENTRY', 'queries[0].savedAt'],
    ['a name that is too long', file([{ name: 'x'.repeat(201), query: 'RETURN 1' }]), 'INVALID_ENTRY', 'queries[0].name'],
    ['two entries with one name', file([{ name: 'a', query: 'RETURN 1' }, { name: ' a ', query: 'RETURN 2' }]), 'DUPLICATE_NAME', 'queries[1].name'],
  ])('refuses %s, naming what is wrong', (_case, text, code, path) => {
    const error = importError(text);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
  });

  it('merges an import into the list: new names are added, existing names overwritten', () => {
    const result = mergeImported([saved('a', 'RETURN "old"'), saved('b')], [saved('a', 'RETURN "new"'), saved('c')]);
    expect(result.added).toBe(1);
    expect(result.replaced).toBe(1);
    expect(result.queries.map((q) => [q.name, q.query])).toEqual([
      ['a', 'RETURN "new"'],
      ['b', 'RETURN 1'],
      ['c', 'RETURN 1'],
    ]);
  });

  it('survives a reload through localStorage, dropping entries another version left malformed', () => {
    const store = memoryStore();
    storeSavedQueries(store, [saved('a'), saved('b')]);
    expect(loadSavedQueries(store)).toEqual([saved('a'), saved('b')]);
    expect(decodeSavedQueries([saved('ok'), { name: '', query: 'x', params: '', savedAt: '' }, { name: 'no query' }])).toEqual([saved('ok')]);
  });
});
