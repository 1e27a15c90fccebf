import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { propertyValueToJson, toPropertyValue, type TemporalValue } from '../../server/src/db/property-values.ts';
import { elementJsonText, floatText, propertyText } from '../../server/src/export/property-text.ts';

const { Date: NeoDate, DateTime, LocalDateTime, LocalTime, Time, Duration, Point } = neo4j.types;

describe('toPropertyValue', () => {
  it('keeps INTEGER and FLOAT apart, integers exact', () => {
    expect(toPropertyValue(neo4j.int('9223372036854775807'))).toBe(9223372036854775807n);
    expect(toPropertyValue(3)).toBe(3);
    expect(Object.is(toPropertyValue(-0), -0)).toBe(true);
  });

  it('gives a datetime its instant, so a zone with a seconds offset can be rebuilt', () => {
    const lmt = toPropertyValue(new DateTime(1850, 3, 15, 12, 0, 0, 0, 2996, 'Europe/Rome')) as TemporalValue;
    expect(lmt).toMatchObject({ $type: 'DateTime', zoneId: 'Europe/Rome', offsetSeconds: 2996, nanosecond: 0 });
    expect(lmt.epochSeconds).toBe(BigInt(Date.UTC(1850, 2, 15, 12) / 1000 - 2996));
    const ancient = toPropertyValue(new DateTime(-44, 3, 15, 0, 0, 0, 0, 0)) as TemporalValue;
    expect(ancient.epochSeconds).toBe(BigInt(Date.UTC(-44, 2, 15) / 1000));
  });
});

describe('property text (CSV cells, GraphML values)', () => {
  it.each([
    [0.1, '0.1'],
    [3, '3.0'],
    [-0, '-0.0'],
    [1e300, '1e+300'],
    [5e-324, '5e-324'],
    [Number.NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('writes the float %s as %s, which reads back to the same double', (value, text) => {
    expect(floatText(value)).toBe(text);
    expect(Object.is(Number(text), value) || (Number.isNaN(value) && Number.isNaN(Number(text)))).toBe(true);
  });

  it.each([
    ['a string', 'it\'s "x"', 'it\'s "x"'],
    ['an integer beyond 2^53', 9007199254740993n, '9007199254740993'],
    ['a boolean', false, 'false'],
    ['a list, as JSON with exact integers (numbers, not strings)', [1n, 9007199254740993n, -9223372036854775808n], '[1,9007199254740993,-9223372036854775808]'],
    ['a list of floats, each a float', [5, 0.1], '[5,0.1]'],
    ['a date, as ISO 8601', { $type: 'Date', iso: '2024-06-19' } as const, '2024-06-19'],
    ['a point, as JSON', { $type: 'Point', srid: 4326, x: 30.1, y: 48 } as const, '{"$type":"Point","srid":4326,"x":30.1,"y":48}'],
  ])('writes %s', (_name, value, text) => {
    expect(propertyText(value)).toBe(text);
  });
});

describe('elementJsonText (json and cytoscape exports)', () => {
  it('writes an integer beyond 2^53 as an exact JSON number, inside lists too, and the rest as the API does', () => {
    const text = elementJsonText({ id: 'n1' }, { big: 9007199254740993n, ints: [1n, -9223372036854775808n], small: 5n, when: { $type: 'Date', iso: '2024-06-19' } });
    expect(text).toBe('{"id":"n1","properties":{"big":9007199254740993,"ints":[1,-9223372036854775808],"small":5,"when":{"$type":"Date","value":"2024-06-19"}}}');
    expect(elementJsonText({ id: 'n2' }, { small: 5n, name: 'x' }, (data) => ({ data }))).toBe('{"data":{"id":"n2","properties":{"small":5,"name":"x"}}}');
  });
});
