/**
 * `npm run seed [-- [--reset] [path/to/file.yaml]]`: validates a seed file, then loads it into the
 * configured Neo4j (or the local one). `--reset` wipes the database first, after saying so.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/src/config.ts';
import { withNeo4j } from '../scripts/neo4j/resolve-neo4j.ts';
import { loadSeed, wipeDatabase } from './loader.ts';
import { DEFAULT_SEED_PATH, readSeedFile } from './seed-file.ts';
import { SeedValidationError } from './schema.ts';

const log = (line: string) => console.error(`[seed] ${line}`);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { reset: { type: 'boolean', default: false } }, allowPositionals: true });
  const path = positionals[0] ?? DEFAULT_SEED_PATH;
  const config = loadConfig();

  log(`validating ${path}`);
  const seed = await readSeedFile(path);
  log(`valid: ${seed.nodes.length} nodes, ${seed.relationships.length} relationships`);

  return withNeo4j(config, async (db, target) => {
    if (values.reset) {
      log(`--reset: deleting every node and relationship in ${target.uri} (database ${target.database ?? 'default'})`);
      const deleted = await wipeDatabase(db, log);
      log(`deleted ${deleted} nodes`);
    }
    const report = await loadSeed(db, seed, { log });
    log(`done: ${report.nodes} nodes and ${report.relationships} relationships loaded into ${target.uri}`);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SeedValidationError || error instanceof ConfigError) console.error(error.message);
    else console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
