/**
 * The browse endpoints on the seed graph: typo-tolerant search with snippets, filtered expansion with
 * counts, shortest paths with a certainty floor, the schema, evidence, and the checks that keep request
 * labels and types out of queries unless the database has them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CERTAINTIES,
  type EvidenceResponse,
  type GraphNode,
  type NeighborsResponse,
  type PathsResponse,
  type SchemaResponse,
  type SearchResponse,
  type SearchSnippet,
} from '../../server/src/contract.ts';
import type { Database } from '../../server/src/db/database.ts';
import { getJson, startApiFixture, type ApiFixture } from '../support/http.ts';
import { fingerprint } from '../support/neo4j.ts';
import { mapsOf, type DbValue } from '../../server/src/db/values.ts';

let api: ApiFixture;
let db: Database;
let url: string;

beforeAll(async () => {
  api = await startApiFixture();
  ({ db, url } = api);
});

afterAll(() => api?.stop());

const search = (q: string, limit = 10) => getJson<SearchResponse>(url, `/api/search?q=${encodeURIComponent(q)}&limit=${limit}`);
const highlighted = (snippet: SearchSnippet) => snippet.highlights.map(([start, end]) => snippet.text.slice(start, end));

describe('GET /api/search', () => {
  it.each([
    ['putn', 'vladimir-putin'],
    ['vladimr putin', 'vladimir-putin'],
    ['kim jong un', 'kim-jong-un'],
    ['Kim Jong-un', 'kim-jong-un'],
    ['DPRK', 'north-korea'],
    ['Donetsk Oblsat', 'donetsk-region'],
    ['ammunition', 'north-korea'],
    ['engineering brigade', 'north-korean-engineering-brigades'],
    ['enginering brigades', 'north-korean-engineering-brigades'],
    ['strategic partnership agreemnt', 'russia-dprk-partnership-agreement'],
  ])('finds "%s" despite typos and spelling, ranking %s first', async (q, id) => {
    const res = await search(q);
    expect(res.status).toBe(200);
    expect(res.body.results[0]?.node.id).toBe(id);
  });

  it.each([
    ['russia', 'russia'],
    ['north korea', 'north-korea'],
    ['ukraine', 'ukraine'],
    ['isw', 'isw'],
    ['tv chosun', 'tv-chosun'],
    ['donetsk region', 'donetsk-region'],
    ['Donetsk', 'donetsk-region'],
    ['putin', 'vladimir-putin'],
    ['kim', 'kim-jong-un'],
    ['south korea', 'south-korea'],
    ['USSR', 'soviet-union'],
    ['soviet union', 'soviet-union'],
    ['moscow', 'russia'],
    ['pyongyang', 'north-korea'],
    ['institute for the study of war', 'isw'],
    ['russian army', 'russian-army'],
    ['war in ukraine', 'russia-ukraine-war'],
    ['occupied territories', 'occupied-ukrainian-territories'],
    ['journalists', 'journalists'],
    ['viet nam', 'vietnam'],
  ])('puts the node named (or aliased) exactly "%s" first: %s', async (q, id) => {
    expect((await search(q)).body.results[0]?.node.id).toBe(id);
  });

  it('puts names holding the query as a whole word before a name with a word that only starts with it', async () => {
    // The new-user trial: for "korea", the KCNA treaty text (alias "Korean Central News Agency") came first.
    const ids = (await search('korea')).body.results.map((result) => result.node.id);
    expect(ids.slice(0, 2).sort()).toEqual(['north-korea', 'south-korea']);
  });

  it('gives each result its most specific label and a snippet of the property that matched', async () => {
    const [top] = (await search('putn')).body.results;
    expect(top).toMatchObject({ label: 'Person', snippet: { field: 'name', text: 'Vladimir Putin' } });
    expect(highlighted(top!.snippet)).toEqual(['Putin']);
  });

  it('highlights every term of a multi-word query in the name', async () => {
    const [top] = (await search('kim jong un')).body.results;
    expect(top?.snippet).toEqual({ field: 'name', text: 'Kim Jong-un', highlights: [[0, 3], [4, 8], [9, 11]] });
  });

  it('shows the alias when an alias is what matched', async () => {
    const [top] = (await search('DPRK')).body.results;
    expect(top).toMatchObject({ label: 'Country', snippet: { field: 'aliases', text: 'DPRK', highlights: [[0, 4]] } });
  });

  it('cuts a matching description to about 160 characters around the matched word', async () => {
    const [top] = (await search('ammunition')).body.results;
    const description = top?.node.properties.description;
    expect(typeof description === 'string' && description.length).toBeGreaterThan(160);
    expect(top?.snippet.field).toBe('description');
    expect(top?.snippet.text.length).toBeLessThanOrEqual(162);
    expect(highlighted(top!.snippet)).toEqual(['ammunition']);
  });

  it('labels results that have only one label with that label', async () => {
    const res = await search('strategic partnership agreement');
    const agreement = res.body.results.find((r) => r.node.id === 'russia-dprk-partnership-agreement');
    expect(agreement?.label).toBe('Agreement');
  });

  it('reads Lucene\'s operators as such: AND is not searched as a word, NOT word and -word leave out nodes with that word', async () => {
    const ids = async (q: string) => (await search(q, 25)).body.results.map((result) => result.node.id);
    expect(await ids('russia AND ukraine')).toEqual(await ids('russia ukraine'));
    const korea = await ids('korea');
    expect(korea).toEqual(expect.arrayContaining(['north-korea', 'south-korea']));
    for (const q of ['korea NOT south', 'korea -south']) {
      const results = (await search(q, 25)).body.results;
      expect(results.map((result) => result.node.id)).toContain('north-korea');
      // No result has a word starting with "south" in any property.
      const texts = results.flatMap((result) => Object.values(result.node.properties).flat().filter((value): value is string => typeof value === 'string'));
      expect(texts.filter((text) => /(^|[^\p{L}\p{N}])south/iu.test(text))).toEqual([]);
    }
  });

  it.each([
    ['NOT korea', 'NOT, - and ! leave out the word after them'],
    ['-korea', 'NOT, - and ! leave out the word after them'],
    ['korea NOT korea', 'NOT, - and ! leave out the word after them'],
    ['!?', 'words of letters or digits'],
  ])('refuses "%s", which has no word to find, with a 400 that says why', async (q, why) => {
    // The new-user trial: "NOT russia" found nothing and said nothing.
    const res = await getJson(url, `/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain(why);
  });

  it.each(['', '%20', '%20%09%20'])('refuses an empty or blank q (q=%s) with 400 VALIDATION_FAILED', async (q) => {
    const res = await getJson(url, `/api/search?q=${q}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/nodes/:id/neighbors with filters', () => {
  const neighbours = (id: string, query = '') => getJson<NeighborsResponse>(url, `/api/nodes/${id}/neighbors${query}`);

  it('counts every neighbour per relationship type and per label, whatever the filters', async () => {
    const expected = await db.read(`
      CALL () { MATCH ({id: 'north-korea'})-[r]-(m) WITH type(r) AS name, count(DISTINCT m) AS count RETURN collect({name: name, count: count}) AS types }
      CALL () { MATCH ({id: 'north-korea'})--(m) WITH DISTINCT m UNWIND labels(m) AS name WITH name, count(*) AS count RETURN collect({name: name, count: count}) AS labels }
      RETURN types, labels`);
    const plain = await neighbours('north-korea');
    const filtered = await neighbours('north-korea', '?types=SUPPORTS&labels=Country&minCertainty=confirmed&limit=1');
    const asSet = (list: Array<{ name: string; count: unknown }>) => new Set(list.map(({ name, count }) => `${name}=${Number(count)}`));
    expect(asSet(plain.body.counts.types)).toEqual(asSet(mapsOf(expected[0]?.types) as never));
    expect(asSet(plain.body.counts.labels)).toEqual(asSet(mapsOf(expected[0]?.labels) as never));
    expect(filtered.body.counts).toEqual(plain.body.counts);
  });

  it('keeps only neighbours joined by one of the requested relationship types, and only those relationships', async () => {
    const res = await neighbours('north-korea', '?types=LEADER_OF&types=PARTY_TO');
    expect(res.status).toBe(200);
    expect(res.body.nodes.map((n) => n.id).sort()).toEqual(['kim-jong-un', 'north-korea', 'russia-dprk-partnership-agreement']);
    expect(res.body.total).toBe(2);
    expect(new Set(res.body.relationships.map((r) => r.type))).toEqual(new Set(['LEADER_OF', 'PARTY_TO']));
  });

  it('keeps only neighbours that carry one of the requested labels', async () => {
    const rows = await db.read("MATCH ({id: 'north-korea'})--(m) WHERE m:Country OR m:Payment RETURN collect(DISTINCT m.id) AS ids");
    const expected = [...(rows[0]?.ids as string[])].sort();
    const res = await neighbours('north-korea', '?labels=Country&labels=Payment');
    expect(res.body.nodes.map((n) => n.id).filter((id) => id !== 'north-korea').sort()).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(1);
  });

  it.each(CERTAINTIES.map((floor, rank) => [floor, rank] as const))(
    'with minCertainty=%s uses only relationships at that level or stronger',
    async (floor, rank) => {
      const allowed = CERTAINTIES.slice(0, rank + 1);
      const rows = await db.read(
        "MATCH ({id: 'north-korea'})-[r]-(m) WHERE r.certainty IN $allowed RETURN count(DISTINCT m) AS total",
        { allowed },
      );
      const res = await neighbours('north-korea', `?minCertainty=${floor}`);
      expect(res.body.total).toBe(Number(rows[0]?.total));
      for (const rel of res.body.relationships) expect(allowed).toContain(rel.properties.certainty);
    },
  );

  it('caps the neighbours at limit while total counts every neighbour that passes the filters', async () => {
    const res = await neighbours('north-korea', '?minCertainty=confirmed&limit=2');
    const rows = await db.read("MATCH ({id: 'north-korea'})-[r {certainty: 'confirmed'}]-(m) RETURN count(DISTINCT m) AS total");
    expect(res.body.nodes).toHaveLength(3);
    expect(res.body.total).toBe(Number(rows[0]?.total));
    expect(res.body.total).toBeGreaterThan(2);
  });

  it.each([
    ['types', ['NOT_A_TYPE'], 'NOT_A_TYPE'],
    ['types', ['SIGNED', 'NOT_A_TYPE'], 'NOT_A_TYPE'],
    ['types', ['SIGNED,PARTY_TO'], 'SIGNED,PARTY_TO'],
    ['labels', ['Martian'], 'Martian'],
    ['labels', ['person'], 'person'],
  ])('refuses an unknown name in %s (%j) with 400 VALIDATION_FAILED naming it', async (param, values, unknownName) => {
    const res = await neighbours('north-korea', `?${values.map((value) => `${param}=${encodeURIComponent(value)}`).join('&')}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const unknown = (res.body as unknown as { error: { details: { unknown: Record<string, string[]> } } }).error.details.unknown;
    expect(unknown[param]).toEqual([unknownName]);
  });

  it('refuses a certainty that is not on the scale with 400', async () => {
    const res = await neighbours('north-korea', '?minCertainty=certain');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('request labels and types never reach a query unchecked', () => {
  it.each([
    ['labels', 'Person`) DETACH DELETE n //'],
    ['labels', 'Person`|Country'],
    ['labels', "Person' OR 1=1 //"],
    ['types', 'SIGNED]->() DETACH DELETE n //'],
    ['types', 'SIGNED`]-() MATCH (x) DETACH DELETE x //'],
  ])('answers %s=%s with 400 VALIDATION_FAILED and leaves the graph unchanged', async (param, value) => {
    const before = await fingerprint(db);
    const res = await getJson(url, `/api/nodes/north-korea/neighbors?${param}=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await fingerprint(db)).toBe(before);
  });
});

describe('GET /api/paths', () => {
  const paths = (query: string) => getJson<PathsResponse>(url, `/api/paths?${query}`);

  it('returns every distinct shortest path between two nodes, ignoring direction, as the graph transport', async () => {
    const rows = await db.read(`
      MATCH (a {id: 'vladimir-putin'}), (b {id: 'donetsk-region'})
      MATCH p = allShortestPaths((a)-[*..6]-(b))
      RETURN DISTINCT [n IN nodes(p) | n.id] AS ids`);
    const expected = rows.map((row) => (row.ids as string[]).join('>')).sort();

    const res = await paths('from=vladimir-putin&to=donetsk-region');
    expect(res.status).toBe(200);
    expect(res.body.paths.map((path) => path.join('>')).sort()).toEqual(expected);
    const nodeIds = new Set(res.body.nodes.map((n) => n.id));
    for (const path of res.body.paths) {
      expect(path[0]).toBe('vladimir-putin');
      expect(path.at(-1)).toBe('donetsk-region');
      expect(path).toHaveLength(expected[0]!.split('>').length);
      for (const id of path) expect(nodeIds.has(id)).toBe(true);
      for (let i = 1; i < path.length; i++) {
        const joined = res.body.relationships.some(
          (r) => (r.source === path[i - 1] && r.target === path[i]) || (r.source === path[i] && r.target === path[i - 1]),
        );
        expect(joined).toBe(true);
      }
    }
  });

  it('with a certainty floor finds the longer path of strong claims when only weak claims make the short one', async () => {
    const direct = await paths('from=north-korean-deployment&to=ukraine');
    expect(direct.body.paths).toEqual([['north-korean-deployment', 'ukraine']]);
    expect(direct.body.relationships.map((r) => r.properties.certainty).sort()).toEqual(['assessed', 'speculated']);

    const reported = await paths('from=north-korean-deployment&to=ukraine&minCertainty=reported');
    expect(reported.status).toBe(200);
    expect(reported.body.paths.length).toBeGreaterThan(0);
    for (const path of reported.body.paths) expect(path).toHaveLength(4);
    for (const rel of reported.body.relationships) expect(['confirmed', 'reported']).toContain(rel.properties.certainty);

    const confirmed = await paths('from=north-korean-deployment&to=ukraine&minCertainty=confirmed');
    expect(confirmed.body.paths.length).toBeGreaterThan(0);
    for (const path of confirmed.body.paths) expect(path).toHaveLength(5);
    for (const rel of confirmed.body.relationships) expect(rel.properties.certainty).toBe('confirmed');
  });

  it('with a floor that only the weaker of two parallel claims misses, keeps the stronger one alone', async () => {
    const res = await paths('from=north-korean-deployment&to=ukraine&minCertainty=assessed');
    expect(res.body.paths).toEqual([['north-korean-deployment', 'ukraine']]);
    expect(res.body.relationships.map((r) => r.type)).toEqual(['AFFECTS']);
  });

  it('answers 200 with no paths when none is short enough', async () => {
    const res = await paths('from=vladimir-putin&to=donetsk-region&maxLength=2');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ nodes: [], relationships: [], paths: [], searched: expect.objectContaining({ stoppedEarly: false }) });
  });

  it('finds a node given by elementId as well as by id', async () => {
    const putin = await getJson<GraphNode>(url, '/api/nodes/vladimir-putin');
    const res = await paths(`from=${encodeURIComponent(putin.body.elementId)}&to=russia`);
    expect(res.body.paths).toEqual([['vladimir-putin', 'russia']]);
  });

  it.each([
    ['from=atlantis&to=russia', 'atlantis'],
    ['from=russia&to=atlantis', 'atlantis'],
  ])('answers %s with 404 NOT_FOUND naming the unknown end', async (query, id) => {
    const res = await paths(query);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND', details: { id } } });
  });

  it.each([
    'from=russia&to=russia',
    'from=russia',
    'to=russia',
    'from=russia&to=ukraine&maxLength=0',
    'from=russia&to=ukraine&maxLength=11',
    'from=russia&to=ukraine&maxLength=two',
    'from=russia&to=ukraine&minCertainty=sure',
  ])('refuses %s with 400 VALIDATION_FAILED', async (query) => {
    const res = await paths(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses the same node named by id and by elementId with 400', async () => {
    const russia = await getJson<GraphNode>(url, '/api/nodes/russia');
    const res = await paths(`from=russia&to=${encodeURIComponent(russia.body.elementId)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('GET /api/schema', () => {
  it('lists every label and relationship type with its count, and the property keys', async () => {
    const rows = await db.read(`
      CALL () { MATCH (n) UNWIND labels(n) AS name WITH name, count(*) AS count ORDER BY name RETURN collect({name: name, count: count}) AS labels }
      CALL () { MATCH ()-[r]->() WITH type(r) AS name, count(*) AS count ORDER BY name RETURN collect({name: name, count: count}) AS types }
      RETURN labels, types`);
    const plain = (list: DbValue | undefined) => mapsOf(list).map(({ name, count }) => ({ name, count: Number(count) }));
    const res = await getJson<SchemaResponse>(url, '/api/schema');
    expect(res.status).toBe(200);
    expect(res.body.labels).toEqual(plain(rows[0]?.labels));
    expect(res.body.relationshipTypes).toEqual(plain(rows[0]?.types));
    expect(res.body.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'aliases', 'description', 'quote', 'sources', 'certainty']));
  });
});

describe('GET /api/nodes/:id/evidence', () => {
  const evidence = (id: string) => getJson<EvidenceResponse>(url, `/api/nodes/${id}/evidence`);

  it('groups every claim about the node by the Source nodes it cites, each claim with its quote and certainty', async () => {
    const rows = await db.read("MATCH ({id: 'north-korean-deployment'})-[r]-() RETURN count(r) AS claims");
    const res = await evidence('north-korean-deployment');
    expect(res.status).toBe(200);
    expect(res.body.node.id).toBe('north-korean-deployment');

    const claims = new Set(res.body.groups.flatMap((g) => g.claims.map((c) => c.relationship.elementId)));
    expect(claims.size).toBe(Number(rows[0]?.claims));
    for (const group of res.body.groups) {
      expect(group.source).not.toBeNull();
      for (const claim of group.claims) {
        const cited = claim.relationship.properties.sources as string[];
        expect(cited).toContain((group.source as GraphNode).id);
        expect(claim.relationship.properties).toMatchObject({ quote: expect.any(String), certainty: expect.any(String) });
      }
    }
  });

  it('puts a claim with two sources in both groups and says from which side the node sees it', async () => {
    const res = await evidence('north-korean-deployment');
    const bySource = new Map(res.body.groups.map((g) => [(g.source as GraphNode).id, g.claims]));
    for (const source of ['tv-chosun-report', 'isw-report']) {
      const involves = bySource.get(source)?.find((c) => c.relationship.type === 'INVOLVES');
      expect(involves).toMatchObject({ direction: 'out', other: { id: 'north-korean-engineering-brigades' } });
    }
    const deploys = bySource.get('tv-chosun-report')?.find((c) => c.relationship.type === 'DEPLOYS');
    expect(deploys).toMatchObject({ direction: 'in', other: { id: 'north-korea' } });
  });

  it('orders claims in a group from the strongest certainty to the weakest', async () => {
    const res = await evidence('north-korean-deployment');
    for (const group of res.body.groups) {
      const ranks = group.claims.map((c) => CERTAINTIES.indexOf(c.relationship.properties.certainty as never));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('lists for a Source node every claim that cites it anywhere in the graph', async () => {
    const rows = await db.read("MATCH ()-[r]->() WHERE 'isw-report' IN r.sources RETURN collect(elementId(r)) AS ids");
    const res = await evidence('isw-report');
    expect(res.body.made.map((c) => c.relationship.elementId).sort()).toEqual([...(rows[0]?.ids as string[])].sort());
    expect(res.body.made.length).toBeGreaterThan(0);
    for (const claim of res.body.made) {
      expect(claim.relationship.source).toBe(claim.start.id);
      expect(claim.relationship.target).toBe(claim.end.id);
    }
    expect(res.body.groups.flatMap((g) => g.claims.map((c) => c.other.id))).toEqual(expect.arrayContaining(['isw', 'article']));
  });

  it('gives other nodes no made claims', async () => {
    expect((await evidence('vladimir-putin')).body.made).toEqual([]);
  });

  it('answers 404 NOT_FOUND for an unknown node', async () => {
    const res = await evidence('atlantis');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND', details: { id: 'atlantis' } } });
  });
});
