/**
 * The DfE-style disadvantage gap index: rank every included pupil 1..n by score (ties share their
 * average rank), then 20 x (mean rank of others - mean rank of disadvantaged) / n. It runs from
 * -10 to 10; 0 means no gap, 10 means every disadvantaged pupil ranks below every other pupil.
 *
 * On a school's own ranks this is exactly 10 x Cliff's delta = 10 (2A - 1), A the Mann-Whitney
 * probability that an other pupil outscores a disadvantaged one (ties count half): it measures how
 * much the two groups overlap, not how far apart their scores are (a 2.5-point gap with no overlap
 * scores 10). With a national `reference`, each pupil's rank is their national mid-percentile
 * (see nationalReference.ts) and the index is 20 x (mean percentile of others - mean percentile of
 * disadvantaged), as the DfE computes it on national ranks.
 *
 * Reference: DfE, "Key stage 2 disadvantage gap index methodology" (2014); Cliff (1993).
 *
 * @example gapIndex([[1],[2],[3],[4]], [["Y"],["Y"],["N"],["N"]]) // 10
 */
import type { Grid } from '../cells';
import { valueError } from '../errors';
import { mannWhitneyInterval } from '../stats/mannWhitneyInterval';
import { rankSums } from '../stats/ranks';
import { splitByFlag } from './split';
import { requireBothGroups } from './messages';
import { nationalReference, noReference, type NationalReference } from './nationalReference';
import { Moments } from '../stats/moments';
import { smallGroupInterval } from '../stats/welch';

export function gapIndex(scores: Grid, flags: Grid, reference?: Grid | null): number {
  const s = splitByFlag(scores, flags, undefined, true);
  requireBothGroups(s.flagged.n, s.other.n);
  if (!noReference(reference)) return gapIndexNationalOf(s.flaggedValues as Float64Array, s.otherValues as Float64Array, nationalReference(reference as Grid));
  return gapIndexOf(s.flaggedValues as Float64Array, s.otherValues as Float64Array);
}

/** The gap index from the two groups' scores (sorted in place). */
export function gapIndexOf(flagged: Float64Array, other: Float64Array): number {
  const n = flagged.length + other.length;
  const sums = rankSums(flagged, other);
  return (20 * (sums.b / other.length - sums.a / flagged.length)) / n;
}

/** The gap index on national ranks: 20 x (mean national percentile of others - of disadvantaged). */
export function gapIndexNationalOf(flagged: ArrayLike<number>, other: ArrayLike<number>, reference: NationalReference): number {
  if (flagged.length === 0 || other.length === 0) requireBothGroups(flagged.length, other.length);
  const mean = (xs: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += reference.percentile(xs[i]);
    return s / xs.length;
  };
  return 20 * (mean(other) - mean(flagged));
}

export interface GapIndexInterval {
  /** The gap index on the school's own ranks. */
  index: number;
  lower: number;
  upper: number;
  /** The Mann-Whitney probability that an other pupil outscores a disadvantaged one (ties half). */
  probability: number;
  confidence: number;
}

/**
 * The gap index with a confidence interval: Newcombe's method 5 interval for the Mann-Whitney
 * probability A (see mannWhitneyInterval.ts), mapped through 10 (2A - 1). Copies the scores.
 *
 * @example gapIndexIntervalOf([97,101,95,88,104,92], [103,99,108,95,110,101,106,97,112])
 *   // { index: 6.11, lower: 0.35, upper: 8.72 } (R by hand: wilcox.test W, uniroot)
 */
export function gapIndexIntervalOf(flagged: ArrayLike<number>, other: ArrayLike<number>, confidence = 0.95): GapIndexInterval {
  if (!(confidence > 0 && confidence < 1)) throw valueError(`confidence must be a fraction between 0 and 1, such as 0.95, but it is ${confidence}`);
  requireBothGroups(flagged.length, other.length);
  const index = gapIndexOf(Float64Array.from(flagged), Float64Array.from(other));
  const probability = (index / 10 + 1) / 2;
  const ci = mannWhitneyInterval(probability, flagged.length, other.length, confidence);
  return { index, lower: 10 * (2 * ci.lower - 1), upper: 10 * (2 * ci.upper - 1), probability, confidence };
}

/**
 * The gap index on national ranks with an interval: each pupil's national mid-percentile is their
 * score (the reference counts as fixed: it describes pupils nationally), and the index and its
 * interval are 20 x the difference of the groups' mean percentiles (others minus disadvantaged) and
 * 20 x its Welch interval, with the small-group floor of the gap's own interval (smallGroupInterval:
 * a group under 6 or with no spread borrows the pooled variance, Hsu's df). NaN limits with fewer
 * than 2 pupils in a group.
 *
 * @example gapIndexNationalIntervalOf(d, o, ref) // R: t.test(20 * p(o), 20 * p(d))$conf.int
 */
export function gapIndexNationalIntervalOf(flagged: ArrayLike<number>, other: ArrayLike<number>, reference: NationalReference, confidence = 0.95): GapIndexInterval & { floored: boolean } {
  if (!(confidence > 0 && confidence < 1)) throw valueError(`confidence must be a fraction between 0 and 1, such as 0.95, but it is ${confidence}`);
  requireBothGroups(flagged.length, other.length);
  const x = new Moments();
  const y = new Moments();
  for (let i = 0; i < other.length; i++) x.add(20 * reference.percentile(other[i]));
  for (let i = 0; i < flagged.length; i++) y.add(20 * reference.percentile(flagged[i]));
  const ci = smallGroupInterval(x, y, confidence);
  return { index: ci.diff, lower: ci.lower, upper: ci.upper, probability: NaN, confidence, floored: ci.floored };
}
