/**
 * The graph the user has in view, as immutable maps keyed by transport id, and the pure merge that adds
 * an API answer to it. The canvas mirrors this; the panels read names and properties from it.
 */
import type { Graph, GraphNode, GraphRelationship } from '../../../server/src/contract.ts';

export interface GraphData {
  nodes: ReadonlyMap<string, GraphNode>;
  relationships: ReadonlyMap<string, GraphRelationship>;
}

export const EMPTY_GRAPH: GraphData = { nodes: new Map(), relationships: new Map() };

export function graphDataFrom(graph: Graph): GraphData {
  return mergeGraph(EMPTY_GRAPH, graph).data;
}

export interface MergeResult {
  data: GraphData;
  /** Ids of nodes that were not in view before. */
  addedNodeIds: string[];
}

/**
 * Adds `graph` to `data` without duplicates (elements already present take the fresher copy). Returns
 * `data` itself when the answer brings nothing new, so React skips the re-render.
 */
export function mergeGraph(data: GraphData, graph: Graph): MergeResult {
  const addedNodeIds = graph.nodes.filter((node) => !data.nodes.has(node.id)).map((node) => node.id);
  const changed = addedNodeIds.length > 0 || graph.relationships.some((rel) => !data.relationships.has(rel.id));
  if (!changed) return { data, addedNodeIds };
  const nodes = new Map(data.nodes);
  for (const node of graph.nodes) nodes.set(node.id, node);
  const relationships = new Map(data.relationships);
  for (const rel of graph.relationships) relationships.set(rel.id, rel);
  return { data: { nodes, relationships }, addedNodeIds };
}

/** The relationships in view that start or end at `nodeId`. */
export function relationshipsOf(data: GraphData, nodeId: string): GraphRelationship[] {
  return [...data.relationships.values()].filter((rel) => rel.source === nodeId || rel.target === nodeId);
}

/**
 * Takes elements out of view (never out of the database): the given nodes with every relationship that
 * touches them, and the given relationships.
 */
export function removeFromGraph(data: GraphData, nodeIds: readonly string[], relationshipIds: readonly string[] = []): GraphData {
  const goneNodes = new Set(nodeIds);
  const goneRelationships = new Set(relationshipIds);
  const nodes = new Map([...data.nodes].filter(([id]) => !goneNodes.has(id)));
  const relationships = new Map(
    [...data.relationships].filter(
      ([id, rel]) => !goneRelationships.has(id) && !goneNodes.has(rel.source) && !goneNodes.has(rel.target),
    ),
  );
  return { nodes, relationships };
}
