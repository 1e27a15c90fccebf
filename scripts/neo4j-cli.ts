/**
 * `npm run neo4j -- start|stop [instance]`: the local `dev` Neo4j on its own. `start` keeps it running in
 * the foreground until Ctrl+C; `stop` stops one left running (`stop bench` or `stop test` another instance).
 */
import { loadConfig } from '../server/src/config.ts';
import { resolveNeo4j } from './neo4j/resolve-neo4j.ts';
import { NEO4J_ROOT, stopLocalNeo4j } from './neo4j/local-neo4j.ts';

const command = process.argv[2] ?? 'start';
const log = (line: string) => console.error(`[neo4j] ${line}`);

if (command === 'start') {
  const { local, target } = await resolveNeo4j(loadConfig({ ...process.env, NEO4J_URI: undefined }), log);
  console.log(`Neo4j running at ${target.uri} (user ${target.user}; password in ${NEO4J_ROOT}/instances/dev/password). Ctrl+C stops it.`);
  const stop = async () => {
    if (local?.startedHere) await local.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} else if (command === 'stop') {
  const instance = process.argv[3] ?? 'dev';
  if (!/^[a-z0-9-]+$/.test(instance)) {
    console.error(`Unknown instance "${instance}": use dev, test or bench.`);
    process.exit(2);
  }
  console.log((await stopLocalNeo4j(instance)) ? `stopped "${instance}"` : `"${instance}" is not running`);
} else {
  console.error(`Unknown command "${command}": use start or stop.`);
  process.exit(2);
}
