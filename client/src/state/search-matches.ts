/**
 * The nodes in view that the search box's text names, for the canvas to ring (the rest fade): those whose
 * caption, `name`, `title` or one of whose `aliases` match every word of the text (any of them when `OR`
 * joins them: "korea OR russia" rang only the two names with both, new-user trial), by the rules the
 * server's search ranks with (server/src/graph/search-text.ts: a word exactly, as a prefix, within one
 * edit from 4 letters, inside a word from 3; accents and case aside). A node the server found only because
 * its description or another text mentions the words is not ringed, nor one whose name matches one word
 * of several: "Kim Jong-un" rang ten nodes, Soviet Union among them, for "un" (new-user trial). When no
 * node in view is named so, the ones the server found are ringed, so a word found only in descriptions
 * still shows where it is.
 */
import { matchesWordStart, matchText, searchQuery } from '../../../server/src/graph/search-text.ts';
import { nodeCaption } from '../graph/labels.ts';
import type { GraphNode } from '../../../server/src/contract.ts';
import type { GraphData } from './graph-data.ts';

/** Lower case, accents removed: "Kim Jong-Ün" and "kim jong-un" compare equal. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** The texts that name `node`: its caption, `name`, `title` and `aliases`, folded. */
function namesOf(node: GraphNode): string[] {
  const { name, title, aliases } = node.properties;
  const texts = [nodeCaption(node), name, title, ...(Array.isArray(aliases) ? aliases : [aliases])];
  return texts.filter((text): text is string => typeof text === 'string').map(folded);
}

/** Whether the texts together match every one of `terms` (matchText), or with `any` at least one of them. */
function namesMatch(texts: readonly string[], terms: readonly string[], any: boolean): boolean {
  const matched = new Set<number>();
  for (const text of texts) for (const highlight of matchText(text, terms).highlights) matched.add(highlight.term);
  return any ? matched.size > 0 : matched.size === terms.length;
}

/**
 * The matching node ids in view, or null when there are none (nothing is marked: the text has no word, or
 * nothing in view matches it; fading the whole view for a word found nowhere in it hid the graph behind a
 * "No matches", and only for some texts: new-user trial). `found`: ids the server's search answered with
 * (some may not be in view), ringed only when no node in view is named.
 */
export function searchMatches(graph: GraphData, text: string, found: readonly string[]): ReadonlySet<string> | null {
  // Operators read as the server reads them (searchQuery): `NOT ukraine` leaves out nodes with the word in
  // any property, as the server's results do.
  const query = searchQuery(text);
  const [terms, excluded] = [query.terms.map(folded), query.excluded.map(folded)];
  if (terms.length === 0) return null;
  const matches = new Set<string>();
  for (const node of graph.nodes.values()) {
    const names = namesOf(node);
    if (namesMatch(names, terms, query.anyTerm) && !matchesWordStart({ ...node.properties, names }, excluded)) matches.add(node.id);
  }
  if (matches.size === 0) for (const id of found) if (graph.nodes.has(id)) matches.add(id);
  return matches.size > 0 ? matches : null;
}
