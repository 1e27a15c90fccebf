/**
 * Types of the modules the workbench's Vite plugin generates (cypher-builtins-plugin.ts).
 */
declare module 'virtual:cypher-builtins' {
  import type { Neo4jFunction, Neo4jProcedure } from '@neo4j-cypher/language-support';

  const builtins: {
    cypherVersion: 'CYPHER 5';
    functions: Record<string, Neo4jFunction>;
    procedures: Record<string, Neo4jProcedure>;
  };
  export default builtins;
}
