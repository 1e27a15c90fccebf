/**
 * `npm run soak` as CI runs it: 30 s with three clients on the test run's own Neo4j (BENCH_NEO4J_URI), through
 * the explorer the soak starts. It stops by itself, answers nothing with a 5xx, exercises every route of the
 * mix with 2xx answers, samples the explorer's RSS and writes soak-results.json; the request cap and Ctrl+C
 * stop it too. Figures are checked for shape and sense, never for speed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIX, type SoakResults } from '../../bench/soak.ts';
import type { Database } from '../../server/src/db/database.ts';
import { resetToSeed, testDatabase, testTarget } from '../support/neo4j.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ROUTES = MIX.map((entry) => entry.route);

interface SoakRun {
  exitCode: number | null;
  output: string;
  results: SoakResults;
}

const outDirs: string[] = [];

/** Runs bench/soak.ts with `args` against the test Neo4j; `interruptOnce` sends it SIGINT when its output matches. */
async function runSoak(args: string[], interruptOnce?: RegExp): Promise<SoakRun> {
  const out = mkdtempSync(join(tmpdir(), 'soak-smoke-'));
  outDirs.push(out);
  const target = testTarget();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/soak.ts', ...args, '--out', out], {
    cwd: ROOT,
    env: { ...process.env, BENCH_NEO4J_URI: target.uri, BENCH_NEO4J_USER: target.user, BENCH_NEO4J_PASSWORD: target.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let interrupted = false;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (interruptOnce && !interrupted && interruptOnce.test(output)) {
      interrupted = true;
      child.kill('SIGINT');
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exitCode = await new Promise<number | null>((done) => child.once('exit', done));
  let results: SoakResults;
  try {
    results = JSON.parse(readFileSync(join(out, 'soak-results.json'), 'utf8')) as SoakResults;
  } catch {
    throw new Error(`the soak wrote no results (exit ${exitCode}):\n${output.slice(-3000)}`);
  }
  return { exitCode, output, results };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);

let db: Database;
let smoke: SoakRun;

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  smoke = await runSoak(['--clients', '3', '--minutes', '0.5']);
});

afterAll(async () => {
  for (const out of outDirs) rmSync(out, { recursive: true, force: true });
  await db.close();
});

describe('npm run soak -- --clients 3 --minutes 0.5 (the CI smoke)', () => {
  it('stops by itself at the time limit and exits 0', () => {
    expect(smoke.exitCode, smoke.output.slice(-3000)).toBe(0);
    expect(smoke.results.run.stoppedBy).toBe('time');
    expect(smoke.results.run.seconds).toBeGreaterThanOrEqual(30);
  });

  it('answers no request with a 5xx, nor leaves one without a full answer', () => {
    expect(smoke.results.run).toMatchObject({ serverErrors: 0, transportErrors: 0, otherErrors: 0 });
    expect(smoke.results.verdict).toEqual({ passed: true, reasons: [] });
  });

  it.each(ROUTES)('exercises %s, every answer a 2xx', (route) => {
    const figures = smoke.results.routes.find((entry) => entry.route === route);
    expect(figures, route).toBeDefined();
    expect(figures?.requests).toBeGreaterThan(0);
    for (const outcome of Object.keys(figures?.outcomes ?? {})) expect(outcome).toMatch(/^2\d\d$/);
    expect(sum(figures?.outcomes ?? {})).toBe(figures?.requests);
    expect(figures?.p50Ms).toBeGreaterThan(0);
    expect(figures?.p99Ms).toBeGreaterThanOrEqual(figures?.p50Ms ?? Infinity);
  });

  it('samples the explorer\'s RSS every 5 s and leaves its flatness unjudged in a run under 3 minutes', () => {
    const { rss } = smoke.results;
    expect(rss.intervalS).toBe(5);
    expect(rss.samples.length).toBeGreaterThanOrEqual(6);
    for (const sample of rss.samples) expect(sample.rssMb).toBeGreaterThan(10);
    const times = rss.samples.map((sample) => sample.atS);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The peak (VmHWM, whole MB) is at least every sample taken.
    expect(rss.peakMb).toBeGreaterThanOrEqual(Math.max(...rss.samples.map((sample) => sample.rssMb)) - 1);
    expect(rss.flat).toBeNull();
  });

  it('writes a results file that adds up: the seed, the settings, the routes\' requests summing to the run\'s', () => {
    const { results } = smoke;
    expect(results.graph).toMatchObject({ source: 'seed', nodes: expect.any(Number), relationships: expect.any(Number) });
    expect(results.graph.nodes).toBeGreaterThan(0);
    expect(results.settings).toMatchObject({ clients: 3, minutes: 0.5, mix: MIX.map(({ route, weight }) => ({ route, weight })) });
    expect(results.machine).toMatchObject({ cpu: expect.any(String), node: process.version, loadBefore: expect.any(Array), loadAfter: expect.any(Array) });
    expect(results.run.requests).toBe(results.routes.reduce((total, route) => total + route.requests, 0));
    expect(results.run.reqPerSec).toBeGreaterThan(0);
    expect(smoke.output).toMatch(/\| GET \/api\/nodes\/:id\/neighbors \| \d+ % \| [\d,]+ \|/);
  });
});

describe('npm run soak: its other stops', () => {
  it('stops at the request cap when it comes before the time limit', async () => {
    const capped = await runSoak(['--clients', '2', '--minutes', '5', '--max-requests', '40']);
    expect(capped.exitCode, capped.output.slice(-3000)).toBe(0);
    expect(capped.results.run).toMatchObject({ stoppedBy: 'requests', requests: 40, serverErrors: 0 });
  });

  it('on Ctrl+C cuts the load, stops the explorer it started, writes what it measured and exits 130', async () => {
    // At its first progress line, whatever second it reads: on a loaded machine the 10 s timer fired at
    // 0:11, the soak was never stopped and the test timed out (CI).
    const stopped = await runSoak(['--clients', '2', '--minutes', '5'], /\d+:\d\d elapsed/);
    expect(stopped.exitCode, stopped.output.slice(-3000)).toBe(130);
    expect(stopped.results.run.stoppedBy).toBe('interrupt');
    expect(stopped.results.run.requests).toBeGreaterThan(0);
    const pid = Number(/explorer at \S+ \(pid (\d+)\)/.exec(stopped.output)?.[1]);
    expect(pid).toBeGreaterThan(0);
    let probe: NodeJS.ErrnoException | undefined;
    try {
      process.kill(pid, 0);
    } catch (error) {
      probe = error as NodeJS.ErrnoException;
    }
    expect(probe?.code).toBe('ESRCH');
  });
});
