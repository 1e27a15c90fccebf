import { describe, expect, it } from 'vitest';
import { startedBody } from '../../server/src/http/started-body.ts';

async function* failing(after: number) {
  for (let i = 0; i < after; i++) yield `chunk ${i}`;
  throw new Error('the graph changed');
}

async function all<T>(body: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const chunk of body) out.push(chunk);
  return out;
}

describe('startedBody: the first chunk of a download before its status is sent', () => {
  it('throws a failure of the first chunk at once, while an error answer can still be sent', async () => {
    await expect(startedBody(failing(0))).rejects.toThrow('the graph changed');
  });

  it('gives every chunk, the first included, and throws a later failure from the iteration', async () => {
    const body = await startedBody(failing(3));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of body) seen.push(chunk);
      })(),
    ).rejects.toThrow('the graph changed');
    expect(seen).toEqual(['chunk 0', 'chunk 1', 'chunk 2']);
  });

  it('passes an empty body through, and ends the source when the reader stops early', async () => {
    expect(await all(await startedBody((async function* () {})()))).toEqual([]);
    let ended = false;
    const source = (async function* () {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        ended = true;
      }
    })();
    for await (const chunk of await startedBody(source)) if (chunk >= 2) break;
    expect(ended).toBe(true);
  });
});
