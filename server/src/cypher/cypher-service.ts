/**
 * The read-only Cypher workbench: `guard` decides whether a query may run, `run` runs it and answers with
 * rows, a graph and a summary. Every step happens in one explicit read transaction with a timeout:
 *
 * 1. size limits (query length, parameter bytes and depth, `limit`) and one statement only;
 * 2. EXPLAIN, judged by Neo4j's plan (cypher-guard.ts): query type `r`, no LOAD CSV, no administration, only
 *    allowlisted procedures, no other database; errors Neo4j raises while planning are mapped by code (a
 *    text accepted before is not planned again: see ACCEPTED_PLANS_MAX);
 * 3. every parameter the query uses must be given;
 * 4. the query itself (or, for EXPLAIN, nothing more), streamed and cancelled at the row cap or when the
 *    rows reach the answer's byte cap (PROFILE can only report a plan for a query run to its end: its rows
 *    past the cap stream by and are dropped); long lists, maps and strings inside a row are shortened;
 * 5. the end nodes of returned relationships that the rows lack, so the graph is complete.
 *
 * The transaction is rolled back at the end: even a write that slipped past the guard could not commit, and
 * the read access mode makes Neo4j refuse it in the first place.
 */
import { LRUCache } from 'lru-cache';
import type { CypherRequest, CypherResponse, CypherTruncation, JsonValue } from '../contract.ts';
import type { Database, Params, UserReadTransaction } from '../db/database.ts';
import type { QuerySummary } from '../db/query-summary.ts';
import { toQueryType } from '../db/query-summary.ts';
import { paramsFromJson } from '../db/values.ts';
import { GraphCollector } from '../db/graph-collector.ts';
import { AppError, cypherRefusal } from '../errors.ts';
import { idLabelSet } from '../graph/node-match.ts';
import { judgePlan } from './cypher-guard.ts';
import { checkRequestSize, resolveCypherLimits, type CypherLimits } from './cypher-limits.ts';
import { scanCypher, type CypherScan } from './cypher-text.ts';

export type ExecutionMode = 'run' | 'explain' | 'profile';

/** A query the guard let through: run `query` with `params` in a read transaction. */
export interface GuardedQuery {
  /** The query as the user wrote it (with its EXPLAIN or PROFILE, if any). */
  query: string;
  /** The parameters, converted for Cypher. */
  params: Params;
  mode: ExecutionMode;
  /** Neo4j's EXPLAIN of the query. */
  explain: QuerySummary;
}

export interface CypherService {
  readonly limits: CypherLimits;
  /**
   * Checks `query` with `params` without running it: resolves to the guarded query, or rejects with
   * 403 CYPHER_WRITE_FORBIDDEN, 400 CYPHER_SYNTAX, 400 CYPHER_PARAMETER_MISSING or 400 VALIDATION_FAILED.
   */
  guard(query: string, params?: Record<string, unknown>): Promise<GuardedQuery>;
  /** Guards and runs one request: the answer of POST /api/cypher. */
  /** `signal`: aborted when nobody waits for the answer any more (the client went away); the query is then stopped. */
  run(request: CypherRequest, signal?: AbortSignal): Promise<CypherResponse>;
}

/**
 * Query texts whose EXPLAIN the guard accepted, per service: a query run again (the workbench's history,
 * a dashboard refreshing) skips the EXPLAIN round trip. Only acceptances are kept, only for plain runs
 * (EXPLAIN and PROFILE answer with the plan, so they always plan), and a query's type does not depend on
 * its parameters' values; the run itself stays in a read transaction, which Neo4j keeps read-only anyway.
 */
const ACCEPTED_PLANS_MAX = 1_000;

/** What the driver pulls per batch at most, whatever the row cap (its own default). */
const MAX_FETCH_SIZE = 1_000;

const EXPLAIN_PREFIX = 'EXPLAIN ';

/** Fetches nodes by elementId: the end nodes of relationships whose nodes the query didn't return. */
const NODES_BY_ELEMENT_ID = 'MATCH (n) WHERE elementId(n) IN $ids RETURN n';

interface PreparedQuery {
  query: string;
  params: Params;
  scan: CypherScan;
  mode: ExecutionMode;
  /** What the guard plans: `EXPLAIN ` and the user's text without its own EXPLAIN or PROFILE. */
  explainText: string;
}

/** Steps 1 and the text work of 2: no database needed. */
function prepare(limits: CypherLimits, query: string, params: Record<string, unknown>, rowLimit: number): PreparedQuery {
  checkRequestSize(limits, query, params, rowLimit);
  const scan = scanCypher(query);
  if (scan.statementCount > 1) throw cypherRefusal('MULTIPLE_STATEMENTS');
  const mode = scan.executionMode;
  // EXPLAIN always comes first, so Neo4j only ever plans this text, whatever the scan made of the rest. The
  // user's own EXPLAIN or PROFILE is blanked out (PROFILE would conflict, and would run the query).
  const statement = mode ? `${query.slice(0, mode.offset)}${' '.repeat(mode.keyword.length)}${query.slice(mode.offset + mode.keyword.length)}` : query;
  return {
    query,
    params: paramsFromJson(params),
    scan,
    mode: mode?.keyword === 'PROFILE' ? 'profile' : mode?.keyword === 'EXPLAIN' ? 'explain' : 'run',
    explainText: `${EXPLAIN_PREFIX}${statement}`,
  };
}

function missingParameter(prepared: PreparedQuery): AppError | undefined {
  const missing = prepared.scan.parameters.filter((name) => !Object.hasOwn(prepared.params, name));
  const [name] = missing;
  if (name === undefined) return undefined;
  const list = missing.map((each) => `$${each}`).join(', ');
  return new AppError('CYPHER_PARAMETER_MISSING', `The query uses ${list} but the request gives no value for ${missing.length > 1 ? 'them' : 'it'}.`, {
    details: { name, names: missing },
  });
}

export function createCypherService(db: Database, overrides: Partial<CypherLimits> = {}): CypherService {
  const limits = resolveCypherLimits(overrides);
  const acceptedPlans = new LRUCache<string, true>({ max: ACCEPTED_PLANS_MAX });
  let homeDatabase: Promise<string> | undefined;

  /** The database the workbench reads: the configured one, else the server's home database (asked once). */
  async function ownDatabase(fromSummary?: string): Promise<string> {
    if (db.name !== undefined) return db.name;
    if (fromSummary !== undefined) return fromSummary;
    homeDatabase ??= db.read('CALL db.info() YIELD name RETURN name').then(
      (rows) => String(rows[0]?.name),
      (error: unknown) => {
        homeDatabase = undefined;
        throw error;
      },
    );
    return homeDatabase;
  }

  /** Step 2: EXPLAIN in `tx`, judged; resolves to the EXPLAIN summary when the query may run. */
  async function explainAndJudge(tx: UserReadTransaction, prepared: PreparedQuery): Promise<QuerySummary> {
    let explain: QuerySummary;
    try {
      explain = await tx.stream(prepared.explainText, prepared.params, () => false, { prefixLength: EXPLAIN_PREFIX.length });
    } catch (error) {
      // Neo4j can't plan some queries on another database (`USE system RETURN 1`, `USE system SHOW USERS`):
      // when it refuses a query that names another database, that is the refusal to report.
      const unplannable = error instanceof AppError && (error.code === 'CYPHER_SYNTAX' || error.code === 'CYPHER_FAILED');
      if (unplannable && prepared.scan.useGraphs.length > 0) {
        const own = (await ownDatabase()).toLowerCase();
        const other = prepared.scan.useGraphs.find((name) => name.toLowerCase() !== own);
        if (other !== undefined) throw cypherRefusal('OTHER_DATABASE', { database: other });
      }
      throw error;
    }
    const refusal = judgePlan(explain, await ownDatabase(explain.database));
    if (refusal) throw refusal;
    return explain;
  }

  /** Reads in one transaction; `rowLimit` rows plus one (to tell whether there are more) per batch, at most. */
  function userRead<T>(rowLimit: number, work: (tx: UserReadTransaction) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return db.userRead(work, { timeoutMs: limits.timeoutMs, fetchSize: Math.min(rowLimit + 1, MAX_FETCH_SIZE), signal });
  }

  return {
    limits,

    async guard(query, params = {}) {
      const prepared = prepare(limits, query, params, limits.maxRows);
      const explain = await userRead(limits.maxRows, (tx) => explainAndJudge(tx, prepared));
      const missing = prepared.mode === 'explain' ? undefined : missingParameter(prepared);
      if (missing) throw missing;
      return { query: prepared.query, params: prepared.params, mode: prepared.mode, explain };
    },

    async run(request, signal) {
      const rowLimit = request.limit ?? limits.maxRows;
      const prepared = prepare(limits, request.query, request.params ?? {}, rowLimit);
      // Neo4j can't profile a result that was cut short, so PROFILE reads to the end, keeping `rowLimit` rows.
      const readToEnd = prepared.mode === 'profile';
      const idLabels = await idLabelSet(db);
      return userRead(readToEnd ? MAX_FETCH_SIZE : rowLimit, async (tx) => {
        const missing = missingParameter(prepared);
        if (prepared.mode !== 'run' || !acceptedPlans.has(prepared.explainText)) {
          const explain = await explainAndJudge(tx, prepared);
          if (prepared.mode === 'explain') return response(explain, [], new GraphCollector({ idLabels }), {});
          if (missing) throw missing;
          if (prepared.mode === 'run') acceptedPlans.set(prepared.explainText, true);
        } else if (missing) throw missing;

        const rows: Array<Record<string, JsonValue>> = [];
        const graph = new GraphCollector({
          idLabels,
          maxNodes: limits.maxGraphNodes,
          maxRelationships: limits.maxGraphRelationships,
          valueCaps: { maxItems: limits.maxValueItems, maxStringChars: limits.maxStringChars },
        });
        const cut: CypherTruncation = {};
        let bytes = 0;
        const summary = await tx.stream(prepared.query, prepared.params, (row) => {
          if (cut.rowLimit !== undefined || cut.answerBytes !== undefined) return readToEnd;
          if (rows.length >= rowLimit) {
            cut.rowLimit = rowLimit;
            return readToEnd;
          }
          const json: Record<string, JsonValue> = {};
          for (const [column, value] of Object.entries(row)) json[column] = graph.addJson(value);
          bytes += Buffer.byteLength(JSON.stringify(json));
          if (bytes > limits.maxAnswerBytes && rows.length > 0) {
            cut.answerBytes = limits.maxAnswerBytes;
            return readToEnd;
          }
          rows.push(json);
          return true;
        });
        if (!(await addMissingEndNodes(tx, graph, limits.maxGraphNodes)) || graph.truncated) {
          cut.graph = { maxNodes: limits.maxGraphNodes, maxRelationships: limits.maxGraphRelationships };
        }
        if (graph.shortenedValues > 0) {
          cut.values = { count: graph.shortenedValues, maxItems: limits.maxValueItems, maxStringChars: limits.maxStringChars };
        }
        return response(summary, rows, graph, cut);
      }, signal);
    },
  };
}

/**
 * Step 5: fetches, in the same transaction, the end nodes of relationships the rows returned without them.
 * Resolves to false when the graph cap left no room for all of them (the answer is then truncated).
 */
async function addMissingEndNodes(tx: UserReadTransaction, graph: GraphCollector, maxNodes: number): Promise<boolean> {
  const ids = graph.missingNodeElementIds();
  const room = Math.max(maxNodes - graph.nodeCount, 0);
  if (ids.length > 0 && room > 0) {
    const rows = await tx.read(NODES_BY_ELEMENT_ID, { ids: ids.slice(0, room) });
    for (const row of rows) graph.add(row.n);
  }
  return ids.length <= room;
}

function response(summary: QuerySummary, rows: Array<Record<string, JsonValue>>, graph: GraphCollector, cut: CypherTruncation): CypherResponse {
  const body: CypherResponse = {
    columns: summary.columns,
    rows,
    graph: graph.toGraph(),
    summary: {
      queryType: toQueryType(summary.queryType),
      resultAvailableAfterMs: summary.resultAvailableAfterMs,
      resultConsumedAfterMs: summary.resultConsumedAfterMs,
      notifications: summary.notifications,
    },
    truncated: Object.keys(cut).length > 0,
  };
  if (body.truncated) body.truncation = cut;
  if (summary.counters) body.summary.counters = summary.counters;
  if (summary.plan) body.summary.plan = summary.plan;
  return body;
}
