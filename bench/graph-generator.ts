/**
 * A synthetic knowledge graph for the benchmark: entities with the seed's kinds of labels (each with a
 * uniqueness constraint on `id`, like the seed's), readable names for search (the `entity_search`
 * full-text index), power-law degrees with a few explicit hubs, and evidence on every relationship
 * (`quote`, `sources` naming `Source` nodes, `certainty`, `date`), as DESIGN.md's data model has it.
 *
 * Deterministic: the same spec and seed give the same graph. Written with batched `UNWIND`, progress and
 * load rates through `log`; an aborted `signal` stops it between two batches.
 */
import { CERTAINTIES } from '../server/src/contract.ts';
import type { Database } from '../server/src/db/database.ts';
import { quoteName } from '../server/src/graph/search-index.ts';
import { ensureSchema } from '../seed/loader.ts';

export interface GraphSpec {
  /** Entity nodes (Source nodes come on top: `sources`). */
  nodes: number;
  /** Relationships in all, hubs' included. */
  relationships: number;
  /** Relationships of each hub (the first nodes of the graph, all `Country`): these make the 10k+ hubs. */
  hubDegrees: readonly number[];
  /** `Source` nodes that relationships cite. */
  sources: number;
  /** Seed of the pseudo-random generator. */
  seed: number;
}

/** The graph: 100k nodes, 1M relationships, four hubs of 11k–22k relationships. */
export const DEFAULT_SPEC: GraphSpec = { nodes: 100_000, relationships: 1_000_000, hubDegrees: [22_000, 18_000, 14_000, 11_000], sources: 40, seed: 20261130 };

/** A graph that loads in a few seconds, for `npm run bench -- --smoke` inside `npm test`. */
export const SMOKE_SPEC: GraphSpec = { nodes: 2_000, relationships: 12_000, hubDegrees: [1_200, 800], sources: 8, seed: 7 };

export interface LoadFigures {
  nodes: number;
  relationships: number;
  nodesPerSec: number;
  relationshipsPerSec: number;
  seconds: number;
}

/** Node labels by kind, with the share of entity nodes each kind gets. `Actor` is carried as the seed does. */
const KINDS = [
  { label: 'Person', extra: ['Actor'], share: 0.45 },
  { label: 'Organization', extra: ['Actor'], share: 0.25 },
  { label: 'Location', extra: [], share: 0.18 },
  { label: 'Event', extra: [], share: 0.1 },
  { label: 'Country', extra: ['Actor'], share: 0.02 },
] as const;
type Kind = (typeof KINDS)[number];

export const GENERATED_LABELS = ['Actor', 'Country', 'Event', 'Location', 'Organization', 'Person', 'Source'] as const;

const RELATIONSHIP_TYPES = ['ALLIED_WITH', 'FUNDS', 'MEMBER_OF', 'LOCATED_IN', 'MET_WITH', 'SUPPLIES', 'OPPOSES', 'REPORTED_ON'] as const;

/** How often each certainty occurs: most claims are reported or assessed, a few confirmed. */
const CERTAINTY_WEIGHTS = [0.15, 0.35, 0.25, 0.15, 0.1];

const SYLLABLES = ['ka', 'ro', 'vin', 'mel', 'ta', 'dor', 'si', 'lan', 'bre', 'ost', 'kel', 'mar', 'un', 'zi', 'pol', 'her', 'ga', 'nov', 'li', 'ser', 'tam', 'vo', 'ren', 'dal'];
const ORG_WORDS = ['Bureau', 'Ministry', 'Brigade', 'Council', 'Trading Company', 'Institute', 'Agency', 'Front', 'Union', 'Directorate'];
const PLACE_WORDS = ['Port', 'Valley', 'Heights', 'Bay', 'Ridge', 'Province', 'District', 'Crossing'];
const EVENT_WORDS = ['Summit', 'Exercise', 'Agreement', 'Talks', 'Offensive', 'Conference'];
const VERBS = ['met with', 'sent funds to', 'supplied', 'signed a deal with', 'opposed', 'trained with', 'reported on', 'joined'];

/** mulberry32: a small, well-distributed 32-bit generator (public domain, Tommy Ettinger). */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function word(random: () => number, syllables = 2 + Math.floor(random() * 2)): string {
  let text = '';
  for (let i = 0; i < syllables; i++) text += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return capital(text);
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Node `i`'s kind: the hubs are countries, the rest by the kinds' shares, interleaved. */
function kindOf(i: number, spec: GraphSpec): Kind {
  if (i < spec.hubDegrees.length) return KINDS[4];
  let x = ((i * 2654435761) >>> 0) / 4294967296;
  for (const kind of KINDS) {
    if (x < kind.share) return kind;
    x -= kind.share;
  }
  return KINDS[0];
}

/** Node `i`'s id, as the benchmark's requests name it: `person-17`, `country-0`. */
export function nodeId(i: number, spec: GraphSpec): string {
  return `${kindOf(i, spec).label.toLowerCase()}-${i}`;
}

function nodeProperties(i: number, kind: Kind, random: () => number): Record<string, unknown> {
  const a = word(random);
  const b = word(random);
  const name =
    kind.label === 'Person'
      ? `${a} ${b}`
      : kind.label === 'Organization'
        ? `${a} ${pick(random, ORG_WORDS)}`
        : kind.label === 'Location'
          ? `${a} ${pick(random, PLACE_WORDS)}`
          : kind.label === 'Event'
            ? `${a} ${pick(random, EVENT_WORDS)} ${1990 + (i % 35)}`
            : `Republic of ${a}`;
  return {
    name,
    aliases: [kind.label === 'Person' ? `${a.charAt(0)}. ${b}` : a.toUpperCase().slice(0, 4)],
    description: `${name} is a ${kind.label.toLowerCase()} seen in ${b} reports, linked to ${word(random)} and ${word(random)}.`,
  };
}

/** Draws a certainty by CERTAINTY_WEIGHTS. */
function certainty(random: () => number): string {
  let x = random();
  for (let k = 0; k < CERTAINTY_WEIGHTS.length; k++) {
    x -= CERTAINTY_WEIGHTS[k] as number;
    if (x < 0) return CERTAINTIES[k] as string;
  }
  return CERTAINTIES[0];
}

/**
 * The relationships' ends, in order: first each hub's, to uniformly drawn others; then the rest, one end
 * drawn uniformly and the other by a power law over the non-hub nodes (index ⌊n·u²⌋, so node k's share
 * falls like 1/√k: a long tail of a few hundred to a few thousand relationships above a median of ~10).
 */
function* relationshipEnds(spec: GraphSpec, random: () => number): Generator<[number, number]> {
  const hubs = spec.hubDegrees.length;
  const others = spec.nodes - hubs;
  for (let h = 0; h < hubs; h++) {
    for (let k = 0; k < (spec.hubDegrees[h] as number); k++) {
      const other = hubs + Math.floor(random() * others);
      yield random() < 0.5 ? [h, other] : [other, h];
    }
  }
  const rest = spec.relationships - spec.hubDegrees.reduce((sum, degree) => sum + degree, 0);
  for (let k = 0; k < rest; k++) {
    const uniform = hubs + Math.floor(random() * others);
    let skewed = hubs + Math.floor(others * random() ** 2);
    if (skewed === uniform) skewed = hubs + ((skewed - hubs + 1) % others);
    yield random() < 0.5 ? [uniform, skewed] : [skewed, uniform];
  }
}

function append<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

const NODE_BATCH = 10_000;
const RELATIONSHIP_BATCH = 20_000;

/**
 * Writes the graph of `spec` into `db`, which must be empty (the caller wipes it). Returns the load rates
 * (entities and sources per second while writing nodes, relationships per second while writing them).
 */
export async function generateGraph(
  db: Database,
  spec: GraphSpec,
  { log, signal }: { log: (line: string) => void; signal?: AbortSignal },
): Promise<LoadFigures> {
  if (spec.hubDegrees.reduce((a, b) => a + b, 0) > spec.relationships) throw new Error('The hubs have more relationships than the graph.');
  const random = randomGenerator(spec.seed);
  const started = performance.now();
  // The seed loader's schema: a uniqueness constraint on `id` per label and the full-text search index.
  await ensureSchema(db, GENERATED_LABELS, () => undefined);
  await db.read('CALL db.awaitIndexes(300)');

  const nodesStarted = performance.now();
  const total = spec.nodes + spec.sources;
  for (let from = 0; from < spec.nodes; from += NODE_BATCH) {
    signal?.throwIfAborted();
    const byLabels = new Map<string, Array<Record<string, unknown>>>();
    for (let i = from; i < Math.min(from + NODE_BATCH, spec.nodes); i++) {
      const kind = kindOf(i, spec);
      const labels = [kind.label, ...kind.extra].map(quoteName).join(':');
      append(byLabels, labels, { id: nodeId(i, spec), seq: i, ...nodeProperties(i, kind, random) });
    }
    await db.writeTransaction(async (run) => {
      for (const [labels, rows] of byLabels) await run(`UNWIND $rows AS row CREATE (n:${labels}) SET n = row`, { rows });
    });
    log(`nodes ${Math.min(from + NODE_BATCH, spec.nodes).toLocaleString('en')} / ${total.toLocaleString('en')}`);
  }
  const sources = Array.from({ length: spec.sources }, (_, k) => ({
    id: `source-${k}`,
    name: `${word(random)} ${pick(random, ['Daily', 'Monitor', 'Institute', 'Wire', 'Review'])}`,
    aliases: [],
    description: 'A generated source of reports.',
  }));
  await db.writeTransaction((run) => run('UNWIND $rows AS row CREATE (n:Source) SET n = row', { rows: sources }));
  const nodeSeconds = (performance.now() - nodesStarted) / 1000;

  // Relationships find their ends by elementId: one seek each, whatever label the end has.
  const elementIds: string[] = new Array(spec.nodes);
  for (const row of await db.read('MATCH (n) WHERE n.seq IS NOT NULL RETURN n.seq AS seq, elementId(n) AS elementId')) {
    elementIds[Number(row.seq)] = String(row.elementId);
  }

  const relationshipsStarted = performance.now();
  let batch = new Map<string, Array<Record<string, unknown>>>();
  let inBatch = 0;
  let written = 0;
  const flush = async () => {
    signal?.throwIfAborted();
    const groups = batch;
    batch = new Map();
    await db.writeTransaction(async (run) => {
      for (const [type, rows] of groups) {
        await run(
          `UNWIND $rows AS row
           MATCH (a) WHERE elementId(a) = row.a
           MATCH (b) WHERE elementId(b) = row.b
           CREATE (a)-[r:${quoteName(type)}]->(b) SET r = row.properties, r.date = date(row.properties.date)`,
          { rows },
        );
      }
    });
    written += inBatch;
    inBatch = 0;
    const seconds = (performance.now() - relationshipsStarted) / 1000;
    log(`relationships ${written.toLocaleString('en')} / ${spec.relationships.toLocaleString('en')} (${Math.round(written / seconds).toLocaleString('en')}/s)`);
  };
  for (const [a, b] of relationshipEnds(spec, random)) {
    const type = pick(random, RELATIONSHIP_TYPES);
    const source = Math.floor(random() * spec.sources);
    const day = Math.floor(random() * 3650);
    const properties = {
      quote: `${nodeId(a, spec)} ${pick(random, VERBS)} ${nodeId(b, spec)}, according to ${word(random)} officials quoted in report ${written + inBatch}.`,
      sources: random() < 0.3 ? [`source-${source}`, `source-${(source + 1) % spec.sources}`] : [`source-${source}`],
      certainty: certainty(random),
      date: new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
    };
    append(batch, type, { a: elementIds[a], b: elementIds[b], properties });
    if (++inBatch === RELATIONSHIP_BATCH) await flush();
  }
  if (inBatch > 0) await flush();
  const relationshipSeconds = (performance.now() - relationshipsStarted) / 1000;
  await db.read('CALL db.awaitIndexes(600)');
  return {
    nodes: total,
    relationships: spec.relationships,
    nodesPerSec: total / nodeSeconds,
    relationshipsPerSec: spec.relationships / relationshipSeconds,
    seconds: (performance.now() - started) / 1000,
  };
}
