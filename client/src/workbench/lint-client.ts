/**
 * The editor's side of the lint worker: one worker per page, started on first use, answering one query
 * at a time. When the worker can't start (no Worker support, a strict CSP), linting is simply off.
 */
import type { DbSchema } from '@neo4j-cypher/language-support';
import type { LintReply, LintRequest, LintResult } from './lint-messages.ts';

export interface QueryLinter {
  setSchema(schema: DbSchema): void;
  lint(query: string): Promise<LintResult>;
}

let shared: QueryLinter | null = null;

export function queryLinter(): QueryLinter {
  shared ??= createWorkerLinter();
  return shared;
}

function createWorkerLinter(): QueryLinter {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./cypher-lint-worker.ts', import.meta.url), { type: 'module', name: 'cypher-lint' });
  } catch (error) {
    console.warn('Cypher workbench: the lint worker could not start; syntax errors are shown only when a query runs.', error);
  }
  let nextId = 1;
  const pending = new Map<number, (result: LintResult) => void>();
  const nothing: LintResult = { diagnostics: [], symbolTables: [] };
  const post = (message: LintRequest) => worker?.postMessage(message);
  worker?.addEventListener('message', (event: MessageEvent<LintReply>) => {
    const reply = event.data;
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) console.warn('Cypher workbench: linting failed.', reply.error);
    resolve?.('error' in reply ? nothing : reply);
  });
  worker?.addEventListener('error', (event) => {
    console.warn('Cypher workbench: the lint worker failed.', event.message);
    for (const resolve of pending.values()) resolve(nothing);
    pending.clear();
  });
  return {
    setSchema: (schema) => post({ type: 'schema', schema }),
    lint(query) {
      if (!worker || query.trim() === '') return Promise.resolve(nothing);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        post({ type: 'lint', id, query });
      });
    },
  };
}
