/**
 * A confidence interval for the Mann-Whitney probability A = P(X > Y) + P(X = Y) / 2 (the area
 * under the ROC curve), by Newcombe's method 5: the score-type interval
 * { A : (A - Â)^2 <= z^2 V(A) } with the Hanley-McNeil variance evaluated at A itself,
 *   V(A) = A (1 - A) / (m n) x [1 + (N* - 1)(1 - A) / (2 - A) + (N* - 1) A / (1 + A)],
 *   N* = (m + n) / 2 - 1,
 * solved for its two roots by bisection. Like Wilson's interval for a proportion it stays inside
 * [0, 1] and does not collapse to a point when the groups are fully separated (Â = 1).
 *
 * What it is for: the gap index on a school's own ranks is 10 x Cliff's delta = 10 (2A - 1), so
 * this interval, mapped through 10 (2A - 1), bounds the gap index.
 *
 * References: R. G. Newcombe (2006), "Confidence intervals for an effect size measure based on the
 * Mann-Whitney statistic. Part 2: asymptotic methods and evaluation", Statistics in Medicine 25,
 * 559-573 (method 5); Hanley & McNeil (1982), Radiology 143; Cliff (1993), Psychological Bulletin 114.
 *
 * @example mannWhitneyInterval(0.8, 10, 12, 0.95) // { lower: 0.565755076140955, upper: 0.919242196023101 } (R by hand: uniroot)
 */
import { normalQuantile } from './distributions';

function hanleyMcNeilVariance(a: number, m: number, n: number): number {
  const ns = (m + n) / 2 - 1;
  return ((a * (1 - a)) / (m * n)) * (1 + ((ns - 1) * (1 - a)) / (2 - a) + ((ns - 1) * a) / (1 + a));
}

/** Bisection for the root of f between lo (f <= 0 side) and hi. */
function root(f: (a: number) => number, inside: number, outside: number): number {
  let a = inside;
  let b = outside;
  for (let i = 0; i < 200 && Math.abs(b - a) > 1e-15; i++) {
    const mid = (a + b) / 2;
    if (f(mid) <= 0) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}

/** Interval for A from its estimate `a` and the two group sizes m, n (both 1 or more). */
export function mannWhitneyInterval(a: number, m: number, n: number, confidence: number): { lower: number; upper: number } {
  if (!(m >= 1 && n >= 1) || !(a >= 0 && a <= 1)) return { lower: NaN, upper: NaN };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const f = (t: number) => (t - a) * (t - a) - z * z * hanleyMcNeilVariance(t, m, n);
  const lower = a <= 0 ? 0 : root(f, a, 0);
  const upper = a >= 1 ? 1 : root(f, a, 1);
  return { lower, upper };
}
