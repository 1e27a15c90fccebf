/** The API's routes: parse the request, call one service, send the answer. */
import { Router } from 'express';
import {
  NeighborsQuerySchema,
  NodeIdSchema,
  OverviewQuerySchema,
  SearchQuerySchema,
  type HealthOk,
  type HealthUnavailable,
} from '../contract.ts';
import type { Database } from '../db/database.ts';
import type { GraphService } from '../graph/graph-service.ts';
import { AppError } from '../errors.ts';
import { parseRequest } from './validation.ts';

export function apiRouter(db: Database, graph: GraphService): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    try {
      const neo4j = await db.serverInfo();
      res.json({ status: 'ok', neo4j } satisfies HealthOk);
    } catch {
      res.status(503).json({ status: 'unavailable' } satisfies HealthUnavailable);
    }
  });

  router.get('/graph', async (req, res) => {
    const { limit } = parseRequest(OverviewQuerySchema, req.query, 'query parameters');
    res.json(await graph.overview(limit));
  });

  router.get('/nodes/:id', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    res.json(await graph.node(id));
  });

  router.get('/nodes/:id/neighbors', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    const { limit } = parseRequest(NeighborsQuerySchema, req.query, 'query parameters');
    res.json(await graph.neighbors(id, limit));
  });

  router.get('/search', async (req, res) => {
    const { q, limit } = parseRequest(SearchQuerySchema, req.query, 'query parameters');
    if (q.trim() === '') throw new AppError('VALIDATION_FAILED', 'Invalid query parameters: q: must not be empty.');
    res.json(await graph.search(q, limit));
  });

  return router;
}
