/**
 * Quantiles and distribution functions the outcome measures need beyond the normal and t
 * (src/core/stats/distributions.ts): gamma (exact Poisson limits), beta (exact binomial limits)
 * and binomial (funnel limits for proportions), from the stdlib project, which tests them against R.
 *
 * @example gammaQuantile(0.975, 5) // 10.24159 (R: qgamma(0.975, 5), = qchisq(0.975, 10) / 2)
 * @example betaQuantile(0.025, 3, 8) // 0.06673951 (R: qbeta(0.025, 3, 8))
 * @example binomialQuantile(0.975, 50, 0.3) // 22 (R: qbinom(0.975, 50, 0.3))
 */
import gq from '@stdlib/stats-base-dists-gamma-quantile';
import bq from '@stdlib/stats-base-dists-beta-quantile';
import binq from '@stdlib/stats-base-dists-binomial-quantile';
import binc from '@stdlib/stats-base-dists-binomial-cdf';

/** The p-quantile of the gamma distribution with this shape and rate 1. */
export function gammaQuantile(p: number, shape: number): number {
  return gq(p, shape, 1);
}

/** The p-quantile of the beta distribution Beta(a, b). */
export function betaQuantile(p: number, a: number, b: number): number {
  return bq(p, a, b);
}

/** The smallest r with P(X <= r) >= p for X ~ Binomial(n, prob). */
export function binomialQuantile(p: number, n: number, prob: number): number {
  return binq(p, n, prob);
}

/** P(X <= r) for X ~ Binomial(n, prob). */
export function binomialCdf(r: number, n: number, prob: number): number {
  return binc(r, n, prob);
}
