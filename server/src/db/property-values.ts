/**
 * Property values with their Neo4j types. JSON can't tell the INTEGER 5 from the FLOAT 5.0, nor keep NaN or
 * -0.0; an export that re-creates a graph must. `PropertyValue` keeps every Neo4j type without anything of
 * the driver's: values.ts's `fromDriver` converts every scalar through `toPropertyValue`, exporters
 * (server/src/export/) write files from it, and `propertyValueToJson` is the API's JSON for it.
 */
import neo4j, { type Point } from 'neo4j-driver';
import type { JsonValue } from '../contract.ts';

/** A temporal instant or time of day: Neo4j's ISO text, plus the parts a Cypher literal needs. */
export interface TemporalValue {
  $type: 'Date' | 'DateTime' | 'LocalDateTime' | 'LocalTime' | 'Time';
  /** The driver's ISO text, e.g. `2024-10-27T02:30:00+01:00[Europe/Berlin]` (years beyond 9999 as `+010000`). */
  iso: string;
  /** DateTime and Time: the offset from UTC in seconds. */
  offsetSeconds?: number;
  /** DateTime: the named zone, when it has one. */
  zoneId?: string;
  /** DateTime: the instant as seconds since 1970-01-01T00:00Z and the nanoseconds within that second. */
  epochSeconds?: bigint;
  nanosecond?: number;
}

export interface DurationValue {
  $type: 'Duration';
  iso: string;
  months: bigint;
  days: bigint;
  seconds: bigint;
  nanoseconds: number;
}

export interface PointValue {
  $type: 'Point';
  srid: number;
  x: number;
  y: number;
  z?: number;
}

/**
 * A property value with its Neo4j type: INTEGER as `bigint` (exact), FLOAT as `number` (NaN, ±Infinity and
 * -0.0 included), STRING, BOOLEAN, byte arrays (as `Uint8Array`, bytes 0..255, whichever typed array the
 * driver gave), temporal values, durations, points and lists of them.
 * `null` only appears inside values read from queries, never as a stored property.
 */
export type PropertyValue =
  | null
  | boolean
  | string
  | bigint
  | number
  | Uint8Array
  | TemporalValue
  | DurationValue
  | PointValue
  | PropertyValue[];

/** Exact integers beyond ±2^53 travel as strings. */
export function integerToJson(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function bigintOf(value: unknown): bigint {
  if (typeof value === 'number') return BigInt(value);
  if (neo4j.isInt(value) && value.inSafeRange()) return BigInt(value.toNumber());
  return BigInt(String(value));
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), exact for any year. */
function daysFromCivil(year: bigint, month: bigint, day: bigint): bigint {
  const y = month <= 2n ? year - 1n : year;
  const era = (y >= 0n ? y : y - 399n) / 400n;
  const yoe = y - era * 400n;
  const doy = (153n * (month + (month > 2n ? -3n : 9n)) + 2n) / 5n + day - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * A Date's ISO text: for years 0..9999 written here, since the driver's `toString` does 64-bit `Integer`
 * arithmetic for every date (a third of an export's time with a date on every relationship, profiled);
 * other years by the driver (`+10000-01-01`, `-0001-01-01`).
 */
function dateText(date: { year: unknown; month: unknown; day: unknown }): string {
  const year = neo4j.integer.toNumber(date.year as number);
  if (year < 0 || year > 9999) return String(date);
  return `${pad(year, 4)}-${pad(neo4j.integer.toNumber(date.month as number), 2)}-${pad(neo4j.integer.toNumber(date.day as number), 2)}`;
}

/**
 * A duration as Neo4j prints it (`P1Y2M3DT4H5M6.789S`; `PT0S` when zero): months as years and months,
 * seconds as hours, minutes and seconds with the nanoseconds as a trimmed fraction, each part with its own
 * sign, zero parts left out. The driver's own text keeps the raw fields (`P14M3DT14706.789S`). Both are
 * ISO 8601 and both are read back by Cypher's duration().
 */
export function durationText({ months, days, seconds, nanoseconds }: { months: bigint; days: bigint; seconds: bigint; nanoseconds: bigint }): string {
  if (months === 0n && days === 0n && seconds === 0n && nanoseconds === 0n) return 'PT0S';
  const part = (amount: bigint, unit: string) => (amount === 0n ? '' : `${amount}${unit}`);
  let text = `P${part(months / 12n, 'Y')}${part(months % 12n, 'M')}${part(days, 'D')}`;
  // Neo4j keeps 0 <= nanoseconds < 10^9, the sign in the seconds: -0.5 s is seconds -1, nanoseconds 5e8.
  const totalNanos = seconds * 1_000_000_000n + nanoseconds;
  if (totalNanos !== 0n) {
    const sign = totalNanos < 0n ? -1n : 1n;
    const magnitude = totalNanos * sign;
    const wholeSeconds = magnitude / 1_000_000_000n;
    const fraction = (magnitude % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
    const hours = wholeSeconds / 3600n;
    const minutes = (wholeSeconds % 3600n) / 60n;
    const secs = wholeSeconds % 60n;
    const minus = sign < 0n ? '-' : '';
    text += 'T';
    if (hours !== 0n) text += `${minus}${hours}H`;
    if (minutes !== 0n) text += `${minus}${minutes}M`;
    if (secs !== 0n || fraction !== '') text += `${minus}${secs}${fraction ? `.${fraction}` : ''}S`;
  }
  return text;
}

function temporalValue(value: unknown): TemporalValue | DurationValue | PointValue | undefined {
  if (neo4j.isDate(value)) return { $type: 'Date', iso: dateText(value) };
  const iso = String(value);
  if (neo4j.isLocalDateTime(value)) return { $type: 'LocalDateTime', iso };
  if (neo4j.isLocalTime(value)) return { $type: 'LocalTime', iso };
  if (neo4j.isTime(value)) {
    const time = value as { timeZoneOffsetSeconds: unknown };
    return { $type: 'Time', iso, offsetSeconds: Number(bigintOf(time.timeZoneOffsetSeconds)) };
  }
  if (neo4j.isDateTime(value)) {
    const dt = value as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'nanosecond' | 'timeZoneOffsetSeconds', unknown> & {
      timeZoneId?: string | null;
    };
    const out: TemporalValue = { $type: 'DateTime', iso, nanosecond: Number(bigintOf(dt.nanosecond)) };
    if (dt.timeZoneId) out.zoneId = dt.timeZoneId;
    if (dt.timeZoneOffsetSeconds !== undefined && dt.timeZoneOffsetSeconds !== null) {
      const offsetSeconds = bigintOf(dt.timeZoneOffsetSeconds);
      const local =
        daysFromCivil(bigintOf(dt.year), bigintOf(dt.month), bigintOf(dt.day)) * 86_400n +
        bigintOf(dt.hour) * 3600n +
        bigintOf(dt.minute) * 60n +
        bigintOf(dt.second);
      out.offsetSeconds = Number(offsetSeconds);
      out.epochSeconds = local - offsetSeconds;
    }
    return out;
  }
  if (neo4j.isDuration(value)) {
    const d = value as Record<'months' | 'days' | 'seconds' | 'nanoseconds', unknown>;
    const parts = { months: bigintOf(d.months), days: bigintOf(d.days), seconds: bigintOf(d.seconds), nanoseconds: bigintOf(d.nanoseconds) };
    return { $type: 'Duration', iso: durationText(parts), ...parts, nanoseconds: Number(parts.nanoseconds) };
  }
  if (neo4j.isPoint(value)) {
    const point = value as Point;
    const out: PointValue = { $type: 'Point', srid: Number(bigintOf(point.srid)), x: point.x, y: point.y };
    if (point.z !== undefined) out.z = point.z;
    return out;
  }
  return undefined;
}

/** Converts a property value the driver returns into a `PropertyValue`, keeping its type. */
export function toPropertyValue(value: unknown): PropertyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (neo4j.isInt(value)) return bigintOf(value);
  // The driver returns byte arrays as Int8Array (Java's signed bytes); a PropertyValue holds them as bytes 0..255.
  if (value instanceof Uint8Array) return value;
  if (value instanceof Int8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(toPropertyValue);
  const typed = temporalValue(value);
  if (typed !== undefined) return typed;
  return String(value);
}

export function toPropertyValues(properties: Record<string, unknown>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = toPropertyValue(value);
  return out;
}

/** The API's JSON for a `PropertyValue`: the same as `toJson` gives for the driver value it came from. */
export function propertyValueToJson(value: PropertyValue): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return integerToJson(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $type: 'Float', value: String(value) };
  if (value instanceof Uint8Array) return { $type: 'Bytes', base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(propertyValueToJson);
  if (value.$type === 'Point') {
    const json: { [key: string]: JsonValue } = { $type: 'Point', srid: value.srid, x: value.x, y: value.y };
    if (value.z !== undefined) json.z = value.z;
    return json;
  }
  return { $type: value.$type, value: value.iso };
}
