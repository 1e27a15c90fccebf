/**
 * The one mapping boundary between neo4j-driver values and the API's JSON.
 *
 * - Integer → number when it is a safe integer, else its exact decimal string (BigInt too).
 * - Temporal values, durations and points → tagged objects such as `{"$type":"Date","value":"2024-06-19"}`
 *   and `{"$type":"Point","srid":4326,"x":30.1,"y":48.0}`, so their type survives the trip.
 * - Byte arrays → `{"$type":"Bytes","base64":"…"}`.
 * - Node / Relationship / Path → the graph transport (`GraphNode`, `GraphRelationship`) or
 *   `{"$type":"Path",…}`; `GraphCollector` gathers them from any value into a `Graph`.
 * - The other way, JSON request parameters → Cypher parameters (`paramsFromJson`).
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

/** Converts any value the driver returns into JSON, losslessly. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $type: 'Float', value: String(value) };
  if (typeof value === 'bigint') return integerToJson(value);
  if (neo4j.isInt(value)) return integerToJson(value);
  if (value instanceof Uint8Array) return { $type: 'Bytes', base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toJson);
  if (isNode(value)) return toGraphNode(value) as unknown as JsonValue;
  if (isRelationship(value)) return relationshipToJson(value);
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

/** A relationship in a row: `{$type: 'Relationship', …}`, with its properties converted (or given, already converted). */
function relationshipToJson(value: NeoRelationship, properties = propertiesToJson(value.properties)): JsonValue {
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

/** The transport id: the `id` property where it is a string or integer, else the elementId. */
export function transportId(elementId: string, properties: Record<string, unknown>): string {
  const id = properties.id;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  if (typeof id === 'bigint' || neo4j.isInt(id)) return String(integerToJson(id));
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
 * `source`/`target` names a node the client has; `missingNodeElementIds()` names the ends to fetch.
 * With `limits`, nodes and relationships beyond the caps are left out and `truncated` says so.
 */
export class GraphCollector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly relationships = new Map<string, NeoRelationship>();
  /** Relationship properties already converted (by `addJson`), so `toGraph` doesn't convert them again. */
  private readonly relationshipProperties = new Map<string, Record<string, JsonValue>>();
  private overflowed = false;

  constructor(private readonly limits: { maxNodes?: number; maxRelationships?: number } = {}) {}

  add(value: unknown): this {
    if (value === null || value === undefined) return this;
    if (isNode(value)) {
      if (this.nodes.has(value.elementId)) return this;
      if (this.nodes.size >= (this.limits.maxNodes ?? Infinity)) this.overflowed = true;
      else this.nodes.set(value.elementId, toGraphNode(value));
    } else if (isRelationship(value)) {
      if (this.relationships.has(value.elementId)) return this;
      if (this.relationships.size >= (this.limits.maxRelationships ?? Infinity)) this.overflowed = true;
      else this.relationships.set(value.elementId, value);
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

  /**
   * Converts `value` to JSON exactly as `toJson` does and gathers its nodes and relationships as `add` does,
   * converting each node and each relationship's properties once for both (the workbench's rows and graph).
   */
  addJson(value: unknown): JsonValue {
    if (isNode(value)) {
      const known = this.nodes.get(value.elementId);
      if (known) return known as unknown as JsonValue;
      const node = toGraphNode(value);
      if (this.nodes.size >= (this.limits.maxNodes ?? Infinity)) this.overflowed = true;
      else this.nodes.set(value.elementId, node);
      return node as unknown as JsonValue;
    }
    if (isRelationship(value)) {
      let properties = this.relationshipProperties.get(value.elementId);
      if (!properties) {
        properties = propertiesToJson(value.properties);
        this.add(value);
        if (this.relationships.has(value.elementId)) this.relationshipProperties.set(value.elementId, properties);
      }
      return relationshipToJson(value, properties);
    }
    if (isPath(value)) {
      return {
        $type: 'Path',
        start: this.addJson(value.start),
        end: this.addJson(value.end),
        segments: value.segments.map((s) => ({ start: this.addJson(s.start), relationship: this.addJson(s.relationship), end: this.addJson(s.end) })),
      };
    }
    if (Array.isArray(value)) return value.map((item) => this.addJson(item));
    if (isObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
      const out: { [key: string]: JsonValue } = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.addJson(item);
      return out;
    }
    return toJson(value);
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  /** True when a node or relationship was left out because of `limits`. */
  get truncated(): boolean {
    return this.overflowed;
  }

  /** Element ids of relationship ends that were not gathered (yet): fetch and `add` them to complete the graph. */
  missingNodeElementIds(): string[] {
    const missing = new Set<string>();
    for (const rel of this.relationships.values()) {
      for (const end of [rel.startNodeElementId, rel.endNodeElementId]) if (!this.nodes.has(end)) missing.add(end);
    }
    return [...missing];
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
        properties: this.relationshipProperties.get(rel.elementId) ?? propertiesToJson(rel.properties),
      });
    }
    return { nodes: [...this.nodes.values()], relationships };
  }
}

/* ------------------------------------------------------------------------------------------------------
 * Typed values for exports. JSON can't tell the INTEGER 5 from the FLOAT 5.0, nor keep NaN or -0.0; an
 * export that re-creates a graph must. `PropertyValue` keeps every Neo4j type without anything of the
 * driver's: exporters (server/src/export/) write files from it, and `propertyValueToJson` gives exactly
 * what `toJson` gives for the same driver value.
 * ---------------------------------------------------------------------------------------------------- */

/** A temporal instant or time of day: Neo4j's ISO text, plus the parts a Cypher literal needs. */
export interface TemporalValue {
  $type: 'Date' | 'DateTime' | 'LocalDateTime' | 'LocalTime' | 'Time';
  /** The driver's ISO text, e.g. `2024-10-27T02:30:00+01:00[Europe/Berlin]` (years beyond 9999 as `+010000`). */
  iso: string;
  /** DateTime and Time: the offset from UTC in seconds. */
  offsetSeconds?: number;
  /** DateTime: the named zone, when it has one. */
  zoneId?: string;
  /** DateTime: the instant as seconds since 1970-01-01T00:00Z and the nanoseconds within that second. */
  epochSeconds?: bigint;
  nanosecond?: number;
}

export interface DurationValue {
  $type: 'Duration';
  iso: string;
  months: bigint;
  days: bigint;
  seconds: bigint;
  nanoseconds: number;
}

export interface PointValue {
  $type: 'Point';
  srid: number;
  x: number;
  y: number;
  z?: number;
}

/**
 * A property value with its Neo4j type: INTEGER as `bigint` (exact), FLOAT as `number` (NaN, ±Infinity and
 * -0.0 included), STRING, BOOLEAN, byte arrays, temporal values, durations, points and lists of them.
 * `null` only appears inside values read from queries, never as a stored property.
 */
export type PropertyValue =
  | null
  | boolean
  | string
  | bigint
  | number
  | Uint8Array
  | TemporalValue
  | DurationValue
  | PointValue
  | PropertyValue[];

function bigintOf(value: unknown): bigint {
  return BigInt(String(value));
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), exact for any year. */
function daysFromCivil(year: bigint, month: bigint, day: bigint): bigint {
  const y = month <= 2n ? year - 1n : year;
  const era = (y >= 0n ? y : y - 399n) / 400n;
  const yoe = y - era * 400n;
  const doy = (153n * (month + (month > 2n ? -3n : 9n)) + 2n) / 5n + day - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

function temporalValue(value: unknown): TemporalValue | DurationValue | PointValue | undefined {
  const iso = String(value);
  if (neo4j.isDate(value)) return { $type: 'Date', iso };
  if (neo4j.isLocalDateTime(value)) return { $type: 'LocalDateTime', iso };
  if (neo4j.isLocalTime(value)) return { $type: 'LocalTime', iso };
  if (neo4j.isTime(value)) {
    const time = value as { timeZoneOffsetSeconds: unknown };
    return { $type: 'Time', iso, offsetSeconds: Number(bigintOf(time.timeZoneOffsetSeconds)) };
  }
  if (neo4j.isDateTime(value)) {
    const dt = value as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'nanosecond' | 'timeZoneOffsetSeconds', unknown> & {
      timeZoneId?: string | null;
    };
    const out: TemporalValue = { $type: 'DateTime', iso, nanosecond: Number(bigintOf(dt.nanosecond)) };
    if (dt.timeZoneId) out.zoneId = dt.timeZoneId;
    if (dt.timeZoneOffsetSeconds !== undefined && dt.timeZoneOffsetSeconds !== null) {
      const offsetSeconds = bigintOf(dt.timeZoneOffsetSeconds);
      const local =
        daysFromCivil(bigintOf(dt.year), bigintOf(dt.month), bigintOf(dt.day)) * 86_400n +
        bigintOf(dt.hour) * 3600n +
        bigintOf(dt.minute) * 60n +
        bigintOf(dt.second);
      out.offsetSeconds = Number(offsetSeconds);
      out.epochSeconds = local - offsetSeconds;
    }
    return out;
  }
  if (neo4j.isDuration(value)) {
    const d = value as Record<'months' | 'days' | 'seconds' | 'nanoseconds', unknown>;
    return {
      $type: 'Duration',
      iso,
      months: bigintOf(d.months),
      days: bigintOf(d.days),
      seconds: bigintOf(d.seconds),
      nanoseconds: Number(bigintOf(d.nanoseconds)),
    };
  }
  if (neo4j.isPoint(value)) {
    const point = value as Point;
    const out: PointValue = { $type: 'Point', srid: Number(bigintOf(point.srid)), x: point.x, y: point.y };
    if (point.z !== undefined) out.z = point.z;
    return out;
  }
  return undefined;
}

/** Converts a property value the driver returns into a `PropertyValue`, keeping its type. */
export function toPropertyValue(value: unknown): PropertyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (neo4j.isInt(value)) return bigintOf(value);
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(toPropertyValue);
  const typed = temporalValue(value);
  if (typed !== undefined) return typed;
  return String(value);
}

export function toPropertyValues(properties: Record<string, unknown>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = toPropertyValue(value);
  return out;
}

/** The API's JSON for a `PropertyValue`: the same as `toJson` gives for the driver value it came from. */
export function propertyValueToJson(value: PropertyValue): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return integerToJson(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $type: 'Float', value: String(value) };
  if (value instanceof Uint8Array) return { $type: 'Bytes', base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(propertyValueToJson);
  if (value.$type === 'Point') {
    const json: { [key: string]: JsonValue } = { $type: 'Point', srid: value.srid, x: value.x, y: value.y };
    if (value.z !== undefined) json.z = value.z;
    return json;
  }
  return { $type: value.$type, value: value.iso };
}

/** Calls `visit.node` / `visit.relationship` for every node and relationship in a returned value (also inside lists, maps, paths). */
export function visitGraphElements(
  value: unknown,
  visit: { node(elementId: string): void; relationship(elementId: string, startElementId: string, endElementId: string): void },
): void {
  if (value === null || value === undefined) return;
  if (isNode(value)) visit.node(value.elementId);
  else if (isRelationship(value)) visit.relationship(value.elementId, value.startNodeElementId, value.endNodeElementId);
  else if (isPath(value)) {
    visit.node(value.start.elementId);
    for (const segment of value.segments) {
      visitGraphElements(segment.relationship, visit);
      visit.node(segment.end.elementId);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) visitGraphElements(item, visit);
  } else if (isObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) visitGraphElements(item, visit);
  }
}
