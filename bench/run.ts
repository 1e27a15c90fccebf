/**
 * `npm run bench`: the server's speed and memory on the generated graph, in one run, written to
 * bench/results.json and bench/RESULTS.md.
 *
 * 1. Opens the benchmark's Neo4j (bench/bench-database.ts) and generates the graph unless it holds it.
 * 2. Starts the explorer (server/src/main.ts) in a child process against it, so its memory is its own.
 * 3. Latency, per case (`node`, `expand`, `expand-hub`, `search`, `paths`, `overview`, `cypher`): each request
 *    through HTTP, interleaved request by request with the same Cypher run through neo4j-driver in this
 *    process (the queries the graph service sends for that request, recorded once per sample, untimed), and
 *    for `node` also a plain `MATCH (n:Label {id: $id})` seek of the same node. The order alternates.
 * 4. Throughput with autocannon (50 connections, loopback): neighbours of nodes under 50 relationships, then
 *    `/api/health`, one after the other.
 * 5. Exports (query scope, `LIMIT` n relationships): relationships per second, time until the first node or
 *    relationship is written, and the explorer's peak RSS (VmHWM, reset before each export).
 *
 *   npm run bench                       full run (500 requests a case) on the graph bench:data made (else DEFAULT_SPEC)
 *   npm run bench -- --nodes 20000 --relationships 200000   on that graph (generated unless it is there)
 *   npm run bench -- --requests 100     fewer requests a case
 *   npm run bench -- --only node,search some cases (names as in results.json, prefix match)
 *   npm run bench -- --smoke [--out DIR] tiny graph on BENCH_NEO4J_URI (npm test), results to DIR
 *   npm run bench -- --report bench/results.json   only re-render RESULTS.md from a results file
 *
 * Speed is reported, never asserted: the figures depend on the machine and its load (recorded with them).
 */
import { measureClient } from './client-bench.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Database, Params } from '../server/src/db/database.ts';
import { createGraphService } from '../server/src/graph/graph-service.ts';
import { holdsSpec, openBenchDatabase, readGeneratedGraph, regenerate, type GeneratedGraph } from './bench-database.ts';
import { buildClient, machineDescription, memoryMb, percentile, searchText, startExplorer, type Explorer } from './harness.ts';
import { specFromArgs } from './data.ts';
import { randomGenerator, type GraphSpec } from './graph-generator.ts';
import { UNDO_SIZES, measureUndo } from './undo-bench.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(`[bench] ${line}`);

interface Settings {
  smoke: boolean;
  /** The graph to measure: DEFAULT_SPEC, SMOKE_SPEC, or --nodes/--relationships as for bench:data. */
  spec: GraphSpec;
  /** True when the command named a graph: it is generated unless the instance holds exactly that one. */
  specGiven: boolean;
  requests: number;
  /** Distinct samples per case (nodes, pairs, queries), each recorded once and cycled through. */
  samples: number;
  throughputSeconds: number;
  exportSizes: readonly number[];
  /** Sizes at which every format is measured (GraphML is measured at all sizes). */
  allFormatsAt: number;
  only: string[];
  outDir: string;
  /** Only re-render RESULTS.md (into outDir) from this results.json. */
  reportFrom?: string | undefined;
}

function settingsFromArgs(): Settings {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean' },
      requests: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      nodes: { type: 'string' },
      relationships: { type: 'string' },
    },
  });
  const smoke = values.smoke === true;
  if (smoke && !process.env.BENCH_NEO4J_URI) throw new Error('--smoke runs on the test run\'s Neo4j: set BENCH_NEO4J_URI, BENCH_NEO4J_USER and BENCH_NEO4J_PASSWORD.');
  const requests = values.requests !== undefined ? Number(values.requests) : smoke ? 20 : 500;
  if (!Number.isSafeInteger(requests) || requests < 1) throw new Error(`--requests must be a positive integer. Got: "${values.requests}"`);
  return {
    smoke,
    spec: specFromArgs(values),
    specGiven: smoke || values.nodes !== undefined || values.relationships !== undefined,
    requests,
    samples: Math.min(requests, smoke ? 10 : 100),
    throughputSeconds: smoke ? 1 : 10,
    exportSizes: smoke ? [1_000, 5_000] : [10_000, 100_000, 500_000, 1_000_000],
    allFormatsAt: smoke ? 1_000 : 100_000,
    only: values.only ? values.only.split(',').map((name) => name.trim()).filter(Boolean) : [],
    outDir: resolve(values.out ?? resolve(ROOT, 'bench')),
    reportFrom: values.report,
  };
}

/* ---------------------------------------------------------------------------------------------------------
 * Figures
 * ------------------------------------------------------------------------------------------------------- */

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

interface LatencyResult {
  name: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers other than 200, by status. */
  failures: Record<string, number>;
  driver: { p50Ms: number; p95Ms: number; p99Ms: number };
  /** The API's p50 over the driver's p50 of the same Cypher, interleaved. */
  ratioToDriver: number;
  /** `node` only: the API's p99 over a plain indexed seek's p99 of the same nodes, interleaved. */
  ratioToSeek?: number;
  seek?: { p50Ms: number; p95Ms: number; p99Ms: number };
  /** Extra facts of a case (what the answers held). */
  notes?: Record<string, number | string>;
}

const spread = (values: number[]) => ({ p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)), p99Ms: round(percentile(values, 99)) });

/* ---------------------------------------------------------------------------------------------------------
 * The same Cypher through the driver
 * ------------------------------------------------------------------------------------------------------- */

interface Recorded {
  cypher: string;
  params: Params;
}

/** A Database that notes every query a service sends (and runs it), so the driver can replay them. */
function recordingDatabase(db: Database): { db: Database; take(): Recorded[] } {
  let recorded: Recorded[] = [];
  return {
    db: {
      ...db,
      name: db.name,
      read(cypher, params = {}) {
        recorded.push({ cypher, params });
        return db.read(cypher, params);
      },
    },
    take() {
      const out = recorded;
      recorded = [];
      return out;
    },
  };
}

/** Runs the queries in one managed read transaction with neo4j-driver alone, as the service's `read` would. */
async function replay(driver: Driver, queries: readonly Recorded[]): Promise<void> {
  for (const { cypher, params } of queries) {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead(async (tx) => (await tx.run(cypher, params)).records.map((record) => record.toObject()), { timeout: 15_000 });
    } finally {
      await session.close();
    }
  }
}

/* ---------------------------------------------------------------------------------------------------------
 * Samples
 * ------------------------------------------------------------------------------------------------------- */

interface SampleNode {
  id: string;
  label: string;
  elementId: string;
  degree: number;
  name: string;
}

/** Random nodes by degree class, and the hubs, read once with their degrees (from the store's counts). */
async function sampleNodes(db: Database, settings: Settings): Promise<{ ordinary: SampleNode[]; quiet: SampleNode[]; hubs: SampleNode[] }> {
  const random = randomGenerator(settings.spec.seed + 1);
  const rows = await db.read(
    `MATCH (n) WHERE n.seq IS NOT NULL AND rand() < $share
     RETURN n.id AS id, labels(n)[0] AS label, elementId(n) AS elementId, COUNT { (n)--() } AS degree, n.name AS name`,
    { share: Math.min(1, (settings.samples * 20) / settings.spec.nodes) },
  );
  const nodes = rows.map((row) => ({ id: String(row.id), label: String(row.label), elementId: String(row.elementId), degree: Number(row.degree), name: String(row.name) }));
  const shuffled = nodes.map((node) => ({ node, key: random() })).sort((a, b) => a.key - b.key).map(({ node }) => node);
  const hubRows = await db.read(
    `MATCH (n) WHERE n.seq < $hubs RETURN n.id AS id, labels(n)[0] AS label, elementId(n) AS elementId, COUNT { (n)--() } AS degree, n.name AS name ORDER BY n.seq`,
    { hubs: settings.spec.hubDegrees.length },
  );
  return {
    ordinary: shuffled.filter((node) => node.degree > 0 && node.degree < 1_000).slice(0, settings.samples),
    quiet: shuffled.filter((node) => node.degree > 0 && node.degree < 50).slice(0, settings.samples),
    hubs: hubRows.map((row) => ({ id: String(row.id), label: String(row.label), elementId: String(row.elementId), degree: Number(row.degree), name: String(row.name) })),
  };
}

/* ---------------------------------------------------------------------------------------------------------
 * Latency cases
 * ------------------------------------------------------------------------------------------------------- */

interface Sample {
  /** The HTTP request. */
  path: string;
  body?: unknown;
  /** The same request through the graph service in this process (recorded for the driver replay). */
  service?: () => Promise<unknown>;
  /** Or the Cypher the driver runs, when no service call stands for it (the workbench's user query). */
  cypher?: Recorded;
  /** `node`: a plain seek of the same node. */
  seek?: Recorded;
}

interface LatencyCase {
  name: string;
  samples: Sample[];
  /** Reads what an answer held, for the case's notes. */
  inspect?: (answer: unknown, notes: Map<string, number>) => void;
}

async function timeHttp(url: string, sample: Sample): Promise<{ ms: number; status: number; answer: unknown }> {
  const started = performance.now();
  const response = await fetch(url + sample.path, sample.body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sample.body) });
  const answer: unknown = await response.json();
  return { ms: performance.now() - started, status: response.status, answer };
}

async function timeDriver(driver: Driver, queries: readonly Recorded[]): Promise<number> {
  const started = performance.now();
  await replay(driver, queries).catch(() => undefined);
  return performance.now() - started;
}

async function measureLatency(url: string, driver: Driver, recorder: ReturnType<typeof recordingDatabase>, testCase: LatencyCase, requests: number): Promise<LatencyResult> {
  // Each sample once through the service (untimed: records its Cypher and warms plans and pages).
  const queries: Recorded[][] = [];
  for (const sample of testCase.samples) {
    if (sample.service) {
      recorder.take();
      await sample.service().catch(() => undefined);
      queries.push(recorder.take());
    } else queries.push(sample.cypher ? [sample.cypher] : []);
  }
  const api: number[] = [];
  const direct: number[] = [];
  const seeks: number[] = [];
  const failures: Record<string, number> = {};
  const notes = new Map<string, number>();
  for (let i = 0; i < requests; i++) {
    const k = i % testCase.samples.length;
    const sample = testCase.samples[k] as Sample;
    const viaApi = async () => {
      const { ms, status, answer } = await timeHttp(url, sample);
      api.push(ms);
      if (status !== 200) failures[status] = (failures[status] ?? 0) + 1;
      else testCase.inspect?.(answer, notes);
    };
    const viaDriver = async () => {
      direct.push(await timeDriver(driver, queries[k] as Recorded[]));
      if (sample.seek) seeks.push(await timeDriver(driver, [sample.seek]));
    };
    if (i % 2 === 0) {
      await viaApi();
      await viaDriver();
    } else {
      await viaDriver();
      await viaApi();
    }
  }
  const result: LatencyResult = {
    name: testCase.name,
    requests,
    ...spread(api),
    maxMs: round(Math.max(...api)),
    failures,
    driver: spread(direct),
    ratioToDriver: round(percentile(api, 50) / percentile(direct, 50)),
  };
  if (seeks.length > 0) {
    result.seek = spread(seeks);
    result.ratioToSeek = round(percentile(api, 99) / percentile(seeks, 99));
  }
  if (notes.size > 0) result.notes = Object.fromEntries([...notes].map(([key, value]) => [key, round(value / requests, 1)]));
  return result;
}

function latencyCases(nodes: Awaited<ReturnType<typeof sampleNodes>>, graph: ReturnType<typeof createGraphService>, settings: Settings): LatencyCase[] {
  const random = randomGenerator(settings.spec.seed + 2);
  const neighbours = (node: SampleNode): Sample => ({
    path: `/api/nodes/${encodeURIComponent(node.id)}/neighbors?limit=100`,
    service: () => graph.neighbors(node.id, { limit: 100, types: [], labels: [] }),
  });
  const countNodes = (answer: unknown, notes: Map<string, number>) => {
    const { nodes: found = [], relationships = [] } = answer as { nodes?: unknown[]; relationships?: unknown[] };
    notes.set('nodes per answer', (notes.get('nodes per answer') ?? 0) + found.length);
    notes.set('relationships per answer', (notes.get('relationships per answer') ?? 0) + relationships.length);
  };
  const pairs = nodes.ordinary.map((from, k) => [from, nodes.ordinary[(k * 7 + 3) % nodes.ordinary.length] as SampleNode] as const).filter(([a, b]) => a.id !== b.id);
  const cypherQuery = 'MATCH (a:Person)-[r]->(b) RETURN a, r, b LIMIT 1000';
  return [
    {
      name: 'node',
      samples: nodes.ordinary.map((node) => ({
        path: `/api/nodes/${encodeURIComponent(node.id)}`,
        service: () => graph.node(node.id),
        seek: { cypher: `MATCH (n:\`${node.label}\` {id: $id}) RETURN n`, params: { id: node.id } },
      })),
    },
    { name: 'expand', samples: nodes.ordinary.map(neighbours), inspect: countNodes },
    { name: 'expand-hub', samples: nodes.hubs.map(neighbours), inspect: countNodes },
    {
      name: 'search',
      samples: nodes.ordinary.map((node) => {
        const q = searchText(node.name, random);
        return { path: `/api/search?q=${encodeURIComponent(q)}&limit=10`, service: () => graph.search(q, 10) };
      }),
    },
    {
      name: 'paths',
      samples: pairs.map(([from, to]) => ({
        path: `/api/paths?from=${encodeURIComponent(from.id)}&to=${encodeURIComponent(to.id)}&maxLength=6`,
        service: () => graph.paths({ from: from.id, to: to.id, maxLength: 6 }),
      })),
      inspect: (answer, notes) => {
        const { paths = [], truncated } = answer as { paths?: unknown[]; truncated?: unknown };
        notes.set('paths per answer', (notes.get('paths per answer') ?? 0) + paths.length);
        if (paths.length === 0) notes.set('answers without a path', (notes.get('answers without a path') ?? 0) + 1);
        if (truncated) notes.set('answers stopped by the budget', (notes.get('answers stopped by the budget') ?? 0) + 1);
      },
    },
    { name: 'overview', samples: [{ path: '/api/graph?limit=5000', service: () => graph.overview({ limit: 5_000, ids: undefined }) }], inspect: countNodes },
    {
      name: 'cypher',
      samples: [{ path: '/api/cypher', body: { query: cypherQuery }, cypher: { cypher: cypherQuery, params: {} } }],
    },
  ];
}

/* ---------------------------------------------------------------------------------------------------------
 * Throughput and exports
 * ------------------------------------------------------------------------------------------------------- */

interface ThroughputResult {
  name: string;
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function measureThroughput(name: string, url: string, paths: string[], seconds: number): Promise<ThroughputResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] as string }) }],
  });
  return {
    name,
    connections: 50,
    seconds,
    reqPerSec: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

interface ExportResult {
  name: string;
  format: string;
  relationships: number;
  nodes: number;
  bytes: number;
  seconds: number;
  relsPerSec: number;
  /** Until the first node or relationship is in the download (its first record, not the header). */
  firstRecordMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

/** What marks the first node or relationship in each format's text (CSV is a zip: its first entry's data). */
const FIRST_RECORD: Record<string, RegExp> = {
  json: /"labels"|"type"/,
  cytoscape: /\{"data":\{"id"/,
  graphml: /<node |<edge /,
  cypher: /CREATE|MERGE|UNWIND/,
  csv: /PK\x03\x04[\s\S]{26,}\S/,
};

const sizeName = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}m` : `${size / 1_000}k`);

async function measureExport(explorer: Explorer, format: string, relationships: number): Promise<ExportResult> {
  writeFileSync(`/proc/${explorer.pid}/clear_refs`, '5');
  const rssBeforeMb = memoryMb(explorer.pid, 'VmRSS');
  const started = performance.now();
  const response = await fetch(`${explorer.url}/api/export`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ format, scope: { query: 'MATCH (a)-[r]->(b) RETURN a, r, b LIMIT $n', params: { n: relationships } } }),
  });
  if (response.status !== 200) throw new Error(`export ${format} ${relationships}: HTTP ${response.status} ${await response.text()}`);
  let bytes = 0;
  let firstRecordMs = NaN;
  let head = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (Number.isNaN(firstRecordMs)) {
      head = (head + Buffer.from(chunk).toString('latin1')).slice(-1_000_000);
      if (FIRST_RECORD[format]?.test(head)) firstRecordMs = performance.now() - started;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    name: `export-${format}-${sizeName(relationships)}`,
    format,
    relationships: Number(response.headers.get('x-export-relationships')),
    nodes: Number(response.headers.get('x-export-nodes')),
    bytes,
    seconds: round(seconds),
    relsPerSec: round(relationships / seconds, 0),
    firstRecordMs: round(firstRecordMs, 0),
    rssBeforeMb: round(rssBeforeMb, 0),
    peakRssMb: round(memoryMb(explorer.pid, 'VmHWM'), 0),
  };
}

/* ---------------------------------------------------------------------------------------------------------
 * The run
 * ------------------------------------------------------------------------------------------------------- */

interface Results {
  machine: Record<string, string | number | number[]>;
  graph: { nodes: number; relationships: number; spec: GraphSpec };
  settings: { requests: number; samples: number; smoke: boolean };
  results: Array<LatencyResult | ThroughputResult | ExportResult | Record<string, unknown>>;
}

async function run(settings: Settings): Promise<Results> {
  const started = performance.now();
  const stop = new AbortController();
  // npm and the terminal may both deliver one Ctrl+C: say it once.
  process.on('SIGINT', () => {
    if (stop.signal.aborted) return;
    log('stopping after the step in hand…');
    stop.abort();
  });
  const wanted = (name: string) => settings.only.length === 0 || settings.only.some((prefix) => name.startsWith(prefix));
  // A section runs when a row in it may be wanted: `--only layout-circle-1000` opens the client's section.
  const sectionWanted = (section: string) => settings.only.length === 0 || settings.only.some((prefix) => prefix.startsWith(section) || section.startsWith(prefix));
  const bench = await openBenchDatabase({ fresh: false, log });
  let explorer: Explorer | undefined;
  const driver = neo4j.driver(bench.target.uri, neo4j.auth.basic(bench.target.user, bench.target.password), { logging: neo4j.logging.console('error') });
  try {
    let generated: GeneratedGraph | undefined = readGeneratedGraph();
    // Without a size on the command line, the graph `npm run bench:data` made is measured, whatever its size.
    if (!settings.specGiven && generated?.spec !== undefined) settings.spec = generated.spec;
    if (settings.smoke || !holdsSpec(generated, settings.spec)) {
      log(generated?.spec ? 'the benchmark instance holds another graph: generating the one asked for' : 'no generated graph yet: generating it');
      generated = await regenerate(bench, settings.spec, { log, signal: stop.signal });
    } else log(`measuring the graph generated at ${generated?.generatedAt} (npm run bench:data)`);
    const [counts] = await bench.db.read('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');
    const graphSize = { nodes: Number(counts?.nodes), relationships: Number(counts?.relationships) };
    // The explorer serves dist/client: build it first when the client is measured (the smoke run is part of
    // npm test, which has just built it).
    if (!settings.smoke && (sectionWanted('render-') || sectionWanted('layout-'))) await buildClient(log, stop.signal);
    const loadBefore = loadavg();
    explorer = await startExplorer(bench.target);
    log(`explorer at ${explorer.url} (pid ${explorer.pid}) on ${graphSize.nodes.toLocaleString('en')} nodes, ${graphSize.relationships.toLocaleString('en')} relationships`);

    const results: Results['results'] = [];
    if (generated) {
      results.push({ name: 'seed-load', nodesPerSec: round(generated.load.nodesPerSec, 0), relationshipsPerSec: round(generated.load.relationshipsPerSec, 0), seconds: round(generated.load.seconds, 1), generatedAt: generated.generatedAt });
    }
    const recorder = recordingDatabase(bench.db);
    const graph = createGraphService(recorder.db);
    const nodes = await sampleNodes(bench.db, settings);
    for (const testCase of latencyCases(nodes, graph, settings)) {
      if (!wanted(testCase.name)) continue;
      stop.signal.throwIfAborted();
      log(`${testCase.name}: ${settings.requests} requests over ${testCase.samples.length} samples…`);
      const result = await measureLatency(explorer.url, driver, recorder, testCase, settings.requests);
      log(`${testCase.name}: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.ratioToDriver}× the driver${result.ratioToSeek ? `, p99 ${result.ratioToSeek}× a seek` : ''}`);
      results.push(result);
    }

    if (wanted('throughput')) {
      const quietPaths = nodes.quiet.map((node) => `/api/nodes/${encodeURIComponent(node.id)}/neighbors?limit=100`);
      for (const [name, paths] of [['throughput-expand', quietPaths], ['throughput-health', ['/api/health']]] as const) {
        stop.signal.throwIfAborted();
        log(`${name}: ${settings.throughputSeconds} s with 50 connections…`);
        const result = await measureThroughput(name, explorer.url, [...paths], settings.throughputSeconds);
        log(`${name}: ${result.reqPerSec} req/s, p99 ${result.p99Ms} ms`);
        results.push(result);
      }
    }

    for (const size of settings.exportSizes) {
      if (size > graphSize.relationships) {
        log(`exports of ${size.toLocaleString('en')} relationships skipped: the graph has fewer`);
        continue;
      }
      for (const format of size === settings.allFormatsAt ? ['graphml', 'json', 'cytoscape', 'csv', 'cypher'] : ['graphml']) {
        if (!wanted(`export-${format}-${sizeName(size)}`)) continue;
        stop.signal.throwIfAborted();
        log(`export ${format}, ${size.toLocaleString('en')} relationships…`);
        const result = await measureExport(explorer, format, size);
        log(`export ${format} ${sizeName(size)}: ${result.relsPerSec.toLocaleString('en')} rels/s, first record ${result.firstRecordMs} ms, peak RSS ${result.peakRssMb} MB`);
        results.push(result);
      }
    }

    // The client's undo history (no database): memory and time per step on big views (bench/undo-bench.ts).
    for (const size of settings.smoke ? [UNDO_SIZES[0] as number] : UNDO_SIZES) {
      if (!wanted(`undo-${sizeName(size)}`)) continue;
      const figures = measureUndo(size);
      log(`undo ${sizeName(size)}: ${figures.steps} steps, ${figures.historyMb.toFixed(1)} MB, undo ${figures.undoMs.toFixed(3)} ms`);
      results.push({ name: `undo-${sizeName(size)}`, ...figures });
    }

    // The client in Chromium on this graph (bench/client-bench.ts): drawing, frames while moving, layouts.
    if (sectionWanted('render-') || sectionWanted('layout-')) {
      const sizes = (settings.smoke ? [200] : [1_000, 5_000, 20_000]).filter((size) => size <= graphSize.nodes);
      const hub = nodes.hubs[0];
      // Expansions to sizes the biggest hub has room for (its degree counts relationships, not neighbours: half of it is safe).
      const expansionSizes = (settings.smoke ? [150] : [1_000, 5_000]).filter((size) => hub && size <= hub.degree / 2);
      stop.signal.throwIfAborted();
      // The smoke run (npm test) checks one layout; the full run measures every layout at every size.
      const layouts = settings.smoke ? ['force'] : undefined;
      results.push(...(await measureClient(explorer.url, sizes, log, hub ? { hubId: hub.id, sizes: expansionSizes } : undefined, layouts, wanted)));
    }

    return {
      machine: {
        ...machineDescription(`${bench.info.version} ${bench.info.edition}, ${bench.settings}`, loadBefore),
        seconds: round((performance.now() - started) / 1000, 0),
      },
      graph: { ...graphSize, spec: settings.spec },
      settings: { requests: settings.requests, samples: settings.samples, smoke: settings.smoke },
      results,
    };
  } finally {
    await explorer?.stop();
    await driver.close();
    await bench.stop();
  }
}

/* ---------------------------------------------------------------------------------------------------------
 * The report
 * ------------------------------------------------------------------------------------------------------- */

/** The issue's targets ("The server fast on a million relationships"), each checked against a run's figures. */
const TARGETS: Array<{ what: string; check: (find: (name: string) => Record<string, unknown> | undefined) => { value: string; met: boolean } | undefined }> = [
  ...(
    [
      ['node', 'p99 ≤ 1.5× a plain seek', (r: Record<string, unknown>) => ({ value: `${r.ratioToSeek}×`, met: Number(r.ratioToSeek) <= 1.5 })],
      ['expand', 'p99 ≤ 20 ms', (r: Record<string, unknown>) => ({ value: `${r.p99Ms} ms`, met: Number(r.p99Ms) <= 20 })],
      ['expand', 'API ≤ 1.3× the driver', (r: Record<string, unknown>) => ({ value: `${r.ratioToDriver}×`, met: Number(r.ratioToDriver) <= 1.3 })],
      ['expand-hub', 'p99 ≤ 100 ms', (r: Record<string, unknown>) => ({ value: `${r.p99Ms} ms`, met: Number(r.p99Ms) <= 100 })],
      ['expand-hub', 'API ≤ 1.3× the driver', (r: Record<string, unknown>) => ({ value: `${r.ratioToDriver}×`, met: Number(r.ratioToDriver) <= 1.3 })],
      ['paths', 'p99 ≤ 1 s, no failure', (r: Record<string, unknown>) => ({ value: `${r.p99Ms} ms, ${Object.keys(r.failures as object).length === 0 ? 'no failure' : 'failures'}`, met: Number(r.p99Ms) <= 1000 && Object.keys(r.failures as object).length === 0 })],
      ['search', 'p99 ≤ 30 ms', (r: Record<string, unknown>) => ({ value: `${r.p99Ms} ms`, met: Number(r.p99Ms) <= 30 })],
      ['overview', 'p99 ≤ 300 ms', (r: Record<string, unknown>) => ({ value: `${r.p99Ms} ms`, met: Number(r.p99Ms) <= 300 })],
      ['cypher', 'API ≤ 1.3× the driver', (r: Record<string, unknown>) => ({ value: `${r.ratioToDriver}×`, met: Number(r.ratioToDriver) <= 1.3 })],
      ['export-graphml-500k', '≥ 100k rels/s', (r: Record<string, unknown>) => ({ value: `${Number(r.relsPerSec).toLocaleString('en')}/s`, met: Number(r.relsPerSec) >= 100_000 })],
      ['export-graphml-500k', 'first record ≤ 1 s', (r: Record<string, unknown>) => ({ value: `${r.firstRecordMs} ms`, met: Number(r.firstRecordMs) <= 1000 })],
      ['export-graphml-1m', 'peak RSS ≤ 300 MB', (r: Record<string, unknown>) => ({ value: `${r.peakRssMb} MB`, met: Number(r.peakRssMb) <= 300 })],
    ] as const
  ).map(([name, what, check]) => ({ what: `${name}: ${what}`, check: (find: (name: string) => Record<string, unknown> | undefined) => { const r = find(name); return r ? check(r) : undefined; } })),
  {
    what: 'throughput-expand: ≥ 50 % of /api/health and ≥ 1,500 req/s',
    check: (find) => {
      const [expand, health] = [find('throughput-expand'), find('throughput-health')];
      if (!expand || !health) return undefined;
      const share = Number(expand.reqPerSec) / Number(health.reqPerSec);
      return { value: `${Math.round(share * 100)} %, ${Number(expand.reqPerSec).toLocaleString('en')} req/s`, met: share >= 0.5 && Number(expand.reqPerSec) >= 1500 };
    },
  },
  // Issue 9: the client fast on 20,000 nodes.
  ...(
    [
      ['render-canvas-1000', 'interactive ≤ 1 s, no task over 200 ms', (r: Record<string, unknown>) => ({ value: `${r.interactiveMs} ms, longest ${r.longestTaskMs} ms`, met: Number(r.interactiveMs) <= 1000 && Number(r.longestTaskMs) <= 200 })],
      ['render-canvas-5000', 'interactive ≤ 3 s, no task over 200 ms', (r: Record<string, unknown>) => ({ value: `${r.interactiveMs} ms, longest ${r.longestTaskMs} ms`, met: Number(r.interactiveMs) <= 3000 && Number(r.longestTaskMs) <= 200 })],
      ['render-canvas-5000', '≥ 30 fps', (r: Record<string, unknown>) => ({ value: `${r.fps} fps`, met: Number(r.fps) >= 30 })],
      ['render-canvas-20000', '≥ 10 fps', (r: Record<string, unknown>) => ({ value: `${r.fps} fps`, met: Number(r.fps) >= 10 })],
      ...(['force', 'concentric', 'hierarchy', 'circle', 'grid'] as const).map(
        (name) => [`layout-${name}-20000`, 'no task over 200 ms', (r: Record<string, unknown>) => ({ value: `${r.longestTaskMs} ms`, met: Number(r.longestTaskMs) <= 200 })] as const,
      ),
    ] as const
  ).map(([name, what, check]) => ({ what: `${name}: ${what}`, check: (find: (name: string) => Record<string, unknown> | undefined) => {
    const row = find(name);
    return row ? check(row) : undefined;
  } })),
];

function markdown(results: Results): string {
  const { machine, graph } = results;
  const rows = (filter: (r: Record<string, unknown>) => boolean) => results.results.filter((r) => filter(r as Record<string, unknown>)) as Array<Record<string, unknown>>;
  const lines = [
    '# Server benchmark',
    '',
    `Measured by \`npm run bench\` (bench/run.ts) on ${String(machine.date).slice(0, 10)}, ${machine.seconds} s in all.`,
    '',
    `- Machine: ${machine.cpu} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; Neo4j ${machine.neo4j}, on the same machine.`,
    `- Load average (1, 5, 15 min) before: ${(machine.loadBefore as number[]).join(', ')}; after: ${(machine.loadAfter as number[]).join(', ')}.`,
    `- Graph: ${graph.nodes.toLocaleString('en')} nodes, ${graph.relationships.toLocaleString('en')} relationships (bench/graph-generator.ts, seed ${graph.spec.seed}, hubs of ${graph.spec.hubDegrees.map((d) => d.toLocaleString('en')).join(', ')} relationships).`,
    `- ${results.settings.requests} requests per case over ${results.settings.samples} samples, through HTTP on loopback, interleaved request by request with the same Cypher through neo4j-driver in the benchmark's process.`,
    '',
    '## Latency',
    '',
    '| case | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | driver p50 (ms) | API / driver (p50) | other | failures |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const r of rows((r) => 'ratioToDriver' in r) as unknown as LatencyResult[]) {
    const other = [
      r.ratioToSeek !== undefined ? `p99 ${r.ratioToSeek}× a plain seek (${r.seek?.p99Ms} ms)` : '',
      ...Object.entries(r.notes ?? {}).map(([key, value]) => `${value} ${key}`),
    ].filter(Boolean);
    const failures = Object.entries(r.failures).map(([status, count]) => `${count}× ${status}`).join(', ') || 'none';
    lines.push(`| ${r.name} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.driver.p50Ms} | ${r.ratioToDriver}× | ${other.join('; ')} | ${failures} |`);
  }
  const throughput = rows((r) => 'reqPerSec' in r) as unknown as ThroughputResult[];
  if (throughput.length > 0) {
    lines.push('', '## Throughput (autocannon, 50 connections)', '', '| case | req/s | p50 (ms) | p99 (ms) | non-2xx | errors |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of throughput) lines.push(`| ${r.name} | ${r.reqPerSec.toLocaleString('en')} | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx} | ${r.errors} |`);
    const [expand, health] = throughput;
    if (expand && health) lines.push('', `Neighbours at ${Math.round((100 * expand.reqPerSec) / health.reqPerSec)} % of /api/health's rate in the same run.`);
  }
  const exports = rows((r) => 'relsPerSec' in r) as unknown as ExportResult[];
  if (exports.length > 0) {
    lines.push(
      '',
      '## Exports (query scope `MATCH (a)-[r]->(b) RETURN a, r, b LIMIT n`)',
      '',
      '| case | relationships | nodes | size (MB) | time (s) | rels/s | first record (ms) | RSS before (MB) | peak RSS (MB) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of exports) {
      lines.push(`| ${r.name} | ${r.relationships.toLocaleString('en')} | ${r.nodes.toLocaleString('en')} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${r.seconds} | ${r.relsPerSec.toLocaleString('en')} | ${r.firstRecordMs} | ${r.rssBeforeMb} | ${r.peakRssMb} |`);
    }
  }
  const undo = rows((r) => String(r.name).startsWith('undo-'));
  if (undo.length > 0) {
    lines.push(
      '',
      '## The client\'s undo history (bench/undo-bench.ts, no database)',
      '',
      '| nodes in view | undo steps kept | their memory (MB) | a step (KB) | an expansion (ms) | an undo (ms) |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
      ...undo.map((r) => `| ${Number(r.size).toLocaleString('en')} | ${r.steps} | ${Number(r.historyMb).toFixed(1)} | ${Number(r.perStepKb).toFixed(0)} | ${Number(r.changeMs).toFixed(2)} | ${Number(r.undoMs).toFixed(3)} |`),
    );
  }
  const client = rows((r) => /^(render|layout)-/.test(String(r.name)));
  if (client.length > 0) {
    lines.push(
      '',
      '## The client in headless Chromium (bench/client-bench.ts, no GPU)',
      '',
      '| case | nodes | relationships | interactive (ms) | longest task (ms) | fps panning and zooming | layout (ms) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...client.map((r) =>
        r.unavailable || r.failed
          ? `| ${r.name} | | | ${r.unavailable ? `unavailable: ${r.unavailable}` : `failed: ${r.failed}`} | | | |`
          : `| ${r.name} | ${Number(r.nodes).toLocaleString('en')} | ${r.relationships === undefined ? '' : Number(r.relationships).toLocaleString('en')} | ${r.interactiveMs ?? ''} | ${r.longestTaskMs} | ${r.fps ?? ''} | ${r.ms ?? ''} |`,
      ),
    );
  }
  const find = (name: string) => results.results.find((r) => r.name === name) as Record<string, unknown> | undefined;
  const targets = TARGETS.flatMap(({ what, check }) => {
    const outcome = check(find);
    return outcome ? [`| ${what} | ${outcome.value} | ${outcome.met ? 'met' : '**missed**'} |`] : [];
  });
  if (targets.length > 0) lines.push('', '## Against the targets', '', '| target | this run | |', '| --- | ---: | --- |', ...targets);
  const load = rows((r) => r.name === 'seed-load')[0];
  if (load) lines.push('', `Loading the generated graph: ${Number(load.nodesPerSec).toLocaleString('en')} nodes/s, ${Number(load.relationshipsPerSec).toLocaleString('en')} relationships/s (batched UNWIND, ${load.seconds} s in all).`);
  lines.push('', 'Reproduce: `npm run bench:data` (once, about 2 minutes), then `npm run bench`. Figures vary with the machine and its load; compare ratios measured in one run.', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const settings = settingsFromArgs();
  mkdirSync(settings.outDir, { recursive: true });
  if (settings.reportFrom) {
    const text = markdown(JSON.parse(readFileSync(settings.reportFrom, 'utf8')) as Results);
    writeFileSync(resolve(settings.outDir, 'RESULTS.md'), text);
    console.log(text);
    return;
  }
  const results = await run(settings);
  writeFileSync(resolve(settings.outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const text = markdown(results);
  writeFileSync(resolve(settings.outDir, 'RESULTS.md'), text);
  console.log(text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
