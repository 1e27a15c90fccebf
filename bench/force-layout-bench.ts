/**
 * The force layout's speed against its quality, in Node, for choosing ForceAtlas2's settings
 * (client/src/graph/force-atlas.ts): `npx tsx bench/force-layout-bench.ts`. For each size and Barnes-Hut
 * theta it prints the time (ms) of the iterations force-atlas.ts runs and a quality figure: the mean edge
 * length divided by the mean distance between random pairs of nodes (lower: neighbours drawn closer
 * together than strangers). Graphs are random, 1.5 edges per node with a skew towards hubs, seeded.
 * The in-browser figures (`layout-force-*`) are in `npm run bench`.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { forceIterations } from '../client/src/graph/force-atlas.ts';
import { seededRandom } from '../client/src/graph/seeded-random.ts';

function randomGraph(nodeCount: number): Graph {
  const random = seededRandom(42);
  const graph = new Graph({ type: 'undirected', multi: true });
  const spread = 70 * Math.sqrt(nodeCount);
  for (let i = 0; i < nodeCount; i++) graph.addNode(`n${i}`, { x: (random() - 0.5) * spread, y: (random() - 0.5) * spread });
  for (let i = 0; i < nodeCount * 1.5; i++) {
    const [a, b] = [Math.floor(random() * nodeCount), Math.floor(random() ** 2 * nodeCount)];
    if (a !== b) graph.addEdge(`n${a}`, `n${b}`);
  }
  return graph;
}

function edgeToPairRatio(graph: Graph): number {
  let [edgeLength, edges] = [0, 0];
  graph.forEachEdge((_edge, _attributes, _source, _target, s, t) => {
    edgeLength += Math.hypot(s.x - t.x, s.y - t.y);
    edges++;
  });
  const nodes = graph.nodes();
  const random = seededRandom(3);
  const pairs = 5_000;
  let pairDistance = 0;
  for (let i = 0; i < pairs; i++) {
    const a = graph.getNodeAttributes(nodes[Math.floor(random() * nodes.length)]);
    const b = graph.getNodeAttributes(nodes[Math.floor(random() * nodes.length)]);
    pairDistance += Math.hypot(a.x - b.x, a.y - b.y);
  }
  return edgeLength / edges / (pairDistance / pairs);
}

console.log('nodes\ttheta\titerations\tms\tedge/pair');
for (const nodeCount of [1_000, 5_000, 20_000]) {
  for (const theta of [0.5, 1.2]) {
    const graph = randomGraph(nodeCount);
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true, barnesHutTheta: theta };
    const iterations = forceIterations(nodeCount);
    const start = performance.now();
    forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
    const ms = Math.round(performance.now() - start);
    console.log(`${nodeCount}\t${theta}\t${iterations}\t${ms}\t${edgeToPairRatio(graph).toFixed(3)}`);
  }
}
