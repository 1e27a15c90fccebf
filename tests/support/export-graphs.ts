/**
 * Test helpers for exports: a database emptied of everything (constraints and indexes too), a graph of
 * awkward values, a Cypher script run statement by statement (as cypher-shell does), and an exact,
 * order-independent snapshot of a whole graph to compare two databases by.
 */
import type { Database } from '../../server/src/db/database.ts';
import { DbNode, DbPath, DbRelationship, listOf, stringsOf, type DbValue } from '../../server/src/db/values.ts';
import { wipeDatabase } from '../../seed/loader.ts';

/** Deletes every node, then every constraint and index (but the built-in token lookups). */
export async function wipeEverything(db: Database): Promise<void> {
  await wipeDatabase(db, () => undefined);
  for (const row of await db.read('SHOW CONSTRAINTS YIELD name RETURN name')) {
    await db.writeTransaction((run) => run(`DROP CONSTRAINT \`${String(row.name).replace(/`/g, '``')}\``));
  }
  for (const row of await db.read("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")) {
    await db.writeTransaction((run) => run(`DROP INDEX \`${String(row.name).replace(/`/g, '``')}\``));
  }
}

/** Splits a script into statements at top-level `;`, skipping strings, back-quoted names and comments. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === "'" || c === '"') {
      for (i++; i < script.length && script[i] !== c; i++) if (script[i] === '\\') i++;
    } else if (c === '`') {
      for (i++; i < script.length; i++) {
        if (script[i] === '`') {
          if (script[i + 1] === '`') i++;
          else break;
        }
      }
    } else if (c === '/' && script[i + 1] === '/') {
      while (i < script.length && script[i] !== '\n') i++;
    } else if (c === '/' && script[i + 1] === '*') {
      i = script.indexOf('*/', i + 2) + 1;
    } else if (c === ';') {
      statements.push(script.slice(start, i));
      start = i + 1;
    }
  }
  statements.push(script.slice(start));
  // Leading comment lines and blank lines belong to no statement.
  const body = (statement: string) => statement.replace(/^(\s*\/\/[^\n]*\n?|\s+)+/, '').trim();
  return statements.map(body).filter((statement) => statement !== '' && !statement.startsWith('//'));
}

/** Runs every statement of a script, each in its own write transaction; returns how many ran. */
export async function runCypherScript(db: Database, script: string): Promise<number> {
  const statements = splitStatements(script);
  for (const statement of statements) await db.writeTransaction((run) => run(statement));
  return statements.length;
}

/** A read value as text that tells every type and value apart (INTEGER 1 from FLOAT 1.0, -0.0, NaN, zones…). */
function canonical(value: DbValue | undefined): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? 'float:-0' : `float:${value}`;
  if (typeof value === 'bigint') return `int:${value}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('base64')}`;
  if (value instanceof Map) return Object.fromEntries([...value.keys()].sort().map((key) => [key, canonical(value.get(key))]));
  if (value instanceof DbNode || value instanceof DbRelationship || value instanceof DbPath) throw new Error('canonical: properties hold no graph elements');
  if (typeof value === 'object' && value !== null) {
    if (value.$type === 'Point') return ['Point', String(value.srid), canonical(value.x), canonical(value.y), value.z === undefined ? null : canonical(value.z)];
    const zone = 'zoneId' in value ? value.zoneId : undefined;
    const offset = 'offsetSeconds' in value ? value.offsetSeconds : undefined;
    return `${value.$type}:${value.iso}|${zone ?? ''}|${offset === undefined ? '' : String(offset)}`;
  }
  return value;
}

/**
 * The whole graph as sorted lines: each node as its sorted labels and properties, each relationship as its
 * start node, type, end node and properties. Equal snapshots: the same graph, value for value and type
 * for type, whatever the element ids.
 */
export async function graphSnapshot(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const rows = await db.read(`
    CALL () { MATCH (n) RETURN collect([labels(n), properties(n)]) AS nodes }
    CALL () { MATCH (a)-[r]->(b) RETURN collect([[labels(a), properties(a)], type(r), [labels(b), properties(b)], properties(r)]) AS rels }
    RETURN nodes, rels`);
  const node = (entry: DbValue | undefined) => {
    const [labels, properties] = listOf(entry);
    return [stringsOf(labels).sort(), canonical(properties)];
  };
  const nodes = listOf(rows[0]?.nodes).map((entry) => JSON.stringify(node(entry))).sort();
  const relationships = listOf(rows[0]?.rels)
    .map((entry) => {
      const [a, type, b, properties] = listOf(entry);
      return JSON.stringify([node(a), type, node(b), canonical(properties)]);
    })
    .sort();
  return { nodes, relationships };
}

/** Strings that break naive writers: quotes, backslashes, line ends, unicode, emoji, control characters. */
export const AWKWARD_STRINGS = [
  `it's "quoted"`,
  'back\\slash \\n not a newline \\',
  'line one\nline two\r\nthree\ttabbed',
  'ünïcödé 中文 العربية',
  'emoji 😀👍🏽 🇺🇦',
  'separators \u2028 \u2029 and a bell \u0007',
  '`backticks` and // not a comment /* nor this */ ; semicolon',
  '',
  ' leading and trailing spaces ',
] as const;

/**
 * Creates a graph of awkward values, names and shapes: labels and types with spaces and backquotes, a
 * node without labels, nodes without an `id`, an integer `id`, self-loops and parallel relationships,
 * the export's own temporary names in use, and every property type (but byte arrays, which Cypher can't
 * write as literals).
 */
export async function createAwkwardGraph(db: Database): Promise<void> {
  await db.writeTransaction(async (run) => {
    await run(
      `CREATE (a:\`Label With Spaces\`:\`Back\`\`tick\` {id: 'awkward-a', strings: $strings, empty: '', emptyList: []})
       CREATE (b:Plain {
         big: 9223372036854775807, small: -9223372036854775808, beyond53: 9007199254740993, zero: 0,
         floats: [0.1, 1e300, 5e-324, -2.5, 3.0], negZero: -0.0, nan: 0.0/0.0, inf: 1.0/0.0, negInf: -1.0/0.0,
         yes: true, no: false, bools: [true, false], ints: [1, -2, 9007199254740993]
       })
       CREATE (c {
         date: date('2024-06-19'), ancient: date('-000044-03-15'), future: date('+10000-01-01'),
         berlinFirst: datetime('2024-10-27T02:30:00+02:00[Europe/Berlin]'),
         berlinSecond: datetime('2024-10-27T02:30:00+01:00[Europe/Berlin]'),
         kathmandu: datetime('2024-06-19T10:00:00.123456789+05:45'),
         utc: datetime('2024-06-19T10:00:00Z'),
         lmt: datetime({year: 1850, month: 3, day: 15, hour: 12, timezone: 'Europe/Rome'}),
         local: localdatetime('2024-06-19T10:00:00.000000001'),
         time: time('10:00:00.5-03:30'), localTime: localtime('23:59:59.999999999'),
         dates: [date('2024-01-01'), date('2024-12-31')],
         duration: duration({months: 14, days: 3, seconds: -1, nanoseconds: 500000000}),
         period: duration('P1Y2M10DT2H30M'),
         wgs: point({longitude: 30.1, latitude: 48.0}), wgs3d: point({longitude: 1.5, latitude: 2.5, height: 100.0}),
         cartesian: point({x: -1.0, y: 0.1}), cartesian3d: point({x: 1.0, y: 2.0, z: -0.0})
       })
       CREATE (d:Plain {id: 42, name: 'integer id'})
       CREATE (e:\`__KgExport\` {\`__kg_export_id\`: 'taken', \`odd key\`: 'spaces', \`back\`\`tick key\`: 1})
       CREATE (a)-[:\`HAS WEIRD \`\`TYPE\`\` \` {quote: $quote, sources: ['a', 'b'], certainty: 'reported'}]->(b)
       CREATE (b)-[:LOOPS {n: 1}]->(b)
       CREATE (b)-[:LOOPS {n: 2}]->(b)
       CREATE (b)-[:PARALLEL {n: 1}]->(c)
       CREATE (b)-[:PARALLEL {n: 1}]->(c)
       CREATE (c)-[:TO_INT_ID]->(d)
       CREATE (d)-[:\`with space\` {empty: '', list: ['x', '', 'y'], when: datetime('2024-06-19T10:00:00+03:00[Europe/Kyiv]')}]->(e)
       CREATE (e)-[:PARALLEL {n: 2}]->(a)`,
      { strings: [...AWKWARD_STRINGS], quote: AWKWARD_STRINGS.join(' | ') },
    );
  });
}
