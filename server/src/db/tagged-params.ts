/**
 * The API's tagged values (db/property-values.ts) read back as Cypher parameters, so that a value a query
 * returned can be pasted into the workbench's parameters as it is: `{"$type":"Date","value":"2024-06-19"}`
 * becomes a DATE, and likewise LocalTime, Time, LocalDateTime, DateTime (with its zone id in brackets),
 * Duration (ISO 8601, as Neo4j prints it), Point `{srid, x, y, z?}`, Float (`NaN`, `Infinity`) and Bytes
 * `{base64}`. One ambiguity: a map of one's own with a `$type` key is read as a tagged value; pass such a
 * map as `{"$type":"Map","value":{…}}`. An unknown `$type` or a malformed value is a 400 VALIDATION_FAILED.
 */
import neo4j from 'neo4j-driver';
import { AppError } from '../errors.ts';

const { Date: CypherDate, DateTime, Duration, LocalDateTime, LocalTime, Point, Time } = neo4j.types;

const DATE = /^([+-]?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const OFFSET = /^(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/;
const DURATION = /^([+-])?P(?:([+-]?\d+)Y)?(?:([+-]?\d+)M)?(?:([+-]?\d+)W)?(?:([+-]?\d+)D)?(?:T(?:([+-]?\d+)H)?(?:([+-]?\d+)M)?(?:([+-]?\d+)(?:\.(\d{1,9}))?S)?)?$/;

function invalid(type: string, value: unknown, why?: string): AppError {
  return new AppError('VALIDATION_FAILED', `A parameter's ${type} value is not valid${why ? ` (${why})` : ''}: ${JSON.stringify(value)?.slice(0, 80)}.`);
}

function dateParts(text: string, type: string): [number, number, number] {
  const match = DATE.exec(text);
  if (!match) throw invalid(type, text);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function timeParts(text: string, type: string): [number, number, number, number] {
  const match = TIME.exec(text);
  if (!match) throw invalid(type, text);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0), Number((match[4] ?? '').padEnd(9, '0'))];
}

function offsetSeconds(text: string, type: string): number {
  if (!OFFSET.test(text)) throw invalid(type, text);
  if (text === 'Z') return 0;
  const [hours = 0, minutes = 0, seconds = 0] = text.slice(1).split(':').map(Number);
  return (text.startsWith('-') ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds);
}

/** Splits `2024-06-19T10:00:00.5+03:00[Europe/Kyiv]` into date, time, offset and zone. */
function splitDateTime(text: string, type: string): { date: string; time: string; offset: string | null; zone: string | null } {
  const match = /^([^T]+)T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/.exec(text);
  if (!match) throw invalid(type, text);
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

/** The Cypher value of a tagged JSON value (`value.$type` a string); `convert` converts a Map's entries. */
export function taggedParam(value: Record<string, unknown>, convert: (item: unknown) => unknown): unknown {
  const type = value.$type as string;
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
      if (!match) throw invalid(type, text);
      return new Time(...timeParts(match[1] as string, type), offsetSeconds(match[2] as string, type));
    }
    case 'LocalDateTime': {
      const parts = splitDateTime(needText(), type);
      if (parts.offset || parts.zone) throw invalid(type, text);
      return new LocalDateTime(...dateParts(parts.date, type), ...timeParts(parts.time, type));
    }
    case 'DateTime': {
      const parts = splitDateTime(needText(), type);
      if (!parts.offset && !parts.zone) throw invalid(type, text);
      const offset = parts.offset ? offsetSeconds(parts.offset, type) : undefined;
      return new DateTime(...dateParts(parts.date, type), ...timeParts(parts.time, type), offset, parts.zone ?? undefined);
    }
    case 'Duration':
      return duration(needText());
    case 'Point': {
      const [srid, x, y, z] = [value.srid, value.x, value.y, value.z];
      if (typeof srid !== 'number' || typeof x !== 'number' || typeof y !== 'number' || (z !== undefined && typeof z !== 'number')) throw invalid(type, value);
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
        `A parameter has an unknown $type ${JSON.stringify(type).slice(0, 60)}. To pass a map of your own with a $type key, wrap it: {"$type": "Map", "value": {…}}.`,
      );
  }
}
