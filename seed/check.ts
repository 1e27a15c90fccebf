/** `tsx seed/check.ts [file]`: validates a seed file without touching any database. */
import { readSeedFile, DEFAULT_SEED_PATH } from './seed-file.ts';

const path = process.argv[2] ?? DEFAULT_SEED_PATH;
try {
  const seed = await readSeedFile(path);
  console.log(`${path}: valid, ${seed.nodes.length} nodes, ${seed.relationships.length} relationships`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
