/**
 * Typed calls to the browse endpoints (overview, node, neighbours, search, paths, schema, evidence,
 * source texts), each answer checked against its shape. Node ids may hold `:` and other URL characters,
 * so they are always encoded.
 */
import {
  EvidenceResponseSchema,
  GraphNodeSchema,
  GraphSchema,
  NeighborsResponseSchema,
  PathsResponseSchema,
  SchemaResponseSchema,
  SearchResponseSchema,
  SourceTextSchema,
  ViewGraphSchema,
  type EvidenceResponse,
  type Graph,
  type GraphNode,
  type GraphRelationship,
  type NeighborsResponse,
  type PathsResponse,
  type SchemaResponse,
  type SearchResponse,
  type SourceText,
  type ViewGraph,
} from '../../../server/src/contract.ts';
import type { EvidenceAnswer, NeighborQuery, PathQuery } from './browse-types.ts';
import { ApiError, getJson, requestJson } from './http.ts';
import { viewMaxNodes, withinViewCap } from './server-limits.ts';

/** Default sizes of each request; the server caps them (contract LIMITS). */
export const DEFAULT_REQUEST_LIMITS = {
  /** First screen: the whole seed graph, and a readable sample of a bigger database. */
  overview: 300,
  /** Neighbours per expansion, as Neo4j Browser does. */
  neighbors: 100,
  /** Neighbours looked through to connect a node opened by name to the nodes already in view. */
  connect: 1000,
  /** Entries in the search dropdown. */
  search: 10,
  /** Nodes of one label shown when the schema list is clicked. */
  labelSample: 25,
  /** Longest path (in relationships) the path finder asks for. */
  pathLength: 6,
  /** Parallel requests when a shared view must be rebuilt node by node. */
  restoreConcurrency: 6,
} as const;

/** Up to `limit` nodes and the relationships among them (`relationshipLimit`: those stopped at the view's cap). */
export function fetchOverview(limit: number = DEFAULT_REQUEST_LIMITS.overview, signal?: AbortSignal): Promise<ViewGraph> {
  return getJson(`/api/graph?limit=${withinViewCap(limit)}`, ViewGraphSchema, signal);
}

export function fetchNode(id: string, signal?: AbortSignal): Promise<GraphNode> {
  return getJson(`/api/nodes/${encodeURIComponent(id)}`, GraphNodeSchema, signal);
}

/**
 * The query string of a neighbours request: lists travel as the parameter repeated (a name may hold a
 * comma: `QA,REL` is a legal type), empty filters are left out.
 */
export function neighborParams(query: NeighborQuery): URLSearchParams {
  const params = new URLSearchParams({ limit: String(withinViewCap(query.limit)) });
  for (const type of query.types ?? []) params.append('types', type);
  for (const label of query.labels ?? []) params.append('labels', label);
  if (query.minCertainty) params.set('minCertainty', query.minCertainty);
  if (query.after) params.set('after', query.after);
  return params;
}

export function fetchNeighbors(
  id: string,
  query: NeighborQuery = { limit: DEFAULT_REQUEST_LIMITS.neighbors },
  signal?: AbortSignal,
): Promise<NeighborsResponse> {
  return getJson(`/api/nodes/${encodeURIComponent(id)}/neighbors?${neighborParams(query)}`, NeighborsResponseSchema, signal);
}

export function searchNodes(
  query: string,
  limit: number = DEFAULT_REQUEST_LIMITS.search,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  return getJson(`/api/search?${params}`, SearchResponseSchema, signal);
}

/** Shortest paths between two nodes; `paths` is empty when there is none. */
export function fetchPaths(query: PathQuery, signal?: AbortSignal): Promise<PathsResponse> {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.maxLength !== undefined) params.set('maxLength', String(query.maxLength));
  if (query.minCertainty) params.set('minCertainty', query.minCertainty);
  return getJson(`/api/paths?${params}`, PathsResponseSchema, signal);
}

export function fetchSchema(signal?: AbortSignal): Promise<SchemaResponse> {
  return getJson('/api/schema', SchemaResponseSchema, signal);
}

/**
 * Up to `limit` nodes with `label`. Asks `/api/graph?label=`; a server that ignores the parameter answers
 * with an overview, so only the nodes that really carry the label are kept, and `supported` says whether
 * the server filtered by itself.
 */
export async function fetchLabelSample(
  label: string,
  limit: number = DEFAULT_REQUEST_LIMITS.labelSample,
  signal?: AbortSignal,
): Promise<{ graph: Graph; supported: boolean }> {
  const params = new URLSearchParams({ label, limit: String(withinViewCap(limit)) });
  const graph = await getJson(`/api/graph?${params}`, GraphSchema, signal);
  const nodes = graph.nodes.filter((node) => node.labels.includes(label));
  const kept = new Set(nodes.map((node) => node.id));
  const relationships = graph.relationships.filter((rel) => kept.has(rel.source) && kept.has(rel.target));
  return { graph: { nodes, relationships }, supported: nodes.length === graph.nodes.length };
}

/**
 * Up to `limit` relationships of `type` with their end nodes (`/api/graph?type=`). Only relationships that
 * really have the type are kept, in case a server ignores the parameter.
 */
export async function fetchTypeSample(type: string, limit: number = DEFAULT_REQUEST_LIMITS.labelSample, signal?: AbortSignal): Promise<Graph> {
  const params = new URLSearchParams({ type, limit: String(withinViewCap(limit)) });
  const graph = await getJson(`/api/graph?${params}`, GraphSchema, signal);
  const relationships = graph.relationships.filter((rel) => rel.type === type);
  const ends = new Set(relationships.flatMap((rel) => [rel.source, rel.target]));
  return { nodes: graph.nodes.filter((node) => ends.has(node.id)), relationships };
}

/** The text of a Source document (`GET /api/sources/:id/text`); null when the server has none (404). */
export async function fetchSourceText(id: string, signal?: AbortSignal): Promise<SourceText | null> {
  try {
    return await getJson(`/api/sources/${encodeURIComponent(id)}/text`, SourceTextSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * A node's evidence (`GET /api/nodes/:id/evidence`): the claims about it and, for a source, the claims
 * it made, flattened to relationships (the panels group them by source and certainty themselves, the same
 * way for this answer and for the relationships in view). Null on a 404 (a server without the endpoint,
 * or a node that is gone): the panel then reads the relationships in view instead.
 */
export async function fetchNodeEvidence(id: string, signal?: AbortSignal): Promise<EvidenceAnswer | null> {
  let body: EvidenceResponse;
  try {
    body = await getJson(`/api/nodes/${encodeURIComponent(id)}/evidence`, EvidenceResponseSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
  const about = new Map<string, GraphRelationship>();
  const nodes = new Map<string, GraphNode>([[body.node.id, body.node]]);
  const missingSourceIds: string[] = [];
  for (const group of body.groups) {
    if (group.source && 'missing' in group.source) missingSourceIds.push(group.source.id);
    else if (group.source) nodes.set(group.source.id, group.source);
    for (const claim of group.claims) {
      about.set(claim.relationship.id, claim.relationship);
      nodes.set(claim.other.id, claim.other);
    }
  }
  for (const claim of body.made) {
    nodes.set(claim.start.id, claim.start);
    nodes.set(claim.end.id, claim.end);
  }
  return {
    about: [...about.values()],
    made: body.made.map((claim) => claim.relationship),
    nodes: [...nodes.values()],
    missingSourceIds,
    truncated: body.truncated,
  };
}

/**
 * The nodes `ids` and the relationships among them, for a shared view: one `POST /api/graph {ids, limit}`
 * (a list of any length: 2,000 ids in a GET answered 431). A server without that route (404, 405) is asked
 * `GET /api/graph?ids=`, and one that does not support that either (an error, or an overview that ignores
 * the list) rebuilds the view from one neighbours request per node (which brings the node itself). Ids that
 * no longer exist are left out. Rejects with ApiError on a network error or a 5xx.
 */
export async function fetchGraphByIds(ids: readonly string[], signal?: AbortSignal): Promise<ViewGraph> {
  const wanted = new Set(ids);
  const limit = withinViewCap(ids.length);
  /**
   * The answer when it is the view; null when the server ignored the list or lacks the route. `emptyIsAnswer`:
   * whether an empty answer says that none of the ids exists (a server with the POST route reads the list).
   */
  const attempt = async (ask: () => Promise<ViewGraph>, emptyIsAnswer: boolean): Promise<ViewGraph | null> => {
    try {
      const graph = await ask();
      // A server that ignores `ids` answers with an overview of `limit` nodes: that holds nodes of the view
      // only when it is the view.
      const ofTheView = graph.nodes.every((node) => wanted.has(node.id));
      return ofTheView && (emptyIsAnswer || graph.nodes.length > 0) ? graph : null;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error;
      return null;
    }
  };
  const posted = await attempt(() => requestJson('/api/graph', ViewGraphSchema, { body: { ids, limit }, signal }), true);
  if (posted) return posted;
  const params = new URLSearchParams({ limit: String(limit) });
  for (const id of ids) params.append('ids', id); // repeated: an id may hold a comma
  return (await attempt(() => getJson(`/api/graph?${params}`, ViewGraphSchema, signal), false)) ?? rebuildGraph(ids, wanted, signal);
}

async function rebuildGraph(ids: readonly string[], wanted: ReadonlySet<string>, signal?: AbortSignal): Promise<Graph> {
  const nodes = new Map<string, GraphNode>();
  const relationships = new Map<string, GraphRelationship>();
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        const answer = await fetchNeighbors(id, { limit: viewMaxNodes() }, signal);
        for (const node of answer.nodes) if (wanted.has(node.id)) nodes.set(node.id, node);
        for (const rel of answer.relationships) {
          if (wanted.has(rel.source) && wanted.has(rel.target)) relationships.set(rel.id, rel);
        }
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: DEFAULT_REQUEST_LIMITS.restoreConcurrency }, worker));
  const graphRels = [...relationships.values()].filter((rel) => nodes.has(rel.source) && nodes.has(rel.target));
  return { nodes: ids.flatMap((id) => nodes.get(id) ?? []), relationships: graphRels };
}
