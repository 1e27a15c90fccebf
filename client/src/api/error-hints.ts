/**
 * What to tell the user beyond the API's message, by error code: the next step when there is one.
 */
import type { ErrorCode } from '../../../server/src/contract.ts';
import type { AnyErrorCode, ClientErrorCode } from './http.ts';

export const ERROR_HINTS: Partial<Record<ErrorCode | ClientErrorCode, string>> = {
  DB_UNAVAILABLE: 'The database is not reachable right now. The server reconnects on its own; retry in a moment.',
  QUERY_TIMEOUT: 'The database took too long to answer. Retry, or ask for fewer nodes.',
  RATE_LIMITED: 'This server limits how often one client may ask, so that a team can share it. Wait a moment, then retry.',
  PAYLOAD_TOO_LARGE: 'The request is larger than the server takes: export or restore fewer elements at once.',
  NETWORK_ERROR: 'Check that the explorer server is running and reachable.',
  UNEXPECTED_RESPONSE: 'Something other than the explorer API answered; check the server address or proxy.',
};

export function hintFor(code: AnyErrorCode): string | undefined {
  return ERROR_HINTS[code];
}
