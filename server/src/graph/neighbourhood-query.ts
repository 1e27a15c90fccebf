/**
 * A node's neighbourhood for expansion: the neighbours that pass the filters (relationship types, a
 * certainty floor, neighbour labels) up to a limit, how many pass in all, and per-type and per-label counts
 * over every neighbour so the user can choose what to expand next. Filter names arrive here only after
 * the schema check, and even then only as parameters.
 */
import type { Certainty, NeighborsResponse, NameCount } from '../contract.ts';
import { cypherInteger, type Database } from '../db/database.ts';
import { DbNode, mapsOf, type DbValue } from '../db/values.ts';
import { cappedGraph, GraphCollector } from '../db/graph-collector.ts';
import { certaintiesAtOrAbove } from './certainty-floor.ts';
import { findNode, idLabelSet, matchNodeById } from './node-match.ts';
import { assertKnownNames } from './schema-query.ts';

export interface NeighbourFilter {
  limit: number;
  /** A cursor from a previous page's `next`: only neighbours after it in the order (by elementId). */
  after?: string | undefined;
  /** Relationship types; empty: any. */
  types: readonly string[];
  /** Neighbour labels (a neighbour needs one of them); empty: any. */
  labels: readonly string[];
  minCertainty?: Certainty;
}

/** A relationship `r` that passes the type and certainty filters ($types, $allowed: null for no filter). */
const RELATIONSHIP_PASSES = `($types IS NULL OR type(r) IN $types) AND ($allowed IS NULL OR r.certainty IN $allowed)`;
/** A neighbour `m` that carries one of $labels (null for no filter). */
const NEIGHBOUR_PASSES = `($labels IS NULL OR any(label IN labels(m) WHERE label IN $labels))`;

/**
 * Relationships among the nodes of the list `nodes` that pass the filters, as two lists (`walked`,
 * `between`) that may share relationships. They are found by walking the relationships of the nodes of at
 * most `$walkDegreeMax` (WALK_DEGREE_MAX) relationships (a relationship with one such end is met there), and
 * between two denser nodes by Expand(Into), which reads only the smaller side. So a hub in the list is never
 * walked for its neighbours' sake. (Two subqueries, not a UNION: with a UNION the planner turned `b IN nodes`
 * into a join over every pair of nodes, which ran out of memory on a 5,000-node overview.) Each list stops
 * at `$relationshipLimit` + 1, so a dense graph's millions never leave Neo4j and one more tells a cut.
 */
export const relationshipsAmong = (nodes: string, passes: string) => `
CALL (${nodes}) {
  UNWIND ${nodes} AS a
  WITH a WHERE COUNT { (a)--() } <= $walkDegreeMax
  MATCH (a)-[r]-(b) WHERE b IN ${nodes} AND ${passes}
  WITH DISTINCT r LIMIT $relationshipLimit + 1
  RETURN collect(r) AS walked
}
CALL (${nodes}) {
  UNWIND ${nodes} AS a
  WITH a WHERE COUNT { (a)--() } > $walkDegreeMax
  WITH collect(a) AS dense
  UNWIND dense AS a
  UNWIND dense AS b
  WITH a, b WHERE elementId(a) < elementId(b)
  MATCH (a)-[r]-(b) WHERE ${passes}
  WITH DISTINCT r LIMIT $relationshipLimit + 1
  RETURN collect(r) AS between
}`;

/** Nodes with more relationships than this are not walked to find the relationships among a view's nodes. */
export const WALK_DEGREE_MAX = 5_000;

/**
 * One pass over the node's relationships: per neighbour its relationship types and whether it passes the
 * filters, then the counts (distinct neighbours per type and per label), the total that pass, and a page of
 * them: the first `$limit` by elementId after the cursor `$after`, with the cursor of the next page; then
 * the relationships among the node and that page. The neighbours are sorted while their rows are small
 * (a neighbour, its types): a top-k sort after the collect would keep, per kept row, the collected lists,
 * which Neo4j's memory tracking counts each time (a 22k hub with a page of 1,000 went over 512 MB).
 */
const neighbourhoodQuery = (idLabels: readonly string[]) => `
${matchNodeById(idLabels)}
CALL (n) {
  MATCH (n)-[r]-(m) WHERE m <> n
  WITH m, collect(r) AS rs, collect(DISTINCT type(r)) AS types
  WITH m, types, any(r IN rs WHERE ${RELATIONSHIP_PASSES}) AND ${NEIGHBOUR_PASSES} AS passes, elementId(m) AS key
  ORDER BY key
  WITH collect(CASE WHEN passes THEN m END) AS passing, collect(CASE WHEN passes THEN key END) AS keys,
    collect(types) AS typeLists, collect(labels(m)) AS labelLists
  WITH passing, keys, typeLists, labelLists, size([key IN keys WHERE $after IS NOT NULL AND key <= $after]) AS skipped
  RETURN size(passing) AS total, passing[skipped..skipped + $limit] AS page,
    CASE WHEN size(passing) > skipped + $limit THEN keys[skipped + $limit - 1] END AS next, typeLists, labelLists
}
CALL (typeLists) {
  UNWIND typeLists AS types
  UNWIND types AS name
  WITH name, count(*) AS count ORDER BY count DESC, name
  RETURN collect({name: name, count: count}) AS typeCounts
}
CALL (labelLists) {
  UNWIND labelLists AS labels
  UNWIND labels AS name
  WITH name, count(*) AS count ORDER BY count DESC, name
  RETURN collect({name: name, count: count}) AS labelCounts
}
WITH n, typeCounts, labelCounts, total, [n] + page AS nodes, next
${relationshipsAmong('nodes', RELATIONSHIP_PASSES)}
RETURN n, typeCounts, labelCounts, total, nodes, next, walked, between`;

function nameCounts(value: DbValue | undefined): NameCount[] {
  return mapsOf(value).flatMap(({ name, count }) => (typeof name === 'string' ? [{ name, count: Number(count) }] : []));
}

/**
 * The node's neighbourhood, one page of neighbours (`filter.limit`, after `filter.after`) with the cursor of
 * the next (404 NOT_FOUND for an unknown id, 400 VALIDATION_FAILED for an unknown label or type), and the
 * relationships among them up to `maxRelationships` (the node's own first; `relationshipLimit` says when
 * more were left out). `walkDegreeMax`: see relationshipsAmong; tests lower it to exercise the path between
 * dense nodes.
 */
export async function neighbourhood(
  db: Database,
  id: string,
  filter: NeighbourFilter,
  { maxRelationships, walkDegreeMax = WALK_DEGREE_MAX }: { maxRelationships: number; walkDegreeMax?: number },
): Promise<NeighborsResponse> {
  await assertKnownNames(db, { labels: filter.labels, types: filter.types });
  const params = {
    limit: cypherInteger(filter.limit),
    after: filter.after ?? null,
    types: filter.types.length > 0 ? filter.types : null,
    labels: filter.labels.length > 0 ? filter.labels : null,
    allowed: certaintiesAtOrAbove(filter.minCertainty),
    walkDegreeMax: cypherInteger(walkDegreeMax),
    relationshipLimit: cypherInteger(maxRelationships),
  };
  const row = await findNode(db, id, async (key, idLabels) =>
    (await db.read(neighbourhoodQuery(idLabels), { ...params, id: key })).find((found) => found.n instanceof DbNode),
  );
  const collector = new GraphCollector({ idLabels: await idLabelSet(db), maxRelationships }).add(row.nodes).add(row.walked).add(row.between);
  return {
    ...cappedGraph(collector, maxRelationships),
    total: Number(row.total),
    next: typeof row.next === 'string' ? row.next : null,
    counts: { types: nameCounts(row.typeCounts), labels: nameCounts(row.labelCounts) },
  };
}
