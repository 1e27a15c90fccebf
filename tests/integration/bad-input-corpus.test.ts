/**
 * A corpus of bad inputs over every endpoint of the API (README's "## API"), each with the status and
 * `error.code` it must get, sent to the real app over the real test Neo4j holding the seed graph. Every
 * answer must also be a well-formed error (`{error:{code, message, requestId}}`, the id of its
 * `X-Request-Id` header) that leaks nothing: no stack trace, none of the explorer's own Cypher, not the
 * database password. After the corpus the database must be exactly as before (issue 11, item 3).
 *
 * Requests go out through node:http, not fetch, so that a path reaches the server as written (fetch would
 * resolve `../` and `%2e%2e` before sending) and a body can be any bytes.
 */
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer, type RunningServer } from '../../server/src/app.ts';
import type { ErrorCode } from '../../server/src/contract.ts';
import type { Database } from '../../server/src/db/database.ts';
import { databaseState, testSystemDatabase, type DatabaseState } from '../support/database-state.ts';
import { startApiFixture, type ApiFixture } from '../support/http.ts';
import { counts, fingerprint, testTarget } from '../support/neo4j.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** What a case is about (the issue's list), for the count per category and for reading the table. */
type Category =
  | 'malformed JSON'
  | 'content type'
  | 'too large'
  | 'wrong types'
  | 'missing fields'
  | 'extra fields'
  | 'huge strings'
  | 'deep nesting'
  | 'NUL and odd unicode'
  | 'path traversal'
  | 'injection'
  | 'invalid formats'
  | 'limits'
  | 'unknown routes'
  | 'wrong methods';

/** A request as it goes out. */
interface Sent {
  method: Method;
  /** Sent as written: percent-encode what must be encoded (node:http refuses raw spaces and control characters). */
  path: string;
  headers?: Record<string, string>;
  /** A JSON body, sent as `application/json` unless `headers` says otherwise. */
  json?: unknown;
  /** A body sent byte for byte (with `Content-Type: application/json` unless `headers` says otherwise). */
  raw?: string | Buffer;
}

interface BadInput extends Sent {
  name: string;
  category: Category;
  status: number;
  code: ErrorCode;
  /** The app it is sent to: `smallExportCaps` caps exports at 5 nodes, to reach EXPORT_TOO_LARGE on the seed. */
  app?: 'smallExportCaps';
}

/** Seed nodes the cases name. */
const NODE = 'north-korea';
const OTHER_NODE = 'vladimir-putin';

/** `name=value` pairs as a query string, every value percent-encoded. */
const query = (pairs: Array<[string, string]>) => pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');

/** A write smuggled into a name the explorer puts into Cypher (backquoted) or passes as a parameter. */
const CYPHER_BREAKOUT = "x`) DETACH DELETE n RETURN 1 //";
/** The same for a value compared in a WHERE clause, in both quote styles. */
const QUOTE_BREAKOUT = `north-korea' OR 1=1 WITH n MATCH (m) DETACH DELETE m RETURN "x`;

/** Nested arrays `depth` levels deep around `inner`, as JSON text (too deep to build as a value and stringify). */
const nested = (depth: number, inner = '') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

/** A 1 MB+ and a 16 MB+ body: each just over its route's limit (README: 1 MB, 16 MB for export and POST /api/graph). */
const OVER_1MB = JSON.stringify({ query: `RETURN '${'x'.repeat(1024 * 1024)}' AS big` });
const OVER_16MB = JSON.stringify({ ids: Array.from({ length: 400_000 }, (_, i) => `${'n'.repeat(36)}-${i}`) });
/** 2 KB of gzip that inflates to 20 MB: the limit holds for what the body inflates to, not what was sent. */
const GZIP_BOMB = gzipSync(Buffer.from(JSON.stringify({ ids: ['x'.repeat(20 * 1024 * 1024)] })));

const CASES: BadInput[] = [
  // ---------------------------------------------------------------- malformed JSON
  { name: 'POST /api/cypher: a body cut off mid-object', category: 'malformed JSON', method: 'POST', path: '/api/cypher', raw: '{"query": "RETURN 1"', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a trailing comma', category: 'malformed JSON', method: 'POST', path: '/api/cypher', raw: '{"query": "RETURN 1",}', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: single-quoted keys and strings', category: 'malformed JSON', method: 'POST', path: '/api/cypher', raw: "{'query': 'RETURN 1'}", status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: text after the JSON value', category: 'malformed JSON', method: 'POST', path: '/api/cypher', raw: '{"query": "RETURN 1"} {"query": "MATCH (n) DETACH DELETE n"}', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: one key given twice with two values', category: 'malformed JSON', method: 'POST', path: '/api/cypher', raw: '{"query": "RETURN 1", "query": "MATCH (n) DETACH DELETE n"}', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: NaN, which JSON does not have', category: 'malformed JSON', method: 'POST', path: '/api/graph', raw: `{"ids": ["${NODE}"], "limit": NaN}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: an empty JSON body', category: 'malformed JSON', method: 'POST', path: '/api/graph', raw: '   ', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: an unescaped NUL byte inside a JSON string', category: 'malformed JSON', method: 'POST', path: '/api/export', raw: `{"format": "json", "scope": {"nodeIds": ["north\u0000korea"]}}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a JSON number no double holds (1e400)', category: 'malformed JSON', method: 'POST', path: '/api/export', raw: `{"format": "json", "scope": {"around": "${NODE}", "depth": 1e400}}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a gzip body that is not gzip', category: 'malformed JSON', method: 'POST', path: '/api/export', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, raw: '{"format": "json"}', status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- content type
  { name: 'POST /api/cypher: text/plain', category: 'content type', method: 'POST', path: '/api/cypher', headers: { 'content-type': 'text/plain' }, raw: '{"query": "RETURN 1"}', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'POST /api/cypher: a body with no Content-Type', category: 'content type', method: 'POST', path: '/api/cypher', headers: { 'content-type': '' }, raw: '{"query": "RETURN 1"}', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'POST /api/graph: a form', category: 'content type', method: 'POST', path: '/api/graph', headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: `ids=${NODE}`, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'POST /api/export: multipart/form-data', category: 'content type', method: 'POST', path: '/api/export', headers: { 'content-type': 'multipart/form-data; boundary=b' }, raw: '--b\r\nContent-Disposition: form-data; name="format"\r\n\r\njson\r\n--b--\r\n', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'POST /api/export: a JSON-like media type that is not application/json', category: 'content type', method: 'POST', path: '/api/export', headers: { 'content-type': 'application/vnd.api+json' }, raw: JSON.stringify({ format: 'json', scope: { nodeIds: [NODE] } }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'POST /api/cypher: a charset no decoder knows', category: 'content type', method: 'POST', path: '/api/cypher', headers: { 'content-type': 'application/json; charset=klingon' }, raw: '{"query": "RETURN 1"}', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'POST /api/cypher: a content encoding the server does not read', category: 'content type', method: 'POST', path: '/api/cypher', headers: { 'content-type': 'application/json', 'content-encoding': 'compress' }, raw: '{"query": "RETURN 1"}', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'GET /api/search: a text/plain body on a GET', category: 'content type', method: 'GET', path: '/api/search?q=korea', headers: { 'content-type': 'text/plain' }, raw: 'MATCH (n) DETACH DELETE n', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },

  // ---------------------------------------------------------------- too large
  { name: 'POST /api/cypher: a body over 1 MB', category: 'too large', method: 'POST', path: '/api/cypher', raw: OVER_1MB, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'POST /api/graph: a body over 16 MB', category: 'too large', method: 'POST', path: '/api/graph', raw: OVER_16MB, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'POST /api/export: a body over 16 MB', category: 'too large', method: 'POST', path: '/api/export', raw: `{"format": "json", "scope": {"nodeIds": ${OVER_16MB.slice('{"ids":'.length, -1)}}}`, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'POST /api/graph: 2 KB of gzip inflating to 20 MB', category: 'too large', method: 'POST', path: '/api/graph', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, raw: GZIP_BOMB, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'POST /api/export: a neighbourhood past the export cap', category: 'too large', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, depth: 2 } }, status: 413, code: 'EXPORT_TOO_LARGE', app: 'smallExportCaps' },
  { name: 'POST /api/export: a query whose graph is past the export cap', category: 'too large', method: 'POST', path: '/api/export', json: { format: 'csv', scope: { query: 'MATCH (n) RETURN n' } }, status: 413, code: 'EXPORT_TOO_LARGE', app: 'smallExportCaps' },

  // ---------------------------------------------------------------- wrong types
  { name: 'POST /api/cypher: a query that is a number', category: 'wrong types', method: 'POST', path: '/api/cypher', json: { query: 42 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: params that are a list', category: 'wrong types', method: 'POST', path: '/api/cypher', json: { query: 'RETURN $0 AS x', params: ['a'] }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: params that are null', category: 'wrong types', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1', params: null }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a limit that is a string', category: 'wrong types', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1', limit: '10' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a body that is a JSON string', category: 'wrong types', method: 'POST', path: '/api/cypher', json: 'RETURN 1', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: ids that are one string', category: 'wrong types', method: 'POST', path: '/api/graph', json: { ids: NODE }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: ids that are numbers', category: 'wrong types', method: 'POST', path: '/api/graph', json: { ids: [1, 2] }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: a body that is a list', category: 'wrong types', method: 'POST', path: '/api/graph', json: [NODE], status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a format that is a list', category: 'wrong types', method: 'POST', path: '/api/export', json: { format: ['json'], scope: { nodeIds: [NODE] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a depth that is a string', category: 'wrong types', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, depth: '2' } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: view filters whose flags are strings', category: 'wrong types', method: 'POST', path: '/api/export', json: { format: 'json', scope: { nodeIds: [NODE], filters: { hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], hiddenSources: [], timeRange: null, hideUndated: 'yes', keepOrphans: 'no' } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/paths: from given twice (a list, not an id)', category: 'wrong types', method: 'GET', path: `/api/paths?from=${NODE}&from=russia&to=${OTHER_NODE}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/search: q given twice', category: 'wrong types', method: 'GET', path: '/api/search?q=korea&q=russia', status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- missing fields
  { name: 'POST /api/cypher: no query', category: 'missing fields', method: 'POST', path: '/api/cypher', json: { params: {} }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a parameter the query uses and the request lacks', category: 'missing fields', method: 'POST', path: '/api/cypher', json: { query: 'MATCH (n {id: $id}) RETURN n', params: { ID: NODE } }, status: 400, code: 'CYPHER_PARAMETER_MISSING' },
  { name: 'POST /api/graph: no ids', category: 'missing fields', method: 'POST', path: '/api/graph', json: { limit: 5 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: only empty ids', category: 'missing fields', method: 'POST', path: '/api/graph', json: { ids: ['', ''] }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: no scope', category: 'missing fields', method: 'POST', path: '/api/export', json: { format: 'json' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: no format', category: 'missing fields', method: 'POST', path: '/api/export', json: { scope: { nodeIds: [NODE] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: an empty selection', category: 'missing fields', method: 'POST', path: '/api/export', json: { format: 'json', scope: { nodeIds: [] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a query scope missing a parameter its query uses', category: 'missing fields', method: 'POST', path: '/api/export', json: { format: 'json', scope: { query: 'MATCH (n {id: $id}) RETURN n' } }, status: 400, code: 'CYPHER_PARAMETER_MISSING' },
  { name: 'GET /api/paths: no to', category: 'missing fields', method: 'GET', path: `/api/paths?from=${NODE}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/search: no q', category: 'missing fields', method: 'GET', path: '/api/search?limit=5', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: an empty cursor', category: 'missing fields', method: 'GET', path: `/api/nodes/${NODE}/neighbors?after=`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/search: a q of spaces only', category: 'missing fields', method: 'GET', path: '/api/search?q=%20%20%09', status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- extra fields
  { name: 'POST /api/graph: an unknown field', category: 'extra fields', method: 'POST', path: '/api/graph', json: { ids: [NODE], label: 'Country' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: a __proto__ key', category: 'extra fields', method: 'POST', path: '/api/graph', raw: `{"ids": ["${NODE}"], "__proto__": {"limit": 0}}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: an unknown top-level field', category: 'extra fields', method: 'POST', path: '/api/export', json: { format: 'json', scope: { nodeIds: [NODE] }, compress: true }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: two scopes at once', category: 'extra fields', method: 'POST', path: '/api/export', json: { format: 'json', scope: { nodeIds: [NODE], around: NODE } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: an unknown key in the view filters', category: 'extra fields', method: 'POST', path: '/api/export', json: { format: 'json', scope: { nodeIds: [NODE], filters: { hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], hiddenSources: [], timeRange: null, hideUndated: false, keepOrphans: false, query: 'MATCH (n) DETACH DELETE n' } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: label and type at once', category: 'extra fields', method: 'GET', path: '/api/graph?label=Country&type=SIGNED', status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- huge strings
  { name: 'GET /api/nodes/:id: an id of 501 characters', category: 'huge strings', method: 'GET', path: `/api/nodes/${'x'.repeat(501)}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/search: a q of 201 characters', category: 'huge strings', method: 'GET', path: `/api/search?${query([['q', 'korea '.repeat(34).slice(0, 201)]])}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/search: a q of 8,000 characters', category: 'huge strings', method: 'GET', path: `/api/search?q=${'a'.repeat(8000)}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: a label of 201 characters', category: 'huge strings', method: 'GET', path: `/api/graph?label=${'L'.repeat(201)}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: a cursor of 1,001 characters', category: 'huge strings', method: 'GET', path: `/api/nodes/${NODE}/neighbors?after=${'4'.repeat(1001)}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: an id of 501 characters', category: 'huge strings', method: 'POST', path: '/api/graph', json: { ids: [NODE, 'x'.repeat(501)] }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a query of 20,001 characters', category: 'huge strings', method: 'POST', path: '/api/cypher', json: { query: `RETURN 1 AS x${' '.repeat(19_988)}` }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a parameter string over 64 KB', category: 'huge strings', method: 'POST', path: '/api/cypher', json: { query: 'RETURN size($s) AS n', params: { s: 'é'.repeat(40_000) } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a relationship type of 501 characters', category: 'huge strings', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, types: ['T'.repeat(501)] } }, status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- deep nesting
  { name: 'POST /api/cypher: params nested 9 levels deep', category: 'deep nesting', method: 'POST', path: '/api/cypher', json: { query: 'RETURN $deep AS v', params: { deep: [[[[[[[[1]]]]]]]] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: params nested 3,000 levels deep', category: 'deep nesting', method: 'POST', path: '/api/cypher', raw: `{"query": "RETURN $deep AS v", "params": {"deep": ${nested(3000, '1')}}}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a body nested 200,000 levels deep', category: 'deep nesting', method: 'POST', path: '/api/cypher', raw: `{"query": "RETURN 1", "x": ${nested(200_000)}}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: ids nested 4,000 levels deep (parsed, then a 500 walking them)', category: 'deep nesting', method: 'POST', path: '/api/graph', raw: `{"ids": ${nested(4000, `"${NODE}"`)}}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: node ids nested 4,500 levels deep (parsed, then a 500 walking them)', category: 'deep nesting', method: 'POST', path: '/api/export', raw: `{"format": "json", "scope": {"nodeIds": ${nested(4500, `"${NODE}"`)}}}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: a body nested 65 levels deep', category: 'deep nesting', method: 'POST', path: '/api/graph', raw: `{"ids": [], "x": ${nested(64)}}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: query-scope params nested 9 levels deep', category: 'deep nesting', method: 'POST', path: '/api/export', json: { format: 'json', scope: { query: 'MATCH (n) WHERE n.id IN $ids RETURN n', params: { ids: [[[[[[[['x']]]]]]]] } } }, status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- NUL bytes and odd unicode
  { name: 'GET /api/nodes/:id: a NUL byte', category: 'NUL and odd unicode', method: 'GET', path: '/api/nodes/north%00korea', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes/:id: invalid UTF-8 (a lone surrogate) in the path', category: 'NUL and odd unicode', method: 'GET', path: '/api/nodes/%ED%A0%80', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id: a malformed percent escape', category: 'NUL and odd unicode', method: 'GET', path: '/api/nodes/north%ZZkorea', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/evidence: a right-to-left override and zero-width joiners', category: 'NUL and odd unicode', method: 'GET', path: `/api/nodes/${encodeURIComponent('north\u202Ekorea\u200D\u200D')}/evidence`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/sources/:id/text: an emoji and a combining mark', category: 'NUL and odd unicode', method: 'GET', path: `/api/sources/${encodeURIComponent('arti\u0301cle\u{1F4A9}')}/text`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/graph: a label with a NUL byte', category: 'NUL and odd unicode', method: 'GET', path: '/api/graph?label=Country%00', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: a type that differs from SIGNED by a Cyrillic letter', category: 'NUL and odd unicode', method: 'GET', path: `/api/nodes/vladimir-putin/neighbors?${query([['types', 'SIGN\u0415D']])}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a selection id with a NUL byte (escaped)', category: 'NUL and odd unicode', method: 'POST', path: '/api/export', json: { format: 'graphml', scope: { nodeIds: [NODE, 'north-korea\u0000'] } }, status: 404, code: 'NOT_FOUND' },
  { name: 'POST /api/cypher: a tagged Date of month 13', category: 'NUL and odd unicode', method: 'POST', path: '/api/cypher', json: { query: 'RETURN $d AS d', params: { d: { $type: 'Date', value: '2024-13-01' } } }, status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- path traversal in ids
  { name: 'GET /api/nodes/:id: ../ encoded in the id', category: 'path traversal', method: 'GET', path: '/api/nodes/..%2F..%2F..%2Fetc%2Fpasswd', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes/:id: ../ written out in the path', category: 'path traversal', method: 'GET', path: '/api/nodes/../../etc/passwd', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes/:id: %2e%2e as the id', category: 'path traversal', method: 'GET', path: '/api/nodes/%2e%2e', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes/:id/neighbors: a Windows path as the id', category: 'path traversal', method: 'GET', path: `/api/nodes/${encodeURIComponent('..\\..\\windows\\win.ini')}/neighbors`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/sources/:id/text: ../ in the source id', category: 'path traversal', method: 'GET', path: `/api/sources/${encodeURIComponent('../seed-article.txt')}/text`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/sources/:id/text: a file URL as the source id', category: 'path traversal', method: 'GET', path: `/api/sources/${encodeURIComponent('file:///etc/passwd')}/text`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/paths: ../ in from', category: 'path traversal', method: 'GET', path: `/api/paths?${query([['from', '../../etc/passwd'], ['to', NODE]])}`, status: 404, code: 'NOT_FOUND' },
  { name: 'POST /api/export: ../ in around', category: 'path traversal', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: '../../../../etc/shadow' } }, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/schema: a path below the schema', category: 'path traversal', method: 'GET', path: '/api/schema/..%2F..%2Fetc%2Fpasswd', status: 404, code: 'NOT_FOUND' },

  // ---------------------------------------------------------------- injection in every value that reaches a query
  { name: 'GET /api/nodes/:id: a quote breakout in the id', category: 'injection', method: 'GET', path: `/api/nodes/${encodeURIComponent(QUOTE_BREAKOUT)}`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes/:id: an elementId with a breakout', category: 'injection', method: 'GET', path: `/api/nodes/${encodeURIComponent("4:00000000-0000-0000-0000-000000000000:0' OR true //")}`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes/:id/evidence: a backquote breakout in the id', category: 'injection', method: 'GET', path: `/api/nodes/${encodeURIComponent(CYPHER_BREAKOUT)}/evidence`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/graph: a backquote breakout in label', category: 'injection', method: 'GET', path: `/api/graph?${query([['label', `Country\`) DETACH DELETE n RETURN 1 //`]])}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: a backquote breakout in type', category: 'injection', method: 'GET', path: `/api/graph?${query([['type', 'SIGNED`]->() DETACH DELETE a RETURN 1 //']])}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: a breakout in labels', category: 'injection', method: 'GET', path: `/api/nodes/${NODE}/neighbors?${query([['labels', 'Country'], ['labels', CYPHER_BREAKOUT]])}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: a breakout in types', category: 'injection', method: 'GET', path: `/api/nodes/${NODE}/neighbors?${query([['types', "SIGNED' OR 1=1 //"]])}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: a breakout in minCertainty', category: 'injection', method: 'GET', path: `/api/nodes/${NODE}/neighbors?${query([['minCertainty', "confirmed'] OR true //"]])}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/paths: a quote breakout in to', category: 'injection', method: 'GET', path: `/api/paths?${query([['from', NODE], ['to', QUOTE_BREAKOUT]])}`, status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/paths: a breakout in minCertainty', category: 'injection', method: 'GET', path: `/api/paths?${query([['from', NODE], ['to', OTHER_NODE], ['minCertainty', 'reported OR 1=1']])}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: a breakout in limit', category: 'injection', method: 'POST', path: '/api/graph', json: { ids: [NODE], limit: '1 MATCH (n) DETACH DELETE n' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a write', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'MATCH (n) DETACH DELETE n' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: a read followed by a write', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1 AS x; MATCH (n) DETACH DELETE n' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: a write hidden in a subquery after a comment', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'MATCH (n) // harmless\nCALL (n) { SET n.pwned = true } RETURN count(*) AS c' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: LOAD CSV of a local file', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line" }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: another database', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'USE system SHOW USERS' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: a write procedure', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: "CALL db.createLabel('Pwned')" }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: a write behind EXPLAIN', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'EXPLAIN CREATE (n:Pwned) RETURN n' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: a write behind PROFILE', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'PROFILE MATCH (n) DETACH DELETE n' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: a write in the second part of a UNION', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1 AS x UNION CREATE (n:Pwned) RETURN 2 AS x' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: deletes in transactions', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN 1 AS x' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: an index', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'CREATE INDEX pwned FOR (n:Pwned) ON (n.x)' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: a user', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: "CREATE USER pwned SET PASSWORD 'pwnedpwned'" }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/cypher: the transactions of other users', category: 'injection', method: 'POST', path: '/api/cypher', json: { query: 'SHOW TRANSACTIONS' }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/export: a read and a write as the query scope', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'json', scope: { query: 'MATCH (n) RETURN n LIMIT 1; CREATE (m:Pwned)' } }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/export: a write as the query scope', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'cypher', scope: { query: "MATCH (n) SET n.name = 'pwned' RETURN n" } }, status: 403, code: 'CYPHER_WRITE_FORBIDDEN' },
  { name: 'POST /api/export: a backquote breakout in labels', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, labels: ['Country', CYPHER_BREAKOUT] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a breakout in types', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, types: ['OWNS`]->() DETACH DELETE n //'] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a breakout in depth, which the query holds as text', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, depth: '1] DETACH DELETE n //' } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a breakout in format', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'json; MATCH (n) DETACH DELETE n', scope: { nodeIds: [NODE] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a quote breakout in nodeIds', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'json', scope: { nodeIds: [NODE, QUOTE_BREAKOUT] } }, status: 404, code: 'NOT_FOUND' },
  { name: 'POST /api/export: a breakout in relationshipIds', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'csv', scope: { nodeIds: [NODE, 'russia'], relationshipIds: ["x' OR true //"] } }, status: 404, code: 'NOT_FOUND' },
  { name: 'POST /api/export: a breakout in the certainty filter', category: 'injection', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, minCertainty: "confirmed' OR true //" } }, status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- invalid formats
  { name: 'POST /api/export: an unknown format', category: 'invalid formats', method: 'POST', path: '/api/export', json: { format: 'pdf', scope: { nodeIds: [NODE] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a format in capitals', category: 'invalid formats', method: 'POST', path: '/api/export', json: { format: 'JSON', scope: { nodeIds: [NODE] } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a time range that is not YYYY-MM-DD', category: 'invalid formats', method: 'POST', path: '/api/export', json: { format: 'json', scope: { nodeIds: [NODE], filters: { hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], hiddenSources: [], timeRange: { from: '19/06/2024', to: '2024-06-20' }, hideUndated: false, keepOrphans: false } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: EXPLAIN as the query scope', category: 'invalid formats', method: 'POST', path: '/api/export', json: { format: 'json', scope: { query: 'EXPLAIN MATCH (n) RETURN n' } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a query scope that is not Cypher', category: 'invalid formats', method: 'POST', path: '/api/export', json: { format: 'json', scope: { query: 'SELECT * FROM nodes' } }, status: 400, code: 'CYPHER_SYNTAX' },
  { name: 'POST /api/cypher: a query that is not Cypher', category: 'invalid formats', method: 'POST', path: '/api/cypher', json: { query: 'MATCH (n RETURN n' }, status: 400, code: 'CYPHER_SYNTAX' },
  { name: 'POST /api/cypher: a query of blanks', category: 'invalid formats', method: 'POST', path: '/api/cypher', json: { query: ' \n\t ' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a query that fails as it runs (division by zero)', category: 'invalid formats', method: 'POST', path: '/api/cypher', json: { query: 'UNWIND [1, 0] AS d RETURN 1 / d AS q' }, status: 422, code: 'CYPHER_FAILED' },
  { name: 'POST /api/cypher: an unknown $type', category: 'invalid formats', method: 'POST', path: '/api/cypher', json: { query: 'RETURN $x AS x', params: { x: { $type: 'Money', value: '1' } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a float beyond a double', category: 'invalid formats', method: 'POST', path: '/api/cypher', raw: '{"query": "RETURN $x AS x", "params": {"x": 1e400}}', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: a query-scope parameter dated 30 February', category: 'invalid formats', method: 'POST', path: '/api/export', json: { format: 'json', scope: { query: 'MATCH (n) WHERE n.date = $d RETURN n', params: { d: { $type: 'Date', value: '2024-02-30' } } } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: an integer beyond 64 bits', category: 'invalid formats', method: 'POST', path: '/api/cypher', raw: '{"query": "RETURN $n AS n", "params": {"n": 99999999999999999999}}', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: an unknown certainty', category: 'invalid formats', method: 'GET', path: `/api/nodes/${NODE}/neighbors?minCertainty=rumoured`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: a label the database does not have', category: 'invalid formats', method: 'GET', path: `/api/nodes/${NODE}/neighbors?labels=Dragon`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: a label the database does not have', category: 'invalid formats', method: 'GET', path: '/api/graph?label=Dragon', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: a label in the wrong case', category: 'invalid formats', method: 'GET', path: '/api/graph?label=country', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/paths: one node as both ends', category: 'invalid formats', method: 'GET', path: `/api/paths?from=${NODE}&to=${NODE}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id: an id that is an integer beyond 64 bits', category: 'invalid formats', method: 'GET', path: '/api/nodes/99999999999999999999999', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes/:id: an elementId whose number is beyond 64 bits', category: 'invalid formats', method: 'GET', path: '/api/nodes/4:00000000-0000-0000-0000-000000000000:99999999999999999999', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes/:id/evidence: an id that is a float text', category: 'invalid formats', method: 'GET', path: '/api/nodes/1e400/evidence', status: 404, code: 'NOT_FOUND' },

  // ---------------------------------------------------------------- negative, zero and huge limits
  { name: 'GET /api/graph: limit=0', category: 'limits', method: 'GET', path: '/api/graph?limit=0', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: limit=-1', category: 'limits', method: 'GET', path: '/api/graph?limit=-1', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: a limit past the view cap', category: 'limits', method: 'GET', path: '/api/graph?limit=20001', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: a limit beyond 2^64', category: 'limits', method: 'GET', path: '/api/graph?limit=99999999999999999999999', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: limit=1.5', category: 'limits', method: 'GET', path: '/api/graph?limit=1.5', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: limit=Infinity', category: 'limits', method: 'GET', path: '/api/graph?limit=Infinity', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/graph: limit=abc', category: 'limits', method: 'GET', path: '/api/graph?limit=abc', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: limit=0', category: 'limits', method: 'GET', path: `/api/nodes/${NODE}/neighbors?limit=0`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/nodes/:id/neighbors: limit=-100', category: 'limits', method: 'GET', path: `/api/nodes/${NODE}/neighbors?limit=-100`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/search: limit=0', category: 'limits', method: 'GET', path: '/api/search?q=korea&limit=0', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/search: limit=101', category: 'limits', method: 'GET', path: '/api/search?q=korea&limit=101', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/paths: maxLength=0', category: 'limits', method: 'GET', path: `/api/paths?from=${NODE}&to=${OTHER_NODE}&maxLength=0`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/paths: maxLength=11', category: 'limits', method: 'GET', path: `/api/paths?from=${NODE}&to=${OTHER_NODE}&maxLength=11`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: limit=0', category: 'limits', method: 'POST', path: '/api/graph', json: { ids: [NODE], limit: 0 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: a limit beyond 2^53', category: 'limits', method: 'POST', path: '/api/graph', raw: `{"ids": ["${NODE}"], "limit": 9007199254740993}`, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: limit=-1', category: 'limits', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1', limit: -1 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: limit=0', category: 'limits', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1', limit: 0 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: a limit above the row cap', category: 'limits', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1', limit: 1_000_000_000 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/cypher: limit=2.5', category: 'limits', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1', limit: 2.5 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: depth=0', category: 'limits', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, depth: 0 } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: depth=-1', category: 'limits', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, depth: -1 } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/export: depth=4', category: 'limits', method: 'POST', path: '/api/export', json: { format: 'json', scope: { around: NODE, depth: 4 } }, status: 400, code: 'VALIDATION_FAILED' },

  // ---------------------------------------------------------------- unknown routes (and inputs on routes that take none)
  { name: 'GET /api/nope', category: 'unknown routes', method: 'GET', path: '/api/nope', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/ (no route)', category: 'unknown routes', method: 'GET', path: '/api/', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/nodes (no id)', category: 'unknown routes', method: 'GET', path: '/api/nodes', status: 404, code: 'NOT_FOUND' },
  { name: 'GET /api/../etc/passwd (traversal out of /api)', category: 'unknown routes', method: 'GET', path: '/api/../../etc/passwd', status: 404, code: 'NOT_FOUND' },
  { name: 'POST /api/limits (a GET-only route)', category: 'wrong methods', method: 'POST', path: '/api/limits', json: { viewMaxNodes: 1 }, status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'PUT /api/schema (a GET-only route)', category: 'wrong methods', method: 'PUT', path: '/api/schema', json: { labels: [] }, status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'DELETE /api/nodes/:id', category: 'wrong methods', method: 'DELETE', path: `/api/nodes/${NODE}`, status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'PATCH /api/graph', category: 'wrong methods', method: 'PATCH', path: '/api/graph', json: { ids: [NODE] }, status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'GET /api/cypher (a POST-only route) with the query in the URL', category: 'wrong methods', method: 'GET', path: `/api/cypher?${query([['query', 'MATCH (n) DETACH DELETE n']])}`, status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'GET /api/limits: malformed JSON sent to a route that takes no body', category: 'malformed JSON', method: 'GET', path: '/api/limits', raw: '{"viewMaxNodes": ', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'GET /api/schema: a form body sent to a route that takes none', category: 'content type', method: 'GET', path: '/api/schema', headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: 'labels=x', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  // Once answered 200: contract.ts took a JSON `limit` of true as 1, dropped a misspelt field of a Cypher
  // request, and wrote an impossible date into an export's metadata.
  // contract.ts: graphByIds's `limit` is limitParam, z.coerce.number(), made for query strings: in a JSON
  // body it takes `true` as 1, "20" as 20 and [7] as 7 (answered 200).
  { name: 'POST /api/graph: a limit that is true', category: 'wrong types', method: 'POST', path: '/api/graph', json: { ids: [NODE], limit: true }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'POST /api/graph: a limit that is a string', category: 'wrong types', method: 'POST', path: '/api/graph', json: { ids: [NODE], limit: '20' }, status: 400, code: 'VALIDATION_FAILED' },
  // contract.ts: CypherRequestSchema is z.object, not strict: a misspelt `limit` is dropped and the query
  // runs with the server's row cap (answered 200), where POST /api/graph and /api/export refuse unknown fields.
  { name: 'POST /api/cypher: an unknown field (a misspelt limit)', category: 'extra fields', method: 'POST', path: '/api/cypher', json: { query: 'UNWIND range(1, 10) AS x RETURN x', limt: 5 }, status: 400, code: 'VALIDATION_FAILED' },
  // contract.ts: ViewFiltersSchema's `day` checks the shape only: month 13, day 45 is written into the
  // export's metadata as it came (answered 200).
  { name: 'POST /api/export: a time range from a month 13', category: 'invalid formats', method: 'POST', path: '/api/export', json: { format: 'json', scope: { nodeIds: [NODE], filters: { hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], hiddenSources: [], timeRange: { from: '2024-13-45', to: '2024-06-20' }, hideUndated: false, keepOrphans: false } } }, status: 400, code: 'VALIDATION_FAILED' },
];

/**
 * Cases whose right answer needs a change in server/src/contract.ts or server/src/http/routes.ts, which are
 * being changed elsewhere right now: kept here with the answer they must get, and not run until then
 * (the fix for each is in the report of issue 11, item 3). Move a case into CASES once its fix is in.
 */

/**
 * Hostile text in values that reach a query, where the right answer is an ordinary one: search text is
 * matched, not run; unknown ids in a list are skipped; a cursor, a parameter and a descriptive filter are
 * values. Each must answer 200, never a 500, and change nothing (checked after the corpus).
 */
const ANSWERED_AS_DATA: Array<Sent & { name: string }> = [
  { name: 'GET /api/search: a Cypher breakout in q', method: 'GET', path: `/api/search?${query([['q', QUOTE_BREAKOUT.slice(0, 60)]])}` },
  { name: 'GET /api/search: Lucene syntax in q', method: 'GET', path: `/api/search?${query([['q', 'name:* OR *:* AND "x~99 \\ / [a TO z] {!} korea^1000']])}` },
  { name: 'GET /api/search: a NUL byte in q', method: 'GET', path: '/api/search?q=korea%00' },
  { name: 'GET /api/search: a lone surrogate in q', method: 'GET', path: '/api/search?q=%ED%A0%80korea' },
  { name: 'GET /api/search: 100 different one-letter words', method: 'GET', path: `/api/search?${query([['q', Array.from({ length: 100 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(' ')]])}` },
  { name: 'GET /api/graph: ids with ../ and a breakout among a known one', method: 'GET', path: `/api/graph?${query([['ids', '../../etc/passwd'], ['ids', QUOTE_BREAKOUT], ['ids', NODE]])}` },
  { name: 'POST /api/graph: ids with ../, a breakout and a NUL byte among a known one', method: 'POST', path: '/api/graph', json: { ids: ['../../etc/passwd', QUOTE_BREAKOUT, 'north\u0000korea', NODE] } },
  { name: 'GET /api/nodes/:id/neighbors: a quote breakout in the cursor', method: 'GET', path: `/api/nodes/${NODE}/neighbors?${query([['after', "x' OR 1=1 //"]])}` },
  { name: 'POST /api/cypher: a NUL byte in the query text', method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1 AS x\u0000' } },
  { name: 'POST /api/cypher: hostile parameter names and values', method: 'POST', path: '/api/cypher', json: { query: 'RETURN $x AS x', params: { 'a`b\u0000': 1, x: 'MATCH (n) DETACH DELETE n\u0000' } } },
  { name: 'POST /api/export: a breakout in a query-scope parameter', method: 'POST', path: '/api/export', json: { format: 'cypher', scope: { query: 'MATCH (n) WHERE n.id = $id RETURN n', params: { id: "x'}) DETACH DELETE n //" } } } },
  { name: 'POST /api/export: a breakout in the descriptive view filters', method: 'POST', path: '/api/export', json: { format: 'graphml', scope: { nodeIds: [NODE], filters: { hiddenLabels: [CYPHER_BREAKOUT], hiddenTypes: ['x]]><evil/>'], hiddenCertainties: [], hiddenSources: [QUOTE_BREAKOUT], timeRange: null, hideUndated: false, keepOrphans: false } } } },
];

/** Everything a request carried as text: the decoded path segments and query values, and the body's strings. */
function requestTexts(c: Sent): string[] {
  const texts: string[] = [];
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part;
    }
  };
  const [pathPart = '', queryPart = ''] = c.path.split('?');
  texts.push(pathPart, ...pathPart.split('/').map(decode));
  for (const pair of queryPart.split('&')) texts.push(decode(pair.slice(pair.indexOf('=') + 1)));
  const visit = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.entries(value).forEach(([key, item]) => (texts.push(key), visit(item)));
  };
  visit(c.json);
  if (typeof c.raw === 'string' && c.raw.length < 100_000) {
    try {
      visit(JSON.parse(c.raw));
    } catch {
      texts.push(c.raw);
    }
  }
  return texts.filter((text) => text.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * Every string in the answer, with the request's own texts that hold a word of OWN_CYPHER cut out. An error
 * may name what the user sent (the unknown label, the id not found), and that text is theirs, not a leak: a
 * label `x\`) DETACH DELETE n RETURN 1 //` echoed in "unknown label …" shows nothing of the server's
 * queries. Only such texts are cut, so that cutting a short one ("A") can't hide a leak ("M…TCH ").
 */
function answerTextWithoutEcho(answer: unknown, requestTexts: string[]): string {
  const echoes = requestTexts.filter((text) => OWN_CYPHER.test(text));
  const strings: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.entries(value).forEach(([key, item]) => (strings.push(key), visit(item)));
  };
  visit(answer);
  return strings.map((text) => echoes.reduce((rest, echo) => rest.split(echo).join('…'), text)).join('\n');
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** How long an answer may take: a case past it hangs, and fails. */
const ANSWER_TIMEOUT_MS = 30_000;

/** Sends `c` as written and reads the whole answer; rejects when none comes within ANSWER_TIMEOUT_MS. */
function send(baseUrl: string, c: Sent): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  const body = c.json !== undefined ? JSON.stringify(c.json) : c.raw;
  // Content-Length always: node:http leaves it out of a GET, and the server would then read the body as
  // the next request.
  const headers: Record<string, string> =
    body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  for (const [name, value] of Object.entries(c.headers ?? {})) {
    if (value === '') delete headers[name];
    else headers[name] = value;
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: hostname, port, method: c.method, path: c.path, headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A server that answers 413 before reading a large body may close the connection while it is still
    // being sent: the answer already came, so that is no failure.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.setTimeout(ANSWER_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)));
    req.end(body);
  });
}

/** The answer's JSON, or its text when it is not JSON (so that a failing case shows what came). */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 500);
  }
}

const STACK_TRACE = /at .*\.(ts|js):\d+/;
/** Words of the explorer's own Cypher that no error may carry (unless the request itself held them). */
const OWN_CYPHER = /MATCH |RETURN /;

let api: ApiFixture;
let db: Database;
let system: Database;
let smallExportCaps: RunningServer;
let before: DatabaseState;
let password: string;

beforeAll(async () => {
  api = await startApiFixture();
  db = api.db;
  system = testSystemDatabase();
  smallExportCaps = await startServer(createApp({ db, exportLimits: { maxNodes: 5 } }), 0, '127.0.0.1');
  password = testTarget().password;
  before = await databaseState(db, system);
});

afterAll(async () => {
  await smallExportCaps?.stop();
  await system?.close();
  await api?.stop();
});

describe('the bad-input corpus', () => {
  it('covers every endpoint of the README with at least 60 cases', () => {
    const endpoints = [
      'GET /api/graph',
      'POST /api/graph',
      'GET /api/nodes/:id',
      'GET /api/nodes/:id/neighbors',
      'GET /api/nodes/:id/evidence',
      'GET /api/sources/:id/text',
      'GET /api/paths',
      'GET /api/schema',
      'GET /api/search',
      'POST /api/cypher',
      'POST /api/export',
      'GET /api/limits',
    ];
    const all = CASES;
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    for (const endpoint of endpoints) expect(all.some((c) => c.name.startsWith(`${endpoint}:`)), endpoint).toBe(true);
    expect(all.some((c) => c.category === 'unknown routes')).toBe(true);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
  });

  it.each(CASES)('answers $name with $status $code', async (c) => {
    const answer = await send(c.app === 'smallExportCaps' ? smallExportCaps.url : api.url, c);

    const body = parsedOrText(answer.text);
    expect({ status: answer.status, contentType: answer.headers['content-type'], body }).toEqual({
      status: c.status,
      contentType: expect.stringMatching(/^application\/json/),
      body: { error: expect.objectContaining({ code: c.code, message: expect.any(String), requestId: expect.any(String) }) },
    });
    const requestId = answer.headers['x-request-id'];
    expect(requestId).toEqual(expect.any(String));
    expect((body as { error: { requestId: string } }).error.requestId).toBe(requestId);

    expect(answer.text).not.toMatch(STACK_TRACE);
    expect(answer.text).not.toContain(password);
    expect(answerTextWithoutEcho(body, requestTexts(c))).not.toMatch(OWN_CYPHER);
  });

});

describe('hostile values that reach a query as data', () => {
  it.each(ANSWERED_AS_DATA)('answers $name with 200', async (c) => {
    const answer = await send(api.url, c);
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect(answer.text).not.toMatch(STACK_TRACE);
    expect(answer.text).not.toContain(password);
  });
});

describe('after the corpus', () => {
  it('leaves the database exactly as it was: data, tokens, schema, users and databases', async () => {
    const after = await databaseState(db, system);
    expect(after).toEqual(before);
    expect(await counts(db)).toEqual(before.counts);
    expect(await fingerprint(db)).toBe(before.fingerprint);
  });
});


