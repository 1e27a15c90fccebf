/**
 * Client-side names for the browse endpoints' shapes. The response types come from the shared contract
 * (server/src/contract.ts); the request shapes and the evidence as the panels read it are defined here.
 */
import type {
  GraphNode,
  GraphRelationship,
  NameCount,
  NeighborsResponse,
  PathsResponse,
  SchemaResponse,
  SearchResult,
  SearchSnippet,
  SourceText,
} from '../../../server/src/contract.ts';

export type { NameCount, SearchSnippet, SourceText };
export type RichSearchResult = SearchResult;
export type NeighborsAnswer = NeighborsResponse;
export type PathsAnswer = PathsResponse;
export type SchemaAnswer = SchemaResponse;

/** Which neighbours an expansion asks for. */
export interface NeighborQuery {
  limit: number;
  /** A previous answer's `next`: the page after it. */
  after?: string;
  types?: readonly string[];
  labels?: readonly string[];
  minCertainty?: string;
}

export interface PathQuery {
  from: string;
  to: string;
  maxLength?: number;
  minCertainty?: string;
}

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
