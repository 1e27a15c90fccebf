/**
 * The workbench's guard against the real Neo4j: a corpus of write, schema, administration and exfiltration
 * attempts, each refused with its code, and the data, tokens, schema, users and databases unchanged after
 * all of them. A few look-alikes that only read must still run, so the guard can't pass by refusing all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherRefusalReason, CypherResponse, ErrorBody } from '../../server/src/contract.ts';
import type { RunningServer } from '../../server/src/app.ts';
import type { Database } from '../../server/src/db/database.ts';
import { databaseState, testSystemDatabase, type DatabaseState } from '../support/database-state.ts';
import { getJson, startApiFixture, type ApiFixture } from '../support/http.ts';
import { testDatabase, testTarget } from '../support/neo4j.ts';

let api: ApiFixture;
let db: Database;
let system: Database;
let server: RunningServer;
let before: DatabaseState;

beforeAll(async () => {
  api = await startApiFixture();
  ({ db, server } = api);
  system = testSystemDatabase();
  before = await databaseState(db, system);
});

afterAll(async () => {
  await api?.stop();
  await system?.close();
});

function postCypher<T = ErrorBody>(query: string, params?: Record<string, unknown>) {
  return getJson<T>(server.url, '/api/cypher', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, params }),
  });
}

/** [what it tries, the query, the refusal reason]: each answered 403 CYPHER_WRITE_FORBIDDEN. */
const FORBIDDEN: Array<[string, string, CypherRefusalReason]> = [
  // Writes, in every clause and disguise.
  ['CREATE', "CREATE (n:Intruder {name: 'x'}) RETURN n", 'WRITE'],
  ['lower-case create', 'create (n)', 'WRITE'],
  ['MERGE then SET', "MERGE (n:Actor {id: 'north-korea'}) SET n.name = 'Hacked'", 'WRITE'],
  ['SET a property', "MATCH (n {id: 'north-korea'}) SET n.name = 'Hacked'", 'WRITE'],
  ['SET += a map', 'MATCH (n) SET n += {pwned: true}', 'WRITE'],
  ['SET a backticked label', 'MATCH (n) SET n:`Intruder`', 'WRITE'],
  ['REMOVE a property', "MATCH (n {id: 'north-korea'}) REMOVE n.name", 'WRITE'],
  ['REMOVE a label', 'MATCH (n) REMOVE n:Actor', 'WRITE'],
  ['DELETE relationships', 'MATCH ()-[r]->() DELETE r', 'WRITE'],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', 'WRITE'],
  ['WITH … CREATE', 'MATCH (n) WITH n LIMIT 1 CREATE (m:Intruder) RETURN m', 'WRITE'],
  ['a relationship between seed nodes', "MATCH (a {id: 'north-korea'}), (b {id: 'russia'}) CREATE (a)-[:PWNED]->(b)", 'WRITE'],
  ['FOREACH … SET', 'MATCH (n) FOREACH (x IN [1] | SET n.pwned = true)', 'WRITE'],
  ['a write in a CALL subquery', 'MATCH (n) CALL (n) { SET n.pwned = true } RETURN count(*) AS c', 'WRITE'],
  ['CALL { CREATE () } IN TRANSACTIONS', 'CALL { CREATE (:Intruder) } IN TRANSACTIONS', 'WRITE'],
  ['CALL (i) { … } IN TRANSACTIONS OF 1 ROW', 'UNWIND range(1, 3) AS i CALL (i) { CREATE (:Intruder {i: i}) } IN TRANSACTIONS OF 1 ROW', 'WRITE'],
  ['a write after a UNION', 'RETURN 1 AS x UNION CREATE (n:Intruder) RETURN 2 AS x', 'WRITE'],
  ['a write after an allowed procedure', 'CALL db.labels() YIELD label CREATE (:Intruder {label: label})', 'WRITE'],
  ['OPTIONAL MATCH … MERGE', 'OPTIONAL MATCH (n:Nope) WITH n MERGE (:Intruder)', 'WRITE'],
  ['mixed case and comments', '/* harmless */ MaTcH (n) // read only\n SeT n.pwned = 1', 'WRITE'],
  ['a write behind an escaped quote', "MATCH (n) WHERE n.name = 'it\\'s' SET n.pwned = true", 'WRITE'],
  ['EXPLAIN of a write', 'EXPLAIN CREATE ()', 'WRITE'],
  ['PROFILE of a MERGE (PROFILE runs it)', "PROFILE MERGE (n:Intruder {id: 'x'}) RETURN n", 'WRITE'],
  ['PROFILE after CYPHER options', 'CYPHER runtime=slotted PROFILE CREATE (n:Intruder)', 'WRITE'],
  ['a write with a parameter', 'CREATE (n:Intruder {name: $name})', 'WRITE'],
  // Procedures outside the read-only allowlist.
  ['db.createLabel', "CALL db.createLabel('Intruder')", 'PROCEDURE'],
  ['db.createProperty', "CALL db.createProperty('pwned')", 'PROCEDURE'],
  ['db.createRelationshipType', "CALL db.createRelationshipType('PWNED')", 'PROCEDURE'],
  ['a backticked write procedure', "CALL `db`.`createLabel`('Intruder')", 'PROCEDURE'],
  ['db.clearQueryCaches', 'CALL db.clearQueryCaches()', 'PROCEDURE'],
  ['db.awaitIndexes (blocks)', 'CALL db.awaitIndexes(300)', 'PROCEDURE'],
  ['db.prepareForReplanning', 'CALL db.prepareForReplanning()', 'PROCEDURE'],
  ['tx.setMetaData', 'CALL tx.setMetaData({pwned: true})', 'PROCEDURE'],
  ['dbms.listConfig (exfiltrates settings)', 'CALL dbms.listConfig()', 'PROCEDURE'],
  ['dbms.listConnections (exfiltrates clients)', 'CALL dbms.listConnections()', 'PROCEDURE'],
  ['dbms.showCurrentUser', 'CALL dbms.showCurrentUser()', 'PROCEDURE'],
  ['db.stats.retrieve (exfiltrates other queries)', "CALL db.stats.retrieve('QUERIES')", 'PROCEDURE'],
  // Schema commands.
  ['CREATE INDEX', 'CREATE INDEX intruder_index FOR (n:Actor) ON (n.pwned)', 'SCHEMA'],
  ['lower-case text index', 'create text index for (n:Actor) on (n.name)', 'SCHEMA'],
  ['CREATE FULLTEXT INDEX', 'CREATE FULLTEXT INDEX intruder_ft FOR (n:Actor) ON EACH [n.pwned]', 'SCHEMA'],
  ['CREATE CONSTRAINT', 'CREATE CONSTRAINT intruder FOR (n:Intruder) REQUIRE n.id IS UNIQUE', 'SCHEMA'],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT Actor_id_unique', 'SCHEMA'],
  ['DROP INDEX of the search index', 'DROP INDEX entity_search', 'SCHEMA'],
  // Administration.
  ['SHOW USERS', 'SHOW USERS', 'ADMIN'],
  ['SHOW CURRENT USER', 'SHOW CURRENT USER', 'ADMIN'],
  ['SHOW DATABASES', 'SHOW DATABASES', 'ADMIN'],
  ['SHOW SETTINGS (exfiltrates settings)', 'SHOW SETTINGS', 'ADMIN'],
  ['SHOW TRANSACTIONS (exfiltrates other queries)', 'SHOW TRANSACTIONS', 'ADMIN'],
  ['SHOW TRANSACTIONS YIELD *', 'SHOW TRANSACTIONS YIELD * RETURN *', 'ADMIN'],
  ['TERMINATE TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'ADMIN'],
  ['SHOW PRIVILEGES', 'SHOW PRIVILEGES', 'ADMIN'],
  ['CREATE USER', "CREATE USER mallory SET PASSWORD 'secret-password' CHANGE NOT REQUIRED", 'ADMIN'],
  ['ALTER USER (a new password)', "ALTER USER neo4j SET PASSWORD 'new-password-123'", 'ADMIN'],
  ['RENAME USER', 'RENAME USER neo4j TO mallory', 'ADMIN'],
  ['DROP USER', 'DROP USER neo4j', 'ADMIN'],
  ['CREATE ROLE', 'CREATE ROLE intruder', 'ADMIN'],
  ['GRANT', 'GRANT ROLE admin TO mallory', 'ADMIN'],
  ['DENY', 'DENY READ {*} ON GRAPH * TO reader', 'ADMIN'],
  ['CREATE DATABASE', 'CREATE DATABASE intruder', 'ADMIN'],
  ['DROP DATABASE', 'DROP DATABASE neo4j', 'ADMIN'],
  ['STOP DATABASE', 'STOP DATABASE neo4j', 'ADMIN'],
  ['ALTER DATABASE', 'ALTER DATABASE neo4j SET ACCESS READ ONLY', 'ADMIN'],
  // Files and URLs.
  ['LOAD CSV from file:///', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'LOAD_CSV'],
  ['LOAD CSV from http://', "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row", 'LOAD_CSV'],
  ['lower-case load csv from https://', "load csv from 'https://example.com/x.csv' as l return l", 'LOAD_CSV'],
  ['LOAD CSV in a subquery', "CALL () { LOAD CSV FROM 'file:///etc/hosts' AS l RETURN l } RETURN l", 'LOAD_CSV'],
  ['data sent out in a URL', "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM 'http://127.0.0.1:9/' + n.id AS l RETURN l", 'LOAD_CSV'],
  // Other databases.
  ['USE system SHOW USERS', 'USE system SHOW USERS', 'OTHER_DATABASE'],
  ['USE `system` with a read procedure', 'USE `system` CALL db.labels()', 'OTHER_DATABASE'],
  ['USE system RETURN', 'USE system RETURN 1', 'OTHER_DATABASE'],
  ['USE another database', 'USE other MATCH (n) RETURN n', 'OTHER_DATABASE'],
  ['USE in a subquery', 'CALL () { USE system RETURN 1 AS x } RETURN x', 'OTHER_DATABASE'],
  ['a dynamic graph name', "USE graph.byName('system') RETURN 1", 'OTHER_DATABASE'],
  // Several statements.
  ['a read then a write', 'MATCH (n) RETURN n; CREATE ()', 'MULTIPLE_STATEMENTS'],
  ['two reads', 'RETURN 1; RETURN 2', 'MULTIPLE_STATEMENTS'],
  ['a semicolon hidden in a comment, then a real one', 'MATCH (n) RETURN n /* ; */ ; MATCH (n) DETACH DELETE n', 'MULTIPLE_STATEMENTS'],
  ['an escaped backslash closing the string', "RETURN 'a\\\\'; CREATE (n)", 'MULTIPLE_STATEMENTS'],
  ['a backticked name with a semicolon, then a write', 'RETURN 1 AS `x;y`; CREATE ()', 'MULTIPLE_STATEMENTS'],
];

/** [what it tries, the query]: Neo4j can't even resolve these, so they are 400 CYPHER_SYNTAX, not 403. */
const UNPARSEABLE: Array<[string, string]> = [
  // Community edition has no such procedures: Neo.ClientError.Procedure.ProcedureNotFound.
  ['dbms.setConfigValue (Enterprise only)', "CALL dbms.setConfigValue('db.transaction.timeout', '0')"],
  ['dbms.security.createUser (removed in 5)', "CALL dbms.security.createUser('mallory', 'secret-password', false)"],
  ['dbms.killQuery (removed in 5)', "CALL dbms.killQuery('query-1')"],
  // Unicode escapes only mean something inside strings; a Cyrillic С is no C.
  ['a unicode escape for C', '\\u0043REATE (n)'],
  ['a Cyrillic look-alike of CREATE', '\u0421REATE (n)'],
];

describe('POST /api/cypher refuses writes, schema and administration commands, files and other databases', () => {
  it.each(FORBIDDEN)('refuses %s with 403 CYPHER_WRITE_FORBIDDEN', async (_name, query, reason) => {
    const res = await postCypher(query);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CYPHER_WRITE_FORBIDDEN');
    expect(res.body.error.details).toMatchObject({ reason });
    expect(JSON.stringify(res.body)).not.toContain(query);
  });

  it.each(UNPARSEABLE)('refuses %s with 400 CYPHER_SYNTAX', async (_name, query) => {
    const res = await postCypher(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CYPHER_SYNTAX');
    expect(JSON.stringify(res.body)).not.toContain(query);
  });

  it('names the procedure it refused', async () => {
    const res = await postCypher("CALL db.createLabel('Intruder')");
    expect(res.body.error.details).toEqual({ reason: 'PROCEDURE', procedure: 'db.createLabel' });
  });

  it('leaves the data, tokens, schema, users and databases unchanged after the whole corpus', async () => {
    expect(await databaseState(db, system)).toEqual(before);
  });

  it('leaves the password unchanged: a new connection still opens with it', async () => {
    const fresh = testDatabase();
    try {
      await expect(fresh.read('RETURN 1 AS one')).resolves.toHaveLength(1);
    } finally {
      await fresh.close();
    }
    expect(testTarget().password).not.toBe('new-password-123');
  });
});

describe('POST /api/cypher still runs what only reads, however it looks', () => {
  it.each([
    ['an allowlisted procedure', 'CALL db.labels()'],
    ['full-text search', "CALL db.index.fulltext.queryNodes('entity_search', 'putin') YIELD node RETURN node.id AS id"],
    ['the schema as a graph', 'CALL db.schema.visualization()'],
    ['SHOW INDEXES', 'SHOW INDEXES'],
    ['SHOW CONSTRAINTS', 'SHOW CONSTRAINTS'],
    ['write keywords inside a string', "RETURN 'CREATE (n); DROP DATABASE neo4j' AS text"],
    ['a semicolon inside a string', "MATCH (n) WHERE n.name CONTAINS ';' RETURN n"],
    ['a trailing semicolon and comment', 'MATCH (n) RETURN count(n) AS c; // done'],
    ['USE of its own database', 'USE neo4j MATCH (n) RETURN count(n) AS c'],
    ['CYPHER options', 'CYPHER runtime=slotted MATCH (n) RETURN count(n) AS c'],
    ['EXPLAIN of a read', 'EXPLAIN MATCH (n) RETURN n'],
    ['PROFILE of a read', 'PROFILE MATCH (n:Person) RETURN n.name'],
  ])('runs %s', async (_name, query) => {
    const res = await postCypher<CypherResponse>(query);
    expect(res.status).toBe(200);
    expect(res.body.summary.queryType).toBe('r');
  });
});
