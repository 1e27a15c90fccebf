import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DockerfileParser, type Copy } from 'dockerfile-ast';
import { build } from 'esbuild';
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

  it('checks the app’s liveness as the image does', () => {
    const test = (compose.services.app.healthcheck.test as string[]).join(' ');
    expect(test).toContain('/api/health/live');
  });
});

describe('Dockerfile', () => {
  const dockerfile = DockerfileParser.parse(readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8'));
  const instructions = dockerfile.getInstructions();
  const lastFrom = instructions.map((instruction) => instruction.getKeyword()).lastIndexOf('FROM');
  const runtime = instructions.slice(lastFrom + 1);
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
  const all = (keyword: string) => runtime.filter((instruction) => instruction.getKeyword() === keyword).map((instruction) => instruction.getArgumentsContent() ?? '');

  it('builds the client in a stage of its own and runs from a second one', () => {
    expect(dockerfile.getFROMs().map((from) => from.getBuildStage())).toEqual(['build', 'runtime']);
    const build = instructions.slice(0, lastFrom).map((instruction) => instruction.getArgumentsContent() ?? '');
    expect(build).toContain('npm run build');
  });

  it('runs as an unprivileged user, with production dependencies only and a HEALTHCHECK on liveness', () => {
    expect(all('USER')).toEqual(['node']);
    expect(all('RUN').join(' ')).toContain('npm ci --omit=dev');
    expect(all('HEALTHCHECK').join(' ')).toContain('/api/health/live');
  });

  it('starts the server as `npm run start:prod` does, without npm in between', () => {
    const [cmd] = all('CMD');
    expect((JSON.parse(cmd ?? '[]') as string[]).join(' ')).toBe(pkg.scripts['start:prod']);
    expect(pkg.scripts.start).toContain('server/src/main.ts');
  });

  it('copies every source the server loads, and the server needs no package outside the production dependencies', async () => {
    const built = await build({ entryPoints: [resolve(ROOT, 'server/src/main.ts')], absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'esm', packages: 'external', metafile: true, write: false, outfile: 'main.mjs', logLevel: 'silent' });
    const copied = runtime
      .filter((instruction) => instruction.getKeyword() === 'COPY' && (instruction as Copy).getFromFlag() === null)
      .flatMap((instruction) => instruction.getArguments().slice(0, -1).map((arg) => arg.getValue().replace(/\/$/, '')));
    for (const source of Object.keys(built.metafile.inputs)) {
      expect(copied.some((path) => source === path || source.startsWith(`${path}/`)), source).toBe(true);
    }
    const packages = new Set(
      Object.values(built.metafile.outputs)
        .flatMap((output) => output.imports)
        .filter((entry) => entry.external && !entry.path.startsWith('node:'))
        .map((entry) => entry.path.split('/').slice(0, entry.path.startsWith('@') ? 2 : 1).join('/')),
    );
    expect(packages.size).toBeGreaterThan(5);
    for (const name of packages) expect(Object.keys(pkg.dependencies), name).toContain(name);
    expect(Object.keys(pkg.dependencies)).toContain('tsx');
  });
});
