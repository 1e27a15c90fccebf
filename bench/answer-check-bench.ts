/**
 * What checking an API answer against its contract schema costs in the client (client/src/api/answer-check.ts):
 * the largest view (20,000 nodes, 40,000 relationships) checked in full by zod without eval (as the CSP
 * requires) and at its top level only, against parsing its JSON. `npx tsx bench/answer-check-bench.ts`.
 */
import { z } from 'zod';
import { answerProblem } from '../client/src/api/answer-check.ts';
import { GraphSchema } from '../server/src/contract.ts';

z.config({ jitless: true });

const NODES = 20_000;
const RELATIONSHIPS = 40_000;
const nodes = Array.from({ length: NODES }, (_, i) => ({
  id: `n${i}`,
  elementId: `4:bench:${i}`,
  labels: ['Person', 'Actor'],
  properties: { id: `n${i}`, name: `Node ${i}`, aliases: ['a', 'b'], born: { $type: 'Date', value: '2024-01-01' } },
}));
const relationships = Array.from({ length: RELATIONSHIPS }, (_, i) => ({
  id: `r${i}`,
  elementId: `5:bench:${i}`,
  type: 'KNOWS',
  source: `n${i % NODES}`,
  target: `n${(i * 7) % NODES}`,
  properties: { certainty: 'confirmed', quote: 'some words here', sources: ['s1'] },
}));
const text = JSON.stringify({ nodes, relationships });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
function time(work: () => unknown, rounds = 7): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const body: unknown = JSON.parse(text);
const parse = time(() => JSON.parse(text));
const full = time(() => answerProblem(GraphSchema, body, true));
const top = time(() => answerProblem(GraphSchema, body, false), 101);
console.log(`answer of ${NODES.toLocaleString('en')} nodes and ${RELATIONSHIPS.toLocaleString('en')} relationships (${(text.length / 1e6).toFixed(1)} MB of JSON), median ms:`);
console.log(`  JSON.parse            ${parse.toFixed(1)}`);
console.log(`  full check (zod)      ${full.toFixed(1)}`);
console.log(`  top-level check       ${top.toFixed(3)}`);
