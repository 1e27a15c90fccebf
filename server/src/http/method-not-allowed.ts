/**
 * 405 METHOD_NOT_ALLOWED, with an `Allow` header, for a request whose path is one of the API's routes but
 * whose method is not (RFC 9110 §15.5.6): `DELETE /api/nodes/x` says which methods the route takes,
 * instead of a 404 that claims the route does not exist. Read from the router's own route table, so it
 * cannot drift from the routes.
 */
import type { RequestHandler, Router } from 'express';
import { AppError } from '../errors.ts';

interface RouteMethods {
  pattern: RegExp;
  methods: string[];
}

/** The routes of `router` (mounted where this middleware is) as path patterns with their methods. */
function routeTable(router: Router): RouteMethods[] {
  const layers = (router as unknown as { stack: Array<{ route?: { path: unknown; methods: Record<string, boolean> } }> }).stack;
  return layers.flatMap((layer) => {
    const path = layer.route?.path;
    if (typeof path !== 'string') return [];
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+');
    const methods = Object.keys(layer.route?.methods ?? {}).map((method) => method.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    return [{ pattern: new RegExp(`^${escaped}/?$`), methods }];
  });
}

/** Mount after `router`, at the same path: what reaches it was answered by no route. */
export function methodNotAllowed(router: Router): RequestHandler {
  const table = routeTable(router);
  return (req, res, next) => {
    const allowed = [...new Set(table.filter((route) => route.pattern.test(req.path)).flatMap((route) => route.methods))];
    if (allowed.length === 0 || allowed.includes(req.method)) {
      next();
      return;
    }
    res.setHeader('Allow', allowed.join(', '));
    next(new AppError('METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.baseUrl}${req.path}: use ${allowed.join(' or ')}.`, { details: { allowed } }));
  };
}
