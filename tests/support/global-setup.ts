/**
 * The integration project's setup: checks the machine's prerequisites first (prerequisites.ts: what root
 * must install is named at once; the Python packages are installed without root when missing), then starts
 * a throw-away Neo4j for the test run (own instance folder, own port, data wiped first) and stops it at the
 * end. Tests reach it through `inject('neo4j')`, and the Python interpreter through `inject('python')`.
 */
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../scripts/neo4j/local-neo4j.ts';
import { DEFAULT_CONFIG } from '../../server/src/config.ts';
import { ensureTestPython, missingPartsMessage, missingSystemParts, probeMachine } from './prerequisites.ts';

/** The test instance's Bolt port; TEST_NEO4J_PORT moves it if something else holds it. */
const DEFAULT_TEST_NEO4J_PORT = 7697;

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
    /** The Python interpreter with networkx, igraph and lxml (`python3`, or the project's `.venv-test`). */
    python: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const probe = probeMachine();
  const missing = missingSystemParts(probe);
  if (missing.length > 0) throw new Error(missingPartsMessage(missing));
  project.provide('python', await ensureTestPython(probe, (line) => console.error(`[test prerequisites] ${line}`)));

  const boltPort = Number(process.env.TEST_NEO4J_PORT ?? DEFAULT_TEST_NEO4J_PORT);
  const neo4j = await startLocalNeo4j({
    // Another port gets its own instance folder, so two runs in one checkout never share a database.
    instance: boltPort === DEFAULT_TEST_NEO4J_PORT ? 'test' : `test-${boltPort}`,
    boltPort,
    portVariable: 'TEST_NEO4J_PORT',
    heap: '1g',
    pageCache: '256m',
    transactionMemory: DEFAULT_CONFIG.localNeo4jTransactionMemory,
    fresh: true,
    timeoutCheckIntervalMs: 50, // a 1 ms timeout must stop a scan of a second (search-coverage.test.ts)
    log: (line) => console.error(`[test neo4j] ${line}`),
  });
  project.provide('neo4j', { uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  return () => neo4j.stop();
}
