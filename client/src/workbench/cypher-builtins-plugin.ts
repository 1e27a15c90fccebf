/**
 * Build-time only (runs in Node, inside Vite): the virtual module `virtual:cypher-builtins`, the Cypher 5
 * built-in functions and read-only procedures that the editor completes and checks when the database
 * won't list its own (the workbench's guard may refuse SHOW FUNCTIONS / SHOW PROCEDURES).
 *
 * The list comes from the registry that @neo4j-cypher/language-support ships (`testData.mockSchema`, a dump
 * of a Neo4j server's SHOW FUNCTIONS / SHOW PROCEDURES), trimmed here to what a plugin-free Community
 * server has and the workbench may call: built-in functions, READ procedures outside the plugin (APOC,
 * GDS, GenAI) and Enterprise (CDC) namespaces. That module is 5 MB; only the trimmed ~100 kB reaches the
 * browser, and it always matches the installed package's version.
 */
import type { Plugin } from 'vite';

export const CYPHER_BUILTINS_MODULE = 'virtual:cypher-builtins';
const RESOLVED_ID = `\0${CYPHER_BUILTINS_MODULE}`;

/** The Cypher version Neo4j 5.26 speaks. */
const CYPHER_VERSION = 'CYPHER 5';
/** Procedures from plugins or Enterprise Edition: not on the Community server this explorer provisions. */
const FOREIGN_PROCEDURES = /^(apoc|gds|genai|cdc|db\.cdc)\./;
/** Fields the editor never reads (who may execute), dropped to keep the module small. */
const UNUSED_FIELDS = new Set(['rolesExecution', 'rolesBoostedExecution']);

type Entry = Record<string, unknown> & { name: string };

function trim(entry: Entry): Entry {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !UNUSED_FIELDS.has(key))) as Entry;
}

export function cypherBuiltinsPlugin(): Plugin {
  return {
    name: 'kg-explorer:cypher-builtins',
    resolveId(id) {
      return id === CYPHER_BUILTINS_MODULE ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { testData } = await import('@neo4j-cypher/language-support');
      const schema = testData.mockSchema as { functions?: Record<string, Record<string, Entry>>; procedures?: Record<string, Record<string, Entry>> };
      const functions = Object.values(schema.functions?.[CYPHER_VERSION] ?? {}).filter((fn) => fn.isBuiltIn === true);
      const procedures = Object.values(schema.procedures?.[CYPHER_VERSION] ?? {}).filter(
        (proc) => proc.mode === 'READ' && proc.admin !== true && !FOREIGN_PROCEDURES.test(proc.name),
      );
      if (functions.length === 0) this.warn('@neo4j-cypher/language-support ships no built-in functions: the editor will complete none.');
      const byName = (entries: Entry[]) => Object.fromEntries(entries.map((entry) => [entry.name, trim(entry)]));
      const builtins = { cypherVersion: CYPHER_VERSION, functions: byName(functions), procedures: byName(procedures) };
      return `export default ${JSON.stringify(builtins)};`;
    },
  };
}
