/**
 * A small deterministic generator (xorshift32) for the benches' generated logs, so that two runs write
 * the same log: numbers in [0, 1), the same sequence for the same seed.
 */
export function seededRandom(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
