/**
 * Newcombe's hybrid score interval for a difference of two independent proportions (Newcombe 1998,
 * method 10): the two Wilson intervals combined, without continuity correction.
 *
 * What it is for: the interval around a gap in a rate, such as the persistent-absence rate of
 * disadvantaged pupils against that of other pupils, in groups of a few pupils as well as many.
 * For rates p1 (l1, u1) and p2 (l2, u2) and d = p1 - p2:
 * lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2), upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2).
 *
 * Reference: R. G. Newcombe (1998), "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Statistics in Medicine 17, 873-890 (method 10).
 *
 * @throws nothing: NaN throughout when either group has no pupils.
 * @example newcombeDifference(8, 10, 3, 10, 0.95) // { diff: 0.5, lower: 0.0665, upper: 0.7398 } (R, by hand from prop.test(.., correct = FALSE)$conf.int)
 */
import { wilsonInterval } from './wilson';

export interface DifferenceInterval {
  /** rate1 - rate2 */
  diff: number;
  lower: number;
  upper: number;
}

export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, confidence: number): DifferenceInterval {
  const a = wilsonInterval(x1, n1, confidence);
  const b = wilsonInterval(x2, n2, confidence);
  const diff = a.rate - b.rate;
  if (diff !== diff) return { diff, lower: NaN, upper: NaN };
  const lower = diff - Math.hypot(a.rate - a.lower, b.upper - b.rate);
  const upper = diff + Math.hypot(a.upper - a.rate, b.rate - b.lower);
  return { diff, lower, upper };
}
