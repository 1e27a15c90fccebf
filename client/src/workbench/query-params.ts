/**
 * The parameters editor's text → the request's `params`: empty text is no parameters; anything else must
 * be a JSON object. Errors say where the JSON breaks (line, column), so they can be shown beside the editor.
 * Integers too large for a double (beyond 2^53) are kept exactly, as bigints (lossless-json), and sent as
 * the digits typed (api/http.ts), so Neo4j receives the INTEGER the analyst wrote.
 */
import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';

/** A parameter value: JSON's, with integers beyond 2^53 as bigints. */
export type ParamValue = string | number | bigint | boolean | null | ParamValue[] | { [key: string]: ParamValue };

export type ParamsResult =
  | { ok: true; params: Record<string, ParamValue> }
  | { ok: false; message: string; line?: number; column?: number };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function parseParams(text: string): ParamsResult {
  if (text.trim() === '') return { ok: true, params: {} };
  let value: unknown;
  try {
    JSON.parse(text); // for the engine's message and position, should the text not be JSON
    value = parse(text, null, (digits) => (isInteger(digits) && !isSafeNumber(digits) ? BigInt(digits) : Number(digits)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // V8: "… in JSON at position 12 (line 2 column 3)"; older engines give the position only.
    const position = /position (\d+)/.exec(reason);
    const where = position ? lineAndColumn(text, Number(position[1])) : undefined;
    const detail = reason.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '');
    return where
      ? { ok: false, message: `Parameters are not valid JSON at line ${where.line}, column ${where.column}: ${detail}.`, ...where }
      : { ok: false, message: `Parameters are not valid JSON: ${detail}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
    return { ok: false, message: `Parameters must be a JSON object such as {"name": "Kim Jong-un"}. Got: ${got}.` };
  }
  return { ok: true, params: value as Record<string, ParamValue> };
}

/**
 * The parameters text with `name` added (value null, for the user to fill in), pretty-printed; null when
 * the text isn't a valid JSON object to add to.
 */
export function withParameter(text: string, name: string): string | null {
  const parsed = parseParams(text);
  if (!parsed.ok) return null;
  if (Object.hasOwn(parsed.params, name)) return text;
  return stringify({ ...parsed.params, [name]: null }, null, 2) ?? text;
}
