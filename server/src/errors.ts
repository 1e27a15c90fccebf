/**
 * The one error type the API raises. `code` is from the closed union in the contract; the HTTP status
 * follows from it. Messages are for people and never carry queries, parameters, stack traces or secrets.
 */
import type { ErrorCode, JsonValue } from './contract.ts';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  QUERY_TIMEOUT: 408,
  DB_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface AppErrorOptions {
  details?: JsonValue;
  cause?: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly details: JsonValue | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.details = options.details;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}
