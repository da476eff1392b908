/**
 * Hedges' g between two lists of scores: the difference in means divided by the pooled standard
 * deviation (n - 1 weighting), times the small-sample correction J = 1 - 3 / (4 (n1 + n2) - 9).
 *
 * What it is for: checking that two groups start from the same place (baseline equivalence of the
 * pre-test, balance of a matched comparison group). It is the measure the What Works Clearinghouse
 * uses for baseline differences; this is `GAPS.EFFECTSIZE(..., "g")` on lists of numbers.
 *
 * Reference: L. V. Hedges (1981), "Distribution theory for Glass's estimator of effect size and
 * related estimators", Journal of Educational Statistics 6(2); What Works Clearinghouse
 * Procedures and Standards Handbook, version 5.0, baseline equivalence.
 *
 * Errors: none; `NaN` when a group is empty, there are fewer than 3 pupils in all, or every score
 * is identical (no spread to standardise by). NaN entries are skipped.
 *
 * @example hedgesG([1, 2, 3, 4], [2, 3, 4, 5]) // -0.6735623210795 (R, see the test)
 */
import { momentsOf } from '../stats/moments';
import { effectSizeOf } from '../gaps/effectSize';
import { isGapsError } from '../errors';

export function hedgesG(group1: ArrayLike<number>, group2: ArrayLike<number>): number {
  const a = momentsOf(group1);
  const b = momentsOf(group2);
  if (a.n < 1 || b.n < 1) return NaN;
  try {
    return effectSizeOf(a, b, 'g');
  } catch (e) {
    if (isGapsError(e)) return NaN; // too few pupils, or no spread
    throw e;
  }
}
