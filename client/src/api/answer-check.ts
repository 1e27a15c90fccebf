/**
 * Every API answer is checked against its schema in the contract (server/src/contract.ts) before the UI
 * reads it, so an answer of the wrong shape fails at the HTTP boundary with a clear message instead of
 * deep inside a component.
 *
 * How deep: in full (zod) in development (Vite's dev server) and wherever the `kg-explorer:check-answers`
 * localStorage key is `full` (the browser tests set it); otherwise, in production, only the answer's top
 * level: an object with every key its schema requires, arrays where it expects arrays. A full check of a
 * 20,000-node view (40,000 relationships, 10.7 MB) takes about 300 ms, against 125 ms to parse its JSON (zod 4
 * without eval, as the CSP requires;
 * `npx tsx bench/answer-check-bench.ts`), a long task the page should not pay on every large answer; the
 * top-level check takes well under a millisecond.
 */
import { z } from 'zod';
import { browserStore, readText, STORAGE_KEYS } from '../state/storage.ts';

/** The localStorage key that turns full checks on outside development (`full`). */
export const CHECK_ANSWERS_KEY = STORAGE_KEYS.checkAnswers;

function fullChecksWanted(): boolean {
  return import.meta.env?.DEV === true || readText(browserStore(), CHECK_ANSWERS_KEY) === 'full';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where the top level of `body` departs from `schema`, or undefined when it does not (objects only). */
function topLevelProblem(schema: z.ZodType, body: unknown): string | undefined {
  if (!(schema instanceof z.ZodObject)) return undefined;
  if (!isRecord(body)) return 'expected an object';
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (!(key in body)) {
      if (field.safeParse(undefined).success) continue;
      return `${key}: missing`;
    }
    if (field instanceof z.ZodArray && !Array.isArray(body[key])) return `${key}: expected an array`;
  }
  return undefined;
}

/**
 * Where `body` departs from `schema` (`path: message` of the first issue), or undefined when it matches,
 * as deep as the page's mode asks (see above). `full` forces a full check.
 */
export function answerProblem(schema: z.ZodType, body: unknown, full = fullChecksWanted()): string | undefined {
  if (!full) return topLevelProblem(schema, body);
  const checked = schema.safeParse(body);
  if (checked.success) return undefined;
  const [issue] = checked.error.issues;
  return issue ? `${issue.path.join('.') || '(the answer)'}: ${issue.message}` : 'does not match';
}
