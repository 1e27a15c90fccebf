/**
 * Layouts on rings, sized by the nodes' boxes (captions included) rather than by the largest box for
 * every node, as Cytoscape's own do.
 */
import type { LayoutJob, LayoutNode, LayoutPositions } from './layout-engine.ts';
import { BOX_GAP } from './layout-boxes.ts';

/** Angle step (radians) of circleByBoxes's search for where the next box clears the ones before it. */
const CIRCLE_STEP = 0.002;

/**
 * The circle layout sized by the boxes (captions included): nodes in job order clockwise from the top,
 * each at the smallest angle past the one before at which its box keeps BOX_GAP px from the two before
 * it, on the smallest radius (px, found by bisection) at which the round closes with no two boxes closer
 * (all pairs checked: O(n²) per step, for at most COMPACT_ABOVE_NODES nodes); what angle is left over
 * (under the bisection's 0.5 px of radius) stays between the last node and the first. Boxes side by side at the top and bottom need their widths, boxes stacked at the
 * sides only their heights. Cytoscape's circle spaces every node by the largest box side × 1.75 instead:
 * one 157 px caption spread the seed's 27 nodes over 2,363 px, its captions drawn at 3 px; here 864 px.
 */
export function circleByBoxes(job: LayoutJob): LayoutPositions {
  const nodes = job.nodes;
  if (nodes.length === 1) return { [(nodes[0] as LayoutNode).id]: { x: 0, y: 0 } };
  const clear = (a: LayoutNode, b: LayoutNode, from: number, to: number, r: number) =>
    Math.abs(r * (Math.cos(to) - Math.cos(from))) >= (a.width + b.width) / 2 + BOX_GAP ||
    Math.abs(r * (Math.sin(to) - Math.sin(from))) >= (a.height + b.height) / 2 + BOX_GAP;
  const top = 1.5 * Math.PI;
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
    return angles;
  };
  // Between a radius too small for any box and one at which every box's largest side fits at equal angles.
  const largest = Math.max(...nodes.map((node) => Math.max(node.width, node.height))) + BOX_GAP;
  let [low, high] = [0, (largest * nodes.length) / Math.PI];
  for (let i = 0; i < 40 && high - low > 0.5; i++) {
    const middle = (low + high) / 2;
    if (anglesAt(middle)) high = middle;
    else low = middle;
  }
  const angles = anglesAt(high) ?? nodes.map((_, i) => top + (i * 2 * Math.PI) / nodes.length);
  const positions: LayoutPositions = {};
  nodes.forEach((node, i) => {
    const angle = angles[i] as number;
    positions[node.id] = { x: high * Math.cos(angle), y: high * Math.sin(angle) };
  });
  return positions;
}
