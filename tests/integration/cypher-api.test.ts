/**
 * POST /api/cypher against the real Neo4j: the answer's shape, every value type, the graph (complete even
 * for relationships returned without their nodes), EXPLAIN and PROFILE plans, the row and graph caps,
 * syntax positions, missing parameters, the timeout and the request limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherPlan, CypherResponse, ErrorBody, JsonValue } from '../../server/src/contract.ts';
import type { RunningServer } from '../../server/src/app.ts';
import type { CypherLimits } from '../../server/src/cypher/cypher-limits.ts';
import { createCypherService } from '../../server/src/cypher/cypher-service.ts';
import type { Database } from '../../server/src/db/database.ts';
import { AppError } from '../../server/src/errors.ts';
import { getJson, startApiFixture, startTestServer, type ApiFixture } from '../support/http.ts';

let api: ApiFixture;
let db: Database;
let server: RunningServer;
/** One app with small limits, for the timeout and the caps. */
let strict: RunningServer;
const STRICT_LIMITS: Partial<CypherLimits> = { timeoutMs: 1_000, maxRows: 50, maxGraphNodes: 3 };

beforeAll(async () => {
  api = await startApiFixture();
  ({ db, server } = api);
  strict = await startTestServer(db, { cypherLimits: STRICT_LIMITS });
});

afterAll(async () => {
  await strict?.stop();
  await api?.stop();
});

function postCypher<T = CypherResponse>(body: unknown, url = server.url) {
  return getJson<T>(url, '/api/cypher', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const idsOf = (items: Array<{ id: string }>) => items.map((item) => item.id).sort();

function* operators(plan: CypherPlan): Generator<CypherPlan> {
  yield plan;
  for (const child of plan.children) yield* operators(child);
}

describe('POST /api/cypher answers', () => {
  it('with columns, rows keyed by column, a graph, a summary and truncated', async () => {
    const res = await postCypher({ query: 'MATCH (n:Person) RETURN n.id AS id, n.name AS name ORDER BY id' });
    const expected = await db.read('MATCH (n:Person) RETURN n.id AS id, n.name AS name ORDER BY id');
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(['id', 'name']);
    expect(res.body.rows).toEqual(expected);
    expect(res.body.graph).toEqual({ nodes: [], relationships: [] });
    expect(res.body.summary).toEqual({
      queryType: 'r',
      resultAvailableAfterMs: expect.any(Number),
      resultConsumedAfterMs: expect.any(Number),
      notifications: [],
    });
    expect(res.body.truncated).toBe(false);
  });

  it.each([
    ['a query', 'MATCH (n:NoSuchLabel) RETURN n', { line: 1, column: 10, offset: 9 }],
    ['an EXPLAIN', 'EXPLAIN MATCH (n:NoSuchLabel) RETURN n', { line: 1, column: 18, offset: 17 }],
    ['a PROFILE on two lines', 'PROFILE\nMATCH (n:NoSuchLabel) RETURN n', { line: 2, column: 10, offset: 17 }],
  ])('with Neo4j’s notifications, positioned in the text of %s', async (_name, query, position) => {
    const res = await postCypher({ query });
    expect(res.body.summary.notifications).toContainEqual(
      expect.objectContaining({ code: 'Neo.ClientNotification.Statement.UnknownLabelWarning', severity: 'WARNING', position }),
    );
  });
});

describe('POST /api/cypher converts every Neo4j value to lossless JSON', () => {
  it.each<[string, string, JsonValue]>([
    ['an Integer', '115000000', 115_000_000],
    ['an Integer beyond 2^53, exact as a string', '9007199254740993', '9007199254740993'],
    ['the smallest Integer', '-9223372036854775807 - 1', '-9223372036854775808'],
    ['a Float', '0.1 + 0.2', 0.30000000000000004],
    ['an infinite Float', '1.0 / 0', { $type: 'Float', value: 'Infinity' }],
    ['NaN', '0.0 / 0', { $type: 'Float', value: 'NaN' }],
    ['a String', "'Kim Jong-un'", 'Kim Jong-un'],
    ['a Boolean', 'true', true],
    ['null', 'null', null],
    ['a List', "[1, 'a', [true, null]]", [1, 'a', [true, null]]],
    ['a Map', "{amount: 115000000, currency: 'USD', nested: {big: 9007199254740993}}", { amount: 115_000_000, currency: 'USD', nested: { big: '9007199254740993' } }],
    ['a Date', "date('2024-06-19')", { $type: 'Date', value: '2024-06-19' }],
    ['a Time', "time('12:30:05+01:00')", { $type: 'Time', value: '12:30:05+01:00' }],
    ['a LocalTime', "localtime('12:30:05.123')", { $type: 'LocalTime', value: '12:30:05.123000000' }],
    ['a DateTime with an offset', "datetime('2024-06-19T10:00:00+09:00')", { $type: 'DateTime', value: '2024-06-19T10:00:00+09:00' }],
    ['a DateTime with a zone', "datetime('2024-06-19T10:00:00[Europe/Moscow]')", { $type: 'DateTime', value: '2024-06-19T10:00:00+03:00[Europe/Moscow]' }],
    ['a LocalDateTime', "localdatetime('2024-06-19T10:00:00')", { $type: 'LocalDateTime', value: '2024-06-19T10:00:00' }],
    ['a Duration', "duration('P1Y2M3DT4H5M6S')", { $type: 'Duration', value: 'P1Y2M3DT4H5M6S' }],
    ['a geographic Point', 'point({longitude: 37.6, latitude: 55.7})', { $type: 'Point', srid: 4326, x: 37.6, y: 55.7 }],
    ['a 3D cartesian Point', 'point({x: 1, y: 2, z: 3})', { $type: 'Point', srid: 9157, x: 1, y: 2, z: 3 }],
  ])('returns %s', async (_name, expression, expected) => {
    const res = await postCypher({ query: `RETURN ${expression} AS v` });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ v: expected }]);
  });

  it('returns a Node in the graph transport', async () => {
    const res = await postCypher({ query: "MATCH (n {id: 'kim-jong-un'}) RETURN n" });
    const node = { id: 'kim-jong-un', elementId: expect.any(String), labels: expect.arrayContaining(['Person']), properties: expect.objectContaining({ name: 'Kim Jong-un' }) };
    expect(res.body.rows).toEqual([{ n: node }]);
    expect(res.body.graph.nodes).toEqual([node]);
  });

  it('returns a Relationship and a Path tagged, with their element ids', async () => {
    const res = await postCypher({ query: "MATCH p = (a {id: 'vladimir-putin'})-[r:SIGNED]->(b) RETURN r, p LIMIT 1" });
    const row = res.body.rows[0] as { r: Record<string, JsonValue>; p: Record<string, JsonValue> };
    expect(row.r).toMatchObject({ $type: 'Relationship', type: 'SIGNED', elementId: expect.any(String), startElementId: expect.any(String), endElementId: expect.any(String) });
    expect(row.r.properties).toMatchObject({ certainty: expect.any(String), quote: expect.any(String) });
    expect(row.p).toMatchObject({ $type: 'Path', start: { id: 'vladimir-putin' }, segments: [{ relationship: { type: 'SIGNED' } }] });
  });

  it('passes JSON parameters as Cypher values: integers as INTEGER, other numbers as FLOAT', async () => {
    const res = await postCypher({
      query: 'RETURN valueType($n) AS n, valueType($f) AS f, valueType($s) AS s, valueType($list) AS list, $map.k AS k',
      params: { n: 3, f: 1.5, s: 'x', list: [1, 2], map: { k: 9 } },
    });
    expect(res.body.rows).toEqual([{ n: 'INTEGER NOT NULL', f: 'FLOAT NOT NULL', s: 'STRING NOT NULL', list: 'LIST<INTEGER NOT NULL> NOT NULL', k: 9 }]);
    const limited = await postCypher({ query: 'MATCH (n) RETURN n.id AS id LIMIT $limit', params: { limit: 2 } });
    expect(limited.body.rows).toHaveLength(2);
  });

  it.each(['P1Y2M3DT4H5M6.789S', 'P14M3DT14706.789S', 'PT0S', 'PT-0.5S', 'P-1Y-2M', 'PT36H', 'P1DT-1H', 'PT0.000000001S', 'PT-1M-30S', 'P400D'])(
    'writes the duration %s as Neo4j prints it',
    async (text) => {
      const res = await postCypher({ query: 'WITH duration($text) AS d RETURN d, toString(d) AS neo4j', params: { text } });
      const [row] = res.body.rows as Array<{ d: { $type: string; value: string }; neo4j: string }>;
      expect(row?.d).toEqual({ $type: 'Duration', value: row?.neo4j });
    },
  );

  it.each([
    "date('2024-06-19')",
    "localtime('10:15:30.123456789')",
    "time('10:15:30+02:00')",
    "localdatetime('2024-06-19T10:15:30')",
    "datetime('2024-06-19T10:15:30.5-04:30')",
    "datetime('2024-10-27T02:30:00+01:00[Europe/Berlin]')",
    "duration('P1Y2M3DT4H5M6.789S')",
    "duration('PT-0.5S')",
    "point({x: 30.5, y: 50.45, crs: 'WGS-84'})",
    "point({x: 1, y: 2, z: 3})",
    '0.0 / 0.0',
    '-1.0 / 0.0',
    '[date(\'2024-01-01\'), duration(\'P1D\')]',
  ])('takes back as a parameter the value it answered for %s, tagged as it was', async (expression) => {
    const answer = await postCypher({ query: `RETURN ${expression} AS v` });
    const [row] = answer.body.rows as Array<{ v: JsonValue }>;
    const back = await postCypher({ query: `RETURN valueType($v) AS type, valueType(${expression}) AS expected, $v = ${expression} OR ($v <> $v AND ${expression} <> ${expression}) AS same`, params: { v: row?.v } });
    expect(back.status).toBe(200);
    const [result] = back.body.rows as Array<{ type: string; expected: string; same: boolean }>;
    expect(result?.type).toBe(result?.expected);
    expect(result?.same).toBe(true);
  });

  it('reads a map of its own with a $type key when wrapped as a Map, and refuses an unknown $type with 400', async () => {
    const wrapped = await postCypher({ query: "RETURN $m['$type'] AS t, $m.n AS n", params: { m: { $type: 'Map', value: { $type: 'mine', n: 1 } } } });
    expect(wrapped.body.rows).toEqual([{ t: 'mine', n: 1 }]);
    const unknown = await postCypher({ query: 'RETURN $m', params: { m: { $type: 'mine', n: 1 } } });
    expect(unknown.status).toBe(400);
    expect((unknown.body as unknown as ErrorBody).error.message).toContain('{"$type": "Map", "value": {…}}');
    const malformed = await postCypher({ query: 'RETURN $d', params: { d: { $type: 'Date', value: 'June 19' } } });
    expect(malformed.status).toBe(400);
  });

  it('passes an integer beyond 2^53 exactly, as an INTEGER, and refuses one beyond 64 bits with 400', async () => {
    // Written as raw JSON text: JSON.stringify of a JS number would already have lost the digits.
    const raw = (body: string) =>
      getJson<CypherResponse>(server.url, '/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const res = await raw('{"query": "RETURN $big AS big, $big + 1 AS next, valueType($big) AS type, $list[0] AS first", "params": {"big": 637790870791443682, "list": [-9223372036854775808]}}');
    expect(res.status).toBe(200);
    // Beyond 2^53 integers travel as their decimal text (the transport's rule for exact integers).
    expect(res.body.rows).toEqual([{ big: '637790870791443682', next: '637790870791443683', type: 'INTEGER NOT NULL', first: '-9223372036854775808' }]);
    const over = await raw('{"query": "RETURN $big", "params": {"big": 9223372036854775808}}');
    expect(over.status).toBe(400);
    expect((over.body as unknown as ErrorBody).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /api/cypher gathers a complete graph', () => {
  it('fetches the end nodes of relationships returned without them', async () => {
    const res = await postCypher({ query: 'MATCH ()-[r:SIGNED]->() RETURN r' });
    const expected = await db.read('MATCH (a)-[r:SIGNED]->(b) RETURN count(r) AS rels, collect(DISTINCT a.id) + collect(DISTINCT b.id) AS ids');
    expect(res.body.graph.relationships).toHaveLength(Number(expected[0]?.rels));
    expect(idsOf(res.body.graph.nodes)).toEqual([...new Set(expected[0]?.ids as string[])].sort());
    const ids = new Set(res.body.graph.nodes.map((n) => n.id));
    for (const rel of res.body.graph.relationships) expect(ids.has(rel.source) && ids.has(rel.target)).toBe(true);
  });

  it('gathers every node and relationship of returned paths', async () => {
    const res = await postCypher({ query: "MATCH p = ({id: 'kim-jong-un'})-[*2]-() RETURN p LIMIT 5" });
    const paths = res.body.rows.map((row) => row.p as { segments: Array<{ start: { id: string }; end: { id: string } }> });
    const pathIds = new Set(paths.flatMap((p) => p.segments.flatMap((s) => [s.start.id, s.end.id])));
    expect(res.body.rows).toHaveLength(5);
    expect(idsOf(res.body.graph.nodes)).toEqual([...pathIds].sort());
    expect(res.body.graph.relationships.length).toBeGreaterThanOrEqual(2);
  });

  it('finds relationships inside lists and maps, and completes them too', async () => {
    const res = await postCypher({ query: "MATCH ({id: 'north-korea'})-[r]-() RETURN {first: collect(r)[0..2]} AS m" });
    expect(res.body.graph.relationships).toHaveLength(2);
    expect(res.body.graph.nodes.map((n) => n.id)).toContain('north-korea');
  });

  it('cuts the graph at the graph cap and says so, keeping it consistent', async () => {
    const res = await postCypher({ query: 'MATCH ()-[r]->() RETURN r LIMIT 20' }, strict.url);
    expect(res.body.rows).toHaveLength(20);
    expect(res.body.graph.nodes).toHaveLength(STRICT_LIMITS.maxGraphNodes as number);
    expect(res.body.truncated).toBe(true);
    const ids = new Set(res.body.graph.nodes.map((n) => n.id));
    for (const rel of res.body.graph.relationships) expect(ids.has(rel.source) && ids.has(rel.target)).toBe(true);
  });

  it('spends the relationship cap only on relationships it can draw: those between the nodes it kept', async () => {
    const capped = await startTestServer(db, { cypherLimits: { maxGraphNodes: 10, maxGraphRelationships: 6 } });
    try {
      // Every relationship, each row with its ends: most reach nodes past the node cap and cannot be drawn.
      const res = await postCypher({ query: 'MATCH (a)-[r]->(b) RETURN a, r, b ORDER BY elementId(r)' }, capped.url);
      const kept = res.body.graph.nodes.map((n) => n.id);
      expect(kept).toHaveLength(10);
      const among = await db.read(
        'MATCH (a)-[r]->(b) WHERE coalesce(a.id, elementId(a)) IN $kept AND coalesce(b.id, elementId(b)) IN $kept RETURN count(r) AS n',
        { kept },
      );
      expect(res.body.graph.relationships).toHaveLength(Math.min(6, Number(among[0]?.n)));
      expect(res.body.graph.relationships.length).toBeGreaterThan(0);
      expect(res.body.truncated).toBe(true);
    } finally {
      await capped.stop();
    }
  });
});

describe('POST /api/cypher caps rows by streaming', () => {
  it('stops at the request’s limit with truncated: true and exactly that many rows', async () => {
    const res = await postCypher({ query: 'UNWIND range(1, 100) AS x RETURN x', limit: 7 });
    expect(res.body.rows).toEqual([1, 2, 3, 4, 5, 6, 7].map((x) => ({ x })));
    expect(res.body.truncated).toBe(true);
  });

  it('is not truncated when the result has exactly the limit', async () => {
    const res = await postCypher({ query: 'UNWIND range(1, 7) AS x RETURN x', limit: 7 });
    expect(res.body.rows).toHaveLength(7);
    expect(res.body.truncated).toBe(false);
  });

  it('cancels a hundred-million-row result at the default cap of 1000, long before the timeout', async () => {
    const started = Date.now();
    const res = await postCypher({ query: 'UNWIND range(1, 100000000) AS x RETURN x' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(1000);
    expect(res.body.rows.at(-1)).toEqual({ x: 1000 });
    expect(res.body.truncated).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('uses the configured cap, and refuses a limit above it with 400 VALIDATION_FAILED', async () => {
    const capped = await postCypher({ query: 'UNWIND range(1, 100) AS x RETURN x' }, strict.url);
    expect(capped.body.rows).toHaveLength(STRICT_LIMITS.maxRows as number);
    expect(capped.body.truncated).toBe(true);
    const above = await postCypher<ErrorBody>({ query: 'RETURN 1', limit: 51 }, strict.url);
    expect(above.status).toBe(400);
    expect(above.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /api/cypher caps what one row carries', () => {
  it('sends a 200,000-item list as its first 1,000 items, its size, and says so in truncation', async () => {
    const res = await postCypher({ query: 'RETURN range(1, 200000) AS xs, 1 AS one' });
    expect(res.status).toBe(200);
    const xs = res.body.rows[0]?.xs as { $type: string; of: string; size: number; items: number[] };
    expect(xs).toMatchObject({ $type: 'Shortened', of: 'List', size: 200_000 });
    expect(xs.items).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(res.body.rows[0]?.one).toBe(1);
    expect(res.body.truncated).toBe(true);
    expect(res.body.truncation).toEqual({ values: { count: 1, maxItems: 1000, maxStringChars: 100_000 } });
  });

  it('sends a string longer than 100,000 characters as its start and its length', async () => {
    const res = await postCypher({ query: "RETURN reduce(s = 'x', i IN range(1, 17) | s + s) AS s" });
    expect(res.body.rows[0]?.s).toEqual({ $type: 'Shortened', of: 'String', size: 2 ** 17, value: 'x'.repeat(100_000) });
  });

  it('keeps every node of a shortened collect() in the graph, up to the graph cap', async () => {
    const small = await startTestServer(db, { cypherLimits: { maxValueItems: 5 } });
    try {
      const res = await postCypher({ query: 'MATCH (n) RETURN collect(n) AS ns, count(n) AS total' }, small.url);
      const { ns, total } = res.body.rows[0] as { ns: { items: unknown[]; size: number }; total: number };
      expect(ns.items).toHaveLength(5);
      expect(ns.size).toBe(total);
      expect(res.body.graph.nodes).toHaveLength(total);
    } finally {
      await small.stop();
    }
  });

  it('stops the rows when they reach the answer byte cap, keeping the first row whatever its size, and says so', async () => {
    const small = await startTestServer(db, { cypherLimits: { maxAnswerBytes: 10_000 } });
    try {
      const res = await postCypher({ query: 'UNWIND range(1, 100) AS i RETURN i, range(1, 100) AS xs' }, small.url);
      expect(res.status).toBe(200);
      expect(res.body.rows.length).toBeGreaterThan(0);
      expect(res.body.rows.length).toBeLessThan(100);
      expect(Buffer.byteLength(JSON.stringify(res.body.rows))).toBeLessThanOrEqual(10_000);
      expect(res.body.rows.map((row) => row.i)).toEqual(Array.from({ length: res.body.rows.length }, (_, i) => i + 1));
      expect(res.body.truncation).toEqual({ answerBytes: 10_000 });
      const huge = await postCypher({ query: "RETURN [x IN range(1, 999) | 'abcdefghijabcdefghij'] AS xs" }, small.url);
      expect(Buffer.byteLength(JSON.stringify(huge.body.rows))).toBeGreaterThan(10_000);
      expect((huge.body.rows[0]?.xs as string[]).length).toBe(999);
      expect(huge.body.truncated).toBe(false);
    } finally {
      await small.stop();
    }
  });

  it('says which cap cut the rows: the row limit', async () => {
    const res = await postCypher({ query: 'UNWIND range(1, 100) AS x RETURN x', limit: 7 });
    expect(res.body.truncation).toEqual({ rowLimit: 7 });
  });
});

describe('POST /api/cypher with EXPLAIN and PROFILE', () => {
  it('answers EXPLAIN with the plan as a tree and runs nothing', async () => {
    const res = await postCypher({ query: 'EXPLAIN MATCH (n:Person) RETURN n.name AS name' });
    const plan = res.body.summary.plan as CypherPlan;
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(['name']);
    expect(res.body.rows).toEqual([]);
    expect(plan).toMatchObject({ operator: 'ProduceResults', estimatedRows: expect.any(Number), children: [expect.any(Object)] });
    expect([...operators(plan)].map((op) => op.operator)).toContain('NodeByLabelScan');
    for (const op of operators(plan)) {
      expect(op.rows).toBeUndefined();
      expect(op.dbHits).toBeUndefined();
    }
  });

  it('answers PROFILE with the rows and a plan carrying rows and db hits per operator', async () => {
    const res = await postCypher({ query: 'PROFILE MATCH (n:Person) RETURN n.name AS name' });
    const count = await db.read('MATCH (n:Person) RETURN count(n) AS c');
    const plan = res.body.summary.plan as CypherPlan;
    expect(res.body.rows).toHaveLength(Number(count[0]?.c));
    expect(plan).toMatchObject({ operator: 'ProduceResults', rows: Number(count[0]?.c), dbHits: expect.any(Number) });
    expect([...operators(plan)].some((op) => (op.dbHits ?? 0) > 0)).toBe(true);
    expect(plan.arguments?.Details).toBeDefined();
  });

  it('profiles the whole query when the rows are cut at the limit (Neo4j can only profile a finished query)', async () => {
    const res = await postCypher({ query: 'PROFILE UNWIND range(1, 100) AS x RETURN x', limit: 5 });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(5);
    expect(res.body.truncated).toBe(true);
    expect(res.body.summary.plan).toMatchObject({ operator: 'ProduceResults', rows: 100 });
  });

  it('needs no parameter values for EXPLAIN', async () => {
    const res = await postCypher({ query: 'EXPLAIN MATCH (n) WHERE n.id = $id RETURN n' });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/cypher explains what is wrong with a query', () => {
  it.each([
    ['a typo on the second line', 'MATCH (n)\nRETURN n LIMT 5', { line: 2, column: 10, offset: 19 }],
    ['a typo after a typed EXPLAIN', 'EXPLAIN MATCH (n) RETRN n', { line: 1, column: 19, offset: 18 }],
    ['a typo after a typed PROFILE', 'PROFILE MATCH (n) RETRN n', { line: 1, column: 19, offset: 18 }],
    ['an undefined variable', 'MATCH (n)\n  RETURN m', { line: 2, column: 10, offset: 19 }],
  ])('answers %s with 400 CYPHER_SYNTAX and its position', async (_name, query, position) => {
    const res = await postCypher<ErrorBody>({ query });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CYPHER_SYNTAX');
    expect(res.body.error.details).toMatchObject(position);
    expect(res.body.error.message).not.toContain(query);
    expect(res.body.error.message).not.toContain('\n');
  });

  it('names a missing parameter with 400 CYPHER_PARAMETER_MISSING', async () => {
    const res = await postCypher<ErrorBody>({ query: 'MATCH (n) WHERE n.id = $id AND n.name <> $`the name` RETURN n', params: { id: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CYPHER_PARAMETER_MISSING');
    expect(res.body.error.details).toMatchObject({ name: 'the name' });
  });

  it('stops a query that needs more memory than one transaction may take with 422 QUERY_MEMORY_LIMIT, and goes on answering', async () => {
    // One row holding a list of 100 million integers: far beyond db.memory.transaction.max, never streamed.
    const res = await postCypher<ErrorBody>({ query: 'UNWIND range(1, 100000000) AS x RETURN collect(x) AS xs' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('QUERY_MEMORY_LIMIT');
    expect(JSON.stringify(res.body)).not.toContain('collect(x)');
    const after = await postCypher<{ rows: unknown[] }>({ query: 'RETURN 1 AS one' });
    expect(after.status).toBe(200);
    expect(after.body.rows).toEqual([{ one: 1 }]);
  });

  it('answers a runtime error with 422 CYPHER_FAILED and Neo4j’s code', async () => {
    const res = await postCypher<ErrorBody>({ query: 'UNWIND [1, 0] AS x RETURN 1 / x AS y' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CYPHER_FAILED', details: { neo4jCode: 'Neo.ClientError.Statement.ArithmeticError' } });
  });

  it('answers a runtime refusal Neo4j files as a database error with 422 CYPHER_FAILED too', async () => {
    const res = await postCypher<ErrorBody>({ query: 'MATCH (a:Person) WITH a LIMIT 1 MATCH p = shortestPath((a)-[*]-(a)) RETURN p' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CYPHER_FAILED', details: { neo4jCode: 'Neo.DatabaseError.Statement.ExecutionFailed' } });
    expect(res.body.error.message).toMatch(/shortest path/i);
    expect(JSON.stringify(res.body)).not.toContain('java.');
  });

  it('never echoes the query or parameter values, even when Neo4j’s message would', async () => {
    const res = await postCypher<ErrorBody>({
      query: "CALL db.index.fulltext.queryNodes($index, 'putin')",
      params: { index: 'secret-index-name' },
    });
    expect(res.body.error.code).toBe('CYPHER_FAILED');
    expect(JSON.stringify(res.body)).not.toContain('secret-index-name');
    expect(JSON.stringify(res.body)).not.toContain('java.');
  });

  it('stops a slow query at the configured timeout with 408 QUERY_TIMEOUT, without retrying it', async () => {
    const started = Date.now();
    const res = await postCypher<ErrorBody>({ query: 'UNWIND range(1, 100000000) AS x WITH x WHERE x = -1 RETURN x' }, strict.url);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(408);
    expect(res.body.error.code).toBe('QUERY_TIMEOUT');
    // Neo4j checks timeouts every couple of seconds; a retry would take at least another timeout on top.
    expect(elapsed).toBeGreaterThanOrEqual(STRICT_LIMITS.timeoutMs as number);
    expect(elapsed).toBeLessThan(8_000);
  });
});

describe('POST /api/cypher when the client goes away', () => {
  const SLOW_QUERY = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN x AS never';
  /** The user queries Neo4j is running whose text contains `fragment`. */
  const running = async (fragment: string) =>
    (await db.read('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery')).filter((row) => String(row.currentQuery).includes(fragment));

  it('stops the query on the server instead of letting it run until the timeout', async () => {
    // A timeout far beyond anything the test waits for: only the cancellation can end this query in time.
    const patient = await startTestServer(db, { cypherLimits: { timeoutMs: 600_000 } });
    try {
      const client = new AbortController();
      const request = fetch(`${patient.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SLOW_QUERY }),
        signal: client.signal,
      }).catch((error: Error) => error);
      await expect.poll(async () => (await running('2000000000')).length, { timeout: 30_000, interval: 100 }).toBe(1);

      client.abort();
      await expect(request).resolves.toBeInstanceOf(Error);
      await expect.poll(async () => (await running('2000000000')).length, { timeout: 30_000, interval: 200 }).toBe(0);
    } finally {
      await patient.stop();
    }
  });
});

describe('a user read past its deadline', () => {
  it('answers 408 QUERY_TIMEOUT at its own deadline when Neo4j has not stopped the query, and stops it', async () => {
    // Neo4j's timeout is far off, as when an operator does not check it; the read's own deadline comes first.
    const outcome = db.userRead((tx) => tx.stream('UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN x AS never', {}, () => true), {
      timeoutMs: 600_000,
      deadlineMs: 300,
      fetchSize: 10,
    });
    await expect(outcome).rejects.toMatchObject({ code: 'QUERY_TIMEOUT', status: 408 });
    const running = async () => (await db.read('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery')).filter((row) => String(row.currentQuery).includes('2000000000'));
    await expect.poll(async () => (await running()).length, { timeout: 30_000, interval: 200 }).toBe(0);
    await expect(db.read('RETURN 1 AS one')).resolves.toEqual([{ one: expect.anything() }]);
  });
});

describe('POST /api/cypher refuses malformed and oversized requests with 400 VALIDATION_FAILED', () => {
  it.each<[string, unknown]>([
    ['no query', {}],
    ['an empty query', { query: '   ' }],
    ['a query that is not a string', { query: 42 }],
    ['params that are not a map', { query: 'RETURN 1', params: [1, 2] }],
    ['a limit of 0', { query: 'RETURN 1', limit: 0 }],
    ['a limit above the cap', { query: 'RETURN 1', limit: 1001 }],
    ['a query of more than 20,000 characters', { query: `RETURN 1 ${' '.repeat(20_000)}` }],
    ['params of more than 64 KB', { query: 'RETURN $big', params: { big: 'x'.repeat(70_000) } }],
    ['params nested more than 8 levels deep', { query: 'RETURN $deep', params: { deep: [[[[[[[[1]]]]]]]] } }],
  ])('refuses %s', async (_name, body) => {
    const res = await postCypher<ErrorBody>(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('accepts params nested exactly 8 levels deep', async () => {
    const res = await postCypher({ query: 'RETURN $deep AS v', params: { deep: [[[[[[[1]]]]]]] } });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ v: [[[[[[[1]]]]]]] }]);
  });
});

describe('createCypherService().guard, for other features that take {query, params}', () => {
  it('resolves a read-only query with its mode and Neo4j’s EXPLAIN of it', async () => {
    const guarded = await createCypherService(db).guard('PROFILE MATCH (n) WHERE n.id = $id RETURN n', { id: 'russia' });
    expect(guarded).toMatchObject({ query: 'PROFILE MATCH (n) WHERE n.id = $id RETURN n', mode: 'profile', explain: { queryType: 'r', columns: ['n'] } });
  });

  it.each([
    ['a write', 'MATCH (n) DETACH DELETE n', {}, 'CYPHER_WRITE_FORBIDDEN'],
    ['a missing parameter', 'MATCH (n) WHERE n.id = $id RETURN n', {}, 'CYPHER_PARAMETER_MISSING'],
    ['a syntax error', 'MATCH (n RETURN n', {}, 'CYPHER_SYNTAX'],
  ])('rejects %s with its code', async (_name, query, params, code) => {
    const error = await createCypherService(db).guard(query, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
  });
});
