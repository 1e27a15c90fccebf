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

describe('loadConfig: exposing the explorer to a team', () => {
  it('trusts no proxy, allows no other origin, limits per client and logs at info by default', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ trustProxy: false, corsOrigins: [], rateLimits: { windowMs: 60_000, queries: 60, requests: 1_000 } });
    expect(config.log).toEqual({ level: 'info', format: 'auto' });
  });

  it.each<[string, boolean | number | string]>([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 127.0.0.1, ::1, uniquelocal', '10.0.0.0/8,127.0.0.1,::1,uniquelocal'],
  ])('reads TRUST_PROXY=%s as Express’s trust proxy', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).http.trustProxy).toEqual(expected);
  });

  it.each(['yes', 'proxy.example.org', '10.0.0.0/8/1', '-1', '10.0.0.0/99', '::1/200'])('refuses TRUST_PROXY=%s, naming the variable', (raw) => {
    expect(configErrorFor({ TRUST_PROXY: raw }).message).toContain('TRUST_PROXY');
  });

  it('reads CORS_ORIGINS as a list of origins, and refuses one with a path, a slash or another scheme', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080' }).http.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    for (const bad of ['https://a.example/', 'https://a.example/app', 'ftp://a.example', '*', 'a.example']) {
      expect(configErrorFor({ CORS_ORIGINS: bad }).message).toContain('CORS_ORIGINS');
    }
  });

  it('reads the rate limits, 0 turning one off, and refuses what is not a whole number', () => {
    const config = loadConfig({ RATE_LIMIT_WINDOW_MS: '1000', RATE_LIMIT_QUERIES: '0', RATE_LIMIT_REQUESTS: '5' });
    expect(config.http.rateLimits).toEqual({ windowMs: 1000, queries: 0, requests: 5 });
    expect(configErrorFor({ RATE_LIMIT_QUERIES: 'many' }).message).toContain('RATE_LIMIT_QUERIES');
    expect(configErrorFor({ RATE_LIMIT_WINDOW_MS: '0' }).message).toContain('RATE_LIMIT_WINDOW_MS');
    // Past Node's longest timer the limiter forgot its counts every millisecond: no limit at all.
    expect(configErrorFor({ RATE_LIMIT_WINDOW_MS: '3000000000' }).message).toContain('RATE_LIMIT_WINDOW_MS');
    expect(loadConfig({ RATE_LIMIT_WINDOW_MS: '2147483647' }).http.rateLimits.windowMs).toBe(2_147_483_647);
  });

  it('reads LOG_LEVEL and LOG_FORMAT, and refuses others', () => {
    expect(loadConfig({ LOG_LEVEL: 'WARN', LOG_FORMAT: 'json' }).log).toEqual({ level: 'warn', format: 'json' });
    expect(configErrorFor({ LOG_LEVEL: 'verbose' }).message).toContain('LOG_LEVEL');
    expect(configErrorFor({ LOG_FORMAT: 'xml' }).message).toContain('LOG_FORMAT');
  });
});
