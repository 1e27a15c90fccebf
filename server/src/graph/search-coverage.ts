/**
 * Which of a database's labels the `entity_search` full-text index covers: search queries the index for
 * those and scans the nodes of the others (search.ts), `npm start` hints at `npm run index` when some are
 * left over (main.ts), and the index builder starts from what the index covers now (search-index-build.ts).
 */
import type { Database } from '../db/database.ts';
import { schemaFact } from './schema-cache.ts';
import { SEARCH_INDEX } from './search-index.ts';

/** The `entity_search` index as SHOW FULLTEXT INDEXES describes it; undefined when there is none. */
export interface SearchIndexDescription {
  /** ONLINE, POPULATING or FAILED: only an ONLINE index answers queries. */
  state: string;
  /** Labels the index covers, sorted. */
  labels: string[];
  /** Properties it indexes, in its own order. */
  properties: string[];
  /** 0–100: how much of the index is populated (100 once ONLINE). */
  populationPercent: number;
}

export interface LabelCoverage {
  /** The index when it is ONLINE (one POPULATING or FAILED answers nothing, so it counts as absent). */
  index: SearchIndexDescription | undefined;
  /** Every label the database has, sorted. */
  labels: string[];
  /** Labels of `labels` the online index covers: search finds their nodes through it. */
  indexed: string[];
  /** Labels of `labels` it does not cover (all of them without an online index): search scans their nodes. */
  unindexed: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The `entity_search` index as it is now (any state), or undefined when the database has none. Throws what Neo4j throws. */
export async function describeSearchIndex(db: Database): Promise<SearchIndexDescription | undefined> {
  const rows = await db.read(
    `SHOW FULLTEXT INDEXES YIELD name, state, labelsOrTypes, properties, populationPercent, entityType
     WHERE name = $name AND entityType = 'NODE'
     RETURN state, labelsOrTypes, properties, populationPercent`,
    { name: SEARCH_INDEX.name },
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    state: String(row.state),
    labels: strings(row.labelsOrTypes).sort(),
    properties: strings(row.properties),
    populationPercent: Number(row.populationPercent ?? 0),
  };
}

/** The index description, read at most every 30 s (schema-cache.ts); searchCoverage re-reads it when in doubt. */
const searchIndexFact = schemaFact(describeSearchIndex);

/** The database's labels, sorted. */
export async function databaseLabels(db: Database): Promise<string[]> {
  const rows = await db.read('CALL db.labels() YIELD label RETURN label');
  return rows.map((row) => String(row.label)).sort();
}

/**
 * Which labels search finds through the index and which it has to scan. The labels are read every time (one
 * cheap call), so a label added a moment ago is searched at once; the index description is cached, and read
 * again whenever it leaves a label uncovered or looks offline, so an index built since (`npm run index`) is
 * used at once too. Throws what Neo4j throws.
 */
export async function searchCoverage(db: Database, { fresh = false }: { fresh?: boolean } = {}): Promise<LabelCoverage> {
  const [labels, description] = await Promise.all([databaseLabels(db), searchIndexFact(db, { fresh })]);
  const coverageWith = (found: SearchIndexDescription | undefined): LabelCoverage => {
    const index = found?.state === 'ONLINE' ? found : undefined;
    const covered = new Set(index?.labels ?? []);
    return {
      index,
      labels,
      indexed: labels.filter((label) => covered.has(label)),
      unindexed: labels.filter((label) => !covered.has(label)),
    };
  };
  const cached = coverageWith(description);
  if (fresh || (cached.unindexed.length === 0 && cached.index)) return cached;
  return coverageWith(await searchIndexFact(db, { fresh: true }));
}

/** Labels named in unindexedLabelsHint; the rest are counted. */
const HINT_LABELS_SHOWN = 5;

/**
 * The line `npm start` prints when search scans labels the index leaves out (undefined when there are none):
 * "Search scans 2 labels not in the full-text index (Character, Place): run `npm run index` to index them."
 */
export function unindexedLabelsHint({ unindexed }: LabelCoverage): string | undefined {
  if (unindexed.length === 0) return undefined;
  const names = unindexed.slice(0, HINT_LABELS_SHOWN).join(', ') + (unindexed.length > HINT_LABELS_SHOWN ? ', …' : '');
  const labels = `${unindexed.length} label${unindexed.length === 1 ? '' : 's'}`;
  return `Search scans ${labels} not in the full-text index (${names}): run \`npm run index\` to index them.`;
}
