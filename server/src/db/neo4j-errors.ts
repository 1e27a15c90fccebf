/**
 * The one place driver errors become AppErrors: by Neo4j status code, never by message text.
 *
 * An error in one of the explorer's own queries is the explorer's fault (INTERNAL). An error in a user's
 * Cypher (`UserQuery`) is the user's to fix, so it says what went wrong: the syntax error and where, the
 * missing parameter, the refusal, the runtime error. Neo4j's message is then cut to its first line (the
 * lines after it quote the query) and cleared of the query text and of parameter values.
 */
import neo4j from 'neo4j-driver';
import type { CypherPosition, CypherRefusalReason, JsonValue } from '../contract.ts';
import { AppError, cypherRefusal } from '../errors.ts';

/** The user's Cypher as it was sent: `prefixLength` characters (e.g. `EXPLAIN `) were put before the user's text. */
export interface UserQuery {
  sent: string;
  params: Record<string, unknown>;
  prefixLength: number;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
/**
 * Database errors that a user's query causes rather than the server: Neo4j reports some runtime refusals
 * this way (a shortestPath whose start is its end: "The shortest path algorithm does not work when the
 * start and end nodes are the same"), so they are the user's (422 CYPHER_FAILED), not the explorer's (500).
 */
const USER_CAUSED_DATABASE_ERRORS = new Set(['Neo.DatabaseError.Statement.ExecutionFailed']);
/**
 * Neo4j could not read a parameter the request sent (a zone id the driver's Intl knows but Java does not,
 * such as `EST`): the request's fault, a 400 like any other malformed parameter (db/tagged-params.ts).
 */
const PARAMETER_REFUSED_CODE = 'Neo.ClientError.Request.Invalid';
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);
/** The transaction or the database ran out of the memory it may use: retrying the same query won't help. */
const MEMORY_CODES = new Set([
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
]);
/** The query can't be parsed or planned: the user fixes the text. */
const SYNTAX_CODES = new Set([
  'Neo.ClientError.Statement.SyntaxError',
  'Neo.ClientError.Statement.SemanticError',
  'Neo.ClientError.Procedure.ProcedureNotFound',
]);
/** Neo4j itself refused what the query would do (its EXPLAIN can't even plan administration commands). */
const REFUSAL_BY_CODE: ReadonlyMap<string, CypherRefusalReason> = new Map([
  ['Neo.ClientError.Statement.AccessMode', 'WRITE'],
  ['Neo.ClientError.Fabric.AccessMode', 'WRITE'],
  ['Neo.ClientError.Security.Forbidden', 'WRITE'],
  ['Neo.ClientError.Transaction.ForbiddenDueToTransactionType', 'WRITE'],
  ['Neo.ClientError.Statement.UnsupportedAdministrationCommand', 'ADMIN'],
  ['Neo.ClientError.Statement.NotSystemDatabaseError', 'ADMIN'],
  ['Neo.ClientError.Database.DatabaseNotFound', 'OTHER_DATABASE'],
]);

/** Neo4j's messages quote the query after their first line, and end their first line with the position. */
const POSITION_IN_MESSAGE = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;
/** Procedure failures name the Java exception behind them: server internals, not something the user needs. */
const JAVA_CAUSE = /Caused by: (?:[\w$]+\.)+[\w$]+: /g;
/** Query and parameter text shorter than this is left in messages: replacing it would garble them. */
const MIN_REDACTED_LENGTH = 4;
const MAX_MESSAGE_LENGTH = 500;

function neo4jCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

export function toAppError(error: unknown, userQuery?: UserQuery): AppError {
  if (error instanceof AppError) return error;
  const code = neo4jCode(error);
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new AppError('DB_UNAVAILABLE', 'The database cannot be reached right now; try again shortly.', { cause: error });
  }
  if (TIMEOUT_CODES.has(code)) {
    return new AppError('QUERY_TIMEOUT', 'The query took too long and was stopped.', { cause: error });
  }
  if (MEMORY_CODES.has(code)) {
    return new AppError('QUERY_MEMORY_LIMIT', 'The query needed more memory than the database allows one query; ask for less.', {
      cause: error,
    });
  }
  if (userQuery && (code.startsWith('Neo.ClientError.') || USER_CAUSED_DATABASE_ERRORS.has(code))) return userQueryError(error, code, userQuery);
  return new AppError('INTERNAL', 'The database could not answer this request.', { cause: error });
}

function userQueryError(error: unknown, code: string, query: UserQuery): AppError {
  const refusal = REFUSAL_BY_CODE.get(code);
  if (refusal) return cypherRefusal(refusal);
  const rawMessage = error instanceof Error ? error.message : '';
  const message = userMessage(rawMessage, query);
  if (code === PARAMETER_REFUSED_CODE) {
    return new AppError('VALIDATION_FAILED', `A parameter holds a value Neo4j does not accept: ${message}`, { cause: error, details: { neo4jCode: code } });
  }
  if (code === 'Neo.ClientError.Statement.ParameterMissing') {
    return new AppError('CYPHER_PARAMETER_MISSING', message || 'The query uses a parameter that the request does not give.', {
      cause: error,
    });
  }
  if (SYNTAX_CODES.has(code)) {
    const position = errorPosition(error, rawMessage, query);
    const details: { [key: string]: JsonValue } = { neo4jCode: code };
    if (position) Object.assign(details, position);
    return new AppError('CYPHER_SYNTAX', message || 'The query is not valid Cypher.', { cause: error, details });
  }
  return new AppError('CYPHER_FAILED', message || 'The database stopped the query.', { cause: error, details: { neo4jCode: code } });
}

/** Neo4j's first message line without its position, the query text and the parameter values. */
function userMessage(raw: string, query: UserQuery): string {
  let message = (raw.split('\n')[0] ?? '').replace(POSITION_IN_MESSAGE, '').replace(JAVA_CAUSE, '').trim();
  const secrets = [query.sent, query.sent.slice(query.prefixLength), ...stringValues(query.params)]
    .map((text) => text.trim())
    .filter((text) => text.length >= MIN_REDACTED_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const secret of secrets) message = message.split(secret).join('…');
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
}

function stringValues(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringValues(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringValues(item, out);
  return out;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (neo4j.isInt(value as never)) return (value as { toNumber(): number }).toNumber();
  return undefined;
}

/** The offset Neo4j reports: the GQL diagnostic record's `_position` (also on a cause), else the message's. */
function reportedOffset(error: unknown, rawMessage: string): number | undefined {
  for (let current: unknown = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const record = (current as { diagnosticRecord?: { _position?: { offset?: unknown } } }).diagnosticRecord;
    const offset = toNumber(record?._position?.offset);
    if (offset !== undefined) return offset;
    current = (current as { cause?: unknown }).cause;
  }
  const match = POSITION_IN_MESSAGE.exec(rawMessage);
  return match ? Number(match[3]) : undefined;
}

/** The error's position in the user's text (not in what was sent, which may have a prefix). */
function errorPosition(error: unknown, rawMessage: string, query: UserQuery): CypherPosition | undefined {
  const sentOffset = reportedOffset(error, rawMessage);
  if (sentOffset === undefined) return undefined;
  const text = query.sent.slice(query.prefixLength);
  return positionAt(text, Math.min(Math.max(sentOffset - query.prefixLength, 0), text.length));
}

/** Line and column (from 1) of `offset` (from 0) in `text`. */
export function positionAt(text: string, offset: number): CypherPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1, offset };
}
