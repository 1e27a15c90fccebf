/**
 * The database's schema as the explorer sees it: labels and relationship types in use (with counts from
 * the count store) and property keys; and the check that every label or type a request names exists,
 * which is what lets those names into a query at all.
 */
import type { JsonValue, NameCount, SchemaResponse } from '../contract.ts';
import type { Database } from '../db/database.ts';
import { stringsOf } from '../db/values.ts';
import { AppError } from '../errors.ts';
import { schemaFact } from './schema-cache.ts';
import { quoteName } from './search-index.ts';

interface SchemaNames {
  labels: string[];
  types: string[];
}

async function readSchemaNames(db: Database): Promise<SchemaNames> {
  const rows = await db.read(
    `CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
     CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types }
     RETURN labels, types`,
  );
  const row = rows[0];
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  return { labels: strings(row?.labels), types: strings(row?.types) };
}

/** The labels and types in use, read at most every 30 s (schema-cache.ts). */
const schemaNames = schemaFact(readSchemaNames);

/**
 * Throws VALIDATION_FAILED naming every label or relationship type that the database doesn't have, so
 * nothing a user typed reaches a query unless it is one of the database's own names.
 */
export async function assertKnownNames(db: Database, requested: { labels?: readonly string[]; types?: readonly string[] }): Promise<void> {
  const wanted = { labels: requested.labels ?? [], types: requested.types ?? [] };
  if (wanted.labels.length === 0 && wanted.types.length === 0) return;
  let known = await schemaNames(db);
  const allKnown = (names: SchemaNames) =>
    wanted.labels.every((label) => names.labels.includes(label)) && wanted.types.every((type) => names.types.includes(type));
  // A name created since the names were read is not refused: they are read afresh before anything is.
  if (!allKnown(known)) known = await schemaNames(db, { fresh: true });
  const issues: Array<{ path: string; message: string }> = [];
  const unknown: { labels: string[]; types: string[] } = { labels: [], types: [] };
  for (const label of wanted.labels) {
    if (!known.labels.includes(label)) {
      unknown.labels.push(label);
      issues.push({ path: 'labels', message: `unknown label "${label}"` });
    }
  }
  for (const type of wanted.types) {
    if (!known.types.includes(type)) {
      unknown.types.push(type);
      issues.push({ path: 'types', message: `unknown relationship type "${type}"` });
    }
  }
  const first = issues[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', `Invalid query parameters: ${first.path}: ${first.message}.`, {
      details: { issues, unknown } satisfies { [key: string]: JsonValue },
    });
  }
}

/** Code-point order, the same on every machine and the same as Cypher's ORDER BY. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function counts(names: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): NameCount[] {
  const byIndex = new Map(rows.map((row) => [Number(row.i), Number(row.count)]));
  return names.map((name, i) => ({ name, count: byIndex.get(i) ?? 0 })).sort((a, b) => byCodePoint(a.name, b.name));
}

/**
 * One count-store lookup per name, as one UNION query. The names come from db.labels() and
 * db.relationshipTypes() and are backquoted, so they can't change the query.
 */
async function countEach(db: Database, names: readonly string[], pattern: (quoted: string) => string): Promise<NameCount[]> {
  if (names.length === 0) return [];
  const branches = names.map((name, i) => `${pattern(quoteName(name))} RETURN ${i} AS i, count(*) AS count`);
  return counts(names, await db.read(branches.join('\nUNION ALL\n')));
}

export async function readSchema(db: Database): Promise<SchemaResponse> {
  const names = await readSchemaNames(db);
  const keyRows = await db.read('CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys');
  const keys = keyRows[0]?.keys;
  const [labels, relationshipTypes] = await Promise.all([
    countEach(db, names.labels, (label) => `MATCH (:${label})`),
    countEach(db, names.types, (type) => `MATCH ()-[:${type}]->()`),
  ]);
  return {
    labels,
    relationshipTypes,
    propertyKeys: stringsOf(keys).sort(byCodePoint),
  };
}
