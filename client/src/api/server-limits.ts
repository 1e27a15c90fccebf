/**
 * What this server lets one view hold (`GET /api/limits`): read once when the page starts, and the
 * default (LIMITS.viewMax) until then or when the server does not say. Requests that take a `limit` are
 * held to it, and the UI says it when a view reaches it.
 */
import { LIMITS, LimitsResponseSchema, viewMaxRelationships as relationshipsFor, type LimitsResponse } from '../../../server/src/contract.ts';
import { getJson } from './http.ts';

let current: LimitsResponse = { viewMaxNodes: LIMITS.viewMax, viewMaxRelationships: relationshipsFor(LIMITS.viewMax) };

/** Nodes one view holds on this server. */
export function viewMaxNodes(): number {
  return current.viewMaxNodes;
}

/** Relationships one view holds on this server (twice its nodes, unless the server says otherwise). */
export function viewMaxRelationships(): number {
  return current.viewMaxRelationships;
}

/** Reads the server's limits; keeps the defaults when it cannot (an older server, a network error). */
export async function loadServerLimits(): Promise<void> {
  try {
    current = await getJson('/api/limits', LimitsResponseSchema);
  } catch (error) {
    console.warn('The server did not say its limits; the defaults apply.', error);
  }
}

/** `limit` held to the view's cap: a request for more would be refused (400). */
export function withinViewCap(limit: number): number {
  return Math.max(1, Math.min(limit, viewMaxNodes()));
}
