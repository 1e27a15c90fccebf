/**
 * Layouts on rings, sized by the nodes' boxes (captions included) rather than by the largest box for
 * every node, as Cytoscape's own do.
 */
import type { LayoutJob, LayoutNode, LayoutPositions } from './layout-engine.ts';
import { BOX_GAP } from './layout-boxes.ts';

/** Angle step (radians) of circleByBoxes's search for where the next box clears the ones before it. */
const CIRCLE_STEP = 0.002;

/**
 * Where `nodes` go on one ring of at least `minRadius` px, in order clockwise from the top: each at the
 * smallest angle past the one before at which its box keeps BOX_GAP px from the two before it, on the
 * smallest radius (found by bisection, to 0.5 px) at which the round closes with no two boxes closer (all
 * pairs checked: O(n²) per step, for at most COMPACT_ABOVE_NODES nodes), nor within it of a box `inside`
 * (at `positions`: the rings already placed). What angle is left over stays
 * between the last node and the first. Boxes side by side at the top and bottom need their widths, boxes
 * stacked at the sides only their heights.
 */
function ring(nodes: readonly LayoutNode[], minRadius: number, inside: readonly LayoutNode[] = [], positions: LayoutPositions = {}): { radius: number; angles: number[] } {
  const top = 1.5 * Math.PI;
  if (nodes.length < 2) return { radius: minRadius, angles: [top] };
  const clear = (a: LayoutNode, b: LayoutNode, from: number, to: number, r: number) =>
    Math.abs(r * (Math.cos(to) - Math.cos(from))) >= (a.width + b.width) / 2 + BOX_GAP ||
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
      const [x, y] = [r * Math.cos(angles[i] as number), r * Math.sin(angles[i] as number)];
      for (const other of inside) {
        const at = positions[other.id] as { x: number; y: number };
        if (Math.abs(x - at.x) < (node.width + other.width) / 2 + BOX_GAP && Math.abs(y - at.y) < (node.height + other.height) / 2 + BOX_GAP) return null;
      }
    }
    return angles;
  };
  // Between the least radius and one at which every box's largest side fits at equal angles.
  const largest = Math.max(...nodes.map((node) => Math.max(node.width, node.height))) + BOX_GAP;
  let [low, high] = [minRadius, minRadius + (largest * nodes.length) / Math.PI];
  for (let i = 0; i < 40 && high - low > 0.5; i++) {
    const middle = (low + high) / 2;
    if (anglesAt(middle)) high = middle;
    else low = middle;
  }
  return { radius: high, angles: anglesAt(high) ?? nodes.map((_, i) => top + (i * 2 * Math.PI) / nodes.length) };
}

/** `nodes` on a ring (ring), into `positions`. */
function place(positions: LayoutPositions, nodes: readonly LayoutNode[], { radius, angles }: { radius: number; angles: number[] }): void {
  nodes.forEach((node, i) => {
    const angle = angles[i] as number;
    positions[node.id] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
}

/**
 * The circle layout sized by the boxes (captions included), in job order (ring). Cytoscape's circle spaces
 * every node by the largest box side × 1.75 instead: one 157 px caption spread the seed's 27 nodes over
 * 2,363 px, its captions drawn at 3 px; here 864 px.
 */
export function circleByBoxes(job: LayoutJob): LayoutPositions {
  const positions: LayoutPositions = {};
  place(positions, job.nodes, job.nodes.length === 1 ? { radius: 0, angles: [0] } : ring(job.nodes, 0));
  return positions;
}

/**
 * The concentric layout sized by the boxes: nodes by degree, hubs in the middle, on rings of degrees
 * within a third of the largest degree of each other (as the Cytoscape options it replaces grouped them),
 * each ring the smallest (ring) that keeps BOX_GAP px clear of the rings inside it. A lone hub sits at the
 * centre. Cytoscape's concentric spaced rings and nodes by the largest box instead: the seed's captions
 * were drawn at 4 px at the zoom that fits it.
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
  const positions: LayoutPositions = {};
  const inside: LayoutNode[] = [];
  let reach = 0; // px from the centre that the rings placed so far take up
  for (const level of levels) {
    const half = Math.max(...level.map((node) => Math.max(node.width, node.height) / 2));
    if (reach === 0 && level.length === 1) {
      place(positions, level, { radius: 0, angles: [0] });
      inside.push(...level);
      reach = half;
      continue;
    }
    const placed = ring(level, reach === 0 ? 0 : reach + half + BOX_GAP, inside, positions);
    place(positions, level, placed);
    inside.push(...level);
    reach = placed.radius + half;
  }
  return positions;
}
