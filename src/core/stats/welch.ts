/**
 * Welch's confidence interval for the difference of two means (unequal variances), with the
 * Welch-Satterthwaite degrees of freedom and a t quantile.
 *
 * What it is for: the interval around a gap between two groups of very different sizes
 * (a handful of disadvantaged pupils against the rest of a year group).
 *
 * Reference: B. L. Welch (1947), Biometrika 34; matches R's t.test(x, y, var.equal = FALSE)$conf.int.
 *
 * @example welchInterval(mx, my, 0.95) // for x = [110,95,107,99], y = [104,98,101,88]:
 *   { diff: 5, lower: -7.018548, upper: 17.01855, df: 6 }  (R: t.test(x, y)$conf.int, $parameter)
 */
import type { Moments } from './moments';
import { tQuantile } from './distributions';

export interface Interval {
  /** mean(x) - mean(y) */
  diff: number;
  lower: number;
  upper: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
}

/** Interval for mean(x) - mean(y); lower/upper/df are NaN unless both groups have 2+ values. */
export function welchInterval(x: Moments, y: Moments, confidence: number): Interval {
  const diff = x.mean() - y.mean();
  if (x.n < 2 || y.n < 2) return { diff, lower: NaN, upper: NaN, df: NaN };
  const vx = x.variance() / x.n;
  const vy = y.variance() / y.n;
  const se2 = vx + vy;
  if (se2 === 0) return { diff, lower: diff, upper: diff, df: x.n + y.n - 2 };
  const df = (se2 * se2) / ((vx * vx) / (x.n - 1) + (vy * vy) / (y.n - 1));
  const half = tQuantile(1 - (1 - confidence) / 2, df) * Math.sqrt(se2);
  return { diff, lower: diff - half, upper: diff + half, df };
}
