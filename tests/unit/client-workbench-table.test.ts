import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../server/src/contract.ts';
import { cellClipboardText, compareValues, nextSort, sortRows, toDelimited, type Row } from '../../client/src/workbench/result-table.ts';
import { isNodeValue, isPathValue, isRelationshipValue, valueText } from '../../client/src/workbench/result-values.ts';

const node = (id: string, name: string, labels = ['Person']) => ({ id, elementId: `4:x:${id}`, labels, properties: { name } });
const rel = (type: string, start: string, end: string) => ({
  $type: 'Relationship',
  elementId: `5:x:${type}`,
  type,
  startElementId: `4:x:${start}`,
  endElementId: `4:x:${end}`,
  properties: {},
});

const column = (rows: Row[], key: string) => rows.map((row) => row[key] ?? null);

describe('sorting the result table', () => {
  it('cycles a column ascending, descending, then back to the order returned', () => {
    const asc = nextSort(null, 'name');
    expect(asc).toEqual({ column: 'name', direction: 'asc' });
    const desc = nextSort(asc, 'name');
    expect(desc).toEqual({ column: 'name', direction: 'desc' });
    expect(nextSort(desc, 'name')).toBeNull();
    expect(nextSort(desc, 'age')).toEqual({ column: 'age', direction: 'asc' });
  });

  it('sorts numbers numerically, integers beyond 2^53 (sent as strings) among them', () => {
    const rows = [{ v: 10 }, { v: '9007199254740993' }, { v: 2 }, { v: -3.5 }, { v: '9007199254740992' }];
    expect(column(sortRows(rows, { column: 'v', direction: 'asc' }), 'v')).toEqual([-3.5, 2, 10, '9007199254740992', '9007199254740993']);
  });

  it('sorts text naturally and without regard to case', () => {
    const rows = [{ v: 'item 10' }, { v: 'Item 9' }, { v: 'apple' }];
    expect(column(sortRows(rows, { column: 'v', direction: 'asc' }), 'v')).toEqual(['apple', 'Item 9', 'item 10']);
  });

  it('keeps nulls and missing values last in both directions', () => {
    const rows: Row[] = [{ v: null }, { v: 1 }, {}, { v: 3 }];
    expect(column(sortRows(rows, { column: 'v', direction: 'asc' }), 'v')).toEqual([1, 3, null, null]);
    expect(column(sortRows(rows, { column: 'v', direction: 'desc' }), 'v')).toEqual([3, 1, null, null]);
  });

  it('keeps the returned order of equal values (a stable sort)', () => {
    const rows = [{ k: 1, i: 'a' }, { k: 0, i: 'b' }, { k: 1, i: 'c' }, { k: 0, i: 'd' }];
    expect(column(sortRows(rows, { column: 'k', direction: 'desc' }), 'i')).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts nodes by their caption', () => {
    const rows = [{ n: node('b', 'Vladimir Putin') }, { n: node('a', 'Kim Jong-un') }];
    expect(sortRows(rows, { column: 'n', direction: 'asc' }).map((row) => row.n.id)).toEqual(['a', 'b']);
  });

  it('orders a column of mixed kinds: numbers, text, booleans, lists, maps', () => {
    const values: JsonValue[] = [{ a: 1 }, [1], true, 'text', 5];
    expect([...values].sort(compareValues)).toEqual([5, 'text', true, [1], { a: 1 }]);
  });

  it('returns the rows as they came without a sort, as a new array', () => {
    const rows = [{ v: 2 }, { v: 1 }];
    const same = sortRows(rows, null);
    expect(same).toEqual(rows);
    expect(same).not.toBe(rows);
  });
});

describe('copying the result table', () => {
  const columns = ['name', 'note', 'n'];
  const rows: Row[] = [
    { name: 'Kim Jong-un', note: 'said "yes", then\tleft\nearly', n: node('kim', 'Kim Jong-un', ['Actor', 'Person']) },
    { name: null, note: 42, n: null },
  ];

  it('writes TSV with a header, tabs and line breaks inside values turned into spaces', () => {
    expect(toDelimited(columns, rows, 'tsv').split('\n')).toEqual([
      'name\tnote\tn',
      'Kim Jong-un\tsaid "yes", then left early\t(:Actor:Person Kim Jong-un)',
      '\t42\t',
    ]);
  });

  it('writes CSV quoting values with commas, quotes or line breaks (RFC 4180)', () => {
    expect(toDelimited(columns, rows, 'csv').split('\r\n')).toEqual([
      'name,note,n',
      'Kim Jong-un,"said ""yes"", then\tleft\nearly",(:Actor:Person Kim Jong-un)',
      ',42,',
    ]);
  });

  it.each<[string, JsonValue, string]>([
    ['a string as itself', 'Pyongyang', 'Pyongyang'],
    ['null as nothing', null, ''],
    ['a big integer as its digits', '9223372036854775807', '9223372036854775807'],
    ['a date as its ISO text', { $type: 'Date', value: '2024-06-19' }, '2024-06-19'],
    ['a list as pretty JSON', [1, 2], '[\n  1,\n  2\n]'],
    ['a node as pretty JSON', node('kim', 'Kim'), JSON.stringify(node('kim', 'Kim'), null, 2)],
  ])('copies one cell: %s', (_case, value, expected) => {
    expect(cellClipboardText(value)).toBe(expected);
  });
});

describe('reading values in result rows', () => {
  it('tells nodes, relationships and paths apart from maps that look alike', () => {
    expect(isNodeValue(node('a', 'A'))).toBe(true);
    expect(isNodeValue({ id: 'a', labels: [], properties: {} })).toBe(false);
    expect(isRelationshipValue(rel('SIGNED', 'a', 'b'))).toBe(true);
    expect(isRelationshipValue({ type: 'SIGNED', properties: {} })).toBe(false);
    expect(isPathValue({ $type: 'Path', start: node('a', 'A'), end: node('a', 'A'), segments: [] })).toBe(true);
  });

  it('writes a path as the chain it walks, with each relationship’s direction', () => {
    const kim = node('kim', 'Kim Jong-un');
    const treaty = node('treaty', 'Partnership agreement', ['Agreement']);
    const putin = node('putin', 'Vladimir Putin');
    const path = {
      $type: 'Path',
      start: kim,
      end: putin,
      segments: [
        { start: kim, relationship: rel('SIGNED', 'kim', 'treaty'), end: treaty },
        { start: putin, relationship: rel('SIGNED', 'putin', 'treaty'), end: treaty },
      ],
    };
    expect(valueText(path)).toBe('(:Person Kim Jong-un)-[:SIGNED]->(:Agreement Partnership agreement)<-[:SIGNED]-(:Person Vladimir Putin)');
  });

  it('writes a point the way Cypher writes one', () => {
    expect(valueText({ $type: 'Point', srid: 4326, x: 37.6, y: 55.7 })).toBe('point({srid: 4326, x: 37.6, y: 55.7})');
  });
});
