/**
 * POST /api/cypher's parameters against the real Neo4j (no data needed: `RETURN $a`): tagged values that
 * are malformed or impossible are a 400 VALIDATION_FAILED naming the parameter, never a 500, a 503 or a
 * silently changed value; and JSON numbers keep the type their text says (`1.0` a FLOAT, `1` an INTEGER).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/app.ts';
import type { CypherResponse, ErrorBody } from '../../server/src/contract.ts';
import type { Database } from '../../server/src/db/database.ts';
import { getJson, startTestServer } from '../support/http.ts';
import { testDatabase } from '../support/neo4j.ts';

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

/** Posts `RETURN $a AS a` (or `query`) with the raw JSON body text, so that numbers keep how they were written. */
function returnParam<T = CypherResponse>(paramText: string, query = 'RETURN $a AS a') {
  return getJson<T>(server.url, '/api/cypher', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"query": ${JSON.stringify(query)}, "params": {"a": ${paramText}}}`,
  });
}

describe('POST /api/cypher refuses impossible tagged values with 400 VALIDATION_FAILED naming the parameter', () => {
  it.each([
    ['a Date in month 13', { $type: 'Date', value: '2024-13-45' }],
    ['a Date on 30 February', { $type: 'Date', value: '2024-02-30' }],
    ['a Date on 29 February of a common year', { $type: 'Date', value: '2023-02-29' }],
    ['a Date on 29 February 1900 (not a leap year)', { $type: 'Date', value: '1900-02-29' }],
    ['a Date on 31 April', { $type: 'Date', value: '2024-04-31' }],
    ['a Date on day 0', { $type: 'Date', value: '2024-01-00' }],
    ['a LocalDateTime on 30 February', { $type: 'LocalDateTime', value: '2024-02-30T10:00:00' }],
    ['a DateTime on 30 February', { $type: 'DateTime', value: '2024-02-30T10:00:00Z' }],
    ['a DateTime in an unknown zone', { $type: 'DateTime', value: '2024-10-27T02:30:00+01:00[Mars/Olympus]' }],
    ['a DateTime in a zone Java does not know', { $type: 'DateTime', value: '2024-10-27T02:30:00[EST]' }],
    ['a DateTime with an offset beyond 18 hours', { $type: 'DateTime', value: '2024-10-27T02:30:00+19:00' }],
    ['a LocalTime at 25:00', { $type: 'LocalTime', value: '25:00' }],
    ['a LocalTime at minute 60', { $type: 'LocalTime', value: '10:60' }],
    ['a LocalTime at second 60', { $type: 'LocalTime', value: '10:00:60' }],
    ['a Time with an offset of 25 hours', { $type: 'Time', value: '10:00:00+25:00' }],
    ['a Time with an offset of 18:01', { $type: 'Time', value: '10:00:00-18:01' }],
    ['a Time with offset minutes past 59', { $type: 'Time', value: '10:00:00+01:75' }],
    ['a Point with an unknown srid', { $type: 'Point', srid: 12345, x: 1, y: 2 }],
    ['a 2D Point with a z', { $type: 'Point', srid: 4326, x: 1, y: 2, z: 3 }],
    ['a 3D Point without a z', { $type: 'Point', srid: 9157, x: 1, y: 2 }],
    ['a Date with an extra key', { $type: 'Date', value: '2024-06-19', zone: 'Europe/Berlin' }],
    ['a Point with an extra key', { $type: 'Point', srid: 7203, x: 1, y: 2, crs: 'cartesian' }],
    ['a Bytes value with an extra key', { $type: 'Bytes', base64: 'AA==', value: 'x' }],
  ])('%s', async (_case, value) => {
    const res = await returnParam<ErrorBody>(JSON.stringify(value));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    if (!/Java/.test(_case)) expect(res.body.error.details).toEqual({ parameter: 'a' });
  });

  it('names a parameter nested in a list too', async () => {
    const res = await returnParam<ErrorBody>(JSON.stringify([{ $type: 'Date', value: '2024-02-30' }]));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { parameter: 'a' } });
  });
});

describe('POST /api/cypher takes the possible tagged values as they are', () => {
  it.each([
    ['29 February of a leap year', { $type: 'Date', value: '2024-02-29' }],
    ['29 February 2000', { $type: 'Date', value: '2000-02-29' }],
    ['the last second of a day', { $type: 'LocalTime', value: '23:59:59' }],
    ['an offset of -18:00', { $type: 'Time', value: '10:00:00-18:00' }],
    ['a DateTime with a zone', { $type: 'DateTime', value: '2024-10-27T02:30:00+01:00[Europe/Berlin]' }],
    ['a 3D geographic Point', { $type: 'Point', srid: 4979, x: 1, y: 2, z: 3 }],
  ])('%s', async (_case, value) => {
    const res = await returnParam(JSON.stringify(value));
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ a: value }]);
  });
});

describe('POST /api/cypher reads a JSON number as its text says', () => {
  it.each([
    ['1', 'INTEGER'],
    ['-7', 'INTEGER'],
    ['1.0', 'FLOAT'],
    ['2.0', 'FLOAT'],
    ['-0.0', 'FLOAT'],
    ['1e2', 'FLOAT'],
    ['1E2', 'FLOAT'],
    ['1.5', 'FLOAT'],
    ['9007199254740993', 'INTEGER'],
  ])('%s is a %s', async (text, type) => {
    const res = await returnParam(text, 'RETURN valueType($a) AS t');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ t: `${type} NOT NULL` }]);
  });

  it('keeps -0.0 a float, so that 1 / $a is -Infinity rather than a division by zero', async () => {
    const res = await returnParam('-0.0', 'RETURN 1 / $a AS q');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ q: { $type: 'Float', value: '-Infinity' } }]);
  });

  it.each(['1e400', '-1e400', '[1, 1e309]'])('refuses %s, which no finite double holds, with 400 VALIDATION_FAILED', async (text) => {
    const res = await returnParam<ErrorBody>(text);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { parameter: 'a' } });
  });
});
