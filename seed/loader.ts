/**
 * Loads a validated seed into Neo4j: uniqueness constraints on `id` for every label, the full-text search
 * index, then every node and relationship by MERGE in one write transaction, so loading twice changes
 * nothing and a failure leaves nothing half-written. Progress goes to `log`.
 */
import type { Database } from '../server/src/db/database.ts';
import { ensureSearchIndex } from '../server/src/graph/search-index-build.ts';
import { SEARCH_INDEX, quoteName } from '../server/src/graph/search-index.ts';
import type { ValidSeed } from './schema.ts';

export interface LoadReport {
  nodes: number;
  relationships: number;
  labels: string[];
}

/** Nodes and relationships per UNWIND statement: small enough for one transaction's memory on big seeds. */
const BATCH_SIZE = 500;
const RESET_BATCH_SIZE = 10_000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/**
 * Deletes every relationship, then every node, in batches of RESET_BATCH_SIZE, so that no transaction grows
 * with the graph: deleting nodes first would take all of a batch's relationships along in one transaction,
 * and a batch holding a hub of 20,000 relationships went over Neo4j's memory cap for one transaction.
 */
export async function wipeDatabase(db: Database, log: (line: string) => void): Promise<number> {
  for (const [what, statement] of [
    ['relationships', `MATCH ()-[r]->() WITH r LIMIT ${RESET_BATCH_SIZE} DELETE r RETURN count(*) AS deleted`],
    ['nodes', `MATCH (n) WITH n LIMIT ${RESET_BATCH_SIZE} DETACH DELETE n RETURN count(*) AS deleted`],
  ] as const) {
    let deleted = 0;
    for (;;) {
      const rows = await db.writeTransaction((run) => run(statement));
      const batch = Number(rows[0]?.deleted ?? 0);
      deleted += batch;
      if (batch === 0) break;
      log(`  deleted ${deleted} ${what} so far`);
    }
    if (what === 'nodes') return deleted;
  }
  return 0;
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.read('MATCH (n) RETURN count(n) = 0 AS empty');
  return rows[0]?.empty === true;
}

/**
 * Uniqueness constraints on `id` for `labels` (named `<label>_id_unique`) and the full-text search index
 * over them, built by the same code as `npm run index` (search-index-build.ts): an index that covers more
 * labels or properties than the seed's keeps them, so loading a seed never narrows search. Idempotent.
 */
export async function ensureSchema(db: Database, labels: readonly string[], log: (line: string) => void): Promise<void> {
  log(`constraints: unique id on ${labels.length} labels`);
  for (const label of labels) {
    await db.writeTransaction((run) =>
      run(`CREATE CONSTRAINT ${quoteName(`${label}_id_unique`)} IF NOT EXISTS FOR (n:${quoteName(label)}) REQUIRE n.id IS UNIQUE`),
    );
  }
  await ensureSearchIndex(db, { labels, properties: SEARCH_INDEX.properties }, log);
}

export async function loadSeed(
  db: Database,
  seed: ValidSeed,
  { log = (line: string) => console.error(`[seed] ${line}`) }: { log?: (line: string) => void } = {},
): Promise<LoadReport> {
  const labels = [...new Set(seed.nodes.flatMap((n) => n.labels))].sort();
  await ensureSchema(db, labels, log);

  const primaryLabel = new Map(seed.nodes.map((n) => [n.id, n.labels[0] as string]));
  const nodeGroups = groupBy(seed.nodes, (n) => n.labels.join(':'));
  const relationshipGroups = groupBy(
    seed.relationships,
    (r) => `${primaryLabel.get(r.from)}|${r.type}|${primaryLabel.get(r.to)}`,
  );

  // One line per quarter of the work, so large seeds show progress without flooding the terminal.
  const reported = new Map<string, number>();
  const progress = (what: string, done: number, total: number) => {
    const quarter = Math.floor((done / total) * 4);
    if (quarter > (reported.get(what) ?? -1)) {
      reported.set(what, quarter);
      log(`${what} ${done}/${total}`);
    }
  };

  await db.writeTransaction(async (run) => {
    let written = 0;
    for (const [, nodes] of nodeGroups) {
      const [first, ...rest] = (nodes[0] as (typeof nodes)[number]).labels;
      const extraLabels = rest.length > 0 ? `SET n:${rest.map(quoteName).join(':')}` : '';
      for (const batch of chunks(nodes, BATCH_SIZE)) {
        const rows = batch.map((n) => ({
          id: n.id,
          date: n.date ?? null,
          props: {
            ...n.properties,
            id: n.id,
            name: n.name,
            aliases: n.aliases,
            ...(n.description ? { description: n.description } : {}),
            // A document's Source node carries its full text, so the evidence panel can show each quote in context.
            ...(seed.documentTexts[n.id] !== undefined ? { text: seed.documentTexts[n.id] } : {}),
          },
        }));
        await run(
          `UNWIND $rows AS row
           MERGE (n:${quoteName(first as string)} {id: row.id})
           SET n = row.props
           ${extraLabels}
           SET n.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END`,
          { rows },
        );
        written += batch.length;
        progress('nodes', written, seed.nodes.length);
      }
    }

    written = 0;
    for (const [key, relationships] of relationshipGroups) {
      const [fromLabel, type, toLabel] = key.split('|') as [string, string, string];
      for (const batch of chunks(relationships, BATCH_SIZE)) {
        const rows = batch.map((r) => ({
          from: r.from,
          to: r.to,
          id: r.id,
          date: r.date ?? null,
          props: {
            ...r.properties,
            id: r.id,
            quote: r.quote,
            sources: r.sources,
            certainty: r.certainty,
            ...(r.dateText ? { dateText: r.dateText } : {}),
            ...(r.document ?? seed.documents[0]?.id ? { document: r.document ?? seed.documents[0]?.id } : {}),
          },
        }));
        await run(
          `UNWIND $rows AS row
           MATCH (a:${quoteName(fromLabel)} {id: row.from})
           MATCH (b:${quoteName(toLabel)} {id: row.to})
           MERGE (a)-[r:${quoteName(type)} {id: row.id}]->(b)
           SET r = row.props
           SET r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END`,
          { rows },
        );
        written += batch.length;
        progress('relationships', written, seed.relationships.length);
      }
    }
  });

  log('waiting for the search index to come online');
  await db.writeTransaction((run) => run('CALL db.awaitIndexes(120)'));
  return { nodes: seed.nodes.length, relationships: seed.relationships.length, labels };
}
