/**
 * The API described (issue "Safe to expose", item 1): the OpenAPI document generated from the zod contract
 * is valid OpenAPI 3.1, documents every route the server has, and real answers of the seed graph match the
 * contract's response schemas (the ones the document is made from and the client checks answers with).
 * `/api/docs` shows it in Chromium without a console error or CSP violation.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CypherResponseSchema,
  ErrorBodySchema,
  EvidenceResponseSchema,
  GraphNodeSchema,
  GraphSchema,
  HealthLiveSchema,
  HealthOkSchema,
  LimitsResponseSchema,
  NeighborsResponseSchema,
  PathsResponseSchema,
  SchemaResponseSchema,
  SearchResponseSchema,
  SourceTextSchema,
} from '../../server/src/contract.ts';
import { apiRouter } from '../../server/src/http/routes.ts';
import { launchChromium } from '../../scripts/chromium.ts';
import { startApiFixture, type ApiFixture } from '../support/http.ts';

let api: ApiFixture;

beforeAll(async () => {
  api = await startApiFixture();
});

afterAll(async () => {
  await api?.stop();
});

async function openApiDoc(): Promise<{ openapi: string; paths: Record<string, Record<string, unknown>> }> {
  const response = await fetch(`${api.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
}

/** Every route of the API router as `METHOD /api/path/{param}`, read from Express's own route table. */
function routerRoutes(): string[] {
  const router = apiRouter(api.db, {} as never, {} as never, {} as never, 100) as unknown as {
    stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  };
  return router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} /api${layer.route?.path.replace(/:(\w+)/g, '{$1}')}`)
      : [],
  );
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const doc = await openApiDoc();
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('documents every route the server answers, and no other', async () => {
    const doc = await openApiDoc();
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const served = routerRoutes().filter((route) => route !== 'GET /api/openapi.json');
    expect(documented.sort()).toEqual(served.sort());
  });
});

describe('real answers match the contract’s schemas', () => {
  const post = (path: string, body: unknown) => fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const get = (path: string) => fetch(`${api.url}${path}`);

  it.each<[string, () => Promise<Response>, number, z.ZodType]>([
    ['GET /api/health/live', () => get('/api/health/live'), 200, HealthLiveSchema],
    ['GET /api/health', () => get('/api/health'), 200, HealthOkSchema],
    ['GET /api/limits', () => get('/api/limits'), 200, LimitsResponseSchema],
    ['GET /api/graph', () => get('/api/graph'), 200, GraphSchema],
    ['GET /api/graph?label=Person', () => get('/api/graph?label=Person'), 200, GraphSchema],
    ['POST /api/graph', () => post('/api/graph', { ids: ['russia', 'north-korea'] }), 200, GraphSchema],
    ['GET /api/nodes/:id', () => get('/api/nodes/kim-jong-un'), 200, GraphNodeSchema],
    ['GET /api/nodes/:id/neighbors', () => get('/api/nodes/russia/neighbors?limit=5'), 200, NeighborsResponseSchema],
    ['GET /api/nodes/:id/evidence', () => get('/api/nodes/north-korea/evidence'), 200, EvidenceResponseSchema],
    ['GET /api/nodes/:id/evidence of a Source', () => get('/api/nodes/isw-report/evidence'), 200, EvidenceResponseSchema],
    ['GET /api/sources/:id/text', () => get('/api/sources/article/text'), 200, SourceTextSchema],
    ['GET /api/paths', () => get('/api/paths?from=kim-jong-un&to=vladimir-putin'), 200, PathsResponseSchema],
    ['GET /api/schema', () => get('/api/schema'), 200, SchemaResponseSchema],
    ['GET /api/search', () => get('/api/search?q=kim'), 200, SearchResponseSchema],
    ['POST /api/cypher (rows and a graph)', () => post('/api/cypher', { query: 'MATCH p = (a)-[r]->(b) RETURN a, r, b, p, a.name AS name LIMIT 3' }), 200, CypherResponseSchema],
    ['POST /api/cypher (a PROFILE plan)', () => post('/api/cypher', { query: 'PROFILE MATCH (n:Person) RETURN n.name LIMIT 2' }), 200, CypherResponseSchema],
    ['POST /api/cypher (cut)', () => post('/api/cypher', { query: 'UNWIND range(1, 10) AS i RETURN i', limit: 2 }), 200, CypherResponseSchema],
    ['404 NOT_FOUND', () => get('/api/nodes/no-such-node'), 404, ErrorBodySchema],
    ['400 VALIDATION_FAILED', () => get('/api/graph?limit=0'), 400, ErrorBodySchema],
    ['403 CYPHER_WRITE_FORBIDDEN', () => post('/api/cypher', { query: 'CREATE (n) RETURN n' }), 403, ErrorBodySchema],
    ['415 UNSUPPORTED_MEDIA_TYPE', () => fetch(`${api.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'RETURN 1' }), 415, ErrorBodySchema],
  ])('%s', async (_name, request, status, schema) => {
    const response = await request();
    expect(response.status).toBe(status);
    const body: unknown = await response.json();
    const checked = schema.safeParse(body);
    expect(checked.success ? [] : checked.error.issues.slice(0, 5)).toEqual([]);
  });
});

describe('/api/docs', () => {
  it('shows the API’s operations in Chromium, without a console error or CSP violation', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${api.url}/api/docs/`);
      await page.locator('.opblock-summary-path', { hasText: '/api/cypher' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.opblock-summary-path', { hasText: '/api/export' }).first().waitFor();
      expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(14);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
