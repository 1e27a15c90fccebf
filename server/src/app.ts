/**
 * createApp(deps): the Express app from injected dependencies. Tests build it exactly as main.ts does,
 * against the real Neo4j; nothing listens until `startServer` is called.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { Config } from './config.ts';
import { LIMITS, viewMaxRelationships, type ErrorBody } from './contract.ts';
import { createCypherService } from './cypher/cypher-service.ts';
import type { CypherLimits } from './cypher/cypher-limits.ts';
import type { Database } from './db/database.ts';
import { createExportService } from './export/export-service.ts';
import type { ExportLimits } from './export/export-limits.ts';
import { createGraphService } from './graph/graph-service.ts';
import { apiNotFound, errorHandler, jsonBodiesOnly } from './http/error-handler.ts';
import { methodNotAllowed } from './http/method-not-allowed.ts';
import { losslessJsonBody } from './http/json-body.ts';
import { rateLimiters, type RateLimits } from './http/rate-limits.ts';
import { requestLog, silentLogger, type Logger } from './http/request-log.ts';
import { apiRouter } from './http/routes.ts';
import { corsAllowlist, securityHeaders } from './http/security.ts';

/**
 * Request body limit of POST /api/export and POST /api/graph: room for EXPORT_LIMITS' ids, and for the
 * largest view's (LIMITS.viewMaxCeiling), at ~45 characters an elementId.
 */
const IDS_BODY_LIMIT = '16mb';

export interface AppDeps {
  db: Database;
  /** The built client (`dist/client`); when absent the API is served alone. */
  clientDir?: string;
  /** Where request lines and errors go (request-log.ts's createLogger); default: nowhere. */
  logger?: Logger;
  /** Express's `trust proxy` (Config.http.trustProxy); default false. */
  trustProxy?: boolean | number | string;
  /** Origins whose pages may call the API (CORS); default none. */
  corsOrigins?: readonly string[];
  /** Rate limits per client; default none (tests, benchmarks, soak and fuzz runs build the app without). */
  rateLimits?: RateLimits;
  /** Overrides of the Cypher workbench's limits (timeout, row cap, …); the rest keep their defaults. */
  cypherLimits?: Partial<CypherLimits>;
  /** Overrides of the export's limits (size caps, timeout); the rest keep their defaults. */
  exportLimits?: Partial<ExportLimits>;
  /** Nodes one view holds (default LIMITS.viewMax): the overview's, the neighbours' and the workbench graph's cap. */
  viewMaxNodes?: number;
}

/** The limits and HTTP settings of `config` (the environment) as createApp takes them. */
export function limitsFromConfig(
  config: Pick<Config, 'cypher' | 'export' | 'viewMaxNodes' | 'http'>,
): Pick<AppDeps, 'cypherLimits' | 'exportLimits' | 'viewMaxNodes' | 'trustProxy' | 'corsOrigins' | 'rateLimits'> {
  return {
    cypherLimits: config.cypher,
    exportLimits: config.export,
    viewMaxNodes: config.viewMaxNodes,
    trustProxy: config.http.trustProxy,
    corsOrigins: config.http.corsOrigins,
    rateLimits: config.http.rateLimits,
  };
}

export function createApp({
  db,
  clientDir,
  logger = silentLogger(),
  cypherLimits,
  exportLimits,
  viewMaxNodes = LIMITS.viewMax,
  trustProxy = false,
  corsOrigins = [],
  rateLimits,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', trustProxy);
  app.use(requestLog(logger));
  app.use(securityHeaders);
  app.use('/api', corsAllowlist(corsOrigins));
  // Express 5 refuses app.use() with no handler: both limits off (0) leaves nothing to mount.
  const limiters = rateLimiters(rateLimits ?? { windowMs: 1, queries: 0, requests: 0 });
  if (limiters.length > 0) app.use('/api', limiters);
  app.use('/api', jsonBodiesOnly);
  // An export taken from a large view lists its node and relationship ids: 20,000 and 40,000 are ~2.3 MB.
  app.use('/api/export', losslessJsonBody(IDS_BODY_LIMIT));
  // A shared view restored by its ids: 2,000 of them outgrew the URL limits of GET (431).
  app.use('/api/graph', losslessJsonBody(IDS_BODY_LIMIT));
  app.use(losslessJsonBody('1mb'));
  // The view's cap is the workbench graph's too (two relationships per node), unless a test sets them.
  const cypher = createCypherService(db, { maxGraphNodes: viewMaxNodes, maxGraphRelationships: viewMaxRelationships(viewMaxNodes), ...cypherLimits });
  const api = apiRouter(db, createGraphService(db, { maxRelationships: viewMaxRelationships(viewMaxNodes) }), cypher, createExportService(db, cypher, exportLimits), viewMaxNodes);
  app.use('/api', api);
  app.use('/api', methodNotAllowed(api));
  app.use('/api', apiNotFound);
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    // The single-page app answers every other GET, so shared view URLs open the explorer.
    app.get('/{*path}', (_req, res) => res.sendFile(join(clientDir, 'index.html')));
  }
  app.use(errorHandler());
  return app;
}

export interface RunningServer {
  url: string;
  /**
   * Stops accepting connections, closes idle ones, lets requests in flight (streamed exports included)
   * finish for up to `graceMs` (default 0: cut them at once, as tests want), then cuts what is left. A
   * request answered while stopping closes its connection. Resolves once every connection is closed.
   */
  stop(graceMs?: number): Promise<void>;
}

/** How long a client may take to send its request: its headers, and all of it (ms). */
export interface RequestTimeouts {
  headersMs: number;
  requestMs: number;
}
const REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 20_000, requestMs: 30_000 };

/**
 * Listens on host:port (port 0 picks a free one) and resolves with the URL. `timeouts`: how long a client
 * may take to send a request (default 20 s for its headers, 30 s for all of it; tests shorten them).
 */
export function startServer(app: Express, port: number, host: string, timeouts: RequestTimeouts = REQUEST_TIMEOUTS): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    // Node checks those timeouts every `connectionsCheckingInterval` ms (30 s by default, which would let a
    // slow request run up to a minute): a tenth of the shorter one.
    const server: Server = createServer(
      { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: Math.max(100, Math.round(timeouts.headersMs / 10)) },
      app,
    );
    server.listen(port, host);
    let stopping = false;
    // While stopping, a keep-alive connection is closed as soon as the answer it carried is done.
    server.on('request', (_req, res: ServerResponse) => {
      if (stopping) res.shouldKeepAlive = false;
      res.once('finish', () => {
        if (stopping) setImmediate(() => server.closeIdleConnections());
      });
    });
    // A client that sends its request slowly holds a connection: Node's defaults (60 s for the headers, 300 s
    // for all of it) let a few slow clients hold the server; `timeouts` are shorter.
    // What Node's HTTP parser refuses before Express sees it (headers or a URL over 16 KB, a malformed
    // request line or Content-Length, a request too slow to arrive) is answered as the API answers errors:
    // JSON with a request id (the one the request was given, when it got that far).
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable || error.code === 'ECONNRESET') {
        socket.destroy();
        return;
      }
      const started = (socket as { _httpMessage?: ServerResponse })._httpMessage?.getHeader('x-request-id');
      const requestId = typeof started === 'string' ? started : randomUUID();
      const [status, code, message] =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? (['431 Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'The request headers (the URL included) are larger than the server reads: 16 KB.'] as const)
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? (['408 Request Timeout', 'REQUEST_TIMEOUT', `The request did not arrive in time: headers within ${timeouts.headersMs / 1000} s, all of it within ${timeouts.requestMs / 1000} s.`] as const)
            : (['400 Bad Request', 'VALIDATION_FAILED', 'The request could not be read as HTTP.'] as const);
      const body = JSON.stringify({ error: { code, message, requestId } } satisfies ErrorBody);
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actualPort}`,
        stop: (graceMs = 0) =>
          new Promise<void>((done) => {
            stopping = true;
            server.close(() => done());
            server.closeIdleConnections();
            if (graceMs <= 0) {
              server.closeAllConnections();
              return;
            }
            const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
            server.once('close', () => clearTimeout(deadline));
          }),
      });
    });
  });
}
