/**
 * The browse queries that were rewritten to stay bounded on large graphs give the same answers as the plain
 * Cypher they replace, on the seed: the bidirectional, budgeted path search against `ALL SHORTEST`, and the
 * neighbourhood's one pass and its walk of low-degree nodes against plain queries over every relationship.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { createGraphService } from '../../server/src/graph/graph-service.ts';
import { neighbourhood } from '../../server/src/graph/neighbourhood-query.ts';
import { shortestPaths } from '../../server/src/graph/paths-query.ts';
import { resetToSeed, testDatabase } from '../support/neo4j.ts';

let db: Database;
let ids: string[];

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  ids = (await db.read('MATCH (n) WHERE n.id IS NOT NULL RETURN n.id AS id ORDER BY id')).map((row) => String(row.id));
});

afterAll(async () => {
  await db?.close();
});

/** The node-id routes that Cypher's ALL SHORTEST finds, as "a>b>c" strings, sorted. */
async function allShortest(from: string, to: string, allowed: string[] | null): Promise<string[]> {
  const rows = await db.read(
    `MATCH (a {id: $from}), (b {id: $to})
     MATCH p = ALL SHORTEST (a)-[r WHERE $allowed IS NULL OR r.certainty IN $allowed]-{1,6}(b)
     RETURN DISTINCT [n IN nodes(p) | n.id] AS route`,
    { from, to, allowed },
  );
  return rows.map((row) => (row.route as string[]).join('>')).sort();
}

describe('the budgeted path search', () => {
  it('finds exactly the shortest routes ALL SHORTEST finds, for a third of all pairs of seed nodes, with and without a floor', async () => {
    let compared = 0;
    for (const [k, from] of ids.entries()) {
      for (const [j, to] of ids.slice(k + 1).entries()) {
        if ((k + j) % 3 !== 0) continue;
        for (const minCertainty of [undefined, 'reported'] as const) {
          const expected = await allShortest(from, to, minCertainty ? ['confirmed', 'reported'] : null);
          if (expected.length > 25) continue; // the API keeps 25 routes
          const answer = await shortestPaths(db, { from, to, maxLength: 6, ...(minCertainty ? { minCertainty } : {}) });
          expect(answer.paths.map((route) => route.join('>')).sort(), `${from} → ${to} (${minCertainty ?? 'any'})`).toEqual(expected);
          expect(answer.searched.stoppedEarly).toBe(false);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('gives every relationship between consecutive route nodes, parallel ones included, and only those', async () => {
    const answer = await shortestPaths(db, { from: 'kim-jong-un', to: 'vladimir-putin', maxLength: 6 });
    const steps = new Set(answer.paths.flatMap((route) => route.slice(1).map((id, i) => [route[i], id].sort().join('|'))));
    expect(answer.relationships.length).toBeGreaterThan(0);
    for (const relationship of answer.relationships) expect(steps.has([relationship.source, relationship.target].sort().join('|'))).toBe(true);
  });

  it('stops before expanding more relationships than its budget, and says so instead of "no path"', async () => {
    const answer = await shortestPaths(db, { from: 'kim-jong-un', to: 'donetsk-region', maxLength: 6 }, 3);
    expect(answer).toMatchObject({ paths: [], nodes: [], relationships: [], searched: { stoppedEarly: true, budget: 3 } });
    expect(answer.searched.expandedRelationships).toBeLessThanOrEqual(3);
  });
});

describe('the neighbourhood query', () => {
  /** The plain answer: counts over every relationship, relationships among the shown nodes by a walk of all of them. */
  async function plain(id: string) {
    const [row] = await db.read(
      `MATCH (n {id: $id})
       CALL (n) { MATCH (n)-[r]-(m) WHERE m <> n WITH type(r) AS name, count(DISTINCT m) AS count RETURN collect([name, count]) AS types }
       CALL (n) { MATCH (n)--(m) WHERE m <> n WITH DISTINCT m UNWIND labels(m) AS name WITH name, count(*) AS count RETURN collect([name, count]) AS labels }
       CALL (n) { MATCH (n)--(m) WHERE m <> n RETURN count(DISTINCT m) AS total }
       RETURN types, labels, total`,
      { id },
    );
    return row as { types: Array<[string, unknown]>; labels: Array<[string, unknown]>; total: unknown };
  }

  async function relationshipsAmong(nodeElementIds: string[]): Promise<string[]> {
    const rows = await db.read('MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids RETURN elementId(r) AS id', { ids: nodeElementIds });
    return rows.map((row) => String(row.id)).sort();
  }

  it.each([
    ['walking every node', 5_000],
    ['joining dense nodes by Expand(Into) only', 0],
    ['mixing both', 3],
  ])('counts and joins the shown nodes as plain Cypher does, for every seed node (%s)', async (_how, walkDegreeMax) => {
    for (const id of ids) {
      const answer = await neighbourhood(db, id, { limit: 5, types: [], labels: [] }, { maxRelationships: 40_000, walkDegreeMax });
      const expected = await plain(id);
      const asPairs = (counts: Array<{ name: string; count: number }>) => counts.map(({ name, count }) => `${name}:${count}`).sort();
      expect(asPairs(answer.counts.types), id).toEqual(expected.types.map(([name, count]) => `${name}:${Number(count)}`).sort());
      expect(asPairs(answer.counts.labels), id).toEqual(expected.labels.map(([name, count]) => `${name}:${Number(count)}`).sort());
      expect(answer.total, id).toBe(Number(expected.total));
      const shown = answer.nodes.map((node) => node.elementId as string);
      expect(answer.relationships.map((relationship) => relationship.elementId).sort(), id).toEqual(await relationshipsAmong(shown));
    }
  });

  it('stops the relationships at the view\'s cap, the node\'s own first, and says so; none cut below the cap', async () => {
    const full = await neighbourhood(db, 'russia', { limit: 100, types: [], labels: [] }, { maxRelationships: 40_000 });
    expect(full.relationshipLimit).toBeUndefined();
    const own = full.relationships.filter((r) => r.source === 'russia' || r.target === 'russia').length;
    expect(full.relationships.length).toBeGreaterThan(own); // relationships among the neighbours too
    for (const walkDegreeMax of [5_000, 0]) {
      const capped = await neighbourhood(db, 'russia', { limit: 100, types: [], labels: [] }, { maxRelationships: own, walkDegreeMax });
      expect(capped.relationshipLimit, `walkDegreeMax ${walkDegreeMax}`).toBe(own);
      expect(capped.relationships).toHaveLength(own);
      if (walkDegreeMax > 0) expect(capped.relationships.every((r) => r.source === 'russia' || r.target === 'russia')).toBe(true);
      expect(capped.nodes).toHaveLength(full.nodes.length); // the nodes are not cut
    }
    const exact = await neighbourhood(db, 'russia', { limit: 100, types: [], labels: [] }, { maxRelationships: full.relationships.length });
    expect(exact.relationshipLimit).toBeUndefined();
    expect(exact.relationships).toHaveLength(full.relationships.length);
  });
});

describe('the overview', () => {
  it('stops the relationships among its nodes at the view\'s cap and says so; none cut at or below the cap', async () => {
    const total = Number((await db.read('MATCH ()-[r]->() RETURN count(r) AS n'))[0]?.n);
    const nodes = Number((await db.read('MATCH (n) RETURN count(n) AS n'))[0]?.n);
    const whole = await createGraphService(db, { maxRelationships: total }).overview({ limit: nodes, ids: undefined });
    expect(whole.relationships).toHaveLength(total);
    expect(whole.relationshipLimit).toBeUndefined();
    const cut = await createGraphService(db, { maxRelationships: 10 }).overview({ limit: nodes, ids: undefined });
    expect(cut.relationships).toHaveLength(10);
    expect(cut.relationshipLimit).toBe(10);
    expect(cut.nodes).toHaveLength(nodes);
    const byIds = await createGraphService(db, { maxRelationships: 1 }).overview({ limit: 100, ids: ['russia', 'north-korea', 'vladimir-putin', 'kim-jong-un'] });
    expect(byIds).toMatchObject({ relationshipLimit: 1 });
    expect(byIds.relationships).toHaveLength(1);
  });
});
