import { describe, expect, it } from 'vitest';
import type { CypherPlan } from '../../server/src/contract.ts';
import { collapsiblePaths, flattenPlan, planTotals, toggleCollapsed } from '../../client/src/workbench/plan-tree.ts';

const op = (operator: string, children: CypherPlan[] = [], extra: Partial<CypherPlan> = {}): CypherPlan => ({
  operator,
  estimatedRows: 10,
  children,
  ...extra,
});

// ProduceResults ← Projection ← CartesianProduct(NodeByLabelScan, Filter ← AllNodesScan)
const explain = op('ProduceResults@neo4j', [
  op('Projection', [
    op('CartesianProduct', [
      op('NodeByLabelScan', [], { arguments: { Details: 'n:Person' }, identifiers: ['n'] }),
      op('Filter', [op('AllNodesScan', [], { identifiers: ['m'] })], { arguments: { Details: 'm.name STARTS WITH $prefix' } }),
    ]),
  ]),
]);

describe('the plan as a tree', () => {
  it('lists every operator root first, children after their parent, with depth and path', () => {
    const rows = flattenPlan(explain);
    expect(rows.map((row) => [row.path, row.depth, row.operator])).toEqual([
      ['0', 0, 'ProduceResults'],
      ['0.0', 1, 'Projection'],
      ['0.0.0', 2, 'CartesianProduct'],
      ['0.0.0.0', 3, 'NodeByLabelScan'],
      ['0.0.0.1', 3, 'Filter'],
      ['0.0.0.1.0', 4, 'AllNodesScan'],
    ]);
  });

  it('carries each operator’s details, identifiers and child count', () => {
    const scan = flattenPlan(explain).find((row) => row.operator === 'NodeByLabelScan');
    expect(scan).toMatchObject({ details: 'n:Person', identifiers: ['n'], childCount: 0, estimatedRows: 10 });
    expect(flattenPlan(explain).find((row) => row.operator === 'CartesianProduct')?.childCount).toBe(2);
  });

  it('hides the operators under a collapsed one, and marks it collapsed', () => {
    const rows = flattenPlan(explain, new Set(['0.0.0']));
    expect(rows.map((row) => row.operator)).toEqual(['ProduceResults', 'Projection', 'CartesianProduct']);
    expect(rows.at(-1)?.collapsed).toBe(true);
  });

  it('ignores a collapse on an operator without children', () => {
    const rows = flattenPlan(explain, new Set(['0.0.0.0']));
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => !row.collapsed)).toBe(true);
  });

  it('collapses all by the paths of the operators that have children', () => {
    expect(collapsiblePaths(explain)).toEqual(['0', '0.0', '0.0.0', '0.0.0.1']);
    expect(flattenPlan(explain, new Set(collapsiblePaths(explain))).map((row) => row.operator)).toEqual(['ProduceResults']);
  });

  it('toggles one operator open and shut', () => {
    const shut = toggleCollapsed(new Set(), '0.0');
    expect([...shut]).toEqual(['0.0']);
    expect([...toggleCollapsed(shut, '0.0')]).toEqual([]);
  });

  it('sums db hits for PROFILE, and has none for EXPLAIN', () => {
    const profile = op('ProduceResults', [op('NodeByLabelScan', [], { rows: 3, dbHits: 4 })], { rows: 3, dbHits: 0 });
    expect(planTotals(profile)).toEqual({ operators: 2, dbHits: 4 });
    expect(planTotals(explain)).toEqual({ operators: 6 });
    expect(flattenPlan(profile)[1]).toMatchObject({ rows: 3, dbHits: 4 });
  });
});
