/**
 * Browse queries: the overview, one node, a node's neighbourhood, search, shortest paths, the schema and a
 * node's evidence. Every query works on any graph: nodes are found by their `id` property or, failing
 * that, by elementId. The larger queries live in their own modules; this is the one service routes call.
 */
import {
  LIMITS,
  viewMaxRelationships,
  type EvidenceResponse,
  type Graph,
  type GraphNode,
  type NeighborsResponse,
  type OverviewQuery,
  type PathsResponse,
  type SchemaResponse,
  type SearchResponse,
  type SourceText,
  type ViewGraph,
} from '../contract.ts';
import { cypherInteger, type Database } from '../db/database.ts';
import { DbNode, toGraphNode, type IdLabels, type Row } from '../db/values.ts';
import { cappedGraph, GraphCollector } from '../db/graph-collector.ts';
import { nodeEvidence } from './evidence-query.ts';
import { neighbourhood, type NeighbourFilter } from './neighbourhood-query.ts';
import { findNode, idLabelSet, matchNodeById, nodesByIdsSubquery, withIdLabels } from './node-match.ts';
import { shortestPaths, type PathQuery } from './paths-query.ts';
import { assertKnownNames, readSchema } from './schema-query.ts';
import { quoteName } from './search-index.ts';
import { AppError } from '../errors.ts';
import { searchNodes } from './search.ts';

/** The relationships among a list of nodes `nodes`, at most `$relationshipLimit` + 1 (one more tells a cut). */
const RELATIONSHIPS_AMONG_NODES = `
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b) WHERE b IN nodes
  WITH DISTINCT r LIMIT $relationshipLimit + 1
  RETURN collect(r) AS relationships
}`;

function collect(idLabels: IdLabels, rows: Row[], ...keys: string[]): Graph {
  const collector = new GraphCollector({ idLabels });
  for (const row of rows) for (const key of keys) collector.add(row[key]);
  return collector.toGraph();
}

/**
 * The graph queries behind the browse routes. `maxRelationships`: the most relationships one answer
 * carries (viewMaxRelationships of the view's cap); the overview and the neighbours stop there and say so.
 */
export function createGraphService(db: Database, { maxRelationships = viewMaxRelationships(LIMITS.viewMax) }: { maxRelationships?: number } = {}) {
  return {
    /**
     * Up to `limit` nodes (all, one label's, or exactly `ids`) and the relationships among them, at most
     * `maxRelationships` of those (`relationshipLimit` then says so). 400 VALIDATION_FAILED for more than one
     * of label, type and ids, or an unknown label or type.
     */
    async overview({ limit, label, type, ids }: OverviewQuery): Promise<ViewGraph> {
      if ([label, type, ids].filter((value) => value !== undefined).length > 1) {
        throw new AppError('VALIDATION_FAILED', 'Invalid query parameters: give one of label, type and ids.');
      }
      if (type !== undefined) {
        await assertKnownNames(db, { types: [type] });
        const rows = await db.read(
          `MATCH (a)-[r:${quoteName(type)}]->(b) WITH a, r, b LIMIT $limit RETURN a, r, b`, // a name the schema check just vouched for
          { limit: cypherInteger(limit) },
        );
        return collect(await idLabelSet(db), rows, 'a', 'r', 'b');
      }
      if (label !== undefined) await assertKnownNames(db, { labels: [label] });
      const read = (match: string) =>
        db.read(
          `${match} WITH n LIMIT $limit
           WITH collect(n) AS nodes
           ${RELATIONSHIPS_AMONG_NODES}
           RETURN nodes, relationships`,
          { limit: cypherInteger(limit), ids: ids ?? [], relationshipLimit: cypherInteger(maxRelationships) },
        );
      const rows =
        ids !== undefined
          ? await withIdLabels(
              db,
              (idLabels) => read(nodesByIdsSubquery('$ids', idLabels)),
              // Fewer nodes than ids: one may be named through an id index created since the labels were read.
              (found) => (Array.isArray(found[0]?.nodes) ? found[0].nodes.length : 0) >= Math.min(limit, new Set(ids).size),
            )
          : await read(label !== undefined ? `MATCH (n:${quoteName(label)})` : 'MATCH (n)'); // a label the schema check just vouched for
      const collector = new GraphCollector({ idLabels: await idLabelSet(db), maxRelationships });
      for (const row of rows) collector.add(row.nodes).add(row.relationships);
      return cappedGraph(collector, maxRelationships);
    },

    /** A document's text (its Source node's `text`); 404 when the node has none. */
    async sourceText(id: string): Promise<SourceText> {
      const noText = () => new AppError('NOT_FOUND', `No document text for "${id}".`, { details: { id } });
      const lookUp = async (key: string, idLabels: readonly string[]) =>
        (await db.read(`${matchNodeById(idLabels)} RETURN n.text AS text`, { id: key }))[0];
      const row = await findNode(db, id, lookUp).catch((error: unknown) => {
        throw error instanceof AppError && error.code === 'NOT_FOUND' ? noText() : error;
      });
      if (typeof row.text !== 'string') throw noText();
      return { id, text: row.text };
    },

    async node(id: string): Promise<GraphNode> {
      const node = await findNode(db, id, async (key, idLabels) => {
        const found = (await db.read(`${matchNodeById(idLabels)} RETURN n`, { id: key }))[0]?.n;
        return found instanceof DbNode ? found : undefined;
      });
      return toGraphNode(node, await idLabelSet(db));
    },

    /** Neighbours passing the filters (labels and types checked against the schema first), with counts. */
    neighbors(id: string, filter: NeighbourFilter): Promise<NeighborsResponse> {
      return neighbourhood(db, id, filter, { maxRelationships });
    },

    search(q: string, limit: number): Promise<SearchResponse> {
      return searchNodes(db, q, limit);
    },

    paths(query: PathQuery): Promise<PathsResponse> {
      return shortestPaths(db, query);
    },

    schema(): Promise<SchemaResponse> {
      return readSchema(db);
    },

    evidence(id: string): Promise<EvidenceResponse> {
      return nodeEvidence(db, id);
    },
  };
}

export type GraphService = ReturnType<typeof createGraphService>;
