/**
 * POST /api/cypher: runs one read-only query. Failures are the client's `ApiError`, carrying the server's
 * `{error:{code, message, details}}`, so the workbench can switch on `code` and read `details` (the
 * position of a syntax error, the name of a missing parameter, why a query was refused).
 */
import { CypherResponseSchema, type CypherRequest, type CypherResponse } from '../../../server/src/contract.ts';
import { requestJson } from '../api/http.ts';

/** Runs `request`; resolves with the answer or rejects with an ApiError (aborts reject as AbortError). */
export function runCypher(request: CypherRequest, signal?: AbortSignal): Promise<CypherResponse> {
  return requestJson('/api/cypher', CypherResponseSchema, { body: request, signal });
}
