/**
 * The one place errors become responses: `{error:{code, message, details?, requestId}}` with the code's
 * status (errors.ts). Unknown errors are logged on the server (error level, with the request's id) and
 * answered with a generic INTERNAL message: no stack traces, queries or credentials ever reach the client.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { ErrorBody } from '../contract.ts';
import { AppError } from '../errors.ts';
import { noteErrorCode } from './request-log.ts';

/** body-parser's errors (https://github.com/expressjs/body-parser#errors) as the API's codes. */
function fromHttpLayer(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, limit, charset } = error as { type?: unknown; status?: unknown; limit?: unknown; charset?: unknown };
  if (type === 'entity.parse.failed') return new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.');
  if (type === 'entity.too.large') {
    const limitBytes = typeof limit === 'number' ? limit : undefined;
    return new AppError('PAYLOAD_TOO_LARGE', `The request body is too large${limitBytes === undefined ? '' : `: this route takes at most ${limitBytes} bytes`}.`, {
      ...(limitBytes === undefined ? {} : { details: { limitBytes } }),
    });
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', `The request body's ${type === 'charset.unsupported' ? `charset${typeof charset === 'string' ? ` "${charset.slice(0, 40)}"` : ''}` : 'content encoding'} is not supported: send UTF-8 JSON.`);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError('VALIDATION_FAILED', 'The request could not be read.');
  }
  return undefined;
}

export function errorHandler(): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent || res.destroyed) {
      // A streamed answer (an export) failed midway: cut the connection (if it isn't already), so the
      // client's read fails instead of ending in a body that looks complete.
      req.log.warn({ err: error }, 'response failed after its headers were sent');
      res.destroy();
      return;
    }
    const appError =
      error instanceof AppError ? error : (fromHttpLayer(error) ?? new AppError('INTERNAL', 'Something went wrong on the server.'));
    if (appError.code === 'INTERNAL') req.log.error({ err: appError.cause ?? error }, 'request failed');
    noteErrorCode(res, appError.code);
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    if (typeof req.id === 'string') body.error.requestId = req.id;
    res.status(appError.status).json(body);
  };
}

/** Unknown API routes answer JSON 404, never the HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No API route ${req.method} ${req.path}.`));
};

/**
 * 415 UNSUPPORTED_MEDIA_TYPE for a request that carries a body other than JSON (`text/plain`, a form, none
 * named): the API reads only `application/json`, and a body it skipped would otherwise be judged as
 * missing ("expected object, received undefined").
 */
export const jsonBodiesOnly: RequestHandler = (req: Request, _res, next) => {
  // A body is there when it is chunked or has a length (type-is's hasBody, which Express's `req.is` uses).
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || req.is('application/json')) {
    next();
    return;
  }
  const contentType = (req.headers['content-type'] ?? '').slice(0, 100);
  next(
    new AppError('UNSUPPORTED_MEDIA_TYPE', `The API reads JSON bodies only: send Content-Type: application/json${contentType ? ` (got ${contentType})` : ''}.`, {
      details: { contentType },
    }),
  );
};
