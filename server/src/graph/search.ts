/**
 * Search: the `entity_search` full-text index when the database has it online (Lucene ranks, with prefix
 * and one-typo matches), otherwise a scan of every node's string properties. Either way each result gets
 * its most specific label and a snippet of the property that matched best, with the matched words marked,
 * and a node whose whole name or alias is the query comes first, then those whose name or alias starts with
 * it (nameTier), as an analyst typing "russia" expects Russia before the Russia-Ukraine War.
 */
import type { SearchResponse, SearchResult } from '../contract.ts';
import { cypherInteger, type Database, type Row } from '../db/database.ts';
import { DbNode, toGraphNode } from '../db/values.ts';
import { idLabelSet } from './node-match.ts';
import { schemaFact } from './schema-cache.ts';
import { SEARCH_INDEX } from './search-index.ts';
import { FUZZY_MIN_LENGTH, fuzzyPattern, matchNode, nameTier, primaryLabel, searchTerms } from './search-text.ts';

/** The fallback scan ranks at most this many preselected nodes (those matching the most terms first). */
const FALLBACK_CANDIDATES = 500;
/**
 * Full-text results read to find the whole-name and prefix matches among (nameTier): Lucene's own order can
 * put a node named exactly as the query below many that mention it often.
 */
const INDEX_CANDIDATES = 100;

/**
 * A Lucene query from plain-word terms (already stripped of every Lucene operator). Each term counts as
 * a word anywhere, a prefix, and, when long enough to be meaningful, a one-edit typo; matches in `name`
 * and `aliases` weigh more than in descriptions, and the whole phrase in a name weighs most. A name that
 * matches only by prefix or typo still outweighs a description: "engineering brigade" finds the North
 * Korean engineering *brigades* before a payment whose description speaks of engineering work.
 */
export function luceneQuery(terms: string[]): string {
  const clauses = terms.flatMap((term) => {
    const parts = [`name:${term}^5`, `aliases:${term}^4`, `${term}^2`, `${term}*`, `name:${term}*^3`];
    if (term.length >= FUZZY_MIN_LENGTH) parts.push(`${term}~1`, `name:${term}~1^3`);
    return parts;
  });
  if (terms.length > 1) {
    const phrase = `"${terms.join(' ')}"`;
    clauses.unshift(`name:${phrase}^20`, `aliases:${phrase}^10`);
  }
  return clauses.join(' ');
}

/** Whether the `entity_search` index is online, read at most every 30 s (schema-cache.ts). */
const searchIndexOnline = schemaFact(async (db) => {
  const rows = await db.read('SHOW FULLTEXT INDEXES YIELD name, state WHERE name = $name RETURN state', { name: SEARCH_INDEX.name });
  return rows[0]?.state === 'ONLINE';
});

/** Full-text results in Lucene's order; the snippet comes from the indexed properties. */
async function indexSearch(db: Database, terms: string[], candidates: number): Promise<SearchResult[]> {
  const idLabels = await idLabelSet(db);
  const rows = await db.read(
    `CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
     RETURN node, score`,
    { index: SEARCH_INDEX.name, query: luceneQuery(terms), limit: cypherInteger(candidates) },
  );
  return rows.flatMap((row: Row) => {
    if (!(row.node instanceof DbNode)) return [];
    const node = toGraphNode(row.node, idLabels);
    const { snippet } = matchNode(node.properties, terms, SEARCH_INDEX.properties);
    return [{ node, score: Number(row.score), label: primaryLabel(node.labels), snippet }];
  });
}

/**
 * No full-text index: Cypher preselects the nodes whose string properties contain a term or a one-edit
 * variant of it (a regular expression per term), and the match rules of search-text.ts rank them.
 */
async function scanSearch(db: Database, terms: string[]): Promise<SearchResult[]> {
  const idLabels = await idLabelSet(db);
  const rows = await db.read(
    `MATCH (node)
     WITH node,
          [key IN keys(node) WHERE node[key] IS :: STRING | node[key]]
          + reduce(texts = [], key IN keys(node) | texts + CASE WHEN node[key] IS :: LIST<STRING> THEN node[key] ELSE [] END) AS texts
     WITH node, size([pattern IN $patterns WHERE any(text IN texts WHERE text =~ pattern)]) AS matched
     WHERE matched > 0
     RETURN node ORDER BY matched DESC LIMIT $candidates`,
    { patterns: terms.map(fuzzyPattern), candidates: cypherInteger(FALLBACK_CANDIDATES) },
  );
  const ranked = rows.flatMap((row: Row) => {
    if (!(row.node instanceof DbNode)) return [];
    const node = toGraphNode(row.node, idLabels);
    const { score, snippet } = matchNode(node.properties, terms, 'all');
    return score > 0 ? [{ node, score, label: primaryLabel(node.labels), snippet }] : [];
  });
  // Equal scores: the shorter matching text is the more specific match ("Frankfurt" before "Frankfurt Airport").
  ranked.sort((a, b) => b.score - a.score || a.snippet.text.length - b.snippet.text.length);
  return ranked;
}

/** `results` with whole-name or whole-alias matches of `q` first, then prefix matches, each in their order. */
function byNameTier(results: SearchResult[], q: string): SearchResult[] {
  const tiers = new Map(results.map((result) => [result, nameTier(result.node.properties, q)]));
  return [...results].sort((a, b) => (tiers.get(a) as number) - (tiers.get(b) as number));
}

/**
 * Up to `limit` nodes matching `q`, best first (see the module's comment). Throws what Neo4j throws, except
 * that a full-text index dropped since it was last seen online makes it scan instead.
 */
export async function searchNodes(db: Database, q: string, limit: number): Promise<SearchResponse> {
  const terms = searchTerms(q);
  if (terms.length === 0) return { results: [] };
  const ranked = async (): Promise<SearchResult[]> => {
    if (!(await searchIndexOnline(db))) return scanSearch(db, terms);
    try {
      return await indexSearch(db, terms, Math.max(limit, INDEX_CANDIDATES));
    } catch (error) {
      // The index was dropped since it was last seen online: look again, and scan if it is gone.
      if (await searchIndexOnline(db, { fresh: true })) throw error;
      return scanSearch(db, terms);
    }
  };
  return { results: byNameTier(await ranked(), q).slice(0, limit) };
}
