/**
 * The export's limits. Defaults are declared once, here; `resolveExportLimits` applies overrides (from the
 * environment through config.ts, or from a test) and validates them once, when the service is created.
 */

export interface ExportLimits {
  maxNodes: number;
  maxRelationships: number;
  timeoutMs: number;
}

export const DEFAULT_EXPORT_LIMITS: Readonly<ExportLimits> = {
  /**
   * Nodes in one export (EXPORT_MAX_NODES). The server streams, so its memory doesn't grow with this; the
   * cap protects Neo4j (which gathers the node set of a scope) and the user from a file no tool opens.
   */
  maxNodes: 100_000,
  /** Relationships in one export (EXPORT_MAX_RELATIONSHIPS): five per node on average. */
  maxRelationships: 500_000,
  /** The export's read transaction: a slow download of a large export keeps it open this long at most. */
  timeoutMs: 10 * 60_000,
};

/** The defaults with `overrides` applied (undefined keeps the default); every limit must be a positive integer. */
export function resolveExportLimits(overrides: Partial<ExportLimits> = {}): ExportLimits {
  const limits: ExportLimits = { ...DEFAULT_EXPORT_LIMITS };
  for (const key of Object.keys(DEFAULT_EXPORT_LIMITS) as Array<keyof ExportLimits>) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(`resolveExportLimits: ${key} must be a positive integer. Got: ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
