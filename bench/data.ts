/**
 * `npm run bench:data`: generates the benchmark's graph (bench/graph-generator.ts; default 100k nodes and
 * 1M relationships) into the benchmark's own Neo4j (bench/bench-database.ts), never the user's, wiping it
 * first. Progress and load rates go to stderr; Ctrl+C stops after the batch being written and stops Neo4j.
 *
 *   npm run bench:data                      the graph (DEFAULT_SPEC)
 *   npm run bench:data -- --smoke           a tiny one (SMOKE_SPEC)
 *   npm run bench:data -- --nodes 20000 --relationships 100000
 */
import { parseArgs } from 'node:util';
import { openBenchDatabase, regenerate } from './bench-database.ts';
import { DEFAULT_SPEC, SMOKE_SPEC, type GraphSpec } from './graph-generator.ts';

const log = (line: string) => console.error(`[bench:data] ${line}`);

export function specFromArgs(values: { smoke?: boolean; nodes?: string; relationships?: string }): GraphSpec {
  const base = values.smoke ? SMOKE_SPEC : DEFAULT_SPEC;
  const count = (text: string | undefined, name: string, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text.replace(/_/g, ''));
    if (!Number.isSafeInteger(value) || value < 10) throw new Error(`--${name} must be an integer of at least 10. Got: "${text}"`);
    return value;
  };
  const nodes = count(values.nodes, 'nodes', base.nodes);
  const relationships = count(values.relationships, 'relationships', base.relationships);
  // Hubs scale with the graph so they stay hubs: the default's are 1.1–2.2 % of its relationships.
  const scale = relationships / base.relationships;
  const hubDegrees = base.hubDegrees.map((degree) => Math.max(1, Math.min(nodes - 1, Math.round(degree * scale))));
  return { ...base, nodes, relationships, hubDegrees };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { smoke: { type: 'boolean' }, nodes: { type: 'string' }, relationships: { type: 'string' } } });
  const spec = specFromArgs(values);
  const stop = new AbortController();
  // npm and the terminal may both deliver one Ctrl+C: say it once.
  process.on('SIGINT', () => {
    if (stop.signal.aborted) return;
    log('stopping after the current batch…');
    stop.abort();
  });
  const bench = await openBenchDatabase({ fresh: !process.env.BENCH_NEO4J_URI, log });
  try {
    await regenerate(bench, spec, { log, signal: stop.signal });
    log(`done: the graph is in ${bench.target.uri}; run \`npm run bench\` to measure`);
  } catch (error) {
    if (!stop.signal.aborted) throw error;
    log('stopped: the graph is incomplete (npm run bench will generate it again); Neo4j is stopping');
    process.exitCode = 130;
  } finally {
    await bench.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`[bench:data] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
