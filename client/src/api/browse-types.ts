/**
 * The browse requests as the client builds them, derived from the contract's request schemas (so a field
 * the server does not read, or a certainty it does not know, fails to type-check here), and a node's
 * evidence as the panels read it. The answers' types are the contract's own (server/src/contract.ts).
 */
import type { GraphNode, GraphRelationship, NeighborsQuery, PathsQuery } from '../../../server/src/contract.ts';

/** Which neighbours an expansion asks for: `limit`, and any of the server's filters (none: no filter). */
export type NeighborQuery = Pick<NeighborsQuery, 'limit'> &
  Partial<Pick<NeighborsQuery, 'after' | 'minCertainty'>> & {
    types?: readonly string[];
    labels?: readonly string[];
  };

/** A paths request: both ends, and the server's defaults for the rest unless given. */
export type PathQuery = Pick<PathsQuery, 'from' | 'to'> & Partial<Pick<PathsQuery, 'maxLength' | 'minCertainty'>>;

/**
 * A node's evidence as the panels read it (from the contract's `EvidenceResponse`): the relationships
 * that touch it, those it made as a source, every node they name, and the source ids that name no node.
 */
export interface EvidenceAnswer {
  about: GraphRelationship[];
  made: GraphRelationship[];
  nodes: GraphNode[];
  missingSourceIds: string[];
  truncated: boolean;
}
