/**
 * How the workbench shows a failed query: a title and next step per error code (never by message text),
 * the facts from `details` (the position of a syntax error, the missing parameter, why a query was
 * refused, Neo4j's own code), and where in the query text the error points.
 */
import type { JsonValue } from '../../../server/src/contract.ts';
import { hintFor } from '../api/error-hints.ts';
import type { AnyErrorCode } from '../api/http.ts';
import { isJsonObject } from './result-values.ts';

export interface FailedQuery {
  code: AnyErrorCode;
  message: string;
  details?: JsonValue;
}

/** A place in the query: line and column from 1; offset (from 0) when the server gave one. */
export interface ErrorPosition {
  line: number;
  column: number;
  offset?: number;
}

export interface ErrorDescription {
  code: AnyErrorCode;
  title: string;
  message: string;
  hint?: string;
  position?: ErrorPosition;
  /** CYPHER_PARAMETER_MISSING: the parameter's name, without `$`. */
  parameter?: string;
  /** Other facts worth showing, as label/value pairs. */
  facts: Array<[string, string]>;
}

const REFUSAL_TITLES: Readonly<Record<string, string>> = {
  WRITE: 'it would write to the database',
  SCHEMA: 'it would change the schema',
  ADMIN: 'it is an administration command',
  PROCEDURE: 'it calls a procedure that is not on the read-only list',
  LOAD_CSV: 'it loads a file or URL',
  OTHER_DATABASE: 'it reads another database',
  MULTIPLE_STATEMENTS: 'it holds more than one statement',
};

const TITLES: Readonly<Record<string, string>> = {
  CYPHER_SYNTAX: 'Syntax error',
  CYPHER_PARAMETER_MISSING: 'Missing parameter',
  CYPHER_WRITE_FORBIDDEN: 'This workbench is read-only',
  CYPHER_FAILED: 'The query failed',
  QUERY_TIMEOUT: 'The query took too long',
  QUERY_MEMORY_LIMIT: 'The query needs too much memory',
  VALIDATION_FAILED: 'The request was not accepted',
  DB_UNAVAILABLE: 'The database is not reachable',
  NETWORK_ERROR: 'The explorer server is not reachable',
  UNEXPECTED_RESPONSE: 'Unexpected answer',
  INTERNAL: 'Something went wrong on the server',
  PARAMS_INVALID: 'Invalid parameters',
};

const HINTS: Readonly<Record<string, string>> = {
  CYPHER_PARAMETER_MISSING: 'Add it to the parameters beside the query.',
  CYPHER_WRITE_FORBIDDEN: 'Queries here only read: use MATCH … RETURN. Changes to the data go through the seed files.',
  QUERY_TIMEOUT: 'Narrow the pattern (labels, a WHERE on an indexed property) or add a LIMIT, then run it again.',
  QUERY_MEMORY_LIMIT: 'Return less: add a LIMIT, or aggregate (count, collect) instead of returning every row.',
};

function asPosition(value: JsonValue | undefined): ErrorPosition | undefined {
  if (!isJsonObject(value)) return undefined;
  const { line, column, offset } = value;
  if (typeof line !== 'number' || typeof column !== 'number') return undefined;
  return typeof offset === 'number' ? { line, column, offset } : { line, column };
}

/** The error's position in the query, from `details.position` or `details` itself. */
export function errorPosition(details: JsonValue | undefined): ErrorPosition | undefined {
  if (!isJsonObject(details)) return undefined;
  return asPosition(details.position) ?? asPosition(details);
}

/** The offset in `text` of a 1-based line and column (clamped to the text). */
export function offsetOf(text: string, position: ErrorPosition): number {
  if (position.offset !== undefined) return Math.max(0, Math.min(position.offset, text.length));
  let offset = 0;
  for (let line = 1; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.column - 1, text.length);
}

/**
 * The position as it is in the editor, when the workbench sent the query with a prefix the user didn't
 * type (`EXPLAIN `): the prefix's length comes off the offset, and off the column on the first line.
 */
export function withoutPrefix(position: ErrorPosition, prefixLength: number): ErrorPosition {
  if (prefixLength === 0) return position;
  const column = position.line === 1 ? Math.max(1, position.column - prefixLength) : position.column;
  return position.offset === undefined
    ? { line: position.line, column }
    : { line: position.line, column, offset: Math.max(0, position.offset - prefixLength) };
}

const text = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function describeError(error: FailedQuery): ErrorDescription {
  const details = isJsonObject(error.details) ? error.details : {};
  const facts: Array<[string, string]> = [];
  let title = TITLES[error.code] ?? 'The query failed';
  const position = errorPosition(error.details);
  if (position) facts.push(['Position', `line ${position.line}, column ${position.column}`]);
  const parameter = text(details.name)?.replace(/^\$/, '');
  if (error.code === 'CYPHER_PARAMETER_MISSING' && parameter) title = `Missing parameter $${parameter}`;
  const reason = text(details.reason);
  if (error.code === 'CYPHER_WRITE_FORBIDDEN' && reason) {
    facts.push(['Refused because', REFUSAL_TITLES[reason] ?? reason.toLowerCase()]);
  }
  const procedure = text(details.procedure);
  if (procedure) facts.push(['Procedure', procedure]);
  const neo4jCode = text(details.neo4jCode);
  if (neo4jCode) facts.push(['Neo4j code', neo4jCode]);
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues) {
      if (isJsonObject(issue) && text(issue.message)) facts.push([text(issue.path) ?? 'request', String(issue.message)]);
    }
  }
  const hint = HINTS[error.code] ?? hintFor(error.code);
  return {
    code: error.code,
    title,
    message: error.message,
    ...(hint ? { hint } : {}),
    ...(position ? { position } : {}),
    ...(error.code === 'CYPHER_PARAMETER_MISSING' && parameter ? { parameter } : {}),
    facts,
  };
}
