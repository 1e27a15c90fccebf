/**
 * Cytoscape's first style pass over a large view, with the small-view and the large-view stylesheets
 * (client/src/graph/stylesheet.ts): `npx tsx bench/style-bench.ts [nodes]` (default 5,000 nodes, 1.5
 * relationships per node). Headless Cytoscape in Node, three rounds each, interleaved; prints ms per round.
 * In the browser the same pass runs on the page's thread before the first frame of a view (the profile
 * of `render-canvas-5000` showed it at ~1.4 s).
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { CERTAINTY_ORDER } from '../client/src/graph/certainty.ts';
import { levelOfDetail } from '../client/src/graph/level-of-detail.ts';
import { seededRandom } from '../client/src/graph/seeded-random.ts';
import { buildStylesheet } from '../client/src/graph/stylesheet.ts';
import { GRAPH_THEMES } from '../client/src/graph/theme.ts';

const nodeCount = Number(process.argv[2] ?? 5_000);
const random = seededRandom(1);
const elements: ElementDefinition[] = [];
for (let i = 0; i < nodeCount; i++) {
  elements.push({ group: 'nodes', data: { id: `n${i}`, caption: `Node number ${i}`, color: '#3b6ea5', shape: 'ellipse', size: 40 }, position: { x: random() * 5_000, y: random() * 5_000 } });
}
for (let i = 0; i < nodeCount * 1.5; i++) {
  const [source, target] = [Math.floor(random() * nodeCount), Math.floor(random() * nodeCount)];
  elements.push({ group: 'edges', data: { id: `e${i}`, source: `n${source}`, target: `n${target}`, type: 'RELATED_TO', certainty: CERTAINTY_ORDER[i % CERTAINTY_ORDER.length] } });
}

console.log(`${nodeCount} nodes, ${elements.length - nodeCount} relationships`);
for (let round = 0; round < 3; round++) {
  for (const [name, detail] of [['small-view rules', levelOfDetail(0)], ['large-view rules', levelOfDetail(Number.MAX_SAFE_INTEGER)]] as const) {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet(GRAPH_THEMES.light, detail) });
    cy.add(elements);
    const start = performance.now();
    cy.elements().forEach((element) => void element.style('width')); // reading a style cleans it: the pass
    cy.elements().boundingBox();
    console.log(`round ${round + 1}\t${name}\t${Math.round(performance.now() - start)} ms`);
    cy.destroy();
  }
}
