/** A uniform random number generator on [0, 1). */
export type Random = () => number;

/**
 * Mulberry32: a small, fast 32-bit generator. Seeded so that a bootstrap run twice on the same
 * data gives the same interval; not for cryptography.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
