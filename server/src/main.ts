/**
 * Process entry for `npm start`: config → Neo4j (the configured one, or a local one provisioned on the
 * spot) → seed when the database is empty → app → listen, and a graceful shutdown on SIGINT/SIGTERM.
 *
 * A local Neo4j is started and seeded before the app listens. A configured one (NEO4J_URI) may be down or
 * still starting: the app then listens at once, and connects and seeds in the background, retrying until
 * Neo4j answers; until that is done, liveness answers 200 and readiness and the API 503.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, limitsFromConfig, startServer } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase, waitForDatabase, type Database } from './db/database.ts';
import { AppError } from './errors.ts';
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

/** The pause (ms) before another attempt at a configured Neo4j (waitForDatabase itself tries for a minute). */
const RECONNECT_PAUSE_MS = 1_000;

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

/**
 * `db` as the app sees it: every call fails with 503 DB_UNAVAILABLE, as while Neo4j is down, until `open()`.
 * So no request reads a database that is still being seeded, nor keeps what it saw of its schema
 * (schema-cache.ts: search would find nothing for 30 s after the seed is in).
 */
function gatedDatabase(db: Database): { db: Database; open(): void } {
  let opened = false;
  const whenOpen = async <T>(call: () => Promise<T>): Promise<T> => {
    if (!opened) throw new AppError('DB_UNAVAILABLE', 'The database is not ready yet (connecting, or loading the seed); try again shortly.');
    return call();
  };
  return {
    open: () => {
      opened = true;
    },
    db: {
      name: db.name,
      read: (cypher, params) => whenOpen(() => db.read(cypher, params)),
      writeTransaction: (work) => whenOpen(() => db.writeTransaction(work)),
      userRead: (work, options) => whenOpen(() => db.userRead(work, options)),
      serverInfo: (timeoutMs) => whenOpen(() => db.serverInfo(timeoutMs)),
      close: () => db.close(),
    },
  };
}

/** What went wrong, in the driver's words (an AppError's own message is the one meant for API clients). */
function driverReason(error: unknown): string {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return (inner instanceof Error ? inner.message : String(inner)).split('\n')[0] ?? '';
}

/** Waits until Neo4j answers queries, then seeds the database if it is empty and hints at unindexed labels. */
async function prepareDatabase(db: Database, uri: string): Promise<void> {
  const info = await waitForDatabase(db);
  log(`[server] connected to Neo4j ${info.version} ${info.edition} at ${uri}`);

  if (await isDatabaseEmpty(db)) {
    log('[seed] the database is empty: loading the default seed');
    await loadSeed(db, await readSeedFile(DEFAULT_SEED_PATH), { log: (line) => log(`[seed] ${line}`) });
  }

  // A hint, never a question, and never a reason not to start.
  const coverage = await searchCoverage(db).catch(() => undefined);
  const hint = coverage && unindexedLabelsHint(coverage);
  if (hint) log(`[search] ${hint}`);
}

/**
 * `prepareDatabase` again and again until it succeeds or the process stops. An attempt cut short (Neo4j
 * gone in the middle of seeding) is simply repeated: the seed's data goes in one transaction, and loading
 * it twice changes nothing.
 */
async function prepareInBackground(db: Database, uri: string): Promise<boolean> {
  log(`[neo4j] connecting to ${uri} in the background; the API answers 503 DB_UNAVAILABLE until it has (and has seeded an empty database)`);
  while (!stopping) {
    try {
      await prepareDatabase(db, uri);
      return true;
    } catch (error) {
      if (stopping) break;
      log(`[neo4j] not ready at ${uri} (${driverReason(error)}); trying again`);
      await new Promise((r) => setTimeout(r, RECONNECT_PAUSE_MS));
    }
  }
  return false;
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
  const served = gatedDatabase(db);
  if (local) {
    await prepareDatabase(db, target.uri);
    served.open();
  }

  const server = await startServer(createApp({ db: served.db, clientDir: CLIENT_DIR, logger: createLogger(config.log), ...limitsFromConfig(config) }), config.port, config.host);
  cleanups.push(async () => {
    log(`[server] no new connections; letting requests in flight finish (at most ${SHUTDOWN_GRACE_MS / 1000} s)`);
    await server.stop(SHUTDOWN_GRACE_MS);
  });
  const ready = () => console.log(`\n  Knowledge-graph explorer ready: ${server.url}\n`);
  if (local) {
    ready();
    return;
  }
  log(`[server] listening on ${server.url}`);
  if (await prepareInBackground(db, target.uri)) {
    served.open();
    ready();
  }
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError || error instanceof ProvisionError) console.error(`\n${error.message}\n`);
  else console.error('[server] could not start:', error instanceof Error ? error.message : error);
  await shutdown('start-up failed', 1);
});
