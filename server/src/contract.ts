/**
 * The API contract: request schemas (zod) and response types, shared by the server and the client.
 * The graph wire format is DESIGN.md's "graph transport"; every value in it is plain JSON.
 */
import { z } from 'zod';

/** A JSON value as the API sends it: Neo4j integers beyond 2^53 travel as strings. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface GraphNode {
  /** The node's `id` property where it has one, else its elementId. */
  id: string;
  /** Always the elementId, so a node without an `id` property can still be addressed. */
  elementId: string;
  labels: string[];
  properties: Record<string, JsonValue>;
}

export interface GraphRelationship {
  /** The relationship's `id` property where it has one, else its elementId. */
  id: string;
  elementId: string;
  type: string;
  /** Transport id of the start node. */
  source: string;
  /** Transport id of the end node. */
  target: string;
  properties: Record<string, JsonValue>;
}

export interface Graph {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

/** How sure the article is of a claim, strongest first. */
export const CERTAINTIES = ['confirmed', 'reported', 'assessed', 'speculated', 'conditional'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'DB_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: JsonValue };
}

export interface HealthOk {
  status: 'ok';
  neo4j: { version: string; edition: string };
}
export interface HealthUnavailable {
  status: 'unavailable';
}

export interface NeighborsResponse extends Graph {
  /** How many distinct neighbours the node has in all, before `limit`. */
  total: number;
}

export interface SearchResult {
  node: GraphNode;
  score: number;
}
export interface SearchResponse {
  results: SearchResult[];
}

/** Upper bounds on what one request may ask for. */
export const LIMITS = {
  /** Overview default: enough for the seed graph and a readable first screen. */
  overviewDefault: 300,
  /** Overview maximum: beyond this Cytoscape's canvas renderer stops being interactive. */
  overviewMax: 5000,
  /** Neighbours per expansion, default: Neo4j Browser's cap, so nothing surprises its users. */
  neighborsDefault: 100,
  neighborsMax: 5000,
  searchDefault: 10,
  searchMax: 100,
} as const;

const limitParam = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const OverviewQuerySchema = z.object({
  limit: limitParam(LIMITS.overviewDefault, LIMITS.overviewMax),
});

export const NeighborsQuerySchema = z.object({
  limit: limitParam(LIMITS.neighborsDefault, LIMITS.neighborsMax),
});

export const SearchQuerySchema = z.object({
  q: z.string().max(200),
  limit: limitParam(LIMITS.searchDefault, LIMITS.searchMax),
});

/** Node ids come from URLs: an `id` property or an elementId, never longer than this. */
export const NodeIdSchema = z.string().min(1).max(500);
