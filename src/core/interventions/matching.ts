/**
 * A matched comparison group: each intervention pupil paired with a different pupil who did not
 * receive the intervention and whose pre-test score is within a tolerance fixed beforehand.
 *
 * What it is for: a school rarely has a randomised control group. The EEF's DIY evaluation guide
 * builds a comparison group by pairing pupils on the pre-test, so that both groups start from the
 * same place and the difference in their gains is a fairer estimate of the intervention's effect.
 *
 * Method (deterministic, documented so a colleague can reproduce a pairing by hand):
 * 1. Only pupils with a pre-test score take part; an intervention pupil without one is unmatched.
 * 2. Two scores match when they differ by at most the tolerance (inclusive; a rounding allowance
 *    of one part in a billion keeps 0.1 + 0.2 within 0.3).
 * 3. Greedy in order of scarcity: at each step the intervention pupil with the fewest comparison
 *    pupils still available within the tolerance is matched first (ties: earlier row first), so
 *    pupils with few possible partners are not left without one by pupils with many. Pupils with
 *    none left are unmatched.
 * 4. That pupil takes the nearest available comparison pupil (ties: smaller difference, then
 *    earlier row). Each comparison pupil is used at most once.
 * This is not guaranteed to match the largest possible number of pupils in every contrived case,
 * but it is close in practice and never pairs pupils further apart than the tolerance.
 *
 * Reference: Education Endowment Foundation, "DIY Evaluation Guide" (2013), section on creating a
 * comparison group by matching on prior attainment.
 *
 * Errors: `#VALUE!` when the tolerance is negative or not a number, or when the two lists differ in
 * length.
 *
 * @example
 * matchComparison([100, 90, 101, 89, 120], [true, true, false, false, false], 2)
 * // pairs [{ intervention: 0, comparison: 2, difference: 1 }, { intervention: 1, comparison: 3, difference: 1 }]
 * // unmatched [], balance { interventionMean: 95, comparisonMean: 95, ... maxDifference: 1 }
 */
import { valueError } from '../errors';
import { momentsOf } from '../stats/moments';
import { hedgesG } from './standardisedDifference';

export interface MatchedPair {
  /** Position (0-based, in the order given) of the intervention pupil. */
  intervention: number;
  /** Position of the comparison pupil paired with them. */
  comparison: number;
  /** Absolute difference between their pre-test scores. */
  difference: number;
}

export type UnmatchedReason = 'no pre-test score' | 'no comparison pupil within the tolerance';

export interface UnmatchedPupil {
  /** Position of the intervention pupil. */
  index: number;
  reason: UnmatchedReason;
}

export interface MatchBalance {
  /** Matched pairs. */
  pairs: number;
  /** Mean pre-test of the matched intervention pupils (NaN with no pairs). */
  interventionMean: number;
  /** Mean pre-test of their matched comparison pupils. */
  comparisonMean: number;
  /**
   * Standardised mean difference of the pre-test between the matched groups (intervention minus
   * comparison), as Hedges' g with the pooled SD; NaN with fewer than 3 pupils or no spread.
   */
  standardisedDifference: number;
  /** Largest pre-test difference within a pair (0 with no pairs). */
  maxDifference: number;
  /** Mean pre-test difference within pairs (0 with no pairs). */
  meanDifference: number;
}

export interface MatchResult {
  tolerance: number;
  /** Pairs, in the order of the intervention pupils' positions. */
  pairs: MatchedPair[];
  /** Intervention pupils left without a partner, in position order. */
  unmatched: UnmatchedPupil[];
  balance: MatchBalance;
}

/** Rounding allowance so that a difference equal to the tolerance on paper counts as within it. */
const RELATIVE_SLACK = 1e-9;

/** A Fenwick tree of 0/1 counts: how many comparison pupils are still available in a span. */
class AvailableCounts {
  private readonly tree: Int32Array;

  constructor(private readonly size: number) {
    this.tree = new Int32Array(size + 1);
    for (let i = 1; i <= size; i++) {
      this.tree[i] += 1;
      const parent = i + (i & -i);
      if (parent <= size) this.tree[parent] += this.tree[i];
    }
  }

  /** Marks position p (0-based) as taken. */
  take(p: number): void {
    for (let i = p + 1; i <= this.size; i += i & -i) this.tree[i] -= 1;
  }

  /** Available positions in [0, end). */
  private prefix(end: number): number {
    let s = 0;
    for (let i = end; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }

  /** Available positions in [from, to). */
  count(from: number, to: number): number {
    return to > from ? this.prefix(to) - this.prefix(from) : 0;
  }
}

/** First position in [0, n) where `test` holds, for a test that is false then true. */
function firstWhere(n: number, test: (p: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Pairs each intervention pupil with a distinct non-intervention pupil whose pre-test is within
 * `tolerance` (see the module comment for the method).
 *
 * @param pre pre-test score per pupil, `NaN` when missing.
 * @param isIntervention whether each pupil received the intervention.
 * @param tolerance largest allowed pre-test difference within a pair (0 = identical scores).
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

  // Comparison pupils with a pre-test, sorted by score then position.
  const pool: number[] = [];
  const seekers: number[] = [];
  const unmatched: UnmatchedPupil[] = [];
  for (let k = 0; k < pre.length; k++) {
    const x = pre[k];
    const scored = Number.isFinite(x);
    if (isIntervention[k]) {
      if (scored) seekers.push(k);
      else unmatched.push({ index: k, reason: 'no pre-test score' });
    } else if (scored) {
      pool.push(k);
    }
  }
  pool.sort((a, b) => pre[a] - pre[b] || a - b);
  const values = pool.map((k) => pre[k]);
  const n = values.length;

  const slack = (a: number, b: number) => tolerance + RELATIVE_SLACK * Math.max(1, Math.abs(a), Math.abs(b));
  const within = (a: number, b: number) => Math.abs(a - b) <= slack(a, b);

  // The window of sorted positions within the tolerance of each seeker's score.
  const windows = seekers.map((k) => {
    const x = pre[k];
    const from = firstWhere(n, (p) => values[p] >= x || within(values[p], x));
    const to = firstWhere(n, (p) => values[p] > x && !within(values[p], x));
    return { from, to: Math.max(from, to) };
  });

  const available = new AvailableCounts(n);
  const taken = new Uint8Array(n);
  const pairs: MatchedPair[] = [];
  let waiting = seekers.map((_, i) => i);

  while (waiting.length > 0) {
    // The scarcest seeker (fewest available partners; ties by row order, which `waiting` keeps).
    let best = -1;
    let bestCount = Infinity;
    const still: number[] = [];
    for (const i of waiting) {
      const c = available.count(windows[i].from, windows[i].to);
      if (c === 0) {
        unmatched.push({ index: seekers[i], reason: 'no comparison pupil within the tolerance' });
        continue;
      }
      still.push(i);
      if (c < bestCount) {
        bestCount = c;
        best = i;
      }
    }
    if (best < 0) break;

    const k = seekers[best];
    const p = nearestAvailable(values, pool, taken, windows[best].from, windows[best].to, pre[k]);
    taken[p] = 1;
    available.take(p);
    pairs.push({ intervention: k, comparison: pool[p], difference: Math.abs(values[p] - pre[k]) });
    waiting = still.filter((i) => i !== best);
  }

  pairs.sort((a, b) => a.intervention - b.intervention);
  unmatched.sort((a, b) => a.index - b.index);
  return { tolerance, pairs, unmatched, balance: balanceOf(pre, pairs) };
}

/** The available position in [from, to) nearest to x; ties by smaller difference, then earlier row. */
function nearestAvailable(values: number[], pool: number[], taken: Uint8Array, from: number, to: number, x: number): number {
  let best = -1;
  let bestDiff = Infinity;
  for (let p = from; p < to; p++) {
    if (taken[p]) continue;
    const d = Math.abs(values[p] - x);
    if (d < bestDiff || (d === bestDiff && pool[p] < pool[best])) {
      best = p;
      bestDiff = d;
    }
  }
  return best;
}

/** Balance of the pre-test between the matched groups. */
function balanceOf(pre: ArrayLike<number>, pairs: MatchedPair[]): MatchBalance {
  const a = pairs.map((q) => pre[q.intervention]);
  const b = pairs.map((q) => pre[q.comparison]);
  let maxDifference = 0;
  let total = 0;
  for (const q of pairs) {
    maxDifference = Math.max(maxDifference, q.difference);
    total += q.difference;
  }
  return {
    pairs: pairs.length,
    interventionMean: momentsOf(a).mean(),
    comparisonMean: momentsOf(b).mean(),
    standardisedDifference: hedgesG(a, b),
    maxDifference,
    meanDifference: pairs.length > 0 ? total / pairs.length : 0,
  };
}
