/**
 * Mulberry32: a small seeded generator of numbers in [0, 1), enough for reproducible synthetic data
 * (the sample workbook, the benchmark's pupils). Not for anything that needs real randomness.
 *
 * @example const r = seededRandom(1); r(); // always the same first value for seed 1
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal draw from a generator in [0, 1) (Box-Muller, cosine branch), for seeded
 * simulations.
 */
export function standardNormal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}
