/**
 * Judges a query by Neo4j's own EXPLAIN of it: the query type must be `r`, and the plan may hold no
 * LOAD CSV, no administration operator, no procedure outside the allowlist and no operator on another
 * database. Returns the refusal, or undefined when the query may run.
 */
import type { CypherPlan } from '../contract.ts';
import type { QuerySummary } from '../db/query-summary.ts';
import { cypherRefusal, type AppError } from '../errors.ts';

/** Procedures a workbench user may call: each only reads, and answers quickly. */
export const READ_ONLY_PROCEDURES: ReadonlyArray<{ name: string; why: string }> = [
  { name: 'db.labels', why: 'the labels in use' },
  { name: 'db.relationshipTypes', why: 'the relationship types in use' },
  { name: 'db.propertyKeys', why: 'the property keys in use' },
  { name: 'db.schema.visualization', why: 'the schema as a graph of virtual nodes (nothing is stored)' },
  { name: 'db.schema.nodeTypeProperties', why: 'the properties per label combination' },
  { name: 'db.schema.relTypeProperties', why: 'the properties per relationship type' },
  { name: 'db.index.fulltext.queryNodes', why: 'full-text search over nodes' },
  { name: 'db.index.fulltext.queryRelationships', why: 'full-text search over relationships' },
  { name: 'db.index.vector.queryNodes', why: 'vector search over nodes' },
  { name: 'db.index.vector.queryRelationships', why: 'vector search over relationships' },
];

/**
 * SHOW commands that only describe this database's schema and catalogue. Every other `Show…` and
 * `Terminate…` operator (transactions, settings, …) is administration and refused.
 */
export const READ_ONLY_SHOW_OPERATORS: ReadonlySet<string> = new Set(['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions']);

const ALLOWED_PROCEDURES = new Set(READ_ONLY_PROCEDURES.map((procedure) => procedure.name.toLowerCase()));

/** The procedure a ProcedureCall operator calls: its `Details` read `db.labels() :: (label :: STRING)`. */
export function procedureName(operator: CypherPlan): string | undefined {
  const details = operator.arguments?.Details;
  if (typeof details !== 'string') return undefined;
  return /^\s*([^\s(]+)\s*\(/.exec(details)?.[1];
}

function* operators(plan: CypherPlan): Generator<CypherPlan> {
  yield plan;
  for (const child of plan.children) yield* operators(child);
}

function operatorRefusal(operator: CypherPlan): AppError | undefined {
  const name = operator.operator;
  if (name === 'LoadCSV') return cypherRefusal('LOAD_CSV');
  if (name === 'ProcedureCall') {
    const procedure = procedureName(operator);
    if (procedure === undefined || !ALLOWED_PROCEDURES.has(procedure.toLowerCase())) {
      return cypherRefusal('PROCEDURE', procedure === undefined ? {} : { procedure });
    }
  }
  if (name === 'AdministrationCommand' || (/^(Show|Terminate)/.test(name) && !READ_ONLY_SHOW_OPERATORS.has(name))) {
    return cypherRefusal('ADMIN');
  }
  return undefined;
}

/**
 * The refusal for an EXPLAIN `summary`, or undefined when the query is read-only. `database` is the
 * database the explorer reads (the configured one, else the session's home database).
 */
export function judgePlan(summary: QuerySummary, database: string): AppError | undefined {
  // EXPLAIN always answers with a plan; without one there is nothing to judge the query by.
  if (!summary.plan) return cypherRefusal('WRITE');
  for (const operator of operators(summary.plan)) {
    const refusal = operatorRefusal(operator);
    if (refusal) return refusal;
  }
  const own = database.toLowerCase();
  const other = summary.planDatabases.find((name) => name.toLowerCase() !== own);
  if (other !== undefined) return cypherRefusal('OTHER_DATABASE', { database: other });
  switch (summary.queryType) {
    case 'r':
      return undefined;
    case 's':
      return cypherRefusal('SCHEMA');
    default:
      return cypherRefusal('WRITE');
  }
}
