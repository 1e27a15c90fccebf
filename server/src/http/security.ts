/**
 * The headers a service exposed to a team sends, by kept libraries: helmet (Content-Security-Policy,
 * no sniffing, no framing, no referrer, cross-origin isolation) and cors (an allowlist of origins from
 * CORS_ORIGINS; none by default, so no other site's page can read the API's answers).
 */
import type { RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';

/**
 * helmet's defaults (helmet 8: https://helmetjs.github.io/), with a Content-Security-Policy the client
 * works under: its scripts, styles and layout worker from the page's own origin, pictures from `data:` and
 * `blob:` (PNG/SVG exports), no `unsafe-eval` (zod is told not to probe for it, client/src/main.tsx), no
 * framing. `upgrade-insecure-requests` is left out: the explorer is served over plain HTTP on loopback or
 * behind a proxy that terminates TLS, and the browser would otherwise fetch its scripts over HTTPS when it
 * is opened by a LAN address.
 */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    directives: {
      'default-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'style-src': ["'self'", "'unsafe-inline'"],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': null,
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/**
 * CORS for the origins in `allowed` (exact `scheme://host[:port]` strings) and none for the rest: an
 * origin not listed gets no `Access-Control-Allow-Origin`, so its page cannot read any answer. With an
 * empty list the API sends no CORS headers at all (same-origin only, the default).
 */
export function corsAllowlist(allowed: readonly string[]): RequestHandler {
  const origins = new Set(allowed);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Accept', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  });
}
