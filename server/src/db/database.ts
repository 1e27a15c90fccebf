/**
 * Driver lifecycle and the read/write helpers every service uses. Only this folder imports neo4j-driver,
 * and every row it answers has been converted (values.ts's `fromDriver`): no driver object leaves it.
 * Reads are managed read transactions, so with a neo4j:// URI the driver routes them across a cluster.
 * User Cypher (the workbench) runs through `userRead`: an explicit read transaction, never retried.
 */
import neo4j, { type Driver, type ManagedTransaction, type Transaction } from 'neo4j-driver';
import type { Neo4jTarget } from '../config.ts';
import { AppError } from '../errors.ts';
import { positionAt, toAppError } from './neo4j-errors.ts';
import { toQuerySummary, type QuerySummary } from './query-summary.ts';
import { rowFromDriver, type Row } from './values.ts';

export type { Row } from './values.ts';
export type Params = Record<string, unknown>;

/** Driver settings, each explained. */
const DRIVER_CONFIG = {
  /** Give up connecting quickly, so health checks and requests answer 503 instead of hanging. */
  connectionTimeout: 5_000,
  connectionAcquisitionTimeout: 10_000,
  /**
   * Retry transient failures (leader switch, deadlock, a database restarting) for a short while only. The
   * driver retries a refused connection too, after 1 s, 2 s, 4 s…: with a stopped Neo4j a read fails after
   * ~1-3 s with this, instead of ~7 s with 5_000 (and a request that reads twice after 13 s).
   */
  maxTransactionRetryTime: 1_000,
  /** The driver's own log stays quiet; errors reach the API's handler. */
  logging: neo4j.logging.console('error'),
  userAgent: 'kg-explorer/0.1',
} as const;

/** A Cypher INTEGER parameter (JavaScript numbers travel as FLOAT, which LIMIT and SKIP refuse). */
export const cypherInteger = (value: number): unknown => neo4j.int(value);

/**
 * Neo4j checks a transaction's timeout between operations, and some operators (a shortest-path search over
 * a dense graph) go tens of seconds between checks: a workbench query given 10 s answered after 49–87 s.
 * So a user read also has a deadline of its own, this long after its timeout.
 */
export const USER_READ_GRACE_MS = 2_000;

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
  /**
   * Runs `work` in one explicit READ transaction with a timeout, then rolls it back. Unlike `read`, nothing
   * is retried: a timeout or a memory error of a user's query fails at once.
   */
  userRead<T>(work: (tx: UserReadTransaction) => Promise<T>, options: UserReadOptions): Promise<T>;
  /** Version and edition of the server; throws DB_UNAVAILABLE within `timeoutMs` when it can't be reached. */
  serverInfo(timeoutMs?: number): Promise<ServerInfo>;
  readonly name: string | undefined;
  close(): Promise<void>;
}

export interface UserReadOptions {
  /** Transaction timeout: Neo4j stops the transaction after this long (QUERY_TIMEOUT). */
  timeoutMs: number;
  /**
   * When the answer stops waiting for Neo4j to stop the query (ms from the start; default `timeoutMs` +
   * USER_READ_GRACE_MS): the connection is then reset and the caller gets 408 QUERY_TIMEOUT at once.
   */
  deadlineMs?: number;
  /** Records per batch the driver pulls while streaming: just over the row cap, so little is read past it. */
  fetchSize: number;
  /** Aborting it stops the transaction on the server at once, mid-query (the caller has gone away). */
  signal?: AbortSignal | undefined;
}

export interface UserReadTransaction {
  /**
   * Runs user Cypher and streams its records to `onRow` until it returns false; the rest of the result is
   * then discarded on the server (never collected). Errors are the user's (syntax with its position, a
   * refusal, …): `prefixLength` is how many characters were put before the user's own text (e.g. `EXPLAIN `),
   * so that positions, in errors and notifications, point into the user's text.
   */
  stream(cypher: string, params: Params, onRow: (row: Row) => boolean, options?: { prefixLength?: number }): Promise<QuerySummary>;
  /**
   * Runs one of the explorer's own queries in the same transaction and returns its rows. `fromUser`: the
   * text holds a user's query (an export's wrapper), so its errors are the user's (422 CYPHER_FAILED, …,
   * with the query text and parameter values left out of the message), not the explorer's (500).
   */
  read(cypher: string, params?: Params, options?: OwnQueryOptions): Promise<Row[]>;
  /**
   * Runs one of the explorer's own queries in the same transaction and yields its rows as the consumer asks
   * for them: the driver pulls the next batch only when the consumer has taken most of the last one, so a
   * slow consumer (a download) holds memory flat. Leaving the loop early discards the rest on the server.
   */
  iterate(cypher: string, params?: Params, options?: OwnQueryOptions): AsyncIterable<Row>;
}

export interface OwnQueryOptions {
  fromUser?: boolean;
}

/** How an error of one of the explorer's own queries is told: as the user's when the text holds theirs. */
function ownQueryError(error: unknown, cypher: string, params: Params, options: OwnQueryOptions): AppError {
  return toAppError(error, options.fromUser ? { sent: cypher, params, prefixLength: 0 } : undefined);
}

async function runRows(tx: ManagedTransaction | Transaction, cypher: string, params: Params): Promise<Row[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => rowFromDriver(record));
}

function userReadTransaction(tx: Transaction): UserReadTransaction {
  return {
    async stream(cypher, params, onRow, { prefixLength = 0 } = {}) {
      try {
        const result = tx.run(cypher, params);
        // Leaving the loop early ends the iterator, and the driver discards the rest on the server.
        for await (const record of result) if (!onRow(rowFromDriver(record))) break;
        const summary = toQuerySummary(await result.summary(), await result.keys());
        if (prefixLength === 0) return summary;
        const text = cypher.slice(prefixLength);
        const notifications = summary.notifications.map(({ position, ...notification }) =>
          position ? { ...notification, position: positionAt(text, Math.max(position.offset - prefixLength, 0)) } : notification,
        );
        return { ...summary, notifications };
      } catch (error) {
        throw toAppError(error, { sent: cypher, params, prefixLength });
      }
    },
    async read(cypher, params = {}, options = {}) {
      try {
        return await runRows(tx, cypher, params);
      } catch (error) {
        throw ownQueryError(error, cypher, params, options);
      }
    },
    async *iterate(cypher, params = {}, options = {}) {
      try {
        for await (const record of tx.run(cypher, params)) yield rowFromDriver(record);
      } catch (error) {
        throw ownQueryError(error, cypher, params, options);
      }
    },
  };
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

    async userRead(work, { timeoutMs, fetchSize, signal, deadlineMs = timeoutMs + USER_READ_GRACE_MS }) {
      signal?.throwIfAborted();
      const session = driver.session({ ...sessionConfig, defaultAccessMode: neo4j.session.READ, fetchSize });
      // Closing the session resets its connection, which terminates a running query; a rollback would
      // wait behind it until it ended by itself or timed out.
      const stop = () => void session.close().catch(() => undefined);
      signal?.addEventListener('abort', stop, { once: true });
      let overdue = false;
      let tx: Transaction | undefined;
      const deadline = setTimeout(() => {
        overdue = true;
        stop();
      }, deadlineMs);
      try {
        tx = session.beginTransaction({ timeout: timeoutMs });
        const result = await work(userReadTransaction(tx));
        if (overdue) throw new AppError('QUERY_TIMEOUT', 'The query took too long and was stopped.');
        return result;
      } catch (error) {
        if (overdue) throw new AppError('QUERY_TIMEOUT', 'The query took too long and was stopped.');
        throw toAppError(error);
      } finally {
        clearTimeout(deadline);
        signal?.removeEventListener('abort', stop);
        if (tx?.isOpen() && !signal?.aborted && !overdue) await tx.rollback().catch(() => undefined);
        await session.close().catch(() => undefined);
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
