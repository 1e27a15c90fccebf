/**
 * The nodes in view that the search box's text matches, for the canvas to ring (the rest fade): those the
 * server's search found (names, aliases, descriptions, one typo per word) and those whose caption holds the
 * text (case- and accent-insensitive), so a match the server ranked past its first results still shows.
 */
import { nodeCaption } from '../graph/labels.ts';
import type { GraphData } from './graph-data.ts';

/** Lower case, accents removed: "Kim Jong-Ün" and "kim jong-un" compare equal. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * The matching node ids in view, or null when `text` is empty (nothing is marked). `found`: ids the
 * server's search answered with (some may not be in view).
 */
export function searchMatches(graph: GraphData, text: string, found: readonly string[]): ReadonlySet<string> | null {
  const wanted = folded(text.trim());
  if (wanted === '') return null;
  const matches = new Set(found.filter((id) => graph.nodes.has(id)));
  for (const node of graph.nodes.values()) if (folded(nodeCaption(node)).includes(wanted)) matches.add(node.id);
  return matches;
}
