/**
 * Hierarchy layouts' levels, as Cytoscape's breadthfirst places them.
 */
import type { LayoutJob, LayoutNode, LayoutPositions } from './layout-engine.ts';

/**
 * The free nodes of `job` by level, top level first, each level in `positions`' order left to right (ties
 * by id): a level is the nodes at one y (rounded), as breadthfirst places them.
 */
export function levelsOf(positions: LayoutPositions, job: LayoutJob): LayoutNode[][] {
  const levels = new Map<number, LayoutNode[]>();
  for (const node of job.nodes) {
    if (node.fixed) continue;
    const y = Math.round((positions[node.id] as { y: number }).y);
    levels.set(y, [...(levels.get(y) ?? []), node]);
  }
  const x = (node: LayoutNode) => (positions[node.id] as { x: number }).x;
  return [...levels]
    .sort(([a], [b]) => a - b)
    .map(([, nodes]) => nodes.sort((a, b) => x(a) - x(b) || (a.id < b.id ? -1 : 1)));
}
