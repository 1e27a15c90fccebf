/**
 * Compact variants of Cytoscape's layouts for large views, where spreading nodes as for a small view puts
 * them hundreds of thousands of px apart.
 */
import type { LayoutOptions, NodeCollection } from 'cytoscape';
import { levelsOf } from './hierarchy-layout.ts';
import type { LayoutJob, LayoutPositions } from './layout-engine.ts';

/** Views with more nodes than this get the compact variants of Cytoscape's layouts (COMPACT_LAYOUTS). */
export const COMPACT_ABOVE_NODES = 1_000;

/**
 * Compact variants for large views. Spread as for a small view, 20,000 nodes on a circle or on three rings
 * span ~450,000-570,000 px: the fit zoom falls to ~0.002, where Cytoscape's layer textures grow huge and
 * one frame took a minute (found by a new-user trial). Here nodes may touch: at the zoom such a view is
 * read at, the shape is what shows, not a node.
 */
export const COMPACT_LAYOUTS: Record<string, (nodeCount: number) => Partial<LayoutOptions>> = {
  // About the force layout's extent across (70 px × √count): 20,000 nodes at 10 px of circumference each
  // spanned 63,873 px and a frame took 30-44 s (new-user trial).
  circle: (nodeCount) => ({ radius: compactSpan(nodeCount) / 2, avoidOverlap: false }) as Partial<LayoutOptions>,
  // Ten rings by degree, spread to about the force layout's extent (70 px × √count across).
  concentric: (nodeCount) =>
    ({
      avoidOverlap: false,
      minNodeSpacing: 60,
      levelWidth: (nodes: NodeCollection) => Math.max(1, nodes.maxDegree(false) / 10),
      spacingFactor: (70 * Math.sqrt(nodeCount)) / 800, // ten rings without spreading span ~800 px
    }) as Partial<LayoutOptions>,
};

/** px across that a compact layout of `nodeCount` nodes spans: the force layout's extent (force-atlas.ts). */
function compactSpan(nodeCount: number): number {
  return 70 * Math.sqrt(nodeCount);
}

/** Gaps in px of a compact hierarchy: between nodes of a row, between the rows of one level, between levels. */
const COMPACT_HIERARCHY = { node: 20, row: 24, level: 160 } as const;

/**
 * A compact hierarchy: Cytoscape's breadthfirst puts each level on one row, so a level of 19,000 nodes
 * spanned 549,907 px and froze the page (new-user trial). Here each level keeps its order (breadthfirst's,
 * left to right) and wraps into rows of compactSpan px, levels top to bottom as before.
 */
export function wrapLevels(positions: LayoutPositions, job: LayoutJob): LayoutPositions {
  const perRow = Math.max(1, Math.floor(compactSpan(job.nodes.length) / COMPACT_HIERARCHY.node));
  const wrapped: LayoutPositions = { ...positions };
  let top = 0;
  for (const nodes of levelsOf(positions, job)) {
    const rows = Math.ceil(nodes.length / perRow);
    const width = Math.min(nodes.length, perRow) * COMPACT_HIERARCHY.node;
    nodes.forEach((node, i) => {
      wrapped[node.id] = { x: (i % perRow) * COMPACT_HIERARCHY.node - width / 2, y: top + Math.floor(i / perRow) * COMPACT_HIERARCHY.row };
    });
    top += (rows - 1) * COMPACT_HIERARCHY.row + COMPACT_HIERARCHY.level;
  }
  return wrapped;
}
