/** Seeded randomness for the deterministic layouts (layout-engine.ts). */

/** mulberry32 (Tommy Ettinger, public domain): a small, fast PRNG with good spread for a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `work` with Math.random replaced by a PRNG seeded with `seed`: fcose and Cytoscape draw their random
 * numbers from Math.random and take no seed. Only for synchronous work (nothing else runs meanwhile).
 */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
