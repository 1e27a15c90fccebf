import { describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_VARIABLES, loadConfig } from '../../server/src/config.ts';

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
