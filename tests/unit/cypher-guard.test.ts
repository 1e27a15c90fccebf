import { describe, expect, it } from 'vitest';
import type { CypherPlan } from '../../server/src/contract.ts';
import { judgePlan, procedureName, READ_ONLY_PROCEDURES } from '../../server/src/cypher/cypher-guard.ts';
import type { QuerySummary } from '../../server/src/db/query-summary.ts';

const op = (operator: string, details?: string, children: CypherPlan[] = []): CypherPlan => ({
  operator,
  estimatedRows: 1,
  ...(details === undefined ? {} : { arguments: { Details: details } }),
  children,
});

const explain = (plan: CypherPlan, queryType = 'r', planDatabases = ['neo4j']): QuerySummary => ({
  columns: [],
  queryType,
  database: 'neo4j',
  resultAvailableAfterMs: 0,
  resultConsumedAfterMs: 0,
  notifications: [],
  plan,
  planDatabases,
});

const reasonOf = (summary: QuerySummary) => {
  const details = judgePlan(summary, 'neo4j')?.details as { reason?: string } | undefined;
  return details?.reason;
};

describe('judgePlan', () => {
  it('lets a read plan through', () => {
    expect(judgePlan(explain(op('ProduceResults', 'n', [op('AllNodesScan', 'n')])), 'neo4j')).toBeUndefined();
  });

  it.each(READ_ONLY_PROCEDURES.map((p) => p.name))('lets the read-only procedure %s through', (name) => {
    expect(reasonOf(explain(op('ProduceResults', undefined, [op('ProcedureCall', `${name}() :: (x :: STRING)`)])))).toBeUndefined();
  });

  it.each([
    ['a write query type', explain(op('ProduceResults', undefined, [op('Create', '(n)')]), 'w'), 'WRITE'],
    ['a read-write query type', explain(op('ProduceResults', undefined, [op('Merge', 'CREATE (n)')]), 'rw'), 'WRITE'],
    ['an unknown query type', explain(op('ProduceResults'), 'x'), 'WRITE'],
    ['a schema command', explain(op('CreateIndex', 'RANGE INDEX x FOR (:A) ON (p)'), 's'), 'SCHEMA'],
    ['LOAD CSV deep in the tree', explain(op('ProduceResults', undefined, [op('Apply', undefined, [op('LoadCSV', 'l')])])), 'LOAD_CSV'],
    ['a procedure outside the allowlist', explain(op('ProcedureCall', 'db.stats.retrieve($a) :: (section :: STRING)')), 'PROCEDURE'],
    ['a procedure call without details', explain(op('ProcedureCall')), 'PROCEDURE'],
    ['an administration command', explain(op('AdministrationCommand'), 's'), 'ADMIN'],
    ['SHOW TRANSACTIONS, typed r by Neo4j', explain(op('ProduceResults', undefined, [op('ShowTransactions')])), 'ADMIN'],
    ['TERMINATE TRANSACTIONS, typed r by Neo4j', explain(op('ProduceResults', undefined, [op('TerminateTransactions')])), 'ADMIN'],
    ['SHOW SETTINGS, typed r by Neo4j', explain(op('ProduceResults', undefined, [op('ShowSettings')])), 'ADMIN'],
    ['an operator on another database', explain(op('db.labels'), 'r', ['system']), 'OTHER_DATABASE'],
  ])('refuses %s', (_name, summary, reason) => {
    expect(reasonOf(summary)).toBe(reason);
  });

  it('compares database names case-insensitively', () => {
    expect(judgePlan(explain(op('ProduceResults'), 'r', ['NEO4J']), 'neo4j')).toBeUndefined();
  });

  it('refuses when EXPLAIN gave no plan', () => {
    expect(reasonOf({ ...explain(op('ProduceResults')), plan: undefined })).toBe('WRITE');
  });
});

describe('procedureName', () => {
  it.each([
    ['db.labels() :: (label :: STRING)', 'db.labels'],
    ['db.index.fulltext.queryNodes($autostring_0, $autostring_1) :: (node :: NODE, score :: FLOAT)', 'db.index.fulltext.queryNodes'],
    ['no call here', undefined],
  ])('reads %s', (details, name) => {
    expect(procedureName(op('ProcedureCall', details))).toBe(name);
  });
});
