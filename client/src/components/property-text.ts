/**
 * Property values as text: numbers grouped as the details panel writes them, and the values Neo4j tags
 * (dates, points, bytes) as their text. Shared by the details panel (PropertyValue.tsx) and the tooltips.
 */
import type { JsonValue } from '../../../server/src/contract.ts';

/** A number as the details panel writes it: big integers grouped, past 2^53 in exponent form. */
export function formatNumber(value: number): string {
  // Past 2^53 a JSON number is a FLOAT (the API sends such INTEGERs as exact digit strings): grouped, 1e20
  // read as an exact integer (new-user trial), so it is written in exponent form.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return value.toExponential();
  // Group big integers (amounts); leave years and small numbers as written.
  return Number.isInteger(value) && Math.abs(value) >= 10000 ? value.toLocaleString('en-US') : String(value);
}

/**
 * Neo4j values JSON can't carry as themselves arrive tagged by the server (`{$type:"Date", value:"…"}`,
 * `{$type:"Point", srid, x, y, z?}`, `{$type:"Bytes", base64}`): shown as text with their type.
 */
export function formatTagged(value: { [key: string]: JsonValue }): { type: string; text: string } | undefined {
  const type = value.$type;
  if (typeof type !== 'string') return undefined;
  if (typeof value.value === 'string') return { type, text: value.value };
  if (type === 'Point') {
    const coords = [value.x, value.y, value.z].filter((c) => c !== undefined).join(', ');
    return { type: `Point (SRID ${String(value.srid)})`, text: `(${coords})` };
  }
  if (type === 'Bytes' && typeof value.base64 === 'string') return { type, text: `${value.base64.length * 0.75} bytes` };
  return undefined;
}
