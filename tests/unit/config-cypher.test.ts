import { describe, expect, it } from 'vitest';
import { limitsFromConfig } from '../../server/src/app.ts';
import { ConfigError, CONFIG_VARIABLES, loadConfig } from '../../server/src/config.ts';
import { LIMITS } from '../../server/src/contract.ts';

describe('loadConfig: the Cypher workbench limits', () => {
  it('leaves them to the workbench’s defaults when unset', () => {
    expect(loadConfig({}).cypher).toEqual({ timeoutMs: undefined, maxRows: undefined });
  });

  it('reads CYPHER_TIMEOUT_MS and CYPHER_MAX_ROWS', () => {
    expect(loadConfig({ CYPHER_TIMEOUT_MS: '2500', CYPHER_MAX_ROWS: '200' }).cypher).toEqual({ timeoutMs: 2500, maxRows: 200 });
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(['CYPHER_TIMEOUT_MS', 'CYPHER_MAX_ROWS']));
  });

  it.each([
    ['CYPHER_TIMEOUT_MS', '0'],
    ['CYPHER_TIMEOUT_MS', '10s'],
    ['CYPHER_MAX_ROWS', '-5'],
    ['CYPHER_MAX_ROWS', '1.5'],
  ])('stops with a message naming %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
});

describe('loadConfig: the view’s cap', () => {
  it('holds 20,000 nodes unless VIEW_MAX_NODES says otherwise', () => {
    expect(loadConfig({}).viewMaxNodes).toBe(LIMITS.viewMax);
    expect(loadConfig({ VIEW_MAX_NODES: '5000' }).viewMaxNodes).toBe(5000);
    expect(CONFIG_VARIABLES).toContain('VIEW_MAX_NODES');
  });

  it.each(['0', 'many', String(LIMITS.viewMaxCeiling + 1)])('stops with a message naming VIEW_MAX_NODES=%s', (value) => {
    expect(() => loadConfig({ VIEW_MAX_NODES: value })).toThrow(/^VIEW_MAX_NODES /);
  });
});

describe('limitsFromConfig: what the server is started with', () => {
  it('passes the workbench’s, the export’s and the view’s limits, and the HTTP settings, from the environment', () => {
    // main.ts used to pass only the export's: CYPHER_TIMEOUT_MS and CYPHER_MAX_ROWS were read and ignored.
    const config = loadConfig({
      CYPHER_TIMEOUT_MS: '2500',
      CYPHER_MAX_ROWS: '200',
      EXPORT_MAX_NODES: '10',
      VIEW_MAX_NODES: '300',
      TRUST_PROXY: 'loopback',
      CORS_ORIGINS: 'https://a.example',
      RATE_LIMIT_QUERIES: '7',
    });
    expect(limitsFromConfig(config)).toEqual({
      cypherLimits: expect.objectContaining({ timeoutMs: 2500, maxRows: 200 }),
      exportLimits: expect.objectContaining({ maxNodes: 10 }),
      viewMaxNodes: 300,
      trustProxy: 'loopback',
      corsOrigins: ['https://a.example'],
      rateLimits: { windowMs: 60_000, queries: 7, requests: 1_000 },
    });
  });
});
