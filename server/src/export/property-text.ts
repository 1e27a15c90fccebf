/**
 * Property values as text, for the formats whose cells are text (CSV, GraphML): strings as they are,
 * integers exact, floats so that they read back to the same double (and as floats: `5.0`, not `5`),
 * temporal values and durations in ISO 8601, and lists, points and byte arrays as the API's lossless JSON.
 */
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
  if (Array.isArray(value) || value instanceof Uint8Array || value.$type === 'Point') return JSON.stringify(propertyValueToJson(value));
  return value.iso;
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
