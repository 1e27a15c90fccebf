import { describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_VARIABLES, loadConfig } from '../../server/src/config.ts';
import { EXPORT_LIMITS, ExportRequestSchema, LIMITS } from '../../server/src/contract.ts';
import { DEFAULT_EXPORT_LIMITS, resolveExportLimits } from '../../server/src/export/export-limits.ts';
import { exportFilename } from '../../server/src/export/export-service.ts';

describe('export limits', () => {
  it('reads EXPORT_MAX_NODES, EXPORT_MAX_RELATIONSHIPS and EXPORT_TIMEOUT_MS, and leaves them to the defaults when unset', () => {
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(['EXPORT_MAX_NODES', 'EXPORT_MAX_RELATIONSHIPS', 'EXPORT_TIMEOUT_MS']));
    expect(loadConfig({ EXPORT_MAX_NODES: '10', EXPORT_MAX_RELATIONSHIPS: '20', EXPORT_TIMEOUT_MS: '3000' }).export).toStrictEqual({
      maxNodes: 10,
      maxRelationships: 20,
      timeoutMs: 3000,
    });
    expect(resolveExportLimits(loadConfig({}).export)).toEqual(DEFAULT_EXPORT_LIMITS);
  });

  it.each(['0', '-5', '1.5', 'lots'])('stops on EXPORT_MAX_NODES=%s with a message naming the variable', (raw) => {
    expect(() => loadConfig({ EXPORT_MAX_NODES: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ EXPORT_MAX_NODES: raw })).toThrow(/EXPORT_MAX_NODES/);
  });

  it('refuses overrides that are not positive integers, naming the limit', () => {
    expect(() => resolveExportLimits({ maxRelationships: 0 })).toThrow(/maxRelationships/);
  });
});

describe('export requests', () => {
  it.each([
    [{ format: 'graphml', scope: { nodeIds: ['a'] } }, true],
    [{ format: 'csv', scope: { around: 'a' } }, true],
    [{ format: 'cypher', scope: { around: 'a', depth: 3, types: ['SIGNED'], labels: ['Person'], minCertainty: 'assessed' } }, true],
    [{ format: 'json', scope: { query: 'MATCH (n) RETURN n', params: { x: 1 } } }, true],
    [{ format: 'png', scope: { nodeIds: ['a'] } }, false],
    [{ format: 'json', scope: { around: 'a', depth: 0 } }, false],
    [{ format: 'json', scope: { around: 'a', extra: true } }, false],
  ])('judges %j valid: %s', (body, valid) => {
    expect(ExportRequestSchema.safeParse(body).success).toBe(valid);
  });

  it('takes a selection as large as the largest view, and refuses one larger', () => {
    const ids = (count: number) => Array.from({ length: count }, (_, i) => `n${i}`);
    expect(ExportRequestSchema.safeParse({ format: 'json', scope: { nodeIds: ids(EXPORT_LIMITS.selectionMax) } }).success).toBe(true);
    expect(ExportRequestSchema.safeParse({ format: 'json', scope: { nodeIds: ids(EXPORT_LIMITS.selectionMax + 1) } }).success).toBe(false);
    expect(EXPORT_LIMITS.selectionMax).toBe(LIMITS.viewMaxCeiling);
  });

  it('gives the neighbourhood depth a default of 1', () => {
    expect(ExportRequestSchema.parse({ format: 'json', scope: { around: 'a' } }).scope).toEqual({ around: 'a', depth: 1 });
  });

  it('names files after the scope and the time, with safe characters only', () => {
    const at = new Date('2026-11-25T13:05:02.123Z');
    expect(exportFilename({ around: 'north korea/../x', depth: 2 }, at, 'graphml')).toBe('kg-export-around-north_korea_.._x-2-2026-11-25T13-05-02Z.graphml');
    expect(exportFilename({ nodeIds: ['a', 'b'] }, at, 'zip')).toBe('kg-export-selection-2-2026-11-25T13-05-02Z.zip');
    expect(exportFilename({ query: 'MATCH (n) RETURN n' }, at, 'json')).toBe('kg-export-query-2026-11-25T13-05-02Z.json');
  });
});
