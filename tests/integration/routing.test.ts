/**
 * The path to a cluster or Aura: the local single server serves a routing table naming itself, and the API
 * answers through a `neo4j://` URI (the routing driver), reads and the workbench alike. `npm test` also runs
 * the API's integration tests once more through such a URI (`npm run test:routing`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, createApp, type RunningServer } from '../../server/src/app.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { mapsOf } from '../../server/src/db/values.ts';
import { getJson } from '../support/http.ts';
import { resetToSeed, testTarget } from '../support/neo4j.ts';

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  const target = testTarget();
  db = createDatabase({ ...target, uri: target.uri.replace(/^bolt:/, 'neo4j:') });
  await resetToSeed(db);
  server = await startServer(createApp({ db }), 0, '127.0.0.1');
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe('a neo4j:// URI on the local server', () => {
  it('gets a routing table that names the server, with its advertised Bolt address, for routing, reads and writes', async () => {
    const [row] = await db.read('CALL dbms.routing.getRoutingTable({}) YIELD servers RETURN servers');
    const servers = mapsOf(row?.servers) as Array<{ role: string; addresses: string[] }>;
    const port = new URL(testTarget().uri.replace(/^(bolt|neo4j):/, 'http:')).port;
    for (const role of ['ROUTE', 'READ', 'WRITE']) {
      expect(servers.find((server) => server.role === role)?.addresses, role).toEqual([`127.0.0.1:${port}`]);
    }
  });

  it('serves search, neighbours and the workbench through the routing driver', async () => {
    const search = await getJson(server.url, '/api/search?q=kim');
    expect(search.status).toBe(200);
    expect(search.body.results[0].node.id).toBe('kim-jong-un');
    const neighbours = await getJson(server.url, '/api/nodes/kim-jong-un/neighbors');
    expect(neighbours.status).toBe(200);
    expect(neighbours.body.total).toBeGreaterThan(0);
    const cypher = await getJson(server.url, '/api/cypher', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (n:Person) RETURN count(n) AS people' }),
    });
    expect(cypher.status).toBe(200);
    expect(cypher.body.rows[0].people).toBeGreaterThan(0);
  });
});
