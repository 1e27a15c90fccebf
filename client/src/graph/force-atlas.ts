/**
 * The force layout for views above FCOSE_MAX_NODES (layout-engine.ts): graphology's ForceAtlas2 with
 * Barnes-Hut, run in fixed-size chunks so that it reports progress.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutJob, LayoutPositions, LayoutProgress } from './layout-engine.ts';

/**
 * ForceAtlas2 iterations by node count: fixed, so the result is the same on any machine. Fewer as graphs
 * grow, where each iteration costs more and the drawing is read as a whole rather than node by node.
 * Measured per iteration with Barnes-Hut at BARNES_HUT_THETA, in Node on this machine: ~2 ms at 1,000 nodes,
 * ~13 ms at 5,000, ~53 ms at 20,000 (about twice that in Chromium's worker).
 */
export function forceIterations(nodeCount: number): number {
  if (nodeCount <= 1_000) return 300;
  if (nodeCount <= 5_000) return 100;
  return 40;
}

/**
 * Room per node, px: a ForceAtlas2 drawing (in its own, arbitrary units) is scaled so that its bounding box
 * gives each node a square this wide, about two node diameters.
 */
const FA2_NODE_SPACING = 70;
/**
 * Barnes-Hut's accuracy: a cell of the quadtree stands for its nodes when its size / distance is below
 * this. 1.2 is the default of Gephi's and of Jacomy's own sigma.js ForceAtlas2 (graphology defaults to 0.5).
 * Measured with `npx tsx bench/force-layout-bench.ts` (random graphs, 1.5 edges per node):
 * 2.3-2.9 times faster than 0.5 at 1,000-20,000 nodes, with the same mean edge length relative to the
 * mean distance between nodes to three decimals.
 */
const BARNES_HUT_THETA = 1.2;
/** Iterations between two progress reports. */
const FA2_CHUNK = 5;

/**
 * ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6): e98679) with graphology's settings inferred from the size,
 * Barnes-Hut above 500 nodes (at Gephi's accuracy, BARNES_HUT_THETA) and strong gravity, which keeps the many small components of a query result
 * together. A scratch drawing starts from seeded random positions and is scaled to FA2_NODE_SPACING; with
 * fixed nodes or from given positions it keeps their frame and is not scaled.
 */
export function forceAtlasLayout(job: LayoutJob, onProgress: LayoutProgress): LayoutPositions {
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  const anyFixed = job.nodes.some((node) => node.fixed);
  const spread = Math.sqrt(job.nodes.length) * FA2_NODE_SPACING;
  for (const node of job.nodes) {
    const keep = node.fixed || job.start === 'given';
    graph.addNode(node.id, {
      x: keep ? node.x : (Math.random() - 0.5) * spread,
      y: keep ? node.y : (Math.random() - 0.5) * spread,
      fixed: node.fixed === true,
    });
  }
  for (const edge of job.edges) {
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target);
  }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, barnesHutTheta: BARNES_HUT_THETA };
  const iterations = forceIterations(graph.order);
  for (let done = 0; done < iterations; done += FA2_CHUNK) {
    forceAtlas2.assign(graph, { iterations: Math.min(FA2_CHUNK, iterations - done), settings, getEdgeWeight: null });
    onProgress((done + FA2_CHUNK) / iterations);
  }
  const positions: LayoutPositions = {};
  graph.forEachNode((id, attributes) => {
    positions[id] = { x: attributes.x as number, y: attributes.y as number };
  });
  if (!anyFixed && job.start === 'scratch') scaleToSpacing(positions, FA2_NODE_SPACING);
  return positions;
}

/** Scales `positions` about their centre so that their bounding box's longer side is `spacing` × √count. */
function scaleToSpacing(positions: LayoutPositions, spacing: number): void {
  const all = Object.values(positions);
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of all) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  const side = Math.max(x2 - x1, y2 - y1);
  if (!(side > 0) || !Number.isFinite(side)) return;
  const factor = (spacing * Math.sqrt(all.length)) / side;
  const [cx, cy] = [(x1 + x2) / 2, (y1 + y2) / 2];
  for (const p of all) {
    p.x = cx + (p.x - cx) * factor;
    p.y = cy + (p.y - cy) * factor;
  }
}
