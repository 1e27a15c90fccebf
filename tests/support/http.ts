/**
 * Starts the real app (createApp + startServer on port 0) over a Database, alone or with the test database
 * arranged for it (an API test file's setup), and a small JSON fetch helper.
 */
import { resolve } from 'node:path';
import { createApp, startServer, type RunningServer } from '../../server/src/app.ts';
import type { CypherLimits } from '../../server/src/cypher/cypher-limits.ts';
import type { Database } from '../../server/src/db/database.ts';
import { resetToSeed, testDatabase } from './neo4j.ts';

export const CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client');

export async function startTestServer(
  db: Database,
  options: { client?: boolean; cypherLimits?: Partial<CypherLimits>; viewMaxNodes?: number } = {},
): Promise<RunningServer> {
  const app = createApp({ db, clientDir: options.client ? CLIENT_DIR : undefined, cypherLimits: options.cypherLimits, viewMaxNodes: options.viewMaxNodes });
  return startServer(app, 0, '127.0.0.1');
}

export interface ApiFixture {
  db: Database;
  server: RunningServer;
  url: string;
  /** Stops the app and closes the database, putting the seed back first if `arrange` loaded something else. */
  stop(): Promise<void>;
}

/** The test database arranged (the seed by default) and the app serving it: what an API test file starts from. */
export async function startApiFixture(arrange: (db: Database) => Promise<void> = resetToSeed): Promise<ApiFixture> {
  const db = testDatabase();
  let server: RunningServer | undefined;
  const stop = async () => {
    await server?.stop();
    if (arrange !== resetToSeed) await resetToSeed(db);
    await db.close();
  };
  try {
    await arrange(db);
    server = await startTestServer(db);
    return { db, server, url: server.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface JsonResponse<T = unknown> {
  status: number;
  contentType: string;
  body: T;
}

export async function getJson<T = any>(baseUrl: string, path: string, init?: RequestInit): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: JSON.parse(text) as T };
}
