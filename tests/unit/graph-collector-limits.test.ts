import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromDriver, paramsFromJson } from '../../server/src/db/values.ts';
import { GraphCollector } from '../../server/src/db/graph-collector.ts';

const { Node, Relationship } = neo4j.types;
const node = (elementId: string) => fromDriver(new Node(neo4j.int(0), ['A'], { id: elementId }, elementId));
const rel = (elementId: string, start: string, end: string) =>
  fromDriver(new Relationship(neo4j.int(0), neo4j.int(0), neo4j.int(0), 'R', {}, elementId, start, end));

describe('GraphCollector: completing and capping the graph', () => {
  it('names the end nodes of relationships it gathered without them', () => {
    const collector = new GraphCollector({ idLabels: new Set(['A']) }).add([rel('r1', 'a', 'b'), node('a'), new Map([['nested', rel('r2', 'b', 'c')]])]);
    expect(collector.missingNodeElementIds().sort()).toEqual(['b', 'c']);
    collector.add([node('b'), node('c')]);
    expect(collector.missingNodeElementIds()).toEqual([]);
    expect(collector.toGraph().relationships).toHaveLength(2);
  });

  it('keeps at most maxNodes nodes and says it was truncated', () => {
    const collector = new GraphCollector({ idLabels: new Set(['A']), maxNodes: 2 }).add([node('a'), node('b'), node('a')]);
    expect(collector.truncated).toBe(false);
    collector.add(node('c'));
    expect(collector.truncated).toBe(true);
    expect(collector.toGraph().nodes.map((n) => n.id)).toEqual(['a', 'b']);
  });

  it('keeps at most maxRelationships relationships, and only those between kept nodes', () => {
    const collector = new GraphCollector({ idLabels: new Set(['A']), maxNodes: 2, maxRelationships: 1 }).add([node('a'), node('b'), node('c')]);
    collector.add([rel('r1', 'a', 'c'), rel('r2', 'a', 'b')]);
    expect(collector.truncated).toBe(true);
    expect(collector.toGraph().relationships).toEqual([]);
  });
});

describe('paramsFromJson', () => {
  it('turns integral numbers into Cypher integers and leaves the rest', () => {
    const params = paramsFromJson({ n: 3, f: 1.5, s: 'x', list: [1, 2.5], map: { k: 9, nil: null }, big: 2 ** 60 });
    expect(neo4j.isInt(params.n as never)).toBe(true);
    expect(params.f).toBe(1.5);
    expect(params.s).toBe('x');
    const list = params.list as unknown[];
    expect(neo4j.isInt(list[0] as never)).toBe(true);
    expect(list[1]).toBe(2.5);
    expect(neo4j.isInt((params.map as Record<string, unknown>).k as never)).toBe(true);
    expect((params.map as Record<string, unknown>).nil).toBeNull();
    // Beyond 2^53 a JSON number is no longer exact: it stays a FLOAT rather than pretend to be an exact INTEGER.
    expect(params.big).toBe(2 ** 60);
  });
});
