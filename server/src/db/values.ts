/**
 * The one mapping boundary between neo4j-driver values and the API's JSON.
 *
 * - Integer → number when it is a safe integer, else its exact decimal string (BigInt too).
 * - Temporal values, durations and points → tagged objects such as `{"$type":"Date","value":"2024-06-19"}`
 *   and `{"$type":"Point","srid":4326,"x":30.1,"y":48.0}`, so their type survives the trip.
 * - Byte arrays → `{"$type":"Bytes","base64":"…"}`.
 * - Node / Relationship / Path → the graph transport (`GraphNode`, `GraphRelationship`) or
 *   `{"$type":"Path",…}`; `GraphCollector` gathers them from any value into a `Graph`.
 */
import neo4j, { type Integer, type Node as NeoNode, type Path as NeoPath, type Point, type Relationship as NeoRelationship } from 'neo4j-driver';
import type { Graph, GraphNode, GraphRelationship, JsonValue } from '../contract.ts';

/** Exact integers beyond ±2^53 travel as strings. */
function integerToJson(value: Integer | bigint): number | string {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isNode(value: unknown): value is NeoNode {
  return isObject(value) && neo4j.isNode(value as never);
}
export function isRelationship(value: unknown): value is NeoRelationship {
  return isObject(value) && neo4j.isRelationship(value as never);
}
export function isPath(value: unknown): value is NeoPath {
  return isObject(value) && neo4j.isPath(value as never);
}

function temporalToJson(value: unknown): JsonValue | undefined {
  const v = value as never;
  const tag = (type: string): JsonValue => ({ $type: type, value: String(value) });
  if (neo4j.isDate(v)) return tag('Date');
  if (neo4j.isDateTime(v)) return tag('DateTime');
  if (neo4j.isLocalDateTime(v)) return tag('LocalDateTime');
  if (neo4j.isLocalTime(v)) return tag('LocalTime');
  if (neo4j.isTime(v)) return tag('Time');
  if (neo4j.isDuration(v)) return tag('Duration');
  if (neo4j.isPoint(v)) {
    const point = value as Point;
    const json: { [key: string]: JsonValue } = { $type: 'Point', srid: integerToJson(neo4j.int(point.srid)), x: point.x, y: point.y };
    if (point.z !== undefined) json.z = point.z;
    return json;
  }
  return undefined;
}

/** Converts any value the driver returns into JSON, losslessly. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $type: 'Float', value: String(value) };
  if (typeof value === 'bigint') return integerToJson(value);
  if (neo4j.isInt(value as never)) return integerToJson(value as Integer);
  if (value instanceof Uint8Array) return { $type: 'Bytes', base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toJson);
  if (isNode(value)) return toGraphNode(value) as unknown as JsonValue;
  if (isRelationship(value)) {
    return {
      $type: 'Relationship',
      elementId: value.elementId,
      type: value.type,
      startElementId: value.startNodeElementId,
      endElementId: value.endNodeElementId,
      properties: propertiesToJson(value.properties),
    };
  }
  if (isPath(value)) {
    return {
      $type: 'Path',
      start: toJson(value.start),
      end: toJson(value.end),
      segments: value.segments.map((s) => ({ start: toJson(s.start), relationship: toJson(s.relationship), end: toJson(s.end) })),
    };
  }
  const temporal = temporalToJson(value);
  if (temporal !== undefined) return temporal;
  if (isObject(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = toJson(item);
    return out;
  }
  return String(value);
}

export function propertiesToJson(properties: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = toJson(value);
  return out;
}

/** The transport id: the `id` property where it is a string or integer, else the elementId. */
export function transportId(elementId: string, properties: Record<string, unknown>): string {
  const id = properties.id;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  if (typeof id === 'bigint' || neo4j.isInt(id as never)) return String(integerToJson(id as Integer));
  return elementId;
}

export function toGraphNode(node: NeoNode): GraphNode {
  return {
    id: transportId(node.elementId, node.properties),
    elementId: node.elementId,
    labels: [...node.labels],
    properties: propertiesToJson(node.properties),
  };
}

/**
 * Gathers nodes and relationships from any returned values (also inside lists, maps and paths) into one
 * de-duplicated `Graph`. A relationship is kept only when both of its ends were gathered too, so that every
 * `source`/`target` names a node the client has.
 */
export class GraphCollector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly relationships = new Map<string, NeoRelationship>();

  add(value: unknown): this {
    if (value === null || value === undefined) return this;
    if (isNode(value)) {
      if (!this.nodes.has(value.elementId)) this.nodes.set(value.elementId, toGraphNode(value));
    } else if (isRelationship(value)) {
      this.relationships.set(value.elementId, value);
    } else if (isPath(value)) {
      this.add(value.start);
      for (const segment of value.segments) this.add(segment.relationship).add(segment.end);
    } else if (Array.isArray(value)) {
      for (const item of value) this.add(item);
    } else if (isObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
      for (const item of Object.values(value)) this.add(item);
    }
    return this;
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  toGraph(): Graph {
    const relationships: GraphRelationship[] = [];
    for (const rel of this.relationships.values()) {
      const source = this.nodes.get(rel.startNodeElementId);
      const target = this.nodes.get(rel.endNodeElementId);
      if (!source || !target) continue;
      relationships.push({
        id: transportId(rel.elementId, rel.properties),
        elementId: rel.elementId,
        type: rel.type,
        source: source.id,
        target: target.id,
        properties: propertiesToJson(rel.properties),
      });
    }
    return { nodes: [...this.nodes.values()], relationships };
  }
}
