/**
 * The API's tagged values (db/property-values.ts) read back as Cypher parameters, so that a value a query
 * returned can be pasted into the workbench's parameters as it is: `{"$type":"Date","value":"2024-06-19"}`
 * becomes a DATE, and likewise LocalTime, Time, LocalDateTime, DateTime (with its zone id in brackets),
 * Duration (ISO 8601, as Neo4j prints it), Point `{srid, x, y, z?}`, Float (`NaN`, `Infinity`) and Bytes
 * `{base64}`. One ambiguity: a map of one's own with a `$type` key is read as a tagged value; pass such a
 * map as `{"$type":"Map","value":{…}}`. An unknown `$type`, a key the type does not have, or a malformed or
 * impossible value (month 13, 30 February, 25:00, an offset beyond ±18:00, a zone the driver does not know,
 * an srid Neo4j has no coordinate system for) is a 400 VALIDATION_FAILED that says why: nothing is left for
 * the driver or Neo4j to refuse (a 500 or a dropped connection) or to change silently (30 February → 1 March).
 */
import neo4j from 'neo4j-driver';
import { AppError } from '../errors.ts';

const { Date: CypherDate, DateTime, Duration, LocalDateTime, LocalTime, Point, Time } = neo4j.types;

const DATE = /^([+-]?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const OFFSET = /^(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/;
const DURATION = /^([+-])?P(?:([+-]?\d+)Y)?(?:([+-]?\d+)M)?(?:([+-]?\d+)W)?(?:([+-]?\d+)D)?(?:T(?:([+-]?\d+)H)?(?:([+-]?\d+)M)?(?:([+-]?\d+)(?:\.(\d{1,9}))?S)?)?$/;

/** Neo4j's coordinate reference systems: Cartesian 2D and 3D, WGS-84 2D and 3D. */
const SRIDS: ReadonlyMap<number, { dimensions: 2 | 3 }> = new Map([
  [7203, { dimensions: 2 }],
  [9157, { dimensions: 3 }],
  [4326, { dimensions: 2 }],
  [4979, { dimensions: 3 }],
]);
/** The keys each tagged type has besides `$type`. */
const KEYS_BY_TYPE: Readonly<Record<string, readonly string[]>> = { Point: ['srid', 'x', 'y', 'z'], Bytes: ['base64'] };
const VALUE_KEYS: readonly string[] = ['value'];
/** Offsets from UTC that Java (and so Neo4j) accepts: ±18:00. */
const MAX_OFFSET_SECONDS = 18 * 3600;

/** The error for a malformed tagged value; `why` says what is wrong with it. paramsFromJson adds the parameter's name. */
function invalid(type: string, value: unknown, why?: string): AppError {
  return new AppError('VALIDATION_FAILED', `its ${type} value ${JSON.stringify(value)?.slice(0, 80)} is not valid${why ? `: ${why}` : ''}.`);
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function dateParts(text: string, type: string): [number, number, number] {
  const match = DATE.exec(text);
  if (!match) throw invalid(type, text, 'a date is written YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) throw invalid(type, text, `there is no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) throw invalid(type, text, `month ${month} of ${year} has ${daysInMonth(year, month)} days`);
  return [year, month, day];
}

function timeParts(text: string, type: string): [number, number, number, number] {
  const match = TIME.exec(text);
  if (!match) throw invalid(type, text, 'a time is written hh:mm, hh:mm:ss or hh:mm:ss.fffffffff');
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) throw invalid(type, text, 'hours run 00–23, minutes and seconds 00–59');
  return [hour, minute, second, Number((match[4] ?? '').padEnd(9, '0'))];
}

function offsetSeconds(text: string, type: string, whole: string): number {
  if (!OFFSET.test(text)) throw invalid(type, whole, 'an offset is written Z, ±hh:mm or ±hh:mm:ss');
  if (text === 'Z') return 0;
  const [hours = 0, minutes = 0, seconds = 0] = text.slice(1).split(':').map(Number);
  const total = hours * 3600 + minutes * 60 + seconds;
  if (minutes > 59 || seconds > 59 || total > MAX_OFFSET_SECONDS) throw invalid(type, whole, 'an offset lies within ±18:00');
  return (text.startsWith('-') ? -1 : 1) * total;
}

/** The zone, if the driver knows it (it checks zone names with Intl, and throws a Neo4jError for others). */
function dateTimeWithZone(type: string, text: string, make: () => unknown): unknown {
  try {
    return make();
  } catch {
    throw invalid(type, text, 'its time zone is not a known zone id (such as Europe/Berlin)');
  }
}

/** Throws unless `value` has only the keys its type has. */
function checkKeys(type: string, value: Record<string, unknown>): void {
  const allowed = KEYS_BY_TYPE[type] ?? VALUE_KEYS;
  const extra = Object.keys(value).filter((key) => key !== '$type' && !allowed.includes(key));
  if (extra.length > 0) {
    throw new AppError('VALIDATION_FAILED', `its ${type} value has keys a ${type} does not have (${extra.join(', ').slice(0, 80)}); it has ${allowed.join(', ')}.`);
  }
}

/** Splits `2024-06-19T10:00:00.5+03:00[Europe/Kyiv]` into date, time, offset and zone. */
function splitDateTime(text: string, type: string): { date: string; time: string; offset: string | null; zone: string | null } {
  const match = /^([^T]+)T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/.exec(text);
  if (!match) throw invalid(type, text, 'a date and time is written YYYY-MM-DDThh:mm:ss with an offset, a [Zone/Id] or both');
  return { date: match[1] as string, time: match[2] as string, offset: match[3] ?? null, zone: match[4] ?? null };
}

/** ISO 8601 duration → Neo4j's months, days, seconds and nanoseconds (0 ≤ nanoseconds < 10^9). */
function duration(text: string): InstanceType<typeof Duration> {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) throw invalid('Duration', text);
  const sign = match[1] === '-' ? -1n : 1n;
  const n = (index: number) => BigInt(match[index] ?? 0);
  const months = sign * (n(2) * 12n + n(3));
  const days = sign * (n(4) * 7n + n(5));
  const wholeSeconds = n(6) * 3600n + n(7) * 60n + n(8);
  const fraction = BigInt((match[9] ?? '').padEnd(9, '0') || '0') * ((match[8] ?? '').startsWith('-') ? -1n : 1n);
  const totalNanos = sign * (wholeSeconds * 1_000_000_000n + fraction);
  let seconds = totalNanos / 1_000_000_000n;
  let nanos = totalNanos % 1_000_000_000n;
  if (nanos < 0n) {
    nanos += 1_000_000_000n;
    seconds -= 1n;
  }
  return new Duration(neo4j.int(months.toString()), neo4j.int(days.toString()), neo4j.int(seconds.toString()), neo4j.int(nanos.toString()));
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(['Map', 'Date', 'LocalTime', 'Time', 'LocalDateTime', 'DateTime', 'Duration', 'Point', 'Float', 'Bytes']);

/** The Cypher value of a tagged JSON value (`value.$type` a string); `convert` converts a Map's entries. */
export function taggedParam(value: Record<string, unknown>, convert: (item: unknown) => unknown): unknown {
  const type = value.$type as string;
  if (KNOWN_TYPES.has(type)) checkKeys(type, value);
  const text = typeof value.value === 'string' ? value.value : undefined;
  const needText = (): string => {
    if (text === undefined) throw invalid(type, value.value);
    return text;
  };
  switch (type) {
    case 'Map': {
      const map = value.value;
      if (typeof map !== 'object' || map === null || Array.isArray(map)) throw invalid(type, map);
      return Object.fromEntries(Object.entries(map).map(([key, item]) => [key, convert(item)]));
    }
    case 'Date':
      return new CypherDate(...dateParts(needText(), type));
    case 'LocalTime':
      return new LocalTime(...timeParts(needText(), type));
    case 'Time': {
      const match = /^(.*?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/.exec(needText());
      if (!match) throw invalid(type, text, 'a time with an offset is written hh:mm:ss±hh:mm');
      return new Time(...timeParts(match[1] as string, type), offsetSeconds(match[2] as string, type, match[0]));
    }
    case 'LocalDateTime': {
      const parts = splitDateTime(needText(), type);
      if (parts.offset || parts.zone) throw invalid(type, text);
      return new LocalDateTime(...dateParts(parts.date, type), ...timeParts(parts.time, type));
    }
    case 'DateTime': {
      const parts = splitDateTime(needText(), type);
      if (!parts.offset && !parts.zone) throw invalid(type, text);
      const offset = parts.offset ? offsetSeconds(parts.offset, type, needText()) : undefined;
      const [date, time] = [dateParts(parts.date, type), timeParts(parts.time, type)];
      return dateTimeWithZone(type, needText(), () => new DateTime(...date, ...time, offset, parts.zone ?? undefined));
    }
    case 'Duration':
      return duration(needText());
    case 'Point': {
      const [srid, x, y, z] = [value.srid, value.x, value.y, value.z];
      if (typeof srid !== 'number' || typeof x !== 'number' || typeof y !== 'number' || (z !== undefined && typeof z !== 'number')) {
        throw invalid(type, value, 'a Point has a numeric srid, x, y and, in 3D, z');
      }
      const crs = SRIDS.get(srid);
      if (!crs) throw invalid(type, value, `srid is one of ${[...SRIDS.keys()].join(', ')}`);
      if ((crs.dimensions === 3) !== (z !== undefined)) throw invalid(type, value, `srid ${srid} is ${crs.dimensions}D: ${crs.dimensions === 3 ? 'z is needed' : 'no z'}`);
      return new Point(neo4j.int(srid), x, y, z);
    }
    case 'Float': {
      const float = Number(needText());
      if (Number.isNaN(float) && text !== 'NaN') throw invalid(type, text);
      return float;
    }
    case 'Bytes': {
      const base64 = value.base64;
      if (typeof base64 !== 'string') throw invalid(type, base64);
      // Node's decoder skips what isn't base64 and ignores padding: only text that encodes back the same is taken.
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.toString('base64') !== base64) throw invalid(type, base64, 'not canonical base64 (A–Z a–z 0–9 + /, padded with = to a multiple of 4)');
      return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    default:
      throw new AppError(
        'VALIDATION_FAILED',
        `it has an unknown $type ${JSON.stringify(type).slice(0, 60)}. To pass a map of your own with a $type key, wrap it: {"$type": "Map", "value": {…}}.`,
      );
  }
}
