/**
 * Web worker: runs the language support's linter (parser, semantic analysis, schema checks) off the main
 * thread. Neo4j's semantic analysis is several megabytes of code and takes from tens of milliseconds to
 * over a second per run, which would freeze typing on the page.
 *
 * Messages in: `{type:'schema', schema}` (kept for the following runs), `{type:'lint', id, query}`.
 * Message out: `{id, diagnostics, symbolTables}` or `{id, error}`.
 */
import './iterator-to-array.ts';
import { lintCypherQuery, type DbSchema } from '@neo4j-cypher/language-support';
import type { LintReply, LintRequest } from './lint-messages.ts';

/** The worker's global scope, typed by hand: the project's TypeScript lib is DOM, not WebWorker. */
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<LintRequest>) => void): void;
  postMessage(message: LintReply): void;
};

let schema: DbSchema = {};

scope.addEventListener('message', (event: MessageEvent<LintRequest>) => {
  const message = event.data;
  if (message.type === 'schema') {
    schema = message.schema;
    return;
  }
  let reply: LintReply;
  try {
    const { diagnostics, symbolTables } = lintCypherQuery(message.query, schema, { consoleCommandsEnabled: false });
    reply = {
      id: message.id,
      diagnostics: diagnostics.map((d) => ({ from: d.offsets.start, to: d.offsets.end, severity: d.severity === 1 ? 'error' : 'warning', message: typeof d.message === 'string' ? d.message : d.message.value })),
      symbolTables,
    };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
});
