/**
 * `npm run index [-- --dry-run]`: makes the `entity_search` full-text index cover every label of the
 * configured Neo4j (NEO4J_URI…, or the local `dev` instance, as `npm run seed` does) and every property
 * holding text on their nodes, so search finds every node through the index instead of scanning. It says
 * what it will change first, writes only to the schema (never to the data), never drops a label or property
 * the index covers, and shows the population's progress until the index is online. `--dry-run` only says
 * what it would do. Ctrl+C stops it: before the write nothing has changed; after it, Neo4j goes on
 * populating the index by itself, and search scans until it is online.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/src/config.ts';
import { AppError } from '../server/src/errors.ts';
import {
  applySearchIndexPlan,
  describePlan,
  planSearchIndex,
  SearchIndexFailedError,
  textPropertiesOfEveryLabel,
  waitForSearchIndex,
} from '../server/src/graph/search-index-build.ts';
import { SEARCH_INDEX } from '../server/src/graph/search-index.ts';
import { withNeo4j } from './neo4j/resolve-neo4j.ts';

const log = (line: string) => console.error(`[index] ${line}`);

/** Exit code after Ctrl+C (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

async function main(signal: AbortSignal): Promise<number> {
  let dryRun: boolean;
  try {
    dryRun = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } }).values['dry-run'];
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const config = loadConfig();
  return withNeo4j(config, async (db, target) => {
    const where = `${target.uri} (database ${target.database ?? 'default'})`;
    log(`reading the labels of ${where} and the text properties of their nodes (this reads every node once)`);
    const request = await textPropertiesOfEveryLabel(db);
    signal.throwIfAborted();
    const plan = await planSearchIndex(db, request);
    describePlan(plan).forEach((line) => log(line));
    if (plan.action === 'none') return 0;
    if (plan.action === 'keep' && plan.current?.state === 'ONLINE') {
      log('nothing to change: search finds every label through the index');
      return 0;
    }
    if (dryRun) {
      log('--dry-run: nothing written');
      return 0;
    }
    if (plan.action !== 'keep') {
      log(
        `this writes to the schema of ${where}: it ${plan.action === 'replace' ? `drops "${SEARCH_INDEX.name}" and creates it again wider` : `creates "${SEARCH_INDEX.name}"`} (the data is left as it is; search scans until the index is online)`,
      );
      signal.throwIfAborted();
      await applySearchIndexPlan(db, plan);
    }
    log('waiting for Neo4j to populate the index (Ctrl+C stops waiting; Neo4j goes on by itself)');
    try {
      await waitForSearchIndex(db, { signal, onProgress: (percent) => log(`populating: ${percent.toFixed(0)}%`) });
    } catch (error) {
      if (signal.aborted) {
        log('stopped waiting: Neo4j goes on populating the index, and search scans the new labels until it is online');
        return INTERRUPTED;
      }
      throw error;
    }
    log(`done: "${SEARCH_INDEX.name}" is online over ${plan.labels.length} labels`);
    return 0;
  });
}

const controller = new AbortController();
process.on('SIGINT', () => {
  // A second Ctrl+C leaves at once.
  if (controller.signal.aborted) process.exit(INTERRUPTED);
  log('Ctrl+C: stopping after the current step (press it again to leave at once)');
  controller.abort();
});

main(controller.signal).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (controller.signal.aborted) {
      log('cancelled before anything was written');
      process.exit(INTERRUPTED);
    }
    if (error instanceof UsageError) {
      console.error(`${error.message}\nUsage: npm run index [-- --dry-run]`);
      process.exit(2);
    }
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AppError || error instanceof SearchIndexFailedError) log(`failed: ${error.message}`);
    else log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
