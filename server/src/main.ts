/**
 * Process entry for `npm start`: config → Neo4j (the configured one, or a local one provisioned on the
 * spot) → seed when the database is empty → app → listen, and a graceful shutdown on SIGINT/SIGTERM.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, limitsFromConfig, startServer } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase, waitForDatabase } from './db/database.ts';
import { searchCoverage, unindexedLabelsHint } from './graph/search-coverage.ts';
import { createLogger } from './http/request-log.ts';
import { resolveNeo4j } from '../../scripts/neo4j/resolve-neo4j.ts';
import { ProvisionError } from '../../scripts/neo4j/local-neo4j.ts';
import { isDatabaseEmpty, loadSeed } from '../../seed/loader.ts';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../seed/seed-file.ts';

const CLIENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/client');
const log = (line: string) => console.error(line);

/**
 * How long requests in flight (a streamed export, a slow query) may go on after SIGTERM/SIGINT (ms) before
 * they are cut: every request is answered or cut within 10 s of the signal, a container runtime's usual
 * grace before it kills the process.
 */
const SHUTDOWN_GRACE_MS = 8_000;

/** What to undo on shutdown, newest first; filled in as start-up proceeds. */
const cleanups: Array<() => Promise<void>> = [];
let stopping = false;

async function shutdown(signal: string, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`[server] ${signal}: shutting down`);
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => log(`[server] during shutdown: ${error instanceof Error ? error.message : String(error)}`));
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  // Installed first, so Ctrl+C during provisioning or seeding still stops the Neo4j this process started.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const config = loadConfig();
  const { target, local } = await resolveNeo4j(config, (line) => log(`[neo4j] ${line}`));
  if (local?.startedHere) {
    cleanups.push(async () => {
      log('[neo4j] stopping the local Neo4j (its checkpoint can take a while)');
      const started = Date.now();
      await local.stop();
      log(`[neo4j] stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  }
  const db = createDatabase(target);
  cleanups.push(() => db.close());
  const info = await waitForDatabase(db);
  log(`[server] connected to Neo4j ${info.version} ${info.edition} at ${target.uri}`);

  if (await isDatabaseEmpty(db)) {
    log('[seed] the database is empty: loading the default seed');
    await loadSeed(db, await readSeedFile(DEFAULT_SEED_PATH), { log: (line) => log(`[seed] ${line}`) });
  }

  // A hint, never a question, and never a reason not to start.
  const coverage = await searchCoverage(db).catch(() => undefined);
  const hint = coverage && unindexedLabelsHint(coverage);
  if (hint) log(`[search] ${hint}`);

  const server = await startServer(createApp({ db, clientDir: CLIENT_DIR, logger: createLogger(config.log), ...limitsFromConfig(config) }), config.port, config.host);
  cleanups.push(async () => {
    log(`[server] no new connections; letting requests in flight finish (at most ${SHUTDOWN_GRACE_MS / 1000} s)`);
    await server.stop(SHUTDOWN_GRACE_MS);
  });
  console.log(`\n  Knowledge-graph explorer ready: ${server.url}\n`);
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError || error instanceof ProvisionError) console.error(`\n${error.message}\n`);
  else console.error('[server] could not start:', error instanceof Error ? error.message : error);
  await shutdown('start-up failed', 1);
});
