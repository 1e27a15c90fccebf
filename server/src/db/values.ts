/**
 * The one conversion of neo4j-driver values, and the API's JSON made from its result. Only server/src/db/
 * sees driver objects: every row `Database` and `UserReadTransaction` answer has been through `fromDriver`,
 * so services work on plain values:
 *
 * - property values keep their Neo4j type as a `PropertyValue` (property-values.ts): INTEGER as `bigint`,
 *   FLOAT as `number`, temporal values, durations, points and byte arrays as tagged objects;
 * - nodes, relationships and paths become `DbNode`, `DbRelationship` and `DbPath` (classes, so a map a query
 *   returns can never pass for one), maps a `Map`, lists arrays.
 *
 * From there:
 * - `toJson` gives the API's lossless JSON (integers beyond ±2^53 as exact strings, tagged temporal values,
 *   nodes as the graph transport `GraphNode`, relationships and paths tagged `$type`);
 * - `GraphCollector` (graph-collector.ts) gathers the nodes and relationships of any value into a `Graph`;
 * - exports write files from the `PropertyValue`s (server/src/export/).
 *
 * The other way, JSON request parameters → Cypher parameters: `paramsFromJson`.
 */
import { isLosslessNumber, type LosslessNumber } from 'lossless-json';
import neo4j from 'neo4j-driver';
import type { GraphNode, JsonValue } from '../contract.ts';
import { AppError } from '../errors.ts';
import { taggedParam } from './tagged-params.ts';
import { propertyValueToJson, toPropertyValue, toPropertyValues, type PropertyValue } from './property-values.ts';

export class DbNode {
  constructor(
    readonly elementId: string,
    readonly labels: readonly string[],
    readonly properties: Readonly<Record<string, PropertyValue>>,
  ) {}
}

export class DbRelationship {
  constructor(
    readonly elementId: string,
    readonly type: string,
    readonly startElementId: string,
    readonly endElementId: string,
    readonly properties: Readonly<Record<string, PropertyValue>>,
  ) {}
}

export class DbPath {
  constructor(
    readonly start: DbNode,
    readonly segments: ReadonlyArray<{ readonly relationship: DbRelationship; readonly end: DbNode }>,
  ) {}

  get end(): DbNode {
    return this.segments.at(-1)?.end ?? this.start;
  }

  get nodes(): DbNode[] {
    return [this.start, ...this.segments.map((segment) => segment.end)];
  }
}

/** Any value a query returns, converted: what services see. */
export type DbValue = PropertyValue | DbNode | DbRelationship | DbPath | DbValue[] | Map<string, DbValue>;

/** A converted record: column → value. */
export type Row = Record<string, DbValue>;

/** The items of a returned list, or none when the value is not a list. */
export function listOf(value: DbValue | undefined): DbValue[] {
  return Array.isArray(value) ? value : [];
}

/** The strings of a returned list; anything else in it is skipped. */
export function stringsOf(value: DbValue | undefined): string[] {
  return listOf(value).filter((item) => typeof item === 'string');
}

/** The maps of a returned list (`collect({...})`) as records; anything else in it is skipped. */
export function mapsOf(value: DbValue | undefined): Array<Record<string, DbValue>> {
  return Array.isArray(value) ? value.flatMap((item) => (item instanceof Map ? [Object.fromEntries(item) as Record<string, DbValue>] : [])) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nodeFromDriver(node: { elementId: string; labels: string[]; properties: Record<string, unknown> }): DbNode {
  return new DbNode(node.elementId, node.labels, toPropertyValues(node.properties));
}

function relationshipFromDriver(rel: {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}): DbRelationship {
  return new DbRelationship(rel.elementId, rel.type, rel.startNodeElementId, rel.endNodeElementId, toPropertyValues(rel.properties));
}

/** Converts any value the driver returns (the one conversion; see the module's comment). */
export function fromDriver(value: unknown): DbValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return toPropertyValue(value);
  if (Array.isArray(value)) return value.map(fromDriver);
  if (neo4j.isNode(value)) return nodeFromDriver(value);
  if (neo4j.isRelationship(value)) return relationshipFromDriver(value);
  if (neo4j.isPath(value)) {
    return new DbPath(
      nodeFromDriver(value.start),
      value.segments.map((segment) => ({ relationship: relationshipFromDriver(segment.relationship), end: nodeFromDriver(segment.end) })),
    );
  }
  if (isObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return new Map(Object.entries(value).map(([key, item]) => [key, fromDriver(item)]));
  }
  return toPropertyValue(value);
}

/** A driver record's values, converted. */
export function rowFromDriver(record: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }): Row {
  const row: Row = {};
  for (const key of record.keys) row[String(key)] = fromDriver(record.get(key));
  return row;
}

/**
 * Labels whose `id` property a range index or uniqueness constraint covers (graph/node-match.ts's
 * `indexedIdLabels`): a node carrying one of them is addressed by its `id`, since looking that up is one
 * index seek; any other node by its elementId (DESIGN.md's id rule), so no lookup ever scans the graph.
 */
export type IdLabels = ReadonlySet<string>;

const NO_ID_LABELS: IdLabels = new Set();

/** The `id` property where it is a non-empty string or an integer (in decimal), else `elementId`. */
export function transportId(elementId: string, properties: Readonly<Record<string, DbValue | undefined>>): string {
  const id = properties.id;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'bigint') return id.toString();
  return elementId;
}

/** A node's transport id: its `id` (transportId) when one of its labels is in `idLabels`, else its elementId. */
export function nodeTransportId(node: DbNode, idLabels: IdLabels): string {
  return node.labels.some((label) => idLabels.has(label)) ? transportId(node.elementId, node.properties) : node.elementId;
}

export function propertiesToJson(properties: Readonly<Record<string, PropertyValue>>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = propertyValueToJson(value);
  return out;
}

export function toGraphNode(node: DbNode, idLabels: IdLabels): GraphNode {
  return {
    id: nodeTransportId(node, idLabels),
    elementId: node.elementId,
    labels: [...node.labels],
    properties: propertiesToJson(node.properties),
  };
}

/** A relationship in a row: `{$type: 'Relationship', …}`, with its properties converted (or given, already converted). */
export function relationshipToJson(value: DbRelationship, properties = propertiesToJson(value.properties)): JsonValue {
  return {
    $type: 'Relationship',
    elementId: value.elementId,
    type: value.type,
    startElementId: value.startElementId,
    endElementId: value.endElementId,
    properties,
  };
}

/**
 * The API's JSON for a converted value, losslessly. Nodes get their transport id by `idLabels` (none
 * given: every node by elementId); GraphCollector.addJson is the way for query results.
 */
export function toJson(value: DbValue, idLabels: IdLabels = NO_ID_LABELS): JsonValue {
  if (value instanceof DbNode) return toGraphNode(value, idLabels) as unknown as JsonValue;
  if (value instanceof DbRelationship) return relationshipToJson(value);
  if (value instanceof DbPath) {
    return {
      $type: 'Path',
      start: toJson(value.start, idLabels),
      end: toJson(value.end, idLabels),
      segments: value.segments.map((s, i) => ({
        start: toJson(i === 0 ? value.start : (value.segments[i - 1]?.end ?? value.start), idLabels),
        relationship: toJson(s.relationship),
        end: toJson(s.end, idLabels),
      })),
    };
  }
  if (value instanceof Map) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of value) out[key] = toJson(item, idLabels);
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => toJson(item, idLabels));
  return propertyValueToJson(value);
}

/** Cypher's INTEGER range: a signed 64-bit integer. */
const INTEGER_MIN = -(2n ** 63n);
const INTEGER_MAX = 2n ** 63n - 1n;

/**
 * Converts JSON parameter values (from an API request) into Cypher parameters: a number written without
 * `.`, `e` or `E` becomes a Cypher INTEGER (so `LIMIT $n` and integer properties compare as users expect),
 * exactly at any size up to 2^63-1 when the body was parsed losslessly (bigints, http/json-body.ts); any
 * other number a FLOAT, `1.0` and `-0.0` too (they arrive as `LosslessNumber`s, their text kept); lists and
 * maps are converted item by item, and the API's tagged values (`{"$type":"Date",…}`) become the Cypher
 * values they stand for (tagged-params.ts). An integer outside INTEGER's range, a number no finite double
 * holds (`1e400`), an unknown `$type` or a malformed tagged value is a 400 VALIDATION_FAILED whose message starts with the parameter's name and whose
 * `details` are `{parameter: name}`.
 */
export function paramsFromJson(params: Record<string, unknown>): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
    if (isLosslessNumber(value)) {
      const float = Number((value as LosslessNumber).value);
      if (!Number.isFinite(float)) throw new AppError('VALIDATION_FAILED', 'it holds a number no finite double holds (a FLOAT is at most about 1.8e308).');
      return float;
    }
    if (typeof value === 'bigint') {
      if (value < INTEGER_MIN || value > INTEGER_MAX) {
        throw new AppError('VALIDATION_FAILED', 'it holds an integer outside the range of Neo4j\'s INTEGER (-2^63 to 2^63-1).');
      }
      return neo4j.int(value.toString());
    }
    if (Array.isArray(value)) return value.map(convert);
    if (isObject(value) && typeof value.$type === 'string') return taggedParam(value, convert);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item)]));
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    try {
      out[name] = convert(value);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      throw new AppError('VALIDATION_FAILED', `Parameter $${name.slice(0, 60)}: ${error.message}`, { details: { parameter: name }, cause: error });
    }
  }
  return out;
}
