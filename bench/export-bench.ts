/**
 * `npm run bench:export`: the export's memory and speed on generated graphs of 10k and 100k relationships.
 *
 * 1. Starts a throw-away Neo4j (instance `bench`, port BENCH_NEO4J_PORT or 7718, data wiped first).
 * 2. Generates one graph per size: a hub joined to every node and random relationships among the nodes,
 *    five relationships per node, each with evidence (a quote, sources, a certainty) and typed properties.
 * 3. Starts the explorer (server/src/main.ts) in a child process against it.
 * 4. Exports each graph once untimed (to warm up), then in every format (the hub's neighbourhood, depth 2:
 *    the whole graph), reading and discarding the download; before each export the child's peak RSS is reset (/proc/<pid>/clear_refs)
 *    and afterwards read (VmHWM in /proc/<pid>/status).
 * 5. Prints the figures and writes them to bench/RESULTS.md with the machine and the date.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORT_FORMATS, type ExportFormatName } from '../server/src/contract.ts';
import { createDatabase, waitForDatabase, type Database } from '../server/src/db/database.ts';
import { startLocalNeo4j } from '../scripts/neo4j/local-neo4j.ts';
import { DEFAULT_CONFIG } from '../server/src/config.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [10_000, 100_000];
const RELATIONSHIPS_PER_NODE = 5;
const log = (line: string) => console.error(`[bench] ${line}`);

async function generate(db: Database, label: string, relationships: number): Promise<void> {
  const nodes = relationships / RELATIONSHIPS_PER_NODE;
  log(`${label}: ${nodes} nodes, ${relationships} relationships`);
  await db.writeTransaction((run) => run(`CREATE INDEX ${label}_seq IF NOT EXISTS FOR (n:${label}) ON (n.seq)`));
  await db.writeTransaction((run) => run('CALL db.awaitIndexes(300)'));
  for (let from = 0; from < nodes; from += 10_000) {
    await db.writeTransaction((run) =>
      run(
        `UNWIND range($from, $to) AS i
         CREATE (:${label} {seq: i, id: $label + '-' + i, name: 'Entity ' + i, aliases: ['E' + i, 'entity-' + i],
                 score: i / 7.0, founded: date('2000-01-01') + duration({days: i % 9000})})`,
        { from, to: Math.min(from + 9_999, nodes - 1), label },
      ),
    );
  }
  // The hub (seq 0) reaches every node, so its depth-2 neighbourhood is the whole graph.
  const batch = 10_000;
  for (let from = 1; from <= relationships; from += batch) {
    await db.writeTransaction((run) =>
      run(
        `UNWIND range($from, $to) AS k
         WITH k, CASE WHEN k < $nodes THEN 0 ELSE (k * 7919) % $nodes END AS a, CASE WHEN k < $nodes THEN k ELSE (k * 104729 + 13) % $nodes END AS b
         MATCH (x:${label} {seq: a}) MATCH (y:${label} {seq: b})
         CREATE (x)-[:RELATES_TO {quote: 'According to report ' + k + ', "entity ' + a + '" dealt with entity ' + b + ' (a sentence of evidence).',
                                  sources: ['source-' + (k % 17), 'article'], certainty: ['confirmed', 'reported', 'assessed', 'speculated', 'conditional'][k % 5],
                                  weight: k / 3.0, seen: datetime({epochSeconds: 1700000000 + k, timezone: 'Europe/Berlin'})}]->(y)`,
        { from, to: Math.min(from + batch - 1, relationships), nodes },
      ),
    );
    if ((from - 1) % 50_000 === 0) log(`  relationships ${from - 1}/${relationships}`);
  }
}

function memoryKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : NaN;
}

/** A port free on loopback right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startExplorer(env: Record<string, string>): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', () => undefined);
  const url = await new Promise<string>((done, fail) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /ready: (http:\/\/\S+)/.exec(text);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`the explorer exited (${code})`)));
  });
  return { url, pid: child.pid as number, stop: () => child.kill('SIGTERM') };
}

interface Figure {
  relationships: number;
  format: ExportFormatName;
  /** Until the first byte: the scope resolved and the plan (counts, keys) read in Neo4j. */
  firstByteSeconds: number;
  seconds: number;
  bytes: number;
  peakMb: number;
  baselineMb: number;
}

async function exportOnce(url: string, pid: number, label: string, format: ExportFormatName, relationships: number): Promise<Figure> {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const baselineMb = memoryKb(pid, 'VmRSS') / 1024;
  const started = performance.now();
  const response = await fetch(`${url}/api/export`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ format, scope: { around: `${label}-0`, depth: 2 } }),
  });
  if (response.status !== 200) throw new Error(`${format}: HTTP ${response.status} ${await response.text()}`);
  let bytes = 0;
  let firstByteSeconds = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstByteSeconds = (performance.now() - started) / 1000;
    bytes += chunk.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  if (Number(response.headers.get('x-export-relationships')) !== relationships) throw new Error(`${format}: wrong relationship count`);
  return { relationships, format, firstByteSeconds, seconds, bytes, peakMb: memoryKb(pid, 'VmHWM') / 1024, baselineMb };
}

function report(figures: Figure[], neo4jVersion: string, totalSeconds: number): string {
  const cpu = cpus();
  const lines = [
    '# Export benchmark',
    '',
    `Measured by \`npm run bench:export\` (bench/export-bench.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}; Node ${process.version}; Neo4j ${neo4jVersion} Community (heap 2g, page cache 1g) on the same machine.`,
    '',
    'Scope: the hub\'s neighbourhood at depth 2, which is the whole generated graph (one node in five is',
    'joined to the hub; every relationship carries a quote, sources, a certainty, a float and a datetime).',
    'Peak RSS is the explorer process\'s VmHWM, reset before each export; "before" is its RSS just before.',
    'Time runs from the request to the last byte read (first byte: after the scope and the plan were read in',
    'Neo4j); the rate is relationships per second of the whole time. One untimed export of each graph runs',
    'first, so that JIT compilation, Neo4j\'s query plans and its page cache are warm for every timed one.',
    '',
    '| relationships | format | first byte (s) | time (s) | rel/s | size (MB) | RSS before (MB) | peak RSS (MB) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const f of figures) {
    lines.push(
      `| ${f.relationships.toLocaleString('en')} | ${f.format} | ${f.firstByteSeconds.toFixed(1)} | ${f.seconds.toFixed(1)} | ${Math.round(f.relationships / f.seconds).toLocaleString('en')} | ${(f.bytes / 2 ** 20).toFixed(1)} | ${f.baselineMb.toFixed(0)} | ${f.peakMb.toFixed(0)} |`,
    );
  }
  lines.push('', 'Ratios, 100k over 10k, in the same run (10× the data):', '', '| format | size | time | peak RSS |', '| --- | ---: | ---: | ---: |');
  for (const format of EXPORT_FORMATS) {
    const [small, large] = SIZES.map((size) => figures.find((f) => f.format === format && f.relationships === size));
    if (!small || !large) continue;
    lines.push(`| ${format} | ${(large.bytes / small.bytes).toFixed(1)}× | ${(large.seconds / small.seconds).toFixed(1)}× | ${(large.peakMb / small.peakMb).toFixed(2)}× |`);
  }
  lines.push('', `The whole run (generation included) took ${Math.round(totalSeconds)} s.`, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const boltPort = Number(process.env.BENCH_NEO4J_PORT ?? 7718);
  const neo4j = await startLocalNeo4j({ instance: 'bench', boltPort, portVariable: 'BENCH_NEO4J_PORT', heap: '2g', pageCache: '1g', transactionMemory: DEFAULT_CONFIG.localNeo4jTransactionMemory, fresh: true, log });
  const db = createDatabase({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: undefined });
  let explorer: Awaited<ReturnType<typeof startExplorer>> | undefined;
  try {
    const info = await waitForDatabase(db);
    for (const size of SIZES) await generate(db, `Bench${size / 1000}k`, size);
    explorer = await startExplorer({
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      PORT: String(await freePort()),
      EXPORT_MAX_NODES: '1000000',
      EXPORT_MAX_RELATIONSHIPS: '1000000',
    });
    log(`explorer at ${explorer.url} (pid ${explorer.pid})`);
    const figures: Figure[] = [];
    for (const size of SIZES) {
      log(`${size}: warming up`);
      await exportOnce(explorer.url, explorer.pid, `Bench${size / 1000}k`, 'json', size);
      for (const format of EXPORT_FORMATS) {
        const figure = await exportOnce(explorer.url, explorer.pid, `Bench${size / 1000}k`, format, size);
        log(`${size} ${format}: ${figure.seconds.toFixed(1)} s, ${(figure.bytes / 2 ** 20).toFixed(1)} MB, peak RSS ${figure.peakMb.toFixed(0)} MB`);
        figures.push(figure);
      }
    }
    const text = report(figures, info.version, (performance.now() - started) / 1000);
    writeFileSync(resolve(ROOT, 'bench/RESULTS.md'), text);
    console.log(text);
  } finally {
    explorer?.stop();
    await db.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
