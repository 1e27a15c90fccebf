/**
 * Property values as text, for the formats whose cells are text (CSV, GraphML): strings as they are,
 * integers exact, floats so that they read back to the same double (and as floats: `5.0`, not `5`),
 * temporal values and durations in ISO 8601, and lists, points and byte arrays as the API's lossless JSON,
 * except that an integer beyond 2^53 inside a list stays a JSON number with all its digits (the API's
 * transport makes it a string, which would turn one element of an integer list into text).
 */
import { stringify } from 'lossless-json';
import type { JsonValue } from '../contract.ts';
import { propertyValueToJson, type PropertyValue } from '../db/property-values.ts';

/** The shortest text that reads back to the same double, always recognisable as a float. */
export function floatText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

export function propertyText(value: PropertyValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return floatText(value);
  if (Array.isArray(value)) return stringify(withExactIntegers(value)) as string;
  if (value instanceof Uint8Array || value.$type === 'Point') return JSON.stringify(propertyValueToJson(value));
  return value.iso;
}

/** `value` as the API's JSON, but with integers as bigints, which lossless-json writes as exact numbers. */
export function withExactIntegers(value: PropertyValue): unknown {
  if (typeof value === 'bigint') return value;
  if (Array.isArray(value)) return value.map(withExactIntegers);
  return propertyValueToJson(value);
}

/** Whether `value` is, or its list holds, an integer a double cannot hold exactly (beyond 2^53). */
function holdsBigInteger(value: PropertyValue): boolean {
  if (typeof value === 'bigint') return value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER);
  return Array.isArray(value) && value.some(holdsBigInteger);
}

/**
 * The JSON text of an exported element, `fields` with its `properties` last: as the API's JSON, except an
 * integer beyond 2^53, which a JSON export writes as a number with all its digits, so that a reader tells
 * it from a string of digits (the API's transport sends it as a string). Plain JSON.stringify when there
 * is none, which is faster than lossless-json. `wrap` puts the element inside another object (Cytoscape's
 * `{data}`).
 */
export function elementJsonText(
  fields: Record<string, unknown>,
  properties: Record<string, PropertyValue>,
  wrap: (element: Record<string, unknown>) => unknown = (element) => element,
): string {
  if (!Object.values(properties).some(holdsBigInteger)) return JSON.stringify(wrap({ ...fields, properties: propertiesJson(properties) }));
  const exact = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, withExactIntegers(value)]));
  return stringify(wrap({ ...fields, properties: exact })) as string;
}

/** Properties as the API's JSON (the graph transport's `properties`). */
export function propertiesJson(properties: Record<string, PropertyValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = propertyValueToJson(value);
  return out;
}

/**
 * Names for property columns or attributes beside fixed ones (`Id`, `labels`, …): the key itself, or what
 * `spell` makes of it where a format restricts names; one that equals a fixed or an earlier name, ignoring
 * case (many tools do), becomes `property:<name>`. Returns key → column name.
 */
export function propertyColumnNames(keys: readonly string[], fixed: readonly string[], spell = (key: string) => key): Map<string, string> {
  const taken = new Set(fixed.map((name) => name.toLowerCase()));
  const names = new Map<string, string>();
  for (const key of keys) {
    let name = spell(key);
    while (taken.has(name.toLowerCase())) name = `property:${name}`;
    taken.add(name.toLowerCase());
    names.set(key, name);
  }
  return names;
}
