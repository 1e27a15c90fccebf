/**
 * The hierarchy of a small view shaped to the canvas. Cytoscape's breadthfirst gives the levels and their
 * order, and puts each level on one row spaced by the largest box: the seed's drawing came out about three
 * times as wide as tall, its captions drawn at 5 px in a 1024×700 window (new-user trial). Here each
 * level wraps into rows, boxes packed side by side, no wider than the width the canvas fits at the largest
 * zoom (frame-shape.ts).
 */
import { bestShape } from './frame-shape.ts';
import type { LayoutJob, LayoutNode, LayoutPositions } from './layout-engine.ts';
import { BOX_GAP } from './layout-boxes.ts';

/** Gaps in px: between boxes of a row, between the rows of one level, between levels (room for the relationships). */
export const HIERARCHY_GAPS = { box: 2 * BOX_GAP, row: BOX_GAP, level: 5 * BOX_GAP } as const;

/** Row widths tried, between the widest box and the widest level on one row. */
const ROW_WIDTH_STEPS = 24;

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

/**
 * `levels` in rows no wider than `rowWidth` px (a box wider than that has a row of its own): rows centred on
 * x = 0, each box's centre; levels top to bottom from y = 0.
 */
function wrapped(levels: readonly LayoutNode[][], rowWidth: number): LayoutPositions {
  const positions: LayoutPositions = {};
  let top = 0;
  for (const level of levels) {
    const rows: LayoutNode[][] = [];
    let width = Infinity;
    for (const node of level) {
      const row = rows.at(-1);
      if (row && width + HIERARCHY_GAPS.box + node.width <= rowWidth) {
        row.push(node);
        width += HIERARCHY_GAPS.box + node.width;
      } else {
        rows.push([node]);
        width = node.width;
      }
    }
    for (const row of rows) {
      const height = Math.max(...row.map((node) => node.height));
      let x = -(row.reduce((sum, node) => sum + node.width, 0) + HIERARCHY_GAPS.box * (row.length - 1)) / 2;
      for (const node of row) {
        positions[node.id] = { x: x + node.width / 2, y: top + height / 2 };
        x += node.width + HIERARCHY_GAPS.box;
      }
      top += height + HIERARCHY_GAPS.row;
    }
    top += HIERARCHY_GAPS.level - HIERARCHY_GAPS.row;
  }
  return positions;
}

/**
 * The hierarchy of `job` from breadthfirst's `positions` (levels and order, levelsOf), each level wrapped
 * into rows of the width, among ROW_WIDTH_STEPS from the widest box to the widest level, that the job's
 * frame fits at the largest zoom (the widest, on one row a level, without a frame).
 */
export function hierarchyToFrame(positions: LayoutPositions, job: LayoutJob): LayoutPositions {
  const levels = levelsOf(positions, job);
  const rowOf = (nodes: readonly LayoutNode[]) => nodes.reduce((sum, node) => sum + node.width, 0) + HIERARCHY_GAPS.box * Math.max(0, nodes.length - 1);
  const widest = Math.max(0, ...levels.map(rowOf));
  const narrowest = Math.max(0, ...job.nodes.map((node) => node.width));
  const widths = Array.from({ length: ROW_WIDTH_STEPS }, (_, i) => widest - ((widest - narrowest) * i) / (ROW_WIDTH_STEPS - 1));
  return bestShape(job, widths, (width) => wrapped(levels, width));
}
