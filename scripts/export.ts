/**
 * `npm run export -- --format graphml --around north-korea --depth 2 > out.graphml`: exports a subgraph of
 * the configured Neo4j (NEO4J_URI…, or the local `dev` instance, started if needed, as `npm run seed`
 * does), through the same service as POST /api/export. Scopes: `--ids a,b,c`, `--around ID [--depth N]
 * [--types T1,T2] [--labels L1,L2] [--min-certainty reported]`, or `--query 'MATCH …' [--params '{…}']`.
 * Progress goes to stderr. With `--out FILE` the file appears only once complete (written to FILE.partial
 * first); on stdout a failure leaves a partial file behind, and the exit code (1) says so.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/src/config.ts';
import { EXPORT_FORMATS, ExportRequestSchema, type ExportRequest } from '../server/src/contract.ts';
import { createCypherService } from '../server/src/cypher/cypher-service.ts';
import { AppError } from '../server/src/errors.ts';
import { createExportService, type ExportProgress } from '../server/src/export/export-service.ts';
import { withNeo4j } from './neo4j/resolve-neo4j.ts';

const USAGE = `Usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} SCOPE [--out FILE]
SCOPE is one of:
  --ids ID1,ID2,…                      the nodes (id property or elementId) and the relationships among them
  --around ID [--depth 1-3] [--types T1,T2] [--labels L1,L2] [--min-certainty LEVEL]
  --query 'MATCH p=… RETURN p' [--params '{"name": "value"}']   a read-only query's graph`;

const log = (line: string) => console.error(`[export] ${line}`);

class UsageError extends Error {
  override readonly name = 'UsageError';
}

const list = (value: string | undefined) => (value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter((item) => item !== ''));

function parseRequest(argv: string[]): { request: ExportRequest; out: string | undefined } {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      ids: { type: 'string' },
      around: { type: 'string' },
      depth: { type: 'string' },
      types: { type: 'string' },
      labels: { type: 'string' },
      'min-certainty': { type: 'string' },
      query: { type: 'string' },
      params: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError('');
  const scopes = [values.ids, values.around, values.query].filter((value) => value !== undefined).length;
  if (scopes !== 1) throw new UsageError('Give exactly one of --ids, --around and --query.');
  let scope: unknown;
  if (values.ids !== undefined) scope = { nodeIds: list(values.ids) };
  else if (values.around !== undefined) {
    scope = {
      around: values.around,
      ...(values.depth !== undefined ? { depth: Number(values.depth) } : {}),
      ...(values.types !== undefined ? { types: list(values.types) } : {}),
      ...(values.labels !== undefined ? { labels: list(values.labels) } : {}),
      ...(values['min-certainty'] !== undefined ? { minCertainty: values['min-certainty'] } : {}),
    };
  } else {
    let params: unknown;
    try {
      params = values.params === undefined ? undefined : JSON.parse(values.params);
    } catch {
      throw new UsageError('--params must be a JSON object.');
    }
    scope = { query: values.query, ...(params !== undefined ? { params } : {}) };
  }
  const parsed = ExportRequestSchema.safeParse({ format: values.format, scope });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`Invalid ${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'bad value'}.`);
  }
  return { request: parsed.data, out: values.out };
}

/** One progress line per tenth of each phase, so large exports show progress without flooding stderr. */
function progressReporter(): (progress: ExportProgress) => void {
  let last = { phase: '', tenth: -1 };
  return ({ phase, done, total }) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (phase !== last.phase || tenth > last.tenth) {
      last = { phase, tenth };
      log(`${phase} ${done}/${total}`);
    }
  };
}

async function main(): Promise<number> {
  const { request, out } = parseRequest(process.argv.slice(2));
  const config = loadConfig();
  const partial = out === undefined ? undefined : `${out}.partial`;
  return withNeo4j(config, async (db) => {
    try {
      const exporter = createExportService(db, createCypherService(db, config.cypher), config.export);
      await exporter.export(
        request,
        async (download) => {
          const { nodes, relationships } = download.meta.counts;
          log(`${request.format}: ${nodes} nodes, ${relationships} relationships from database "${download.meta.database}"`);
          const sink: Writable = partial === undefined ? process.stdout : createWriteStream(partial);
          await pipeline(Readable.from(download.body), sink, { end: partial !== undefined });
        },
        { onProgress: progressReporter() },
      );
      if (out !== undefined && partial !== undefined) renameSync(partial, out);
      log(`done${out !== undefined ? `: ${out}` : ''}`);
      return 0;
    } catch (error) {
      if (partial !== undefined) rmSync(partial, { force: true });
      throw error;
    }
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      process.exit(2);
    }
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AppError) console.error(`[export] failed: ${error.code}: ${error.message}`);
    else console.error(`[export] failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('[export] the export is incomplete: do not use its output');
    process.exit(1);
  },
);
