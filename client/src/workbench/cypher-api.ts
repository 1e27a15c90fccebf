/**
 * POST /api/cypher: runs one read-only query. Failures become `CypherRequestError` carrying the server's
 * `{error:{code, message, details}}`, so the workbench can switch on `code` and read `details` (the
 * position of a syntax error, the name of a missing parameter, why a query was refused).
 */
import type { CypherRequest, CypherResponse, ErrorCode, JsonValue } from '../../../server/src/contract.ts';
import { ApiError, isRecord, requestJson, type ClientErrorCode } from '../api/http.ts';

export class CypherRequestError extends ApiError {
  constructor(
    code: ErrorCode | ClientErrorCode,
    message: string,
    status: number,
    details?: JsonValue,
  ) {
    super(code, message, status, details);
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
  try {
    return await requestJson(PATH, isCypherResponse, { body: request, signal });
  } catch (error) {
    if (error instanceof ApiError) throw new CypherRequestError(error.code, error.message, error.status, error.details);
    throw error;
  }
}
