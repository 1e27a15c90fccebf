/**
 * Limits declared as defaults plus overrides (sigma.js's DEFAULT_SETTINGS + resolveSettings pattern): the
 * workbench's (cypher/cypher-limits.ts) and the export's (export/export-limits.ts) go through this one
 * function, validated once, when their service is created.
 */

/**
 * `defaults` with `overrides` applied (undefined keeps the default). Throws a TypeError naming `caller`
 * and the key when an override is not a positive safe integer.
 */
export function resolveLimits<T extends { [K in keyof T]: number }>(caller: string, defaults: Readonly<T>, overrides: Partial<T> = {}): T {
  const limits = { ...defaults } as T;
  for (const key of Object.keys(defaults) as Array<keyof T & string>) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || (value as number) < 1) {
      throw new TypeError(`${caller}: ${key} must be a positive integer. Got: ${String(value)}`);
    }
    limits[key] = value as T[keyof T & string];
  }
  return limits;
}
