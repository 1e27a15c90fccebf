/**
 * The workbench's limits: how long a query may run, how much one answer may hold, how large a request
 * may be. Defaults are declared once, here; `resolveCypherLimits` applies overrides (from the environment
 * through config.ts, or from a test) and validates them once, when the service is created.
 */
import { isLosslessNumber, stringify } from 'lossless-json';
import { LIMITS } from '../contract.ts';
import { AppError } from '../errors.ts';
import { resolveLimits } from '../resolve-limits.ts';

export interface CypherLimits {
  timeoutMs: number;
  maxRows: number;
  maxGraphNodes: number;
  maxGraphRelationships: number;
  maxQueryLength: number;
  maxParamsBytes: number;
  maxParamsDepth: number;
  maxValueItems: number;
  maxStringChars: number;
  maxAnswerBytes: number;
}

export const DEFAULT_CYPHER_LIMITS: Readonly<CypherLimits> = {
  /** Transaction timeout (CYPHER_TIMEOUT_MS): ample for analysis on a graph this size; a runaway query is stopped, never retried. */
  timeoutMs: 10_000,
  /** Rows per answer (CYPHER_MAX_ROWS); a request's `limit` may lower it. Neo4j Browser's default, and all a table can show. */
  maxRows: 1_000,
  /** Nodes in the answer's graph: what one view holds. */
  maxGraphNodes: LIMITS.viewMax,
  /** Relationships in the answer's graph: two per node on average. */
  maxGraphRelationships: 2 * LIMITS.viewMax,
  /** Characters of query text: far beyond any hand-written query, far below anything that strains the planner. */
  maxQueryLength: 20_000,
  /** Bytes of the parameters as JSON: parameters are values to look up, not data to load. */
  maxParamsBytes: 64 * 1024,
  /** Nesting levels of the parameters, the parameter map itself being level 1 (`{ids: [[1]]}` is 3). */
  maxParamsDepth: 8,
  /**
   * Items of one list (entries of one map) inside a row's value: `collect(n)` over a large graph is one row
   * the row cap does not touch. As many as the row cap, so a column of values and a list within one value
   * show alike; the rest is counted (graph-collector.ts's ValueCaps).
   */
  maxValueItems: 1_000,
  /** UTF-16 code units of one string inside a row: 100,000 is a long report, far more than a cell shows. */
  maxStringChars: 100_000,
  /**
   * Bytes of the rows as JSON (CYPHER_MAX_ANSWER_BYTES): rows past it are left out, the first row always
   * kept. 8 MB parses in well under a second in the browser; a 32 MB answer froze the page for minutes.
   */
  maxAnswerBytes: 8 * 1024 * 1024,
};

/** The defaults with `overrides` applied (undefined keeps the default); every limit must be a positive integer. */
export function resolveCypherLimits(overrides: Partial<CypherLimits> = {}): CypherLimits {
  return resolveLimits('resolveCypherLimits', DEFAULT_CYPHER_LIMITS, overrides);
}

function tooLarge(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid Cypher request: ${path}: ${message}.`, { details: { issues: [{ path, message }] } });
}

/** Nesting depth of a JSON value: scalars (a float's LosslessNumber too) 0, `[]` and `{}` 1. Stops counting past `max` (so deep input costs nothing). */
function depthOf(value: unknown, max: number): number {
  if (typeof value !== 'object' || value === null || isLosslessNumber(value)) return 0;
  if (max < 0) return 1;
  let deepest = 0;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    deepest = Math.max(deepest, depthOf(item, max - 1));
    if (deepest > max) break;
  }
  return deepest + 1;
}

/**
 * Checks a request against the size limits: query length, parameter bytes and nesting, and `limit` (at most
 * the row cap). Breaches are 400 VALIDATION_FAILED with `details.issues`, like every other invalid request.
 */
export function checkRequestSize(limits: CypherLimits, query: string, params: Record<string, unknown>, rowLimit: number): void {
  if (query.length > limits.maxQueryLength) {
    throw tooLarge('query', `must be at most ${limits.maxQueryLength} characters (got ${query.length})`);
  }
  if (depthOf(params, limits.maxParamsDepth) > limits.maxParamsDepth) {
    throw tooLarge('params', `must nest at most ${limits.maxParamsDepth} levels deep`);
  }
  const bytes = Buffer.byteLength(stringify(params) ?? ''); // lossless-json: the bigints of exact integers too
  if (bytes > limits.maxParamsBytes) {
    throw tooLarge('params', `must be at most ${limits.maxParamsBytes} bytes of JSON (got ${bytes})`);
  }
  if (rowLimit > limits.maxRows) throw tooLarge('limit', `must be at most ${limits.maxRows}`);
}
