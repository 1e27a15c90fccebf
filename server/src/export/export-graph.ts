/**
 * What an exporter sees: the export's metadata and schema, decided before the first byte is written, and
 * its nodes, then its relationships, streamed once each from the read transaction. Values keep their Neo4j
 * types (`PropertyValue`); nothing here is a driver object.
 */
import type { ExportFormatName, ExportMeta } from '../contract.ts';
import type { PropertyValue } from '../db/property-values.ts';

export interface ExportedNode {
  /** The transport id: the `id` property where an index on one of its labels covers it (values.ts's IdLabels), else the elementId. */
  id: string;
  elementId: string;
  labels: readonly string[];
  properties: Readonly<Record<string, PropertyValue>>;
}

export interface ExportedRelationship {
  /** The transport id, as for nodes. */
  id: string;
  elementId: string;
  type: string;
  /** Transport ids of the start and end nodes. */
  source: string;
  target: string;
  sourceElementId: string;
  targetElementId: string;
  properties: Readonly<Record<string, PropertyValue>>;
}

/** A property key and every Cypher type its values have in the export (`INTEGER`, `LIST<STRING>`, …). */
export interface PropertyKeyTypes {
  key: string;
  types: string[];
}

/** A constraint of the exported database on a label or type of the export, for the Cypher script. */
export interface ExportConstraint {
  name: string;
  kind: 'UNIQUE' | 'KEY' | 'NOT_NULL';
  entity: 'NODE' | 'RELATIONSHIP';
  labelOrType: string;
  properties: string[];
}

export interface ExportSchema {
  /** Sorted. */
  labels: string[];
  relationshipTypes: string[];
  /** Sorted by key; empty unless the format asks for them (ExportFormat.propertyKeys). */
  nodeProperties: PropertyKeyTypes[];
  relationshipProperties: PropertyKeyTypes[];
  constraints: ExportConstraint[];
}

export interface ExportGraph {
  meta: ExportMeta;
  schema: ExportSchema;
  /** Each node once, in no particular order. Iterate it completely before `relationships()`. */
  nodes(): AsyncIterable<ExportedNode>;
  /** Each relationship once, in no particular order; both ends are among `nodes()`. */
  relationships(): AsyncIterable<ExportedRelationship>;
}

/** One export format: registered in export-formats.ts. */
export interface ExportFormat {
  name: ExportFormatName;
  /** The download's Content-Type. */
  contentType: string;
  /** The file name's extension, without the dot. */
  extension: string;
  /**
   * Whether `write` reads `schema.nodeProperties` / `relationshipProperties`: the plan then reads every
   * property of the export once more before the first byte (export-plan.ts); without, those lists are empty.
   */
  propertyKeys: boolean;
  /**
   * The file, chunk by chunk, written while the graph streams: nothing may hold more than a bounded part
   * of it. A chunk is UTF-8 text or bytes.
   */
  write(graph: ExportGraph): AsyncIterable<string | Uint8Array>;
}
