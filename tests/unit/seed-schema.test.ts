import { describe, expect, it } from 'vitest';
import { SeedValidationError, validateSeed, type SeedProblem } from '../../seed/schema.ts';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../seed/seed-file.ts';
import { CERTAINTIES } from '../../server/src/contract.ts';

const TEXT = 'Putin signed a strategic partnership agreement with Kim Jong-un. North Korea “could receive” money.';

function validSeed() {
  return {
    format: 'kg-seed/1',
    documents: [{ id: 'doc', file: 'doc.txt' }],
    nodes: [
      { id: 'doc', labels: ['Source'], name: 'The document' },
      { id: 'putin', labels: ['Actor', 'Person'], name: 'Vladimir Putin', aliases: ['Putin'] },
      { id: 'treaty', labels: ['Agreement'], name: 'Treaty', properties: { clauses: ['mutual assistance'] } },
    ],
    relationships: [
      { type: 'SIGNED', from: 'putin', to: 'treaty', quote: 'Putin signed a strategic partnership agreement', sources: ['doc'], certainty: 'confirmed' },
    ],
  };
}

function problemsOf(seed: unknown, documents = new Map([['doc', TEXT]])): SeedProblem[] {
  try {
    validateSeed(seed, documents);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('seed schema', () => {
  it('accepts a valid seed and fills in relationship ids', () => {
    const seed = validateSeed(validSeed(), new Map([['doc', TEXT]]));
    expect(seed.relationships[0]?.id).toBe('putin--SIGNED--treaty');
    expect(seed.nodes[0]?.aliases).toEqual([]);
  });

  it('compares quotes with the text ignoring typographic quotes and spacing', () => {
    const seed = validSeed();
    seed.relationships[0]!.quote = 'North Korea "could   receive" money';
    expect(problemsOf(seed)).toEqual([]);
  });

  type Mutate = (seed: ReturnType<typeof validSeed>) => void;
  it.each<[string, Mutate, string]>([
    ['a wrong format tag', (s) => void (s.format = 'other'), 'format'],
    ['a node id that is not a slug', (s) => void (s.nodes[1]!.id = 'Vladimir Putin'), 'nodes[1] (Vladimir Putin)'],
    ['a label that is not an identifier', (s) => void (s.nodes[1]!.labels = ['Actor', 'Bad Label']), 'nodes[1] (putin)'],
    ['a duplicate node id', (s) => void s.nodes.push({ id: 'putin', labels: ['Person'], name: 'again' }), 'nodes[3] (putin)'],
    ['an unknown end node', (s) => void (s.relationships[0]!.to = 'nowhere'), 'relationships[0] (putin -SIGNED-> nowhere)'],
    ['an unknown certainty', (s) => void (s.relationships[0]!.certainty = 'likely'), 'relationships[0] (putin -SIGNED-> treaty)'],
    ['a source that is not a Source node', (s) => void (s.relationships[0]!.sources = ['putin']), 'relationships[0] (putin -SIGNED-> treaty)'],
    ['a quote not in the document', (s) => void (s.relationships[0]!.quote = 'Putin invaded the Moon'), 'relationships[0] (putin -SIGNED-> treaty)'],
    ['no sources', (s) => void (s.relationships[0]!.sources = []), 'relationships[0] (putin -SIGNED-> treaty)'],
    ['a property that overrides the format', (s) => void (s.nodes[2]!.properties = { name: 'x' } as never), 'nodes[2] (treaty)'],
    ['a map as a property value', (s) => void (s.nodes[2]!.properties = { nested: { a: 1 } } as never), 'nodes[2] (treaty)'],
    ['an unknown key', (s) => void Object.assign(s.nodes[1]!, { colour: 'red' }), 'nodes[1] (putin)'],
    ['a document that is not a Source node', (s) => void (s.documents[0]!.id = 'putin'), 'documents[0] (putin)'],
  ])('refuses %s, naming the entry', (_name, mutate, entry) => {
    const seed = validSeed();
    mutate(seed);
    const problems = problemsOf(seed);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.entry)).toContain(entry);
  });

  it('lists every problem at once, not only the first', () => {
    const seed = validSeed();
    seed.relationships[0]!.to = 'nowhere';
    seed.relationships.push({ ...seed.relationships[0]!, from: 'nobody', to: 'treaty', quote: 'x' });
    expect(problemsOf(seed).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the default seed (the article)', () => {
  it('is valid, with every quote verbatim from the article', async () => {
    const seed = await readSeedFile(DEFAULT_SEED_PATH);
    expect(seed.nodes.length).toBeGreaterThan(20);
    expect(seed.relationships.length).toBeGreaterThan(40);
  });

  it('covers the actors, the agreement, the payment and the sources the article names', async () => {
    const seed = await readSeedFile(DEFAULT_SEED_PATH);
    const labelsOf = (id: string) => seed.nodes.find((n) => n.id === id)?.labels ?? [];
    for (const id of ['north-korea', 'russia', 'ukraine', 'south-korea', 'vietnam', 'kim-jong-un', 'vladimir-putin']) {
      expect(labelsOf(id), id).toContain('Actor');
    }
    expect(seed.nodes.some((n) => n.labels.includes('Agreement'))).toBe(true);
    const payment = seed.nodes.find((n) => n.labels.includes('Payment'));
    expect(payment?.properties).toMatchObject({ amount: 115_000_000, currency: 'USD' });
    expect(seed.nodes.filter((n) => n.labels.includes('Source')).length).toBeGreaterThanOrEqual(4);
  });

  it('uses the article’s hedging: every certainty level appears', async () => {
    const seed = await readSeedFile(DEFAULT_SEED_PATH);
    const used = new Set(seed.relationships.map((r) => r.certainty));
    expect([...used].sort()).toEqual([...CERTAINTIES].sort());
  });
});
