/**
 * POST /api/export: a subgraph as a file, through the client's HTTP boundary. Failures are `ApiError`s
 * with the server's code (EXPORT_TOO_LARGE, NOT_FOUND, CYPHER_WRITE_FORBIDDEN, RATE_LIMITED, …), as for
 * every other request; a download cut midway rejects, so a partial file is never offered as complete.
 */
import { stringify } from 'lossless-json';
import type { ExportRequest } from '../../../server/src/contract.ts';
import { ApiError, errorFromBody } from './http.ts';

export interface ExportedFile {
  blob: Blob;
  /** The server's name for the file (Content-Disposition), else `fallback`'s. */
  filename: string;
}

function filenameFrom(header: string | null, fallback: string): string {
  return /filename="?([^";]+)"?/.exec(header ?? '')?.[1] ?? fallback;
}

/** Downloads the export `request` asks for; rejects with an ApiError (aborts reject as AbortError). */
export async function downloadExport(request: ExportRequest, signal?: AbortSignal): Promise<ExportedFile> {
  const what = 'POST /api/export';
  let response: Response;
  try {
    response = await fetch('/api/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stringify(request), // lossless: query parameters beyond 2^53 stay exact
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', `${what}: the API server could not be reached.`, 0);
  }
  if (!response.ok) throw errorFromBody(await response.json().catch(() => null), response.status, what);
  try {
    return { blob: await response.blob(), filename: filenameFrom(response.headers.get('content-disposition'), `graph.${request.format}`) };
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', `${what}: the download was cut before its end; no file was saved.`, response.status);
  }
}
