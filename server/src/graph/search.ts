/**
 * Search over every label: the `entity_search` full-text index for the labels it covers (Lucene ranks, with
 * prefix and one-typo matches), and a bounded scan of the nodes of every other label (DEFAULT_SCAN_LIMITS:
 * a node cap and a time cap; the answer's `coverage` says which labels went which way and whether the scan
 * was cut). Each result gets its most specific label and a snippet of the property that
 * matched best, with the matched words marked, and a node whose whole name or alias is the query comes
 * first, then those whose name or alias starts with it (nameTier), as an analyst typing "russia" expects
 * Russia before the Russia-Ukraine War.
 */
import type { SearchCoverage, SearchResponse, SearchResult } from '../contract.ts';
import { AppError } from '../errors.ts';
import { cypherInteger, type Database, type Row } from '../db/database.ts';
import { DbNode, toGraphNode } from '../db/values.ts';
import { idLabelSet } from './node-match.ts';
import { searchCoverage, type LabelCoverage } from './search-coverage.ts';
import { SEARCH_INDEX, quoteName } from './search-index.ts';
import { FUZZY_MIN_LENGTH, fuzzyPattern, matchesWordStart, matchNode, nameTier, nothingToFindMessage, primaryLabel, searchQuery } from './search-text.ts';

/** The scan ranks at most this many preselected nodes (those matching the most terms first). */
const FALLBACK_CANDIDATES = 500;
/** The bounds of the scan of labels the index does not cover; past either, the answer says it was cut. */
export interface ScanLimits {
  /** Nodes read at most (those without an indexed label). */
  maxNodes: number;
  /** The scan's transaction timeout (ms): past it, search answers with the index's results alone. */
  maxMs: number;
}

export const DEFAULT_SCAN_LIMITS: Readonly<ScanLimits> = {
  /** Enough for a small database or a few added labels; a regular expression per term runs on each node. */
  maxNodes: 10_000,
  /** Short: search runs while the user types. */
  maxMs: 2_000,
};
/** How long past `maxMs` search waits for Neo4j to stop the scan before it stops waiting (ms). */
const SCAN_GRACE_MS = 500;
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

/** Full-text results in Lucene's order; the snippet comes from the indexed properties. */
async function indexSearch(db: Database, terms: string[], candidates: number, properties: readonly string[]): Promise<SearchResult[]> {
  const idLabels = await idLabelSet(db);
  const rows = await db.read(
    `CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
     RETURN node, score`,
    { index: SEARCH_INDEX.name, query: luceneQuery(terms), limit: cypherInteger(candidates) },
  );
  return rows.flatMap((row: Row) => {
    if (!(row.node instanceof DbNode)) return [];
    const node = toGraphNode(row.node, idLabels);
    const { snippet } = matchNode(node.properties, terms, properties);
    return [{ node, score: Number(row.score), label: primaryLabel(node.labels), snippet }];
  });
}

interface ScanAnswer {
  results: SearchResult[];
  cut: SearchCoverage['scanCut'];
}

/**
 * The nodes of `labels` that no label of `indexed` covers, `limits.maxNodes` at most: Cypher preselects
 * those whose text properties contain a term or a one-edit variant of it (a regular expression per term),
 * and the match rules of search-text.ts rank them. `labels` undefined: every node, labelled or not (no
 * index). Stopped after `limits.maxMs`: no results, cut `time`. Throws what else Neo4j throws.
 */
async function scanSearch(
  db: Database,
  terms: string[],
  labels: readonly string[] | undefined,
  indexed: readonly string[],
  limits: ScanLimits,
): Promise<ScanAnswer> {
  const idLabels = await idLabelSet(db);
  const match = labels === undefined ? 'MATCH (node)' : `MATCH (node:${labels.map(quoteName).join('|')})`;
  // One node more than the cap is read, only to tell "cut" from "exactly the cap".
  const query = `${match}
     WHERE NOT any(label IN labels(node) WHERE label IN $indexed)
     WITH node LIMIT $scanLimit
     WITH node,
          [key IN keys(node) WHERE node[key] IS :: STRING | node[key]]
          + reduce(texts = [], key IN keys(node) | texts + CASE WHEN node[key] IS :: LIST<STRING> THEN node[key] ELSE [] END) AS texts
     WITH node, size([pattern IN $patterns WHERE any(text IN texts WHERE text =~ pattern)]) AS matched
     ORDER BY matched DESC
     WITH count(*) AS examined, collect(CASE WHEN matched > 0 THEN node END) AS hits
     RETURN examined, hits[..$candidates] AS hits`;
  const params = {
    indexed,
    scanLimit: cypherInteger(limits.maxNodes + 1),
    patterns: terms.map(fuzzyPattern),
    candidates: cypherInteger(FALLBACK_CANDIDATES),
  };
  let row: Row | undefined;
  try {
    [row] = await db.userRead((tx) => tx.read(query, params), { timeoutMs: limits.maxMs, deadlineMs: limits.maxMs + SCAN_GRACE_MS, fetchSize: 1 });
  } catch (error) {
    if (error instanceof AppError && error.code === 'QUERY_TIMEOUT') return { results: [], cut: 'time' };
    throw error;
  }
  const hits = Array.isArray(row?.hits) ? row.hits : [];
  const ranked = hits.flatMap((hit: unknown) => {
    if (!(hit instanceof DbNode)) return [];
    const node = toGraphNode(hit, idLabels);
    const { score, snippet } = matchNode(node.properties, terms, 'all');
    return score > 0 ? [{ node, score, label: primaryLabel(node.labels), snippet }] : [];
  });
  // Equal scores: the shorter matching text is the more specific match ("Frankfurt" before "Frankfurt Airport").
  ranked.sort((a, b) => b.score - a.score || a.snippet.text.length - b.snippet.text.length);
  return { results: ranked, cut: Number(row?.examined ?? 0) > limits.maxNodes ? 'nodes' : null };
}

/** `results` with whole-name or whole-alias matches of `q` first, then prefix matches, each in their order. */
function byNameTier(results: SearchResult[], q: string): SearchResult[] {
  const tiers = new Map(results.map((result) => [result, nameTier(result.node.properties, q)]));
  return [...results].sort((a, b) => (tiers.get(a) as number) - (tiers.get(b) as number));
}

/** The index's results (when it covers any label) and the scan's (when it leaves any out), side by side. */
async function searchBoth(
  db: Database,
  terms: string[],
  limit: number,
  coverage: LabelCoverage,
  limits: ScanLimits,
): Promise<{ indexed: SearchResult[]; scan: ScanAnswer }> {
  const { index } = coverage;
  const scanAll = index === undefined || coverage.indexed.length === 0;
  const [indexed, scan] = await Promise.all([
    index && coverage.indexed.length > 0 ? indexSearch(db, terms, Math.max(limit, INDEX_CANDIDATES), index.properties) : [],
    coverage.unindexed.length > 0 || scanAll
      ? scanSearch(db, terms, scanAll ? undefined : coverage.unindexed, scanAll ? [] : coverage.indexed, limits)
      : { results: [], cut: null },
  ]);
  return { indexed, scan };
}

/**
 * The 400 for a query with no word to find: only punctuation, or only words it leaves out ("NOT russia" found
 * nothing and said nothing: new-user trial). Lucene too finds nothing for a query that only excludes.
 */
function nothingToFind(excluded: readonly string[]): AppError {
  return new AppError('VALIDATION_FAILED', nothingToFindMessage(excluded), { details: { issues: [{ path: 'q', message: 'has no word to find' }] } });
}

/**
 * Up to `limit` nodes matching `q`, best first (see the module's comment), and which labels were searched
 * how (`coverage`). The index's results and the scan's are merged, each node once (the index's entry wins),
 * then ordered by nameTier, the index's before the scan's within a tier: their scores are on different
 * scales. Lucene's operators in `q` are read as such (searchQuery): `AND`/`OR` dropped, and nodes with a word
 * after `NOT` or `-` left out. `limits` bound the scan (tests shrink them). Throws 400 `VALIDATION_FAILED` for a `q`
 * with no word to find (nothingToFind), and what Neo4j throws, except that a full-text
 * index dropped or changed since it was last seen makes it search again as the index is now, and a scan
 * that runs out of time answers with the index's results.
 */
export async function searchNodes(db: Database, q: string, limit: number, limits: Readonly<ScanLimits> = DEFAULT_SCAN_LIMITS): Promise<SearchResponse> {
  const { terms, excluded } = searchQuery(q);
  if (terms.length === 0) throw nothingToFind(excluded);
  let coverage = await searchCoverage(db);
  const scanLimits = { ...limits };
  let answer: Awaited<ReturnType<typeof searchBoth>>;
  try {
    answer = await searchBoth(db, terms, limit, coverage, limits);
  } catch (error) {
    // The index was dropped or changed since it was last seen online: look again, and search as it is now.
    const now = await searchCoverage(db, { fresh: true });
    if (now.index?.state === coverage.index?.state && String(now.index?.labels) === String(coverage.index?.labels)) throw error;
    coverage = now;
    answer = await searchBoth(db, terms, limit, coverage, limits);
  }
  const seen = new Set(answer.indexed.map((result) => result.node.id));
  const merged = [...answer.indexed, ...answer.scan.results.filter((result) => !seen.has(result.node.id))].filter(
    (result) => !matchesWordStart(result.node.properties, excluded),
  );
  const scanned = coverage.index === undefined || coverage.indexed.length === 0 ? coverage.labels : coverage.unindexed;
  return {
    results: byNameTier(merged, terms.join(' ')).slice(0, limit),
    coverage: { byIndex: coverage.index ? coverage.indexed : [], byScan: scanned, scanLimits, scanCut: answer.scan.cut },
  };
}
