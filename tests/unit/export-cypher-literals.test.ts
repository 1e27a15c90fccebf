import { describe, expect, it } from 'vitest';
import type { PropertyValue } from '../../server/src/db/property-values.ts';
import { cypherLiteral, cypherMap, cypherString, quoteName } from '../../server/src/export/cypher-literals.ts';
import { AWKWARD_STRINGS } from '../support/export-graphs.ts';

describe('cypherLiteral', () => {
  it.each<[string, PropertyValue, string]>([
    ['the largest integer', 9223372036854775807n, '9223372036854775807'],
    ['the smallest integer', -9223372036854775808n, '-9223372036854775808'],
    ['0.1', 0.1, '0.1'],
    ['a whole float, still a float', 3, '3.0'],
    ['1e300', 1e300, '1e+300'],
    ['negative zero', -0, '-0.0'],
    ['NaN', Number.NaN, '(0.0/0.0)'],
    ['Infinity', Infinity, '(1.0/0.0)'],
    ['-Infinity', -Infinity, '(-1.0/0.0)'],
    ['true', true, 'true'],
    ['an empty string', '', "''"],
    ['a list', ['a', 1n, 2.5], "['a', 1, 2.5]"],
    ['an empty list', [], '[]'],
    ['bytes, as integers (Cypher has no byte literal)', new Uint8Array([0, 255]), '[0, 255]'],
    ['a date', { $type: 'Date', iso: '2024-06-19' }, "date('2024-06-19')"],
    ['a far-future date', { $type: 'Date', iso: '+010000-01-01' }, "date('+010000-01-01')"],
    ['a local datetime', { $type: 'LocalDateTime', iso: '2024-06-19T10:00:00.000000001' }, "localdatetime('2024-06-19T10:00:00.000000001')"],
    ['a local time', { $type: 'LocalTime', iso: '23:59:59.999999999' }, "localtime('23:59:59.999999999')"],
    ['a time', { $type: 'Time', iso: '10:00:00.5-03:30', offsetSeconds: -12600 }, "time('10:00:00.5-03:30')"],
    [
      'a datetime with a zone',
      { $type: 'DateTime', iso: '2024-10-27T02:30:00+01:00[Europe/Berlin]', offsetSeconds: 3600, zoneId: 'Europe/Berlin', epochSeconds: 1729992600n, nanosecond: 0 },
      "datetime('2024-10-27T02:30:00+01:00[Europe/Berlin]')",
    ],
    [
      'a datetime whose offset has seconds (local mean time)',
      { $type: 'DateTime', iso: '1850-03-15T12:00:00+00:49:56[Europe/Rome]', offsetSeconds: 2996, zoneId: 'Europe/Rome', epochSeconds: -3782632196n, nanosecond: 5 },
      "datetime({epochSeconds: -3782632196, nanosecond: 5, timezone: 'Europe/Rome'})",
    ],
    [
      'a duration, from its parts',
      { $type: 'Duration', iso: 'P14M3DT-0.500000000S', months: 14n, days: 3n, seconds: -1n, nanoseconds: 500000000 },
      'duration({months: 14, days: 3, seconds: -1, nanoseconds: 500000000})',
    ],
    ['a 2D point', { $type: 'Point', srid: 4326, x: 30.1, y: 48 }, 'point({srid: 4326, x: 30.1, y: 48.0})'],
    ['a 3D point', { $type: 'Point', srid: 9157, x: 1, y: 2, z: -0 }, 'point({srid: 9157, x: 1.0, y: 2.0, z: -0.0})'],
  ])('writes %s', (_name, value, literal) => {
    expect(cypherLiteral(value)).toBe(literal);
  });
});

describe('cypherString', () => {
  it.each([
    [`it's`, `'it\\'s'`],
    ['back\\slash', `'back\\\\slash'`],
    ['a\nb\r\tc', `'a\\nb\\r\\tc'`],
    ['bell \u0007 and \u2028', `'bell \\u0007 and \\u2028'`],
    ['emoji 😀 stays', `'emoji 😀 stays'`],
  ])('escapes %j', (text, literal) => {
    expect(cypherString(text)).toBe(literal);
  });

  it.each(AWKWARD_STRINGS)('keeps %j on one line, inside its quotes', (text) => {
    const literal = cypherString(text);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*'/);
  });
});

describe('names', () => {
  it.each([
    ['Person', '`Person`'],
    ['Label With Spaces', '`Label With Spaces`'],
    ['Back`tick', '`Back``tick`'],
  ])('back-quotes %j with backquotes doubled', (name, quoted) => {
    expect(quoteName(name)).toBe(quoted);
  });

  it('writes property maps with back-quoted keys', () => {
    expect(cypherMap({ 'odd key': 1n, 'x`y': 'z' })).toBe("{`odd key`: 1, `x``y`: 'z'}");
  });
});
