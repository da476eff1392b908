/**
 * Welch's interval for a difference of means against R 4.x (t.test, var.equal = FALSE), values
 * printed with sprintf("%.15g", x):
 *   x <- c(110, 95, 107, 99); y <- c(104, 98, 101, 88); tt <- t.test(x, y)
 *   tt$conf.int  # -7.01854753185583 17.0185475318558;  tt$parameter  # 6
 *   x2 <- c(98.5, 102, 87, 110, 95, 101, 99.5); y2 <- c(91, 84, 99, 102)
 *   t.test(x2, y2, conf.level = 0.99)  # conf.int -13.5356074031685 23.5356074031685, df 5.58706996301905
 *   t.test(x2, y2, conf.level = 0.9)$conf.int  # -4.54849715779794 14.5484971577979
 */
import { momentsOf } from '../../../src/core/stats/moments';
import { welchInterval } from '../../../src/core/stats/welch';

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
