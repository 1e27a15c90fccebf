/**
 * Exports a subgraph as a file, streamed. Everything happens in one explicit read transaction (never
 * retried: bytes may already be on their way):
 *
 * 1. the scope is checked (schema names, the Cypher guard) and turned into two queries (export-scope.ts);
 * 2. the plan: counts capped at the caps plus one, labels, types, typed property keys where the format
 *    declares them, constraints (export-plan.ts); over a cap → 413 EXPORT_TOO_LARGE, before a single byte
 *    of the file exists;
 * 3. `deliver` gets the download: its body is the format's writer reading the nodes, then the
 *    relationships, as Neo4j streams them, in the order Neo4j finds them (no sort: a sort is eager, so
 *    nothing would be written before Neo4j had read the whole scope). The driver pulls a batch when most
 *    of the last one was taken, so a slow reader holds memory flat. Relationship ends come with each
 *    relationship from Cypher: no map of the exported nodes is kept.
 *
 * A failure while the body streams (Neo4j gone, a timeout, the graph changed under the export) is thrown
 * from the body's iteration: the caller must then abort the transfer so the reader sees an error, never a
 * file that looks complete (http/routes.ts destroys the connection; the CLI exits non-zero).
 */
import type { ExportMeta, ExportRequest, ExportScope } from '../contract.ts';
import type { CypherService } from '../cypher/cypher-service.ts';
import type { Database, UserReadTransaction } from '../db/database.ts';
import { DbNode, DbRelationship, nodeTransportId, transportId, type IdLabels } from '../db/values.ts';
import { idLabelSet } from '../graph/node-match.ts';
import { AppError } from '../errors.ts';
import { exportFormat } from './export-formats.ts';
import type { ExportedNode, ExportedRelationship, ExportGraph } from './export-graph.ts';
import { resolveExportLimits, type ExportLimits } from './export-limits.ts';
import { planExport } from './export-plan.ts';
import { prepareScope, tooLarge, type ScopeQueries } from './export-scope.ts';
import { coalesce } from './text-chunks.ts';

export interface Download {
  /** A safe file name: letters, digits, `.`, `-` and `_` only. */
  filename: string;
  contentType: string;
  meta: ExportMeta;
  /** The file; iterating it reads the database. A failure is thrown from the iteration. */
  body: AsyncIterable<string | Uint8Array>;
}

export interface ExportProgress {
  phase: 'nodes' | 'relationships';
  /** Written so far in this phase. */
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Called for every node and relationship read. */
  onProgress?: (progress: ExportProgress) => void;
  /** The export's time, for tests that compare files; default now. */
  now?: Date;
}

export interface ExportService {
  readonly limits: ExportLimits;
  /**
   * Plans the export and, when it may go ahead, calls `deliver` with the download inside the open read
   * transaction; resolves once `deliver` has. Rejects before `deliver` with 400 (bad scope), 403 (a write
   * query), 404 (an unknown node) or 413 (over a cap).
   */
  export(request: ExportRequest, deliver: (download: Download) => Promise<void>, options?: ExportOptions): Promise<void>;
}

/**
 * Records the driver pulls per batch: 5,000 relationships are a few MB, and against the driver's default
 * of 1,000 the 500k-relationship JSON export took 13.6 s instead of 15.5 s (.scratch measurement, in process).
 */
const FETCH_SIZE = 5_000;

const NODES = (q: ScopeQueries) => `${q.nodes}
RETURN n`;

/** The ends' `id` where their transport id is their `id` (a label in $<internal>idLabels), else null (elementId). */
const RELATIONSHIPS = (q: ScopeQueries) => `${q.relationships}
RETURN r,
  CASE WHEN any(label IN labels(a) WHERE label IN $${q.internal}idLabels) THEN a.id END AS startId,
  CASE WHEN any(label IN labels(b) WHERE label IN $${q.internal}idLabels) THEN b.id END AS endId`;

/**
 * Neo4j's read transactions are read-committed: a write between the plan and the stream shows up here, as
 * does a user's query that gives other rows on each run (the plan and each stream run it once).
 */
function changedDuringExport(): AppError {
  return new AppError('INTERNAL', 'The graph changed while it was being exported, or the query gave other results on another run; export it again.');
}

/** What both streams of one export read with. */
interface StreamContext {
  tx: UserReadTransaction;
  queries: ScopeQueries;
  options: ExportOptions;
  idLabels: IdLabels;
  /**
   * The element ids of the nodes written so far, where the scope's queries run a user's query (which could
   * give other rows on each run): each relationship's ends are then checked against them. Other scopes
   * leave it undefined and keep no set.
   */
  written: Set<string> | undefined;
}

async function* streamNodes({ tx, queries, options, idLabels, written }: StreamContext, total: number): AsyncGenerator<ExportedNode> {
  let done = 0;
  for await (const row of tx.iterate(NODES(queries), queries.params, { fromUser: queries.fromUser })) {
    const node = row.n;
    if (!(node instanceof DbNode)) continue;
    if (++done > total) throw changedDuringExport();
    written?.add(node.elementId);
    yield {
      id: nodeTransportId(node, idLabels),
      elementId: node.elementId,
      labels: node.labels,
      properties: node.properties,
    };
    options.onProgress?.({ phase: 'nodes', done, total });
  }
  if (done !== total) throw changedDuringExport();
}

async function* streamRelationships({ tx, queries, options, idLabels, written }: StreamContext, total: number): AsyncGenerator<ExportedRelationship> {
  let done = 0;
  const params = { ...queries.params, [`${queries.internal}idLabels`]: [...idLabels] };
  for await (const row of tx.iterate(RELATIONSHIPS(queries), params, { fromUser: queries.fromUser })) {
    const rel = row.r;
    if (!(rel instanceof DbRelationship)) continue;
    if (++done > total) throw changedDuringExport();
    if (written && !(written.has(rel.startElementId) && written.has(rel.endElementId))) throw changedDuringExport();
    yield {
      id: transportId(rel.elementId, rel.properties),
      elementId: rel.elementId,
      type: rel.type,
      source: transportId(rel.startElementId, { id: row.startId }),
      target: transportId(rel.endElementId, { id: row.endId }),
      sourceElementId: rel.startElementId,
      targetElementId: rel.endElementId,
      properties: rel.properties,
    };
    options.onProgress?.({ phase: 'relationships', done, total });
  }
  if (done !== total) throw changedDuringExport();
}

/** `kg-export-around-north-korea-2-2026-11-25T13-05-02Z.graphml`: what, and when. */
export function exportFilename(scope: ExportScope, at: Date, extension: string): string {
  const what =
    'nodeIds' in scope ? `selection-${scope.nodeIds.length}` : 'around' in scope ? `around-${scope.around}-${scope.depth}` : 'query';
  const safe = what.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `kg-export-${safe}-${stamp}.${extension}`;
}

export function createExportService(db: Database, cypher: CypherService, overrides: Partial<ExportLimits> = {}): ExportService {
  const limits = resolveExportLimits(overrides);
  return {
    limits,

    async export(request, deliver, options = {}) {
      const format = exportFormat(request.format);
      const scope = await prepareScope(request.scope, { db, cypher, limits });
      await db.userRead(
        async (tx) => {
          const planOptions = { maxNodes: limits.maxNodes, maxRelationships: limits.maxRelationships, propertyKeys: format.propertyKeys };
          let queries = await scope.resolve(tx);
          // Read after the scope's lookups, which read the labels afresh when they found an id index new.
          const idLabels = await idLabelSet(db);
          let plan = await planExport(tx, queries, planOptions);
          if (plan.unresolved > 0 && queries.gatherInExplorer) {
            queries = await queries.gatherInExplorer(tx);
            plan = await planExport(tx, queries, planOptions);
          }
          if (plan.overCap) throw tooLarge(limits, plan.counts, true);
          const at = options.now ?? new Date();
          const meta: ExportMeta = { database: plan.database, scope: request.scope, exportedAt: at.toISOString(), counts: plan.counts };
          const context: StreamContext = { tx, queries, options, idLabels, written: queries.fromUser ? new Set() : undefined };
          const graph: ExportGraph = {
            meta,
            schema: plan.schema,
            nodes: () => streamNodes(context, plan.counts.nodes),
            relationships: () => streamRelationships(context, plan.counts.relationships),
          };
          await deliver({
            filename: exportFilename(request.scope, at, format.extension),
            contentType: format.contentType,
            meta,
            body: coalesce(format.write(graph)),
          });
        },
        { timeoutMs: limits.timeoutMs, fetchSize: FETCH_SIZE },
      );
    },
  };
}
