/**
 * Finding a node from the id a URL carries: its elementId, else its `id` property (string or integer)
 * through a label whose `id` is indexed, so the API addresses seed nodes by `vladimir-putin` and nodes of
 * any other graph by elementId (DESIGN.md's id rule; the graph transport follows it, values.ts).
 *
 * No lookup scans the graph: an id is looked up by one seek per label whose `id` is indexed plus one by
 * elementId (`matchNodeById`, `nodeByIdSubquery`, `nodesByIdsSubquery`); an id none of them finds is a 404,
 * once the labels have been read afresh (`findNode`, `withIdLabels`).
 */
import type { Database } from '../db/database.ts';
import type { IdLabels } from '../db/values.ts';
import { AppError } from '../errors.ts';
import { schemaFact } from './schema-cache.ts';
import { quoteName } from './search-index.ts';

const ID_LABELS = `
SHOW INDEXES YIELD entityType, type, labelsOrTypes, properties, state
WHERE entityType = 'NODE' AND type = 'RANGE' AND state = 'ONLINE' AND properties = ['id'] AND size(labelsOrTypes) = 1
RETURN labelsOrTypes[0] AS label ORDER BY label`;

/**
 * Labels whose `id` property has a range index (a uniqueness constraint brings one), read at most every
 * 30 s per database (schema-cache.ts). Without the right to list indexes the answer is empty: every node
 * then travels by its elementId. A database that cannot be reached (503) or answer in time (408) is not
 * such a refusal: that error is thrown, and nothing is kept, so the labels are read again once it is back
 * (an outage kept `[]` for 30 s, and nodes travelled by elementId after it).
 */
export const indexedIdLabels = schemaFact<readonly string[]>((db) =>
  db.read(ID_LABELS).then(
    (rows) => rows.map((row) => String(row.label)),
    (error: unknown) => {
      if (error instanceof AppError && (error.code === 'DB_UNAVAILABLE' || error.code === 'QUERY_TIMEOUT')) throw error;
      return [];
    },
  ),
);

/** `node.id` names `key`: as a string, or an integer written in decimal. Seekable through an index on `id`. */
const ID_NAMES = (node: string, key: string) =>
  `${node}.id IN [${key}, toIntegerOrNull(${key})] AND (${node}.id = ${key} OR toString(${node}.id) = ${key})`;

/**
 * A seek on the label's `id` index, whatever the statistics say: on a small label Neo4j's planner may
 * prefer scanning the index, and keeps that plan cached after the label has grown.
 */
const SEEK = (label: string) => `USING INDEX SEEK n:${quoteName(label)}(id)`;

/**
 * A `CALL` subquery yielding `n`, once each, for the nodes the ids in the list `ids` (a Cypher expression,
 * e.g. `$ids`) name; an id naming nothing adds no row. `idLabels`: from indexedIdLabels, written into the
 * query as quoted names.
 */
export function nodesByIdsSubquery(ids: string, idLabels: readonly string[]): string {
  const seeks = [
    `UNWIND ${ids} AS key MATCH (n) WHERE elementId(n) = key RETURN n`,
    ...idLabels.map((label) => `UNWIND ${ids} AS key MATCH (n:${quoteName(label)}) ${SEEK(label)} WHERE ${ID_NAMES('n', 'key')} RETURN n`),
  ];
  return `
CALL () {
  ${seeks.join('\n  UNION\n  ')}
}`;
}

/**
 * A `CALL` subquery yielding `n`, the node(s) that the parameter `$<param>` names by elementId or by an
 * indexed `id`: index seeks only: a node whose `id` no index covers is addressed by its elementId.
 */
export function nodeByIdSubquery(param: string, idLabels: readonly string[]): string {
  const seeks = [
    `MATCH (n) WHERE elementId(n) = $${param} RETURN n`,
    ...idLabels.map((label) => `MATCH (n:${quoteName(label)}) ${SEEK(label)} WHERE ${ID_NAMES('n', `$${param}`)} RETURN n`),
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

/**
 * Runs `attempt` with the labels whose `id` is indexed as last read (indexedIdLabels, trusted for 30 s);
 * when its answer is not `complete` (an id it did not find), reads the labels afresh and, if they changed
 * (an id constraint created or dropped since), runs it once more with them. So a stale reading of the
 * schema costs a second query, never a wrong 404 (schema-cache.ts's rule). Answers the last attempt's.
 */
export async function withIdLabels<T>(
  db: Database,
  attempt: (idLabels: readonly string[]) => Promise<T>,
  complete: (answer: T) => boolean,
): Promise<T> {
  const read = await indexedIdLabels(db);
  const answer = await attempt(read);
  if (complete(answer)) return answer;
  const fresh = await indexedIdLabels(db, { fresh: true });
  return sameLabels(read, fresh) ? answer : attempt(fresh);
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i]);
}

/**
 * Runs `attempt` with the id a request carries and the labels whose `id` is indexed (for `matchNodeById`
 * and the other lookups here: index seeks only); `attempt` answers undefined when its query found no node.
 * Throws 404 NOT_FOUND then: an id that names no node by elementId or through an indexed label names none
 * the API addresses (DESIGN.md's id rule), and finding that out costs the seeks, never a scan. Labels read
 * before an id index was created are read again before answering 404 (withIdLabels).
 */
export async function findNode<T>(
  db: Database,
  id: string,
  attempt: (key: string, idLabels: readonly string[]) => Promise<T | undefined>,
): Promise<T> {
  const found = await withIdLabels(db, (idLabels) => attempt(id, idLabels), (answer) => answer !== undefined);
  if (found === undefined) throw notFound(id);
  return found;
}

/** The labels whose `id` is indexed, as a set for the graph transport (values.ts's IdLabels). */
export async function idLabelSet(db: Database): Promise<IdLabels> {
  return new Set(await indexedIdLabels(db));
}

export function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No node with id "${id}".`, { details: { id } });
}
