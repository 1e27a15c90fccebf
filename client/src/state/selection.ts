/**
 * What the side panel shows: one node or one relationship, by transport id, or nothing.
 */
export type Selection = { kind: 'node'; id: string } | { kind: 'relationship'; id: string } | null;

/** A request to centre the view on a node; `seq` makes asking twice for the same node count. */
export interface FocusRequest {
  id: string;
  seq: number;
}
