/**
 * Looking a node up by the id a URL carries, against the real Neo4j: through the index on its label's `id`
 * when there is one, else by elementId, with index seeks only (no scan in the plan), never confusing "007"
 * with 7. A node whose `id` no index covers travels, and is found, by its elementId (DESIGN.md's id rule).
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherPlan } from '../../server/src/contract.ts';
import { createApp, startServer } from '../../server/src/app.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { createGraphService } from '../../server/src/graph/graph-service.ts';
import { indexedIdLabels, matchNodeById, nodesByIdsSubquery } from '../../server/src/graph/node-match.ts';
import { wipeEverything } from '../support/export-graphs.ts';
import { resetToSeed, testDatabase, testTarget } from '../support/neo4j.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  // Exactly the seed's schema and fresh plans, whatever ran before: an id constraint left on a label
  // without nodes, or a plan cached while another test's tiny graph was loaded, makes Neo4j choose a
  // (cheap, there) scan inside the lookup, which these tests count as a scan.
  await wipeEverything(db);
  await resetToSeed(db);
  await db.writeTransaction((run) => run('CALL db.clearQueryCaches()'));
  // Person's id is indexed (the seed's constraint); Loose's is not.
  await db.writeTransaction((run) => run("CREATE (:Loose {id: 'loose-1'}), (:Loose:Person {id: 7}), (:Loose:Person {id: '007'})"));
});

afterAll(async () => {
  await db?.writeTransaction((run) => run('MATCH (n:Loose) DETACH DELETE n'));
  await db?.close();
});

/** An `id` as JavaScript reads it: Neo4j integers as numbers. */
const plain = (id: unknown) => (neo4j.isInt(id) ? id.toNumber() : id);

function* operators(plan: CypherPlan): Generator<CypherPlan> {
  yield plan;
  for (const child of plan.children) yield* operators(child);
}

/** The ids the one-query lookup (`matchNodeById`) finds for `id`, and the scan operators in its plan. */
async function lookUp(id: string): Promise<{ found: unknown[]; scans: number }> {
  const query = `PROFILE ${matchNodeById(await indexedIdLabels(db))} RETURN n.id AS id`;
  const found: unknown[] = [];
  const summary = await db.userRead((tx) => tx.stream(query, { id }, (row) => found.push(plain(row.id)) > 0), { timeoutMs: 30_000, fetchSize: 100 });
  const plan = summary.plan;
  if (!plan) throw new Error('PROFILE gave no plan');
  return { found, scans: [...operators(plan)].filter((op) => /Scan/.test(op.operator)).length };
}

/** The id property of the node the graph service finds for `id`. */
async function serviceLookUp(id: string): Promise<unknown> {
  return plain((await createGraphService(db).node(id)).properties.id);
}

async function elementIdOf(match: string): Promise<string> {
  const [row] = await db.read(`MATCH (n${match}) RETURN elementId(n) AS elementId`);
  return String(row?.elementId);
}

describe('looking a node up by id', () => {
  it('knows the labels whose id the seed indexes (its uniqueness constraints)', async () => {
    const labels = await indexedIdLabels(db);
    expect(labels).toEqual(expect.arrayContaining(['Person', 'Country', 'Source']));
    expect(labels).not.toContain('Loose');
  });

  it('finds an indexed id through its label’s index, with no scan in the plan', async () => {
    await expect(lookUp('vladimir-putin')).resolves.toEqual({ found: ['vladimir-putin'], scans: 0 });
  });

  it('finds a node by its elementId, with no scan in the plan', async () => {
    const [row] = await db.read("MATCH (n {id: 'russia'}) RETURN elementId(n) AS elementId");
    await expect(lookUp(String(row?.elementId))).resolves.toEqual({ found: ['russia'], scans: 0 });
  });

  it('finds an integer id and a string id through the index and tells "007" from 7', async () => {
    await expect(lookUp('7')).resolves.toEqual({ found: [7n], scans: 0 });
    await expect(lookUp('007')).resolves.toEqual({ found: ['007'], scans: 0 });
    await expect(serviceLookUp('7')).resolves.toBe(7);
    await expect(serviceLookUp('vladimir-putin')).resolves.toBe('vladimir-putin');
  });

  it('addresses a node whose id no index covers by its elementId, and answers its id with 404 without a scan', async () => {
    const elementId = await elementIdOf(":Loose {id: 'loose-1'}");
    const node = await createGraphService(db).node(elementId);
    expect(node).toMatchObject({ id: elementId, properties: { id: 'loose-1' } });
    await expect(lookUp('loose-1')).resolves.toEqual({ found: [], scans: 0 });
    await expect(serviceLookUp('loose-1')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('answers 404 NOT_FOUND for an id that names no node', async () => {
    await expect(lookUp('no-such-node')).resolves.toMatchObject({ found: [] });
    await expect(serviceLookUp('no-such-node')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('finds a list of ids of every kind at once, each node once', async () => {
    const [row] = await db.read("MATCH (n {id: 'russia'}) RETURN elementId(n) AS elementId");
    const loose = await elementIdOf(":Loose {id: 'loose-1'}");
    const ids = ['vladimir-putin', String(row?.elementId), 'russia', 'loose-1', loose, '7', 'no-such-node'];
    const rows = await db.read(`${nodesByIdsSubquery('$ids', await indexedIdLabels(db))} RETURN n.id AS id`, { ids });
    expect(rows.map((r) => String(plain(r.id))).sort()).toEqual(['7', 'loose-1', 'russia', 'vladimir-putin'].sort());
  });
});

describe('a Source whose id no index covers', () => {
  it('travels by its elementId, and its claims are still found by its id property', async () => {
    await db.writeTransaction((run) => run('DROP CONSTRAINT Source_id_unique IF EXISTS'));
    try {
      await expect.poll(async () => (await indexedIdLabels(db, { fresh: true })).includes('Source'), { timeout: 10_000 }).toBe(false);
      const elementId = await elementIdOf(":Source {id: 'isw-report'}");
      const evidence = await createGraphService(db).evidence(elementId);
      expect(evidence.node.id).toBe(elementId);
      expect(evidence.made.length).toBeGreaterThan(0);
      for (const { relationship } of evidence.made) expect(relationship.properties.sources).toContain('isw-report');
    } finally {
      await resetToSeed(db);
      await indexedIdLabels(db, { fresh: true });
    }
  });
});

describe('labels whose id index changed after the explorer read them', () => {
  // A label's `id` indexed (or no longer) within the 30 s the explorer trusts its reading of the schema
  // (schema-cache.ts): a stale reading may cost a second query, never a wrong answer.
  const THING_ID = 'CREATE CONSTRAINT thing_id IF NOT EXISTS FOR (n:Thing) REQUIRE n.id IS UNIQUE';

  beforeAll(async () => {
    await wipeEverything(db);
    await db.writeTransaction((run) =>
      run("CREATE (:Thing {id: 'thing-1'})-[:LINKED {id: 'link-1', certainty: 'confirmed'}]->(:Thing {id: 'thing-2'})"),
    );
  });

  afterAll(async () => {
    await wipeEverything(db);
    await resetToSeed(db);
    await indexedIdLabels(db, { fresh: true });
  });

  /** The explorer reads the labels while Thing's id has no index, then the index comes. */
  async function indexThingAfterReading(): Promise<void> {
    await db.writeTransaction((run) => run('DROP CONSTRAINT thing_id IF EXISTS'));
    await expect.poll(async () => (await indexedIdLabels(db, { fresh: true })).includes('Thing'), { timeout: 10_000 }).toBe(false);
    await db.writeTransaction((run) => run(THING_ID));
    await db.writeTransaction((run) => run('CALL db.awaitIndexes(60)'));
  }

  const graph = () => createGraphService(db);
  it.each<[string, () => Promise<unknown>, unknown]>([
    ['a node', () => graph().node('thing-1'), { id: 'thing-1' }],
    ['its neighbours', () => graph().neighbors('thing-1', { limit: 10, types: [], labels: [] }), { total: 1 }],
    ['its evidence', () => graph().evidence('thing-1'), { node: { id: 'thing-1' } }],
    ['a path', () => graph().paths({ from: 'thing-1', to: 'thing-2', maxLength: 2 }), { paths: [['thing-1', 'thing-2']] }],
    ['a view restored from a link', () => graph().overview({ limit: 10, ids: ['thing-1', 'thing-2'] }), { nodes: [{}, {}] }],
  ])('finds %s by an id indexed since the labels were read', async (_what, lookUp, expected) => {
    await indexThingAfterReading();
    await expect(lookUp()).resolves.toMatchObject(expected as object);
  });

  it.each([
    ['a selection', { nodeIds: ['thing-1', 'thing-2'] }],
    ['a neighbourhood', { around: 'thing-1', depth: 1 }],
  ])('exports %s named by ids indexed since the labels were read', async (_what, scope) => {
    const server = await startServer(createApp({ db }), 0, '127.0.0.1');
    try {
      await indexThingAfterReading();
      const response = await fetch(`${server.url}/api/export`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ format: 'json', scope }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { nodes: Array<{ id: string }> };
      expect(body.nodes.map((n) => n.id).sort()).toEqual(['thing-1', 'thing-2']);
    } finally {
      await server.stop();
    }
  });

  it('still finds a node by an id whose index was dropped since the labels were read, without a server error', async () => {
    await db.writeTransaction((run) => run(THING_ID));
    await db.writeTransaction((run) => run('CALL db.awaitIndexes(60)'));
    await expect.poll(async () => (await indexedIdLabels(db, { fresh: true })).includes('Thing'), { timeout: 10_000 }).toBe(true);
    await db.writeTransaction((run) => run('DROP CONSTRAINT thing_id'));
    // The lookup's index hint now names no index: Neo4j plans without it (cypher.hints_error is false).
    await expect(graph().node('thing-1')).resolves.toMatchObject({ properties: { id: 'thing-1' } });
    const elementId = await elementIdOf(":Thing {id: 'thing-1'}");
    await expect(graph().node(elementId)).resolves.toMatchObject({ properties: { id: 'thing-1' } });
  });
});

describe('labels read while Neo4j could not be reached', () => {
  it('are read again once it is back, so nodes travel by their id at once, not by elementId for 30 s', async () => {
    await resetToSeed(db);
    const target = testTarget();
    const proxy = await startTcpProxy(Number(new URL(target.uri).port));
    const proxied = createDatabase({ ...target, uri: `bolt://127.0.0.1:${proxy.port}` });
    try {
      await proxy.cut();
      // An outage used to be read as "no id index" and kept for 30 s.
      await expect(indexedIdLabels(proxied)).rejects.toMatchObject({ code: 'DB_UNAVAILABLE' });
      await proxy.restore();
      await expect.poll(async () => (await createGraphService(proxied).node('north-korea').catch(() => undefined))?.id, { timeout: 10_000 }).toBe('north-korea');
    } finally {
      await proxied.close();
      await proxy.close();
    }
  });
});
