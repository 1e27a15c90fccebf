/** Joins the many small strings a writer yields into chunks of about `size` characters: fewer, larger writes. */

/** 64 Ki characters: large enough to make per-chunk costs vanish, small enough to keep memory flat. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;

export async function* coalesce(source: AsyncIterable<string | Uint8Array>, size = DEFAULT_CHUNK_SIZE): AsyncGenerator<string | Uint8Array> {
  let pending = '';
  for await (const chunk of source) {
    if (typeof chunk !== 'string') {
      if (pending !== '') yield pending;
      pending = '';
      yield chunk;
      continue;
    }
    pending += chunk;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}
