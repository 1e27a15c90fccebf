/**
 * What an export holds, as Cypher: a scope (a selection, a neighbourhood or a read-only query) becomes a
 * pair of queries that bind each node of the export once (`n`) and each relationship once (`r`, from `a`
 * to `b`). User input reaches them only as parameters: labels and types after the schema check, the
 * depth as a validated integer 1..3, a user's query only after the Cypher workbench's guard.
 */
import { EXPORT_LIMITS, type Certainty, type ExportScope } from '../contract.ts';
import type { CypherService } from '../cypher/cypher-service.ts';
import type { Database, Params, UserReadTransaction } from '../db/database.ts';
import { visitGraphElements } from '../db/graph-collector.ts';
import { AppError } from '../errors.ts';
import { certaintiesAtOrAbove } from '../graph/certainty-floor.ts';
import { findNode, matchNodeById, nodesByIdsSubquery, withIdLabels } from '../graph/node-match.ts';
import { assertKnownNames } from '../graph/schema-query.ts';
import { quoteName } from '../graph/search-index.ts';
import { scanCypher } from '../cypher/cypher-text.ts';
import type { ExportLimits } from './export-limits.ts';

export interface ScopeQueries {
  /** Binds `n` to every node of the export, once each. */
  nodes: string;
  /** Binds `r` to every relationship of the export, once each, with `a` its start and `b` its end node. */
  relationships: string;
  params: Params;
  /**
   * How the explorer's own parameters of later queries start (`${internal}limit`): a prefix none of
   * `params` starts with, so a user's parameter is never overridden.
   */
  internal: string;
  /** Whether the queries hold the user's own query: its errors are then the user's (422 CYPHER_FAILED, …). */
  fromUser: boolean;
  /**
   * Where `nodes` may bind `n` to null for values it could not see into (a user's query whose rows nest
   * elements deeper than the wrapper looks): queries that gather the elements another way.
   */
  gatherInExplorer?: (tx: UserReadTransaction) => Promise<ScopeQueries>;
}

/** A scope checked outside the export's transaction; `resolve` turns it into queries inside it. */
export interface PreparedScope {
  resolve(tx: UserReadTransaction): Promise<ScopeQueries>;
}

/** How many ids a "not found" answer lists at most. */
const MISSING_IDS_SHOWN = 20;

/** The id property as the transport id reads it: a string, or an integer as its decimal text. */
const ID_TEXT = (v: string) => `CASE WHEN ${v}.id IS :: STRING THEN ${v}.id WHEN ${v}.id IS :: INTEGER THEN toString(${v}.id) END`;

/** The relationships among the nodes of `nodes` (which binds `n`), each found once from its start node. */
function relationshipsAmong(nodes: string, filter = 'true'): string {
  return `${nodes}
WITH collect(n) AS nodes
UNWIND nodes AS a
MATCH (a)-[r]->(b) WHERE b IN nodes AND ${filter}`;
}

/** Ids (transport ids: the `id` property, else the elementId) of `ids` that no element bound to `v` carries. */
const missingOf = (v: string, ids: string) => `WITH collect(elementId(${v})) + collect(${ID_TEXT(v)}) AS found
RETURN [id IN ${ids} WHERE NOT id IN found] AS missing`;

/** The ids a `missingOf` query answered. */
const missingIn = (rows: Array<Record<string, unknown>>): string[] => (Array.isArray(rows[0]?.missing) ? (rows[0].missing as string[]) : []);

/** 404 NOT_FOUND naming the first of `missing` ("node" or "relationship" ids), when there are any. */
function assertNoneMissing(rows: Array<Record<string, unknown>>, what: 'node' | 'relationship', where = ''): void {
  const missing = missingIn(rows);
  if (missing.length === 0) return;
  throw new AppError('NOT_FOUND', `No ${what} with id "${missing[0]}"${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}${where}.`, {
    details: { missing: missing.slice(0, MISSING_IDS_SHOWN) },
  });
}

/**
 * The nodes `ids` and the relationships among them: all, or only `relationshipIds` (matched by transport id;
 * Neo4j checks a list of 128 or more in a hash set, so the filter costs no more than the walk).
 */
function selection(db: Database, ids: readonly string[], relationshipIds: readonly string[] | undefined): PreparedScope {
  const onlyListed = `(elementId(r) IN $relationshipIds OR ${ID_TEXT('r')} IN $relationshipIds)`;
  const params = relationshipIds === undefined ? { ids } : { ids, relationshipIds };
  return {
    async resolve(tx) {
      const { nodes, rows: found } = await withIdLabels(
        db,
        async (idLabels) => {
          const nodes = nodesByIdsSubquery('$ids', idLabels);
          return { nodes, rows: await tx.read(`${nodes}\n${missingOf('n', '$ids')}`, { ids }) };
        },
        ({ rows }) => missingIn(rows).length === 0,
      );
      assertNoneMissing(found, 'node');
      const relationships = relationshipIds === undefined ? relationshipsAmong(nodes) : relationshipsAmong(nodes, onlyListed);
      if (relationshipIds !== undefined && relationshipIds.length > 0) {
        const rows = await tx.read(`${relationships}\n${missingOf('r', '$relationshipIds')}`, params);
        assertNoneMissing(rows, 'relationship', ' between the exported nodes');
      }
      return { nodes, relationships, params, internal: INTERNAL, fromUser: false };
    },
  };
}

interface NeighbourhoodScope {
  around: string;
  depth: number;
  types?: string[] | undefined;
  labels?: string[] | undefined;
  minCertainty?: Certainty | undefined;
}

/** A relationship `r` that passes the type and certainty filters ($types, $allowed: null for no filter). */
const RELATIONSHIP_PASSES = (r: string) => `($types IS NULL OR type(${r}) IN $types) AND ($allowed IS NULL OR ${r}.certainty IN $allowed)`;

async function neighbourhood(db: Database, scope: NeighbourhoodScope): Promise<PreparedScope> {
  const types = scope.types ?? [];
  const labels = scope.labels ?? [];
  await assertKnownNames(db, { labels, types });
  const depth = scope.depth;
  if (!Number.isInteger(depth) || depth < 1 || depth > EXPORT_LIMITS.depthMax) {
    throw new AppError('VALIDATION_FAILED', `Invalid export request: scope.depth: must be an integer from 1 to ${EXPORT_LIMITS.depthMax}.`);
  }
  // Written as one variable-length pattern with predicates on every relationship and node of the path, so
  // Neo4j plans a pruning breadth-first expansion: each node is reached once, whatever the graph's density.
  const nodes = `MATCH (root) WHERE elementId(root) = $root
MATCH p = (root)-[rs*0..${depth}]-(n)
WHERE all(r IN rs WHERE ${RELATIONSHIP_PASSES('r')})
  AND all(x IN nodes(p) WHERE x = root OR $labels IS NULL OR any(label IN labels(x) WHERE label IN $labels))
WITH DISTINCT n`;
  return {
    async resolve(tx) {
      const root = await findNode(
        db,
        scope.around,
        async (key, idLabels) => (await tx.read(`${matchNodeById(idLabels)} RETURN elementId(n) AS root`, { id: key }))[0]?.root as string | undefined,
      );
      return {
        nodes,
        relationships: relationshipsAmong(nodes, RELATIONSHIP_PASSES('r')),
        params: {
          root,
          types: types.length > 0 ? types : null,
          labels: labels.length > 0 ? labels : null,
          allowed: certaintiesAtOrAbove(scope.minCertainty),
        },
        internal: INTERNAL,
        fromUser: false,
      };
    },
  };
}

/** Names of the wrapper's own variables: a user's column that starts so makes the export fall back. */
const WRAPPER_PREFIX = '__kgx_';

/** The level of lists and maps the Cypher wrapper looks into: a column's items (each further level costs ~30 %). */
const UNWRAP = (from: string, to: string) =>
  `UNWIND CASE WHEN ${from} IS :: LIST<ANY> THEN ${from} WHEN ${from} IS :: MAP THEN [k IN keys(${from}) | ${from}[k]] ELSE [${from}] END AS ${to}`;

/**
 * The user's query wrapped so that Neo4j itself lists the nodes and relationships its rows hold (in
 * columns, in lists and maps in columns, and in paths), each once. A list or map nested in another
 * binds `n` to null: the plan counts those and the export then falls back to gathering the elements in the
 * explorer (`gatherInExplorer`), which sees into any depth.
 *
 * The `{}` appended to the columns and sliced off again widens their static type for Neo4j's semantic
 * check: without it, `keys(x)` on a column Neo4j knows to be a path is refused before the query runs.
 */
function wrappedQueries(query: string, columns: readonly string[]): { nodes: string; relationships: string } {
  const v = (level: number) => `${WRAPPER_PREFIX}${level}`;
  const values = `CALL () {
${query}
}
UNWIND [${columns.map(quoteName).join(', ')}, {}][..-1] AS ${v(1)}
WITH ${v(1)}
${UNWRAP(v(1), v(2))}`;
  const x = v(2);
  return {
    nodes: `${values}
UNWIND CASE WHEN ${x} IS :: NODE THEN [${x}] WHEN ${x} IS :: RELATIONSHIP THEN [startNode(${x}), endNode(${x})] WHEN ${x} IS :: PATH THEN nodes(${x})
  WHEN ${x} IS :: LIST<ANY> OR ${x} IS :: MAP THEN [null] ELSE [] END AS n
WITH DISTINCT n`,
    relationships: `${values}
UNWIND CASE WHEN ${x} IS :: RELATIONSHIP THEN [${x}] WHEN ${x} IS :: PATH THEN relationships(${x}) ELSE [] END AS r
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b`,
  };
}

/**
 * The element ids of a query's rows, gathered in the explorer: every row is read once (ids only are kept,
 * never more than the caps allow, so a query that returns too much is refused with 413 before anything
 * is written). Slower than the wrapper (every value crosses the wire), but it sees into any value.
 */
async function gatherInExplorer(tx: UserReadTransaction, limits: ExportLimits, query: string, params: Params): Promise<ScopeQueries> {
  const nodeIds = new Set<string>();
  const relationshipIds = new Set<string>();
  let over = false;
  await tx.stream(query, params, (row) => {
    for (const value of Object.values(row)) {
      visitGraphElements(value, {
        node: (id) => nodeIds.add(id),
        relationship: (id, start, end) => {
          relationshipIds.add(id);
          nodeIds.add(start).add(end);
        },
      });
    }
    over = nodeIds.size > limits.maxNodes || relationshipIds.size > limits.maxRelationships;
    return !over;
  });
  if (over) throw tooLarge(limits, { nodes: nodeIds.size, relationships: relationshipIds.size }, true);
  return {
    nodes: 'UNWIND $nodeIds AS id MATCH (n) WHERE elementId(n) = id',
    relationships: 'UNWIND $relationshipIds AS id MATCH (a)-[r]->(b) WHERE elementId(r) = id',
    params: { nodeIds: [...nodeIds], relationshipIds: [...relationshipIds] },
    internal: INTERNAL,
    fromUser: false,
  };
}

/** The prefix of the explorer's own parameter names, where no user parameter can clash. */
const INTERNAL = '__kgx_';

/** `__kgx_`, or `__kgx1_`, `__kgx2_`, … when a parameter of `params` starts with it. */
function internalPrefix(params: Params): string {
  const names = Object.keys(params);
  let prefix = INTERNAL;
  for (let i = 1; names.some((name) => name.startsWith(prefix)); i++) prefix = `__kgx${i}_`;
  return prefix;
}

/**
 * A read-only query: the workbench's guard judges it first (403 for a write, 400 for bad Cypher). It is
 * then wrapped (`wrappedQueries`) so that Neo4j lists its nodes and relationships without sending them
 * here first. The wrapped queries run the user's query once per pass (plan, nodes, relationships), so
 * they must give the same rows each time: a query that calls `rand()` or `randomUUID()` is read once
 * instead, its elements gathered in the explorer, as is one Neo4j cannot plan wrapped (a standalone
 * procedure call, a `USE` clause, …) or whose rows nest elements deeper than the wrapper looks. (The
 * export also checks, as it streams, that every relationship's ends were exported.)
 */
async function userQuery(db: Database, cypher: CypherService, limits: ExportLimits, query: string, params: Record<string, unknown>): Promise<PreparedScope> {
  const guarded = await cypher.guard(query, params);
  if (guarded.mode !== 'run') {
    throw new AppError('VALIDATION_FAILED', 'Invalid export request: scope.query: EXPLAIN and PROFILE give a plan, not a graph to export.', {
      details: { issues: [{ path: 'scope.query', message: 'must not start with EXPLAIN or PROFILE' }] },
    });
  }
  const columns = guarded.explain.columns;
  let wrapped: { nodes: string; relationships: string } | undefined;
  const wrappable = columns.length > 0 && !columns.some((column) => column.startsWith(WRAPPER_PREFIX)) && !scanCypher(guarded.query).callsRandom;
  if (wrappable) {
    wrapped = wrappedQueries(guarded.query, columns);
    const plannable = await Promise.all(
      [wrapped.nodes, wrapped.relationships].map((body) =>
        db.userRead((tx) => tx.read(`EXPLAIN ${body} RETURN count(*)`, guarded.params), { timeoutMs: limits.timeoutMs, fetchSize: 1 }).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (!plannable.every(Boolean)) wrapped = undefined;
  }
  const gather = (tx: UserReadTransaction) => gatherInExplorer(tx, limits, guarded.query, guarded.params);
  return {
    async resolve(tx) {
      if (!wrapped) return gather(tx);
      return { ...wrapped, params: guarded.params, internal: internalPrefix(guarded.params), fromUser: true, gatherInExplorer: gather };
    },
  };
}

/** Checks a scope outside the export's transaction: names against the schema, a query against the guard. */
export function prepareScope(scope: ExportScope, deps: { db: Database; cypher: CypherService; limits: ExportLimits }): Promise<PreparedScope> {
  if ('nodeIds' in scope) {
    const relationshipIds = scope.relationshipIds && [...new Set(scope.relationshipIds)];
    return Promise.resolve(selection(deps.db, [...new Set(scope.nodeIds)], relationshipIds));
  }
  if ('around' in scope) return neighbourhood(deps.db, scope);
  return userQuery(deps.db, deps.cypher, deps.limits, scope.query, scope.params ?? {});
}

/**
 * 413 EXPORT_TOO_LARGE: the export would hold more than the caps allow. `atLeast` says the counts stopped
 * at the cap (a query is not read further than that).
 */
export function tooLarge(limits: ExportLimits, counts: { nodes: number; relationships: number }, atLeast = false): AppError {
  const what =
    counts.nodes > limits.maxNodes
      ? `${atLeast ? 'more than ' : ''}${atLeast ? limits.maxNodes : counts.nodes} nodes (at most ${limits.maxNodes})`
      : `${atLeast ? 'more than ' : ''}${atLeast ? limits.maxRelationships : counts.relationships} relationships (at most ${limits.maxRelationships})`;
  return new AppError('EXPORT_TOO_LARGE', `This export would hold ${what}. Export a smaller selection, neighbourhood or query.`, {
    details: {
      nodes: counts.nodes,
      relationships: counts.relationships,
      maxNodes: limits.maxNodes,
      maxRelationships: limits.maxRelationships,
      ...(atLeast ? { countStoppedAtCap: true } : {}),
    },
  });
}
