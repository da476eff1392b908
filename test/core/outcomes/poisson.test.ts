/**
 * Count rates with exact Poisson intervals. R 4.x, sprintf("%.15g", x):
 *   poisson.test(7, 120)$conf.int * 100                      # 2.34530254293322 12.018896134752
 *   qchisq(c(0.025, 0.975), c(14, 16)) / 2 / 120 * 100       # the same limits
 *   poisson.test(7, 120, conf.level = 0.9)$conf.int * 100    # 2.73776307657889 10.9567615020268
 *   poisson.test(0, 50)$conf.int * 100                       # 0 7.37775890822787
 *   p <- poisson.test(c(12, 7), c(40, 120)); p$estimate; p$conf.int   # 5.14285714285714 1.86679519353124 15.4178035842384
 *   poisson.test(c(0, 7), c(40, 120))$conf.int              # 0 2.08144194028936
 *   d <- 12/40 - 7/120; 100 * (d + c(-1, 1) * qnorm(0.975) * sqrt(12/40^2 + 7/120^2))   # 6.65143987086949 41.6818934624638
 */
import { comparePoissonRates, poissonRate } from '../../../src/core/outcomes';
import { thrown } from '../thrown';

describe('poissonRate', () => {
  it('gives 7 suspensions among 120 pupils as 5.83 per 100 with the exact interval of poisson.test', () => {
    const r = poissonRate(7, 120);
    expect(r.rate).toBeCloseTo(700 / 120, 12);
    expect(r.lower).toBeCloseTo(2.34530254293322, 10);
    expect(r.upper).toBeCloseTo(12.018896134752, 10);
    const r90 = poissonRate(7, 120, 0.9);
    expect(r90.lower).toBeCloseTo(2.73776307657889, 10);
    expect(r90.upper).toBeCloseTo(10.9567615020268, 10);
  });
  it('has a lower limit of 0 when there were no suspensions', () => {
    const r = poissonRate(0, 50);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeCloseTo(7.37775890822787, 10);
  });
  it('rejects a fractional count and no pupils', () => {
    expect(thrown(() => poissonRate(2.5, 10)).message).toBe('the count must be a whole number of 0 or more, but it is 2.5');
    expect(thrown(() => poissonRate(2, 0)).message).toBe('the number of pupils for the count must be more than 0, but it is 0');
  });
});

describe('comparePoissonRates', () => {
  it('gives the ratio with the exact conditional interval of poisson.test and the Wald difference', () => {
    const c = comparePoissonRates(12, 40, 7, 120);
    expect(c.ratio).toBeCloseTo(5.14285714285714, 12);
    expect(c.ratioLower).toBeCloseTo(1.86679519353124, 9);
    expect(c.ratioUpper).toBeCloseTo(15.4178035842384, 9);
    expect(c.difference).toBeCloseTo(100 * (12 / 40 - 7 / 120), 12);
    expect(c.differenceLower).toBeCloseTo(6.65143987086949, 10);
    expect(c.differenceUpper).toBeCloseTo(41.6818934624638, 10);
  });
  it('has a ratio interval from 0 when the first count is 0', () => {
    const c = comparePoissonRates(0, 40, 7, 120);
    expect(c.ratio).toBe(0);
    expect(c.ratioLower).toBe(0);
    expect(c.ratioUpper).toBeCloseTo(2.08144194028936, 9);
  });
});
