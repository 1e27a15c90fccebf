/**
 * The evidence about a node: every relationship touching it, with its quote, sources and certainty as the
 * relationship carries them, grouped by the `Source` nodes its `sources` list names. For a `Source` node
 * also every claim it made anywhere in the graph. On graphs without evidence fields every claim lands in
 * the one group without a source.
 */
import { CERTAINTIES, LIMITS, type EvidenceClaim, type EvidenceGroup, type EvidenceResponse, type GraphNode, type GraphRelationship, type JsonValue, type SourceClaim } from '../contract.ts';
import { cypherInteger, type Database } from '../db/database.ts';
import { DbNode, mapsOf, toGraphNode, type IdLabels } from '../db/values.ts';
import { GraphCollector } from '../db/graph-collector.ts';
import { findNode, idLabelSet, matchNodeById } from './node-match.ts';

/** The label of the nodes that relationships cite by `id` in their `sources` list (DESIGN.md's data model). */
const SOURCE_LABEL = 'Source';

/** The source ids relationship `r` cites: its `sources` list, a single string, or none. */
const SOURCES_OF_R = `CASE WHEN r.sources IS :: LIST<STRING> THEN r.sources WHEN r.sources IS :: STRING THEN [r.sources] ELSE [] END`;

const claimsAboutNode = (idLabels: readonly string[]) => `
${matchNodeById(idLabels)}
CALL (n) {
  MATCH (n)-[r]-(m)
  WITH DISTINCT r, m LIMIT $read
  RETURN collect({relationship: r, other: m}) AS claims
}
CALL (claims) {
  UNWIND claims AS claim
  WITH claim.relationship AS r
  UNWIND ${SOURCES_OF_R} AS sourceId
  WITH DISTINCT sourceId
  OPTIONAL MATCH (source:${SOURCE_LABEL} {id: sourceId})
  RETURN collect({id: sourceId, node: source}) AS sources
}
RETURN n, claims, sources`;

const CLAIMS_MADE_BY_SOURCE = `
MATCH (start)-[r]->(end)
WHERE $sourceId IN ${SOURCES_OF_R}
RETURN r, start, end LIMIT $read`;

function certaintyRank(relationship: GraphRelationship): number {
  const rank = CERTAINTIES.indexOf(relationship.properties.certainty as (typeof CERTAINTIES)[number]);
  return rank === -1 ? CERTAINTIES.length : rank;
}

function caption(node: GraphNode): string {
  const { name, title } = node.properties;
  return typeof name === 'string' ? name : typeof title === 'string' ? title : node.id;
}

function byStrength(a: { relationship: GraphRelationship }, b: { relationship: GraphRelationship }): number {
  return certaintyRank(a.relationship) - certaintyRank(b.relationship) || a.relationship.type.localeCompare(b.relationship.type);
}

function sourceIds(properties: Record<string, JsonValue>): string[] {
  const { sources } = properties;
  if (typeof sources === 'string') return [sources];
  return Array.isArray(sources) ? sources.filter((id): id is string => typeof id === 'string') : [];
}

/** Groups the claims by source: Source nodes by caption, then ids without a node, then the claims citing none. */
function groupBySource(claims: EvidenceClaim[], sources: Map<string, GraphNode | null>): EvidenceGroup[] {
  const groups = new Map<string | null, EvidenceClaim[]>();
  for (const claim of claims) {
    const ids = sourceIds(claim.relationship.properties);
    for (const id of ids.length > 0 ? [...new Set(ids)] : [null]) groups.set(id, [...(groups.get(id) ?? []), claim]);
  }
  const order = (id: string | null): [number, string] => {
    if (id === null) return [2, ''];
    const node = sources.get(id);
    return node ? [0, caption(node)] : [1, id];
  };
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1].localeCompare(y[1]);
    })
    .map(([id, groupClaims]) => ({
      source: id === null ? null : (sources.get(id) ?? { id, missing: true as const }),
      claims: groupClaims.sort(byStrength),
    }));
}

async function claimsMade(db: Database, source: GraphNode, idLabels: IdLabels): Promise<{ made: SourceClaim[]; truncated: boolean }> {
  if (!source.labels.includes(SOURCE_LABEL)) return { made: [], truncated: false };
  // Relationships cite a source by its `id` property, whatever the source's transport id is.
  const sourceId = typeof source.properties.id === 'string' ? source.properties.id : source.id;
  const rows = await db.read(CLAIMS_MADE_BY_SOURCE, { sourceId, read: cypherInteger(LIMITS.evidenceMax + 1) });
  const kept = rows.slice(0, LIMITS.evidenceMax);
  const graph = new GraphCollector({ idLabels });
  for (const row of kept) graph.add(row.start).add(row.end).add(row.r);
  const { nodes, relationships } = graph.toGraph();
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const made = relationships.flatMap((relationship) => {
    const start = nodeById.get(relationship.source);
    const end = nodeById.get(relationship.target);
    return start && end ? [{ relationship, start, end }] : [];
  });
  return { made: made.sort(byStrength), truncated: rows.length > LIMITS.evidenceMax };
}

export async function nodeEvidence(db: Database, id: string): Promise<EvidenceResponse> {
  const row = await findNode(db, id, async (key, labels) =>
    (await db.read(claimsAboutNode(labels), { id: key, read: cypherInteger(LIMITS.evidenceMax + 1) })).find((found) => found.n instanceof DbNode),
  );
  const idLabels = await idLabelSet(db);
  if (!(row.n instanceof DbNode)) throw new Error('unreachable: findNode answered a row without its node');
  const node = toGraphNode(row.n, idLabels);
  const all = mapsOf(row.claims);
  const kept = all.slice(0, LIMITS.evidenceMax);

  const graph = new GraphCollector({ idLabels }).add(row.n);
  for (const claim of kept) graph.add(claim.other).add(claim.relationship);
  const { nodes, relationships } = graph.toGraph();
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const claims: EvidenceClaim[] = relationships.flatMap((relationship) => {
    const direction = relationship.source === node.id ? 'out' : 'in';
    const other = nodeById.get(direction === 'out' ? relationship.target : relationship.source);
    return other ? [{ relationship, other, direction }] : [];
  });

  const sources = new Map<string, GraphNode | null>();
  for (const { id: sourceId, node: sourceNode } of mapsOf(row.sources)) {
    if (typeof sourceId === 'string') sources.set(sourceId, sourceNode instanceof DbNode ? toGraphNode(sourceNode, idLabels) : null);
  }
  const { made, truncated } = await claimsMade(db, node, idLabels);
  return {
    node,
    groups: groupBySource(claims, sources),
    made,
    truncated: truncated || all.length > LIMITS.evidenceMax,
  };
}
