/**
 * Layouts on rings, sized by the nodes' boxes (captions included) rather than by the largest box for
 * every node, as Cytoscape's own do, and shaped to the canvas: a ring is an ellipse `aspect` times as wide
 * as it is tall (frame-shape.ts).
 */
import { bestShape, frameAspect, SHAPE_SEARCH_MAX_NODES } from './frame-shape.ts';
import type { LayoutJob, LayoutNode, LayoutPositions } from './layout-engine.ts';
import { BOX_GAP } from './layout-boxes.ts';

/** Angle step (radians) of circleByBoxes's search for where the next box clears the ones before it. */
const CIRCLE_STEP = 0.002;

/**
 * Where `nodes` go on one ring of at least `minRadius` px (its half-height; its half-width is `aspect` times
 * that), in order clockwise from the top: each at the
 * smallest angle past the one before at which its box keeps BOX_GAP px from the two before it, on the
 * smallest radius (found by bisection, to 0.5 px) at which the round closes with no two boxes closer (all
 * pairs checked: O(n²) per step, for at most COMPACT_ABOVE_NODES nodes), nor within it of a box `inside`
 * (at `positions`: the rings already placed). What angle is left over stays
 * between the last node and the first. Boxes side by side at the top and bottom need their widths, boxes
 * stacked at the sides only their heights.
 */
function ring(nodes: readonly LayoutNode[], minRadius: number, aspect: number, inside: readonly LayoutNode[] = [], positions: LayoutPositions = {}): Ring {
  const top = 1.5 * Math.PI;
  if (nodes.length < 2) return { radius: minRadius, aspect, angles: [top] };
  const clear = (a: LayoutNode, b: LayoutNode, from: number, to: number, r: number) =>
    Math.abs(aspect * r * (Math.cos(to) - Math.cos(from))) >= (a.width + b.width) / 2 + BOX_GAP ||
    Math.abs(r * (Math.sin(to) - Math.sin(from))) >= (a.height + b.height) / 2 + BOX_GAP;
  const anglesAt = (r: number): number[] | null => {
    const angles = [top];
    for (let k = 1; k < nodes.length; k++) {
      const [node, before, second] = [nodes[k], nodes[k - 1], nodes[k - 2]] as LayoutNode[];
      let angle = angles[k - 1] as number;
      while (!clear(before as LayoutNode, node as LayoutNode, angles[k - 1] as number, angle, r) || (second && !clear(second, node as LayoutNode, angles[k - 2] as number, angle, r))) {
        angle += CIRCLE_STEP;
        if (angle >= top + 2 * Math.PI) return null;
      }
      angles.push(angle);
    }
    // The greedy steps look two boxes back; a wide box can still reach further, or round to the first.
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) if (!clear(nodes[i] as LayoutNode, nodes[j] as LayoutNode, angles[i] as number, angles[j] as number, r)) return null;
    }
    // Nor over a box of the rings inside, which a diagonal can reach.
    for (const [i, node] of nodes.entries()) {
      const [x, y] = [aspect * r * Math.cos(angles[i] as number), r * Math.sin(angles[i] as number)];
      for (const other of inside) {
        const at = positions[other.id] as { x: number; y: number };
        if (Math.abs(x - at.x) < (node.width + other.width) / 2 + BOX_GAP && Math.abs(y - at.y) < (node.height + other.height) / 2 + BOX_GAP) return null;
      }
    }
    return angles;
  };
  // Between the least radius and one at which every box's largest side fits at equal angles.
  const largest = Math.max(...nodes.map((node) => Math.max(node.width, node.height))) + BOX_GAP;
  let [low, high] = [minRadius, minRadius + (largest * nodes.length) / Math.PI / Math.min(1, aspect)];
  for (let i = 0; i < 40 && high - low > 0.5; i++) {
    const middle = (low + high) / 2;
    if (anglesAt(middle)) high = middle;
    else low = middle;
  }
  return { radius: high, aspect, angles: anglesAt(high) ?? nodes.map((_, i) => top + (i * 2 * Math.PI) / nodes.length) };
}

/** A ring: its half-height (px), its width over its height, and each node's angle (radians). */
interface Ring {
  radius: number;
  aspect: number;
  angles: number[];
}

/** `nodes` on a ring (ring), into `positions`. */
function place(positions: LayoutPositions, nodes: readonly LayoutNode[], { radius, aspect, angles }: Ring): void {
  nodes.forEach((node, i) => {
    const angle = angles[i] as number;
    positions[node.id] = { x: aspect * radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
}

/**
 * Ring proportions tried (times the canvas's width over height), the canvas's own first: wide captions
 * stack more tightly down a ring's sides than along its top, so a ring narrower than the canvas can fit it
 * at a larger zoom.
 */
const ASPECT_FACTORS = [1, 0.85, 0.7, 0.55, 0.4, 1.2];

/** The ring shapes (width over height) tried for `job`: ASPECT_FACTORS up to SHAPE_SEARCH_MAX_NODES, else the canvas's. */
function ringAspects(job: LayoutJob): number[] {
  const aspect = frameAspect(job);
  return job.frame && job.nodes.length <= SHAPE_SEARCH_MAX_NODES ? ASPECT_FACTORS.map((factor) => aspect * factor) : [aspect];
}

/** A ring's shape: its width over its height, and whether the widest boxes go to its sides (sidesFirst). */
interface RingShape {
  aspect: number;
  sidesFirst: boolean;
}

/** The shapes tried for `job`: each of ringAspects in job order, and, up to SHAPE_SEARCH_MAX_NODES, with the widest boxes at the sides. */
function ringShapes(job: LayoutJob): RingShape[] {
  const aspects = ringAspects(job);
  const orders = job.frame && job.nodes.length <= SHAPE_SEARCH_MAX_NODES ? [false, true] : [false];
  return orders.flatMap((sidesFirst) => aspects.map((aspect) => ({ aspect, sidesFirst })));
}

/**
 * `nodes` in the order that puts the widest boxes where a ring (from the top, clockwise, about evenly)
 * reaches its sides and the narrowest at its top and bottom: down a side boxes stack by their heights,
 * along the top they sit side by side by their widths, so wide captions there make the ring larger.
 */
function sidesFirst(nodes: readonly LayoutNode[]): LayoutNode[] {
  const sideness = (slot: number) => Math.abs(Math.sin((2 * Math.PI * slot) / nodes.length)); // 0 at the top and bottom
  const slots = nodes.map((_, slot) => slot).sort((a, b) => sideness(b) - sideness(a) || a - b);
  const widest = [...nodes].sort((a, b) => b.width - a.width || (a.id < b.id ? -1 : 1));
  const order: LayoutNode[] = new Array(nodes.length);
  slots.forEach((slot, k) => (order[slot] = widest[k] as LayoutNode));
  return order;
}

/**
 * The circle layout sized by the boxes (captions included), in job order (ring), in the shape the canvas
 * fits at the largest zoom (bestShape). Cytoscape's circle spaces every node by the largest box side × 1.75
 * instead: one 157 px caption spread the seed's 27 nodes over 2,363 px, its captions drawn at 3 px; here
 * 864 px as a circle.
 */
export function circleByBoxes(job: LayoutJob): LayoutPositions {
  return bestShape(job, ringShapes(job), ({ aspect, sidesFirst: sides }) => {
    const positions: LayoutPositions = {};
    const nodes = sides ? sidesFirst(job.nodes) : job.nodes;
    place(positions, nodes, nodes.length === 1 ? { radius: 0, aspect, angles: [0] } : ring(nodes, 0, aspect));
    return positions;
  });
}

/**
 * The concentric layout sized by the boxes: nodes by degree, hubs in the middle, on rings of degrees
 * within a third of the largest degree of each other (as the Cytoscape options it replaces grouped them),
 * each ring the smallest (ring) that keeps BOX_GAP px clear of the rings inside it. A lone hub sits at the
 * centre. Every ring has the same shape, the one the canvas fits at the largest zoom (bestShape).
 * Cytoscape's concentric spaced rings and nodes by the largest box instead: the seed's captions were drawn
 * at 4 px at the zoom that fits it.
 */
export function concentricByBoxes(job: LayoutJob): LayoutPositions {
  const degree = new Map(job.nodes.map((node) => [node.id, 0]));
  for (const edge of job.edges) {
    if (!degree.has(edge.source) || !degree.has(edge.target)) continue;
    degree.set(edge.source, (degree.get(edge.source) as number) + 1);
    degree.set(edge.target, (degree.get(edge.target) as number) + 1);
  }
  const of = (node: LayoutNode) => degree.get(node.id) as number;
  const sorted = [...job.nodes].sort((a, b) => of(b) - of(a));
  const width = Math.max(1, of(sorted[0] as LayoutNode) / 3);
  const levels: LayoutNode[][] = [];
  for (const node of sorted) {
    const level = levels.at(-1);
    if (level && of(level[0] as LayoutNode) - of(node) < width) level.push(node);
    else levels.push([node]);
  }
  return bestShape(job, ringShapes(job), ({ aspect, sidesFirst: sides }) => {
    const positions: LayoutPositions = {};
    const inside: LayoutNode[] = [];
    let reach = 0; // px from the centre that the rings placed so far take up, up and down
    for (const ordered of levels) {
      const level = sides ? sidesFirst(ordered) : ordered;
      const half = Math.max(...level.map((node) => Math.max(node.width, node.height) / 2));
      if (reach === 0 && level.length === 1) {
        place(positions, level, { radius: 0, aspect, angles: [0] });
        inside.push(...level);
        reach = half;
        continue;
      }
      const placed = ring(level, reach === 0 ? 0 : reach + half + BOX_GAP, aspect, inside, positions);
      place(positions, level, placed);
      inside.push(...level);
      reach = placed.radius + half;
    }
    return positions;
  });
}
