/**
 * The benchmark's own Neo4j, never the user's: a local instance `bench` (Bolt on 127.0.0.1, port
 * BENCH_NEO4J_PORT or 7718, its own data folder), or, for the smoke run inside `npm test`, the server that
 * BENCH_NEO4J_URI / BENCH_NEO4J_USER / BENCH_NEO4J_PASSWORD name (the test run's throw-away one).
 *
 * What was generated into the local instance is described in `.neo4j/bench-graph.json`, so `npm run bench`
 * reuses a graph that `npm run bench:data` made and regenerates it only when the spec differs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEO4J_ROOT, startLocalNeo4j } from '../scripts/neo4j/local-neo4j.ts';
import { DEFAULT_CONFIG } from '../server/src/config.ts';
import { createDatabase, waitForDatabase, type Database, type ServerInfo } from '../server/src/db/database.ts';
import { wipeDatabase } from '../seed/loader.ts';
import { generateGraph, type GraphSpec, type LoadFigures } from './graph-generator.ts';

/** The local bench instance's sizing: the 1M-relationship store (about 1 GB) fits in the page cache. */
const BENCH_HEAP = '3g';
const BENCH_PAGE_CACHE = '2g';
const DEFAULT_BENCH_PORT = 7718;
const GRAPH_FILE = join(NEO4J_ROOT, 'bench-graph.json');

export interface BenchTarget {
  uri: string;
  user: string;
  password: string;
}

export interface BenchDatabase {
  db: Database;
  target: BenchTarget;
  info: ServerInfo;
  /** The Neo4j settings the figures were taken with (local instance), or `external`. */
  settings: string;
  stop(): Promise<void>;
}

export interface GeneratedGraph {
  spec: GraphSpec;
  load: LoadFigures;
  generatedAt: string;
}

/** Opens the benchmark's database; `fresh` wipes the local instance's data folder first. */
export async function openBenchDatabase({ fresh, log }: { fresh: boolean; log: (line: string) => void }): Promise<BenchDatabase> {
  const external = process.env.BENCH_NEO4J_URI;
  if (external) {
    const target = { uri: external, user: process.env.BENCH_NEO4J_USER ?? 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '' };
    const db = createDatabase({ ...target, database: undefined });
    return { db, target, info: await waitForDatabase(db), settings: 'external server (BENCH_NEO4J_URI)', stop: () => db.close() };
  }
  const boltPort = Number(process.env.BENCH_NEO4J_PORT ?? DEFAULT_BENCH_PORT);
  const neo4j = await startLocalNeo4j({
    instance: 'bench',
    boltPort,
    portVariable: 'BENCH_NEO4J_PORT',
    heap: BENCH_HEAP,
    pageCache: BENCH_PAGE_CACHE,
    transactionMemory: DEFAULT_CONFIG.localNeo4jTransactionMemory,
    fresh,
    log,
  });
  const target = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password };
  const db = createDatabase({ ...target, database: undefined });
  return {
    db,
    target,
    info: await waitForDatabase(db),
    settings: `local instance, heap ${BENCH_HEAP}, page cache ${BENCH_PAGE_CACHE}`,
    async stop() {
      await db.close();
      await neo4j.stop();
    },
  };
}

/** What the local instance holds, as the last generation described it; undefined when unknown. */
export function readGeneratedGraph(): GeneratedGraph | undefined {
  if (process.env.BENCH_NEO4J_URI || !existsSync(GRAPH_FILE)) return undefined;
  return JSON.parse(readFileSync(GRAPH_FILE, 'utf8')) as GeneratedGraph;
}

/** Empties the database and writes the graph of `spec` into it (progress through `log`). */
export async function regenerate(
  bench: BenchDatabase,
  spec: GraphSpec,
  { log, signal }: { log: (line: string) => void; signal?: AbortSignal },
): Promise<GeneratedGraph> {
  if (!process.env.BENCH_NEO4J_URI) writeFileSync(GRAPH_FILE, '{}');
  await wipeDatabase(bench.db, log);
  log(`generating ${spec.nodes.toLocaleString('en')} nodes and ${spec.relationships.toLocaleString('en')} relationships (seed ${spec.seed})`);
  const load = await generateGraph(bench.db, spec, { log, signal });
  log(`loaded in ${load.seconds.toFixed(0)} s: ${Math.round(load.nodesPerSec).toLocaleString('en')} nodes/s, ${Math.round(load.relationshipsPerSec).toLocaleString('en')} relationships/s`);
  const generated = { spec, load, generatedAt: new Date().toISOString() };
  if (!process.env.BENCH_NEO4J_URI) writeFileSync(GRAPH_FILE, `${JSON.stringify(generated, null, 2)}\n`);
  return generated;
}

/** True when the generated-graph file describes exactly `spec` (and so the instance holds it). */
export function holdsSpec(generated: GeneratedGraph | undefined, spec: GraphSpec): boolean {
  return generated?.spec !== undefined && JSON.stringify(generated.spec) === JSON.stringify(spec);
}
