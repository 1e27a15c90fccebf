/**
 * What a value in a result row is, as the server's mapper sends it (server/src/db/values.ts): a node
 * `{id, elementId, labels, properties}`, a relationship `{$type:'Relationship', …}`, a path
 * `{$type:'Path', start, end, segments}`, another tagged value (temporal, point, bytes, non-finite float),
 * or plain JSON. Also the one-line text of any value, used for sorting and for copying.
 */
import type { GraphNode, JsonValue } from '../../../server/src/contract.ts';
import { nodeCaption } from '../graph/labels.ts';

type JsonObject = { [key: string]: JsonValue };

export interface RelationshipValue {
  $type: 'Relationship';
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: JsonObject;
}

export interface PathSegmentValue {
  start: GraphNode;
  relationship: RelationshipValue;
  end: GraphNode;
}

export interface PathValue {
  $type: 'Path';
  start: GraphNode;
  end: GraphNode;
  segments: PathSegmentValue[];
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNodeValue(value: JsonValue | undefined): value is JsonObject & GraphNode {
  return (
    isJsonObject(value) &&
    value.$type === undefined &&
    typeof value.elementId === 'string' &&
    typeof value.id === 'string' &&
    Array.isArray(value.labels) &&
    isJsonObject(value.properties)
  );
}

export function isRelationshipValue(value: JsonValue | undefined): value is JsonObject & RelationshipValue {
  return isJsonObject(value) && value.$type === 'Relationship' && typeof value.type === 'string' && isJsonObject(value.properties);
}

export function isPathValue(value: JsonValue | undefined): value is JsonObject & PathValue {
  return isJsonObject(value) && value.$type === 'Path' && Array.isArray(value.segments) && isNodeValue(value.start);
}

/** A relationship's caption: its type, with its `id` property when it has one. */
function relationshipText(rel: RelationshipValue): string {
  return `[:${rel.type}]`;
}

function nodeText(node: GraphNode): string {
  const label = node.labels.length > 0 ? `:${node.labels.join(':')} ` : '';
  return `(${label}${nodeCaption(node)})`;
}

function pathText(path: PathValue): string {
  let text = nodeText(path.start);
  let at = path.start.elementId;
  for (const segment of path.segments) {
    const forward = segment.relationship.startElementId === at;
    const next = forward ? segment.end : segment.start;
    text += forward ? `-${relationshipText(segment.relationship)}->` : `<-${relationshipText(segment.relationship)}-`;
    text += nodeText(next);
    at = next.elementId;
  }
  return text;
}

/** Tagged scalars (`{$type:'Date', value}` …, points): their Cypher-like text; undefined for anything else. */
export function taggedText(value: JsonObject): string | undefined {
  if (typeof value.$type !== 'string') return undefined;
  if (typeof value.value === 'string') return value.value;
  if (value.$type === 'Point') {
    const z = value.z === undefined ? '' : `, z: ${String(value.z)}`;
    return `point({srid: ${String(value.srid)}, x: ${String(value.x)}, y: ${String(value.y)}${z}})`;
  }
  if (value.$type === 'Bytes' && typeof value.base64 === 'string') return value.base64;
  return undefined;
}

/**
 * One line of text for any value: strings as themselves, graph elements as Cypher-like captions
 * (`(:Person Kim Jong-un)`), tagged values as their text, lists and maps as JSON. `null` is ''.
 */
export function valueText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return JSON.stringify(value);
  if (isNodeValue(value)) return nodeText(value);
  if (isRelationshipValue(value)) return relationshipText(value);
  if (isPathValue(value)) return pathText(value);
  return taggedText(value) ?? JSON.stringify(value);
}
