/**
 * Looking a node up by the id a URL carries, against the real Neo4j: through the index on its label's `id`
 * when there is one (no node read needlessly), by elementId, and by a scan for nodes whose `id` no index
 * covers (string or integer), never confusing "007" with 7.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherPlan } from '../../server/src/contract.ts';
import type { Database } from '../../server/src/db/database.ts';
import { indexedIdLabels, matchNodeById, nodesByIdsSubquery } from '../../server/src/graph/node-match.ts';
import { resetToSeed, testDatabase } from '../support/neo4j.ts';

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  await db.writeTransaction((run) => run("CREATE (:Loose {id: 'loose-1'}), (:Loose {id: 7}), (:Loose {id: '007'})"));
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

/** The ids found for `id`, and how many database hits the scans of all nodes cost while finding them. */
async function lookUp(id: string): Promise<{ found: unknown[]; scanHits: number }> {
  const query = `PROFILE ${matchNodeById(await indexedIdLabels(db))} RETURN n.id AS id`;
  const found: unknown[] = [];
  const summary = await db.userRead((tx) => tx.stream(query, { id }, (row) => found.push(plain(row.id)) > 0), { timeoutMs: 30_000, fetchSize: 100 });
  const plan = summary.plan;
  if (!plan) throw new Error('PROFILE gave no plan');
  const scans = [...operators(plan)].filter((op) => op.operator.startsWith('AllNodesScan'));
  expect(scans.length).toBeGreaterThan(0);
  return { found, scanHits: scans.reduce((sum, op) => sum + (op.dbHits ?? 0), 0) };
}

describe('looking a node up by id', () => {
  it('knows the labels whose id the seed indexes (its uniqueness constraints)', async () => {
    const labels = await indexedIdLabels(db);
    expect(labels).toEqual(expect.arrayContaining(['Person', 'Country', 'Source']));
    expect(labels).not.toContain('Loose');
  });

  it('finds an indexed id through its label’s index, scanning no node', async () => {
    await expect(lookUp('vladimir-putin')).resolves.toEqual({ found: ['vladimir-putin'], scanHits: 0 });
  });

  it('finds a node by its elementId, scanning no node', async () => {
    const [row] = await db.read("MATCH (n {id: 'russia'}) RETURN elementId(n) AS elementId");
    await expect(lookUp(String(row?.elementId))).resolves.toEqual({ found: ['russia'], scanHits: 0 });
  });

  it('falls back to a scan for an id no index covers, string or integer, and tells "007" from 7', async () => {
    const loose = await lookUp('loose-1');
    expect(loose.found).toEqual(['loose-1']);
    expect(loose.scanHits).toBeGreaterThan(0);
    expect((await lookUp('7')).found).toEqual([7]);
    expect((await lookUp('007')).found).toEqual(['007']);
  });

  it('finds nothing for an id that names no node', async () => {
    await expect(lookUp('no-such-node')).resolves.toMatchObject({ found: [] });
  });

  it('finds a list of ids of every kind at once, each node once', async () => {
    const [row] = await db.read("MATCH (n {id: 'russia'}) RETURN elementId(n) AS elementId");
    const ids = ['vladimir-putin', String(row?.elementId), 'russia', 'loose-1', '7', 'no-such-node'];
    const rows = await db.read(`${nodesByIdsSubquery('$ids', await indexedIdLabels(db))} RETURN n.id AS id`, { ids });
    expect(rows.map((r) => plain(r.id)).sort()).toEqual([7, 'loose-1', 'russia', 'vladimir-putin'].sort());
  });
});
