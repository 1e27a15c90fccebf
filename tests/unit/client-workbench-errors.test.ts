import { describe, expect, it } from 'vitest';
import { describeError, errorPosition, offsetOf, withoutPrefix } from '../../client/src/workbench/cypher-errors.ts';
import { parseParams, withParameter } from '../../client/src/workbench/query-params.ts';
import { queryToSend } from '../../client/src/workbench/use-query-runner.ts';

describe('showing a failed query', () => {
  it('reads a syntax error’s position from details, as the server sends it', () => {
    const error = describeError({
      code: 'CYPHER_SYNTAX',
      message: "Invalid input '': expected an expression",
      details: { neo4jCode: 'Neo.ClientError.Statement.SyntaxError', line: 2, column: 19, offset: 28 },
    });
    expect(error.title).toBe('Syntax error');
    expect(error.position).toEqual({ line: 2, column: 19, offset: 28 });
    expect(error.facts).toContainEqual(['Neo4j code', 'Neo.ClientError.Statement.SyntaxError']);
  });

  it('also reads a position nested under details.position', () => {
    expect(errorPosition({ position: { line: 1, column: 5 } })).toEqual({ line: 1, column: 5 });
    expect(errorPosition({ reason: 'WRITE' })).toBeUndefined();
  });

  it('names a missing parameter', () => {
    const error = describeError({ code: 'CYPHER_PARAMETER_MISSING', message: 'The query uses $who…', details: { name: 'who', names: ['who'] } });
    expect(error.parameter).toBe('who');
    expect(error.title).toBe('Missing parameter $who');
  });

  it.each([
    ['WRITE', 'it would write to the database'],
    ['PROCEDURE', 'it calls a procedure that is not on the read-only list'],
    ['LOAD_CSV', 'it loads a file or URL'],
  ])('says the workbench is read-only when a query is refused for %s', (reason, why) => {
    const error = describeError({ code: 'CYPHER_WRITE_FORBIDDEN', message: 'refused', details: { reason } });
    expect(error.title).toBe('This workbench is read-only');
    expect(error.facts).toContainEqual(['Refused because', why]);
  });

  it.each(['QUERY_TIMEOUT', 'QUERY_MEMORY_LIMIT', 'DB_UNAVAILABLE', 'NETWORK_ERROR'] as const)('gives a next step for %s', (code) => {
    expect(describeError({ code, message: 'x' }).hint).toBeTruthy();
  });

  it('lists the issues of a VALIDATION_FAILED', () => {
    const error = describeError({ code: 'VALIDATION_FAILED', message: 'x', details: { issues: [{ path: 'query', message: 'must be at most 20000 characters' }] } });
    expect(error.facts).toContainEqual(['query', 'must be at most 20000 characters']);
  });

  it('finds the offset of a line and column in the query', () => {
    const query = 'MATCH (n)\nRETURN n.name LIMT 5';
    expect(offsetOf(query, { line: 2, column: 15 })).toBe(query.indexOf('LIMT'));
    expect(offsetOf(query, { line: 9, column: 1 })).toBe(query.length);
    expect(offsetOf(query, { line: 1, column: 1, offset: 7 })).toBe(7);
  });

  it('takes the EXPLAIN the workbench put in front off a position', () => {
    expect(withoutPrefix({ line: 1, column: 12, offset: 11 }, 8)).toEqual({ line: 1, column: 4, offset: 3 });
    expect(withoutPrefix({ line: 2, column: 3 }, 8)).toEqual({ line: 2, column: 3 });
  });
});

describe('the parameters editor', () => {
  it('reads empty text as no parameters', () => {
    expect(parseParams('  \n')).toEqual({ ok: true, params: {} });
  });

  it('reads a JSON object', () => {
    expect(parseParams('{"name": "Kim Jong-un", "limit": 5}')).toEqual({ ok: true, params: { name: 'Kim Jong-un', limit: 5 } });
  });

  it('says where JSON breaks', () => {
    const result = parseParams('{\n  "name": "Kim",\n  oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result).toMatchObject({ line: 3, column: 3 });
  });

  it.each([
    ['a list', '[1, 2]'],
    ['a number', '5'],
    ['null', 'null'],
  ])('refuses %s: parameters are an object', (_case, text) => {
    expect(parseParams(text).ok).toBe(false);
  });

  it('keeps integers beyond 2^53 exact, and writes them back as the digits typed', () => {
    expect(parseParams('{"big": 637790870791443682, "small": 3, "list": [9007199254740993]}')).toEqual({
      ok: true,
      params: { big: 637790870791443682n, small: 3, list: [9007199254740993n] },
    });
    expect(withParameter('{"big": 637790870791443682}', 'who')).toContain('"big": 637790870791443682');
  });

  it('adds a missing parameter for the user to fill in', () => {
    expect(JSON.parse(withParameter('{"a": 1}', 'who') ?? '')).toEqual({ a: 1, who: null });
    expect(JSON.parse(withParameter('', 'who') ?? '')).toEqual({ who: null });
    expect(withParameter('{oops', 'who')).toBeNull();
  });
});

describe('explain and profile', () => {
  it('put EXPLAIN or PROFILE in front of the query, unless it already has one', () => {
    expect(queryToSend('MATCH (n) RETURN n', 'explain')).toEqual({ text: 'EXPLAIN MATCH (n) RETURN n', prefix: 'EXPLAIN ' });
    expect(queryToSend('MATCH (n) RETURN n', 'profile')).toEqual({ text: 'PROFILE MATCH (n) RETURN n', prefix: 'PROFILE ' });
    expect(queryToSend('  profile MATCH (n) RETURN n', 'explain')).toEqual({ text: '  profile MATCH (n) RETURN n', prefix: '' });
    expect(queryToSend('MATCH (n) RETURN n', 'run').prefix).toBe('');
  });
});
