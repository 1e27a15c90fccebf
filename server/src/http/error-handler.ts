/**
 * The one place errors become responses: `{error:{code, message, details?}}` with the code's status.
 * Unknown errors are logged on the server and answered with a generic INTERNAL message: no stack
 * traces, queries or credentials ever reach the client.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '../contract.ts';
import { AppError } from '../errors.ts';

export type Logger = (message: string, error?: unknown) => void;

function fromHttpLayer(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') return new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.');
  if (type === 'entity.too.large') return new AppError('VALIDATION_FAILED', 'The request body is too large.');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError('VALIDATION_FAILED', 'The request could not be read.');
  }
  return undefined;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (res.headersSent || res.destroyed) {
      // A streamed answer (an export) failed midway: cut the connection (if it isn't already), so the
      // client's read fails instead of ending in a body that looks complete.
      log('response failed after its headers were sent', error);
      res.destroy();
      return;
    }
    const appError =
      error instanceof AppError ? error : (fromHttpLayer(error) ?? new AppError('INTERNAL', 'Something went wrong on the server.'));
    if (appError.code === 'INTERNAL') log('request failed', appError.cause ?? error);
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    res.status(appError.status).json(body);
  };
}

/** Unknown API routes answer JSON 404, never the HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No API route ${req.method} ${req.path}.`));
};
