/**
 * The checks other tests rely on to prove that "nothing changed" must see a change: the fingerprint of
 * the graph (API tests compare it before and after bad input) and the graph snapshot (export round trips)
 * tell apart one property's value, and its type (INTEGER 7 from FLOAT 7.0), and a map inside a row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { graphSnapshot } from '../support/export-graphs.ts';
import { fingerprint, resetToSeed, testDatabase } from '../support/neo4j.ts';

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
});

afterAll(async () => {
  await resetToSeed(db);
  await db?.close();
});

const setScore = (cypherValue: string) => db.writeTransaction((run) => run(`MATCH (n {id: 'north-korea'}) SET n.score = ${cypherValue}`));

describe('the graph fingerprint and snapshot', () => {
  it('change when one property changes value or type', async () => {
    const seen = [{ fingerprint: await fingerprint(db), snapshot: await graphSnapshot(db) }];
    for (const value of ['7', '7.0', '8']) {
      await setScore(value);
      seen.push({ fingerprint: await fingerprint(db), snapshot: await graphSnapshot(db) });
    }
    expect(new Set(seen.map((s) => s.fingerprint)).size).toBe(seen.length);
    expect(new Set(seen.map((s) => JSON.stringify(s.snapshot))).size).toBe(seen.length);
  });

  it('stay the same when nothing changed', async () => {
    expect(await fingerprint(db)).toBe(await fingerprint(db));
    expect(await graphSnapshot(db)).toEqual(await graphSnapshot(db));
  });
});
