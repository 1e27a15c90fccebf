/**
 * `npm run bench -- --smoke` on the test run's own Neo4j: the benchmark harness generates its tiny graph,
 * measures every case through the explorer it starts, and writes results.json and RESULTS.md with every
 * figure the full run reports. Figures are checked for shape and sense, never for speed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_LABELS, SMOKE_SPEC } from '../../bench/graph-generator.ts';
import type { Database } from '../../server/src/db/database.ts';
import { quoteName } from '../../server/src/graph/search-index.ts';
import { resetToSeed, testDatabase, testTarget } from '../support/neo4j.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LATENCY_CASES = ['node', 'expand', 'expand-hub', 'search', 'paths', 'overview', 'cypher'];

interface Results {
  machine: Record<string, unknown>;
  graph: { nodes: number; relationships: number };
  results: Array<Record<string, unknown> & { name: string }>;
}

let db: Database;
let out: string;
let results: Results;
let report: string;
let exitCode: number | null;
let output = '';

beforeAll(async () => {
  db = testDatabase();
  out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  const target = testTarget();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, BENCH_NEO4J_URI: target.uri, BENCH_NEO4J_USER: target.user, BENCH_NEO4J_PASSWORD: target.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exitCode = await new Promise<number | null>((done) => child.once('exit', done));
  if (exitCode !== 0) throw new Error(`the smoke run failed (${exitCode}):\n${output.slice(-3000)}`);
  results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
  report = readFileSync(join(out, 'RESULTS.md'), 'utf8');
});

afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  // The generated graph leaves a constraint the seed doesn't have (Event); the seed itself comes back.
  await resetToSeed(db);
  const seedLabels = new Set((await db.read('MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label')).map((row) => String(row.label)));
  for (const label of GENERATED_LABELS.filter((name) => !seedLabels.has(name))) {
    await db.writeTransaction((run) => run(`DROP CONSTRAINT ${quoteName(`${label}_id_unique`)} IF EXISTS`));
  }
  await db.close();
});

const result = (name: string) => {
  const found = results.results.find((entry) => entry.name === name);
  if (!found) throw new Error(`no result named ${name}; have ${results.results.map((entry) => entry.name).join(', ')}`);
  return found;
};

const positive = expect.any(Number);

describe('npm run bench -- --smoke', () => {
  it('generates the smoke graph into the given Neo4j, with its hubs, and reports how fast it loaded', () => {
    expect(results.graph).toEqual({ nodes: SMOKE_SPEC.nodes + SMOKE_SPEC.sources, relationships: SMOKE_SPEC.relationships, spec: SMOKE_SPEC });
    expect(result('seed-load')).toMatchObject({ nodesPerSec: positive, relationshipsPerSec: positive });
    expect(Number(result('seed-load').relationshipsPerSec)).toBeGreaterThan(0);
  });

  it.each(LATENCY_CASES)('measures %s through HTTP and the driver, with every answer a 200', (name) => {
    const entry = result(name);
    for (const key of ['p50Ms', 'p95Ms', 'p99Ms', 'ratioToDriver']) {
      expect(Number.isFinite(entry[key]), key).toBe(true);
      expect(entry[key] as number, key).toBeGreaterThan(0);
    }
    expect(entry.p50Ms as number).toBeLessThanOrEqual(entry.p99Ms as number);
    expect(entry.failures).toEqual({});
    expect(entry.requests).toBe(20);
  });

  it('compares node lookups with a plain indexed seek of the same nodes', () => {
    expect(result('node')).toMatchObject({ ratioToSeek: positive, seek: { p99Ms: positive } });
  });

  it('answers every expansion with nodes, and the hubs with more of them', () => {
    const notes = (name: string) => result(name).notes as Record<string, number>;
    expect(notes('expand')['nodes per answer']).toBeGreaterThan(1);
    expect(notes('expand-hub')['nodes per answer']).toBeGreaterThan(notes('expand')['nodes per answer'] as number);
  });

  it('measures throughput with autocannon for neighbours and health, with no errors', () => {
    for (const name of ['throughput-expand', 'throughput-health']) {
      expect(result(name)).toMatchObject({ reqPerSec: positive, p99Ms: positive, non2xx: 0, errors: 0, connections: 50 });
      expect(result(name).reqPerSec as number).toBeGreaterThan(0);
    }
  });

  it('measures exports of each format, with the relationships asked for, the first record and the peak RSS', () => {
    for (const name of ['export-graphml-1k', 'export-graphml-5k', 'export-json-1k', 'export-cytoscape-1k', 'export-csv-1k', 'export-cypher-1k']) {
      const entry = result(name);
      expect(entry.relationships, name).toBe(Number(name.endsWith('5k') ? 5_000 : 1_000));
      expect(entry.relsPerSec as number, name).toBeGreaterThan(0);
      expect(Number.isFinite(entry.firstRecordMs), name).toBe(true);
      expect(entry.peakRssMb as number, name).toBeGreaterThan(10);
    }
  });

  it('folds in the client\'s undo figures: steps kept, their memory and the time of an undo', () => {
    expect(result('undo-1k')).toMatchObject({ size: 1_000, steps: 100, historyMb: positive, undoMs: positive });
    expect(result('undo-1k').historyMb as number).toBeGreaterThan(0);
  });

  it('measures the client in Chromium: a query shown in view, a force layout and a hub expanded, with frames per second', () => {
    for (const name of ['render-canvas-200', 'render-canvas-expand-150']) {
      expect(result(name), name).toMatchObject({ interactiveMs: positive, longestTaskMs: expect.any(Number), fps: positive });
      expect(result(name).interactiveMs as number, name).toBeGreaterThan(0);
    }
    expect(result('render-canvas-200')).toMatchObject({ nodes: 200 });
    expect(result('layout-force-200')).toMatchObject({ nodes: 200, ms: positive, fps: positive });
    // No GPU here: the WebGL row says why it is missing instead of holding a figure.
    expect(result('render-webgl-200').unavailable ?? result('render-webgl-200').fps).toBeDefined();
    expect(report).toContain('The client in headless Chromium');
  });

  it('records the machine and its load, and writes a readable report of the same figures', () => {
    expect(results.machine).toMatchObject({ cpu: expect.any(String), node: process.version, loadBefore: expect.any(Array), loadAfter: expect.any(Array) });
    expect(report).toContain('# Server benchmark');
    expect(report).toMatch(/\| node \| [\d.]+ \|/);
    expect(report).toContain('export-graphml-5k');
  });
});
