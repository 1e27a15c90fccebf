import { describe, expect, it } from 'vitest';
import { memoryStore, readJson, readText, removeKey, STORAGE_KEYS, writeJson, type KeyValueStore } from '../../client/src/state/storage.ts';

const asList = (value: unknown) => {
  if (!Array.isArray(value)) throw new Error('not a list');
  return value.filter((item): item is string => typeof item === 'string');
};

describe('the one localStorage module', () => {
  it('spells every key one way, kg-explorer:<name>, and no two alike', () => {
    const keys = Object.values(STORAGE_KEYS);
    for (const key of keys) expect(key).toMatch(/^kg-explorer:[a-z]+(-[a-z]+)*$/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('moves what an earlier version stored under its old key, once, so no history or saved query is lost', () => {
    const store = memoryStore({ 'kg-explorer.workbench.history.v1': '["MATCH (n) RETURN n"]', 'kg-explorer.workbench.saved.v1': '[]' });
    expect(readJson(store, STORAGE_KEYS.queryHistory, asList, [])).toEqual(['MATCH (n) RETURN n']);
    expect(store.data.get(STORAGE_KEYS.queryHistory)).toBe('["MATCH (n) RETURN n"]');
    expect(store.data.has('kg-explorer.workbench.history.v1')).toBe(false);
    // The new key wins from then on; the other legacy key is untouched until it is read.
    writeJson(store, STORAGE_KEYS.queryHistory, []);
    expect(readJson(store, STORAGE_KEYS.queryHistory, asList, ['fallback'])).toEqual([]);
    expect(store.data.get('kg-explorer.workbench.saved.v1')).toBe('[]');
  });

  it('reads the fallback for nothing stored, text that is not JSON, or a value its decoder refuses', () => {
    const store = memoryStore({ [STORAGE_KEYS.positions]: '{not json', [STORAGE_KEYS.queryHistory]: '{"a": 1}' });
    expect(readJson(store, STORAGE_KEYS.layout, String, 'force')).toBe('force');
    expect(readJson(store, STORAGE_KEYS.positions, (value) => value, 'fallback')).toBe('fallback');
    expect(readJson(store, STORAGE_KEYS.queryHistory, asList, ['fallback'])).toEqual(['fallback']);
  });

  it('never throws when storage is missing, blocked or full: writes say false, reads give the fallback', () => {
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    for (const store of [null, blocked]) {
      expect(readText(store, STORAGE_KEYS.settings)).toBeNull();
      expect(readJson(store, STORAGE_KEYS.settings, (value) => value, 'default')).toBe('default');
      expect(writeJson(store, STORAGE_KEYS.settings, { theme: 'dark' })).toBe(false);
      expect(() => removeKey(store, STORAGE_KEYS.settings)).not.toThrow();
    }
  });

  it('round-trips a value and forgets it on remove', () => {
    const store = memoryStore();
    expect(writeJson(store, STORAGE_KEYS.styles, { nodes: {} })).toBe(true);
    expect(readJson(store, STORAGE_KEYS.styles, (value) => value, null)).toEqual({ nodes: {} });
    removeKey(store, STORAGE_KEYS.styles);
    expect(readText(store, STORAGE_KEYS.styles)).toBeNull();
  });
});
