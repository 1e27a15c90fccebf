/**
 * Which Neo4j to use: the one NEO4J_URI names, or else the locally provisioned `dev` instance, started
 * if it isn't running. Shared by `npm start`, `npm run seed` and `npm run neo4j`.
 */
import type { Config, Neo4jTarget } from '../../server/src/config.ts';
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
