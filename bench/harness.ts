/**
 * What `npm run bench` (bench/run.ts) and `npm run soak` (bench/soak.ts) share: the explorer under
 * measurement in a child process of its own (so its memory is its own), that process's memory read from
 * /proc, nearest-rank percentiles, and the search text a user would type.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchTarget } from './bench-database.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Builds the client (`vite build`, as `npm run build` does) into dist/client, which the explorer serves:
 * client figures are of the code checked out, not of whatever was built last (an earlier run measured a
 * build from before the session's client changes). Vite's own progress lines pass through; rejects when
 * the build fails or `signal` aborts it.
 */
export function buildClient(log: (message: string) => void, signal?: AbortSignal): Promise<void> {
  log('building the client (vite build) so the client rows measure the code checked out…');
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
      ...(signal ? { signal } : {}),
    });
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`vite build exited with ${code}`));
      log(`client built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      done();
    });
  });
}

export interface Explorer {
  /** `http://127.0.0.1:<port>`, as the explorer printed it once ready. */
  url: string;
  pid: number;
  /** SIGTERM, then waits until the process has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `server/src/main.ts` on a free loopback port against `target` and resolves once it prints that it
 * is ready (after seeding an empty database, as `npm start` does), with rate limits off and the request
 * log at `warn`.
 */
export async function startExplorer(target: BenchTarget): Promise<Explorer> {
  const env = {
    ...process.env,
    NEO4J_URI: target.uri,
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    EXPORT_MAX_NODES: '2000000',
    EXPORT_MAX_RELATIONSHIPS: '2000000',
    // The benchmark measures the API, not the limits a team's deployment sets, nor a line per request.
    RATE_LIMIT_QUERIES: '0',
    RATE_LIMIT_REQUESTS: '0',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /ready: (http:\/\/\S+)/.exec(text);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`the explorer exited (${code}): ${errors}`)));
  });
  return {
    url,
    pid: child.pid as number,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A process's memory in MB (MiB: kB / 1024) from `/proc/<pid>/status`: `VmRSS`, its resident set now, or
 * `VmHWM`, the resident set's peak since start or since `clear_refs` was last written 5. Throws when the
 * process is gone; NaN when the field is missing.
 */
export function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Nearest-rank percentile of milliseconds (p in 0..100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** A search a user would type: one or two words of a name, now and then with a typo or cut short. */
export function searchText(name: string, random: () => number): string {
  const words = name.split(' ').filter((word) => /^[A-Za-z]{3,}$/.test(word));
  const chosen = words.length > 1 && random() < 0.4 ? words.slice(0, 2).join(' ') : (words[0] ?? name);
  const roll = random();
  if (roll < 0.2 && chosen.length > 5) return chosen.slice(0, chosen.length - 2); // typed part of it
  if (roll < 0.35 && chosen.length > 5) return chosen.slice(0, 3) + chosen.slice(4); // one letter missed
  return chosen.toLowerCase();
}

/**
 * The machine a run measured on, for its results: CPU model × cores, memory (GiB), OS, Node.js, the Neo4j
 * `neo4j` describes, and the load averages (1, 5 and 15 min) before the run (`loadBefore`) and now.
 */
export function machineDescription(neo4j: string, loadBefore: readonly number[]) {
  const cpu = cpus();
  const twoDigits = (value: number) => Number(value.toFixed(2));
  return {
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    neo4j,
    loadBefore: loadBefore.map(twoDigits),
    loadAfter: loadavg().map(twoDigits),
    date: new Date().toISOString(),
  };
}
