/**
 * The full-text index that search uses, shared by the seed loader (which creates it) and the search
 * service (which queries it, and falls back to a scan on databases that don't have it).
 */
export const SEARCH_INDEX = {
  name: 'entity_search',
  /** Names, aliases (a list of strings) and descriptions, so that "DPRK" finds North Korea. */
  properties: ['name', 'aliases', 'description'],
} as const;

/** Backquotes a label, type or property name for Cypher (backquotes inside are doubled). */
export function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}
