/**
 * Layouts place boxes, not points: a node's box holds its caption, below it, so the box's centre is
 * offset from the node's position (LayoutNode's offsetX, offsetY). The engine lays out the boxes and
 * returns node positions; the force layout then removes the overlaps its forces leave (overlap-removal.ts).
 */
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
 * resort, when some remain, moves each free box still over another to the nearest clear spot (parkClear).
 */
export function withoutOverlaps(centres: LayoutPositions, job: LayoutJob): LayoutPositions {
  let boxes: OverlapBox[] = job.nodes.map((node) => ({ ...(centres[node.id] ?? node), width: node.width, height: node.height, fixed: node.fixed ?? false }));
  for (let round = 0; round < OVERLAP_ROUNDS; round++) {
    const moved = removeOverlaps(boxes, BOX_GAP);
    boxes = boxes.map((box, i) => ({ ...box, ...(moved[i] as { x: number; y: number }) }));
    if (!boxes.some((box) => box.fixed) || !anyOverlap(boxes)) break;
  }
  if (anyOverlap(boxes)) boxes = parkClear(boxes, BOX_GAP);
  const result: LayoutPositions = {};
  job.nodes.forEach((node, i) => (result[node.id] = { x: (boxes[i] as OverlapBox).x, y: (boxes[i] as OverlapBox).y }));
  return result;
}

/** Rounds of overlap removal at most (withoutOverlaps). */
const OVERLAP_ROUNDS = 4;
/** Spots a box over another tries, on a spiral out from where it is, `gap` px apart (parkClear). */
const PARK_TRIES = 3_000;

/**
 * The last resort of withoutOverlaps: fixed boxes stay; each free box, in turn, stays where it is if it is
 * `gap` px clear of the boxes kept so far, else goes to the first spot that is, on a spiral out from where
 * it was. With four pins, three close together, the removal left force and concentric drawings with boxes
 * over one another (new-user trial), and pushing them off the pins' discs alone did not clear them.
 * O(n² · tries) at worst: for the ≤ FCOSE_MAX_NODES views it runs on, and only while overlaps remain.
 */
function parkClear(boxes: readonly OverlapBox[], gap: number): OverlapBox[] {
  const clash = (a: OverlapBox, b: OverlapBox) =>
    Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap - 0.01 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + gap - 0.01;
  const kept: OverlapBox[] = boxes.filter((box) => box.fixed);
  const golden = Math.PI * (3 - Math.sqrt(5));
  return boxes.map((box) => {
    if (box.fixed) return box;
    let spot = box;
    for (let k = 1; k <= PARK_TRIES && kept.some((other) => clash(spot, other)); k++) {
      const r = gap * Math.sqrt(k) * 2;
      spot = { ...box, x: box.x + r * Math.cos(k * golden), y: box.y + r * Math.sin(k * golden) };
    }
    kept.push(spot);
    return spot;
  });
}

/** Whether any two of `boxes` overlap (by more than rounding): O(n²), for the ≤ FCOSE_MAX_NODES of fcose. */
function anyOverlap(boxes: readonly OverlapBox[]): boolean {
  return boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => Math.abs(a.x - b.x) < (a.width + b.width) / 2 - 0.01 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 - 0.01),
  );
}
