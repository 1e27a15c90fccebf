/**
 * Facts about a database's schema that requests consult (which labels index `id`, whether the search index
 * is online, which labels and types exist), read once and then trusted for a while per database, so a
 * request pays for its own query and not for a listing of the schema every time.
 *
 * A stale fact must never give a wrong answer, only a slower one: callers that find a fact contradicted
 * (an unknown name, a missing index) read it afresh with `{ fresh: true }` before answering.
 */
import type { Database } from '../db/database.ts';

/** How long a fact is trusted (ms): schema changes are rare, and a stale fact only costs a re-read. */
export const SCHEMA_FACT_MAX_AGE_MS = 30_000;

export interface SchemaFact<T> {
  (db: Database, options?: { fresh?: boolean }): Promise<T>;
}

/**
 * A fact read by `read` at most every `maxAgeMs` per database; concurrent requests share one read, and a
 * failed read is not kept.
 */
export function schemaFact<T>(read: (db: Database) => Promise<T>, maxAgeMs = SCHEMA_FACT_MAX_AGE_MS): SchemaFact<T> {
  const cache = new WeakMap<Database, { value: Promise<T>; readAt: number }>();
  return (db, { fresh = false } = {}) => {
    const cached = cache.get(db);
    if (!fresh && cached && Date.now() - cached.readAt < maxAgeMs) return cached.value;
    const value = read(db);
    cache.set(db, { value, readAt: Date.now() });
    value.catch(() => {
      if (cache.get(db)?.value === value) cache.delete(db);
    });
    return value;
  };
}
