/** Test access to the real Neo4j that global-setup started: a Database, and helpers to reset and seed it. */
import { inject } from 'vitest';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { loadSeed, wipeDatabase } from '../../seed/loader.ts';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../seed/seed-file.ts';

/**
 * The test server as the API's tests reach it. With TEST_NEO4J_ROUTING=1 (`npm run test:routing`) through a
 * `neo4j://` URI: the routing driver asks the server for a routing table first, as with Aura or a cluster.
 */
export function testTarget() {
  const target = inject('neo4j');
  const uri = process.env.TEST_NEO4J_ROUTING === '1' ? target.uri.replace(/^bolt:/, 'neo4j:') : target.uri;
  return { ...target, uri, database: undefined };
}

export function testDatabase(): Database {
  return createDatabase(testTarget());
}

const quiet = () => undefined;

/** Empties the database, then loads the default seed. */
export async function resetToSeed(db: Database): Promise<void> {
  await wipeDatabase(db, quiet);
  await loadSeed(db, await readSeedFile(DEFAULT_SEED_PATH), { log: quiet });
}

export async function counts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const rows = await db.read('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');
  return { nodes: Number(rows[0]?.nodes), relationships: Number(rows[0]?.relationships) };
}

/**
 * Every node and relationship with its properties, in a stable order: equal fingerprints, equal graphs.
 * Map keys are sorted: Neo4j's order of a node's properties is storage detail, not data.
 */
export async function fingerprint(db: Database): Promise<string> {
  const rows = await db.read(`
    CALL () { MATCH (n) WITH n ORDER BY n.id, elementId(n) RETURN collect([labels(n), properties(n)]) AS nodes }
    CALL () { MATCH (a)-[r]->(b) WITH a, r, b ORDER BY r.id, a.id, b.id RETURN collect([a.id, type(r), b.id, properties(r)]) AS rels }
    RETURN nodes, rels`);
  return JSON.stringify(rows[0], (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Map) value = Object.fromEntries(value);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return value;
  });
}
