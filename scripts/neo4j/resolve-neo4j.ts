/**
 * Which Neo4j to use: the one NEO4J_URI names, or else the locally provisioned `dev` instance, started
 * if it isn't running. Shared by `npm start`, `npm run seed` and `npm run neo4j`.
 */
import type { Config, Neo4jTarget } from '../../server/src/config.ts';
import { createDatabase, waitForDatabase, type Database } from '../../server/src/db/database.ts';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j.ts';

export interface ResolvedNeo4j {
  target: Neo4jTarget;
  /** Set when the local instance is used. */
  local: LocalNeo4j | undefined;
}

export async function resolveNeo4j(config: Config, log: (line: string) => void): Promise<ResolvedNeo4j> {
  if (config.neo4j) return { target: config.neo4j, local: undefined };
  const local = await startLocalNeo4j({
    instance: 'dev',
    boltPort: config.local.boltPort,
    heap: config.local.heap,
    pageCache: config.local.pageCache,
    transactionMemory: config.local.transactionMemory,
    log,
  });
  return {
    target: { uri: local.uri, user: local.user, password: local.password, database: config.local.database },
    local,
  };
}

/**
 * Runs a command-line job against the resolved Neo4j once it answers queries, then closes the connection
 * and stops the local instance if the job started it (not one the user keeps running).
 */
export async function withNeo4j<T>(config: Config, work: (db: Database, target: Neo4jTarget) => Promise<T>): Promise<T> {
  const { target, local } = await resolveNeo4j(config, (line) => console.error(`[neo4j] ${line}`));
  const db = createDatabase(target);
  try {
    await waitForDatabase(db);
    return await work(db, target);
  } finally {
    await db.close();
    if (local?.startedHere) await local.stop();
  }
}
