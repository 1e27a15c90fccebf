/**
 * The export's limits. Defaults are declared once, here; `resolveExportLimits` applies overrides (from the
 * environment through config.ts, or from a test) and validates them once, when the service is created.
 */
import { resolveLimits } from '../resolve-limits.ts';

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
  /**
   * The export's read transaction, plan and download together (EXPORT_TIMEOUT_MS): a slow download of a
   * large export keeps it open this long at most, and a query scope that runs away (an endless UNWIND) is
   * stopped after it. Longer than the workbench's 10 s, since a 1M-relationship export takes about a minute.
   */
  timeoutMs: 10 * 60_000,
};

/** The defaults with `overrides` applied (undefined keeps the default); every limit must be a positive integer. */
export function resolveExportLimits(overrides: Partial<ExportLimits> = {}): ExportLimits {
  return resolveLimits('resolveExportLimits', DEFAULT_EXPORT_LIMITS, overrides);
}
