import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../server/src/config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8'));

/** Compose's `${NAME:?message}` / `${NAME:-default}` substitution, with the given shell environment. */
function substitute(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::[?-]([^}]*))?\}/g, (_m, name: string, fallback?: string) => env[name] ?? fallback ?? '');
}

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 LTS Community with a healthcheck and a data volume', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck.test.join(' ')).toContain('RETURN 1');
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.environment.NEO4J_dbms_security_allow__csv__import__from__file__urls).toBe('false');
  });

  it('starts the app after Neo4j is healthy, built from this repository', () => {
    const app = compose.services.app;
    expect(app.build).toBe('.');
    expect(app.depends_on.neo4j.condition).toBe('service_healthy');
  });

  it('gives the app only variables the explorer reads, and the ones it needs to use that Neo4j', () => {
    const names = Object.keys(compose.services.app.environment);
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(names));
    expect(names).toEqual(expect.arrayContaining(['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'PORT', 'HOST']));
  });

  it('passes the app a configuration that loadConfig accepts, with the same password Neo4j gets', () => {
    const shell = { NEO4J_PASSWORD: 'compose-secret' };
    const env = Object.fromEntries(
      Object.entries(compose.services.app.environment as Record<string, string>).map(([k, v]) => [k, substitute(String(v), shell)]),
    );
    const config = loadConfig(env);
    expect(config.neo4j?.uri).toBe('bolt://neo4j:7687');
    expect(config.neo4j?.password).toBe('compose-secret');
    expect(substitute(compose.services.neo4j.environment.NEO4J_AUTH, shell)).toBe(`${config.neo4j?.user}/compose-secret`);
    expect(compose.services.app.ports[0]).toContain(`:${config.port}`);
  });

  it('builds an image that serves the client and starts the same entry point as npm start', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toContain('server/src/main.ts');
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toContain('server/src/main.ts');
  });
});
