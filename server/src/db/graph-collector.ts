/**
 * Gathering graph elements from returned values: `GraphCollector` builds the API's `Graph` (and the
 * workbench's rows, converting once), `visitGraphElements` only names the elements (the export's query scope).
 */
import type { Node as NeoNode, Relationship as NeoRelationship } from 'neo4j-driver';
import type { Graph, GraphNode, GraphRelationship, JsonValue } from '../contract.ts';
import { isNode, isObject, isPath, isRelationship, propertiesToJson, relationshipToJson, toGraphNode, toJson, transportId, type IdLabels } from './values.ts';

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

  /** `idLabels`: which nodes travel by their `id` (values.ts's IdLabels); the caps leave the rest out. */
  constructor(private readonly limits: { idLabels: IdLabels; maxNodes?: number; maxRelationships?: number }) {}

  add(value: unknown): this {
    if (value === null || value === undefined) return this;
    if (isNode(value)) {
      if (this.nodes.has(value.elementId)) return this;
      if (this.nodes.size >= (this.limits.maxNodes ?? Infinity)) this.overflowed = true;
      else this.nodes.set(value.elementId, toGraphNode(value, this.limits.idLabels));
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
      const node = toGraphNode(value, this.limits.idLabels);
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
    return toJson(value, this.limits.idLabels);
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
