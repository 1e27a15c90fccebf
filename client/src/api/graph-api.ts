/**
 * Typed calls to the browse endpoints (overview, node, neighbours, search), with the response shapes
 * from the shared contract. Node ids may hold `:` and other URL characters, so they are always encoded.
 */
import type { Graph, GraphNode, NeighborsResponse, SearchResponse } from '../../../server/src/contract.ts';
import { getJson, isRecord } from './http.ts';

/** Default sizes of each request; the server caps them (contract LIMITS). */
export const DEFAULT_REQUEST_LIMITS = {
  /** First screen: the whole seed graph, and a readable sample of a bigger database. */
  overview: 300,
  /** Neighbours per expansion, as Neo4j Browser does. */
  neighbors: 100,
  /** Entries in the search dropdown. */
  search: 10,
} as const;

function isGraphNode(value: unknown): value is GraphNode {
  return isRecord(value) && typeof value.id === 'string' && Array.isArray(value.labels) && isRecord(value.properties);
}

function isGraph(value: unknown): value is Graph {
  return (
    isRecord(value) &&
    Array.isArray(value.nodes) &&
    Array.isArray(value.relationships) &&
    value.nodes.every(isGraphNode)
  );
}

function isNeighborsResponse(value: unknown): value is NeighborsResponse {
  return isGraph(value) && typeof (value as Graph & { total?: unknown }).total === 'number';
}

function isSearchResponse(value: unknown): value is SearchResponse {
  return isRecord(value) && Array.isArray(value.results) && value.results.every((r) => isRecord(r) && isGraphNode(r.node));
}

export function fetchOverview(limit: number = DEFAULT_REQUEST_LIMITS.overview, signal?: AbortSignal): Promise<Graph> {
  return getJson(`/api/graph?limit=${limit}`, isGraph, signal);
}

export function fetchNode(id: string, signal?: AbortSignal): Promise<GraphNode> {
  return getJson(`/api/nodes/${encodeURIComponent(id)}`, isGraphNode, signal);
}

export function fetchNeighbors(
  id: string,
  limit: number = DEFAULT_REQUEST_LIMITS.neighbors,
  signal?: AbortSignal,
): Promise<NeighborsResponse> {
  return getJson(`/api/nodes/${encodeURIComponent(id)}/neighbors?limit=${limit}`, isNeighborsResponse, signal);
}

export function searchNodes(
  query: string,
  limit: number = DEFAULT_REQUEST_LIMITS.search,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  return getJson(`/api/search?${params}`, isSearchResponse, signal);
}
