/**
 * Request bodies as JSON, parsed without losing digits (lossless-json, by Jos de Jong: JSON.parse turns
 * 637790870791443682 into the double 637790870791443700). An integral number beyond 2^53 becomes a bigint,
 * so that a workbench parameter reaches Neo4j as exactly that INTEGER (paramsFromJson). Inside `params`
 * (the workbench's and an export query's), a number written with `.`, `e` or `E` whose value a JavaScript
 * number can't tell from an integer (`1.0`, `-0.0`, `1e2`) stays a `LosslessNumber`, so that it reaches
 * Neo4j as the FLOAT it was written as; elsewhere it is the number JSON.parse would give. A number no
 * finite double holds (`1e400`) is a 400 VALIDATION_FAILED (inside `params`, from paramsFromJson, naming
 * the parameter), and so is a body that is not JSON, as express.json() answered before.
 */
import express, { type RequestHandler } from 'express';
import { isInteger, isLosslessNumber, isSafeNumber, LosslessNumber, parse } from 'lossless-json';
import { AppError } from '../errors.ts';

/** The key under which a body's Cypher parameters travel; numbers there keep whether they were written as floats. */
const PARAMS_KEY = 'params';

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
  const parseText: RequestHandler = (req, _res, next) => {
    if (typeof req.body !== 'string') {
      next();
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
