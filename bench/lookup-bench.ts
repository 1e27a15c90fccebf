/**
 * `npm run bench:lookup`: how long the browse API takes to find a node by the id a URL carries, as the
 * graph grows, when the node's label indexes `id` (a uniqueness constraint) and when nothing does (the
 * lookup then has to scan every node). Runs its own throw-away Neo4j and writes bench/LOOKUP-RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalNeo4j } from '../scripts/neo4j/local-neo4j.ts';
import { DEFAULT_CONFIG } from '../server/src/config.ts';
import { createDatabase, waitForDatabase, type Database } from '../server/src/db/database.ts';
import { createGraphService } from '../server/src/graph/graph-service.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Nodes in the graph at each step; half carry an indexed label, half a label nothing indexes. */
const SIZES = [100_000, 1_000_000];
const BATCH = 50_000;
const REPEATS = 10;
const WARM_UP = 5;

const log = (line: string) => console.error(`[bench] ${line}`);

/** Grows both labels to `size / 2` nodes each. */
async function growTo(db: Database, size: number, from: number): Promise<void> {
  for (let start = from; start < size / 2; start += BATCH) {
    const end = Math.min(start + BATCH, size / 2) - 1;
    await db.writeTransaction((run) =>
      run("UNWIND range($start, $end) AS i CREATE (:Indexed {id: 'indexed-' + i, name: 'I' + i}), (:Unindexed {id: 'unindexed-' + i, name: 'U' + i})", {
        start,
        end,
      }),
    );
    log(`${((end + 1) * 2).toLocaleString('en')} of ${size.toLocaleString('en')} nodes`);
  }
}

/** Mean milliseconds of `work` over REPEATS runs, after WARM_UP untimed ones (plans cached, JIT and pages warm). */
async function mean(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await work();
  const started = performance.now();
  for (let i = 0; i < REPEATS; i++) await work();
  return (performance.now() - started) / REPEATS;
}

async function main(): Promise<void> {
  const boltPort = Number(process.env.BENCH_NEO4J_PORT ?? 7719);
  const neo4j = await startLocalNeo4j({
    instance: 'bench-lookup',
    boltPort,
    portVariable: 'BENCH_NEO4J_PORT',
    heap: '2g',
    pageCache: '1g',
    transactionMemory: DEFAULT_CONFIG.localNeo4jTransactionMemory,
    fresh: true,
    log,
  });
  const db = createDatabase({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: undefined });
  try {
    const info = await waitForDatabase(db);
    await db.writeTransaction((run) => run('CREATE CONSTRAINT indexed_id IF NOT EXISTS FOR (n:Indexed) REQUIRE n.id IS UNIQUE'));
    const graph = createGraphService(db);
    const rows: string[] = [];
    const figures: Array<{ size: number; indexed: number; unindexed: number; neighbours: number }> = [];
    let grown = 0;
    for (const size of SIZES) {
      await growTo(db, size, grown / 2);
      grown = size;
      await db.read('CALL db.awaitIndexes(300)');
      const middle = Math.floor(size / 4);
      const figure = {
        size,
        indexed: await mean(() => graph.node(`indexed-${middle}`)),
        unindexed: await mean(() => graph.node(`unindexed-${middle}`)),
        neighbours: await mean(() => graph.neighbors(`indexed-${middle}`, { limit: 50, types: [], labels: [] })),
      };
      log(`${size.toLocaleString('en')} nodes: indexed ${figure.indexed.toFixed(1)} ms, unindexed ${figure.unindexed.toFixed(1)} ms`);
      figures.push(figure);
      rows.push(
        `| ${size.toLocaleString('en')} | ${figure.indexed.toFixed(1)} | ${figure.neighbours.toFixed(1)} | ${figure.unindexed.toFixed(1)} | ${(figure.unindexed / figure.indexed).toFixed(0)}× |`,
      );
    }
    const [small, large] = figures;
    const cpu = cpus();
    const text = [
      '# Node lookup benchmark',
      '',
      `Measured by \`npm run bench:lookup\` (bench/lookup-bench.ts) on ${new Date().toISOString().slice(0, 10)}.`,
      '',
      `Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}; Node ${process.version}; Neo4j ${info.version} Community (heap 2g, page cache 1g) on the same machine.`,
      '',
      'What a click in the explorer costs before any drawing: `GET /api/nodes/:id` and `/api/neighbors/:id`',
      'find their node by the `id` property. Half the nodes carry a label with a uniqueness constraint on',
      '`id` (`Indexed`), half a label nothing indexes (`Unindexed`). Mean of 10 calls of the graph service',
      'in process, after five untimed ones.',
      '',
      '| nodes | node by indexed id (ms) | its neighbours (ms) | node by unindexed id (ms) | unindexed / indexed |',
      '| ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      small && large
        ? `Ratios, ${large.size.toLocaleString('en')} over ${small.size.toLocaleString('en')} nodes, in the same run: indexed lookup ${(large.indexed / small.indexed).toFixed(1)}×, unindexed lookup ${(large.unindexed / small.unindexed).toFixed(1)}×.`
        : '',
      '',
    ].join('\n');
    writeFileSync(resolve(ROOT, 'bench/LOOKUP-RESULTS.md'), text);
    console.log(text);
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
