/**
 * A streamed response body whose first chunk is made before anything is sent: an export that fails that
 * early can still answer with a JSON error (the status line has not gone out) instead of a dropped
 * connection.
 */

/**
 * `body` with its first chunk already made: that chunk's failure is thrown here, before anything is sent.
 * Later failures are thrown from the iteration; ending the iteration early ends `body`'s too.
 */
export async function startedBody<T>(body: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        if (first.done) return;
        yield first.value;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      } finally {
        await iterator.return?.();
      }
    },
  };
}
