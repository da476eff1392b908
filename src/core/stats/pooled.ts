/**
 * Pooled standard deviation of two groups (n - 1 weighting):
 * sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2)). NaN when n1 + n2 < 3.
 *
 * Reference: Hedges & Olkin (1985), Statistical Methods for Meta-Analysis, ch. 5.
 *
 * @example pooledSd(a, b) // for a = [1,2,3], b = [2,4,6]: sqrt((2*1 + 2*4) / 4) = 1.5811388300841898
 */
import type { Moments } from './moments';

export function pooledSd(a: Moments, b: Moments): number {
  const df = a.n + b.n - 2;
  if (df < 1) return NaN;
  return Math.sqrt((a.sumSquares() + b.sumSquares()) / df);
}

/** Hedges' small-sample correction J = 1 - 3 / (4 * df - 1) for `df` degrees of freedom. */
export function hedgesJ(df: number): number {
  return 1 - 3 / (4 * df - 1);
}
