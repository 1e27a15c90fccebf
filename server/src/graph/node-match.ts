/**
 * Finding a node from the id a URL carries: its elementId, else its `id` property (string or integer), so
 * the API addresses seed nodes by `vladimir-putin` and nodes of any other graph by elementId.
 */
import { AppError } from '../errors.ts';

/** A `CALL` subquery yielding `n`, the node(s) the parameter `$<param>` names (zero rows when none). */
export function nodeByIdSubquery(param: string): string {
  return `
CALL () {
  MATCH (n) WHERE elementId(n) = $${param} RETURN n
  UNION
  MATCH (n) WHERE n.id = $${param} OR (n.id IS :: INTEGER AND toString(n.id) = $${param}) RETURN n
}`;
}

/** Binds `n` to the node `$id` names; no row when there is none. */
export const MATCH_NODE_BY_ID = `${nodeByIdSubquery('id')}
WITH n LIMIT 1`;

export function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No node with id "${id}".`, { details: { id } });
}
