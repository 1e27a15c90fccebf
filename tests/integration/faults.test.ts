/**
 * Faults, with a real Neo4j stopped and started under the running server (main.ts as `npm run start:prod`
 * runs it, in a child process, pointed at that Neo4j by NEO4J_URI): a Neo4j that is down when the API
 * starts, one that stops and starts again under load, and SIGTERM under load. The file starts a Neo4j of its
 * own (instance `faults`, Bolt on FAULTS_NEO4J_PORT), never the shared test one, which other files use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4j } from '../../scripts/neo4j/local-neo4j.ts';
import { DEFAULT_CONFIG } from '../../server/src/config.ts';
import { SCHEMA_FACT_MAX_AGE_MS } from '../../server/src/graph/schema-cache.ts';
import { freePort } from '../../bench/harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const INSTANCE = 'faults';
/** This file's Neo4j's Bolt port; FAULTS_NEO4J_PORT moves it if something else holds it. */
const DEFAULT_FAULTS_NEO4J_PORT = 7741;
const BOLT_PORT = Number(process.env.FAULTS_NEO4J_PORT ?? DEFAULT_FAULTS_NEO4J_PORT);
/**
 * The bound (ms): for an answer while Neo4j is down, for the recovery once it is back, and for the
 * exit after SIGTERM.
 */
const BOUND_MS = 10_000;
/**
 * A request not answered after this long (ms) has hung. Longer than BOUND_MS: a request that meets Neo4j
 * while it shuts down waits for it (Neo4j holds new transactions while its databases stop).
 */
const HANG_MS = 30_000;
/** Concurrent clients of the load, each sending one request after another. */
const LOAD_CLIENTS = 8;
/** A client's pause between two requests (ms): a refused connection fails at once, and must not spin. */
const LOAD_PAUSE_MS = 50;

/** What the load sends, round robin: the browse endpoints and the workbench. */
const REQUESTS: ReadonlyArray<{ name: string; path: string; init?: RequestInit }> = [
  { name: 'GET /api/graph', path: '/api/graph' },
  { name: 'GET /api/search', path: '/api/search?q=kim' },
  { name: 'GET /api/nodes/:id/neighbors', path: '/api/nodes/russia/neighbors' },
  {
    name: 'POST /api/cypher',
    path: '/api/cypher',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'RETURN 1' }) },
  },
];

/** How one request ended: its status, or `cut` (the connection failed) or `hung` (no answer within HANG_MS). */
interface Outcome {
  name: string;
  status: number | 'cut' | 'hung';
  /** An error answer's body. */
  error?: { code?: unknown; message?: unknown; requestId?: unknown };
  sentAt: number;
  endedAt: number;
}

async function send(url: string, request: (typeof REQUESTS)[number]): Promise<Outcome> {
  const sentAt = Date.now();
  try {
    const response = await fetch(`${url}${request.path}`, { ...request.init, signal: AbortSignal.timeout(HANG_MS) });
    const body = (await response.json()) as { error?: Outcome['error'] };
    return { name: request.name, status: response.status, ...(body.error ? { error: body.error } : {}), sentAt, endedAt: Date.now() };
  } catch (error) {
    const status = error instanceof Error && error.name === 'TimeoutError' ? 'hung' : 'cut';
    return { name: request.name, status, sentAt, endedAt: Date.now() };
  }
}

/** Every request of REQUESTS once, all at the same time. */
const sendEach = async (url: string) => Promise.all(REQUESTS.map((request) => send(url, request)));

/** LOAD_CLIENTS clients sending REQUESTS until stopped; `stop` resolves with every outcome once all have ended. */
function startLoad(url: string): { stop(): Promise<Outcome[]> } {
  const outcomes: Outcome[] = [];
  let running = true;
  const client = async (first: number) => {
    for (let i = first; running; i++) {
      outcomes.push(await send(url, REQUESTS[i % REQUESTS.length] as (typeof REQUESTS)[number]));
      await sleep(LOAD_PAUSE_MS);
    }
  };
  const clients = Promise.all(Array.from({ length: LOAD_CLIENTS }, (_, i) => client(i)));
  return {
    stop: async () => {
      running = false;
      await clients;
      return outcomes;
    },
  };
}

/** `promise`'s value if it settles within `ms`, else `timedOut`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timedOut'> {
  const timer = new AbortController();
  const timeout = sleep(Math.max(ms, 0), 'timedOut' as const, { signal: timer.signal }).catch(() => 'timedOut' as const);
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    timer.abort();
  }
}


interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

interface Credentials {
  uri: string;
  user: string;
  password: string;
}

/** Every server process this file started, stopped in afterAll if a test left it running. */
const processes: ChildProcess[] = [];

/** `npm run start:prod`'s server against this file's Neo4j, once it answers liveness (whatever Neo4j's state). */
async function startApi({ uri, user, password }: Credentials): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_QUERIES: '0',
      RATE_LIMIT_REQUESTS: '0',
    },
  });
  processes.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const live = () => fetch(`${url}/api/health/live`).then((response) => response.status, () => (child.exitCode === null ? 'no answer' : 'exited'));
  try {
    await expect.poll(live, { timeout: 60_000, interval: 200 }).toBe(200);
  } catch (error) {
    throw new Error(`the server did not answer liveness; its output:\n${stderr}`, { cause: error });
  }
  return { url, child, exited, stdout: () => stdout, stderr: () => stderr };
}

function startNeo4j(fresh = false): Promise<LocalNeo4j> {
  return startLocalNeo4j({
    instance: INSTANCE,
    boltPort: BOLT_PORT,
    portVariable: 'FAULTS_NEO4J_PORT',
    heap: '512m',
    pageCache: '64m',
    transactionMemory: DEFAULT_CONFIG.localNeo4jTransactionMemory,
    fresh,
    log: () => undefined,
  });
}

let credentials: Credentials;
/** This file's Neo4j while it runs. */
let neo4j: LocalNeo4j | undefined;
/** The server that lives through Neo4j's outages (started while Neo4j is down). */
let api: ApiProcess | undefined;

beforeAll(async () => {
  // A fresh instance gets its password on its first start; the tests then start the API while it is down.
  const first = await startNeo4j(true);
  credentials = { uri: first.uri, user: first.user, password: first.password };
  await first.stop();
});

afterAll(async () => {
  for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await neo4j?.stop();
  // Also a Neo4j whose start a failed test left behind.
  await stopLocalNeo4j(INSTANCE);
});

/** The statuses of REQUESTS, in order. */
const statuses = async (url: string) => (await sendEach(url)).map((outcome) => outcome.status);

describe('an API started while its Neo4j (NEO4J_URI) is down', () => {
  let waiting: ApiProcess | undefined;

  it('listens at once: liveness 200, readiness 503 unavailable, browse and workbench 503 DB_UNAVAILABLE', async () => {
    waiting = await startApi(credentials);
    const live = await fetch(`${waiting.url}/api/health/live`);
    expect({ status: live.status, body: await live.json() }).toEqual({ status: 200, body: { status: 'live' } });
    const ready = await fetch(`${waiting.url}/api/health`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 503, body: { status: 'unavailable' } });
    for (const outcome of await sendEach(waiting.url)) {
      expect(outcome, outcome.name).toMatchObject({ status: 503, error: { code: 'DB_UNAVAILABLE', message: expect.any(String), requestId: expect.any(String) } });
    }
  });

  it('exits 0 within 10 s of SIGTERM while it waits for Neo4j', async () => {
    if (!waiting) throw new Error('no server from the previous test');
    waiting.child.kill('SIGTERM');
    expect(await within(waiting.exited, BOUND_MS)).toBe(0);
    expect(waiting.stderr()).toContain('SIGTERM: shutting down');
  });

  it('connects and seeds the empty database once Neo4j comes up, and is ready only then, without a restart', async () => {
    api = await startApi(credentials);
    expect((await fetch(`${api.url}/api/health`)).status).toBe(503);

    neo4j = await startNeo4j();

    await expect.poll(async () => (await fetch(`${api?.url}/api/health`)).status, { timeout: 60_000, interval: 250 }).toBe(200);
    // Ready means seeded: every endpoint answers at once, and search finds what the seed holds.
    expect(await statuses(api.url)).toEqual([200, 200, 200, 200]);
    const search = (await (await fetch(`${api.url}/api/search?q=kim`)).json()) as { results: Array<{ node: { id: string } }> };
    expect(search.results.map((result) => result.node.id)).toContain('kim-jong-un');
    expect(api.stderr()).toContain('[seed] the database is empty: loading the default seed');
    await expect.poll(() => api?.stdout() ?? '').toContain('ready');
    expect(api.child.exitCode).toBeNull();
  }, 240_000);
});

describe('Neo4j stopped under load, then started again', () => {
  it('answers every request 200 or 503 DB_UNAVAILABLE, 503 within 10 s while Neo4j is down, and 200s again within 10 s of its start', async () => {
    if (!api || !neo4j) throw new Error('no server or Neo4j from the previous tests');
    const { url } = api;
    const load = startLoad(url);
    await sleep(2_000);
    await neo4j.stop();
    neo4j = undefined;
    const down = Date.now();
    // Down for longer than the API trusts what it read of the schema: requests then read it again too.
    await sleep(SCHEMA_FACT_MAX_AGE_MS + 2_000);
    const outcomes = await load.stop();

    expect(outcomes.filter((outcome) => outcome.status !== 200 && outcome.status !== 503)).toEqual([]);
    for (const outcome of outcomes.filter((o) => o.status === 503)) {
      expect(outcome.error, outcome.name).toEqual({ code: 'DB_UNAVAILABLE', message: expect.any(String), requestId: expect.any(String) });
    }
    const whileDown = outcomes.filter((outcome) => outcome.sentAt >= down);
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((outcome) => outcome.status !== 503 || outcome.endedAt - outcome.sentAt > BOUND_MS)).toEqual([]);

    neo4j = await startNeo4j();
    await expect.poll(() => statuses(url), { timeout: BOUND_MS, interval: 250 }).toEqual([200, 200, 200, 200]);
    expect(api.child.exitCode).toBeNull();
  }, 240_000);
});

describe('SIGTERM under load', () => {
  it('exits 0 within 10 s, every request answered or cut and none left waiting', async () => {
    if (!api) throw new Error('no server from the previous tests');
    const { url, child, exited } = api;
    const load = startLoad(url);
    await sleep(2_000);

    const signalled = Date.now();
    child.kill('SIGTERM');
    const outcomes = load.stop();
    const code = await within(exited, BOUND_MS);
    const settled = await within(outcomes, signalled + BOUND_MS - Date.now());

    expect(code).toBe(0);
    expect(settled).not.toBe('timedOut');
    if (settled === 'timedOut') return;
    expect(settled.filter((outcome) => outcome.status !== 200 && outcome.status !== 'cut')).toEqual([]);
    expect(settled.filter((outcome) => outcome.status === 200).length).toBeGreaterThan(0);
    expect(api.stderr()).toContain('SIGTERM: shutting down');
  });
});
