/**
 * A matched comparison group: each intervention pupil is matched to the comparison pupil(s) whose
 * pre-test score is nearest to theirs, within a tolerance fixed beforehand.
 *
 * What it is for: a school rarely has a randomised control group. The EEF's DIY evaluation guide
 * builds a comparison group by pairing pupils on the pre-test, so that both groups start from the
 * same place.
 *
 * Method (order-free and deterministic: shuffling the rows gives the same weights, balance and
 * estimate to the last digit, because no rule depends on row order):
 * 1. Only pupils with a pre-test score take part; an intervention pupil without one is unmatched.
 * 2. Nearest neighbour with replacement: each intervention pupil is matched to the comparison
 *    pupil(s) at the smallest pre-test distance, provided that distance is within the tolerance
 *    (inclusive; a rounding allowance of one part in a billion keeps 0.1 + 0.2 within 0.3). A
 *    comparison pupil may serve several intervention pupils.
 * 3. When several comparison pupils are equally near (the same score, or the same distance above
 *    and below), they share the intervention pupil's weight equally (1 / k each). A comparison
 *    pupil's weight is the sum of its shares; the intervention pupils each weigh 1.
 * 4. The comparison pupils are sorted once and each intervention pupil is placed by binary search:
 *    O(n log n) in all.
 * The estimate that follows is for the matched intervention pupils, not the unmatched ones.
 *
 * Balance: the standardised pre-test difference (intervention minus comparison, over
 * sqrt((s1^2 + s2^2) / 2) of the groups before matching (the one available when a group has a single pupil), the same divisor before and after) before
 * matching (all intervention pupils against all comparison pupils) and after (matched intervention
 * pupils against the weighted comparison). The effective comparison size is Kish's (sum w)^2 / sum w^2.
 *
 * Reference: Education Endowment Foundation, "DIY Evaluation Guide" (2013); E. A. Stuart (2010),
 * "Matching methods for causal inference: a review and a look forward", Statistical Science 25(1);
 * L. Kish (1965), Survey Sampling (effective sample size).
 *
 * Errors: `#VALUE!` when the tolerance is negative or not a number, or when the two lists differ in
 * length.
 *
 * @example
 * matchComparison([100, 90, 101, 89, 120], [true, true, false, false, false], 2)
 * // pairs [{ intervention: 0, comparison: 2, difference: 1, partners: 1 }, { intervention: 1, comparison: 3, difference: 1, partners: 1 }]
 * // weights [0, 0, 1, 1, 0], unmatched [], balance { interventionMean: 95, comparisonMean: 95, ... }
 */
import { valueError } from '../errors';
import { momentsOf } from '../stats/moments';
import { sortFloat64 } from '../stats/sortFloat64';

export interface MatchedPair {
  /** Position (0-based, in the order given) of the intervention pupil. */
  intervention: number;
  /**
   * Position of a comparison pupil matched to them: the earliest in the order given among the
   * `partners` equally near pupils (for the list of pairs; the estimate uses all of them).
   */
  comparison: number;
  /** How many comparison pupils are equally near and share this pupil's weight. */
  partners: number;
  /** Absolute difference between their pre-test scores. */
  difference: number;
}

export type UnmatchedReason = 'no pre-test score' | 'no comparison pupil within the tolerance';

export interface UnmatchedPupil {
  /** Position of the intervention pupil. */
  index: number;
  reason: UnmatchedReason;
}

/** (The fields added with weighted matching are optional in the type for older saved results; `matchComparison` always sets them.) */
export interface MatchBalance {
  /** Matched intervention pupils. */
  pairs: number;
  /** Mean pre-test of the matched intervention pupils (NaN with no pairs). */
  interventionMean: number;
  /** Weighted mean pre-test of their comparison pupils. */
  comparisonMean: number;
  /** Standardised pre-test difference after matching (intervention minus weighted comparison); NaN when not computable. */
  standardisedDifference: number;
  /** The same before matching: every intervention pupil with a pre-test against every comparison pupil with one. */
  standardisedDifferenceBefore?: number;
  /** Comparison pupils used (weight above 0). */
  comparisonPupils?: number;
  /** Kish's effective comparison size (sum w)^2 / sum w^2 (0 with no pairs). */
  effectiveComparisonSize?: number;
  /** Largest pre-test difference within a pair (0 with no pairs). */
  maxDifference: number;
  /** Mean pre-test difference within pairs (0 with no pairs). */
  meanDifference: number;
}

export interface MatchResult {
  tolerance: number;
  /** One entry per matched intervention pupil, in the order of their positions. */
  pairs: MatchedPair[];
  /** Intervention pupils left without a partner, in position order. */
  unmatched: UnmatchedPupil[];
  /** Weight of each pupil in the order given: 1 for matched intervention pupils, the summed shares for comparison pupils, 0 otherwise. */
  weights: Float64Array;
  balance: MatchBalance;
}

/** Rounding allowance so that a difference equal to the tolerance on paper counts as within it. */
const RELATIVE_SLACK = 1e-9;

/** First index in the sorted array with value >= x (or > x when `strict`). */
function lowerBound(values: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? values[mid] > x : values[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Matches each intervention pupil to the nearest non-intervention pupil(s) whose pre-test is within
 * `tolerance` (see the module comment for the method).
 *
 * @param pre pre-test score per pupil, `NaN` when missing.
 * @param isIntervention whether each pupil received the intervention.
 * @param tolerance largest allowed pre-test difference (0 = identical scores).
 */
export function matchComparison(pre: ArrayLike<number>, isIntervention: ArrayLike<boolean>, tolerance: number): MatchResult {
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw valueError(
      `The matching tolerance must be a number of score points of 0 or more (such as 3), but it is ${String(tolerance)}`,
    );
  }
  if (pre.length !== isIntervention.length) {
    throw valueError(
      `The pre-test has ${pre.length} pupils but the intervention flags have ${isIntervention.length}: use columns of the same table`,
    );
  }
  const len = pre.length;
  const unmatched: UnmatchedPupil[] = [];
  let poolCount = 0;
  let seekerCount = 0;
  for (let k = 0; k < len; k++) {
    if (!Number.isFinite(pre[k])) {
      if (isIntervention[k]) unmatched.push({ index: k, reason: 'no pre-test score' });
    } else if (isIntervention[k]) seekerCount += 1;
    else poolCount += 1;
  }
  // Comparison scores sorted once; the positions of each distinct score are found by binary search.
  const values = new Float64Array(poolCount);
  const seekerValues = new Float64Array(seekerCount);
  for (let k = 0, p = 0, s = 0; k < len; k++) {
    if (!Number.isFinite(pre[k])) continue;
    if (isIntervention[k]) seekerValues[s++] = pre[k];
    else values[p++] = pre[k];
  }
  sortFloat64(values);
  const sortedSeekers = seekerValues;
  sortFloat64(sortedSeekers);
  const n = values.length;
  const within = (d: number, a: number, b: number) => d <= tolerance + RELATIVE_SLACK * Math.max(1, Math.abs(a), Math.abs(b));

  /** The matched score(s) for a seeker score x: [distance, lower score or NaN, upper score or NaN, count of tied pupils]. */
  const nearestOf = (x: number): { d: number; below: number; above: number; k: number } | null => {
    if (n === 0) return null;
    const at = lowerBound(values, x, false);
    const up = at < n ? values[at] : NaN;
    const down = at > 0 ? values[at - 1] : NaN;
    const dUp = up === up ? up - x : Infinity;
    const dDown = down === down ? x - down : Infinity;
    const d = Math.min(dUp, dDown);
    const a = dUp === d ? up : NaN;
    const b = dDown === d ? down : NaN;
    if (!within(d, x, a === a ? a : b)) return null;
    const count = (v: number) => (v === v ? lowerBound(values, v, true) - lowerBound(values, v, false) : 0);
    return { d, below: b, above: a, k: count(a) + count(b) };
  };

  // Weight per distinct comparison score (held at the first sorted position of that score),
  // accumulated in sorted order of the seekers, so the sums do not depend on row order.
  const weightAt = new Float64Array(n);
  const matchedValues: number[] = [];
  for (let s = 0; s < sortedSeekers.length; s++) {
    const m = nearestOf(sortedSeekers[s]);
    if (!m) continue;
    matchedValues.push(sortedSeekers[s]);
    const share = 1 / m.k;
    if (m.below === m.below) weightAt[lowerBound(values, m.below, false)] += share;
    if (m.above === m.above) weightAt[lowerBound(values, m.above, false)] += share;
  }
  for (let p = 1; p < n; p++) if (values[p] === values[p - 1]) weightAt[p] = weightAt[p - 1];

  const weights = new Float64Array(len);
  const pairs: MatchedPair[] = [];
  const firstAt = new Map<number, number>(); // earliest position holding each comparison score
  for (let k = 0; k < len; k++) {
    if (isIntervention[k] || !Number.isFinite(pre[k])) continue;
    const p = lowerBound(values, pre[k], false);
    weights[k] = weightAt[p];
    if (!firstAt.has(pre[k])) firstAt.set(pre[k], k);
  }
  for (let k = 0; k < len; k++) {
    if (!isIntervention[k] || !Number.isFinite(pre[k])) continue;
    const m = nearestOf(pre[k]);
    if (!m) {
      unmatched.push({ index: k, reason: 'no comparison pupil within the tolerance' });
      continue;
    }
    weights[k] = 1;
    const a = m.below === m.below ? firstAt.get(m.below) as number : Infinity;
    const b = m.above === m.above ? firstAt.get(m.above) as number : Infinity;
    pairs.push({ intervention: k, comparison: Math.min(a, b), partners: m.k, difference: m.d });
  }
  unmatched.sort((x, y) => x.index - y.index);
  return { tolerance, pairs, unmatched, weights, balance: balanceOf(values, weightAt, sortedSeekers, Float64Array.from(matchedValues), pairs) };
}

/** Balance of the pre-test before and after matching, over sorted arrays (order-free sums). */
function balanceOf(pool: Float64Array, poolWeights: Float64Array, sortedSeekers: Float64Array, matchedSeekers: Float64Array, pairs: MatchedPair[]): MatchBalance {
  const before1 = momentsOf(sortedSeekers);
  const before2 = momentsOf(pool);
  const vs = [before1.variance(), before2.variance()].filter((v) => v === v);
  const sdBefore = vs.length > 0 ? Math.sqrt(vs.reduce((a, b) => a + b, 0) / vs.length) : NaN;
  let sw = 0, sw2 = 0, swx = 0, used = 0;
  for (let p = 0; p < pool.length; p++) {
    const w = poolWeights[p];
    if (!(w > 0)) continue;
    used += 1;
    sw += w;
    sw2 += w * w;
    swx += w * pool[p];
  }
  const m1 = momentsOf(matchedSeekers).mean();
  const m2 = sw > 0 ? swx / sw : NaN;
  let maxDifference = 0;
  const diffs = new Float64Array(pairs.length);
  pairs.forEach((q, i) => {
    maxDifference = Math.max(maxDifference, q.difference);
    diffs[i] = q.difference;
  });
  sortFloat64(diffs);
  let total = 0;
  for (const d of diffs) total += d;
  const smd = (a: number, b: number) => (sdBefore > 0 ? (a - b) / sdBefore : NaN);
  return {
    pairs: pairs.length,
    interventionMean: m1,
    comparisonMean: m2,
    standardisedDifference: pairs.length > 0 ? smd(m1, m2) : NaN,
    standardisedDifferenceBefore: before1.n > 0 && before2.n > 0 ? smd(before1.mean(), before2.mean()) : NaN,
    comparisonPupils: used,
    effectiveComparisonSize: sw2 > 0 ? (sw * sw) / sw2 : 0,
    maxDifference,
    meanDifference: pairs.length > 0 ? total / pairs.length : 0,
  };
}
