import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { positionAt, toAppError, type UserQuery } from '../../server/src/db/neo4j-errors.ts';

/** A driver error as Neo4j sends it (the driver's own class, no mock): message, code, optional diagnostic record. */
const neo4jError = (code: string, message = 'message', diagnosticRecord?: Record<string, unknown>) =>
  new neo4j.Neo4jError(message, code, '50N42', 'description', diagnosticRecord as never);

const user = (sent: string, prefixLength = 0, params: Record<string, unknown> = {}): UserQuery => ({ sent, prefixLength, params });

describe('toAppError: any query', () => {
  it.each([
    ['ServiceUnavailable', 'DB_UNAVAILABLE', 503],
    ['Neo.TransientError.General.DatabaseUnavailable', 'DB_UNAVAILABLE', 503],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'QUERY_TIMEOUT', 408],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'QUERY_TIMEOUT', 408],
    ['Neo.ClientError.General.TransactionOutOfMemoryError', 'QUERY_MEMORY_LIMIT', 422],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'QUERY_MEMORY_LIMIT', 422],
    ['Neo.TransientError.General.OutOfMemoryError', 'QUERY_MEMORY_LIMIT', 422],
  ])('maps %s to %s', (code, appCode, status) => {
    const error = toAppError(neo4jError(code));
    expect(error.code).toBe(appCode);
    expect(error.status).toBe(status);
  });

  it('treats a syntax error in the explorer’s own query as INTERNAL, not the user’s fault', () => {
    expect(toAppError(neo4jError('Neo.ClientError.Statement.SyntaxError')).code).toBe('INTERNAL');
  });
});

describe('toAppError: a user’s query', () => {
  it.each([
    ['Neo.ClientError.Statement.AccessMode', 'WRITE'],
    ['Neo.ClientError.Statement.UnsupportedAdministrationCommand', 'ADMIN'],
    ['Neo.ClientError.Statement.NotSystemDatabaseError', 'ADMIN'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'OTHER_DATABASE'],
  ])('refuses %s with 403 CYPHER_WRITE_FORBIDDEN (%s)', (code, reason) => {
    const error = toAppError(neo4jError(code, 'Unsupported administration command: CREATE DATABASE secret'), user('CREATE DATABASE secret'));
    expect(error.code).toBe('CYPHER_WRITE_FORBIDDEN');
    expect(error.details).toEqual({ reason });
    expect(error.message).not.toContain('secret');
  });

  it('gives a syntax error’s position in the user’s text, from the message when there is no diagnostic record', () => {
    const sent = 'EXPLAIN MATCH (n)\nRETURN n LIMT 5';
    const message = `Invalid input 'LIMT': expected … (line 2, column 10 (offset: 27))\n"${sent}"\n          ^`;
    const error = toAppError(neo4jError('Neo.ClientError.Statement.SyntaxError', message), user(sent, 8));
    expect(error.code).toBe('CYPHER_SYNTAX');
    expect(error.details).toEqual({ neo4jCode: 'Neo.ClientError.Statement.SyntaxError', line: 2, column: 10, offset: 19 });
    expect(error.message).toBe("Invalid input 'LIMT': expected …");
  });

  it('prefers the GQL diagnostic record’s position, also on a cause', () => {
    const position = { _position: { offset: neo4j.int(15), line: neo4j.int(1), column: neo4j.int(16) } };
    const cause = neo4jError('Neo.ClientError.Statement.SyntaxError', 'inner', position);
    const outer = new neo4j.Neo4jError('Variable `x` not defined', 'Neo.ClientError.Statement.SyntaxError', '42001', 'd', undefined, cause);
    const error = toAppError(outer, user('EXPLAIN RETURN x', 8));
    expect(error.details).toMatchObject({ line: 1, column: 8, offset: 7 });
  });

  it('names a missing parameter error CYPHER_PARAMETER_MISSING', () => {
    expect(toAppError(neo4jError('Neo.ClientError.Statement.ParameterMissing'), user('RETURN $x')).code).toBe('CYPHER_PARAMETER_MISSING');
  });

  it('answers other client errors with 422 CYPHER_FAILED and Neo4j’s code', () => {
    const error = toAppError(neo4jError('Neo.ClientError.Statement.ArithmeticError', '/ by zero'), user('RETURN 1/0'));
    expect(error.status).toBe(422);
    expect(error).toMatchObject({ code: 'CYPHER_FAILED', message: '/ by zero', details: { neo4jCode: 'Neo.ClientError.Statement.ArithmeticError' } });
  });

  it('clears the query, parameter values and Java class names from Neo4j’s message', () => {
    const query = "CALL db.index.fulltext.queryNodes($index, 'text')";
    const message = `Failed to invoke procedure: Caused by: java.lang.IllegalArgumentException: no index top-secret-index in ${query}\n${query}`;
    const error = toAppError(neo4jError('Neo.ClientError.Procedure.ProcedureCallFailed', message), user(query, 0, { index: 'top-secret-index' }));
    expect(error.message).not.toContain('top-secret-index');
    expect(error.message).not.toContain(query);
    expect(error.message).not.toContain('java.lang');
    expect(error.message).not.toContain('\n');
  });
});

describe('positionAt', () => {
  it.each([
    ['the start', 'RETURN 1', 0, { line: 1, column: 1, offset: 0 }],
    ['the first line', 'RETURN x', 7, { line: 1, column: 8, offset: 7 }],
    ['a later line', 'MATCH (n)\nRETURN m', 17, { line: 2, column: 8, offset: 17 }],
  ])('places an offset at %s', (_name, text, offset, position) => {
    expect(positionAt(text, offset)).toEqual(position);
  });
});
