/**
 * Quantiles of the Student t and standard normal distributions, from the stdlib project
 * (@stdlib/stats-base-dists-*), which is tested against R and handles fractional degrees of
 * freedom (needed by the Welch interval).
 *
 * @example tQuantile(0.975, 10) // 2.228138851986274 (R: qt(0.975, 10))
 * @example normalQuantile(0.975) // 1.959963984540054 (R: qnorm(0.975))
 */
import tq from '@stdlib/stats-base-dists-t-quantile';
import nq from '@stdlib/stats-base-dists-normal-quantile';

/** The p-quantile of Student's t with `df` degrees of freedom (df > 0, may be fractional). */
export function tQuantile(p: number, df: number): number {
  return tq(p, df);
}

/** The p-quantile of the standard normal distribution. */
export function normalQuantile(p: number): number {
  return nq(p, 0, 1);
}
