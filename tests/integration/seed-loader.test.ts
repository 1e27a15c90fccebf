import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { describeSearchIndex } from '../../server/src/graph/search-coverage.ts';
import { applySearchIndexPlan, planSearchIndex, waitForSearchIndex } from '../../server/src/graph/search-index-build.ts';
import { SEARCH_INDEX, quoteName } from '../../server/src/graph/search-index.ts';
import { loadSeed, wipeDatabase } from '../../seed/loader.ts';
import { SeedValidationError } from '../../seed/schema.ts';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../seed/seed-file.ts';
import { counts, fingerprint, resetToSeed, testDatabase, testTarget } from '../support/neo4j.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let db: Database;
const quiet = () => undefined;

beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** Runs `npm run seed`'s script against the test Neo4j, as a user would. */
function seedCli(...args: string[]) {
  const target = testTarget();
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'seed/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password },
  });
}

/** A copy of the default seed in a temp folder (with its article), changed by `mutate`. */
function seedVariant(mutate: (seed: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  copyFileSync(join(ROOT, 'seed/seed-article.txt'), join(dir, 'seed-article.txt'));
  const seed = parse(readFileSync(DEFAULT_SEED_PATH, 'utf8'));
  mutate(seed);
  const path = join(dir, 'variant.seed.yaml');
  writeFileSync(path, stringify(seed));
  return path;
}

describe('seed loader', () => {
  it('loads the article with its evidence, and loading it twice changes nothing', async () => {
    await wipeDatabase(db, quiet);
    const seed = await readSeedFile(DEFAULT_SEED_PATH);
    await loadSeed(db, seed, { log: quiet });
    const first = await fingerprint(db);
    expect(await counts(db)).toEqual({ nodes: seed.nodes.length, relationships: seed.relationships.length });

    await loadSeed(db, seed, { log: quiet });
    expect(await fingerprint(db)).toBe(first);
  });

  it('stores every relationship with a quote, sources and a certainty', async () => {
    const rows = await db.read(
      `MATCH ()-[r]->() WHERE r.quote IS NULL OR size(r.sources) = 0 OR NOT r.certainty IN ['confirmed','reported','assessed','speculated','conditional']
       RETURN count(r) AS missing`,
    );
    expect(Number(rows[0]?.missing)).toBe(0);
  });

  it('keeps the article’s full text on its Source node, so quotes can be shown in context', async () => {
    const rows = await db.read("MATCH (s:Source {id: 'article'}) RETURN s.text AS text");
    expect(rows[0]?.text).toBe(readFileSync(join(ROOT, 'seed/seed-article.txt'), 'utf8'));
  });

  it('creates a unique-id constraint per label and an online full-text index', async () => {
    const constraints = await db.read('SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = "UNIQUENESS" RETURN labelsOrTypes');
    const constrained = constraints.flatMap((c) => c.labelsOrTypes as string[]);
    expect(constrained).toEqual(expect.arrayContaining(['Actor', 'Country', 'Person', 'Agreement', 'Payment', 'Source']));
    const index = await db.read('SHOW FULLTEXT INDEXES YIELD name, state WHERE name = $name RETURN state', { name: SEARCH_INDEX.name });
    expect(index[0]?.state).toBe('ONLINE');
  });

  it('never narrows a search index that covers more labels and properties than the seed', async () => {
    await resetToSeed(db);
    const seedIndex = await describeSearchIndex(db);
    await applySearchIndexPlan(db, await planSearchIndex(db, { labels: ['Character'], properties: ['title'] }));
    await waitForSearchIndex(db);
    try {
      await loadSeed(db, await readSeedFile(DEFAULT_SEED_PATH), { log: quiet });

      const index = await describeSearchIndex(db);
      expect(index?.labels).toEqual([...(seedIndex?.labels ?? []), 'Character'].sort());
      expect(index?.properties).toEqual([...(seedIndex?.properties ?? []), 'title']);
      expect(index?.state).toBe('ONLINE');
    } finally {
      // Back to the seed's own index, for the tests that follow.
      await db.writeTransaction((run) => run(`DROP INDEX ${quoteName(SEARCH_INDEX.name)}`));
      await resetToSeed(db);
    }
    expect(await describeSearchIndex(db)).toEqual(seedIndex);
  });

  it('refuses a malformed file before writing anything, naming the bad entries', async () => {
    await resetToSeed(db);
    const before = await fingerprint(db);
    const path = seedVariant((seed) => {
      seed.nodes.push({ id: 'new-node', labels: ['Actor', 'Country'], name: 'Would be written first' });
      seed.relationships[0].certainty = 'probably';
      seed.relationships[1].to = 'atlantis';
    });

    let error: unknown;
    try {
      await readSeedFile(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    const entries = (error as SeedValidationError).problems.map((p) => p.entry);
    expect(entries.some((e) => e.startsWith('relationships[0]'))).toBe(true);
    expect(entries.some((e) => e.startsWith('relationships[1]') && e.includes('atlantis'))).toBe(true);

    const cli = seedCli(path);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('relationships[1]');
    expect(cli.stderr).toContain('nothing was written');
    expect(await fingerprint(db)).toBe(before);
  });

  it('refuses a file that is not YAML at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, 'nodes: [unclosed\n  - : :');
    await expect(readSeedFile(path)).rejects.toBeInstanceOf(SeedValidationError);
  });

  it('npm run seed -- --reset <file> says it wipes, then loads only that file', async () => {
    await resetToSeed(db);
    const path = seedVariant((seed) => {
      seed.nodes = seed.nodes.filter((n: { labels: string[] }) => n.labels.includes('Source') || n.labels.includes('Country'));
      const kept = new Set(seed.nodes.map((n: { id: string }) => n.id));
      seed.relationships = seed.relationships.filter((r: { from: string; to: string }) => kept.has(r.from) && kept.has(r.to));
    });
    const cli = seedCli('--reset', path);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/--reset: deleting every node/);
    expect(cli.stderr).toMatch(/nodes \d+\/\d+/);
    const rows = await db.read("MATCH (n) WHERE NOT n:Source AND NOT n:Country RETURN count(n) AS others");
    expect(Number(rows[0]?.others)).toBe(0);
    await resetToSeed(db);
  });
});
