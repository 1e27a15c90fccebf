/**
 * A node's neighbourhood for expansion: the neighbours that pass the filters (relationship types, a
 * certainty floor, neighbour labels) up to a limit, how many pass in all, and per-type and per-label counts
 * over every neighbour so the user can choose what to expand next. Filter names arrive here only after
 * the schema check, and even then only as parameters.
 */
import type { Certainty, NeighborsResponse, NameCount } from '../contract.ts';
import { cypherInteger, type Database } from '../db/database.ts';
import { GraphCollector, isNode } from '../db/values.ts';
import { certaintiesAtOrAbove } from './certainty-floor.ts';
import { indexedIdLabels, matchNodeById, notFound } from './node-match.ts';
import { assertKnownNames } from './schema-query.ts';

export interface NeighbourFilter {
  limit: number;
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

const neighbourhoodQuery = (idLabels: readonly string[]) => `
${matchNodeById(idLabels)}
CALL (n) {
  MATCH (n)-[r]-(m) WHERE m <> n
  WITH type(r) AS name, count(DISTINCT m) AS count ORDER BY count DESC, name
  RETURN collect({name: name, count: count}) AS typeCounts
}
CALL (n) {
  MATCH (n)--(m) WHERE m <> n
  WITH DISTINCT m UNWIND labels(m) AS name
  WITH name, count(*) AS count ORDER BY count DESC, name
  RETURN collect({name: name, count: count}) AS labelCounts
}
CALL (n) {
  MATCH (n)-[r]-(m) WHERE m <> n AND ${RELATIONSHIP_PASSES} AND ${NEIGHBOUR_PASSES}
  RETURN count(DISTINCT m) AS total
}
CALL (n) {
  MATCH (n)-[r]-(m) WHERE m <> n AND ${RELATIONSHIP_PASSES} AND ${NEIGHBOUR_PASSES}
  WITH DISTINCT m LIMIT $limit
  RETURN collect(m) AS neighbours
}
WITH n, typeCounts, labelCounts, total, [n] + neighbours AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b) WHERE b IN nodes AND ${RELATIONSHIP_PASSES}
  RETURN collect(DISTINCT r) AS relationships
}
RETURN n, typeCounts, labelCounts, total, nodes, relationships`;

function nameCounts(value: unknown): NameCount[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { name, count } = entry as { name?: unknown; count?: unknown };
    return typeof name === 'string' ? [{ name, count: Number(count) }] : [];
  });
}

export async function neighbourhood(db: Database, id: string, filter: NeighbourFilter): Promise<NeighborsResponse> {
  await assertKnownNames(db, { labels: filter.labels, types: filter.types });
  const rows = await db.read(neighbourhoodQuery(await indexedIdLabels(db)), {
    id,
    limit: cypherInteger(filter.limit),
    types: filter.types.length > 0 ? filter.types : null,
    labels: filter.labels.length > 0 ? filter.labels : null,
    allowed: certaintiesAtOrAbove(filter.minCertainty),
  });
  const row = rows[0];
  if (!row || !isNode(row.n)) throw notFound(id);
  return {
    ...new GraphCollector().add(row.nodes).add(row.relationships).toGraph(),
    total: Number(row.total),
    counts: { types: nameCounts(row.typeCounts), labels: nameCounts(row.labelCounts) },
  };
}
