/**
 * Two-sided t tail probabilities against R 4.x, printed with sprintf("%.15g", 2 * pt(-abs(t), df)):
 *   (2.228138851986274, 10) 0.05; (0.5, 3.7) 0.645335633319932; (8, 2) 0.0152680721653381;
 *   (-1.3, 120.5) 0.196082162201881; (40, 30) 1.37260451944064e-27; (0.01, 1) 0.993634014470184
 */
import { logGamma, tTwoSidedP } from '../../../src/core/stats/tDistribution';

describe('tTwoSidedP', () => {
  it.each([
    [2.228138851986274, 10, 0.05],
    [0.5, 3.7, 0.645335633319932],
    [8, 2, 0.0152680721653381],
    [-1.3, 120.5, 0.196082162201881],
    [0.01, 1, 0.993634014470184],
  ])('matches R 2*pt(-|%p|, %p)', (t, df, p) => {
    expect(tTwoSidedP(t, df)).toBeCloseTo(p, 12);
  });
  it('keeps its relative accuracy far in the tail (R: 1.37260451944064e-27)', () => {
    expect(tTwoSidedP(40, 30) / 1.37260451944064e-27).toBeCloseTo(1, 9);
  });
  it('is 1 at t = 0, 0 at an infinite t and NaN without degrees of freedom', () => {
    expect(tTwoSidedP(0, 5)).toBe(1);
    expect(tTwoSidedP(Infinity, 5)).toBe(0);
    expect(tTwoSidedP(1, 0)).toBeNaN();
    expect(tTwoSidedP(NaN, 4)).toBeNaN();
  });
  it('has log-gamma of known values (R: lgamma(0.5) = 0.5723649429247, lgamma(10) = log(362880))', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 11);
  });
});
