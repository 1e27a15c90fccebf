/**
 * Gathering graph elements from returned values: `GraphCollector` builds the API's `Graph` (and the
 * workbench's rows, converting once), `visitGraphElements` only names the elements (the export's query scope).
 */
import type { Graph, GraphNode, GraphRelationship, JsonValue, ViewGraph } from '../contract.ts';
import { DbNode, DbPath, DbRelationship, propertiesToJson, relationshipToJson, toGraphNode, toJson, transportId, type DbValue, type IdLabels } from './values.ts';

/**
 * How much of one value a row carries (the workbench: a value can hold a whole graph in one row, which the
 * row cap does not touch). Past a cap, the value is sent as `{$type: 'Shortened', of: 'List', size, items}`
 * (`of: 'Map'` with `entries`, `of: 'String'` with `value`): the first items, entries or characters, and
 * `size`, how many the value has in all (items, entries, UTF-16 code units).
 */
export interface ValueCaps {
  /** Items of one list, entries of one map, at most (each nested list counts on its own). */
  maxItems: number;
  /** UTF-16 code units of one string, at most. */
  maxStringChars: number;
}

/**
 * Gathers nodes and relationships from any returned values (also inside lists, maps and paths) into one
 * de-duplicated `Graph`. A relationship is kept only when both of its ends were gathered too, so that every
 * `source`/`target` names a node the client has; `missingNodeElementIds()` names the ends to fetch.
 * With `limits`, nodes beyond the node cap are left out (in arrival order), then relationships beyond the
 * relationship cap among those whose ends are both kept (in arrival order): a relationship that cannot be
 * drawn never uses up the budget. `truncated` says when anything was left out.
 */
export class GraphCollector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly relationships = new Map<string, DbRelationship>();
  /** Relationship properties already converted (by `addJson`), so `toGraph` doesn't convert them again. */
  private readonly relationshipProperties = new Map<string, Record<string, JsonValue>>();
  private overflowed = false;
  private shortened = 0;

  /**
   * `idLabels`: which nodes travel by their `id` (values.ts's IdLabels); the caps leave the rest out.
   * `valueCaps`: how much of one value `addJson` converts (see ValueCaps); none given, all of it.
   */
  constructor(private readonly limits: { idLabels: IdLabels; maxNodes?: number; maxRelationships?: number; valueCaps?: ValueCaps }) {}

  add(value: DbValue | undefined): this {
    if (value === null || value === undefined) return this;
    if (value instanceof DbNode) {
      if (this.nodes.has(value.elementId)) return this;
      if (this.nodes.size >= (this.limits.maxNodes ?? Infinity)) this.overflowed = true;
      else this.nodes.set(value.elementId, toGraphNode(value, this.limits.idLabels));
    } else if (value instanceof DbRelationship) {
      // Every one is held (the rows hold them anyway): which count toward the cap is known only once the
      // nodes are complete (toGraph).
      if (!this.relationships.has(value.elementId)) this.relationships.set(value.elementId, value);
    } else if (value instanceof DbPath) {
      this.add(value.start);
      for (const segment of value.segments) this.add(segment.relationship).add(segment.end);
    } else if (Array.isArray(value)) {
      for (const item of value) this.add(item);
    } else if (value instanceof Map) {
      for (const item of value.values()) this.add(item);
    }
    return this;
  }

  /**
   * Converts `value` to JSON exactly as `toJson` does and gathers its nodes and relationships as `add` does,
   * converting each node and each relationship's properties once for both (the workbench's rows and graph).
   * With `valueCaps`, a longer list, map or string is converted only as far as the cap and comes back
   * marked as a `ShortenedValue` (its nodes and relationships are still gathered, up to the graph's caps).
   */
  addJson(value: DbValue): JsonValue {
    const caps = this.limits.valueCaps;
    if (caps) {
      if (Array.isArray(value) && value.length > caps.maxItems) {
        this.shortened++;
        const items = value.slice(0, caps.maxItems).map((item) => this.addJson(item));
        for (const item of value.slice(caps.maxItems)) this.add(item); // after, so the graph keeps arrival order
        return { $type: 'Shortened', of: 'List', size: value.length, items };
      }
      if (value instanceof Map && value.size > caps.maxItems) {
        this.shortened++;
        const entries: { [key: string]: JsonValue } = {};
        let kept = 0;
        for (const [key, item] of value) {
          if (kept++ < caps.maxItems) entries[key] = this.addJson(item);
          else this.add(item);
        }
        return { $type: 'Shortened', of: 'Map', size: value.size, entries };
      }
      if (typeof value === 'string' && value.length > caps.maxStringChars) {
        this.shortened++;
        return { $type: 'Shortened', of: 'String', size: value.length, value: value.slice(0, caps.maxStringChars) };
      }
    }
    if (value instanceof DbNode) {
      const known = this.nodes.get(value.elementId);
      if (known) return known as unknown as JsonValue;
      const node = toGraphNode(value, this.limits.idLabels);
      if (this.nodes.size >= (this.limits.maxNodes ?? Infinity)) this.overflowed = true;
      else this.nodes.set(value.elementId, node);
      return node as unknown as JsonValue;
    }
    if (value instanceof DbRelationship) {
      let properties = this.relationshipProperties.get(value.elementId);
      if (!properties) {
        properties = propertiesToJson(value.properties);
        this.add(value);
        if (this.relationships.has(value.elementId)) this.relationshipProperties.set(value.elementId, properties);
      }
      return relationshipToJson(value, properties);
    }
    if (value instanceof DbPath) {
      let start = value.start;
      const segments = value.segments.map((s) => {
        const segment = { start: this.addJson(start), relationship: this.addJson(s.relationship), end: this.addJson(s.end) };
        start = s.end;
        return segment;
      });
      return { $type: 'Path', start: this.addJson(value.start), end: this.addJson(value.end), segments };
    }
    if (Array.isArray(value)) return value.map((item) => this.addJson(item));
    if (value instanceof Map) {
      const out: { [key: string]: JsonValue } = {};
      for (const [key, item] of value) out[key] = this.addJson(item);
      return out;
    }
    return toJson(value, this.limits.idLabels);
  }

  /** How many lists, maps and strings `addJson` shortened at `valueCaps`. */
  get shortenedValues(): number {
    return this.shortened;
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  /** True when a node or relationship was left out because of `limits`. */
  get truncated(): boolean {
    return this.overflowed || this.drawable().length > (this.limits.maxRelationships ?? Infinity);
  }

  /** The relationships whose ends are both kept, in arrival order. */
  private drawable(): DbRelationship[] {
    return [...this.relationships.values()].filter((rel) => this.nodes.has(rel.startElementId) && this.nodes.has(rel.endElementId));
  }

  /** Element ids of relationship ends that were not gathered (yet): fetch and `add` them to complete the graph. */
  missingNodeElementIds(): string[] {
    const missing = new Set<string>();
    for (const rel of this.relationships.values()) {
      for (const end of [rel.startElementId, rel.endElementId]) if (!this.nodes.has(end)) missing.add(end);
    }
    return [...missing];
  }

  /** The graph: the kept nodes, and the first `maxRelationships` relationships between them. */
  toGraph(): Graph {
    const relationships: GraphRelationship[] = [];
    for (const rel of this.drawable().slice(0, this.limits.maxRelationships ?? Infinity)) {
      const source = this.nodes.get(rel.startElementId) as GraphNode;
      const target = this.nodes.get(rel.endElementId) as GraphNode;
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

/**
 * The collector's graph with at most `maxRelationships` relationships (the first in arrival order; a collector made with that `maxRelationships`), and
 * `relationshipLimit` when more arrived.
 */
export function cappedGraph(collector: GraphCollector, maxRelationships: number): ViewGraph {
  const graph = collector.toGraph();
  return collector.truncated ? { ...graph, relationshipLimit: maxRelationships } : graph;
}

/** Calls `visit.node` / `visit.relationship` for every node and relationship in a returned value (also inside lists, maps, paths). */
export function visitGraphElements(
  value: DbValue | undefined,
  visit: { node(elementId: string): void; relationship(elementId: string, startElementId: string, endElementId: string): void },
): void {
  if (value === null || value === undefined) return;
  if (value instanceof DbNode) visit.node(value.elementId);
  else if (value instanceof DbRelationship) visit.relationship(value.elementId, value.startElementId, value.endElementId);
  else if (value instanceof DbPath) {
    visit.node(value.start.elementId);
    for (const segment of value.segments) {
      visitGraphElements(segment.relationship, visit);
      visit.node(segment.end.elementId);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) visitGraphElements(item, visit);
  } else if (value instanceof Map) {
    for (const item of value.values()) visitGraphElements(item, visit);
  }
}
