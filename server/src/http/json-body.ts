/**
 * Request bodies as JSON, parsed without losing digits (lossless-json, by Jos de Jong: JSON.parse turns
 * 637790870791443682 into the double 637790870791443700). An integral number beyond 2^53 becomes a bigint,
 * so that a workbench parameter reaches Neo4j as exactly that INTEGER (paramsFromJson); every other number
 * is the JavaScript number JSON.parse would give. A body that is not JSON is a 400 VALIDATION_FAILED, as
 * express.json() answered before.
 */
import express, { type RequestHandler } from 'express';
import { isInteger, isSafeNumber, parse } from 'lossless-json';
import { AppError } from '../errors.ts';

/** A JSON number's text as a value: a bigint for an integer a double cannot hold exactly, else a number. */
export function parseJsonNumber(text: string): number | bigint {
  return isInteger(text) && !isSafeNumber(text) ? BigInt(text) : Number(text);
}

/** Body parsers for `application/json` requests of at most `limit` (e.g. '1mb'); sets `req.body`. */
export function losslessJsonBody(limit: string): RequestHandler[] {
  const readText = express.text({ type: 'application/json', limit });
  const parseText: RequestHandler = (req, _res, next) => {
    if (typeof req.body !== 'string') {
      next();
      return;
    }
    try {
      req.body = req.body.trim() === '' ? undefined : parse(req.body, null, parseJsonNumber);
      next();
    } catch {
      next(new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.'));
    }
  };
  return [readText, parseText];
}
