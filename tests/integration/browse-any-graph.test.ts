/**
 * The browse endpoints on a graph that is not the seed: airports and cities, other labels and types, no
 * `id` property (nodes travel by elementId), no evidence fields and no full-text index, so search runs its
 * fallback scan. The seed is restored afterwards for the files that follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EvidenceResponse,
  Graph,
  GraphNode,
  NeighborsResponse,
  PathsResponse,
  SchemaResponse,
  SearchResponse,
  SearchSnippet,
} from '../../server/src/contract.ts';
import type { Database } from '../../server/src/db/database.ts';
import { AIRPORTS, CITIES, ROUTES, airportId, loadAirportGraph } from '../support/airport-graph.ts';
import { getJson, startApiFixture, type ApiFixture } from '../support/http.ts';
import { fingerprint } from '../support/neo4j.ts';

let api: ApiFixture;
let db: Database;
let url: string;

beforeAll(async () => {
  api = await startApiFixture(loadAirportGraph);
  ({ db, url } = api);
});

afterAll(() => api?.stop());

const search = (q: string) => getJson<SearchResponse>(url, `/api/search?q=${encodeURIComponent(q)}`);
const highlighted = (snippet: SearchSnippet) => snippet.highlights.map(([start, end]) => snippet.text.slice(start, end));
const node = (id: string) => encodeURIComponent(id);

describe('GET /api/search without a full-text index', () => {
  it.each([
    ['heathrow', 'LHR', 'title', 'Heathrow'],
    ['Heathrw', 'LHR', 'title', 'Heathrow'],
    ['Schiphl', 'AMS', 'title', 'Schiphol'],
    ['zurich airport', 'ZRH', 'title', 'Zurich'],
    ['throw', 'LHR', 'title', 'throw'],
    ['GVA', 'GVA', 'code', 'GVA'],
  ])('finds "%s" (typos and substrings too), ranking %s first with its %s highlighted', async (q, code, field, word) => {
    const res = await search(q);
    expect(res.status).toBe(200);
    const [top] = res.body.results;
    expect(top?.node.properties.code).toBe(code);
    expect(top?.label).toBe('Airport');
    expect(top?.snippet.field).toBe(field);
    expect(highlighted(top!.snippet)).toContain(word);
  });

  it.each([
    ['paris', 'City', 'Paris'],
    ['London', 'City', 'London'],
    ['rome', 'City', 'Rome'],
    ['milan', 'City', 'Milan'],
    ['munich', 'City', 'Munich'],
    ['munich airport', 'Airport', 'Munich Airport'],
    ['geneva', 'City', 'Geneva'],
    ['zürich', 'City', 'Zurich'],
  ])('puts the node titled exactly "%s" first, before those whose title only starts so', async (q, label, title) => {
    const [top] = (await search(q)).body.results;
    expect(top?.label).toBe(label);
    expect(top?.node.properties.title).toBe(title);
  });

  it('finds a city and its airport by a misspelt name, the closer text first, and highlights the whole word', async () => {
    const res = await search('Frankfrt');
    const [first, second] = res.body.results;
    expect(first).toMatchObject({ label: 'City', snippet: { field: 'title', text: 'Frankfurt', highlights: [[0, 9]] } });
    expect(second).toMatchObject({ label: 'Airport', node: { properties: { code: 'FRA' } } });
    expect(highlighted(second!.snippet)).toEqual(['Frankfurt']);
  });

  it('addresses nodes without an id property by elementId', async () => {
    const [top] = (await search('Vienna International')).body.results;
    expect(top?.node.id).toBe(top?.node.elementId);
    expect(top?.node.id).toBe(await airportId(db, 'VIE'));
  });

  it('ranks results by score and keeps to limit', async () => {
    const res = await getJson<SearchResponse>(url, '/api/search?q=airport&limit=5');
    expect(res.body.results).toHaveLength(5);
    const scores = res.body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('says that it scanned every label, there being no full-text index', async () => {
    const res = await search('heathrow');
    expect(res.body.coverage).toMatchObject({ byIndex: [], byScan: ['Airport', 'City'], scanCut: null });
  });

  it('answers a query that matches nothing with no results', async () => {
    const res = await search('kremlin');
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([]);
  });
});

describe('GET /api/nodes/:id/neighbors on any graph', () => {
  let fra: string;
  beforeAll(async () => {
    fra = await airportId(db, 'FRA');
  });
  const routesFromFra = ROUTES.filter(([a, b]) => a === 'FRA' || b === 'FRA').length;

  it('counts the neighbours per relationship type and label', async () => {
    const res = await getJson<NeighborsResponse>(url, `/api/nodes/${node(fra)}/neighbors`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(routesFromFra + 1);
    expect(res.body.counts).toEqual({
      types: [{ name: 'ROUTE', count: routesFromFra }, { name: 'LOCATED_IN', count: 1 }],
      labels: [{ name: 'Airport', count: routesFromFra }, { name: 'City', count: 1 }],
    });
  });

  it.each([
    ['?types=ROUTE', routesFromFra, routesFromFra],
    ['?types=LOCATED_IN', 1, 1],
    ['?labels=City', 1, 1],
    ['?labels=Airport&labels=City', routesFromFra + 1, routesFromFra + 1],
    ['?types=ROUTE&labels=City', 0, 0],
    ['?types=ROUTE&limit=3', routesFromFra, 3],
  ])('filters by %s: %i neighbours match, %i returned', async (query, total, returned) => {
    const res = await getJson<NeighborsResponse>(url, `/api/nodes/${node(fra)}/neighbors${query}`);
    expect(res.body.total).toBe(total);
    expect(res.body.nodes).toHaveLength(returned + 1);
  });

  it('lets no relationship without a certainty pass a certainty floor', async () => {
    const res = await getJson<NeighborsResponse>(url, `/api/nodes/${node(fra)}/neighbors?minCertainty=conditional`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    expect(res.body.nodes.map((n) => n.id)).toEqual([fra]);
    expect(res.body.relationships).toEqual([]);
  });

  it.each([
    ['labels', 'Person'],
    ['types', 'SIGNED'],
    ['labels', 'Airport`) DETACH DELETE n //'],
    ['types', 'ROUTE|LOCATED_IN'],
  ])('refuses %s=%s, a name this database does not have, with 400 and changes nothing', async (param, value) => {
    const before = await fingerprint(db);
    const res = await getJson(url, `/api/nodes/${node(fra)}/neighbors?${param}=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await fingerprint(db)).toBe(before);
  });
});

describe('GET /api/paths on any graph', () => {
  it('returns the shortest routes between two airports by elementId', async () => {
    const [from, to] = [await airportId(db, 'STN'), await airportId(db, 'VIE')];
    const rows = await db.read(
      `MATCH (a), (b) WHERE elementId(a) = $from AND elementId(b) = $to
       MATCH p = allShortestPaths((a)-[*..6]-(b))
       RETURN DISTINCT [n IN nodes(p) | elementId(n)] AS ids`,
      { from, to },
    );
    const expected = rows.map((row) => (row.ids as string[]).join('>')).sort();
    const res = await getJson<PathsResponse>(url, `/api/paths?from=${node(from)}&to=${node(to)}`);
    expect(res.status).toBe(200);
    expect(expected.length).toBeGreaterThan(1);
    expect(res.body.paths.map((path) => path.join('>')).sort()).toEqual(expected);
    expect(new Set(res.body.nodes.map((n) => n.id))).toEqual(new Set(res.body.paths.flat()));
  });

  it.each([
    ['a certainty floor no relationship carries', 'STN', 'VIE', '&minCertainty=conditional'],
    ['two parts of the graph that nothing joins', 'GOH', 'FRA', ''],
  ])('answers 200 with no paths for %s', async (_case, a, b, extra) => {
    const res = await getJson<PathsResponse>(url, `/api/paths?from=${node(await airportId(db, a))}&to=${node(await airportId(db, b))}${extra}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ nodes: [], relationships: [], paths: [], searched: expect.objectContaining({ stoppedEarly: false }) });
  });
});

describe('GET /api/schema on any graph', () => {
  it('lists this database’s labels and relationship types with their counts', async () => {
    const res = await getJson<SchemaResponse>(url, '/api/schema');
    expect(res.body.labels).toEqual([
      { name: 'Airport', count: AIRPORTS.length },
      { name: 'City', count: CITIES.length },
    ]);
    expect(res.body.relationshipTypes).toEqual([
      { name: 'LOCATED_IN', count: AIRPORTS.length },
      { name: 'ROUTE', count: ROUTES.length },
    ]);
    expect(res.body.propertyKeys).toEqual(expect.arrayContaining(['code', 'title', 'country']));
  });

  it('samples a label and a relationship type of this database, nodes addressed by elementId', async () => {
    const cities = await getJson<Graph>(url, '/api/graph?label=City&limit=2');
    expect(cities.body.nodes).toHaveLength(2);
    for (const node of cities.body.nodes) expect(node.id).toBe(node.elementId);
    const routes = await getJson<Graph>(url, '/api/graph?type=ROUTE&limit=3');
    expect(routes.body.relationships).toHaveLength(3);
    for (const rel of routes.body.relationships) expect(rel.type).toBe('ROUTE');
    expect(routes.body.nodes.every((node) => node.labels.includes('Airport'))).toBe(true);
  });
});

describe('GET /api/nodes/:id/evidence on any graph', () => {
  it('puts every relationship in the one group without a source', async () => {
    const fra = await airportId(db, 'FRA');
    const res = await getJson<EvidenceResponse>(url, `/api/nodes/${node(fra)}/evidence`);
    expect(res.status).toBe(200);
    expect(res.body.groups).toHaveLength(1);
    expect(res.body.groups[0]?.source).toBeNull();
    expect(res.body.groups[0]?.claims).toHaveLength(ROUTES.filter(([a, b]) => a === 'FRA' || b === 'FRA').length + 1);
    expect(res.body).toMatchObject({ node: { id: fra }, made: [], truncated: false });
  });

  it('tells incoming claims from outgoing ones', async () => {
    const rows = await db.read("MATCH (c:City {title: 'London'}) RETURN elementId(c) AS id");
    const london = rows[0]?.id as string;
    const res = await getJson<EvidenceResponse>(url, `/api/nodes/${node(london)}/evidence`);
    const claims = res.body.groups.flatMap((g) => g.claims);
    expect(claims).toHaveLength(3);
    for (const claim of claims) {
      expect(claim).toMatchObject({ direction: 'in', relationship: { type: 'LOCATED_IN', target: london } });
      expect((claim.other as GraphNode).labels).toEqual(['Airport']);
    }
  });
});
