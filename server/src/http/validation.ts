/** Request validation at the HTTP boundary: zod `safeParse` → VALIDATION_FAILED with the issues. */
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0];
  throw new AppError('VALIDATION_FAILED', `Invalid ${what}: ${first ? `${first.path || 'value'}: ${first.message}` : 'bad value'}.`, {
    details: { issues },
  });
}
