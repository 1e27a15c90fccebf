/**
 * The plan of an export, read in its transaction before anything is written: how many nodes and
 * relationships it holds (so a cap is enforced before the first byte, never by cutting a file short),
 * its labels, types and property keys with their types (so GraphML can declare typed keys and CSV write
 * one column per key up front), and the database's constraints on its labels and types (for the Cypher
 * script). Everything is aggregated by Neo4j: the answer is one row whose size grows with the schema,
 * not with the data.
 */
import type { UserReadTransaction } from '../db/database.ts';
import type { ExportConstraint, ExportSchema, PropertyKeyTypes } from './export-graph.ts';
import type { ScopeQueries } from './export-scope.ts';

export interface ExportPlan {
  database: string;
  counts: { nodes: number; relationships: number };
  schema: ExportSchema;
}

function planQuery(queries: ScopeQueries): string {
  return `CALL () {
  ${queries.nodes}
  WITH collect(n) AS ns
  CALL (ns) { UNWIND ns AS n UNWIND labels(n) AS label RETURN collect(DISTINCT label) AS labels }
  CALL (ns) { UNWIND ns AS n UNWIND keys(n) AS key RETURN collect(DISTINCT [key, valueType(n[key])]) AS nodeKeys }
  RETURN size(ns) AS nodeCount, labels, nodeKeys
}
CALL () {
  ${queries.relationships}
  WITH collect(r) AS rs
  CALL (rs) { UNWIND rs AS r RETURN collect(DISTINCT type(r)) AS types }
  CALL (rs) { UNWIND rs AS r UNWIND keys(r) AS key RETURN collect(DISTINCT [key, valueType(r[key])]) AS relationshipKeys }
  RETURN size(rs) AS relationshipCount, types, relationshipKeys
}
CALL () { CALL db.info() YIELD name RETURN name AS database }
RETURN database, nodeCount, labels, nodeKeys, relationshipCount, types, relationshipKeys`;
}

const CONSTRAINTS = `SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
RETURN name, type, entityType, labelsOrTypes, properties`;

/** Constraint types the Cypher script can re-create, by SHOW CONSTRAINTS' `type`. */
const CONSTRAINT_KINDS: Record<string, ExportConstraint['kind']> = {
  UNIQUENESS: 'UNIQUE',
  RELATIONSHIP_UNIQUENESS: 'UNIQUE',
  NODE_KEY: 'KEY',
  RELATIONSHIP_KEY: 'KEY',
  NODE_PROPERTY_EXISTENCE: 'NOT_NULL',
  RELATIONSHIP_PROPERTY_EXISTENCE: 'NOT_NULL',
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `valueType()` answers `LIST<STRING NOT NULL> NOT NULL`; the export speaks of `LIST<STRING>`. */
export function cypherTypeName(valueType: string): string {
  return valueType.replace(/ NOT NULL/g, '');
}

/** `[[key, valueType], …]` pairs → one entry per key, sorted by key, with its types sorted. */
function keyTypes(value: unknown): PropertyKeyTypes[] {
  const byKey = new Map<string, Set<string>>();
  for (const pair of Array.isArray(value) ? value : []) {
    const [key, type] = Array.isArray(pair) ? pair : [];
    if (typeof key !== 'string' || typeof type !== 'string') continue;
    byKey.set(key, (byKey.get(key) ?? new Set()).add(cypherTypeName(type)));
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, types]) => ({ key, types: [...types].sort() }));
}

function constraintsOn(rows: Array<Record<string, unknown>>, labels: ReadonlySet<string>, types: ReadonlySet<string>): ExportConstraint[] {
  return rows.flatMap((row) => {
    const kind = CONSTRAINT_KINDS[String(row.type)];
    const [labelOrType] = strings(row.labelsOrTypes);
    const entity = row.entityType === 'RELATIONSHIP' ? 'RELATIONSHIP' : 'NODE';
    const properties = strings(row.properties);
    if (!kind || labelOrType === undefined || properties.length === 0 || typeof row.name !== 'string') return [];
    if (!(entity === 'NODE' ? labels : types).has(labelOrType)) return [];
    return [{ name: row.name, kind, entity, labelOrType, properties }];
  });
}

export async function planExport(tx: UserReadTransaction, queries: ScopeQueries): Promise<ExportPlan> {
  const [row = {}] = await tx.read(planQuery(queries), queries.params);
  const labels = strings(row.labels).sort();
  const relationshipTypes = strings(row.types).sort();
  const constraints = constraintsOn(await tx.read(CONSTRAINTS), new Set(labels), new Set(relationshipTypes));
  return {
    database: String(row.database),
    counts: { nodes: Number(row.nodeCount ?? 0), relationships: Number(row.relationshipCount ?? 0) },
    schema: {
      labels,
      relationshipTypes,
      nodeProperties: keyTypes(row.nodeKeys),
      relationshipProperties: keyTypes(row.relationshipKeys),
      constraints,
    },
  };
}
