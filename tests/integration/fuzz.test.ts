/**
 * Schemathesis fuzzes the running API from its own OpenAPI document (issue "Safe to expose", item 2): every
 * operation, every check (no 5xx, every answer matches its documented status, content type and schema,
 * schema-valid requests accepted and invalid ones refused, methods the document does not list refused),
 * a fixed number of examples per operation in deterministic mode, so that the run repeats exactly and
 * stays within a few minutes. The graph must be unchanged afterwards, property by property.
 *
 * `npm run fuzz` runs this file alone with many more examples (FUZZ_MAX_EXAMPLES).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/http.ts';
import { counts, fingerprint } from '../support/neo4j.ts';

const CONFIG = resolve(import.meta.dirname, '../support/schemathesis.toml');
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 10);

let api: ApiFixture;

beforeAll(async () => {
  api = await startApiFixture();
});

afterAll(async () => {
  await api?.stop();
});

/** Runs schemathesis against the app; resolves with its exit code and the end of its report. */
function schemathesis(url: string): Promise<{ code: number | null; report: string }> {
  const args = ['-m', 'schemathesis.cli', '--config-file', CONFIG, 'run', `${url}/api/openapi.json`, '--checks', 'all', '--max-examples', String(MAX_EXAMPLES), '--generation-deterministic', '--no-color'];
  const child = spawn(inject('python'), args, { env: { ...process.env, SCHEMATHESIS_HOOKS: '' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, report: output.slice(-12_000) })));
}

describe('the API fuzzed from its OpenAPI document', () => {
  it(`finds no failure in ${MAX_EXAMPLES} examples per operation, and leaves the graph as it was`, async () => {
    const before = { counts: await counts(api.db), fingerprint: await fingerprint(api.db) };
    const { code, report } = await schemathesis(api.url);
    expect(code, report).toBe(0);
    expect(report).toMatch(/Tested: 14/);
    expect({ counts: await counts(api.db), fingerprint: await fingerprint(api.db) }).toEqual(before);
  }, 900_000);
});
