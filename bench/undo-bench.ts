/**
 * `npm run bench:undo`: what the explorer's undo history costs in memory and time on big views. The view
 * is immutable and every change records the view before it (client/src/state/history.ts, 100 steps), so
 * the cost is whatever a change copies: the node and relationship maps (the elements themselves are
 * shared) and the positions the canvas reports after each change. Drives the real reducer, as the app
 * does: an expansion of 10 new neighbours, then the positions the canvas settles on, 100 times over.
 * Writes bench/UNDO-RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { GraphNode, GraphRelationship } from '../server/src/contract.ts';
import { explorerReducer, historyCap, initialState, type ExplorerAction, type ExplorerState } from '../client/src/state/explorer-state.ts';
import { DEFAULT_HISTORY_CAP } from '../client/src/state/history.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Nodes in view before the changes; each has two relationships. */
const SIZES = [1_000, 5_000, 20_000];
const CHANGES = DEFAULT_HISTORY_CAP;
const ADDED_PER_CHANGE = 10;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const log = (line: string) => console.error(`[bench] ${line}`);

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function node(id: string): GraphNode {
  return {
    id,
    elementId: `4:bench:${id}`,
    labels: ['Actor', 'Organisation'],
    properties: { id, name: `Organisation ${id}`, description: `A generated organisation, ${id}, with a description of about a hundred characters.` },
  };
}

function rel(source: string, target: string, n: number): GraphRelationship {
  const id = `${source}--REPORTED--${target}-${n}`;
  return {
    id,
    elementId: `5:bench:${id}`,
    type: 'REPORTED',
    source,
    target,
    properties: { id, certainty: 'reported', sources: ['article'], quote: `A quote of some sixty characters that supports ${id}.` },
  };
}

/** Every node's position, in fresh objects as the canvas reports them; nodes already in view keep theirs. */
function positionsOf(state: ExplorerState): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  let i = 0;
  for (const id of state.graph.nodes.keys()) positions[id] = { x: (i % 200) * 40, y: Math.floor(i++ / 200) * 40 };
  return positions;
}

/** A view of `size` nodes in a ring with chords (two relationships each), laid out. */
function bigView(size: number): ExplorerState {
  const nodes = Array.from({ length: size }, (_, i) => node(`n${i}`));
  const relationships = nodes.flatMap((n, i) => [rel(n.id, `n${(i + 1) % size}`, 0), rel(n.id, `n${(i + 7) % size}`, 1)]);
  const loaded = explorerReducer(initialState(), { type: 'overviewLoaded', graph: { nodes, relationships }, positions: {} });
  return explorerReducer(loaded, { type: 'positionsSettled', positions: positionsOf(loaded) });
}

/** Expansion `step`: a node of the view gets 10 new neighbours; then the canvas reports where all nodes are. */
function changes(state: ExplorerState, step: number): ExplorerAction[] {
  const center = `n${step}`;
  const added = Array.from({ length: ADDED_PER_CHANGE }, (_, i) => node(`x${step}-${i}`));
  const expanded: ExplorerAction = {
    type: 'expanded',
    nodeId: center,
    response: { nodes: [state.graph.nodes.get(center) as GraphNode, ...added], relationships: added.map((n) => rel(center, n.id, 0)), total: added.length, next: null, counts: { types: [], labels: [] } },
  };
  return [expanded];
}

export interface UndoFigures {
  size: number;
  steps: number;
  viewMb: number;
  historyMb: number;
  perStepKb: number;
  perStepPerNodeBytes: number;
  changeMs: number;
  undoMs: number;
}

/** Milliseconds to undo every step kept (the states undone are dropped on return). */
function timeUndoingAll(state: ExplorerState, steps: number): number {
  const started = performance.now();
  let undone = state;
  for (let step = 0; step < steps; step++) undone = explorerReducer(undone, { type: 'undo' });
  const elapsed = performance.now() - started;
  const expected = state.graph.nodes.size - steps * ADDED_PER_CHANGE;
  if (undone.graph.nodes.size !== expected) throw new Error(`undo came back to ${undone.graph.nodes.size} nodes, not ${expected}`);
  return elapsed / steps;
}

/** Drives the real reducer on a view of `size` nodes; see the file header. */
export function measureUndo(size: number): UndoFigures {
  const base = heapAfterGc();
  let state = bigView(size);
  const viewBytes = heapAfterGc() - base;
  let changeTime = 0;
  for (let step = 0; step < CHANGES; step++) {
    const started = performance.now();
    for (const action of changes(state, step)) state = explorerReducer(state, action);
    changeTime += performance.now() - started;
    // The canvas places the new nodes and reports every position: not a change, but the next snapshot keeps it.
    state = explorerReducer(state, { type: 'positionsSettled', positions: positionsOf(state) });
  }
  const steps = state.history.past.length;
  if (steps !== historyCap(state.graph)) throw new Error(`expected ${historyCap(state.graph)} undo steps, have ${steps}`);
  const withHistory = heapAfterGc();
  const undoTime = timeUndoingAll(state, steps);
  // The same final view without its history: the difference is what the history holds on to.
  state = { ...state, history: { past: [], future: [] } };
  const historyBytes = withHistory - heapAfterGc();
  const row: UndoFigures = {
    size,
    steps,
    viewMb: viewBytes / 2 ** 20,
    historyMb: historyBytes / 2 ** 20,
    perStepKb: historyBytes / steps / 1024,
    perStepPerNodeBytes: historyBytes / steps / size,
    changeMs: changeTime / CHANGES,
    undoMs: undoTime,
  };
  return row;
}

/** The sizes the undo figures are taken at. */
export const UNDO_SIZES = SIZES;

function main(): void {
  const rows: UndoFigures[] = [];
  for (const size of SIZES) {
    log(`${size.toLocaleString('en')} nodes: ${CHANGES} expansions of ${ADDED_PER_CHANGE} nodes…`);
    const row = measureUndo(size);
    log(`  view ${row.viewMb.toFixed(1)} MB, ${row.steps} undo steps ${row.historyMb.toFixed(1)} MB (${row.perStepKb.toFixed(0)} KB a step), change ${row.changeMs.toFixed(2)} ms, undo ${row.undoMs.toFixed(3)} ms`);
    rows.push(row);
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}`;
  const table = rows
    .map(
      (r) =>
        `| ${r.size.toLocaleString('en')} | ${r.viewMb.toFixed(1)} MB | ${r.steps} | ${r.historyMb.toFixed(1)} MB | ${r.perStepKb.toFixed(0)} KB | ${r.perStepPerNodeBytes.toFixed(0)} B | ${r.changeMs.toFixed(2)} ms | ${r.undoMs.toFixed(3)} ms |`,
    )
    .join('\n');
  const [small, large] = [rows[0], rows.at(-1)];
  const ratio = small && large ? (large.perStepKb / small.perStepKb).toFixed(1) : '?';
  const peak = Math.max(...rows.map((r) => r.historyMb)).toFixed(0);
  const text = `# Undo history: memory and time on big views

Measured by \`npm run bench:undo\` (bench/undo-bench.ts) on ${new Date().toISOString().slice(0, 10)}, ${machine}.

The explorer keeps the last view changes for undo, each as the view before it. A view is immutable, so a
snapshot shares every node and relationship object with the others; what each one costs is what the
change copied: the maps of nodes and relationships in view, and the record of positions the canvas
reported (whose entries for nodes that did not move are shared, \`sharePositions\`). The bench drives the
real reducer on a view of N nodes (2N relationships, all placed) through ${CHANGES} expansions of
${ADDED_PER_CHANGE} new neighbours each, every one followed by the positions of all nodes in fresh objects, as
the canvas reports them; then it undoes every step kept. Heap figures are after forced garbage collection.

| nodes in view | the view itself | undo steps kept | their memory | a step | a step per node | an expansion (reducer) | an undo |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${table}

A step costs about the bytes per node shown, because it copies the view's maps (about three entries per
node: the node and its two relationships) and its positions record: in this run a step on the
${large?.size.toLocaleString('en')}-node view took ${ratio}× the memory of one on the ${small?.size.toLocaleString('en')}-node view. So undo
keeps 100 steps only while they fit a budget of 1.5 million map entries (\`historyCap\` in
client/src/state/explorer-state.ts), fewer on bigger views and never fewer than 10: the
${large?.size.toLocaleString('en')}-node view kept ${large?.steps}, and no history here passed ${peak} MB. Undo itself
only swaps references.
`;
  writeFileSync(resolve(ROOT, 'bench/UNDO-RESULTS.md'), text);
  log('written to bench/UNDO-RESULTS.md');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
