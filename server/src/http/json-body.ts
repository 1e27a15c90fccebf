/**
 * Request bodies as JSON, parsed without losing digits (lossless-json, by Jos de Jong: JSON.parse turns
 * 637790870791443682 into the double 637790870791443700). An integral number beyond 2^53 becomes a bigint,
 * so that a workbench parameter reaches Neo4j as exactly that INTEGER (paramsFromJson). Inside `params`
 * (the workbench's and an export query's), a number written with `.`, `e` or `E` whose value a JavaScript
 * number can't tell from an integer (`1.0`, `-0.0`, `1e2`) stays a `LosslessNumber`, so that it reaches
 * Neo4j as the FLOAT it was written as; elsewhere it is the number JSON.parse would give. A number no
 * finite double holds (`1e400`) is a 400 VALIDATION_FAILED (inside `params`, from paramsFromJson, naming
 * the parameter), and so is a body that is not JSON, as express.json() answered before, and one that nests
 * deeper than MAX_BODY_DEPTH levels.
 */
import express, { type RequestHandler } from 'express';
import { isInteger, isLosslessNumber, isSafeNumber, LosslessNumber, parse } from 'lossless-json';
import { AppError } from '../errors.ts';

/** The key under which a body's Cypher parameters travel; numbers there keep whether they were written as floats. */
const PARAMS_KEY = 'params';

/**
 * Levels of arrays and objects a body may nest: far more than any request needs (a workbench's `params`
 * take 8, cypher-limits.ts), far fewer than the recursive parse and the walks after it can take (a body
 * 4,000 levels deep was parsed, then overflowed the stack of plainNumbersOutsideParams: a 500).
 */
const MAX_BODY_DEPTH = 64;

/** Whether the arrays and objects of the JSON text `text` nest deeper than `max`; a loop, so any depth is safe to ask about. */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // a backslash: the next character is escaped
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > max) return true;
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * A JSON number's text as a value: a bigint for an integer a double cannot hold exactly; a `LosslessNumber`
 * (its text kept) for a float text whose value is integral or not finite (`1.0`, `-0.0`, `1e2`, `1e400`);
 * else a number.
 */
export function parseJsonNumber(text: string): number | bigint | LosslessNumber {
  if (isInteger(text)) return isSafeNumber(text) ? Number(text) : BigInt(text);
  const value = Number(text);
  return Number.isInteger(value) || !Number.isFinite(value) ? new LosslessNumber(text) : value;
}

/** `value` with every LosslessNumber outside `params` made a number; one no finite double holds is a 400. */
function plainNumbersOutsideParams(value: unknown): unknown {
  if (isLosslessNumber(value)) {
    const number = Number((value as LosslessNumber).value);
    if (!Number.isFinite(number)) throw new AppError('VALIDATION_FAILED', `The request body holds a number no finite double holds: ${(value as LosslessNumber).value.slice(0, 40)}.`);
    return number;
  }
  if (Array.isArray(value)) return value.map(plainNumbersOutsideParams);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === PARAMS_KEY ? item : plainNumbersOutsideParams(item)]));
  }
  return value;
}

/** Body parsers for `application/json` requests of at most `limit` (e.g. '1mb'); sets `req.body`. */
export function losslessJsonBody(limit: string): RequestHandler[] {
  const readText = express.text({ type: 'application/json', limit });
  const parseText: RequestHandler = (req, res, next) => {
    // A route with a larger limit parsed the body already: a JSON string body is a string here, and must not
    // be parsed a second time (`"{\"ids\": …}"` was read as the object it spells).
    if (typeof req.body !== 'string' || res.locals.bodyParsed === true) {
      next();
      return;
    }
    res.locals.bodyParsed = true;
    if (nestsDeeperThan(req.body, MAX_BODY_DEPTH)) {
      const message = `must nest at most ${MAX_BODY_DEPTH} levels deep`;
      next(new AppError('VALIDATION_FAILED', `The request body ${message}.`, { details: { issues: [{ path: '', message }] } }));
      return;
    }
    let body: unknown;
    try {
      body = req.body.trim() === '' ? undefined : parse(req.body, null, parseJsonNumber);
    } catch {
      next(new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.'));
      return;
    }
    try {
      req.body = plainNumbersOutsideParams(body);
      next();
    } catch (error) {
      next(error);
    }
  };
  return [readText, parseText];
}
