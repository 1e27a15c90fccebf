/**
 * Property values as Cypher literals that re-create them exactly: integers as their exact digits, floats
 * as the shortest text that reads back to the same double (`-0.0`; NaN and infinities as `0.0/0.0`,
 * `1.0/0.0`, `-1.0/0.0`), strings single-quoted with every quote, backslash and control character escaped,
 * temporal values through their constructors (`date('2024-06-19')`, `datetime('…+01:00[Europe/Berlin]')`),
 * durations and points from their parts, and names back-quoted with backquotes doubled.
 *
 * Byte arrays have no Cypher literal: they are written as lists of integers (the one lossy case).
 */
import type { PropertyValue, TemporalValue } from '../db/property-values.ts';
import { quoteName } from '../graph/search-index.ts';
import { floatText } from './property-text.ts';

export { quoteName };

const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A single-quoted Cypher string: quotes and backslashes escaped, control and line-separator characters as \uXXXX. */
export function cypherString(text: string): string {
  const escaped = text.replace(/[\\'\u0000-\u001F\u007F\u2028\u2029]/g, (c) => STRING_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

export function cypherFloat(value: number): string {
  if (Number.isNaN(value)) return '(0.0/0.0)';
  if (value === Infinity) return '(1.0/0.0)';
  if (value === -Infinity) return '(-1.0/0.0)';
  return floatText(value);
}

/** `+01:00`, or `+00:49:56` for the historical offsets that have seconds. */
function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
  return abs % 60 === 0 ? text : `${text}:${pad(abs % 60)}`;
}

function temporal(value: TemporalValue): string {
  switch (value.$type) {
    case 'Date':
      return `date(${cypherString(value.iso)})`;
    case 'LocalDateTime':
      return `localdatetime(${cypherString(value.iso)})`;
    case 'LocalTime':
      return `localtime(${cypherString(value.iso)})`;
    case 'Time':
      return `time(${cypherString(value.iso)})`;
    case 'DateTime':
      // Neo4j parses its own text back, offset and zone included, except offsets with seconds (local mean
      // time before 1900): those are rebuilt from the instant and the zone.
      if (value.offsetSeconds === undefined || value.offsetSeconds % 60 === 0 || value.epochSeconds === undefined) {
        return `datetime(${cypherString(value.iso)})`;
      }
      return `datetime({epochSeconds: ${value.epochSeconds}, nanosecond: ${value.nanosecond ?? 0}, timezone: ${cypherString(value.zoneId ?? offsetText(value.offsetSeconds))}})`;
  }
}

export function cypherLiteral(value: PropertyValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return cypherFloat(value);
  if (value instanceof Uint8Array) return `[${Array.from(value).join(', ')}]`;
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  switch (value.$type) {
    case 'Duration':
      return `duration({months: ${value.months}, days: ${value.days}, seconds: ${value.seconds}, nanoseconds: ${value.nanoseconds}})`;
    case 'Point':
      return `point({srid: ${value.srid}, x: ${cypherFloat(value.x)}, y: ${cypherFloat(value.y)}${value.z !== undefined ? `, z: ${cypherFloat(value.z)}` : ''}})`;
    default:
      return temporal(value);
  }
}

/** A map literal of properties: `{`name`: 'North Korea', `aliases`: ['DPRK']}`. */
export function cypherMap(properties: Record<string, PropertyValue>): string {
  return `{${Object.entries(properties)
    .map(([key, value]) => `${quoteName(key)}: ${cypherLiteral(value)}`)
    .join(', ')}}`;
}
