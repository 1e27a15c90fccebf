/**
 * The one mapping boundary between neo4j-driver values and the API's JSON.
 *
 * - Integer → number when it is a safe integer, else its exact decimal string (BigInt too).
 * - Temporal values, durations and points → tagged objects such as `{"$type":"Date","value":"2024-06-19"}`
 *   and `{"$type":"Point","srid":4326,"x":30.1,"y":48.0}`, so their type survives the trip.
 * - Byte arrays → `{"$type":"Bytes","base64":"…"}`.
 * - Node / Relationship / Path → the graph transport (`GraphNode`, `GraphRelationship`) or
 *   `{"$type":"Path",…}`; `GraphCollector` (graph-collector.ts) gathers them from any value into a `Graph`.
 * - Property values with their Neo4j types, for exports: property-values.ts.
 * - The other way, JSON request parameters → Cypher parameters (`paramsFromJson`).
 */
import neo4j, { type Integer, type Node as NeoNode, type Path as NeoPath, type Point, type Relationship as NeoRelationship } from 'neo4j-driver';
import type { Graph, GraphNode, GraphRelationship, JsonValue } from '../contract.ts';

/** Exact integers beyond ±2^53 travel as strings. */
export function integerToJson(value: Integer | bigint): number | string {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isNode(value: unknown): value is NeoNode {
  return isObject(value) && neo4j.isNode(value);
}
export function isRelationship(value: unknown): value is NeoRelationship {
  return isObject(value) && neo4j.isRelationship(value);
}
export function isPath(value: unknown): value is NeoPath {
  return isObject(value) && neo4j.isPath(value);
}

function temporalToJson(value: unknown): JsonValue | undefined {
  const tag = (type: string): JsonValue => ({ $type: type, value: String(value) });
  if (neo4j.isDate(value)) return tag('Date');
  if (neo4j.isDateTime(value)) return tag('DateTime');
  if (neo4j.isLocalDateTime(value)) return tag('LocalDateTime');
  if (neo4j.isLocalTime(value)) return tag('LocalTime');
  if (neo4j.isTime(value)) return tag('Time');
  if (neo4j.isDuration(value)) return tag('Duration');
  if (neo4j.isPoint(value)) {
    const point = value as Point;
    const json: { [key: string]: JsonValue } = { $type: 'Point', srid: integerToJson(neo4j.int(point.srid)), x: point.x, y: point.y };
    if (point.z !== undefined) json.z = point.z;
    return json;
  }
  return undefined;
}

/**
 * Converts any value the driver returns into JSON, losslessly. Nodes get their transport id by `idLabels`
 * (none given: every node by elementId); GraphCollector.addJson is the way for query results.
 */
export function toJson(value: unknown, idLabels: IdLabels = NO_ID_LABELS): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $type: 'Float', value: String(value) };
  if (typeof value === 'bigint') return integerToJson(value);
  if (neo4j.isInt(value)) return integerToJson(value);
  if (value instanceof Uint8Array) return { $type: 'Bytes', base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map((item) => toJson(item, idLabels));
  if (isNode(value)) return toGraphNode(value, idLabels) as unknown as JsonValue;
  if (isRelationship(value)) return relationshipToJson(value);
  if (isPath(value)) {
    return {
      $type: 'Path',
      start: toJson(value.start, idLabels),
      end: toJson(value.end, idLabels),
      segments: value.segments.map((s) => ({ start: toJson(s.start, idLabels), relationship: toJson(s.relationship), end: toJson(s.end, idLabels) })),
    };
  }
  const temporal = temporalToJson(value);
  if (temporal !== undefined) return temporal;
  if (isObject(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = toJson(item, idLabels);
    return out;
  }
  return String(value);
}

/** A relationship in a row: `{$type: 'Relationship', …}`, with its properties converted (or given, already converted). */
export function relationshipToJson(value: NeoRelationship, properties = propertiesToJson(value.properties)): JsonValue {
  return {
    $type: 'Relationship',
    elementId: value.elementId,
    type: value.type,
    startElementId: value.startNodeElementId,
    endElementId: value.endNodeElementId,
    properties,
  };
}

/**
 * Converts JSON parameter values (from an API request) into Cypher parameters: integral numbers become
 * Cypher INTEGER (so `LIMIT $n` and integer properties compare as users expect), other numbers FLOAT;
 * lists and maps are converted item by item.
 */
export function paramsFromJson(params: Record<string, unknown>): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item)]));
    return value;
  };
  return convert(params) as Record<string, unknown>;
}

export function propertiesToJson(properties: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = toJson(value);
  return out;
}

/**
 * Labels whose `id` property a range index or uniqueness constraint covers (graph/node-match.ts's
 * `indexedIdLabels`): a node carrying one of them is addressed by its `id`, since looking that up is one
 * index seek; any other node by its elementId (DESIGN.md's id rule), so no lookup ever scans the graph.
 */
export type IdLabels = ReadonlySet<string>;

const NO_ID_LABELS: IdLabels = new Set();

/** The `id` property where it is a non-empty string or an integer (in decimal), else `elementId`. */
export function transportId(elementId: string, properties: Record<string, unknown>): string {
  const id = properties.id;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  if (typeof id === 'bigint' || neo4j.isInt(id)) return String(integerToJson(id));
  return elementId;
}

/** A node's transport id: its `id` (transportId) when one of its labels is in `idLabels`, else its elementId. */
export function nodeTransportId(node: NeoNode, idLabels: IdLabels): string {
  return node.labels.some((label) => idLabels.has(label)) ? transportId(node.elementId, node.properties) : node.elementId;
}

export function toGraphNode(node: NeoNode, idLabels: IdLabels): GraphNode {
  return {
    id: nodeTransportId(node, idLabels),
    elementId: node.elementId,
    labels: [...node.labels],
    properties: propertiesToJson(node.properties),
  };
}
