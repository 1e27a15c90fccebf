/**
 * POST /api/cypher: runs one read-only query. Failures become `CypherRequestError` carrying the server's
 * `{error:{code, message, details}}`, so the workbench can switch on `code` and read `details` (the
 * position of a syntax error, the name of a missing parameter, why a query was refused).
 */
import type { CypherRequest, CypherResponse, ErrorCode, JsonValue } from '../../../server/src/contract.ts';
import { ApiError, isRecord, type ClientErrorCode } from '../api/http.ts';

export class CypherRequestError extends ApiError {
  constructor(
    code: ErrorCode | ClientErrorCode,
    message: string,
    status: number,
    /** The server's `error.details`, when it sent any. */
    readonly details?: JsonValue,
  ) {
    super(code, message, status);
  }
}

const PATH = '/api/cypher';

function isCypherResponse(body: unknown): body is CypherResponse {
  return (
    isRecord(body) &&
    Array.isArray(body.columns) &&
    Array.isArray(body.rows) &&
    isRecord(body.graph) &&
    Array.isArray(body.graph.nodes) &&
    Array.isArray(body.graph.relationships) &&
    isRecord(body.summary) &&
    typeof body.truncated === 'boolean'
  );
}

/** Runs `request`; resolves with the answer or rejects with a CypherRequestError (aborts reject as AbortError). */
export async function runCypher(request: CypherRequest, signal?: AbortSignal): Promise<CypherResponse> {
  let response: Response;
  try {
    response = await fetch(PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CypherRequestError('NETWORK_ERROR', `POST ${PATH}: the API server could not be reached.`, 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new CypherRequestError('UNEXPECTED_RESPONSE', `POST ${PATH}: expected JSON, got ${type} (status ${response.status}).`, response.status);
  }
  if (!response.ok) {
    const error = isRecord(body) ? body.error : undefined;
    if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
      throw new CypherRequestError(error.code as ErrorCode, error.message, response.status, error.details as JsonValue | undefined);
    }
    throw new CypherRequestError('UNEXPECTED_RESPONSE', `POST ${PATH}: the server answered ${response.status} without an error body.`, response.status);
  }
  if (!isCypherResponse(body)) {
    throw new CypherRequestError('UNEXPECTED_RESPONSE', `POST ${PATH}: the response does not have the expected shape.`, response.status);
  }
  return body;
}
