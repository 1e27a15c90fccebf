/** The API's routes: parse the request, call one service, send the answer. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import {
  CypherRequestSchema,
  ExportRequestSchema,
  NodeIdSchema,
  PathsQuerySchema,
  SearchQuerySchema,
  viewMaxRelationships,
  viewQuerySchemas,
  type HealthLive,
  type HealthOk,
  type HealthUnavailable,
  type LimitsResponse,
} from '../contract.ts';
import type { CypherService } from '../cypher/cypher-service.ts';
import type { Database } from '../db/database.ts';
import type { ExportService } from '../export/export-service.ts';
import { startedBody } from './started-body.ts';
import type { GraphService } from '../graph/graph-service.ts';
import { AppError } from '../errors.ts';
import { openApiDocument } from './openapi.ts';
import { noteRouteOfError } from './request-log.ts';
import { parseRequest } from './validation.ts';

/** `viewMaxNodes`: the most nodes one view holds, which caps the overview's and the neighbours' `limit`. */
export function apiRouter(db: Database, graph: GraphService, cypher: CypherService, exporter: ExportService, viewMaxNodes: number): Router {
  const router = Router();
  const schemas = viewQuerySchemas(viewMaxNodes);

  /** The OpenAPI 3.1 document, generated from the contract (openapi.ts). */
  const document = openApiDocument(viewMaxNodes);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  /** The document, browsable (swagger-ui-express, its assets served from the package, nothing from a CDN). */
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '../openapi.json' }, customSiteTitle: 'Knowledge-graph explorer API' }));

  router.get('/limits', (_req, res) => {
    res.json({ viewMaxNodes, viewMaxRelationships: viewMaxRelationships(viewMaxNodes) } satisfies LimitsResponse);
  });

  /** Liveness: 200 `{status:'live'}` while the process answers, whatever Neo4j's state (for a restart policy). */
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'live' } satisfies HealthLive);
  });

  /** Readiness: 200 `{status:'ok', neo4j}` when Neo4j answers, else 503 `{status:'unavailable'}` (for a balancer). */
  router.get('/health', async (_req, res) => {
    try {
      const neo4j = await db.serverInfo();
      res.json({ status: 'ok', neo4j } satisfies HealthOk);
    } catch {
      res.status(503).json({ status: 'unavailable' } satisfies HealthUnavailable);
    }
  });

  router.get('/graph', async (req, res) => {
    res.json(await graph.overview(parseRequest(schemas.overview, req.query, 'query parameters')));
  });

  /**
   * The same answer as GET /api/graph?ids=, for a body `{ids: string[], limit?: number}` (ids or
   * elementIds, up to LIMITS.viewMaxCeiling; `limit` as the GET's, at most the view's cap): a shared view
   * of thousands of nodes, whose ids would outgrow a URL. 400 VALIDATION_FAILED for a malformed body or an
   * unknown field, 413 past 16 MB.
   */
  router.post('/graph', async (req, res) => {
    const { ids, limit } = parseRequest(schemas.graphByIds, req.body, 'graph request');
    res.json(await graph.overview({ ids, limit }));
  });

  router.get('/sources/:id/text', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'source id');
    res.json(await graph.sourceText(id));
  });

  router.get('/nodes/:id', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    res.json(await graph.node(id));
  });

  router.get('/nodes/:id/neighbors', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    const filter = parseRequest(schemas.neighbors, req.query, 'query parameters');
    res.json(await graph.neighbors(id, filter));
  });

  router.get('/nodes/:id/evidence', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    res.json(await graph.evidence(id));
  });

  router.get('/paths', async (req, res) => {
    const query = parseRequest(PathsQuerySchema, req.query, 'query parameters');
    res.json(await graph.paths(query));
  });

  router.get('/schema', async (_req, res) => {
    res.json(await graph.schema());
  });

  router.get('/search', async (req, res) => {
    const { q, limit } = parseRequest(SearchQuerySchema, req.query, 'query parameters');
    res.json(await graph.search(q, limit));
  });

  router.post('/cypher', async (req, res) => {
    const request = parseRequest(CypherRequestSchema, req.body, 'Cypher request');
    // A user who closes the tab or cancels in the workbench stops the query, instead of leaving it to run
    // until the transaction timeout.
    const gone = new AbortController();
    const onClose = () => {
      if (!res.writableEnded) gone.abort();
    };
    res.on('close', onClose);
    try {
      res.json(await cypher.run(request, gone.signal));
    } finally {
      res.off('close', onClose);
    }
  });

  /**
   * A file download, streamed while Neo4j streams the subgraph. Errors found before the first byte (bad
   * scope, a write query, over a cap) are JSON errors; a failure midway cuts the connection (see
   * errorHandler), so the download fails instead of ending in a file that looks complete.
   */
  router.post('/export', async (req, res) => {
    const request = parseRequest(ExportRequestSchema, req.body, 'export request');
    await exporter.export(request, async (download) => {
      // The first chunk (up to 64 Ki characters: coalesce's size) is made before the status is sent, so an
      // export that fails that early answers with a JSON error instead of a dropped connection.
      const body = await startedBody(download.body);
      res.setHeader('Content-Type', download.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${download.filename}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Export-Nodes', String(download.meta.counts.nodes));
      res.setHeader('X-Export-Relationships', String(download.meta.counts.relationships));
      await pipeline(Readable.from(body, { highWaterMark: 2 }), res);
    });
  });

  router.use(noteRouteOfError);
  return router;
}
