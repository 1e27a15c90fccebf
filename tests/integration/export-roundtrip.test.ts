/**
 * The Cypher export re-creates a graph exactly: export, empty the database (constraints and indexes too),
 * run the script statement by statement, and compare every node, relationship and property.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer, type RunningServer } from '../../server/src/app.ts';
import type { Database } from '../../server/src/db/database.ts';
import { createAwkwardGraph, graphSnapshot, runCypherScript, wipeEverything } from '../support/export-graphs.ts';
import { counts, fingerprint, resetToSeed, testDatabase } from '../support/neo4j.ts';

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  server = await startServer(createApp({ db }), 0, '127.0.0.1');
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

const WHOLE_GRAPH = 'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, r';

async function exportScript(scope: unknown): Promise<string> {
  const response = await fetch(`${server.url}/api/export`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'cypher', scope }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

async function constraintNames(): Promise<string[]> {
  const rows = await db.read('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
  return rows.map((row) => String(row.name));
}

describe('the Cypher export, run into an empty database', () => {
  it('re-creates the whole seed exactly, with its uniqueness constraints, and leaves no temporary names behind', async () => {
    await wipeEverything(db);
    await resetToSeed(db);
    const before = await fingerprint(db);
    const constraintsBefore = await constraintNames();
    const script = await exportScript({ query: WHOLE_GRAPH });

    await wipeEverything(db);
    expect(await counts(db)).toEqual({ nodes: 0, relationships: 0 });
    await runCypherScript(db, script);

    expect(await fingerprint(db)).toBe(before);
    expect(await constraintNames()).toEqual(constraintsBefore);
    const leftovers = await db.read('MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH "__KgExport") OR n.__kg_export_id IS NOT NULL RETURN count(n) AS n');
    expect(Number(leftovers[0]?.n)).toBe(0);
  });

  it('re-creates a graph of awkward values, names and shapes value for value and type for type', async () => {
    await wipeEverything(db);
    await createAwkwardGraph(db);
    const before = await graphSnapshot(db);
    // The snapshot itself sees every value and its type (else equal snapshots would prove nothing).
    const text = before.nodes.join('\n');
    for (const marker of ['int:', 'float:', 'Date:', 'DateTime:', 'Duration:', 'Point']) expect(text).toContain(marker);
    const script = await exportScript({ query: WHOLE_GRAPH });

    await wipeEverything(db);
    await runCypherScript(db, script);

    const after = await graphSnapshot(db);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
    // The graph's own `__KgExport` label and `__kg_export_id` key survive: the script used other names.
    const own = await db.read("MATCH (n:`__KgExport` {`__kg_export_id`: 'taken'}) RETURN count(n) AS n");
    expect(Number(own[0]?.n)).toBe(1);
    expect(await constraintNames()).toEqual([]);
  });

  it('re-creates a neighbourhood: only its nodes and the relationships among them', async () => {
    await wipeEverything(db);
    await resetToSeed(db);
    const expected = await db.read(`
      MATCH (root {id: 'kim-jong-un'})-[*0..1]-(n) WITH collect(DISTINCT n) AS nodes
      CALL (nodes) { UNWIND nodes AS a MATCH (a)-[r]->(b) WHERE b IN nodes RETURN count(r) AS relationships }
      RETURN size(nodes) AS nodes, relationships`);
    const script = await exportScript({ around: 'kim-jong-un', depth: 1 });

    await wipeEverything(db);
    await runCypherScript(db, script);

    expect(await counts(db)).toEqual({ nodes: Number(expected[0]?.nodes), relationships: Number(expected[0]?.relationships) });
    const root = await db.read("MATCH (n:Person {id: 'kim-jong-un'}) RETURN n.name AS name");
    expect(root[0]?.name).toBe('Kim Jong-un');
  });
});
