/**
 * Cytoscape's own layouts (concentric, hierarchy, circle, grid) know nothing of fixed nodes: run over all
 * of them, they leave a pinned node's slot empty and put others on top of it. Here they lay out only the
 * free nodes, centred on the pins, and then every free node that would cover a fixed one moves straight out
 * from it until it is clear: the arrangement keeps its shape, around the pins.
 */
import type { LayoutJob, LayoutNode, LayoutPositions } from './layout-engine.ts';

/** Space kept between a fixed node and a free one (px). */
export const FIXED_CLEARANCE = 16;

const radius = (node: LayoutNode) => Math.max(node.width, node.height) / 2;

function centreOf(nodes: readonly LayoutNode[], positions?: LayoutPositions): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (const node of nodes) {
    const at = positions?.[node.id] ?? node;
    x += at.x;
    y += at.y;
  }
  return { x: x / nodes.length, y: y / nodes.length };
}

/**
 * Lays out `job` with `layoutFree` (a layout of the free nodes only, with the edges among them) so that the
 * fixed nodes stay where they are and no free node covers one. Without fixed nodes, `layoutFree(job)`.
 */
export function layoutAroundFixed(job: LayoutJob, layoutFree: (job: LayoutJob) => LayoutPositions): LayoutPositions {
  const fixed = job.nodes.filter((node) => node.fixed);
  if (fixed.length === 0) return layoutFree(job);
  const free = job.nodes.filter((node) => !node.fixed);
  const positions: LayoutPositions = {};
  for (const node of fixed) positions[node.id] = { x: node.x, y: node.y };
  if (free.length === 0) return positions;
  const freeIds = new Set(free.map((node) => node.id));
  const arranged = layoutFree({ ...job, nodes: free, edges: job.edges.filter((edge) => freeIds.has(edge.source) && freeIds.has(edge.target)) });
  // The free arrangement is centred on the pins, so they sit inside it, not off to one side. Centred where
  // the drawing was, it depended on the layout before: grid with a pin came out otherwise after circle
  // than after force (new-user trial).
  const pins = centreOf(fixed);
  const now = centreOf(free, arranged);
  for (const node of free) {
    const at = arranged[node.id] ?? node;
    positions[node.id] = { x: at.x - now.x + pins.x, y: at.y - now.y + pins.y };
  }
  return clearOfFixed(positions, job);
}

/**
 * Moves every free node of `job` that lies within FIXED_CLEARANCE of a fixed node's disc straight out from
 * it until it is clear (to the right when exactly on it); `positions` is changed in place and returned.
 * One pass: the force layouts keep nodes apart by themselves and need this only at the pins' edges.
 */
export function clearOfFixed(positions: LayoutPositions, job: LayoutJob): LayoutPositions {
  const fixed = job.nodes.filter((node) => node.fixed);
  if (fixed.length === 0) return positions;
  for (const node of job.nodes) {
    if (node.fixed) continue;
    const at = positions[node.id];
    if (!at) continue;
    for (const pin of fixed) {
      const dx = at.x - pin.x;
      const dy = at.y - pin.y;
      const distance = Math.hypot(dx, dy);
      const needed = radius(node) + radius(pin) + FIXED_CLEARANCE;
      if (distance >= needed) continue;
      const [ux, uy] = distance > 0 ? [dx / distance, dy / distance] : [1, 0];
      at.x = pin.x + ux * needed;
      at.y = pin.y + uy * needed;
    }
  }
  return positions;
}
