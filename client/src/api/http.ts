/**
 * The client's one HTTP boundary: GET JSON from the API and turn every failure into an `ApiError`
 * whose `code` the UI can switch on (the server's codes, plus two that only the client can see).
 */
import type { ErrorCode } from '../../../server/src/contract.ts';

/** Failures that never reach the server's error handler: no answer at all, or an answer that isn't our JSON. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** Narrows unknown JSON to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `{error:{code, message}}`; anything else (a proxy's HTML page, a crash) becomes UNEXPECTED_RESPONSE. */
function errorFromBody(body: unknown, status: number, path: string): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.code as ErrorCode, error.message, status);
  }
  return new ApiError('UNEXPECTED_RESPONSE', `GET ${path}: the server answered ${status} without an error body.`, status);
}

/**
 * GETs `path` and returns its JSON body, checked by `isExpected` so a wrong shape fails here with a clear
 * message rather than deep inside a component. Aborts propagate as the browser's AbortError.
 */
export async function getJson<T>(path: string, isExpected: (body: unknown) => body is T, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', `GET ${path}: the API server could not be reached.`, 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ApiError('UNEXPECTED_RESPONSE', `GET ${path}: expected JSON, got ${type} (status ${response.status}).`, response.status);
  }
  if (!response.ok) throw errorFromBody(body, response.status, path);
  if (!isExpected(body)) {
    throw new ApiError('UNEXPECTED_RESPONSE', `GET ${path}: the response does not have the expected shape.`, response.status);
  }
  return body;
}

/** True for the error a fetch throws when its AbortSignal fires (a newer request replaced it). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A message for any thrown value, for the places that show errors to the user. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
