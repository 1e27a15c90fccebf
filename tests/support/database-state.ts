/**
 * Everything a refused query could have changed, read through the test's own admin paths: the data
 * (counts and fingerprint), the tokens, the schema (constraints and indexes), and, on the `system`
 * database, the users and the databases. Equal states, unchanged server.
 */
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { counts, fingerprint, testTarget } from './neo4j.ts';

/** A Database on the test server's `system` database (users, roles, databases). */
export function testSystemDatabase(): Database {
  return createDatabase({ ...testTarget(), database: 'system' });
}

export interface DatabaseState {
  counts: { nodes: number; relationships: number };
  fingerprint: string;
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  constraints: string[];
  indexes: string[];
  users: string[];
  databases: string[];
}

/** Rows as sorted JSON lines: maps as objects, integers as their digits. */
const lines = (rows: Array<Record<string, unknown>>): string[] =>
  rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : typeof value === 'bigint' ? `${value}` : value))).sort();

export async function databaseState(db: Database, system: Database): Promise<DatabaseState> {
  return {
    counts: await counts(db),
    fingerprint: await fingerprint(db),
    labels: lines(await db.read('CALL db.labels()')),
    relationshipTypes: lines(await db.read('CALL db.relationshipTypes()')),
    propertyKeys: lines(await db.read('CALL db.propertyKeys()')),
    // Only what a command can change: read counts and timestamps move with every query.
    constraints: lines(await db.read('SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN *')),
    indexes: lines(await db.read('SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state RETURN *')),
    users: lines(await system.read('SHOW USERS YIELD user, roles, passwordChangeRequired, suspended, home RETURN *')),
    databases: lines(await system.read('SHOW DATABASES YIELD name, requestedStatus, access RETURN *')),
  };
}
