/**
 * Shortest paths between two nodes, ignoring direction, found by a bidirectional breadth-first search that
 * the explorer drives level by level, with a budget of relationships it may expand.
 *
 * Why not one `ALL SHORTEST` query: on a graph with hubs, a breadth-first search from a low-degree node
 * reaches a hub by hop 2 or 3 and then covers most of the graph (on the 1M-relationship benchmark graph,
 * p99 14 s, some searches hitting the 15 s timeout while holding a core of Neo4j). Searching from both ends
 * and always growing the side whose next level costs less (the sum of its frontier's degrees, read from the
 * store) meets in the middle after expanding a small part of the graph; and because that cost is known
 * before a level is expanded, a search that would exceed the budget stops before it does, and says so.
 *
 * Every shortest route is kept (all parents of each node at its level), up to LIMITS.pathsMax routes; the
 * relationships of a route are every relationship, passing the certainty floor, between its consecutive
 * nodes (parallel relationships included). The certainty floor applies during the search, so a floor
 * finds the shortest path among the relationships it allows.
 */
import { LIMITS, type Certainty, type PathsResponse } from '../contract.ts';
import type { Database } from '../db/database.ts';
import { DbNode, listOf, nodeTransportId, stringsOf, type DbValue } from '../db/values.ts';
import { GraphCollector } from '../db/graph-collector.ts';
import { AppError } from '../errors.ts';
import { certaintiesAtOrAbove } from './certainty-floor.ts';
import { findNode, idLabelSet, indexedIdLabels, matchNodeById, nodeByIdSubquery } from './node-match.ts';

export interface PathQuery {
  from: string;
  to: string;
  /** Longest path in relationships, 1..LIMITS.pathLengthMax. */
  maxLength: number;
  minCertainty?: Certainty;
}

/**
 * Relationships one search may expand (the sum of the degrees of the nodes it expands). 200,000 is a
 * fifth of the benchmark graph, about 0.5 s of Neo4j's time on the benchmark machine (bench/RESULTS.md).
 */
export const DEFAULT_PATH_BUDGET = 200_000;

/** Both ends in one row, each null when its id names no node, with their degrees. */
const endpoints = (idLabels: readonly string[]) => `
CALL () { ${nodeByIdSubquery('from', idLabels)} RETURN collect(n)[0] AS a }
CALL () { ${nodeByIdSubquery('to', idLabels)} RETURN collect(n)[0] AS b }
RETURN a, b, COUNT { (a)--() } AS degreeA, COUNT { (b)--() } AS degreeB`;

/**
 * One level of the search: the neighbours of the frontier's nodes through relationships that pass the
 * floor, not yet reached from this side, each with the frontier nodes it was reached from and its degree
 * (the cost of expanding it next).
 */
const EXPAND_LEVEL = `
UNWIND $frontier AS id
MATCH (x) WHERE elementId(x) = id
MATCH (x)-[r]-(y) WHERE $allowed IS NULL OR r.certainty IN $allowed
WITH elementId(y) AS y, collect(DISTINCT id) AS parents
WHERE NOT y IN $reached
MATCH (node) WHERE elementId(node) = y
RETURN y, parents, COUNT { (node)--() } AS degree`;

/** The nodes and the relationships (passing the floor) between consecutive nodes of the routes. */
const ROUTE_ELEMENTS = `
CALL () {
  UNWIND $nodeIds AS id MATCH (n) WHERE elementId(n) = id RETURN collect(n) AS nodes
}
CALL () {
  UNWIND $steps AS step
  MATCH (a) WHERE elementId(a) = step[0]
  MATCH (b) WHERE elementId(b) = step[1]
  MATCH (a)-[r]-(b) WHERE $allowed IS NULL OR r.certainty IN $allowed
  RETURN collect(DISTINCT r) AS relationships
}
RETURN nodes, relationships`;

/** One side of the search: every node it reached, at which level, from which nodes of the level before. */
interface Side {
  parents: Map<string, string[]>;
  /** Each reached node's distance from the side's start. */
  depthOf: Map<string, number>;
  frontier: string[];
  /** Sum of the frontier's degrees: what expanding it costs. */
  frontierCost: number;
  depth: number;
}

function side(start: string, degree: number): Side {
  return { parents: new Map([[start, []]]), depthOf: new Map([[start, 0]]), frontier: [start], frontierCost: degree, depth: 0 };
}

/** Every route from the side's start to `node`, following parents (start first), up to `max` routes. */
function routesTo(sideOf: Side, node: string, max: number): string[][] {
  const parents = sideOf.parents.get(node) ?? [];
  if (parents.length === 0) return [[node]];
  const routes: string[][] = [];
  for (const parent of parents) {
    for (const route of routesTo(sideOf, parent, max - routes.length)) {
      routes.push([...route, node]);
      if (routes.length >= max) return routes;
    }
  }
  return routes;
}

export interface PathSearch {
  /** Routes as elementIds, from `from` to `to`, all of the shortest length found. */
  routes: string[][];
  /** Relationships expanded (sum of the degrees of the expanded nodes). */
  expanded: number;
  /** True when the budget stopped the search before it could rule out a path within maxLength. */
  stoppedEarly: boolean;
}

/**
 * The bidirectional search between two nodes (elementIds), at most `maxLength` relationships long,
 * expanding at most `budget` relationships. Routes: up to LIMITS.pathsMax, by their nodes.
 */
export async function searchPaths(
  db: Database,
  ends: { a: string; b: string; degreeA: number; degreeB: number },
  { maxLength, allowed, budget }: { maxLength: number; allowed: string[] | null; budget: number },
): Promise<PathSearch> {
  const fromA = side(ends.a, ends.degreeA);
  const fromB = side(ends.b, ends.degreeB);
  let expanded = 0;
  while (fromA.depth + fromB.depth < maxLength) {
    // Grow the side whose next level costs less; an exhausted side means there is no path at all.
    if (fromA.frontier.length === 0 || fromB.frontier.length === 0) return { routes: [], expanded, stoppedEarly: false };
    const [grow, other] = fromA.frontierCost <= fromB.frontierCost ? [fromA, fromB] : [fromB, fromA];
    if (expanded + grow.frontierCost > budget) return { routes: [], expanded, stoppedEarly: true };
    expanded += grow.frontierCost;
    const rows = await db.read(EXPAND_LEVEL, { frontier: grow.frontier, reached: [...grow.parents.keys()], allowed });
    grow.frontier = [];
    grow.frontierCost = 0;
    grow.depth += 1;
    let meeting: string[] = [];
    let nearest = Infinity;
    for (const row of rows) {
      const node = String(row.y);
      grow.parents.set(node, stringsOf(row.parents));
      grow.depthOf.set(node, grow.depth);
      grow.frontier.push(node);
      grow.frontierCost += Number(row.degree);
      // Met the other side: the shortest routes pass through the meeting nodes nearest to its start.
      const distance = other.depthOf.get(node);
      if (distance === undefined || distance > nearest) continue;
      if (distance < nearest) meeting = [];
      nearest = distance;
      meeting.push(node);
    }
    if (meeting.length > 0) {
      const routes: string[][] = [];
      for (const node of meeting.sort()) {
        for (const head of routesTo(fromA, node, LIMITS.pathsMax)) {
          for (const tail of routesTo(fromB, node, LIMITS.pathsMax)) {
            routes.push([...head, ...[...tail].reverse().slice(1)]);
            if (routes.length >= LIMITS.pathsMax) return { routes, expanded, stoppedEarly: false };
          }
        }
      }
      return { routes, expanded, stoppedEarly: false };
    }
  }
  return { routes: [], expanded, stoppedEarly: false };
}

/**
 * GET /api/paths: the shortest paths between two nodes named by id or elementId, as a graph plus `paths`
 * (transport ids, `from` first) and `searched` (relationships expanded, the budget, whether it stopped the
 * search). `budget`: relationships the search may expand (DEFAULT_PATH_BUDGET). Throws 404 NOT_FOUND for
 * an unknown end, 400 VALIDATION_FAILED for one node named twice or a maxLength outside 1..10.
 */
export async function shortestPaths(db: Database, query: PathQuery, budget = DEFAULT_PATH_BUDGET): Promise<PathsResponse> {
  if (!Number.isInteger(query.maxLength) || query.maxLength < 1 || query.maxLength > LIMITS.pathLengthMax) {
    throw new AppError('VALIDATION_FAILED', `maxLength must be an integer from 1 to ${LIMITS.pathLengthMax}.`);
  }
  const idLabels = await indexedIdLabels(db);
  const [ends] = await db.read(endpoints(idLabels), { from: query.from, to: query.to });
  // An end that no seek found may be named through an id index created since the labels were read:
  // findNode reads them afresh and looks once more.
  const end = async (id: string, found: DbValue | undefined, degree: DbValue | undefined) =>
    found instanceof DbNode
      ? { node: found, degree: Number(degree) }
      : findNode(db, id, async (key, labels) => {
          const [row] = await db.read(`${matchNodeById(labels)} RETURN n, COUNT { (n)--() } AS degree`, { id: key });
          return row?.n instanceof DbNode ? { node: row.n, degree: Number(row.degree) } : undefined;
        });
  const { node: a, degree: degreeA } = await end(query.from, ends?.a, ends?.degreeA);
  const { node: b, degree: degreeB } = await end(query.to, ends?.b, ends?.degreeB);
  if (a.elementId === b.elementId) {
    throw new AppError('VALIDATION_FAILED', 'Invalid query parameters: to: must name another node than from.', {
      details: { issues: [{ path: 'to', message: 'must name another node than from' }] },
    });
  }
  const allowed = certaintiesAtOrAbove(query.minCertainty);
  const search = await searchPaths(
    db,
    { a: a.elementId, b: b.elementId, degreeA, degreeB },
    { maxLength: query.maxLength, allowed, budget },
  );
  const searched = { expandedRelationships: search.expanded, budget, stoppedEarly: search.stoppedEarly };
  if (search.routes.length === 0) return { nodes: [], relationships: [], paths: [], searched };

  const steps = new Map<string, [string, string]>();
  for (const route of search.routes) {
    for (let i = 1; i < route.length; i++) {
      const pair: [string, string] = [route[i - 1] as string, route[i] as string].sort() as [string, string];
      steps.set(pair.join('\u0000'), pair);
    }
  }
  const [row] = await db.read(ROUTE_ELEMENTS, { nodeIds: [...new Set(search.routes.flat())], steps: [...steps.values()], allowed });
  const transportLabels = await idLabelSet(db); // after findNode, which may have read the labels afresh
  const collector = new GraphCollector({ idLabels: transportLabels }).add(row?.nodes).add(row?.relationships);
  const routeNodes = listOf(row?.nodes).filter((node) => node instanceof DbNode);
  const transport = new Map(routeNodes.map((node) => [node.elementId, nodeTransportId(node, transportLabels)]));
  const paths = search.routes.map((route) => route.map((elementId) => transport.get(elementId) ?? elementId));
  paths.sort((x, y) => x.join('\u0000').localeCompare(y.join('\u0000')));
  return { ...collector.toGraph(), paths, searched };
}
