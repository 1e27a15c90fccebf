/**
 * Byte arrays against the real Neo4j: a property written with the driver (which sends and returns Java's
 * signed bytes as an Int8Array) reads back through the API, the workbench and every export as bytes, not
 * as the text "0,1,2,-1"; and a Bytes parameter must be canonical base64.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../server/src/contract.ts';
import { getJson, startApiFixture, type ApiFixture } from '../support/http.ts';

const LABEL = 'ByteArrayTrial';
/** Java's bytes 0, 1, 2 and -1 (0xFF): base64 AAEC/w==. */
const BYTES = Int8Array.from([0, 1, 2, -1]);
const TAGGED = { $type: 'Bytes', base64: 'AAEC/w==' };

let api: ApiFixture;
let elementId: string;

beforeAll(async () => {
  api = await startApiFixture();
  const [row] = await api.db.writeTransaction((run) => run(`CREATE (a:${LABEL} {name: 'bytes'}) SET a.bytes = $b RETURN elementId(a) AS id`, { b: BYTES }));
  elementId = String(row?.id);
});

afterAll(async () => {
  await api?.db.writeTransaction((run) => run(`MATCH (a:${LABEL}) DETACH DELETE a`));
  await api?.stop();
});

function post<T = any>(path: string, body: unknown) {
  return getJson<T>(api.url, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function exportText(format: string): Promise<string> {
  const response = await fetch(`${api.url}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format, scope: { nodeIds: [elementId] } }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('a byte array written by the driver', () => {
  it('reads back from GET /api/nodes/:id as the tagged Bytes value', async () => {
    const res = await getJson(api.url, `/api/nodes/${encodeURIComponent(elementId)}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(JSON.stringify(TAGGED));
  });

  it('reads back from the workbench as the tagged Bytes value, alone and on its node', async () => {
    const res = await post('/api/cypher', { query: `MATCH (a:${LABEL}) RETURN a.bytes AS bytes, a` });
    expect(res.status).toBe(200);
    expect(res.body.rows[0].bytes).toEqual(TAGGED);
    expect(res.body.rows[0].a.properties.bytes).toEqual(TAGGED);
  });

  it('is the tagged Bytes value in the JSON export', async () => {
    const file = JSON.parse(await exportText('json'));
    expect(file.nodes[0].properties.bytes).toEqual(TAGGED);
  });

  it('is the tagged Bytes value as JSON text in the GraphML export', async () => {
    expect(await exportText('graphml')).toContain(`>${JSON.stringify(TAGGED)}</data>`);
  });

  it('is a list of the bytes 0..255 in the Cypher script', async () => {
    const script = await exportText('cypher');
    expect(script).toContain('[0, 1, 2, 255]');
    expect(script).not.toContain('0,1,2,-1');
  });

  it('goes back into Neo4j as the same bytes when its tagged value is a parameter', async () => {
    const res = await post('/api/cypher', { query: `MATCH (a:${LABEL}) RETURN a.bytes = $b AS same`, params: { b: TAGGED } });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ same: true }]);
  });
});

describe('a Bytes parameter', () => {
  it.each([
    ['characters outside base64', '!!!'],
    ['missing padding', 'AAE'],
    ['bits set after the last byte', 'AAF='],
    ['URL-safe characters', 'AAEC_w=='],
    ['white space', 'AAEC /w=='],
  ])('with %s is a 400 VALIDATION_FAILED', async (_case, base64) => {
    const res = await post<ErrorBody>('/api/cypher', { query: 'RETURN $b AS b', params: { b: { $type: 'Bytes', base64 } } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('may be empty', async () => {
    const res = await post('/api/cypher', { query: 'RETURN size($b) AS n', params: { b: { $type: 'Bytes', base64: '' } } });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ n: 0 }]);
  });
});
