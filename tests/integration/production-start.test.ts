/**
 * The Docker image's final stage without a Docker engine: the files its COPY instructions name are put in
 * a folder of their own, its production install (`npm ci --omit=dev`) is run there, and its start command
 * is run directly against the test Neo4j. The explorer must serve the API and the client from that alone,
 * and exit 0 on SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DockerfileParser, type Copy } from 'dockerfile-ast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTarget } from '../support/neo4j.ts';
import { freePort } from '../../bench/harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dockerfile = DockerfileParser.parse(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));

/** The final stage's instructions. */
function finalStage() {
  const instructions = dockerfile.getInstructions();
  const lastFrom = instructions.map((instruction) => instruction.getKeyword()).lastIndexOf('FROM');
  return instructions.slice(lastFrom + 1);
}

let app: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'kg-image-'));
  for (const copy of finalStage().filter((instruction) => instruction.getKeyword() === 'COPY')) {
    const fromStage = (copy as Copy).getFromFlag() !== null;
    const paths = copy.getArguments().map((arg) => arg.getValue());
    const destination = paths.pop() as string;
    for (const source of paths) {
      // From the build stage: what `npm run build` made there, which `npm test` has made here.
      const local = fromStage ? join(ROOT, source.replace(/^\/app\//, '')) : join(ROOT, source);
      const target = destination.endsWith('/') ? join(app, destination, source.split('/').pop() as string) : join(app, destination);
      cpSync(local, target, { recursive: true });
    }
  }
  const install = finalStage().find((instruction) => instruction.getKeyword() === 'RUN' && /npm ci/.test(instruction.getArgumentsContent() ?? ''));
  const command = (install?.getArgumentsContent() ?? '').split('&&')[0]?.trim().split(/\s+/) ?? [];
  expect(command.slice(0, 2)).toEqual(['npm', 'ci']);
  const result = spawnSync('npm', command.slice(1), { cwd: app, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${result.stderr}`);
}, 300_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});


describe('the production image’s start command, run directly', () => {
  it('installs no dev dependency: no Vite, Vitest, Playwright, React or type packages', () => {
    const installed = (name: string) => existsSync(join(app, 'node_modules', name, 'package.json'));
    expect(installed('express')).toBe(true);
    expect(installed('tsx')).toBe(true);
    for (const dev of ['vite', 'vitest', 'playwright-core', 'react', 'cytoscape', 'typescript', '@types/node']) expect(installed(dev), dev).toBe(false);
  });

  it('serves the API and the client from the production install alone, and exits 0 on SIGTERM', async () => {
    const cmd = finalStage().find((instruction) => instruction.getKeyword() === 'CMD');
    const [command, ...args] = JSON.parse(cmd?.getArgumentsContent() ?? '[]') as string[];
    expect(command).toBe('node');
    const target = testTarget();
    const port = await freePort();
    const child = spawn(process.execPath, args, {
      cwd: app,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, HOST: '127.0.0.1', PORT: String(port), LOG_FORMAT: 'json' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      await expect.poll(() => stdout.includes('ready'), { timeout: 60_000, interval: 200 }).toBe(true);
      const url = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${url}/api/health/live`)).json()).toEqual({ status: 'live' });
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const page = await fetch(`${url}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root">');
      const search = await fetch(`${url}/api/search?q=kim`);
      expect(search.status).toBe(200);
      // Its request lines are JSON, one per line.
      await expect.poll(() => stdout.split('\n').some((line) => line.startsWith('{') && line.includes('"route":"/api/search"'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM: shutting down');
  });
});
