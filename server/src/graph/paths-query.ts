/**
 * Shortest paths between two nodes, ignoring direction. `ALL SHORTEST` with the certainty floor written
 * inside the relationship pattern makes Neo4j filter relationships during the search (a
 * StatefulShortestPath plan), so a floor finds the shortest path among the relationships it allows, even
 * when a shorter path through weaker claims exists.
 */
import { LIMITS, type Certainty, type PathsResponse } from '../contract.ts';
import { cypherInteger, type Database } from '../db/database.ts';
import { GraphCollector, isNode, transportId } from '../db/values.ts';
import { AppError } from '../errors.ts';
import { certaintiesAtOrAbove } from './certainty-floor.ts';
import { indexedIdLabels, nodeByIdSubquery, notFound } from './node-match.ts';

export interface PathQuery {
  from: string;
  to: string;
  /** Longest path in relationships, 1..LIMITS.pathLengthMax. */
  maxLength: number;
  minCertainty?: Certainty;
}

/**
 * Paths read before grouping by their nodes: paths that differ only in parallel relationships (two
 * relationships between the same pair) share one entry of `paths`, so a few more are read than kept.
 */
const PATHS_READ = LIMITS.pathsMax * 4;

/** Both ends in one row, each null when its id names no node. */
const endpoints = (idLabels: readonly string[]) => `
CALL () { ${nodeByIdSubquery('from', idLabels)} RETURN collect(n)[0] AS a }
CALL () { ${nodeByIdSubquery('to', idLabels)} RETURN collect(n)[0] AS b }
RETURN a, b`;

/** `maxLength` is the one value written into the query: Cypher takes no parameter as a quantifier bound. */
function shortestPathsQuery(maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > LIMITS.pathLengthMax) {
    throw new AppError('VALIDATION_FAILED', `maxLength must be an integer from 1 to ${LIMITS.pathLengthMax}.`);
  }
  return `
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = ALL SHORTEST (a)-[r WHERE $allowed IS NULL OR r.certainty IN $allowed]-{1,${maxLength}}(b)
WITH p LIMIT $pathsRead
WITH nodes(p) AS route, collect(relationships(p)) AS variants
RETURN route, variants LIMIT $pathsMax`;
}

export async function shortestPaths(db: Database, query: PathQuery): Promise<PathsResponse> {
  const [ends] = await db.read(endpoints(await indexedIdLabels(db)), { from: query.from, to: query.to });
  const a = ends?.a;
  const b = ends?.b;
  if (!isNode(a)) throw notFound(query.from);
  if (!isNode(b)) throw notFound(query.to);
  if (a.elementId === b.elementId) {
    throw new AppError('VALIDATION_FAILED', 'Invalid query parameters: to: must name another node than from.', {
      details: { issues: [{ path: 'to', message: 'must name another node than from' }] },
    });
  }

  const rows = await db.read(shortestPathsQuery(query.maxLength), {
    from: a.elementId,
    to: b.elementId,
    allowed: certaintiesAtOrAbove(query.minCertainty),
    pathsRead: cypherInteger(PATHS_READ),
    pathsMax: cypherInteger(LIMITS.pathsMax),
  });
  const collector = new GraphCollector();
  const paths: string[][] = [];
  for (const row of rows) {
    const route = Array.isArray(row.route) ? row.route.filter(isNode) : [];
    collector.add(route).add(row.variants);
    paths.push(route.map((node) => transportId(node.elementId, node.properties)));
  }
  paths.sort((x, y) => x.join('\u0000').localeCompare(y.join('\u0000')));
  return { ...collector.toGraph(), paths };
}
