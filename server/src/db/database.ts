/**
 * Driver lifecycle and the read/write helpers every service uses. Only this folder imports neo4j-driver.
 * Reads are managed read transactions, so with a neo4j:// URI the driver routes them across a cluster.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jTarget } from '../config.ts';
import { AppError } from '../errors.ts';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Driver settings, each explained. */
const DRIVER_CONFIG = {
  /** Give up connecting quickly, so health checks and requests answer 503 instead of hanging. */
  connectionTimeout: 5_000,
  connectionAcquisitionTimeout: 10_000,
  /** Retry transient failures (leader switch, deadlock) for a short while only. */
  maxTransactionRetryTime: 5_000,
  /** The driver's own log stays quiet; errors reach the API's handler. */
  logging: neo4j.logging.console('error'),
  userAgent: 'kg-explorer/0.1',
} as const;

/** A Cypher INTEGER parameter (JavaScript numbers travel as FLOAT, which LIMIT and SKIP refuse). */
export const cypherInteger = (value: number): unknown => neo4j.int(value);

/** Browse queries are small; anything slower than this is a runaway. */
export const DEFAULT_TX_TIMEOUT_MS = 15_000;

export interface ServerInfo {
  version: string;
  edition: string;
}

export interface Database {
  /** Runs one read query in a managed read transaction and returns its rows. */
  read(cypher: string, params?: Params): Promise<Row[]>;
  /** Runs several statements in one write transaction (all or nothing). */
  writeTransaction<T>(work: (run: (cypher: string, params?: Params) => Promise<Row[]>) => Promise<T>): Promise<T>;
  /** Version and edition of the server; throws DB_UNAVAILABLE within `timeoutMs` when it can't be reached. */
  serverInfo(timeoutMs?: number): Promise<ServerInfo>;
  readonly name: string | undefined;
  close(): Promise<void>;
}

/** Maps driver errors to AppError by Neo4j code, never by message text. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new AppError('DB_UNAVAILABLE', 'The database cannot be reached right now; try again shortly.', { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new AppError('QUERY_TIMEOUT', 'The query took too long and was stopped.', { cause: error });
  }
  return new AppError('INTERNAL', 'The database could not answer this request.', { cause: error });
}

async function runRows(tx: ManagedTransaction, cypher: string, params: Params): Promise<Row[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => record.toObject() as Row);
}

export function createDatabase(target: Neo4jTarget): Database {
  const driver: Driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), DRIVER_CONFIG);
  const sessionConfig = { database: target.database };

  return {
    name: target.database,

    async read(cypher, params = {}) {
      const session = driver.session({ ...sessionConfig, defaultAccessMode: neo4j.session.READ });
      try {
        return await session.executeRead((tx) => runRows(tx, cypher, params), { timeout: DEFAULT_TX_TIMEOUT_MS });
      } catch (error) {
        throw toAppError(error);
      } finally {
        await session.close();
      }
    },

    async writeTransaction(work) {
      const session = driver.session({ ...sessionConfig, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite((tx) => work((cypher, params = {}) => runRows(tx, cypher, params)));
      } catch (error) {
        throw toAppError(error);
      } finally {
        await session.close();
      }
    },

    async serverInfo(timeoutMs = 3_000) {
      const session = driver.session({ ...sessionConfig, defaultAccessMode: neo4j.session.READ });
      let timer: NodeJS.Timeout | undefined;
      try {
        const query = session
          .run('CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition')
          .then((result) => result.records[0]);
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ServiceUnavailable' })), timeoutMs);
        });
        const record = await Promise.race([query, timeout]);
        query.catch(() => undefined);
        return { version: String(record?.get('version')), edition: String(record?.get('edition')) };
      } catch (error) {
        throw toAppError(error);
      } finally {
        clearTimeout(timer);
        session.close().catch(() => undefined);
      }
    },

    close: () => driver.close(),
  };
}

/** Waits until the database answers queries (Bolt opens a moment before the databases are online). */
export async function waitForDatabase(db: Database, timeoutMs = 60_000): Promise<ServerInfo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const info = await db.serverInfo();
      await db.read('RETURN 1');
      return info;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
