import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromDriver, toGraphNode, toJson, transportId, type DbNode } from '../../server/src/db/values.ts';
import { toPropertyValues } from '../../server/src/db/property-values.ts';
import { GraphCollector } from '../../server/src/db/graph-collector.ts';

const { Node, Relationship, Path, PathSegment, Point, Date: NeoDate, DateTime, LocalDateTime, LocalTime, Time, Duration } = neo4j.types;

const driverNode = (elementId: string, labels: string[], properties: Record<string, unknown>) => new Node(neo4j.int(0), labels, properties, elementId);
const node = (elementId: string, labels: string[], properties: Record<string, unknown>) => fromDriver(driverNode(elementId, labels, properties)) as DbNode;
const driverRel = (elementId: string, type: string, start: string, end: string, properties: Record<string, unknown> = {}) =>
  new Relationship(neo4j.int(0), neo4j.int(0), neo4j.int(0), type, properties, elementId, start, end);

const rel = (elementId: string, type: string, start: string, end: string, properties: Record<string, unknown> = {}) =>
  fromDriver(driverRel(elementId, type, start, end, properties));

describe('toJson: Neo4j values to lossless JSON', () => {
  it.each([
    ['null', null, null],
    ['a string', 'Kim Jong-un', 'Kim Jong-un'],
    ['a boolean', true, true],
    ['a float', 1.5, 1.5],
    ['NaN, which JSON cannot carry', Number.NaN, { $type: 'Float', value: 'NaN' }],
    ['a safe Integer', neo4j.int(115_000_000), 115_000_000],
    ['a negative safe Integer', neo4j.int(-42), -42],
    ['an Integer beyond 2^53, as an exact string', neo4j.int('9007199254740993'), '9007199254740993'],
    ['the largest Integer', neo4j.int('9223372036854775807'), '9223372036854775807'],
    ['a BigInt beyond 2^53', 9007199254740993n, '9007199254740993'],
    ['a safe BigInt', 12n, 12],
    ['a list of mixed values', [neo4j.int(1), 'a', [true]], [1, 'a', [true]]],
    ['a map', { amount: neo4j.int(5), nested: { b: null } }, { amount: 5, nested: { b: null } }],
    ['a Date', new NeoDate(2024, 6, 19), { $type: 'Date', value: '2024-06-19' }],
    ['a LocalTime', new LocalTime(12, 30, 5, 0), { $type: 'LocalTime', value: '12:30:05' }],
    ['a Time', new Time(12, 30, 5, 0, 3600), { $type: 'Time', value: '12:30:05+01:00' }],
    ['a LocalDateTime', new LocalDateTime(2024, 6, 19, 10, 0, 0, 0), { $type: 'LocalDateTime', value: '2024-06-19T10:00:00' }],
    ['a DateTime with an offset', new DateTime(2024, 6, 19, 10, 0, 0, 0, 32400), { $type: 'DateTime', value: '2024-06-19T10:00:00+09:00' }],
    ['a Duration', new Duration(1, 2, 3, 0), { $type: 'Duration', value: 'P1M2DT3S' }],
    ['a 2D Point', new Point(4326, 37.6, 55.7), { $type: 'Point', srid: 4326, x: 37.6, y: 55.7 }],
    ['a 3D Point', new Point(9157, 1, 2, 3), { $type: 'Point', srid: 9157, x: 1, y: 2, z: 3 }],
    ['bytes', new Uint8Array([1, 2, 255]), { $type: 'Bytes', base64: 'AQL/' }],
  ])('converts %s', (_name, value, expected) => {
    expect(toJson(fromDriver(value))).toEqual(expected);
  });

  it('converts a node to the graph transport, with its id property as id where an index on its label covers it', () => {
    const value = fromDriver(driverNode('4:db:1', ['Actor', 'Country'], { id: 'north-korea', name: 'North Korea', population: neo4j.int(26_000_000) }));
    expect(toJson(value)).toMatchObject({ id: '4:db:1' });
    expect(toJson(value, new Set(['Country']))).toEqual({
      id: 'north-korea',
      elementId: '4:db:1',
      labels: ['Actor', 'Country'],
      properties: { id: 'north-korea', name: 'North Korea', population: 26_000_000 },
    });
  });

  it('converts a relationship with its element ids and converted properties', () => {
    expect(toJson(fromDriver(driverRel('5:db:9', 'SIGNED', '4:db:1', '4:db:2', { since: neo4j.int(2024) })))).toEqual({
      $type: 'Relationship',
      elementId: '5:db:9',
      type: 'SIGNED',
      startElementId: '4:db:1',
      endElementId: '4:db:2',
      properties: { since: 2024 },
    });
  });

  it('converts a path into its segments', () => {
    const a = driverNode('4:db:1', ['A'], { id: 'a' });
    const b = driverNode('4:db:2', ['B'], { id: 'b' });
    const json = toJson(fromDriver(new Path(a, b, [new PathSegment(a, driverRel('5:db:1', 'R', '4:db:1', '4:db:2'), b)]))) as Record<string, unknown>;
    expect(json.$type).toBe('Path');
    expect((json.segments as unknown[]).length).toBe(1);
  });
});

describe('transportId', () => {
  it.each([
    ['a string id property', { id: 'kim-jong-un' }, 'kim-jong-un'],
    ['an integer id property', { id: neo4j.int(7) }, '7'],
    ['an integer id beyond 2^53', { id: neo4j.int('9007199254740993') }, '9007199254740993'],
    ['no id property: the elementId', { name: 'x' }, '4:db:3'],
    ['an empty id: the elementId', { id: '' }, '4:db:3'],
    ['a list id: the elementId', { id: ['a'] }, '4:db:3'],
  ])('uses %s', (_name, properties, expected) => {
    expect(transportId('4:db:3', toPropertyValues(properties))).toBe(expected);
  });
});

describe('GraphCollector', () => {
  const a = node('4:db:1', ['Person'], { id: 'putin' });
  const b = node('4:db:2', ['Agreement'], { id: 'treaty' });
  const orphan = node('4:db:3', ['X'], {});
  /** The labels whose `id` an index covers in these tests' imagined database. */
  const idLabels = new Set(['Person', 'Agreement']);

  it('gathers nodes and relationships from lists, maps and paths, without duplicates', () => {
    const signed = driverRel('5:db:1', 'SIGNED', '4:db:1', '4:db:2', { id: 'putin-signed' });
    const graph = new GraphCollector({ idLabels })
      .add([a, b, a])
      .add(fromDriver({ nested: { rel: signed } }))
      .add(fromDriver(new Path(driverNode('4:db:1', ['Person'], { id: 'putin' }), driverNode('4:db:2', ['Agreement'], { id: 'treaty' }), [new PathSegment(driverNode('4:db:1', ['Person'], { id: 'putin' }), signed, driverNode('4:db:2', ['Agreement'], { id: 'treaty' }))])))
      .toGraph();
    expect(graph.nodes.map((n) => n.id)).toEqual(['putin', 'treaty']);
    expect(graph.relationships).toEqual([
      { id: 'putin-signed', elementId: '5:db:1', type: 'SIGNED', source: 'putin', target: 'treaty', properties: { id: 'putin-signed' } },
    ]);
  });

  it('names relationship ends by transport id, falling back to elementId for nodes without id', () => {
    const graph = new GraphCollector({ idLabels }).add([a, orphan, rel('5:db:2', 'KNOWS', '4:db:1', '4:db:3')]).toGraph();
    expect(graph.relationships[0]).toMatchObject({ id: '5:db:2', source: 'putin', target: '4:db:3' });
  });

  it('drops a relationship whose end node was not gathered', () => {
    const graph = new GraphCollector({ idLabels }).add([a, rel('5:db:3', 'KNOWS', '4:db:1', '4:db:99')]).toGraph();
    expect(graph.relationships).toEqual([]);
  });

  it('addresses a node by its id only when one of its labels indexes id, else by elementId', () => {
    const unindexed = node('4:db:4', ['Loose'], { id: 'loose-1' });
    expect(toGraphNode(a, idLabels).id).toBe('putin');
    expect(toGraphNode(unindexed, idLabels).id).toBe('4:db:4');
    expect(toGraphNode(a, new Set()).id).toBe('4:db:1');
    const graph = new GraphCollector({ idLabels }).add([a, unindexed, rel('5:db:4', 'KNOWS', '4:db:1', '4:db:4')]).toGraph();
    expect(graph.relationships[0]).toMatchObject({ source: 'putin', target: '4:db:4' });
  });

  it('keeps toGraphNode labels as a copy', () => {
    const mapped = toGraphNode(a, idLabels);
    mapped.labels.push('Mutated');
    expect(a.labels).toEqual(['Person']);
  });
});
