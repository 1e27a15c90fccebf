import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../../server/src/config.ts';

function configErrorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set, and provisions Neo4j locally', () => {
    const config = loadConfig({});
    expect(config.port).toBe(DEFAULT_CONFIG.port);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j).toBeUndefined();
    expect(config.local.boltPort).toBe(DEFAULT_CONFIG.localNeo4jPort);
  });

  it.each(['bolt://db:7687', 'neo4j://db:7687', 'neo4j+s://abcd.databases.neo4j.io', 'bolt+ssc://10.0.0.1:7687'])(
    'accepts NEO4J_URI %s and uses that server',
    (uri) => {
      const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'graphs' });
      expect(config.neo4j).toEqual({ uri, user: 'neo4j', password: 'pw', database: 'graphs' });
    },
  );

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['HOST', { HOST: 'bad host!' }],
    ['NEO4J_URI', { NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'pw' }],
    ['NEO4J_URI', { NEO4J_URI: 'not a uri', NEO4J_PASSWORD: 'pw' }],
    ['NEO4J_PASSWORD', { NEO4J_URI: 'bolt://db:7687' }],
    ['NEO4J_DATABASE', { NEO4J_DATABASE: 'no spaces allowed' }],
    ['LOCAL_NEO4J_HEAP', { LOCAL_NEO4J_HEAP: 'lots' }],
  ])('stops with a message naming %s when it is bad', (variable, env) => {
    expect(configErrorFor(env).message.startsWith(variable)).toBe(true);
  });

  it('never puts the password in a configuration error', () => {
    const error = configErrorFor({ NEO4J_URI: 'ftp://db', NEO4J_PASSWORD: 's3cret-value' });
    expect(error.message).not.toContain('s3cret-value');
  });
});
