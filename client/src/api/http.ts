/**
 * The client's one HTTP boundary: request JSON from the API and turn every failure into an `ApiError`
 * whose `code` the UI can switch on (the server's codes, plus two that only the client can see).
 */
import { stringify } from 'lossless-json';
import type { z } from 'zod';
import type { ErrorCode, JsonValue } from '../../../server/src/contract.ts';
import { answerProblem } from './answer-check.ts';

/**
 * Failures that never reach the server's error handler: no answer at all, an answer that isn't our JSON, or
 * (the workbench) parameters that are not JSON, refused before any request.
 */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE' | 'PARAMS_INVALID';

/** Every code a failed request can carry: the server's closed union and the client's own two. */
export type AnyErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    /** The server's `error.details`, when it sent any (a syntax error's position, a missing parameter's name). */
    readonly details?: JsonValue,
    /** The server's id for the request (`X-Request-Id`), to find its log lines; absent when no answer came. */
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** Narrows unknown JSON to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `{error:{code, message}}`; anything else (a proxy's HTML page, a crash) becomes UNEXPECTED_RESPONSE. */
export function errorFromBody(body: unknown, status: number, what: string): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    const requestId = typeof error.requestId === 'string' ? error.requestId : undefined;
    return new ApiError(error.code as ErrorCode, error.message, status, error.details as JsonValue | undefined, requestId);
  }
  return new ApiError('UNEXPECTED_RESPONSE', `${what}: the server answered ${status} without an error body.`, status);
}

/**
 * Requests `path` (GET, or POST with a JSON `body`) and returns its JSON answer, checked against `schema`
 * (the contract's, answer-check.ts) so a wrong shape fails here with UNEXPECTED_RESPONSE naming where,
 * rather than deep inside a component. Aborts propagate as the browser's AbortError.
 */
export async function requestJson<T>(
  path: string,
  schema: z.ZodType<T>,
  { body: requestBody, signal }: { body?: unknown; signal?: AbortSignal | undefined } = {},
): Promise<T> {
  const method = requestBody === undefined ? 'GET' : 'POST';
  const what = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestBody === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      // lossless-json writes bigints (workbench parameters beyond 2^53) as their digits; JSON.stringify throws.
      ...(requestBody === undefined ? {} : { body: stringify(requestBody) }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', `${what}: the API server could not be reached.`, 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ApiError('UNEXPECTED_RESPONSE', `${what}: expected JSON, got ${type} (status ${response.status}).`, response.status);
  }
  if (!response.ok) throw errorFromBody(body, response.status, what);
  const problem = answerProblem(schema, body);
  if (problem !== undefined) {
    throw new ApiError('UNEXPECTED_RESPONSE', `${what}: the response does not have the expected shape (${problem}).`, response.status);
  }
  return body as T;
}

/** GETs `path`: see `requestJson`. */
export function getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return requestJson(path, schema, { signal });
}

/** True for the error a fetch throws when its AbortSignal fires (a newer request replaced it). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A message for any thrown value, for the places that show errors to the user. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
