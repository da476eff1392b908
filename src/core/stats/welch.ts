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
import { tTwoSidedP } from './tDistribution';
import { SMALL_GROUP } from '../smallGroup';

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

export interface GuardedInterval extends Interval {
  /** Standard error of the difference (after any floor). */
  se: number;
  /** Two-sided p-value of the difference against 0, on the same t and df as the interval. */
  p: number;
  /** True when a group's variance was floored at the pooled variance (a small group or no spread). */
  floored: boolean;
}

/**
 * Welch's interval with a floor for small groups: a group with fewer than `small` values, or with
 * no spread, has its variance raised to the pooled variance ((n1 - 1) s1^2 + (n2 - 1) s2^2) /
 * (n1 + n2 - 2) when its own is smaller, and the degrees of freedom become that group's n - 1
 * (the smaller n - 1 when both are floored), Hsu's conservative choice. So an interval from a
 * handful of pupils, or from pupils who all scored the same, is never narrower than the
 * pooled-variance interval. Otherwise it is exactly Welch's interval (R: t.test(x, y)).
 *
 * References: Welch (1947); Hsu (1938), "Contributions to the theory of Student's t-test as applied
 * to the problem of two samples", Statistical Research Memoirs 2 (df = min(n1, n2) - 1).
 *
 * @example smallGroupInterval(momentsOf([4, 4, 4]), momentsOf([3, 4, 5, 6, 4, 5, 7, 3]), 0.95)
 *   // x floored at the pooled variance 1.5, df 2 (R by hand: see welch.test.ts)
 */
export function smallGroupInterval(x: Moments, y: Moments, confidence: number, small = SMALL_GROUP): GuardedInterval {
  const diff = x.mean() - y.mean();
  if (x.n < 2 || y.n < 2) return { diff, lower: NaN, upper: NaN, df: NaN, se: NaN, p: NaN, floored: false };
  const pooled = (x.sumSquares() + y.sumSquares()) / (x.n + y.n - 2);
  let vx = x.variance();
  let vy = y.variance();
  const fx = x.n < small || vx === 0;
  const fy = y.n < small || vy === 0;
  if (fx) vx = Math.max(vx, pooled);
  if (fy) vy = Math.max(vy, pooled);
  const ax = vx / x.n;
  const ay = vy / y.n;
  const se2 = ax + ay;
  let df: number;
  if (fx || fy) df = Math.min(fx ? x.n - 1 : Infinity, fy ? y.n - 1 : Infinity);
  else df = se2 === 0 ? x.n + y.n - 2 : (se2 * se2) / ((ax * ax) / (x.n - 1) + (ay * ay) / (y.n - 1));
  const floored = fx || fy;
  if (se2 === 0) return { diff, lower: diff, upper: diff, df, se: 0, p: diff === 0 ? 1 : 0, floored };
  const se = Math.sqrt(se2);
  const half = tQuantile(1 - (1 - confidence) / 2, df) * se;
  return { diff, lower: diff - half, upper: diff + half, df, se, p: tTwoSidedP(diff / se, df), floored };
}

/**
 * Welch's two-sided p-value for mean(x) - mean(y) against 0 (R: t.test(x, y)$p.value); NaN with
 * fewer than 2 values in a group; 1 or 0 when neither group varies (equal or different means).
 */
export function welchPValue(x: Moments, y: Moments): number {
  if (x.n < 2 || y.n < 2) return NaN;
  const diff = x.mean() - y.mean();
  const vx = x.variance() / x.n;
  const vy = y.variance() / y.n;
  const se2 = vx + vy;
  if (se2 === 0) return diff === 0 ? 1 : 0;
  const df = (se2 * se2) / ((vx * vx) / (x.n - 1) + (vy * vy) / (y.n - 1));
  return tTwoSidedP(diff / Math.sqrt(se2), df);
}
