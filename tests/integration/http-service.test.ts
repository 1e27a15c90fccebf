/**
 * The API as a service exposed to a team (issue "Safe to expose"): helmet's headers, the CORS allowlist,
 * 413 and 415 for bodies it will not read, a request id on every answer and log line, structured logs that
 * keep users' text out, liveness apart from readiness, and rate limits per client.
 */
import http from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer, type AppDeps, type RunningServer } from '../../server/src/app.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { getJson } from '../support/http.ts';
import { testDatabase, testTarget } from '../support/neo4j.ts';

let db: Database;
const servers: RunningServer[] = [];

beforeAll(() => {
  db = testDatabase();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await db?.close();
});

/** The app over the test database (the seed, whatever state it is in: these tests only read), with `deps`. */
async function serve(deps: Partial<AppDeps> = {}): Promise<string> {
  const server = await startServer(createApp({ db, ...deps }), 0, '127.0.0.1');
  servers.push(server);
  return server.url;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function postCypher(url: string, body: string, contentType = 'application/json', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/cypher`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
}

/** A logger whose JSON lines land in `lines`. */
function capturingLogger(): { logger: pino.Logger; lines: Array<Record<string, unknown>>; text: () => string } {
  const lines: Array<Record<string, unknown>> = [];
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines, text: () => chunks.join('') };
}

describe('the headers of a service exposed to a team', () => {
  it('sends helmet’s headers with a Content-Security-Policy the client works under, and no X-Powered-By', async () => {
    const url = await serve();
    const response = await fetch(`${url}/api/limits`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('lets no other site’s page read the API by default', async () => {
    const url = await serve();
    const response = await fetch(`${url}/api/limits`, { headers: { origin: 'https://elsewhere.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers CORS for the origins on its allowlist only, preflight included', async () => {
    const url = await serve({ corsOrigins: ['https://intranet.example'] });
    const allowed = await fetch(`${url}/api/limits`, { headers: { origin: 'https://intranet.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const preflight = await fetch(`${url}/api/cypher`, {
      method: 'OPTIONS',
      headers: { origin: 'https://intranet.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const other = await fetch(`${url}/api/limits`, { headers: { origin: 'https://intranet.example.evil' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('bodies the API will not read', () => {
  it('answers a body over the route’s limit with 413 PAYLOAD_TOO_LARGE, saying the limit', async () => {
    const url = await serve();
    const response = await postCypher(url, JSON.stringify({ query: `RETURN '${'x'.repeat(2 * 1024 * 1024)}'` }));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; details: { limitBytes: number } } };
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.details.limitBytes).toBe(1024 * 1024);
  });

  it.each([
    ['text/plain', '{"query":"RETURN 1"}'],
    ['application/x-www-form-urlencoded', 'query=RETURN+1'],
    ['text/html', '<p>RETURN 1</p>'],
  ])('answers a %s body with 415 UNSUPPORTED_MEDIA_TYPE, naming what came', async (contentType, text) => {
    const url = await serve();
    const response = await postCypher(url, text, contentType);
    expect(response.status).toBe(415);
    const body = (await response.json()) as { error: { code: string; message: string; details: { contentType: string } } };
    expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.error.details.contentType).toBe(contentType);
    expect(body.error.message).toContain('application/json');
  });

  it.each(['/api/graph', '/api/export'])('reads a body once: a JSON string spelling an object is a string at %s, not the object', async (path) => {
    // Both the route's parser (16 MB) and the general one ran, so `"{\"ids\":…}"` was read as {ids}.
    const url = await serve();
    const spelled = JSON.stringify(JSON.stringify({ ids: ['kim-jong-un'], format: 'json', scope: { nodeIds: ['kim-jong-un'] } }));
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: spelled });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('still reads JSON with a charset, and answers a missing body as a validation error', async () => {
    const url = await serve();
    expect((await postCypher(url, '{"query":"RETURN 1 AS one"}', 'application/json; charset=utf-8')).status).toBe(200);
    const empty = await fetch(`${url}/api/cypher`, { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('requests the API will not take as sent', () => {
  it('answers a method a route does not take with 405 METHOD_NOT_ALLOWED and the methods it does take in Allow', async () => {
    const url = await serve();
    const put = await fetch(`${url}/api/nodes/russia`, { method: 'DELETE' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    expect(((await put.json()) as { error: { code: string; details: { allowed: string[] } } }).error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', details: { allowed: ['GET', 'HEAD'] } });
    const get = await fetch(`${url}/api/cypher`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const both = await fetch(`${url}/api/graph`, { method: 'PATCH' });
    expect(both.headers.get('allow')).toBe('GET, HEAD, POST');
    expect((await fetch(`${url}/api/nope`, { method: 'DELETE' })).status).toBe(404);
  });

  /** What a raw HTTP exchange over one socket answers: status line, headers and body as text. */
  function rawExchange(url: string, request: string): Promise<string> {
    const { port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  }

  it('answers headers over 16 KB with 431 HEADERS_TOO_LARGE in JSON with a request id, before Express sees them', async () => {
    const url = await serve();
    const answer = await rawExchange(url, `GET /api/search?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/X-Request-Id: [0-9a-f-]{36}/);
    expect(JSON.parse(body as string)).toMatchObject({ error: { code: 'HEADERS_TOO_LARGE', requestId: expect.any(String) } });
  });

  it('answers a request that does not arrive in time with 408 REQUEST_TIMEOUT, with the id its log line has', async () => {
    const server = await startServer(createApp({ db }), 0, '127.0.0.1', { headersMs: 1_000, requestMs: 2_000 });
    servers.push(server);
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      // Headers, then a body that stops after its first byte: the connection was held for minutes.
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('POST /api/graph HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    const id = /X-Request-Id: (\S+)/.exec(answer)?.[1];
    const body = JSON.parse(answer.split('\r\n\r\n')[1] as string) as { error: { code: string; requestId: string } };
    expect(body.error).toMatchObject({ code: 'REQUEST_TIMEOUT', requestId: id });
  });

  it('answers a request that is not HTTP with 400 VALIDATION_FAILED in JSON', async () => {
    const url = await serve();
    const answer = await rawExchange(url, 'HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.split('\r\n\r\n')[1] as string)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('request ids', () => {
  it('gives every answer an X-Request-Id, and an error body the same one', async () => {
    const url = await serve();
    const ok = await fetch(`${url}/api/limits`);
    const okId = ok.headers.get('x-request-id') ?? '';
    expect(okId).toMatch(UUID);
    const failed = await fetch(`${url}/api/nodes/no-such-node`);
    const failedId = failed.headers.get('x-request-id') ?? '';
    expect(failedId).toMatch(UUID);
    expect(failedId).not.toBe(okId);
    expect(((await failed.json()) as { error: { requestId: string } }).error.requestId).toBe(failedId);
  });

  it('takes the id a trusted proxy sends, and makes its own when the sender is not trusted or the id is odd', async () => {
    const untrusted = await serve();
    const ignored = await fetch(`${untrusted}/api/limits`, { headers: { 'x-request-id': 'from-anyone-42' } });
    expect(ignored.headers.get('x-request-id')).toMatch(UUID);

    const behindProxy = await serve({ trustProxy: 'loopback' });
    const taken = await fetch(`${behindProxy}/api/limits`, { headers: { 'x-request-id': 'proxy-id-42' } });
    expect(taken.headers.get('x-request-id')).toBe('proxy-id-42');
    for (const odd of ['two words', 'x'.repeat(129), 'semi;colon', '{"forged":"line"}']) {
      const replaced = await fetch(`${behindProxy}/api/limits`, { headers: { 'x-request-id': odd } });
      expect(replaced.headers.get('x-request-id')).toMatch(UUID);
    }
  });
});

describe('structured logs', () => {


  it('writes one JSON line per request with its id, method, path, route, status, code and time, and none of the user’s text', async () => {
    const { logger, lines, text } = capturingLogger();
    const url = await serve({ logger });
    const search = await fetch(`${url}/api/search?q=secret-search-words`);
    const cypher = await postCypher(url, JSON.stringify({ query: 'MATCH (n:SecretLabel) WHERE n.x = $p RETURN n', params: { p: 'secret-parameter-value' } }));
    const missing = await fetch(`${url}/api/nodes/no-such-node`);
    await expect.poll(() => lines.length).toBeGreaterThanOrEqual(3);

    const searchLine = lines.find((line) => line.requestId === search.headers.get('x-request-id'));
    expect(searchLine).toMatchObject({ level: 30, req: { method: 'GET', path: '/api/search' }, res: { status: 200 }, route: '/api/search' });
    expect(typeof searchLine?.ms).toBe('number');
    const cypherLine = lines.find((line) => line.requestId === cypher.headers.get('x-request-id'));
    expect(cypherLine).toMatchObject({ req: { method: 'POST', path: '/api/cypher' }, route: '/api/cypher' });
    const missingLine = lines.find((line) => line.requestId === missing.headers.get('x-request-id'));
    expect(missingLine).toMatchObject({ level: 40, res: { status: 404 }, code: 'NOT_FOUND', route: '/api/nodes/:id' });

    const all = text();
    for (const secret of ['secret-search-words', 'SecretLabel', 'secret-parameter-value', testTarget().password]) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/cookie|authorization|stack/i);
  });
});

describe('structured logs of an answer cut before its end', () => {
  it('logs it at warn, marked cut, not as an ordinary 200', async () => {
    const { logger, lines } = capturingLogger();
    const url = await serve({ logger });
    const gone = new AbortController();
    const request = fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'UNWIND range(1, 200000000) AS x RETURN count(x) AS n' }),
      signal: gone.signal,
    }).catch(() => undefined);
    await new Promise((done) => setTimeout(done, 500));
    gone.abort();
    await request;
    await expect.poll(() => lines.find((line) => (line.req as { path?: string } | undefined)?.path === '/api/cypher'), { timeout: 15_000 }).toBeDefined();
    const line = lines.find((entry) => (entry.req as { path?: string }).path === '/api/cypher');
    expect(line).toMatchObject({ level: 40, cut: true });
    expect(String(line?.msg)).toContain('/api/cypher');
  });
});

describe('structured logs of a database outage', () => {
  it('logs a 503 as an error line with its code, without a made-up stack', async () => {
    const { logger, lines } = capturingLogger();
    const unreachable = createDatabase({ ...testTarget(), uri: 'bolt://127.0.0.1:9' });
    try {
      const url = await serve({ db: unreachable, logger });
      const answer = await fetch(`${url}/api/schema`);
      expect(answer.status).toBe(503);
      await expect.poll(() => lines.length).toBeGreaterThan(0);
      const line = lines.find((entry) => entry.requestId === answer.headers.get('x-request-id'));
      expect(line).toMatchObject({ level: 50, code: 'DB_UNAVAILABLE', res: { status: 503 } });
      // pino-http attached "failed with status code 503" with its stack to every such line.
      expect(JSON.stringify(line)).not.toMatch(/stack|failed with status code/);
    } finally {
      await unreachable.close();
    }
  });
});

describe('liveness and readiness', () => {
  it('answers liveness while Neo4j cannot be reached, and readiness only when it can', async () => {
    const url = await serve();
    expect((await getJson(url, '/api/health/live')).body).toEqual({ status: 'live' });
    expect((await getJson(url, '/api/health')).status).toBe(200);

    const unreachable = createDatabase({ ...testTarget(), uri: 'bolt://127.0.0.1:9' });
    try {
      const down = await serve({ db: unreachable });
      const live = await getJson(down, '/api/health/live');
      expect(live).toMatchObject({ status: 200, body: { status: 'live' } });
      expect((await getJson(down, '/api/health')).status).toBe(503);
    } finally {
      await unreachable.close();
    }
  });
});

describe('rate limits per client', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a client passes the query limit, and keeps the rest of the API open', async () => {
    const url = await serve({ rateLimits: { windowMs: 60_000, queries: 3, requests: 100 } });
    // Bad requests count too: a client cannot probe for free.
    for (let i = 0; i < 3; i++) expect((await postCypher(url, '{}')).status).toBe(400);
    const limited = await postCypher(url, '{"query":"RETURN 1"}');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-policy')).toContain('3');
    const body = (await limited.json()) as { error: { code: string; message: string; details: { limit: number; retryAfterSeconds: number }; requestId: string } };
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 3 } });
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.requestId).toBe(limited.headers.get('x-request-id'));
    const exportLimited = await fetch(`${url}/api/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(exportLimited.status).toBe(429);
    // Express routes /api/Cypher to the Cypher route: it ran past the limit (new-user trial).
    for (const path of ['/api/Cypher', '/api/CYPHER', '/api/Export']) {
      const other = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"RETURN 1"}' });
      expect(other.status, path).toBe(429);
    }
    expect((await fetch(`${url}/api/limits`)).status).toBe(200);
  });

  it('limits the rest of the API more loosely, and never the health checks', async () => {
    const url = await serve({ rateLimits: { windowMs: 60_000, queries: 100, requests: 5 } });
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/api/limits`)).status).toBe(200);
    expect((await fetch(`${url}/api/limits`)).status).toBe(429);
    expect((await fetch(`${url}/api/nodes/russia`)).status).toBe(429);
    for (let i = 0; i < 10; i++) {
      expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
    }
  });

  it('starts with both limits turned off (0), as the benchmark runs it, and limits nothing', async () => {
    // Express 5 refused app.use() with an empty list of handlers: RATE_LIMIT_*=0 stopped the server at start.
    const url = await serve({ rateLimits: { windowMs: 60_000, queries: 0, requests: 0 } });
    const statuses = await Promise.all(Array.from({ length: 20 }, () => postCypher(url, '{}').then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([400]));
  });

  it('does not limit an app built without limits (tests, benchmarks, soak and fuzz runs)', async () => {
    const url = await serve();
    const statuses = await Promise.all(Array.from({ length: 150 }, () => fetch(`${url}/api/limits`).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('stopping (SIGTERM)', () => {
  /** A POST /api/cypher whose body arrives in two parts: in flight from the first part until `finish()`. */
  function slowRequest(url: string): { answered: Promise<{ status: number; body: string }>; finish(): void } {
    const { port } = new URL(url);
    const body = JSON.stringify({ query: 'RETURN 1 AS one' });
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/cypher', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.once('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.once('error', reject);
      });
      request.once('error', reject);
    });
    request.write(body.slice(0, 5));
    return { answered, finish: () => request.end(body.slice(5)) };
  }

  const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

  it('lets a request in flight finish, while refusing new connections', async () => {
    const server = await startServer(createApp({ db }), 0, '127.0.0.1');
    const inFlight = slowRequest(server.url);
    await pause(200);
    const stopped = server.stop(10_000);
    await pause(100);
    await expect(fetch(`${server.url}/api/limits`)).rejects.toThrow();
    inFlight.finish();
    const answer = await inFlight.answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ rows: [{ one: 1 }] });
    await stopped;
  });

  it('cuts a request that outlives the grace period, and then has stopped', async () => {
    const server = await startServer(createApp({ db }), 0, '127.0.0.1');
    const inFlight = slowRequest(server.url);
    await pause(200);
    await server.stop(300);
    await expect(inFlight.answered).rejects.toThrow();
  });
});
