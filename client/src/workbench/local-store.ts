/**
 * A small typed view of `localStorage` for the workbench's history and saved queries. Storage can be
 * missing (private windows, tests in Node), full or hold something another version wrote, so reads
 * validate what they find and writes report failure instead of throwing.
 */

/** The part of the Web Storage API the workbench uses; tests pass an in-memory one. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or null where there is none (or it is blocked). */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

/**
 * Reads `key` as JSON and passes it through `decode`, which keeps what it can and drops the rest.
 * Returns `fallback` when there is nothing stored or it isn't JSON.
 */
export function readJson<T>(store: KeyValueStore | null, key: string, decode: (value: unknown) => T, fallback: T): T {
  const text = store?.getItem(key);
  if (text === null || text === undefined) return fallback;
  try {
    return decode(JSON.parse(text));
  } catch {
    return fallback;
  }
}

/** Writes `value` as JSON; false when the store is missing or refuses it (quota exceeded). */
export function writeJson(store: KeyValueStore | null, key: string, value: unknown): boolean {
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** An in-memory store with the same interface, for tests and for browsers without storage. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}
