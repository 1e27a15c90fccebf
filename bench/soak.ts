/**
 * `npm run soak`: many clients at once, for minutes, on loopback. Each client sends a request of the mix
 * (browse, search, paths, Cypher, export; MIX below), reads the whole answer, and sends the next. The run
 * reports throughput, p50/p99 per route and every answer by status, samples the explorer's RSS, writes
 * soak-results.json, and exits 1 when a 5xx or a failed connection occurred or the RSS was not flat.
 *
 *   npm run soak                                  16 clients for 10 minutes, own explorer on the bench's own Neo4j
 *   npm run soak -- --clients 4 --minutes 0.5     other sizes (SOAK_CLIENTS, SOAK_MINUTES; fractions of a minute allowed)
 *   npm run soak -- --max-requests 20000          stops at that many requests if the time has not run out first (SOAK_MAX_REQUESTS)
 *   npm run soak -- --url http://127.0.0.1:3000 --pid 4242   an explorer already running, loopback only (SOAK_URL, SOAK_PID);
 *                                                 its RSS only with --pid
 *   npm run soak -- --out DIR                     soak-results.json into DIR (default bench/)
 *
 * The graph: by default the explorer starts as in `npm run bench` (bench/harness.ts: rate limits off, log at
 * warn) against the bench's own Neo4j (bench/bench-database.ts; BENCH_NEO4J_URI for another throw-away
 * server). The soak never generates: it measures the graph `npm run bench:data` made if the instance holds
 * it, else the seed, which the explorer loads into an empty database as `npm start` does (a generation
 * left unfinished is emptied first). Nodes for the requests are sampled once through the API, untimed.
 *
 * It stops by itself at the time limit or the request cap, whichever comes first, and lets the requests in
 * flight finish (each is cut after REQUEST_TIMEOUT_MS). Ctrl+C (or SIGTERM) stops it at once, cuts the
 * requests in flight, stops the explorer and the Neo4j it started, writes what it measured, and exits 130.
 *
 * RSS is judged flat when the median of the last minute's samples is within RSS_FLAT_TOLERANCE of the
 * second minute's (the first is warm-up); runs under RSS_JUDGED_FROM_MINUTES minutes are not judged.
 * Speed is reported, never judged: it depends on the machine and its load (recorded with the figures).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS } from '../server/src/contract.ts';
import { quoteName } from '../server/src/graph/search-index.ts';
import { wipeDatabase } from '../seed/loader.ts';
import { DEFAULT_SEED_PATH, readSeedFile } from '../seed/seed-file.ts';
import { openBenchDatabase, readGeneratedGraph, type BenchDatabase } from './bench-database.ts';
import { randomGenerator, type GraphSpec } from './graph-generator.ts';
import { machineDescription, memoryMb, percentile, searchText, startExplorer, type Explorer } from './harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(`[soak] ${line}`);

/** Defaults, each declared once; a flag or its SOAK_* variable overrides them. */
export const DEFAULT_SOAK = {
  /** Concurrent clients, each with one request in flight at a time. */
  clients: 16,
  /** Length of the run in minutes: long enough that the last minute lies 7 minutes after the second. */
  minutes: 10,
  /**
   * The request cap: a bound on the run whatever the machine. 2,000,000 is about 3,300 req/s over 10
   * minutes, far above what the default mix reaches on the machines measured, so time ends a default run.
   */
  maxRequests: 2_000_000,
} as const;

/** The explorer's RSS is read this often (ms). */
const RSS_SAMPLE_INTERVAL_MS = 5_000;
/** A progress line this often (ms), so that a long run shows it is alive. */
const PROGRESS_INTERVAL_MS = 10_000;
/** A request not answered in full by then (ms) is cut and counted as `timeout`. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Largest change of the RSS median from the second minute to the last that still counts as flat (fraction). */
const RSS_FLAT_TOLERANCE = 0.1;
/** Shortest run (minutes) whose RSS is judged: minute 2, then at least one more minute after it. */
const RSS_JUDGED_FROM_MINUTES = 3;
/** Nodes sampled (through the API) for the requests to name. */
const SAMPLED_NODES = 200;
/** Seeds the mix's random choices: the same samples give the same sequence of requests per client. */
const MIX_SEED = 20261211;

interface Settings {
  clients: number;
  minutes: number;
  maxRequests: number;
  /** An explorer already running (loopback); undefined: start one. */
  url: string | undefined;
  /** The running explorer's pid, for its RSS; with `url` only. */
  pid: number | undefined;
  outDir: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function settingsFromArgs(): Settings {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      minutes: { type: 'string' },
      'max-requests': { type: 'string' },
      url: { type: 'string' },
      pid: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const env = process.env;
  const positive = (text: string | undefined, name: string, fallback: number, { integer }: { integer: boolean }) => {
    if (text === undefined || text === '') return fallback;
    const value = Number(text.replace(/_/g, ''));
    const valid = integer ? Number.isSafeInteger(value) && value >= 1 : Number.isFinite(value) && value > 0;
    if (!valid) throw new Error(`soak: ${name} must be a positive ${integer ? 'integer' : 'number'}. Got: "${text}"`);
    return value;
  };
  const url = values.url ?? env.SOAK_URL;
  if (url !== undefined) {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      throw new Error(`soak: --url (SOAK_URL) must be an http URL. Got: "${url}"`);
    }
    if (!LOOPBACK_HOSTS.has(host)) throw new Error(`soak: --url (SOAK_URL) must be a loopback address (127.0.0.1, [::1], localhost). Got: "${host}"`);
  }
  const pidText = values.pid ?? env.SOAK_PID;
  if (pidText !== undefined && url === undefined) throw new Error('soak: --pid (SOAK_PID) names the process of --url (SOAK_URL); without --url the soak starts its own explorer.');
  return {
    clients: positive(values.clients ?? env.SOAK_CLIENTS, '--clients (SOAK_CLIENTS)', DEFAULT_SOAK.clients, { integer: true }),
    minutes: positive(values.minutes ?? env.SOAK_MINUTES, '--minutes (SOAK_MINUTES)', DEFAULT_SOAK.minutes, { integer: false }),
    maxRequests: positive(values['max-requests'] ?? env.SOAK_MAX_REQUESTS, '--max-requests (SOAK_MAX_REQUESTS)', DEFAULT_SOAK.maxRequests, { integer: true }),
    url: url?.replace(/\/+$/, ''),
    pid: pidText === undefined ? undefined : positive(pidText, '--pid (SOAK_PID)', 0, { integer: true }),
    outDir: resolve(values.out ?? resolve(ROOT, 'bench')),
  };
}

/* ---------------------------------------------------------------------------------------------------------
 * The mix
 * ------------------------------------------------------------------------------------------------------- */

interface SampleNode {
  id: string;
  label: string;
  /** Relationships of the node, either direction. */
  degree: number;
  name: string;
}

interface Samples {
  /** Nodes under 1,000 relationships: browsed, searched, queried. */
  browse: SampleNode[];
  /** Nodes under 200 relationships: the centres of neighbourhood exports, so that every export stays small. */
  export: SampleNode[];
}

interface SoakRequest {
  method: 'GET' | 'POST';
  /** Path and query string, from `/api/`. */
  path: string;
  body?: unknown;
}

interface MixEntry {
  /** Method and route as the API declares it: the report's row. */
  route: string;
  /** Relative share of the requests. */
  weight: number;
  request(samples: Samples, random: () => number): SoakRequest;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;
const get = (path: string): SoakRequest => ({ method: 'GET', path });
const post = (path: string, body: unknown): SoakRequest => ({ method: 'POST', path, body });
const nodePath = (node: SampleNode) => `/api/nodes/${encodeURIComponent(node.id)}`;

/** Small read queries a workbench user writes, each about a sampled node. */
const CYPHER_QUERIES: ReadonlyArray<(node: SampleNode) => { query: string; params?: Record<string, unknown> }> = [
  (node) => ({ query: `MATCH (n:${quoteName(node.label)} {id: $id})-[r]-(m) RETURN n, r, m LIMIT 25`, params: { id: node.id } }),
  (node) => ({ query: `MATCH (n:${quoteName(node.label)} {id: $id}) RETURN n.name AS name, COUNT { (n)--() } AS degree`, params: { id: node.id } }),
  (node) => ({ query: `MATCH (n:${quoteName(node.label)}) RETURN n.id AS id, n.name AS name LIMIT 10` }),
  () => ({ query: 'MATCH (a)-[r]->(b) RETURN a, r, b LIMIT 50' }),
];

/** Small export scopes, one of each kind: a node's neighbourhood, a selection of five, a query. */
const EXPORT_SCOPES: ReadonlyArray<(samples: Samples, random: () => number) => unknown> = [
  (samples, random) => ({ around: pick(samples.export, random).id, depth: 1 }),
  (samples, random) => ({ nodeIds: [...new Set(Array.from({ length: 5 }, () => pick(samples.browse, random).id))] }),
  () => ({ query: 'MATCH (a)-[r]->(b) RETURN a, r, b LIMIT 100' }),
];

/**
 * What the clients send, as a plain list: browsing dominates, as in a session in the explorer, with the
 * workbench and exports now and then. Every request names sampled nodes, so each is answered 200.
 */
export const MIX: readonly MixEntry[] = [
  {
    route: 'GET /api/graph',
    weight: 10,
    // The first screen, or the schema sidebar's sample of a label.
    request: (samples, random) => (random() < 0.5 ? get('/api/graph') : get(`/api/graph?label=${encodeURIComponent(pick(samples.browse, random).label)}&limit=100`)),
  },
  { route: 'GET /api/nodes/:id/neighbors', weight: 25, request: (samples, random) => get(`${nodePath(pick(samples.browse, random))}/neighbors`) },
  { route: 'GET /api/nodes/:id/evidence', weight: 15, request: (samples, random) => get(`${nodePath(pick(samples.browse, random))}/evidence`) },
  { route: 'GET /api/search', weight: 20, request: (samples, random) => get(`/api/search?q=${encodeURIComponent(searchText(pick(samples.browse, random).name, random))}`) },
  {
    route: 'GET /api/paths',
    weight: 10,
    request: (samples, random) => {
      const from = pick(samples.browse, random);
      const to = pick(samples.browse.filter((node) => node.id !== from.id), random); // from = to is a 400
      return get(`/api/paths?from=${encodeURIComponent(from.id)}&to=${encodeURIComponent(to.id)}`);
    },
  },
  { route: 'POST /api/cypher', weight: 12, request: (samples, random) => post('/api/cypher', pick(CYPHER_QUERIES, random)(pick(samples.browse, random))) },
  {
    route: 'POST /api/export',
    weight: 8,
    request: (samples, random) => post('/api/export', { format: pick(EXPORT_FORMATS, random), scope: pick(EXPORT_SCOPES, random)(samples, random) }),
  },
];

function chooseEntry(random: () => number): MixEntry {
  const total = MIX.reduce((sum, entry) => sum + entry.weight, 0);
  let roll = random() * total;
  for (const entry of MIX) {
    roll -= entry.weight;
    if (roll < 0) return entry;
  }
  return MIX[MIX.length - 1] as MixEntry;
}

/* ---------------------------------------------------------------------------------------------------------
 * The graph and its samples, through the API (untimed)
 * ------------------------------------------------------------------------------------------------------- */

async function cypherRows(url: string, query: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${url}/api/cypher`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, params }) });
  if (response.status !== 200) throw new Error(`soak: sampling the graph through POST /api/cypher answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { rows: Array<Record<string, unknown>> }).rows;
}

async function sampleGraph(url: string): Promise<{ samples: Samples; nodes: number; relationships: number }> {
  const rows = await cypherRows(
    url,
    `MATCH (n) WHERE n.id IS NOT NULL
     WITH n, rand() AS key ORDER BY key LIMIT $count
     RETURN n.id AS id, labels(n)[0] AS label, COUNT { (n)--() } AS degree, coalesce(n.name, n.id) AS name`,
    { count: SAMPLED_NODES },
  );
  const nodes = rows.map((row) => ({ id: String(row.id), label: String(row.label), degree: Number(row.degree), name: String(row.name) }));
  const connected = nodes.filter((node) => node.degree > 0);
  const browse = connected.filter((node) => node.degree < 1_000);
  const exportable = browse.filter((node) => node.degree < 200);
  if (exportable.length < 2) throw new Error(`soak: the graph has too few connected nodes to sample (${connected.length} of ${nodes.length} sampled); is it empty?`);
  const [counted] = await cypherRows(url, 'MATCH (n) RETURN count(n) AS nodes');
  const [countedRelationships] = await cypherRows(url, 'MATCH ()-[r]->() RETURN count(r) AS relationships');
  return { samples: { browse, export: exportable }, nodes: Number(counted?.nodes), relationships: Number(countedRelationships?.relationships) };
}

/** True when the counts are the seed's (seed/article.seed.yaml). */
async function isSeed(nodes: number, relationships: number): Promise<boolean> {
  const seed = await readSeedFile(DEFAULT_SEED_PATH);
  return seed.nodes.length === nodes && seed.relationships.length === relationships;
}

/** What the bench's Neo4j is to hold for the soak: the generated graph if it is there, else the seed. */
async function prepareGraph(bench: BenchDatabase): Promise<GraphSpec | undefined> {
  const generated = readGeneratedGraph();
  if (generated?.spec) {
    log(`soaking the graph generated at ${generated.generatedAt} (npm run bench:data)`);
    return generated.spec;
  }
  if (generated) {
    log('the generation of the bench graph was left unfinished: emptying the instance, so the explorer loads the seed');
    await wipeDatabase(bench.db, log);
  } else log('no generated graph (npm run bench:data): soaking what the database holds, the seed if it is empty');
  return undefined;
}

/* ---------------------------------------------------------------------------------------------------------
 * The run
 * ------------------------------------------------------------------------------------------------------- */

type StopReason = 'time' | 'requests' | 'interrupt';

/** Answers by status (`200`, `404`, `503`, …), or `timeout` / `connection` when none came in full. */
type Outcomes = Record<string, number>;

interface RouteTally {
  latenciesMs: number[];
  outcomes: Outcomes;
  bytes: number;
}

interface RssSample {
  /** Seconds since the clients started. */
  atS: number;
  rssMb: number;
}

interface LoadFigures {
  seconds: number;
  stoppedBy: StopReason;
  tallies: Map<string, RouteTally>;
  rss: RssSample[];
  /** The explorer's peak resident set since it started (VmHWM, MB), read at the end. */
  peakRssMb: number | undefined;
}

const isServerError = (outcome: string) => /^5\d\d$/.test(outcome);
const isTransportError = (outcome: string) => outcome === 'timeout' || outcome === 'connection';
const isSuccess = (outcome: string) => /^2\d\d$/.test(outcome);
const minutesAndSeconds = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** Sends one request and reads its answer to the end; the outcome and the time until the last byte (ms). */
async function send(url: string, request: SoakRequest, interrupt: AbortSignal): Promise<{ outcome: string; ms: number; bytes: number } | undefined> {
  const started = performance.now();
  try {
    const response = await fetch(url + request.path, {
      method: request.method,
      signal: AbortSignal.any([interrupt, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      ...(request.body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request.body) }),
    });
    let bytes = 0;
    for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    return { outcome: String(response.status), ms: performance.now() - started, bytes };
  } catch (error) {
    if (interrupt.aborted) return undefined; // cut by Ctrl+C: not the server's doing
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || (error.cause instanceof Error && error.cause.name === 'TimeoutError'));
    return { outcome: timedOut ? 'timeout' : 'connection', ms: performance.now() - started, bytes: 0 };
  }
}

async function applyLoad(url: string, pid: number | undefined, samples: Samples, settings: Settings, interrupt: AbortSignal): Promise<LoadFigures> {
  const tallies = new Map(MIX.map((entry) => [entry.route, { latenciesMs: [], outcomes: {}, bytes: 0 } as RouteTally]));
  const rss: RssSample[] = [];
  let stoppedBy: StopReason | undefined;
  let issued = 0;
  let completed = 0;
  let errors = 0;
  const started = performance.now();
  const elapsedS = () => (performance.now() - started) / 1000;

  const sampleRss = () => {
    if (pid === undefined) return;
    try {
      rss.push({ atS: Math.round(elapsedS() * 10) / 10, rssMb: Math.round(memoryMb(pid, 'VmRSS') * 10) / 10 });
    } catch {
      // The explorer is gone: its failures show in the answers.
    }
  };
  let completedAtLastProgress = 0;
  const progress = () => {
    const latest = rss[rss.length - 1];
    const rate = (completed - completedAtLastProgress) / (PROGRESS_INTERVAL_MS / 1000);
    completedAtLastProgress = completed;
    log(`${minutesAndSeconds(elapsedS())} elapsed, ${completed.toLocaleString('en')} requests (${Math.round(rate).toLocaleString('en')} req/s), ${errors} errors${latest ? `, RSS ${latest.rssMb.toFixed(0)} MB` : ''}`);
  };
  const onInterrupt = () => (stoppedBy ??= 'interrupt');
  interrupt.addEventListener('abort', onInterrupt);
  sampleRss();
  const timers = [
    setTimeout(() => (stoppedBy ??= 'time'), settings.minutes * 60_000),
    setInterval(sampleRss, RSS_SAMPLE_INTERVAL_MS),
    setInterval(progress, PROGRESS_INTERVAL_MS),
  ];

  const client = async (index: number) => {
    const random = randomGenerator(MIX_SEED + index);
    while (stoppedBy === undefined) {
      if (issued >= settings.maxRequests) {
        stoppedBy = 'requests';
        break;
      }
      issued++;
      const entry = chooseEntry(random);
      const answer = await send(url, entry.request(samples, random), interrupt);
      if (!answer) break;
      const tally = tallies.get(entry.route) as RouteTally;
      tally.latenciesMs.push(answer.ms);
      tally.outcomes[answer.outcome] = (tally.outcomes[answer.outcome] ?? 0) + 1;
      tally.bytes += answer.bytes;
      completed++;
      if (!isSuccess(answer.outcome)) errors++;
    }
  };
  try {
    await Promise.all(Array.from({ length: settings.clients }, (_, index) => client(index)));
  } finally {
    for (const timer of timers) clearTimeout(timer);
    interrupt.removeEventListener('abort', onInterrupt);
  }
  const seconds = elapsedS();
  sampleRss();
  let peakRssMb: number | undefined;
  try {
    peakRssMb = pid === undefined ? undefined : Math.round(memoryMb(pid, 'VmHWM'));
  } catch {
    peakRssMb = undefined;
  }
  return { seconds, stoppedBy: stoppedBy ?? 'time', tallies, rss, peakRssMb };
}

/* ---------------------------------------------------------------------------------------------------------
 * Judgement and report
 * ------------------------------------------------------------------------------------------------------- */

interface RouteFigures {
  route: string;
  /** Share of the mix (percent of its weights). */
  sharePct: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Megabytes of answers read (MiB). */
  answerMb: number;
  outcomes: Outcomes;
}

interface RssJudgement {
  /** Seconds between samples. */
  intervalS: number;
  samples: RssSample[];
  /** Median of the samples in [60 s, 120 s) (MB). */
  secondMinuteMedianMb?: number;
  /** Median of the samples in the last 60 s (MB). */
  lastMinuteMedianMb?: number;
  /** Last minute's median over the second minute's, minus 1 (percent). */
  changePct?: number;
  peakMb?: number;
  /** true / false when judged; null when not (too short a run, or no pid). */
  flat: boolean | null;
  note: string;
}

export interface SoakResults {
  machine: { cpu: string; memoryGiB: number; os: string; node: string; neo4j: string; loadBefore: number[]; loadAfter: number[]; date: string };
  /** `seed`: the seed's counts of nodes and relationships; `as found`: neither it nor a generated graph. */
  graph: { nodes: number; relationships: number; source: 'generated' | 'seed' | 'as found'; spec?: GraphSpec };
  settings: { clients: number; minutes: number; maxRequests: number; target: string; requestTimeoutMs: number; mix: Array<{ route: string; weight: number }> };
  run: {
    seconds: number;
    stoppedBy: StopReason;
    requests: number;
    reqPerSec: number;
    /** Every answer of every route, pooled. */
    p50Ms: number;
    p99Ms: number;
    /** Answers 5xx. */
    serverErrors: number;
    /** Requests without a full answer: `timeout` or `connection`. */
    transportErrors: number;
    /** Answers 1xx, 3xx, 4xx: none is expected from the mix, none fails the run. */
    otherErrors: number;
  };
  routes: RouteFigures[];
  rss: RssJudgement;
  verdict: { passed: boolean; reasons: string[] };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function judgeRss(samples: RssSample[], seconds: number, peakMb: number | undefined, pid: number | undefined): RssJudgement {
  const base = { intervalS: RSS_SAMPLE_INTERVAL_MS / 1000, samples, ...(peakMb === undefined ? {} : { peakMb }) };
  if (pid === undefined) return { ...base, flat: null, note: 'RSS not sampled: --url without --pid' };
  if (seconds < RSS_JUDGED_FROM_MINUTES * 60) {
    return { ...base, flat: null, note: `RSS flatness not judged: ${round(seconds / 60, 1)} minutes is not enough minutes (it takes ${RSS_JUDGED_FROM_MINUTES})` };
  }
  const median = (from: number, to: number) => percentile(samples.filter((s) => s.atS >= from && s.atS < to).map((s) => s.rssMb), 50);
  const second = median(60, 120);
  const last = median(seconds - 60, seconds + 1);
  const changePct = round(((last - second) / second) * 100);
  const flat = Math.abs(changePct) <= RSS_FLAT_TOLERANCE * 100;
  return {
    ...base,
    secondMinuteMedianMb: second,
    lastMinuteMedianMb: last,
    changePct,
    flat,
    note: `RSS ${flat ? 'flat' : 'not flat'}: last minute's median ${last} MB is ${changePct >= 0 ? '+' : ''}${changePct} % from the second minute's ${second} MB (tolerance ±${RSS_FLAT_TOLERANCE * 100} %)`,
  };
}

function figures(load: LoadFigures): RouteFigures[] {
  const totalWeight = MIX.reduce((sum, entry) => sum + entry.weight, 0);
  return MIX.map((entry) => {
    const tally = load.tallies.get(entry.route) as RouteTally;
    const requests = tally.latenciesMs.length;
    return {
      route: entry.route,
      sharePct: round((entry.weight / totalWeight) * 100, 0),
      requests,
      reqPerSec: round(requests / load.seconds),
      p50Ms: round(percentile(tally.latenciesMs, 50)),
      p99Ms: round(percentile(tally.latenciesMs, 99)),
      maxMs: round(requests === 0 ? NaN : tally.latenciesMs.reduce((max, ms) => Math.max(max, ms), 0)),
      answerMb: round(tally.bytes / 2 ** 20),
      outcomes: tally.outcomes,
    };
  });
}

/** Every answer of every route, pooled: the run's p50/p99. */
function pooledLatency(load: LoadFigures): { p50Ms: number; p99Ms: number } {
  const all = [...load.tallies.values()].flatMap((tally) => tally.latenciesMs);
  return { p50Ms: round(percentile(all, 50)), p99Ms: round(percentile(all, 99)) };
}

/** Ctrl+C or SIGTERM before the load began: nothing was measured. */
class SoakInterruptedError extends Error {
  override readonly name = 'SoakInterruptedError';
}

const GRAPH_SOURCES: Record<SoakResults['graph']['source'], string> = { generated: 'generated by npm run bench:data', seed: 'the seed', 'as found': 'as the server held it' };
const STOPPED_BY: Record<StopReason, string> = { time: 'the time limit', requests: 'the request cap', interrupt: 'Ctrl+C (interrupted)' };

/** The run as Markdown: the table printed at the end, ready for bench/RESULTS.md. */
function soakMarkdown(results: SoakResults): string {
  const { machine, graph, settings, run, rss, verdict } = results;
  const outcomes = (map: Outcomes) =>
    Object.entries(map)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([outcome, count]) => `${count.toLocaleString('en')}× ${outcome}`)
      .join(', ') || 'none';
  const total = results.routes.reduce<Outcomes>((sum, route) => {
    for (const [outcome, count] of Object.entries(route.outcomes)) sum[outcome] = (sum[outcome] ?? 0) + count;
    return sum;
  }, {});
  const lines = [
    `${settings.clients} clients for ${settings.minutes} min on ${settings.target}, stopped by ${STOPPED_BY[run.stoppedBy]} after ${round(run.seconds, 0)} s: ` +
      `${run.requests.toLocaleString('en')} requests, ${run.reqPerSec.toLocaleString('en')} req/s.`,
    `Graph: ${GRAPH_SOURCES[graph.source]}, ${graph.nodes.toLocaleString('en')} nodes, ${graph.relationships.toLocaleString('en')} relationships.`,
    `Machine: ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; Neo4j ${machine.neo4j}; load average (1, 5, 15 min) before ${machine.loadBefore.join(', ')}, after ${machine.loadAfter.join(', ')}; ${machine.date.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    '| route | share of mix | requests | req/s | p50 (ms) | p99 (ms) | max (ms) | answers |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.routes.map((r) => `| ${r.route} | ${r.sharePct} % | ${r.requests.toLocaleString('en')} | ${r.reqPerSec} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${outcomes(r.outcomes)} |`),
    `| all | 100 % | ${run.requests.toLocaleString('en')} | ${run.reqPerSec} | ${run.p50Ms} | ${run.p99Ms} | | ${outcomes(total)} |`,
    '',
    `Explorer RSS (VmRSS every ${rss.intervalS} s, ${rss.samples.length} samples): ${rss.samples[0] ? `${rss.samples[0].rssMb} MB at the start, ` : ''}` +
      `${rss.secondMinuteMedianMb !== undefined ? `${rss.secondMinuteMedianMb} MB in minute 2 (median), ${rss.lastMinuteMedianMb} MB in the last minute (median), ` : ''}` +
      `${rss.peakMb !== undefined ? `peak ${rss.peakMb} MB (VmHWM)` : 'no peak'}. ${rss.note}.`,
    '',
    run.stoppedBy === 'interrupt'
      ? 'Verdict: none, the run was interrupted (Ctrl+C).'
      : `Verdict: ${verdict.passed ? 'passed' : 'FAILED'}${verdict.reasons.length > 0 ? `: ${verdict.reasons.join('; ')}` : ''}.`,
  ];
  return lines.join('\n');
}

function verdictOf(run: SoakResults['run'], rss: RssJudgement): SoakResults['verdict'] {
  const reasons: string[] = [];
  if (run.stoppedBy === 'interrupt') reasons.push('interrupted (Ctrl+C): nothing judged');
  else {
    if (run.serverErrors > 0) reasons.push(`${run.serverErrors} answers were 5xx`);
    if (run.transportErrors > 0) reasons.push(`${run.transportErrors} requests got no full answer (timeout or connection failed)`);
    if (rss.flat === false) reasons.push(rss.note);
  }
  return { passed: reasons.length === 0, reasons };
}

async function run(settings: Settings): Promise<SoakResults> {
  const interrupt = new AbortController();
  // npm and the terminal may both deliver one Ctrl+C: say it once.
  const onSignal = () => {
    if (interrupt.signal.aborted) return;
    log('stopping: cutting the requests in flight, then stopping the explorer and Neo4j…');
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let bench: BenchDatabase | undefined;
  let explorer: Explorer | undefined;
  try {
    let spec: GraphSpec | undefined;
    let neo4jSettings = 'the server behind --url';
    let target = settings.url ?? '';
    let pid = settings.pid;
    if (settings.url === undefined) {
      bench = await openBenchDatabase({ fresh: false, log });
      neo4jSettings = bench.settings;
      interrupt.signal.throwIfAborted();
      spec = await prepareGraph(bench);
      interrupt.signal.throwIfAborted();
      explorer = await startExplorer(bench.target);
      interrupt.signal.throwIfAborted();
      target = explorer.url;
      pid = explorer.pid;
      log(`explorer at ${explorer.url} (pid ${explorer.pid})`);
    }
    const health = (await (await fetch(`${target}/api/health`)).json()) as { neo4j?: { version: string; edition: string } };
    const { samples, nodes, relationships } = await sampleGraph(target);
    log(`${nodes.toLocaleString('en')} nodes, ${relationships.toLocaleString('en')} relationships; ${samples.browse.length} nodes sampled for the requests`);
    interrupt.signal.throwIfAborted();

    const loadBefore = loadavg();
    log(`${settings.clients} clients for ${settings.minutes} min (at most ${settings.maxRequests.toLocaleString('en')} requests)…`);
    const load = await applyLoad(target, pid, samples, settings, interrupt.signal);
    const routes = figures(load);
    const count = (test: (outcome: string) => boolean) => routes.reduce((sum, r) => sum + Object.entries(r.outcomes).reduce((n, [outcome, k]) => n + (test(outcome) ? k : 0), 0), 0);
    const requests = routes.reduce((sum, r) => sum + r.requests, 0);
    const runFigures = {
      seconds: round(load.seconds),
      stoppedBy: load.stoppedBy,
      requests,
      reqPerSec: round(requests / load.seconds),
      ...pooledLatency(load),
      serverErrors: count(isServerError),
      transportErrors: count(isTransportError),
      otherErrors: count((outcome) => !isSuccess(outcome) && !isServerError(outcome) && !isTransportError(outcome)),
    };
    const rss = judgeRss(load.rss, load.seconds, load.peakRssMb, pid);
    return {
      machine: machineDescription(`${health.neo4j ? `${health.neo4j.version} ${health.neo4j.edition}` : 'unknown'}, ${neo4jSettings}`, loadBefore),
      graph: { nodes, relationships, source: spec ? 'generated' : (await isSeed(nodes, relationships)) ? 'seed' : 'as found', ...(spec ? { spec } : {}) },
      settings: {
        clients: settings.clients,
        minutes: settings.minutes,
        maxRequests: settings.maxRequests,
        target: settings.url === undefined ? 'its own explorer (rate limits off, log at warn)' : settings.url,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        mix: MIX.map(({ route, weight }) => ({ route, weight })),
      },
      run: runFigures,
      routes,
      rss,
      verdict: verdictOf(runFigures, rss),
    };
  } catch (error) {
    // The terminal's Ctrl+C reaches the explorer too, which then fails its start: that is the interrupt.
    if (interrupt.signal.aborted) throw new SoakInterruptedError('interrupted before the load began', { cause: error });
    throw error;
  } finally {
    await explorer?.stop();
    await bench?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function main(): Promise<void> {
  const settings = settingsFromArgs();
  mkdirSync(settings.outDir, { recursive: true });
  const results = await run(settings);
  const file = resolve(settings.outDir, 'soak-results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(soakMarkdown(results));
  log(`results in ${file}`);
  if (results.run.stoppedBy === 'interrupt') process.exitCode = 130;
  else if (!results.verdict.passed) {
    log(`failed: ${results.verdict.reasons.join('; ')}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    const interrupted = error instanceof SoakInterruptedError;
    console.error(`[soak] ${interrupted ? error.message : `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}`);
    process.exitCode = interrupted ? 130 : 1;
  });
}
