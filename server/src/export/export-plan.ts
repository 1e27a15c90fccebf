/**
 * The plan of an export, read in its transaction before anything is written: how many nodes and
 * relationships it holds (so a cap is enforced before the first byte, never by cutting a file short), its
 * labels and types, the property keys with their types where the format declares them up front (GraphML's
 * keys, CSV's columns, the Cypher script's names), and the database's constraints on its labels and types
 * (for the Cypher script).
 *
 * One pass per kind, aggregated by Neo4j as it streams: each count stops at the cap plus one, and memory
 * grows with the schema (distinct label sets, types, key/type pairs), never with the data. The pass reads
 * the elements' labels and types from their records; the key pass reads every property of every element
 * (measured on the benchmark's graph: about 1.3 s for 500,000 relationships), so formats that need no
 * keys (JSON, Cytoscape) skip it.
 */
import { cypherInteger, type Row, type UserReadTransaction } from '../db/database.ts';
import { listOf, stringsOf, type DbValue } from '../db/values.ts';
import type { ExportConstraint, ExportSchema, PropertyKeyTypes } from './export-graph.ts';
import type { ScopeQueries } from './export-scope.ts';

export interface ExportPlan {
  database: string;
  /** Counts up to the caps: a count over its cap means "more than the cap". */
  counts: { nodes: number; relationships: number };
  /** True when a count stopped at its cap plus one. */
  overCap: boolean;
  schema: ExportSchema;
  /** Values the scope's node query could not see into (ScopeQueries.gatherInExplorer); 0 for most scopes. */
  unresolved: number;
}

export interface PlanOptions {
  maxNodes: number;
  maxRelationships: number;
  /** Whether to read every property for the keys and their types (the format declares them up front). */
  propertyKeys: boolean;
}

interface Inventory {
  count: number;
  unresolved: number;
  names: string[];
  keys: PropertyKeyTypes[];
}

/**
 * One kind's inventory: `body` binds `element` (null for what it could not see into), at most
 * `$<internal>limit` of them; the answer is one row.
 */
function inventoryQuery(body: string, element: 'n' | 'r', internal: string): string {
  const name = element === 'n' ? 'labels(n)' : 'type(r)';
  return `CALL () {
${body}
RETURN ${element} LIMIT $${internal}limit
}
UNWIND [null] + CASE WHEN $${internal}keys AND ${element} IS NOT NULL THEN keys(${element}) ELSE [] END AS key
WITH ${element}, key
RETURN count(CASE WHEN key IS NULL THEN ${element} END) AS count,
  count(*) - count(key) - count(CASE WHEN key IS NULL THEN ${element} END) AS unresolved,
  collect(DISTINCT CASE WHEN key IS NULL THEN ${name} END) AS names,
  collect(DISTINCT CASE WHEN key IS NOT NULL THEN [key, valueType(${element}[key])] END) AS keys`;
}

async function inventory(tx: UserReadTransaction, queries: ScopeQueries, element: 'n' | 'r', limit: number, propertyKeys: boolean): Promise<Inventory> {
  const { internal } = queries;
  const body = element === 'n' ? queries.nodes : queries.relationships;
  const params = { ...queries.params, [`${internal}limit`]: cypherInteger(limit), [`${internal}keys`]: propertyKeys };
  const [row = {}] = await tx.read(inventoryQuery(body, element, internal), params, { fromUser: queries.fromUser });
  const names = listOf(row.names).flatMap((name) => (Array.isArray(name) ? stringsOf(name) : stringsOf([name])));
  return { count: Number(row.count ?? 0), unresolved: Number(row.unresolved ?? 0), names: [...new Set(names)].sort(), keys: keyTypes(row.keys) };
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


/** `valueType()` answers `LIST<STRING NOT NULL> NOT NULL`; the export speaks of `LIST<STRING>`. */
export function cypherTypeName(valueType: string): string {
  return valueType.replace(/ NOT NULL/g, '');
}

/** `[[key, valueType], …]` pairs → one entry per key, sorted by key, with its types sorted. */
function keyTypes(value: DbValue | undefined): PropertyKeyTypes[] {
  const byKey = new Map<string, Set<string>>();
  for (const pair of listOf(value)) {
    const [key, type] = listOf(pair);
    if (typeof key !== 'string' || typeof type !== 'string') continue;
    byKey.set(key, (byKey.get(key) ?? new Set()).add(cypherTypeName(type)));
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, types]) => ({ key, types: [...types].sort() }));
}

function constraintsOn(rows: Row[], labels: ReadonlySet<string>, types: ReadonlySet<string>): ExportConstraint[] {
  return rows.flatMap((row) => {
    const kind = CONSTRAINT_KINDS[String(row.type)];
    const [labelOrType] = stringsOf(row.labelsOrTypes);
    const entity = row.entityType === 'RELATIONSHIP' ? 'RELATIONSHIP' : 'NODE';
    const properties = stringsOf(row.properties);
    if (!kind || labelOrType === undefined || properties.length === 0 || typeof row.name !== 'string') return [];
    if (!(entity === 'NODE' ? labels : types).has(labelOrType)) return [];
    return [{ name: row.name, kind, entity, labelOrType, properties }];
  });
}

/**
 * Plans the export of `queries`. Stops after the node inventory when its count is over the cap (`overCap`,
 * the relationships then counted as 0) or when it found values it could not see into (`unresolved`).
 */
export async function planExport(tx: UserReadTransaction, queries: ScopeQueries, options: PlanOptions): Promise<ExportPlan> {
  const nodes = await inventory(tx, queries, 'n', options.maxNodes + 1, options.propertyKeys);
  const stopped = nodes.count > options.maxNodes || nodes.unresolved > 0;
  const relationships = stopped
    ? { count: 0, unresolved: 0, names: [], keys: [] }
    : await inventory(tx, queries, 'r', options.maxRelationships + 1, options.propertyKeys);
  const [info = {}] = await tx.read('CALL db.info() YIELD name RETURN name');
  const constraints = constraintsOn(await tx.read(CONSTRAINTS), new Set(nodes.names), new Set(relationships.names));
  return {
    database: String(info.name),
    counts: { nodes: nodes.count, relationships: relationships.count },
    overCap: nodes.count > options.maxNodes || relationships.count > options.maxRelationships,
    unresolved: nodes.unresolved,
    schema: {
      labels: nodes.names,
      relationshipTypes: relationships.names,
      nodeProperties: nodes.keys,
      relationshipProperties: relationships.keys,
      constraints,
    },
  };
}
