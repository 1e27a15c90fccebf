import { LosslessNumber } from 'lossless-json';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromDriver, paramsFromJson } from '../../server/src/db/values.ts';
import { GraphCollector } from '../../server/src/db/graph-collector.ts';
import { parseJsonNumber } from '../../server/src/http/json-body.ts';

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

  it('spends the relationship budget only on relationships whose ends are both kept, in arrival order', () => {
    // r1 and r3 reach c, which the node cap leaves out: they cannot be drawn, so r2 gets the one place.
    const collector = new GraphCollector({ idLabels: new Set(['A']), maxNodes: 2, maxRelationships: 1 }).add([node('a'), node('b'), node('c')]);
    collector.add([rel('r1', 'a', 'c'), rel('r2', 'a', 'b'), rel('r3', 'c', 'b'), rel('r4', 'b', 'a')]);
    expect(collector.truncated).toBe(true);
    expect(collector.toGraph().relationships.map((r) => r.elementId)).toEqual(['r2']);
  });

  it('is not truncated when every relationship beyond the budget was undrawable anyway and the nodes all fit', () => {
    const collector = new GraphCollector({ idLabels: new Set(['A']), maxNodes: 2, maxRelationships: 2 }).add([rel('r1', 'a', 'b'), rel('r2', 'b', 'a')]);
    expect(collector.truncated).toBe(false); // the ends are not gathered yet: nothing is drawable, nothing was cut
    collector.add([node('a'), node('b')]);
    expect(collector.toGraph().relationships.map((r) => r.elementId)).toEqual(['r1', 'r2']);
    expect(collector.truncated).toBe(false);
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

  it('turns bigints (integers a lossless body parse kept exact) into exact Cypher integers, and refuses those past 64 bits', () => {
    const params = paramsFromJson({ big: 637790870791443682n, list: [-(2n ** 63n)], max: 2n ** 63n - 1n });
    expect((params.big as { toString(): string }).toString()).toBe('637790870791443682');
    expect(((params.list as unknown[])[0] as { toString(): string }).toString()).toBe('-9223372036854775808');
    expect((params.max as { toString(): string }).toString()).toBe('9223372036854775807');
    expect(() => paramsFromJson({ over: 2n ** 63n })).toThrow(/outside the range of Neo4j's INTEGER/);
  });
});

describe('parseJsonNumber (lossless request bodies)', () => {
  it('keeps integers beyond 2^53 as bigints and gives other integers and fractions as JSON.parse does', () => {
    expect(parseJsonNumber('637790870791443682')).toBe(637790870791443682n);
    expect(parseJsonNumber('-9007199254740993')).toBe(-9007199254740993n);
    expect(parseJsonNumber('9007199254740991')).toBe(9007199254740991);
    expect(parseJsonNumber('1.5')).toBe(1.5);
    expect(parseJsonNumber('0.1000000000000000055511151231257827')).toBe(0.1);
  });

  it.each(['1.0', '-0.0', '1e3', '2E0', '1e400'])('keeps the text of %s, a float a JavaScript number would take for an integer (or Infinity)', (text) => {
    expect(parseJsonNumber(text)).toEqual(new LosslessNumber(text));
  });
});

describe('GraphCollector.addJson: one value never carries more than valueCaps', () => {
  const caps = { maxItems: 3, maxStringChars: 5 };

  it('sends the first maxItems of a longer list, marked with its size, and still gathers every node of it for the graph', () => {
    const collector = new GraphCollector({ idLabels: new Set(['A']), valueCaps: caps });
    const json = collector.addJson(['a', 'b', 'c', 'd', 'e'].map(node));
    expect(json).toMatchObject({ $type: 'Shortened', of: 'List', size: 5 });
    expect((json as { items: Array<{ id: string }> }).items.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(collector.toGraph().nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(collector.shortenedValues).toBe(1);
  });

  it('shortens maps past maxItems entries and strings past maxStringChars, nested ones each on their own', () => {
    const collector = new GraphCollector({ idLabels: new Set(['A']), valueCaps: caps });
    const map = new Map([['k1', 1n], ['k2', 2n], ['k3', 3n], ['k4', 4n]] as Array<[string, bigint]>);
    expect(collector.addJson(map)).toEqual({ $type: 'Shortened', of: 'Map', size: 4, entries: { k1: 1, k2: 2, k3: 3 } });
    expect(collector.addJson('abcdefgh')).toEqual({ $type: 'Shortened', of: 'String', size: 8, value: 'abcde' });
    expect(collector.addJson([['abcdef'], 'ok'])).toEqual([[{ $type: 'Shortened', of: 'String', size: 6, value: 'abcde' }], 'ok']);
    expect(collector.shortenedValues).toBe(3);
  });

  it('leaves values within the caps exactly as toJson gives them', () => {
    const collector = new GraphCollector({ idLabels: new Set(['A']), valueCaps: caps });
    expect(collector.addJson([1n, 'abcde', new Map([['k', [2n, 3n, 4n]]])])).toEqual([1, 'abcde', { k: [2, 3, 4] }]);
    expect(collector.shortenedValues).toBe(0);
  });
});
