import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../client/src/state/storage.ts';
import {
  addToHistory,
  decodeHistory,
  HISTORY_CAP,
  HISTORY_STORAGE_KEY,
  loadHistory,
  saveHistory,
  type HistoryEntry,
} from '../../client/src/workbench/query-history.ts';

const entry = (query: string, params = '', ranAt = '2026-01-01T00:00:00.000Z'): HistoryEntry => ({ query, params, ranAt });

describe('the workbench query history', () => {
  it('puts the latest run on top', () => {
    const history = addToHistory([entry('MATCH (a) RETURN a')], entry('MATCH (b) RETURN b'));
    expect(history.map((e) => e.query)).toEqual(['MATCH (b) RETURN b', 'MATCH (a) RETURN a']);
  });

  it('moves a query run again to the top instead of keeping two copies, ignoring surrounding whitespace', () => {
    const before = [entry('RETURN 2'), entry('RETURN 1', '', 'old')];
    const history = addToHistory(before, entry('  RETURN 1\n', '', 'new'));
    expect(history.map((e) => [e.query.trim(), e.ranAt])).toEqual([
      ['RETURN 1', 'new'],
      ['RETURN 2', '2026-01-01T00:00:00.000Z'],
    ]);
  });

  it('keeps the same query with other parameters as a separate entry', () => {
    const history = addToHistory([entry('MATCH (n {name: $name}) RETURN n', '{"name": "A"}')], entry('MATCH (n {name: $name}) RETURN n', '{"name": "B"}'));
    expect(history).toHaveLength(2);
  });

  it(`keeps the last ${HISTORY_CAP} queries and forgets the oldest`, () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_CAP + 5; i++) history = addToHistory(history, entry(`RETURN ${i}`));
    expect(history).toHaveLength(HISTORY_CAP);
    expect(history[0]?.query).toBe(`RETURN ${HISTORY_CAP + 4}`);
    expect(history.at(-1)?.query).toBe('RETURN 5');
  });

  it('does not record an empty query', () => {
    expect(addToHistory([entry('RETURN 1')], entry('   '))).toEqual([entry('RETURN 1')]);
  });

  it('survives a reload through localStorage', () => {
    const store = memoryStore();
    const history = [entry('RETURN 1', '{"a": 1}'), entry('RETURN 2')];
    expect(saveHistory(store, history)).toBe(true);
    expect(loadHistory(store)).toEqual(history);
  });

  it.each([
    ['nothing stored', undefined],
    ['text that is not JSON', '{oops'],
    ['JSON that is not a list', '{"query": "RETURN 1"}'],
  ])('starts empty when storage holds %s', (_case, stored) => {
    const store = memoryStore(stored === undefined ? {} : { [HISTORY_STORAGE_KEY]: stored });
    expect(loadHistory(store)).toEqual([]);
  });

  it('keeps the valid entries of what another version stored, and drops the rest', () => {
    const stored = [entry('RETURN 1'), { query: 'RETURN 2' }, 'RETURN 3', null, { ...entry('RETURN 4'), extra: true }];
    expect(decodeHistory(stored)).toEqual([entry('RETURN 1'), entry('RETURN 4')]);
  });

  it('has nowhere to write without storage, and says so', () => {
    expect(saveHistory(null, [entry('RETURN 1')])).toBe(false);
    expect(loadHistory(null)).toEqual([]);
  });
});
