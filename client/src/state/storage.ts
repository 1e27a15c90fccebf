/**
 * Everything the explorer keeps in the browser's localStorage, in one place: the list of keys (one
 * format, `kg-explorer:<name>`) and a small typed reader and writer. Storage can be missing (private
 * windows, tests in Node), blocked, full, or hold what another version wrote, so reads validate what they
 * find (a `decode` keeps what it can) and writes report failure instead of throwing: the page works the
 * same without storage, it just remembers nothing.
 */

/** Every key the explorer writes. Add new ones here, so that none is spelt twice or collides. */
export const STORAGE_KEYS = {
  /** Node positions by node id (view-storage.ts), so a manual layout survives a reload. */
  positions: 'kg-explorer:positions',
  /** The last layout chosen. */
  layout: 'kg-explorer:layout',
  /** The user's node and relationship styles (style-settings.ts). */
  styles: 'kg-explorer:styles',
  /** The settings popover's choices (neighbour cap, theme, minimap, timeline). */
  settings: 'kg-explorer:settings',
  /** `full`: check every API answer in full against the contract (answer-check.ts; browser tests set it). */
  checkAnswers: 'kg-explorer:check-answers',
  /** The workbench's query and parameters being written. */
  workbenchDraft: 'kg-explorer:workbench-draft',
  /** The workbench drawer's height (px). */
  workbenchHeight: 'kg-explorer:workbench-height',
  /** The workbench's query history (query-history.ts). */
  queryHistory: 'kg-explorer:query-history',
  /** The workbench's saved queries (saved-queries.ts). */
  savedQueries: 'kg-explorer:saved-queries',
  /** Whether the sidebar is collapsed to its rail of icons (use-sidebar.ts). */
  sidebarCollapsed: 'kg-explorer:sidebar-collapsed',
} as const;

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/**
 * Keys that earlier versions wrote, by the key that replaced them: read once when the new key holds
 * nothing, then moved, so nobody loses their history or saved queries to the rename.
 */
const LEGACY_KEYS: Partial<Record<StorageKey, string>> = {
  [STORAGE_KEYS.workbenchDraft]: 'kg-explorer.workbench.draft.v1',
  [STORAGE_KEYS.workbenchHeight]: 'kg-explorer.workbench.height.v1',
  [STORAGE_KEYS.queryHistory]: 'kg-explorer.workbench.history.v1',
  [STORAGE_KEYS.savedQueries]: 'kg-explorer.workbench.saved.v1',
};

/** The part of the Web Storage API the explorer uses; tests pass an in-memory one (memoryStore). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or null where there is none (Node, or storage blocked by the browser). */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** The text stored under `key` (moved from its legacy key when needed), or null. Never throws. */
export function readText(store: KeyValueStore | null, key: StorageKey): string | null {
  try {
    const text = store?.getItem(key) ?? null;
    if (text !== null || !store) return text;
    const legacy = LEGACY_KEYS[key];
    const old = legacy === undefined ? null : store.getItem(legacy);
    if (old === null || legacy === undefined) return null;
    store.setItem(key, old);
    store.removeItem(legacy);
    return old;
  } catch {
    return null;
  }
}

/**
 * Reads `key` as JSON and passes it through `decode`, which keeps what it can and drops the rest (and may
 * throw on what it cannot read). `fallback` when nothing is stored, it isn't JSON, or `decode` threw.
 */
export function readJson<T>(store: KeyValueStore | null, key: StorageKey, decode: (value: unknown) => T, fallback: T): T {
  const text = readText(store, key);
  if (text === null) return fallback;
  try {
    return decode(JSON.parse(text));
  } catch {
    return fallback;
  }
}

/** Writes `value` as JSON under `key`; false when there is no store or it refuses (quota exceeded). */
export function writeJson(store: KeyValueStore | null, key: StorageKey, value: unknown): boolean {
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Forgets `key`; nothing happens without a store. */
export function removeKey(store: KeyValueStore | null, key: StorageKey): void {
  try {
    store?.removeItem(key);
  } catch {
    // Blocked storage: there was nothing to forget.
  }
}

/** An in-memory store with the same interface, for tests and for browsers without storage. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}
