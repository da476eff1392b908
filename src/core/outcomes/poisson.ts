/**
 * Count rates (suspensions per 100 pupils) with exact Poisson intervals, and the difference and
 * ratio of two such rates.
 *
 * What it is for: suspensions are counted per pupil (a pupil may have several), so the school's
 * figure is a rate, total suspensions per 100 pupils, and its uncertainty is Poisson, not binomial.
 *
 * - One rate: count x over exposure T (pupils) times `per`; exact (Garwood) limits
 *   qgamma(a/2, x) / T and qgamma(1 - a/2, x + 1) / T, i.e. qchisq(a/2, 2x) / 2T and
 *   qchisq(1 - a/2, 2x + 2) / 2T, with a = 1 - confidence; the lower limit is 0 when x = 0.
 * - Ratio of rates: the exact conditional interval: x1 given x1 + x2 is binomial with
 *   p = T1 r / (T1 r + T2), so the Clopper-Pearson limits for p give those for r.
 * - Difference of rates: the normal (Wald) interval, d +- z sqrt(x1/T1^2 + x2/T2^2).
 *
 * Reference: F. Garwood (1936), Biometrika 28; Ulm (1990), Am J Epidemiol 131. The single rate and
 * the ratio match R's poisson.test(x, T)$conf.int and poisson.test(c(x1, x2), c(T1, T2))$conf.int.
 *
 * @throws `#VALUE!` a negative or fractional count, an exposure of 0 or less.
 * @example poissonRate(7, 120, 0.95, 100) // { rate: 5.833, lower: 2.345, upper: 12.019 } per 100 pupils (R: poisson.test(7, 120)$conf.int * 100)
 */
import { valueError } from '../errors';
import { betaQuantile, gammaQuantile } from './quantiles';
import { requireConfidence } from './confidence';
import { zFor } from './wilson';

export interface PoissonRate {
  count: number;
  exposure: number;
  /** count / exposure * per */
  rate: number;
  lower: number;
  upper: number;
}

function check(count: number, exposure: number, what: string): void {
  if (!(count >= 0) || !Number.isInteger(count)) throw valueError(`${what} must be a whole number of 0 or more, but it is ${count}`);
  if (!(exposure > 0) || !Number.isFinite(exposure)) throw valueError(`the number of pupils for ${what} must be more than 0, but it is ${exposure}`);
}

/** A count rate with its exact Poisson interval, scaled by `per` (100 = per 100 pupils). */
export function poissonRate(count: number, exposure: number, confidence = 0.95, per = 100): PoissonRate {
  requireConfidence(confidence);
  check(count, exposure, 'the count');
  const a = 1 - confidence;
  const lower = count === 0 ? 0 : gammaQuantile(a / 2, count) / exposure;
  const upper = gammaQuantile(1 - a / 2, count + 1) / exposure;
  return { count, exposure, rate: (count / exposure) * per, lower: lower * per, upper: upper * per };
}

export interface RateComparison {
  /** rate1 - rate2, scaled by `per`. */
  difference: number;
  differenceLower: number;
  differenceUpper: number;
  /** rate1 / rate2; NaN when the second count is 0. */
  ratio: number;
  ratioLower: number;
  ratioUpper: number;
}

/** Difference (Wald) and ratio (exact conditional) of two Poisson rates. */
export function comparePoissonRates(x1: number, t1: number, x2: number, t2: number, confidence = 0.95, per = 100): RateComparison {
  requireConfidence(confidence);
  check(x1, t1, 'the first count');
  check(x2, t2, 'the second count');
  const a = 1 - confidence;
  const r1 = x1 / t1;
  const r2 = x2 / t2;
  const d = r1 - r2;
  const half = zFor(confidence) * Math.sqrt(x1 / (t1 * t1) + x2 / (t2 * t2));
  const m = x1 + x2;
  let pl = NaN, pu = NaN;
  if (m > 0) {
    pl = x1 === 0 ? 0 : betaQuantile(a / 2, x1, m - x1 + 1);
    pu = x1 === m ? 1 : betaQuantile(1 - a / 2, x1 + 1, m - x1);
  }
  const toRatio = (p: number): number => (p === 1 ? Infinity : (p / (1 - p)) * (t2 / t1));
  return {
    difference: d * per,
    differenceLower: (d - half) * per,
    differenceUpper: (d + half) * per,
    ratio: x2 === 0 ? NaN : r1 / r2,
    ratioLower: toRatio(pl),
    ratioUpper: toRatio(pu),
  };
}
