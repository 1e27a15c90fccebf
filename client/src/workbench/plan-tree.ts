/**
 * The EXPLAIN / PROFILE plan as rows of a collapsible tree: a pre-order walk where each operator has a
 * path (`0`, `0.1`, `0.1.0`: child indexes from the root), its depth, and whether its children are shown.
 */
import type { CypherPlan, JsonValue } from '../../../server/src/contract.ts';

export interface PlanRow {
  /** Child indexes from the root, joined by dots; the root is `0`. Stable for one plan. */
  path: string;
  depth: number;
  /** Operator name without Neo4j's runtime suffix (`NodeByLabelScan@neo4j` → `NodeByLabelScan`). */
  operator: string;
  /** Neo4j's `Details` argument (`n:Person`, the predicate, …), when it has one. */
  details: string | null;
  identifiers: readonly string[];
  estimatedRows: number;
  /** PROFILE only. */
  rows?: number;
  dbHits?: number;
  childCount: number;
  collapsed: boolean;
}

export function operatorName(operator: string): string {
  return operator.replace(/@\w+$/, '');
}

function detailsOf(argumentsMap: Record<string, JsonValue> | undefined): string | null {
  const details = argumentsMap?.Details ?? argumentsMap?.details;
  return typeof details === 'string' && details.trim() !== '' ? details : null;
}

/** The rows to show: every operator, except the descendants of the collapsed ones (given by path). */
export function flattenPlan(plan: CypherPlan, collapsed: ReadonlySet<string> = new Set()): PlanRow[] {
  const rows: PlanRow[] = [];
  const visit = (node: CypherPlan, path: string, depth: number) => {
    const isCollapsed = collapsed.has(path) && node.children.length > 0;
    rows.push({
      path,
      depth,
      operator: operatorName(node.operator),
      details: detailsOf(node.arguments),
      identifiers: node.identifiers ?? [],
      estimatedRows: node.estimatedRows,
      ...(node.rows !== undefined ? { rows: node.rows } : {}),
      ...(node.dbHits !== undefined ? { dbHits: node.dbHits } : {}),
      childCount: node.children.length,
      collapsed: isCollapsed,
    });
    if (isCollapsed) return;
    node.children.forEach((child, index) => visit(child, `${path}.${index}`, depth + 1));
  };
  visit(plan, '0', 0);
  return rows;
}

/** Paths of every operator that has children: what "collapse all" collapses. */
export function collapsiblePaths(plan: CypherPlan): string[] {
  return flattenPlan(plan)
    .filter((row) => row.childCount > 0)
    .map((row) => row.path);
}

/** Totals over the whole plan: operators, and for PROFILE the sum of db hits. */
export function planTotals(plan: CypherPlan): { operators: number; dbHits?: number } {
  const rows = flattenPlan(plan);
  const profiled = rows.some((row) => row.dbHits !== undefined);
  const dbHits = rows.reduce((sum, row) => sum + (row.dbHits ?? 0), 0);
  return profiled ? { operators: rows.length, dbHits } : { operators: rows.length };
}

/** Toggles one operator's children. */
export function toggleCollapsed(collapsed: ReadonlySet<string>, path: string): Set<string> {
  const next = new Set(collapsed);
  if (!next.delete(path)) next.add(path);
  return next;
}
