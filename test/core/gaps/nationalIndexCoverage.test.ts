/**
 * Seeded simulation: the gap index on national ranks keeps its 95% promise on the group sizes
 * schools have. The national reference is fixed (it describes pupils nationally: 5,000 KS2-like
 * scores, whole numbers 80 to 120). Each simulated school draws its disadvantaged pupils from
 * N(97, 14) and the others from N(103, 13), rounded and kept within 80 to 120 as KS2 scaled scores
 * are. The true index is 20 x the difference of the two populations' mean national mid-percentiles,
 * computed over the whole populations' distribution (every whole score's probability, from the
 * normal distribution with its rounding and the 80/120 bounds): no estimate of it is involved.
 * 3,000 schools per size; the binomial SE of a 0.95 coverage over 3,000 runs is 0.004.
 * With fewer than 6 pupils in a group the interval borrows the pooled spread, so it covers more.
 */
import { seededRandom, standardNormal as normal } from '../../../scripts/seededRandom';
import { gapIndexNationalIntervalOf } from '../../../src/core/gaps/gapIndex';
import { nationalReference } from '../../../src/core/gaps/nationalReference';

const RUNS = 3000;

/** A KS2-like score: rounded, within 80 to 120. */
const ks2 = (x: number) => Math.min(120, Math.max(80, Math.round(x)));

/** The standard normal CDF (Abramowitz and Stegun 7.1.26 via erf; error under 1.5e-7). */
function phi(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Probability of each whole score 80..120 for ks2(N(mean, sd)). */
function scoreProbabilities(mean: number, sd: number): Map<number, number> {
  const p = new Map<number, number>();
  for (let s = 80; s <= 120; s++) {
    const lo = s === 80 ? 0 : phi((s - 0.5 - mean) / sd);
    const hi = s === 120 ? 1 : phi((s + 0.5 - mean) / sd);
    p.set(s, hi - lo);
  }
  return p;
}

describe('gap index on national ranks: interval coverage in simulated schools', () => {
  const r0 = seededRandom(20261203);
  const national = Array.from({ length: 5000 }, () => [ks2(100 + 15 * normal(r0))]);
  const ref = nationalReference(national);
  const meanPercentile = (mean: number, sd: number) => {
    let m = 0;
    for (const [s, p] of scoreProbabilities(mean, sd)) m += p * ref.percentile(s);
    return m;
  };
  const truth = 20 * (meanPercentile(103, 13) - meanPercentile(97, 14));

  it('the true index of these populations is a real gap (about 3 on the -10 to 10 scale)', () => {
    expect(truth).toBeGreaterThan(2);
    expect(truth).toBeLessThan(4.5);
  });

  it.each([
    [8, 30],
    [15, 60],
    [40, 140],
  ])('covers about 95%% with %i disadvantaged and %i other pupils', (nd, no) => {
    const r = seededRandom(nd * 1000 + no);
    let hit = 0;
    for (let i = 0; i < RUNS; i++) {
      const d = Array.from({ length: nd }, () => ks2(97 + 14 * normal(r)));
      const o = Array.from({ length: no }, () => ks2(103 + 13 * normal(r)));
      const c = gapIndexNationalIntervalOf(d, o, ref, 0.95);
      if (c.lower <= truth && truth <= c.upper) hit++;
    }
    expect(hit / RUNS).toBeGreaterThan(0.935);
    expect(hit / RUNS).toBeLessThan(0.965);
  });

  it('with 4 disadvantaged pupils the floored interval covers at least 95%', () => {
    const r = seededRandom(4030);
    let hit = 0;
    for (let i = 0; i < RUNS; i++) {
      const d = Array.from({ length: 4 }, () => ks2(97 + 14 * normal(r)));
      const o = Array.from({ length: 30 }, () => ks2(103 + 13 * normal(r)));
      const c = gapIndexNationalIntervalOf(d, o, ref, 0.95);
      if (c.lower <= truth && truth <= c.upper) hit++;
    }
    expect(hit / RUNS).toBeGreaterThan(0.94);
  });
});
