/**
 * Reads a seed file (YAML or JSON) and the documents it cites, then validates it with `validateSeed`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { validateSeed, SeedValidationError, type ValidSeed } from './schema.ts';

/** The seed that `npm run seed` and `npm start` load when given no file. */
export const DEFAULT_SEED_PATH = resolve(dirname(fileURLToPath(import.meta.url)), 'article.seed.yaml');

export async function readSeedFile(path: string): Promise<ValidSeed> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SeedValidationError([{ path: '', entry: path, message: `not readable as YAML or JSON: ${reason}` }]);
  }
  const documents = new Map<string, string>();
  const listed = (raw as { documents?: unknown } | null)?.documents;
  if (Array.isArray(listed)) {
    for (const doc of listed as Array<{ id?: unknown; file?: unknown }>) {
      if (typeof doc?.id !== 'string' || typeof doc.file !== 'string') continue;
      try {
        documents.set(doc.id, await readFile(resolve(dirname(path), doc.file), 'utf8'));
      } catch {
        // validateSeed reports the missing text against the entry that names it.
      }
    }
  }
  return validateSeed(raw, documents);
}
