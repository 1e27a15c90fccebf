/**
 * POST /api/export against the real Neo4j: every format downloaded and read back by the tools it is for
 * (headless Cytoscape, networkx and igraph after GraphML's XML Schema, a CSV parser, JSON.parse), the three scopes and their filters, and the
 * errors: 400 for a bad request, 403 for a write query, 404 for unknown nodes, 413 over a cap, and a
 * download that fails (rather than ends) when the database connection breaks midway.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import yauzl from 'yauzl';
import { parse } from 'lossless-json';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, startServer, type RunningServer } from '../../server/src/app.ts';
import { CERTAINTIES, EXPORT_FORMATS, type ExportMeta, type Graph, type JsonValue } from '../../server/src/contract.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { createCypherService } from '../../server/src/cypher/cypher-service.ts';
import { visitGraphElements } from '../../server/src/db/graph-collector.ts';
import { resolveExportLimits, type ExportLimits } from '../../server/src/export/export-limits.ts';
import { prepareScope } from '../../server/src/export/export-scope.ts';
import { parseJsonNumber } from '../../server/src/http/json-body.ts';
import { createAwkwardGraph, wipeEverything } from '../support/export-graphs.ts';
import { counts, resetToSeed, testDatabase, testTarget } from '../support/neo4j.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { graphmlSchemaProblems } from '../support/xml-schema.ts';

const run = promisify(execFile);
const READ_GRAPHML = resolve(import.meta.dirname, '../support/read-graphml.py');
const WHOLE_GRAPH = 'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, r';

type JsonExport = Graph & { meta: ExportMeta };

let db: Database;
let server: RunningServer;
let workDir: string;

async function startApp(database: Database, exportLimits?: Partial<ExportLimits>): Promise<RunningServer> {
  return startServer(createApp({ db: database, exportLimits }), 0, '127.0.0.1');
}

beforeAll(async () => {
  db = testDatabase();
  await wipeEverything(db);
  await resetToSeed(db);
  server = await startApp(db);
  workDir = mkdtempSync(join(tmpdir(), 'kg-export-test-'));
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
  rmSync(workDir, { recursive: true, force: true });
});

function post(body: unknown, url = server.url): Promise<Response> {
  return fetch(`${url}/api/export`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * A JSON export, read without losing digits: its integers beyond 2^53 are exact JSON numbers, which come
 * back here as the API's decimal strings, so that they compare with the API's answers.
 */
async function exportJson(scope: unknown): Promise<JsonExport> {
  const response = await post({ format: 'json', scope });
  expect(response.status).toBe(200);
  return readExact(await response.text()) as JsonExport;
}

/** JSON text parsed without losing digits, integers beyond 2^53 as the API's decimal strings. */
function readExact(text: string): unknown {
  return parse(text, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), parseJsonNumber);
}

async function unzip(buffer: Buffer): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const zip = await new Promise<yauzl.ZipFile>((done, fail) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, file) => (error || !file ? fail(error) : done(file))),
  );
  await new Promise<void>((done, fail) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => done());
    zip.on('error', fail);
    zip.readEntry();
  });
  return files;
}

/** Characters XML 1.0 can't carry become U+FFFD in GraphML. */
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');

/** Does a value read back as text (a CSV cell, a GraphML string) say the same as the API's JSON value? */
function sameAsText(text: string, json: JsonValue): boolean {
  if (typeof json === 'string') return text === json;
  if (typeof json === 'boolean') return text === String(json);
  if (typeof json === 'number') return Number(text) === json;
  if (Array.isArray(json)) return JSON.stringify(readExact(text)) === JSON.stringify(json);
  if (json !== null && typeof json === 'object') {
    if (json.$type === 'Float') return text === json.value;
    if (json.$type === 'Point' || json.$type === 'Bytes') return JSON.stringify(JSON.parse(text)) === JSON.stringify(json);
    return text === json.value;
  }
  return false;
}

describe('POST /api/export: the download', () => {
  it.each([
    ['json', 'application/json', 'json'],
    ['cytoscape', 'application/json', 'cyjs'],
    ['graphml', 'application/graphml+xml', 'graphml'],
    ['csv', 'application/zip', 'zip'],
    ['cypher', 'application/x-cypher-query', 'cypher'],
  ])('answers %s as a download with its Content-Type, a file name and the counts', async (format, type, extension) => {
    const response = await post({ format, scope: { around: 'north-korea', depth: 1 } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="kg-export-around-north-korea-1-[0-9TZ-]+\\.${extension}"$`));
    expect(Number(response.headers.get('x-export-nodes'))).toBeGreaterThan(1);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('covers every format of the contract', () => {
    expect([...EXPORT_FORMATS].sort()).toEqual(['csv', 'cypher', 'cytoscape', 'graphml', 'json']);
  });
});

describe('POST /api/export: json', () => {
  it('is the graph transport of the whole seed with metadata and every relationship’s evidence', async () => {
    const body = await exportJson({ query: WHOLE_GRAPH });
    const expected = await counts(db);
    expect(body.meta).toMatchObject({ database: 'neo4j', scope: { query: WHOLE_GRAPH }, counts: expected });
    expect(new Date(body.meta.exportedAt).toISOString()).toBe(body.meta.exportedAt);
    expect(body.nodes).toHaveLength(expected.nodes);
    expect(body.relationships).toHaveLength(expected.relationships);
    const browse = await (await fetch(`${server.url}/api/graph?limit=5000`)).json();
    expect(new Set(body.nodes.map((n) => JSON.stringify(n)))).toEqual(new Set((browse as Graph).nodes.map((n) => JSON.stringify(n))));
    for (const rel of body.relationships) {
      expect(rel.properties).toMatchObject({ quote: expect.any(String), sources: expect.any(Array), certainty: expect.any(String) });
    }
  });
});

describe('POST /api/export: scopes', () => {
  it('exports a selection: exactly those nodes and every relationship among them', async () => {
    const ids = ['kim-jong-un', 'vladimir-putin', 'russia-dprk-partnership-agreement'];
    const body = await exportJson({ nodeIds: ids });
    expect(body.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    const rows = await db.read('MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n', { ids });
    expect(body.relationships).toHaveLength(Number(rows[0]?.n));
    expect(body.relationships.length).toBeGreaterThan(0);
  });

  it('exports only the relationships listed, with the view filters in its metadata, when the explorer sends what it draws', async () => {
    const ids = ['kim-jong-un', 'vladimir-putin', 'russia-dprk-partnership-agreement'];
    const among = await db.read('MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id, elementId(r) AS elementId ORDER BY id', { ids });
    expect(among.length).toBeGreaterThan(1);
    const [kept, byElementId] = [String(among[0]?.id), String(among[1]?.elementId)];
    const filters = { hiddenLabels: [], hiddenTypes: [], hiddenCertainties: ['speculated'], hiddenSources: [], timeRange: null, hideUndated: false, keepOrphans: false };
    const body = await exportJson({ nodeIds: ids, relationshipIds: [kept, byElementId, kept], filters });
    expect(body.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(body.relationships.map((r) => r.id).sort()).toEqual([kept, String(among[1]?.id)].sort());
    expect(body.meta.counts).toEqual({ nodes: 3, relationships: 2 });
    expect(body.meta.scope).toMatchObject({ filters });

    const none = await exportJson({ nodeIds: ids, relationshipIds: [] });
    expect(none.relationships).toEqual([]);
  });

  it('answers 404 NOT_FOUND for a listed relationship that is not between the exported nodes', async () => {
    const outside = await db.read("MATCH (a {id: 'north-korea'})-[r]-() RETURN r.id AS id LIMIT 1");
    const response = await post({ format: 'json', scope: { nodeIds: ['kim-jong-un', 'vladimir-putin'], relationshipIds: [String(outside[0]?.id), 'no-such-relationship'] } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { missing: [String(outside[0]?.id), 'no-such-relationship'] } } });
  });

  it.each(['json', 'cytoscape', 'graphml', 'cypher'])('exports (%s) a query scope with an integer parameter beyond 2^53, written exactly in its metadata', async (format) => {
    // Raw JSON text: JSON.stringify of a JS number would already have lost the digits.
    const body = `{"format": "${format}", "scope": {"query": "MATCH (n {id: 'north-korea'}) WHERE $big > 637790870791443681 RETURN n", "params": {"big": 637790870791443682}}}`;
    const response = await fetch(`${server.url}/api/export`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/"big":\s*637790870791443682\b|&quot;big&quot;:637790870791443682/);
    expect(text).toContain('north-korea');
  });

  it('also selects nodes by elementId', async () => {
    const rows = await db.read("MATCH (n {id: 'north-korea'}) RETURN elementId(n) AS id");
    const body = await exportJson({ nodeIds: [String(rows[0]?.id)] });
    expect(body.nodes.map((n) => n.id)).toEqual(['north-korea']);
  });

  it('exports a neighbourhood to the depth asked, through the filters only', async () => {
    const one = await exportJson({ around: 'north-korea', depth: 1 });
    const two = await exportJson({ around: 'north-korea', depth: 2 });
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    const rows = await db.read("MATCH (n {id: 'north-korea'})-[*0..2]-(m) RETURN count(DISTINCT m) AS n");
    expect(two.nodes).toHaveLength(Number(rows[0]?.n));

    const floor = await exportJson({ around: 'north-korea', depth: 2, minCertainty: 'reported' });
    expect(floor.nodes.length).toBeLessThan(two.nodes.length);
    for (const rel of floor.relationships) expect(['confirmed', 'reported']).toContain(rel.properties.certainty);

    const typed = await exportJson({ around: 'north-korea', depth: 3, types: ['SIGNED', 'PARTY_TO'], labels: ['Person', 'Agreement', 'Country'] });
    for (const rel of typed.relationships) expect(['SIGNED', 'PARTY_TO']).toContain(rel.type);
    for (const node of typed.nodes.filter((n) => n.id !== 'north-korea')) {
      expect(node.labels.some((label) => ['Person', 'Agreement', 'Country'].includes(label))).toBe(true);
    }
    expect(typed.nodes.map((n) => n.id)).toContain('north-korea');
  });

  it('exports the graph a read-only query returns, with parameters and the ends of returned relationships', async () => {
    const body = await exportJson({ query: 'MATCH (p:Person {id: $id})-[r]->() RETURN r', params: { id: 'kim-jong-un' } });
    const rows = await db.read("MATCH (p:Person {id: 'kim-jong-un'})-[r]->(m) RETURN count(r) AS rels, count(DISTINCT m) AS ends");
    expect(body.relationships).toHaveLength(Number(rows[0]?.rels));
    expect(body.nodes).toHaveLength(Number(rows[0]?.ends) + 1);
    expect(body.meta.scope).toEqual({ query: expect.any(String), params: { id: 'kim-jong-un' } });
  });
});

describe('POST /api/export: what a query returns, in every shape', () => {
  /** The oracle: the query's rows read through the driver, every element in them named (any depth). */
  async function elementsOf(query: string): Promise<{ nodes: string[]; relationships: string[] }> {
    const nodes = new Set<string>();
    const relationships = new Set<string>();
    for (const row of await db.read(query)) {
      for (const value of Object.values(row)) {
        visitGraphElements(value, {
          node: (id) => nodes.add(id),
          relationship: (id, start, end) => {
            relationships.add(id);
            nodes.add(start).add(end);
          },
        });
      }
    }
    return { nodes: [...nodes].sort(), relationships: [...relationships].sort() };
  }

  const SHAPES: Array<[string, string]> = [
    ['columns named n, r and m', 'MATCH (n:Person)-[r]->(m) RETURN n, r, m'],
    ['columns named a, r and b', 'MATCH (a:Person)-[r]->(b) RETURN a, r, b'],
    ['paths', 'MATCH p = (:Person)-[*1..2]->() RETURN p'],
    ['lists and maps of elements', "MATCH (a:Person)-[r]->(b) RETURN collect(r) AS rels, {who: a, to: [b]} AS m"],
    ['lists nested in lists', 'MATCH (a:Person)-[r]->(b) RETURN [[a, [r]], b] AS nested'],
    ['a column named like the wrapper', 'MATCH (n:Country) RETURN n AS __kgx_1'],
    ['a UNION', 'MATCH (a:Person) RETURN a UNION MATCH (a:Country) RETURN a'],
    ['a standalone procedure call', 'CALL db.labels()'],
  ];

  it.each(SHAPES)('exports exactly the nodes and relationships of %s', async (_, query) => {
    const body = await exportJson({ query });
    const expected = await elementsOf(query);
    expect(body.nodes.map((n) => n.elementId).sort()).toEqual(expected.nodes);
    expect(body.relationships.map((r) => r.elementId).sort()).toEqual(expected.relationships);
    expect(body.meta.counts).toEqual({ nodes: expected.nodes.length, relationships: expected.relationships.length });
  });

  it.each(['idLabels', '__kgx_limit', '__kgx_keys'])('uses a parameter named %s as the user gave it', async (name) => {
    const query = `MATCH (a:Person)-[r]->(b) WHERE $\`${name}\` IS NOT NULL AND a.id IN $\`${name}\` RETURN a, r, b`;
    const params = { [name]: ['kim-jong-un', 'vladimir-putin'] };
    const expected = await elementsOf(query.replaceAll(`$\`${name}\``, "['kim-jong-un', 'vladimir-putin']"));
    expect(expected.relationships.length).toBeGreaterThan(0);
    for (const format of ['json', 'graphml'] as const) {
      const response = await post({ format, scope: { query, params } });
      expect(response.status, format).toBe(200);
      await response.arrayBuffer();
      expect(Number(response.headers.get('x-export-relationships')), format).toBe(expected.relationships.length);
      expect(Number(response.headers.get('x-export-nodes')), format).toBe(expected.nodes.length);
    }
  });

  it.each([
    ['one random relationship', 'MATCH ()-[r]->() RETURN r ORDER BY rand() LIMIT 1'],
    ['the neighbourhoods of random nodes', 'MATCH (n) WITH n ORDER BY rand() LIMIT 3 MATCH (n)-[r]-(m) RETURN n, r, m'],
    ['a random UUID beside each node', 'MATCH (n:Person) RETURN n, randomUUID() AS tag'],
  ])('exports a query that gives other rows on each run (%s) as one consistent file', async (_, query) => {
    const body = await exportJson({ query });
    const nodes = new Set(body.nodes.map((n) => n.id));
    expect(body.relationships.every((r) => nodes.has(r.source) && nodes.has(r.target))).toBe(true);
    expect(body.meta.counts).toEqual({ nodes: body.nodes.length, relationships: body.relationships.length });
    expect(body.nodes.length).toBeGreaterThan(0);
  });

  it('answers 422 CYPHER_FAILED with Neo4j\'s reason when the query fails as it runs, without the query text', async () => {
    const query = 'UNWIND [1, 0] AS x MATCH (n:Person) RETURN n, 1 / x AS y';
    for (const format of ['json', 'graphml'] as const) {
      const response = await post({ format, scope: { query } });
      expect(response.status, format).toBe(422);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('CYPHER_FAILED');
      expect(body.error.message).toMatch(/by zero/);
      expect(body.error.message).not.toContain('UNWIND');
    }
  });

  it.each(SHAPES.slice(0, 4))('lets Neo4j list the elements of %s, without reading the rows into the explorer first', async (_, query) => {
    const limits = resolveExportLimits();
    const scope = await prepareScope({ query }, { db, cypher: createCypherService(db), limits });
    const queries = await db.userRead((tx) => scope.resolve(tx), { timeoutMs: 10_000, fetchSize: 100 });
    expect(queries.gatherInExplorer).toBeTypeOf('function');
    expect(queries.params).not.toHaveProperty('nodeIds');
  });
});

describe('POST /api/export: cytoscape', () => {
  it('loads into headless Cytoscape as it is, evidence and all', async () => {
    const expected = await exportJson({ query: WHOLE_GRAPH });
    const response = await post({ format: 'cytoscape', scope: { query: WHOLE_GRAPH } });
    const file = (await response.json()) as { elements: unknown; data: ExportMeta };
    const cy = cytoscape({ headless: true });
    cy.json(file as never);
    expect(cy.nodes()).toHaveLength(expected.nodes.length);
    expect(cy.edges()).toHaveLength(expected.relationships.length);
    expect(file.data.counts).toEqual(expected.meta.counts);
    for (const rel of expected.relationships) {
      const edge = cy.getElementById(rel.id);
      expect(edge.isEdge()).toBe(true);
      expect(edge.source().id()).toBe(rel.source);
      expect(edge.target().id()).toBe(rel.target);
      expect(edge.data('type')).toBe(rel.type);
      expect(edge.data('properties')).toEqual(rel.properties);
    }
    const loaded = cytoscape({ headless: true, elements: file.elements as never });
    expect(loaded.elements()).toHaveLength(expected.nodes.length + expected.relationships.length);
  });
});

/** The graphs each format is read back from by its consumer: the seed, and one of awkward values. */
const GRAPHS_READ_BACK: Array<[string, () => Promise<void>]> = [
  ['the seed', async () => {
    await wipeEverything(db);
    await resetToSeed(db);
  }],
  ['a graph of awkward values', async () => {
    await wipeEverything(db);
    await createAwkwardGraph(db);
  }],
];

describe('POST /api/export: graphml', () => {
  async function readBack(scope: unknown) {
    const expected = await exportJson(scope);
    const response = await post({ format: 'graphml', scope });
    const path = join(workDir, `export-${Date.now()}.graphml`);
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    const schemaProblems = await graphmlSchemaProblems(path);
    const { stdout } = await run(inject('python'), [READ_GRAPHML, path], { maxBuffer: 64 * 1024 * 1024 });
    type Tagged = { t: string; v: string | boolean };
    const graph = JSON.parse(stdout) as {
      problems: string[];
      keys: Array<{ for: string; attrName: string; desc: string | null }>;
      nodes: Record<string, Record<string, Tagged>>;
      edges: Array<{ source: string; target: string; data: Record<string, Tagged> }>;
      igraph: { directed: boolean; vertices: number; edges: number; labels: string[]; edgeLabels: string[] };
    };
    // A property key GraphML can't take as attr.name (a space, a backtick) is named in its key's <desc>.
    const attrNames = (kind: string) => new Map(graph.keys.filter((key) => key.for === kind).map((key) => [key.desc ?? key.attrName, key.attrName]));
    return { expected, graph, schemaProblems, nodeAttr: attrNames('node'), edgeAttr: attrNames('edge') };
  }

  function matches(tagged: { t: string; v: string | boolean } | undefined, json: JsonValue): boolean {
    if (tagged === undefined) return json === '';
    if (tagged.t === 'bool') return tagged.v === json;
    if (tagged.t === 'int') return String(tagged.v) === String(json);
    if (tagged.t === 'float') return typeof json === 'number' ? Number(tagged.v) === json : sameAsText(String(tagged.v) === 'inf' ? 'Infinity' : String(tagged.v) === '-inf' ? '-Infinity' : String(tagged.v), json);
    return typeof json === 'string' ? tagged.v === xmlSafe(json) : sameAsText(String(tagged.v), json);
  }

  it('is checked against GraphML\'s XML Schema, which refuses what the schema forbids', async () => {
    const path = join(workDir, 'forbidden.graphml');
    writeFileSync(
      path,
      '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' +
        '<key id="d0" for="vertex" attr.name="name" attr.type="string"/>\n<graph edgedefault="directed"><node id="a"/><edge source="a"/></graph>\n</graphml>\n',
    );
    const problems = (await graphmlSchemaProblems(path)).join('\n');
    expect(problems).toMatch(/forbidden\.graphml:3:\d+ .*attribute 'for'.*'vertex'/u);
    expect(problems).toMatch(/forbidden\.graphml:4:\d+ .*edge.*'target' is required/u);
  });

  it.each(GRAPHS_READ_BACK)('is valid GraphML that networkx and igraph read back with equal counts and values: %s', async (_name, arrange) => {
    await arrange();
    const { expected, graph, schemaProblems, nodeAttr, edgeAttr } = await readBack({ query: WHOLE_GRAPH });
    expect(schemaProblems).toEqual([]);
    expect(graph.problems).toEqual([]);
    expect(Object.keys(graph.nodes)).toHaveLength(expected.nodes.length);
    expect(graph.edges).toHaveLength(expected.relationships.length);
    const graphmlIds = new Map(expected.nodes.map((n) => [/^[\w.:-]+$/u.test(n.id) ? n.id : n.elementId, n]));
    for (const [id, data] of Object.entries(graph.nodes)) {
      const node = graphmlIds.get(id);
      expect(node, id).toBeDefined();
      expect(data.labels?.v).toBe(node?.labels.map((l) => `:${l}`).join(''));
      for (const [key, value] of Object.entries(node?.properties ?? {})) expect(matches(data[nodeAttr.get(key) ?? key], value), `${id}.${key}`).toBe(true);
    }
    expect(graph.igraph).toMatchObject({ directed: true, vertices: expected.nodes.length, edges: expected.relationships.length });
    expect([...graph.igraph.labels].sort()).toEqual(expected.nodes.map((node) => node.labels.map((l) => `:${xmlSafe(l)}`).join('')).sort());
    expect([...graph.igraph.edgeLabels].sort()).toEqual(expected.relationships.map((rel) => xmlSafe(rel.type)).sort());
    for (const rel of expected.relationships) {
      const edge = graph.edges.find(
        (e) => e.data.label?.v === rel.type && Object.entries(rel.properties).every(([key, value]) => key === 'id' || matches(e.data[edgeAttr.get(key) ?? key], value)),
      );
      expect(edge, `${rel.source} -${rel.type}-> ${rel.target}`).toBeDefined();
    }
  });
});

describe('POST /api/export: csv', () => {
  it.each(GRAPHS_READ_BACK)('is a zip of nodes.csv and relationships.csv that a CSV parser reads back value for value: %s', async (_name, arrange) => {
    await arrange();
    const expected = await exportJson({ query: WHOLE_GRAPH });
    const response = await post({ format: 'csv', scope: { query: WHOLE_GRAPH } });
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    expect([...files.keys()]).toEqual(['nodes.csv', 'relationships.csv']);
    const options = { columns: true, cast: (value: string, context: { quoting: boolean }) => (value === '' && !context.quoting ? null : value) };
    const nodes = parseCsv(files.get('nodes.csv') ?? '', options) as unknown as Array<Record<string, string | null>>;
    const rels = parseCsv(files.get('relationships.csv') ?? '', options) as unknown as Array<Record<string, string | null>>;
    expect(nodes).toHaveLength(expected.nodes.length);
    expect(rels).toHaveLength(expected.relationships.length);

    const column = (key: string, fixed: string[]) => (fixed.some((name) => name.toLowerCase() === key.toLowerCase()) ? `property:${key}` : key);
    for (const node of expected.nodes) {
      const row = nodes.find((candidate) => candidate.Id === node.id);
      expect(row, node.id).toBeDefined();
      expect(row?.Labels ?? '').toBe(node.labels.join(';'));
      for (const [key, value] of Object.entries(node.properties)) {
        const cell = row?.[column(key, ['Id', 'Labels'])];
        expect(cell !== null && cell !== undefined && sameAsText(cell, value), `${node.id}.${key}: ${cell}`).toBe(true);
      }
    }
    for (const rel of expected.relationships) {
      const row = rels.find((r) => r.Id === rel.id);
      expect(row, rel.id).toMatchObject({ Source: rel.source, Target: rel.target, RelationshipType: rel.type });
      for (const [key, value] of Object.entries(rel.properties)) {
        const cell = row?.[column(key, ['Id', 'Source', 'Target', 'RelationshipType'])];
        expect(cell !== null && cell !== undefined && sameAsText(cell, value), `${rel.id}.${key}: ${cell}`).toBe(true);
      }
    }
  });
});

describe('POST /api/export: errors', () => {
  beforeAll(async () => {
    await wipeEverything(db);
    await resetToSeed(db);
  });

  it.each([
    ['an unknown format', { format: 'pdf', scope: { nodeIds: ['north-korea'] } }],
    ['no scope', { format: 'json' }],
    ['an empty selection', { format: 'json', scope: { nodeIds: [] } }],
    ['two scopes at once', { format: 'json', scope: { nodeIds: ['north-korea'], around: 'north-korea' } }],
    ['a depth beyond 3', { format: 'json', scope: { around: 'north-korea', depth: 4 } }],
    ['an unknown certainty', { format: 'json', scope: { around: 'north-korea', minCertainty: 'rumoured' } }],
    ['a label the database does not have', { format: 'json', scope: { around: 'north-korea', labels: ['Dragon'] } }],
    ['a type the database does not have', { format: 'json', scope: { around: 'north-korea', types: ['OWNS`]->() DETACH DELETE n //'] } }],
    ['an empty query', { format: 'json', scope: { query: '  ' } }],
    ['an EXPLAIN', { format: 'json', scope: { query: 'EXPLAIN MATCH (n) RETURN n' } }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a write query with 403 CYPHER_WRITE_FORBIDDEN and leaves the graph unchanged', async () => {
    const before = await counts(db);
    const response = await post({ format: 'json', scope: { query: 'MATCH (n) DETACH DELETE n RETURN count(*) AS n' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('CYPHER_WRITE_FORBIDDEN');
    expect(await counts(db)).toEqual(before);
  });

  it('takes an export of a full view: 20,000 node ids and 40,000 relationship ids (~2 MB) are read, not refused as too large', async () => {
    const nodeIds = Array.from({ length: 20_000 }, (_, i) => `4:00000000-0000-0000-0000-000000000000:${i}`);
    const relationshipIds = Array.from({ length: 40_000 }, (_, i) => `5:00000000-0000-0000-0000-000000000000:${i}`);
    const response = await post({ format: 'json', scope: { nodeIds, relationshipIds } });
    expect(response.status).toBe(404); // read and looked up: none of these nodes exists
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('answers 404 NOT_FOUND naming the ids that match no node', async () => {
    const selection = await post({ format: 'json', scope: { nodeIds: ['north-korea', 'atlantis', 'el-dorado'] } });
    expect(selection.status).toBe(404);
    expect(await selection.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { missing: ['atlantis', 'el-dorado'] } } });
    expect((await post({ format: 'json', scope: { around: 'atlantis' } })).status).toBe(404);
  });

  it('stops a query scope that runs away at the export timeout with 408 QUERY_TIMEOUT', async () => {
    const quick = await startApp(db, { timeoutMs: 1_000 });
    try {
      const response = await post({ format: 'json', scope: { query: 'UNWIND range(1, 4000000000) AS x WITH x WHERE x = -1 MATCH (n) RETURN n' } }, quick.url);
      expect(response.status).toBe(408);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('QUERY_TIMEOUT');
    } finally {
      await quick.stop();
    }
  });

  it('answers 413 EXPORT_TOO_LARGE over a cap, with the counts, before writing any file', async () => {
    const capped = await startApp(db, { maxNodes: 5, maxRelationships: 1000 });
    try {
      const around = await post({ format: 'graphml', scope: { around: 'north-korea', depth: 2 } }, capped.url);
      expect(around.status).toBe(413);
      expect(around.headers.get('content-type')).toContain('application/json');
      const body = (await around.json()) as { error: { code: string; details: Record<string, number> } };
      expect(body.error.code).toBe('EXPORT_TOO_LARGE');
      expect(body.error.details.maxNodes).toBe(5);
      expect(body.error.details.nodes).toBeGreaterThan(5);

      const query = await post({ format: 'json', scope: { query: 'MATCH (n) RETURN n' } }, capped.url);
      expect(query.status).toBe(413);
      expect(((await query.json()) as { error: { code: string } }).error.code).toBe('EXPORT_TOO_LARGE');

      const small = await post({ format: 'json', scope: { nodeIds: ['north-korea'] } }, capped.url);
      expect(small.status).toBe(200);
    } finally {
      await capped.stop();
    }
  });
});

describe('POST /api/export: a broken database connection', () => {
  beforeAll(async () => {
    await wipeEverything(db);
    // Enough data that the download is still streaming when the connection is cut: ~20 MB of JSON.
    await db.writeTransaction((run) =>
      run(`UNWIND range(1, 4000) AS i
           CREATE (:Bulk {id: 'bulk-' + i, text: reduce(s = '', k IN range(1, 40) | s + 'word' + k + ' ')})`),
    );
    await db.writeTransaction((run) =>
      run(`MATCH (a:Bulk) WITH a, toInteger(substring(a.id, 5)) AS i
           UNWIND range(1, 5) AS k
           MATCH (b:Bulk {id: 'bulk-' + ((i * 7 + k * 13) % 4000 + 1)})
           CREATE (a)-[:LINKS {quote: reduce(s = '', j IN range(1, 60) | s + 'evidence' + j + ' '), sources: ['a', 'b'], certainty: 'reported'}]->(b)`),
    );
  });

  afterAll(async () => {
    await wipeEverything(db);
    await resetToSeed(db);
  });

  it.each(['json', 'csv'])('makes the %s download fail, not end, and the server stays up', async (format) => {
    const target = testTarget();
    const proxy = await startTcpProxy(Number(new URL(target.uri).port));
    const proxiedDb = createDatabase({ ...target, uri: `bolt://127.0.0.1:${proxy.port}` });
    const proxied = await startApp(proxiedDb);
    try {
      const response = await post({ format, scope: { query: 'MATCH (a:Bulk)-[r]->(b) RETURN a, r, b' } }, proxied.url);
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);

      await proxy.cut();
      const readToEnd = async () => {
        let bytes = first.value?.byteLength ?? 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return bytes;
          bytes += value.byteLength;
        }
      };
      await expect(readToEnd()).rejects.toThrow();

      await proxy.restore();
      await expect.poll(async () => (await fetch(`${proxied.url}/api/health`)).status, { timeout: 5_000, interval: 250 }).toBe(200);
    } finally {
      await proxied.stop();
      await proxiedDb.close();
      await proxy.close();
    }
  });
});
