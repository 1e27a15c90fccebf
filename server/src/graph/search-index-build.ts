/**
 * Creates or widens the `entity_search` full-text index, for `npm run index` (every label and every text
 * property the database has) and for the seed loader (the seed's labels). One rule for both: the new index
 * covers what the old one covered plus what was asked, so building it never narrows it and loading a seed
 * never hides nodes that `npm run index` made searchable.
 */
import type { Database } from '../db/database.ts';
import { describeSearchIndex, databaseLabels, type SearchIndexDescription } from './search-coverage.ts';
import { SEARCH_INDEX, quoteName } from './search-index.ts';

/** What the index should cover at least; the plan adds what it covers now. */
export interface SearchIndexRequest {
  /** Labels to cover. */
  labels: readonly string[];
  /** Properties to index; SEARCH_INDEX.properties (name, aliases, description) are always added. */
  properties: readonly string[];
}

export interface SearchIndexPlan {
  /** The index as it is now; undefined when there is none. */
  current: SearchIndexDescription | undefined;
  /** Labels the index will cover, sorted. */
  labels: string[];
  /** Properties it will index: name, aliases, description first, then the rest sorted. */
  properties: string[];
  /**
   * `create`: there is none; `replace`: it covers less than asked (or FAILED), so it is dropped and created
   * again, and search scans until the new one is ONLINE; `keep`: it covers all of it already; `none`: there
   * is no index and no label to build one over (an empty database).
   */
  action: 'create' | 'replace' | 'keep' | 'none';
}

/** Properties in index order: the well-known ones first (luceneQuery weighs them), then the rest sorted. */
function indexOrder(properties: Iterable<string>): string[] {
  const all = new Set(properties);
  const known = SEARCH_INDEX.properties.filter((property) => all.has(property));
  const rest = [...all].filter((property) => !(SEARCH_INDEX.properties as readonly string[]).includes(property)).sort();
  return [...known, ...rest];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/**
 * What to do to make the index cover `request` and everything it covers now. Reads the index; writes
 * nothing. Throws what Neo4j throws.
 */
export async function planSearchIndex(db: Database, request: SearchIndexRequest): Promise<SearchIndexPlan> {
  const current = await describeSearchIndex(db);
  const labels = [...new Set([...(current?.labels ?? []), ...request.labels])].sort();
  const properties = indexOrder([...SEARCH_INDEX.properties, ...(current?.properties ?? []), ...request.properties]);
  const covers = current !== undefined && sameSet(current.labels, labels) && sameSet(current.properties, properties);
  const action = current === undefined ? (labels.length === 0 ? 'none' : 'create') : covers && current.state !== 'FAILED' ? 'keep' : 'replace';
  return { current, labels, properties, action };
}

/** Whether a type name from db.schema.nodeTypeProperties() is text ("String", "StringArray", "LIST<STRING>" …). */
function isTextType(type: string): boolean {
  const upper = type.toUpperCase();
  return upper === 'STRING' || upper === 'STRINGARRAY' || upper.startsWith('STRING ') || upper.startsWith('LIST<STRING');
}

/**
 * Every label of the database and every property holding text (a string or a list of strings) on some
 * node of one of them: what `npm run index` asks the index to cover. db.schema.nodeTypeProperties() reads
 * every node, so this takes a while on a large database. Throws what Neo4j throws.
 */
export async function textPropertiesOfEveryLabel(db: Database): Promise<SearchIndexRequest> {
  const labels = await databaseLabels(db);
  const rows = await db.read(
    `CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes
     WHERE propertyName IS NOT NULL AND size(nodeLabels) > 0
     RETURN DISTINCT propertyName, propertyTypes`,
  );
  const properties = new Set<string>();
  for (const row of rows) {
    const types = Array.isArray(row.propertyTypes) ? row.propertyTypes.map(String) : [];
    if (types.some(isTextType)) properties.add(String(row.propertyName));
  }
  return { labels, properties: [...properties] };
}

/**
 * Carries out `plan`: creates the index, or drops it and creates it again wider (in one schema transaction,
 * so no reader ever sees a narrower one), or does nothing (`keep`). Writes to the database's schema; the
 * index then populates in the background (waitForSearchIndex). Throws what Neo4j throws.
 */
export async function applySearchIndexPlan(db: Database, plan: SearchIndexPlan): Promise<void> {
  if (plan.action === 'keep' || plan.action === 'none') return;
  const create = `CREATE FULLTEXT INDEX ${quoteName(SEARCH_INDEX.name)}
    FOR (n:${plan.labels.map(quoteName).join('|')}) ON EACH [${plan.properties.map((p) => `n.${quoteName(p)}`).join(', ')}]`;
  await db.writeTransaction(async (run) => {
    if (plan.action === 'replace') await run(`DROP INDEX ${quoteName(SEARCH_INDEX.name)} IF EXISTS`);
    await run(create);
  });
}

/** How often waitForSearchIndex reads the population progress (ms). */
const POLL_INTERVAL_MS = 1_000;

/** Raised by waitForSearchIndex when the index fails to populate or is dropped while it waits. */
export class SearchIndexFailedError extends Error {
  override readonly name = 'SearchIndexFailedError';
}

/**
 * Waits until the index is ONLINE, calling `onProgress` with its population (0–100 %) whenever that moves.
 * Rejects with SearchIndexFailedError when Neo4j reports it FAILED or it has gone, and with the signal's
 * reason when `signal` aborts (the index keeps populating in Neo4j either way).
 */
export async function waitForSearchIndex(
  db: Database,
  { onProgress = () => undefined, signal }: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
): Promise<void> {
  let last = -1;
  for (;;) {
    signal?.throwIfAborted();
    const index = await describeSearchIndex(db);
    if (!index) throw new SearchIndexFailedError(`waitForSearchIndex: the index "${SEARCH_INDEX.name}" is gone.`);
    if (index.state === 'FAILED') throw new SearchIndexFailedError(`waitForSearchIndex: the index "${SEARCH_INDEX.name}" failed to populate.`);
    const percent = index.state === 'ONLINE' ? 100 : index.populationPercent;
    if (percent !== last) {
      last = percent;
      onProgress(percent);
    }
    if (index.state === 'ONLINE') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, POLL_INTERVAL_MS);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }
}

/**
 * Plans and applies in one call, logging what it does (`log` gets one line per step): what the seed loader
 * runs. Returns the plan it carried out. Throws what Neo4j throws.
 */
export async function ensureSearchIndex(db: Database, request: SearchIndexRequest, log: (line: string) => void): Promise<SearchIndexPlan> {
  const plan = await planSearchIndex(db, request);
  if (plan.action === 'create' || plan.action === 'replace') describePlan(plan).forEach((line) => log(line));
  await applySearchIndexPlan(db, plan);
  return plan;
}

/** What `plan` does, in a few lines for logs and `npm run index`: the action, then the labels and properties it adds. */
export function describePlan(plan: SearchIndexPlan): string[] {
  const name = `full-text index "${SEARCH_INDEX.name}"`;
  const size = `${plan.labels.length} labels and ${plan.properties.length} properties`;
  const added = (what: string, all: string[], before: string[] | undefined) => {
    const more = all.filter((item) => !before?.includes(item));
    return more.length > 0 ? [`  ${what}${before ? ' added' : ''}: ${more.join(', ')}`] : [];
  };
  const details = [...added('labels', plan.labels, plan.current?.labels), ...added('properties', plan.properties, plan.current?.properties)];
  switch (plan.action) {
    case 'none':
      return [`${name}: the database has no labels, so there is nothing to index`];
    case 'keep':
      return [`${name} already covers every label (${size})`];
    case 'create':
      return [`${name}: creating it over ${size}`, ...details];
    case 'replace':
      return [
        plan.current?.state === 'FAILED'
          ? `${name}: it failed to populate, so it is created again over ${size}`
          : `${name}: replacing it with a wider one over ${size}`,
        ...details,
      ];
  }
}
