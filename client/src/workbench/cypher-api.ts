/**
 * POST /api/cypher: runs one read-only query. Failures are the client's `ApiError`, carrying the server's
 * `{error:{code, message, details}}`, so the workbench can switch on `code` and read `details` (the
 * position of a syntax error, the name of a missing parameter, why a query was refused).
 */
import type { CypherRequest, CypherResponse } from '../../../server/src/contract.ts';
import { isRecord, requestJson } from '../api/http.ts';

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

/** Runs `request`; resolves with the answer or rejects with an ApiError (aborts reject as AbortError). */
export function runCypher(request: CypherRequest, signal?: AbortSignal): Promise<CypherResponse> {
  return requestJson('/api/cypher', isCypherResponse, { body: request, signal });
}
