/**
 * Wilson's score interval for one proportion, without continuity correction.
 *
 * What it is for: the interval around a rate (the share of disadvantaged pupils who are persistently
 * absent, who had a suspension, whose destination was sustained). Unlike the textbook p +- z se, it
 * stays inside 0..1 and keeps its coverage for small groups and for rates near 0% or 100%.
 *
 * Reference: E. B. Wilson (1927), JASA 22; Newcombe (1998), Statistics in Medicine 17, method 3.
 * Matches R's prop.test(x, n, correct = FALSE)$conf.int.
 *
 * @throws nothing: with n = 0 the rate and limits are NaN.
 * @example wilsonInterval(3, 10, 0.95) // { rate: 0.3, lower: 0.1077913, upper: 0.6032219 } (R: prop.test(3, 10, correct = FALSE)$conf.int)
 */
import { normalQuantile } from '../stats/distributions';

export interface RateInterval {
  /** successes / n */
  rate: number;
  lower: number;
  upper: number;
}

/** The z of a two-sided interval at this confidence (1.96 for 0.95). */
export function zFor(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

/** Wilson interval for `successes` out of `n`; NaN throughout when n = 0. */
export function wilsonInterval(successes: number, n: number, confidence: number): RateInterval {
  if (!(n > 0)) return { rate: NaN, lower: NaN, upper: NaN };
  const p = successes / n;
  const z = zFor(confidence);
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  // At 0 and n successes the limit is exactly 0 or 1; computing it would leave rounding dust.
  const lower = successes === 0 ? 0 : (centre - half) / denom;
  const upper = successes === n ? 1 : (centre + half) / denom;
  return { rate: p, lower, upper };
}
