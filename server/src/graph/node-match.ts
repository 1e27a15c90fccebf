/**
 * Finding a node from the id a URL carries: its elementId, else its `id` property (string or integer), so
 * the API addresses seed nodes by `vladimir-putin` and nodes of any other graph by elementId.
 *
 * On a large graph a lookup by property must not scan every node: a single id is looked up by one seek per
 * label whose `id` is indexed plus one by elementId (`matchNodeById`, `nodeByIdSubquery`), and only when
 * those find nothing does `findNode` scan, in a second query, for a node whose `id` no index covers.
 * Lists of ids (`nodesByIdsSubquery`) scan in the same query, for the ids the seeks did not find.
 */
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { schemaFact } from './schema-cache.ts';
import { quoteName } from './search-index.ts';

const ID_LABELS = `
SHOW INDEXES YIELD entityType, type, labelsOrTypes, properties, state
WHERE entityType = 'NODE' AND type = 'RANGE' AND state = 'ONLINE' AND properties = ['id'] AND size(labelsOrTypes) = 1
RETURN labelsOrTypes[0] AS label ORDER BY label`;

/**
 * Labels whose `id` property has a range index (a uniqueness constraint brings one), read at most every
 * 30 s per database (schema-cache.ts). Without the right to list indexes the answer is empty: lookups
 * still work, by scan. A stale list only makes a lookup slower, never wrong.
 */
export const indexedIdLabels = schemaFact<readonly string[]>((db) =>
  db.read(ID_LABELS).then(
    (rows) => rows.map((row) => String(row.label)),
    () => [],
  ),
);

/** `node.id` names `key`: as a string, or an integer written in decimal. Seekable through an index on `id`. */
const ID_NAMES = (node: string, key: string) =>
  `${node}.id IN [${key}, toIntegerOrNull(${key})] AND (${node}.id = ${key} OR toString(${node}.id) = ${key})`;

/**
 * A `CALL` subquery yielding `n`, once each, for the nodes the ids in the list `ids` (a Cypher expression,
 * e.g. `$ids`) name; an id naming nothing adds no row. `idLabels`: from indexedIdLabels, written into the
 * query as quoted names.
 */
export function nodesByIdsSubquery(ids: string, idLabels: readonly string[]): string {
  const seeks = [
    `UNWIND ${ids} AS key MATCH (n) WHERE elementId(n) = key RETURN n`,
    ...idLabels.map((label) => `UNWIND ${ids} AS key MATCH (n:${quoteName(label)}) WHERE ${ID_NAMES('n', 'key')} RETURN n`),
  ];
  const foundBySeek = [
    'EXISTS { MATCH (m) WHERE elementId(m) = key }',
    ...idLabels.map((label) => `EXISTS { MATCH (m:${quoteName(label)}) WHERE ${ID_NAMES('m', 'key')} }`),
  ];
  // The scan runs only for the ids no seek found: a subquery that depends on them is planned as an Apply,
  // which runs it once per row of its input, and there is no row when nothing is missing.
  const scan = `WITH [key IN ${ids} WHERE NOT (${foundBySeek.join(' OR ')})] AS missing
  WHERE size(missing) > 0
  CALL (missing) {
    MATCH (n) WHERE n.id IN missing OR (n.id IS :: INTEGER AND toString(n.id) IN missing) RETURN n
  }
  RETURN n`;
  return `
CALL () {
  ${[...seeks, scan].join('\n  UNION\n  ')}
}`;
}

/**
 * A `CALL` subquery yielding `n`, the node(s) that the parameter `$<param>` names by elementId or by an
 * indexed `id`: index seeks only, so zero rows also when only an unindexed `id` names it (see `findNode`).
 */
export function nodeByIdSubquery(param: string, idLabels: readonly string[]): string {
  const seeks = [
    `MATCH (n) WHERE elementId(n) = $${param} RETURN n`,
    ...idLabels.map((label) => `MATCH (n:${quoteName(label)}) WHERE ${ID_NAMES('n', `$${param}`)} RETURN n`),
  ];
  return `
CALL () {
  ${seeks.join('\n  UNION\n  ')}
}`;
}

/** Binds `n` to the node `$id` names by elementId or an indexed `id` (index seeks only); no row when none. */
export function matchNodeById(idLabels: readonly string[]): string {
  return `${nodeByIdSubquery('id', idLabels)}
WITH n LIMIT 1`;
}

/** Runs one read query: `Database.read` or a transaction's `read`. */
export type ReadQuery = (cypher: string, params?: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

/** The elementId of a node whose `id` property (string, or integer in decimal) is `$id`, by a scan. */
const SCAN_FOR_ID = `MATCH (n) WHERE ${ID_NAMES('n', '$id')} RETURN elementId(n) AS elementId LIMIT 1`;

/**
 * Runs `attempt` with the id a request carries, which answers undefined when its query found no node (its
 * lookup is `matchNodeById`: seeks only). Then, and only then, scans for a node whose `id` no index covers,
 * and attempts again with that node's elementId. Throws 404 NOT_FOUND when no node has the id.
 */
export async function findNode<T>(read: ReadQuery, id: string, attempt: (key: string) => Promise<T | undefined>): Promise<T> {
  const found = await attempt(id);
  if (found !== undefined) return found;
  const [row] = await read(SCAN_FOR_ID, { id });
  if (typeof row?.elementId === 'string' && row.elementId !== id) {
    const again = await attempt(row.elementId);
    if (again !== undefined) return again;
  }
  throw notFound(id);
}

export function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No node with id "${id}".`, { details: { id } });
}
