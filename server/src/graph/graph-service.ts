/**
 * Browse queries: the overview, one node, a node's neighbourhood and search. Every query works on any
 * graph: nodes are found by their `id` property or, failing that, by elementId.
 */
import type { Graph, GraphNode, NeighborsResponse, SearchResponse } from '../contract.ts';
import { cypherInteger, type Database } from '../db/database.ts';
import { GraphCollector, isNode, toGraphNode } from '../db/values.ts';
import { AppError } from '../errors.ts';
import { SEARCH_INDEX } from './search-index.ts';

/** Finds the node `$id` names: by elementId, else by its `id` property (string or integer). */
const MATCH_NODE_BY_ID = `
CALL () {
  MATCH (n) WHERE elementId(n) = $id RETURN n
  UNION
  MATCH (n) WHERE n.id = $id OR (n.id IS :: INTEGER AND toString(n.id) = $id) RETURN n
}
WITH n LIMIT 1`;

/** The relationships among a list of nodes `nodes`. */
const RELATIONSHIPS_AMONG_NODES = `
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b) WHERE b IN nodes
  RETURN collect(DISTINCT r) AS relationships
}`;

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No node with id "${id}".`, { details: { id } });
}

function collect(rows: Array<Record<string, unknown>>, ...keys: string[]): Graph {
  const collector = new GraphCollector();
  for (const row of rows) for (const key of keys) collector.add(row[key]);
  return collector.toGraph();
}

export function createGraphService(db: Database) {
  return {
    async overview(limit: number): Promise<Graph> {
      const rows = await db.read(
        `MATCH (n) WITH n LIMIT $limit
         WITH collect(n) AS nodes
         ${RELATIONSHIPS_AMONG_NODES}
         RETURN nodes, relationships`,
        { limit: cypherInteger(limit) },
      );
      return collect(rows, 'nodes', 'relationships');
    },

    async node(id: string): Promise<GraphNode> {
      const rows = await db.read(`${MATCH_NODE_BY_ID} RETURN n`, { id });
      const node = rows[0]?.n;
      if (!isNode(node)) throw notFound(id);
      return toGraphNode(node);
    },

    async neighbors(id: string, limit: number): Promise<NeighborsResponse> {
      const rows = await db.read(
        `${MATCH_NODE_BY_ID}
         CALL (n) { MATCH (n)--(m) WHERE m <> n RETURN count(DISTINCT m) AS total }
         CALL (n) { MATCH (n)--(m) WHERE m <> n WITH DISTINCT m LIMIT $limit RETURN collect(m) AS neighbours }
         WITH n, total, [n] + neighbours AS nodes
         ${RELATIONSHIPS_AMONG_NODES}
         RETURN n, total, nodes, relationships`,
        { id, limit: cypherInteger(limit) },
      );
      const row = rows[0];
      if (!row || !isNode(row.n)) throw notFound(id);
      return { ...collect(rows, 'nodes', 'relationships'), total: Number(row.total) };
    },

    async search(q: string, limit: number): Promise<SearchResponse> {
      const terms = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (terms.length === 0) return { results: [] };
      const indexes = await db.read('SHOW FULLTEXT INDEXES YIELD name, state WHERE name = $name RETURN state', {
        name: SEARCH_INDEX.name,
      });
      const rows =
        indexes[0]?.state === 'ONLINE'
          ? await db.read(
              `CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
               RETURN node, score`,
              { index: SEARCH_INDEX.name, query: luceneQuery(terms), limit: cypherInteger(limit) },
            )
          : await db.read(
              // No full-text index on this database: a case-insensitive scan of the usual caption keys.
              `MATCH (node)
               WHERE any(key IN ['name', 'title', 'id'] WHERE node[key] IS :: STRING AND toLower(node[key]) CONTAINS $q)
               RETURN node, 1.0 AS score LIMIT $limit`,
              { q: terms.join(' '), limit: cypherInteger(limit) },
            );
      return {
        results: rows.flatMap((row) => (isNode(row.node) ? [{ node: toGraphNode(row.node), score: Number(row.score) }] : [])),
      };
    },
  };
}

export type GraphService = ReturnType<typeof createGraphService>;

/**
 * A Lucene query from plain-word terms (already stripped of every Lucene operator). Each term counts as
 * a word anywhere, a prefix, and, when long enough to be meaningful, a one-edit typo; matches in `name`
 * and `aliases` weigh more than in descriptions, and the whole phrase in a name weighs most.
 */
export function luceneQuery(terms: string[]): string {
  const clauses = terms.flatMap((term) => {
    const parts = [`name:${term}^5`, `aliases:${term}^4`, `${term}^2`, `${term}*`];
    if (term.length >= 4) parts.push(`${term}~1`);
    return parts;
  });
  if (terms.length > 1) {
    const phrase = `"${terms.join(' ')}"`;
    clauses.unshift(`name:${phrase}^20`, `aliases:${phrase}^10`);
  }
  return clauses.join(' ');
}
