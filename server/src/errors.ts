/**
 * The one error type the API raises. `code` is from the closed union in the contract; the HTTP status
 * follows from it. Messages are for people and never carry queries, parameters, stack traces or secrets.
 */
import type { CypherRefusalReason, ErrorCode, JsonValue } from './contract.ts';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  QUERY_TIMEOUT: 408,
  DB_UNAVAILABLE: 503,
  INTERNAL: 500,
  /** The query can't be parsed or planned; `details` carries its position when Neo4j gives one. */
  CYPHER_SYNTAX: 400,
  /** The query uses a parameter the request didn't give; `details.name` names it. */
  CYPHER_PARAMETER_MISSING: 400,
  /** The query would write, change the schema, administer, load files or leave the database; `details.reason` says which. */
  CYPHER_WRITE_FORBIDDEN: 403,
  /** Neo4j stopped the query because of the query itself (division by zero, a type error, …); `details.neo4jCode` says which. */
  CYPHER_FAILED: 422,
  /** The query needed more memory than the database allows a transaction. */
  QUERY_MEMORY_LIMIT: 422,
  /** An export would hold more nodes or relationships than EXPORT_MAX_NODES / EXPORT_MAX_RELATIONSHIPS allow; `details` gives both. */
  EXPORT_TOO_LARGE: 413,
  /** The request body is larger than the route accepts; `details.limitBytes` says how large it may be. */
  PAYLOAD_TOO_LARGE: 413,
  /** A body that is not `application/json`; `details.contentType` names what came. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Too many requests from this client in the window; the `Retry-After` header says when to retry (s). */
  RATE_LIMITED: 429,
  /** The route exists but not with this method; the `Allow` header and `details.allowed` list those it takes. */
  METHOD_NOT_ALLOWED: 405,
  /** The request's headers (its URL included) are larger than the server reads (Node's 16 KB). */
  HEADERS_TOO_LARGE: 431,
  /** The client took longer than the server waits to send its request (headers 20 s, the whole request 30 s). */
  REQUEST_TIMEOUT: 408,
};

export interface AppErrorOptions {
  details?: JsonValue;
  cause?: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly details: JsonValue | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.details = options.details;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

const REFUSAL_MESSAGES: Record<CypherRefusalReason, string> = {
  WRITE: 'The Cypher workbench only runs read-only queries, and this one would write to the database.',
  SCHEMA: 'The Cypher workbench does not change the schema (indexes, constraints).',
  ADMIN: 'The Cypher workbench does not run administration commands (users, roles, databases, settings, transactions).',
  PROCEDURE: 'The Cypher workbench only calls procedures from its list of read-only procedures.',
  LOAD_CSV: 'The Cypher workbench does not load files or URLs (LOAD CSV).',
  OTHER_DATABASE: "The Cypher workbench only reads the explorer's own database.",
  MULTIPLE_STATEMENTS: 'The Cypher workbench runs one statement per request.',
};

/** A 403 CYPHER_WRITE_FORBIDDEN for `reason`; `details` adds what the user needs to see why (e.g. `procedure`). */
export function cypherRefusal(reason: CypherRefusalReason, details: Record<string, string> = {}): AppError {
  return new AppError('CYPHER_WRITE_FORBIDDEN', REFUSAL_MESSAGES[reason], { details: { reason, ...details } });
}
