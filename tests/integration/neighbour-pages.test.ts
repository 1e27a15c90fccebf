/**
 * Paging through a hub's neighbours with GET /api/nodes/:id/neighbors?after=: a node with 10,000
 * neighbours (some joined twice), read page by page with the `next` cursor, with and without filters. The
 * seed is restored afterwards for the files that follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeighborsResponse } from '../../server/src/contract.ts';
import type { Database } from '../../server/src/db/database.ts';
import { getJson, startApiFixture, type ApiFixture } from '../support/http.ts';
import { wipeEverything } from '../support/export-graphs.ts';

const NEIGHBOURS = 10_000;

let api: ApiFixture;
let db: Database;

/** A hub with NEIGHBOURS leaves: even leaves by LINKS (confirmed), odd by CITES (speculated), every 10th by both. */
async function loadHub(database: Database): Promise<void> {
  await wipeEverything(database);
  await database.writeTransaction(async (run) => {
    await run('CREATE CONSTRAINT hub_id IF NOT EXISTS FOR (n:Hub) REQUIRE n.id IS UNIQUE');
    await run('CREATE CONSTRAINT leaf_id IF NOT EXISTS FOR (n:Leaf) REQUIRE n.id IS UNIQUE');
  });
  await database.writeTransaction(async (run) => {
    await run(
      `CREATE (hub:Hub {id: 'hub'})
       WITH hub
       UNWIND range(0, $count - 1) AS i
       CREATE (leaf:Leaf {id: 'leaf-' + i, i: i})
       FOREACH (_ IN CASE WHEN i % 2 = 0 OR i % 10 = 1 THEN [1] ELSE [] END | CREATE (hub)-[:LINKS {certainty: 'confirmed'}]->(leaf))
       FOREACH (_ IN CASE WHEN i % 2 = 1 OR i % 10 = 0 THEN [1] ELSE [] END | CREATE (leaf)-[:CITES {certainty: 'speculated'}]->(hub))`,
      { count: NEIGHBOURS },
    );
  });
}

beforeAll(async () => {
  api = await startApiFixture(loadHub);
  ({ db } = api);
}, 120_000);

afterAll(async () => {
  // Leave no trace for the files that follow: an id constraint on a label without nodes makes Neo4j plan a
  // (free) label scan in the id lookup, which the lookup tests rightly count as a scan.
  await db?.writeTransaction(async (run) => {
    await run('DROP CONSTRAINT hub_id IF EXISTS');
    await run('DROP CONSTRAINT leaf_id IF EXISTS');
  });
  await api?.stop();
});

/** Every page of the hub's neighbours for `query`, following `next` until it is null. */
async function allPages(query: string): Promise<NeighborsResponse[]> {
  const pages: NeighborsResponse[] = [];
  let after: string | null = null;
  do {
    const cursor: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
    const response = await getJson<NeighborsResponse>(api.url, `/api/nodes/hub/neighbors?${query}${cursor}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    pages.push(response.body);
    after = response.body.next;
  } while (after !== null && pages.length <= NEIGHBOURS);
  return pages;
}

const leaves = (page: NeighborsResponse) => page.nodes.map((node) => node.id).filter((id) => id !== 'hub');

describe('GET /api/nodes/:id/neighbors, page by page', () => {
  it('walks all 10,000 neighbours once each, in pages of the limit, the last with no next', async () => {
    const pages = await allPages('limit=2500');
    expect(pages).toHaveLength(4);
    const seen = pages.flatMap(leaves);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(NEIGHBOURS);
    for (const page of pages) {
      expect(page.total).toBe(NEIGHBOURS);
      expect(leaves(page)).toHaveLength(2500);
      // each page carries the hub and the relationships between the hub and that page's leaves
      const shown = new Set(page.nodes.map((node) => node.id));
      expect(page.relationships.every((rel) => shown.has(rel.source) && shown.has(rel.target))).toBe(true);
    }
    expect(pages.at(-1)?.next).toBeNull();
  });

  it('gives the same pages when asked again: the order is stable', async () => {
    const first = (await allPages('limit=3000')).map(leaves);
    const again = (await allPages('limit=3000')).map(leaves);
    expect(again).toEqual(first);
    expect(first.map((page) => page.length)).toEqual([3000, 3000, 3000, 1000]);
  });

  it('pages through only the neighbours that pass the filters', async () => {
    const rows = await db.read(
      `MATCH (:Hub {id: 'hub'})-[r:CITES]-(leaf) WHERE r.certainty IN ['confirmed', 'reported', 'assessed', 'speculated'] RETURN collect(DISTINCT leaf.id) AS ids`,
    );
    const expected = (rows[0]?.ids as string[]).sort();
    const pages = await allPages('limit=700&types=CITES&minCertainty=speculated');
    const seen = pages.flatMap(leaves);
    expect(seen.sort()).toEqual(expected);
    expect(pages.every((page) => page.total === expected.length)).toBe(true);
  });

  it('answers an empty last page after the final cursor, and 400 for a cursor that is too long', async () => {
    const [only] = await allPages('limit=5000&types=LINKS&minCertainty=confirmed&labels=Leaf');
    expect(only?.next).not.toBeNull();
    const tooLong = await getJson(api.url, `/api/nodes/hub/neighbors?after=${'x'.repeat(1001)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const past = await getJson<NeighborsResponse>(api.url, `/api/nodes/hub/neighbors?after=${encodeURIComponent('\u{10FFFF}')}`);
    expect(past.status).toBe(200);
    expect(leaves(past.body)).toEqual([]);
    expect(past.body.next).toBeNull();
    expect(past.body.total).toBe(NEIGHBOURS);
  });
});
