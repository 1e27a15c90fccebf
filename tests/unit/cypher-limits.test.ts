import { describe, expect, it } from 'vitest';
import { checkRequestSize, DEFAULT_CYPHER_LIMITS, resolveCypherLimits } from '../../server/src/cypher/cypher-limits.ts';
import { AppError } from '../../server/src/errors.ts';

function errorOf(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('resolveCypherLimits', () => {
  it('keeps every default when nothing is overridden, and ignores undefined overrides', () => {
    expect(resolveCypherLimits()).toEqual(DEFAULT_CYPHER_LIMITS);
    expect(resolveCypherLimits({ timeoutMs: undefined })).toEqual(DEFAULT_CYPHER_LIMITS);
  });

  it('declares the issue’s defaults: 10 s, 1,000 rows, 20,000 characters, 64 KB, 8 levels', () => {
    expect(DEFAULT_CYPHER_LIMITS).toMatchObject({ timeoutMs: 10_000, maxRows: 1_000, maxQueryLength: 20_000, maxParamsBytes: 65_536, maxParamsDepth: 8 });
  });

  it('applies overrides', () => {
    expect(resolveCypherLimits({ timeoutMs: 500, maxRows: 5 })).toMatchObject({ timeoutMs: 500, maxRows: 5, maxQueryLength: 20_000 });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s, naming the limit', (value) => {
    expect(() => resolveCypherLimits({ maxRows: value })).toThrow(/^resolveCypherLimits: maxRows must be a positive integer/);
  });
});

describe('checkRequestSize', () => {
  const limits = resolveCypherLimits({ maxQueryLength: 10, maxParamsBytes: 20, maxParamsDepth: 3, maxRows: 5 });

  it('lets a request within every limit through', () => {
    expect(() => checkRequestSize(limits, 'RETURN 1', { a: [[1]] }, 5)).not.toThrow();
  });

  it.each<[string, string, Record<string, unknown>, number, string]>([
    ['a long query', 'RETURN 1 + 1', {}, 5, 'query'],
    ['large params', 'RETURN 1', { a: 'x'.repeat(30) }, 5, 'params'],
    ['deep params', 'RETURN 1', { a: [[[1]]] }, 5, 'params'],
    ['a limit above the cap', 'RETURN 1', {}, 6, 'limit'],
  ])('refuses %s with VALIDATION_FAILED naming the field', (_name, query, params, rowLimit, path) => {
    const error = errorOf(() => checkRequestSize(limits, query, params, rowLimit));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ issues: [{ path, message: expect.any(String) }] });
  });

  it('measures deep params without walking all of them', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(errorOf(() => checkRequestSize(limits, 'RETURN 1', { deep }, 1)).code).toBe('VALIDATION_FAILED');
  });
});
