/**
 * The messages between the editor and its lint worker (cypher-lint-worker.ts).
 */
import type { DbSchema, SymbolTable } from '@neo4j-cypher/language-support';

export type LintRequest = { type: 'schema'; schema: DbSchema } | { type: 'lint'; id: number; query: string };

/** A problem in the query; offsets in UTF-16 code units, as CodeMirror counts. */
export interface QueryDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The diagnostics, and the variables the analysis typed (completion uses them to offer a node's properties). */
export interface LintResult {
  diagnostics: QueryDiagnostic[];
  symbolTables: SymbolTable[];
}

export type LintReply = ({ id: number } & LintResult) | { id: number; error: string };
