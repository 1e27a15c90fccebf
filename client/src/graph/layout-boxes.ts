/**
 * Layouts place boxes, not points: a node's box holds its caption, below it, so the box's centre is
 * offset from the node's position (LayoutNode's offsetX, offsetY). The engine lays out the boxes and
 * returns node positions; the force layout then removes the overlaps its forces leave (overlap-removal.ts).
 */
import { clearOfFixed } from './around-fixed.ts';
import type { LayoutJob, LayoutPositions } from './layout-engine.ts';
import { removeOverlaps, type OverlapBox } from './overlap-removal.ts';

/** Least space (px) the layouts leave between two nodes' boxes, captions included. */
export const BOX_GAP = 8;

/** The job with each node standing for its box: at the box's centre. */
export function boxJob(job: LayoutJob): LayoutJob {
  if (!job.nodes.some((node) => node.offsetX || node.offsetY)) return job;
  return { ...job, nodes: job.nodes.map((node) => ({ ...node, x: node.x + (node.offsetX ?? 0), y: node.y + (node.offsetY ?? 0) })) };
}

/** Node positions from box centres (boxJob's inverse); fixed nodes exactly where they were. */
export function nodePositions(centres: LayoutPositions, job: LayoutJob): LayoutPositions {
  const positions: LayoutPositions = {};
  for (const node of job.nodes) {
    const centre = centres[node.id];
    if (!centre) continue;
    positions[node.id] = node.fixed ? { x: node.x, y: node.y } : { x: centre.x - (node.offsetX ?? 0), y: centre.y - (node.offsetY ?? 0) };
  }
  return positions;
}

/**
 * `centres` with no two boxes of `job` closer than BOX_GAP (overlap-removal.ts); fixed nodes stay. A
 * free node squeezed between fixed ones can lack room along the axis the removal chose, so it runs again
 * from its own result (then along the other axis) while overlaps remain, a few times at most; the last
 * resort, when some remain, pushes free nodes off the fixed ones as for ForceAtlas2 (clearOfFixed).
 */
export function withoutOverlaps(centres: LayoutPositions, job: LayoutJob): LayoutPositions {
  let boxes = job.nodes.map((node) => ({ ...(centres[node.id] ?? node), width: node.width, height: node.height, fixed: node.fixed ?? false }));
  for (let round = 0; round < OVERLAP_ROUNDS; round++) {
    const moved = removeOverlaps(boxes, BOX_GAP);
    boxes = boxes.map((box, i) => ({ ...box, ...(moved[i] as { x: number; y: number }) }));
    if (!boxes.some((box) => box.fixed) || !anyOverlap(boxes)) break;
  }
  const result: LayoutPositions = {};
  job.nodes.forEach((node, i) => (result[node.id] = { x: (boxes[i] as OverlapBox).x, y: (boxes[i] as OverlapBox).y }));
  return anyOverlap(boxes) ? clearOfFixed(result, job) : result;
}

/** Rounds of overlap removal at most (withoutOverlaps). */
const OVERLAP_ROUNDS = 4;

/** Whether any two of `boxes` overlap (by more than rounding): O(n²), for the ≤ FCOSE_MAX_NODES of fcose. */
function anyOverlap(boxes: readonly OverlapBox[]): boolean {
  return boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => Math.abs(a.x - b.x) < (a.width + b.width) / 2 - 0.01 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 - 0.01),
  );
}
