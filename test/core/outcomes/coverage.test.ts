/**
 * Seeded simulations that check the intervals keep their promise on the group sizes schools have
 * (5 to 30 disadvantaged pupils): the share of simulated cohorts whose 95% interval holds the true
 * value should be near 0.95. Reduced and deterministic (fixed seed, 4000 cohorts each); the bounds
 * allow for simulation error (binomial SE of a 0.95 coverage over 4000 runs is 0.0034).
 * Newcombe (1998) reports method 10's coverage at about 0.95 to 0.96 across sizes like these.
 */
import { seededRandom, standardNormal as normal } from '../../../scripts/seededRandom';
import { newcombeDifference, poissonRate } from '../../../src/core/outcomes';
import { gapDifference, gapEstimate } from '../../../src/core/trends';
import { momentsOf } from '../../../src/core/stats/moments';

const RUNS = 4000;

function binomial(r: () => number, n: number, p: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (r() < p) x++;
  return x;
}

function poisson(r: () => number, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0, p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}

describe('interval coverage in simulated cohorts', () => {
  it("Newcombe's interval for a rate gap covers about 95% with 8 disadvantaged and 40 other pupils", () => {
    const r = seededRandom(20260101);
    let hit = 0;
    for (let i = 0; i < RUNS; i++) {
      const d = newcombeDifference(binomial(r, 40, 0.15), 40, binomial(r, 8, 0.35), 8, 0.95);
      if (d.lower <= -0.2 && -0.2 <= d.upper) hit++;
    }
    expect(hit / RUNS).toBeGreaterThan(0.93);
    expect(hit / RUNS).toBeLessThan(0.985);
  });
  it('the difference of two gaps (Satterthwaite df) covers about 95% with cohorts of 6 and 25', () => {
    const r = seededRandom(7);
    let hit = 0;
    const cohort = (nd: number, no: number, gap: number) => {
      const d = Array.from({ length: nd }, () => 100 + 15 * normal(r));
      const o = Array.from({ length: no }, () => 100 + gap + 12 * normal(r));
      return gapEstimate(momentsOf(o), momentsOf(d));
    };
    for (let i = 0; i < RUNS; i++) {
      const c = gapDifference(cohort(6, 25, 8), cohort(7, 22, 5), 0.95);
      if (c.lower <= -3 && -3 <= c.upper) hit++;
    }
    expect(hit / RUNS).toBeGreaterThan(0.935);
    expect(hit / RUNS).toBeLessThan(0.965);
  });
  it('the exact Poisson interval for suspensions per 100 covers at least 95% (it is conservative)', () => {
    const r = seededRandom(99);
    let hit = 0;
    for (let i = 0; i < RUNS; i++) {
      let x = 0;
      for (let k = 0; k < 30; k++) x += poisson(r, 0.1);
      const p = poissonRate(x, 30);
      if (p.lower <= 10 && 10 <= p.upper) hit++;
    }
    expect(hit / RUNS).toBeGreaterThanOrEqual(0.945);
  });
});
