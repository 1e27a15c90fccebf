/**
 * Structured logs and request ids, by kept libraries: pino for the logger (JSON lines, or pino-pretty's
 * readable lines in a terminal) and pino-http for one line per request.
 *
 * Every request gets an id: the `X-Request-Id` a trusted proxy sent (TRUST_PROXY), else a new UUID. It is
 * echoed in the answer's `X-Request-Id` header and in error bodies (`error.requestId`), and is on every log
 * line about the request, so a user's report leads to the server's lines.
 *
 * A request's line says method, path (never the query string, where search text travels: ids in the path
 * do appear), route,
 * status, error code and time (ms). Never headers (cookies, credentials), bodies (Cypher, parameters) or,
 * at info level, stack traces: an unexpected error (500) is logged at error level with its stack.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/** LOG_FORMAT: `json` lines, `pretty` lines for people, or `auto`: pretty when stdout is a terminal. */
export type LogFormat = 'json' | 'pretty' | 'auto';
export const LOG_FORMATS: readonly LogFormat[] = ['json', 'pretty', 'auto'];
/** LOG_LEVEL: pino's levels; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The server's logger: JSON lines on stdout, or pino-pretty's lines when `format` says so. */
export function createLogger({ level, format }: { level: LogLevel; format: LogFormat }): Logger {
  const readable = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  if (!readable) return pino({ level });
  return pino({ level }, pretty({ colorize: process.stdout.isTTY === true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' }));
}

/** A logger that writes nothing (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** What a proxy may send as a request id: short, and nothing that could forge a log line. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether the peer that sent `req` is a proxy Express trusts (the compiled TRUST_PROXY setting). */
function fromTrustedProxy(req: IncomingMessage): boolean {
  const trust = (req as Request).app?.get('trust proxy fn') as ((address: string, hop: number) => boolean) | undefined;
  const address = req.socket.remoteAddress;
  return trust !== undefined && address !== undefined && trust(address, 0);
}

/** The request's id: a trusted proxy's valid `X-Request-Id`, else a new UUID; set on the answer too. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const sent = req.headers['x-request-id'];
  const id = typeof sent === 'string' && REQUEST_ID.test(sent) && fromTrustedProxy(req) ? sent : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];
/** The path the client asked for (inside a router Express shortens `req.url`), without the query string. */
const requestPath = (req: IncomingMessage) => pathOf((req as Request).originalUrl ?? req.url);
/** An answer that never reached its end: the client went away, or the server cut it (a stream that failed, a stop). */
const cut = (res: ServerResponse) => !res.writableFinished;

/** The route that answered (`/api/nodes/:id`), or undefined when none did (404, static files). */
function routeOf(req: IncomingMessage, res: ServerResponse): string | undefined {
  const noted = (res as Response).locals?.route as unknown;
  if (typeof noted === 'string') return noted;
  const { route, baseUrl } = req as Request;
  return typeof route?.path === 'string' ? `${baseUrl ?? ''}${route.path}` : undefined;
}

/**
 * Last in a router: notes the route an error came from, for the request's log line, and passes the error
 * on. Outside the router Express has already reset `req.baseUrl`.
 */
export const noteRouteOfError: ErrorRequestHandler = (error, req, res, next) => {
  res.locals.route = routeOf(req, res);
  next(error);
};

/**
 * pino-http's middleware: one line per request when its answer is sent (info for 1xx-3xx, warn for 4xx,
 * error for 5xx) and `req.log`, a child logger that carries `requestId`. `req.id` is the request id.
 */
export function requestLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: requestId,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    serializers: {
      req: (req: { method?: string; url?: string; raw?: IncomingMessage }) => ({ method: req.method, path: req.raw ? requestPath(req.raw) : pathOf(req.url) }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 || cut(res) ? 'warn' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${requestPath(req)} ${res.statusCode}${cut(res) ? ' (cut before its end)' : ''}`,
    customErrorMessage: (req, res) => `${req.method} ${requestPath(req)} ${res.statusCode} (failed)`,
    customSuccessObject: (req, res, value: object) => ({ ...value, route: routeOf(req, res), code: errorCodeOf(res), ...(cut(res) ? { cut: true } : {}) }),
    // pino-http makes up an Error ("failed with status code 503") for every 5xx answer: its stack says
    // nothing (the error handler logs a real 500's own error), so only a real error's `err` is kept.
    customErrorObject: (req, res, error, value: Record<string, unknown>) => ({
      ...value,
      err: error.message.startsWith('failed with status code') ? undefined : value.err,
      route: routeOf(req, res),
      code: errorCodeOf(res),
    }),
  });
}

/** The error handler notes the answer's error code here, for the request's log line. */
export function noteErrorCode(res: Response, code: string): void {
  res.locals.errorCode = code;
}

function errorCodeOf(res: ServerResponse): string | undefined {
  const code = (res as Response).locals?.errorCode as unknown;
  return typeof code === 'string' ? code : undefined;
}
