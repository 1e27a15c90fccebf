/**
 * Rate limits per client, by a kept library (express-rate-limit 8): a strict one on what makes Neo4j work
 * hard (`POST /api/cypher`, `POST /api/export`) and a looser one on the rest of the API. A client past a
 * limit gets 429 RATE_LIMITED with `Retry-After` (seconds) and the IETF draft-8 `RateLimit` and
 * `RateLimit-Policy` headers (https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/).
 *
 * A client is its IP address as Express reads it (`req.ip`: behind a proxy, set TRUST_PROXY so that it is
 * the user's and not the proxy's). Counts are kept in this process's memory: several instances behind a
 * balancer each count their own share unless given a shared store (the library's Redis or Memcached
 * stores; README, Security).
 */
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors.ts';

/** Requests per client per window; 0 turns a limit off. */
export interface RateLimits {
  /** The window (ms) both limits count over. */
  windowMs: number;
  /** Requests to `/api/cypher` and `/api/export` per client and window. */
  queries: number;
  /** Requests to the rest of `/api` (health checks excepted) per client and window. */
  requests: number;
}

/** The defaults: an analyst's pace with room to spare (a query a second, and a busy page's browsing). */
export const DEFAULT_RATE_LIMITS: RateLimits = { windowMs: 60_000, queries: 60, requests: 1_000 };

/** Paths (under /api) that the strict limit counts. */
const QUERY_PATHS = ['/cypher', '/export'];

function limiter(limit: number, windowMs: number, what: string, skip: (req: Request) => boolean): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip,
    handler: (_req, res, next) => {
      const retryAfterSeconds = Number(res.getHeader('Retry-After')) || Math.ceil(windowMs / 1000);
      next(
        new AppError('RATE_LIMITED', `Too many ${what} from this client: at most ${limit} per ${windowMs / 1000} s. Retry in ${retryAfterSeconds} s.`, {
          details: { limit, windowMs, retryAfterSeconds },
        }),
      );
    },
  });
}

/**
 * The middleware for `/api`: both limits, each skipped when its figure is 0; the health checks are never
 * limited (a balancer polls them).
 */
export function rateLimiters({ windowMs, queries, requests }: RateLimits): RequestHandler[] {
  // Express routes paths whatever their case (`/api/Cypher` runs the Cypher route): so do the limits.
  const pathOf = (req: Request) => req.path.toLowerCase();
  const isHealth = (req: Request) => pathOf(req) === '/health' || pathOf(req).startsWith('/health/');
  const isQuery = (req: Request) => QUERY_PATHS.some((path) => pathOf(req) === path || pathOf(req).startsWith(`${path}/`));
  const handlers: RequestHandler[] = [];
  if (queries > 0) handlers.push(limiter(queries, windowMs, 'queries and exports', (req) => !isQuery(req)));
  if (requests > 0) handlers.push(limiter(requests, windowMs, 'requests', isHealth));
  return handlers;
}
