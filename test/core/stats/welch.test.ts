/**
 * Welch's interval for a difference of means against R 4.x (t.test, var.equal = FALSE), values
 * printed with sprintf("%.15g", x):
 *   x <- c(110, 95, 107, 99); y <- c(104, 98, 101, 88); tt <- t.test(x, y)
 *   tt$conf.int  # -7.01854753185583 17.0185475318558;  tt$parameter  # 6
 *   x2 <- c(98.5, 102, 87, 110, 95, 101, 99.5); y2 <- c(91, 84, 99, 102)
 *   t.test(x2, y2, conf.level = 0.99)  # conf.int -13.5356074031685 23.5356074031685, df 5.58706996301905
 *   t.test(x2, y2, conf.level = 0.9)$conf.int  # -4.54849715779794 14.5484971577979
 *
 * The small-group floor, by hand in R (the pooled variance, Hsu's df = n - 1, qt):
 *   o <- c(3,4,5,6,4,5,7,3); d <- c(4,4,4)           # three pupils all on grade 4
 *   sp2 <- (7*var(o) + 2*var(d))/9                    # 1.54166666666667
 *   se <- sqrt(sp2/3 + var(o)/8); q <- qt(0.975, 2)   # se 0.872729480441532
 *   mean(d) - mean(o) + c(-1, 1)*q*se                 # -4.38005188135459 3.13005188135459
 *   2*pt(-abs((mean(d) - mean(o))/se), 2)             # 0.548231413759433
 *   x2 <- c(98.5,102,87,110,95,101,99.5,120,93,91); y2 <- c(91,84,99,102,85,97,88)
 *   tt <- t.test(x2, y2)   # p 0.0876564475697656, conf.int -1.23625931056345 16.0648307391349, df 14.9051095469413
 *   t.test(c(110,95,107,99), c(104,98,101,88))$p.value   # 0.347968479021683
 */
import { momentsOf } from '../../../src/core/stats/moments';
import { smallGroupInterval, welchInterval } from '../../../src/core/stats/welch';
import { seededRandom } from '../../../scripts/seededRandom';

const m = (...xs: number[]) => momentsOf(xs);

describe('welchInterval', () => {
  it('matches R for equal group sizes (df 6)', () => {
    const ci = welchInterval(m(110, 95, 107, 99), m(104, 98, 101, 88), 0.95);
    expect(ci.diff).toBeCloseTo(5, 12);
    expect(ci.lower).toBeCloseTo(-7.01854753185583, 10);
    expect(ci.upper).toBeCloseTo(17.0185475318558, 10);
    expect(ci.df).toBeCloseTo(6, 10);
  });
  it('matches R with unequal sizes and spreads, at fractional df, for 99% and 90% intervals', () => {
    const x = m(98.5, 102, 87, 110, 95, 101, 99.5);
    const y = m(91, 84, 99, 102);
    const c99 = welchInterval(x, y, 0.99);
    expect(c99.lower).toBeCloseTo(-13.5356074031685, 10);
    expect(c99.upper).toBeCloseTo(23.5356074031685, 10);
    expect(c99.df).toBeCloseTo(5.58706996301905, 10);
    const c90 = welchInterval(x, y, 0.9);
    expect(c90.lower).toBeCloseTo(-4.54849715779794, 10);
    expect(c90.upper).toBeCloseTo(14.5484971577979, 10);
  });
  it('is not available (NaN bounds) when a group has fewer than 2 values, but still gives the difference', () => {
    const ci = welchInterval(m(5), m(1, 2, 3), 0.95);
    expect(ci.diff).toBe(3);
    expect([ci.lower, ci.upper, ci.df]).toEqual([NaN, NaN, NaN]);
  });
  it('has zero width when neither group varies', () => {
    const ci = welchInterval(m(4, 4), m(2, 2, 2), 0.95);
    expect([ci.lower, ci.upper]).toEqual([2, 2]);
  });
});

describe('smallGroupInterval', () => {
  it('is Welch\'s interval, with its p-value, when both groups have 6+ pupils with spread (R: t.test)', () => {
    const ci = smallGroupInterval(m(98.5, 102, 87, 110, 95, 101, 99.5, 120, 93, 91), m(91, 84, 99, 102, 85, 97, 88), 0.95);
    expect(ci.floored).toBe(false);
    expect(ci.lower).toBeCloseTo(-1.23625931056345, 10);
    expect(ci.upper).toBeCloseTo(16.0648307391349, 10);
    expect(ci.df).toBeCloseTo(14.9051095469413, 9);
    expect(ci.p).toBeCloseTo(0.0876564475697656, 11);
  });
  it('floors three pupils all on grade 4 at the pooled variance with df 2 (R by hand: pooled var, qt)', () => {
    const ci = smallGroupInterval(m(4, 4, 4), m(3, 4, 5, 6, 4, 5, 7, 3), 0.95);
    expect(ci.floored).toBe(true);
    expect(ci.df).toBe(2);
    expect(ci.se).toBeCloseTo(0.872729480441532, 12);
    expect(ci.lower).toBeCloseTo(-4.38005188135459, 10);
    expect(ci.upper).toBeCloseTo(3.13005188135459, 10);
    expect(ci.p).toBeCloseTo(0.548231413759433, 10);
  });
  it('is never narrower than the pooled-variance interval for small or spread-free groups', () => {
    const cases: number[][][] = [
      [[4, 4, 4], [3, 4, 5, 6, 4, 5, 7, 3]],
      [[1, 9, 5], [5, 5, 6, 5, 4, 5, 5, 6, 5]],
      [[2, 3], [2, 9, 4, 8]],
      [[5, 5, 5, 5, 5, 5, 5], [1, 9, 2, 8, 3]],
    ];
    for (const [a, b] of cases) {
      const x = m(...a);
      const y = m(...b);
      const ci = smallGroupInterval(x, y, 0.95);
      const df = x.n + y.n - 2;
      const sp2 = (x.sumSquares() + y.sumSquares()) / df;
      const pooledSe = Math.sqrt(sp2 * (1 / x.n + 1 / y.n));
      // t quantile with df >= Hsu's df is no larger, so compare the standard errors and the df.
      expect(ci.se).toBeGreaterThanOrEqual(pooledSe - 1e-12);
      expect(ci.df).toBeLessThanOrEqual(df);
    }
  });
  it('gives no interval with fewer than 2 pupils in a group', () => {
    const ci = smallGroupInterval(m(4), m(1, 2, 3), 0.95);
    expect([ci.lower, ci.upper, ci.df, ci.p]).toEqual([NaN, NaN, NaN, NaN]);
  });
});

describe('smallGroupInterval coverage (seeded simulation)', () => {
  it('covers the true difference at least 95% of the time for 3 pupils against 30, even when the small group varies less', () => {
    // 2000 draws: small group N(0, 0.5), others N(1, 1); true difference 1 (others minus small).
    const rand = seededRandom(99);
    const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    let floored = 0;
    let welch = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r++) {
      const small = m(...Array.from({ length: 3 }, () => 0.5 * normal()));
      const others = m(...Array.from({ length: 30 }, () => 1 + normal()));
      const f = smallGroupInterval(others, small, 0.95);
      const w = welchInterval(others, small, 0.95);
      if (f.lower <= 1 && 1 <= f.upper) floored++;
      if (w.lower <= 1 && 1 <= w.upper) welch++;
    }
    // Measured with seed 99: floored 1.000 (deliberately cautious), plain Welch 0.938 (it undercovers with 3 pupils).
    expect(floored / reps).toBeGreaterThanOrEqual(0.95);
    expect(floored / reps).toBeGreaterThanOrEqual(welch / reps);
  });
});
