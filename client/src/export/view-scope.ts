/**
 * What an export taken from the view holds: exactly the elements drawn. Nodes the filters hide are left
 * out, and so are relationships they hide (by type, certainty, source or date) even when both ends are
 * shown, and relationships the view never loaded; the filters in force travel along for the file's metadata.
 */
import type { SelectionScope } from '../../../server/src/contract.ts';
import { isFiltering, type Filters, type HiddenElements } from '../state/filters.ts';
import type { GraphData } from '../state/graph-data.ts';

/**
 * The selection scope (POST /api/export) for the drawn nodes among `nodeIds` (default: every node in view)
 * and the drawn relationships among them; null when none of them is drawn.
 */
export function drawnScope(graph: GraphData, hidden: HiddenElements, filters: Filters, nodeIds?: readonly string[]): SelectionScope | null {
  const candidates = nodeIds ?? [...graph.nodes.keys()];
  const nodes = new Set(candidates.filter((id) => graph.nodes.has(id) && !hidden.nodes.has(id)));
  if (nodes.size === 0) return null;
  const relationshipIds: string[] = [];
  for (const rel of graph.relationships.values()) {
    if (!hidden.relationships.has(rel.id) && nodes.has(rel.source) && nodes.has(rel.target)) relationshipIds.push(rel.id);
  }
  if (!isFiltering(filters)) return { nodeIds: [...nodes], relationshipIds };
  const inForce = {
    hiddenLabels: [...filters.hiddenLabels],
    hiddenTypes: [...filters.hiddenTypes],
    hiddenCertainties: [...filters.hiddenCertainties],
    hiddenSources: [...filters.hiddenSources],
    timeRange: filters.timeRange,
    hideUndated: filters.hideUndated,
    keepOrphans: filters.keepOrphans,
  };
  return { nodeIds: [...nodes], relationshipIds, filters: inForce };
}
