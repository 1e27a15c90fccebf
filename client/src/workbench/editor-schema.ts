/**
 * What the Cypher editor knows about the connected database, for completion and checks as you type:
 * labels, relationship types and property keys (db.labels() etc., run through POST /api/cypher like any
 * workbench query), and functions and procedures (SHOW FUNCTIONS / SHOW PROCEDURES when the workbench's
 * guard lets them through, else the built-in registry that ships with the language support).
 */
import type { DbSchema, Neo4jFunction, Neo4jProcedure } from '@neo4j-cypher/language-support';
import builtins from 'virtual:cypher-builtins';
import type { CypherRequest, CypherResponse, JsonValue } from '../../../server/src/contract.ts';
import { runCypher } from './cypher-api.ts';

export type RunQuery = (request: CypherRequest, signal?: AbortSignal) => Promise<CypherResponse>;

export interface EditorSchema {
  schema: DbSchema;
  /** Where functions and procedures came from: the database itself, or the shipped registry. */
  registry: 'database' | 'builtin';
}

/** What the editor starts with, before (or without) the database: the shipped registry alone. */
export const BUILTIN_SCHEMA: EditorSchema = {
  schema: {
    defaultLanguage: builtins.cypherVersion,
    functions: { [builtins.cypherVersion]: builtins.functions },
    procedures: { [builtins.cypherVersion]: builtins.procedures },
  },
  registry: 'builtin',
};

/** The names of a list query's first column (`CALL db.labels()` → its `label` column). */
async function names(run: RunQuery, query: string, signal?: AbortSignal): Promise<string[] | undefined> {
  try {
    const { columns, rows } = await run({ query }, signal);
    const column = columns[0];
    if (column === undefined) return [];
    return rows.map((row) => row[column]).filter((value): value is string => typeof value === 'string');
  } catch {
    return undefined;
  }
}

const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');
const list = (value: JsonValue | undefined): JsonValue[] => (Array.isArray(value) ? value : []);

type Argument = Neo4jFunction['argumentDescription'][number];
function argumentsOf(value: JsonValue | undefined): Argument[] {
  return list(value).map((arg) => (typeof arg === 'object' && arg !== null ? (arg as unknown as Argument) : { name: '', description: '', type: '', isDeprecated: false }));
}

/** SHOW FUNCTIONS, when the guard allows it. */
async function databaseFunctions(run: RunQuery, signal?: AbortSignal): Promise<Record<string, Neo4jFunction> | undefined> {
  try {
    const { rows } = await run(
      {
        query:
          'SHOW FUNCTIONS YIELD name, category, description, signature, isBuiltIn, argumentDescription, returnDescription, aggregating, isDeprecated, deprecatedBy',
      },
      signal,
    );
    const functions: Record<string, Neo4jFunction> = {};
    for (const row of rows) {
      const name = text(row.name);
      if (name === '') continue;
      functions[name] = {
        name,
        category: text(row.category),
        description: text(row.description),
        signature: text(row.signature),
        isBuiltIn: row.isBuiltIn === true,
        argumentDescription: argumentsOf(row.argumentDescription),
        returnDescription: text(row.returnDescription),
        aggregating: row.aggregating === true,
        isDeprecated: row.isDeprecated === true,
        ...(typeof row.deprecatedBy === 'string' ? { deprecatedBy: row.deprecatedBy } : {}),
      };
    }
    return Object.keys(functions).length > 0 ? functions : undefined;
  } catch {
    return undefined;
  }
}

/** SHOW PROCEDURES (the read-only ones), when the guard allows it. */
async function databaseProcedures(run: RunQuery, signal?: AbortSignal): Promise<Record<string, Neo4jProcedure> | undefined> {
  try {
    const { rows } = await run(
      {
        query:
          'SHOW PROCEDURES YIELD name, description, mode, worksOnSystem, signature, argumentDescription, returnDescription, admin, option, deprecatedBy',
      },
      signal,
    );
    const procedures: Record<string, Neo4jProcedure> = {};
    for (const row of rows) {
      const name = text(row.name);
      // Only procedures that merely read can pass the workbench's guard: offer no others.
      if (name === '' || row.mode !== 'READ' || row.admin === true) continue;
      const option = typeof row.option === 'object' && row.option !== null && !Array.isArray(row.option) ? row.option : {};
      procedures[name] = {
        name,
        description: text(row.description),
        mode: text(row.mode) as Neo4jProcedure['mode'],
        worksOnSystem: row.worksOnSystem === true,
        signature: text(row.signature),
        argumentDescription: argumentsOf(row.argumentDescription),
        returnDescription: argumentsOf(row.returnDescription),
        admin: false,
        option: { ...option, deprecated: option.deprecated === true },
        ...(typeof row.deprecatedBy === 'string' ? { deprecatedBy: row.deprecatedBy } : {}),
      };
    }
    return Object.keys(procedures).length > 0 ? procedures : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the database for its schema. Every part is optional: one that fails (refused, or the database is
 * away) is left out, and for functions and procedures the shipped registry stands in.
 */
export async function loadEditorSchema(run: RunQuery = runCypher, signal?: AbortSignal): Promise<EditorSchema> {
  const [labels, relationshipTypes, propertyKeys, functions, procedures] = await Promise.all([
    names(run, 'CALL db.labels() YIELD label RETURN label ORDER BY label', signal),
    names(run, 'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType', signal),
    names(run, 'CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey', signal),
    databaseFunctions(run, signal),
    databaseProcedures(run, signal),
  ]);
  const version = builtins.cypherVersion;
  return {
    schema: {
      defaultLanguage: version,
      ...(labels ? { labels } : {}),
      ...(relationshipTypes ? { relationshipTypes } : {}),
      ...(propertyKeys ? { propertyKeys } : {}),
      functions: { [version]: functions ?? builtins.functions },
      procedures: { [version]: procedures ?? builtins.procedures },
    },
    registry: functions && procedures ? 'database' : 'builtin',
  };
}
