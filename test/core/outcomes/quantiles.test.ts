/**
 * The stdlib quantiles behind the exact intervals. R 4.x, sprintf("%.15g", x):
 *   qgamma(0.975, 5)      # 10.2415886754037 (= qchisq(0.975, 10) / 2)
 *   qbeta(0.025, 3, 8)    # 0.0667395111777345
 *   qbinom(0.975, 50, 0.3); pbinom(21, 50, 0.3)   # 22 0.974912958334549
 */
import { betaQuantile, binomialCdf, binomialQuantile, gammaQuantile } from '../../../src/core/outcomes/quantiles';

describe('quantiles', () => {
  it('agree with R', () => {
    expect(gammaQuantile(0.975, 5)).toBeCloseTo(10.2415886754037, 9);
    expect(betaQuantile(0.025, 3, 8)).toBeCloseTo(0.0667395111777345, 12);
    expect(binomialQuantile(0.975, 50, 0.3)).toBe(22);
    expect(binomialCdf(21, 50, 0.3)).toBeCloseTo(0.974912958334549, 12);
  });
});
