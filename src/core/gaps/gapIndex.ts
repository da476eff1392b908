/**
 * The DfE-style disadvantage gap index: rank every included pupil 1..n by score (ties share their
 * average rank), then 20 x (mean rank of others - mean rank of disadvantaged) / n. It runs from
 * -10 to 10; 0 means no gap, 10 means every disadvantaged pupil ranks below every other pupil.
 *
 * Reference: DfE, "Key stage 2 disadvantage gap index methodology" (2014).
 *
 * @example gapIndex([[1],[2],[3],[4]], [["Y"],["Y"],["N"],["N"]]) // 10
 */
import type { Grid } from '../cells';
import { rankSums } from '../stats/ranks';
import { splitByFlag } from './split';
import { requireBothGroups } from './messages';

export function gapIndex(scores: Grid, flags: Grid): number {
  const s = splitByFlag(scores, flags, undefined, true);
  requireBothGroups(s.flagged.n, s.other.n);
  return gapIndexOf(s.flaggedValues as Float64Array, s.otherValues as Float64Array);
}

/** The gap index from the two groups' scores (sorted in place). */
export function gapIndexOf(flagged: Float64Array, other: Float64Array): number {
  const n = flagged.length + other.length;
  const sums = rankSums(flagged, other);
  return (20 * (sums.b / other.length - sums.a / flagged.length)) / n;
}
