/**
 * Splits disadvantaged pupils into "some of the time" and "long-term" disadvantaged from how much of
 * their time in school they were eligible for free school meals.
 *
 * What it is for: a Pupil Premium group mixes pupils eligible for one term with pupils eligible all
 * through school, whose outcomes are much further behind. Long-term = eligible for 90% or more of
 * their time in school, as FFT Education Datalab defines it; any eligibility below that is "some of
 * the time"; none is "never".
 *
 * Reference: FFT Education Datalab, "Long-term disadvantage" (2019-2024 posts; 90% of terms in school).
 *
 * Input: terms eligible and terms in school (two ranges), or one range of the share of time
 * eligible ("95%", 0.95, 95). A pupil with a blank or unreadable value is "unknown".
 *
 * @throws `#VALUE!` unequal ranges, negative terms, more terms eligible than in school, a share above 100%.
 * @example disadvantageLength(18, 20) // 'long-term' (90%)
 * @example disadvantageLength(3, 20)  // 'some of the time'
 * @example longTermSplit([["95%"], [0.2], [0], [""]]).counts // { 'long-term': 1, 'some of the time': 1, never: 1, unknown: 1 }
 */
import { type Grid, cellAt, cellCount, columnsOf, describePosition, describeValue, readScore, requireSameSize } from '../cells';
import { valueError } from '../errors';
import { readShare } from './share';

/** Share of time in school eligible at or above which a pupil is long-term disadvantaged. */
export const LONG_TERM_SHARE = 0.9;

export type DisadvantageLength = 'long-term' | 'some of the time' | 'never' | 'unknown';

const EPS = 1e-9;

/** The category for a share of time eligible (0 to 1; NaN = unknown). */
export function lengthFromShare(share: number): DisadvantageLength {
  if (share !== share) return 'unknown';
  if (share >= LONG_TERM_SHARE - EPS) return 'long-term';
  return share > 0 ? 'some of the time' : 'never';
}

/** The category from terms eligible and terms in school (NaN either = unknown). */
export function disadvantageLength(termsEligible: number, termsInSchool: number): DisadvantageLength {
  if (termsEligible !== termsEligible || termsInSchool !== termsInSchool || termsInSchool === 0) return 'unknown';
  return lengthFromShare(termsEligible / termsInSchool);
}

export interface LongTermSplit {
  /** One category per pupil, row-major. */
  lengths: DisadvantageLength[];
  counts: Record<DisadvantageLength, number>;
}

/** Categories for a range of shares, or of terms eligible with a range of terms in school. */
export function longTermSplit(eligible: Grid, inSchool: Grid | null = null): LongTermSplit {
  const withTerms = inSchool !== null && cellCount(inSchool) > 0;
  const n = withTerms ? requireSameSize(['terms eligible', eligible], ['terms in school', inSchool]) : cellCount(eligible);
  const ec = columnsOf(eligible);
  const sc = withTerms ? columnsOf(inSchool) : 0;
  const lengths: DisadvantageLength[] = new Array(n);
  const counts: Record<DisadvantageLength, number> = { 'long-term': 0, 'some of the time': 0, never: 0, unknown: 0 };
  for (let k = 0; k < n; k++) {
    const ecell = cellAt(eligible, k, ec);
    let len: DisadvantageLength;
    if (withTerms) {
      const scell = cellAt(inSchool, k, sc);
      const e = readScore(ecell);
      const s = readScore(scell);
      if (e < 0 || s < 0) throw valueError(`terms cannot be below 0: check ${describeValue(e < 0 ? ecell : scell)} at ${describePosition(k, e < 0 ? ec : sc)}`);
      if (e > s) {
        throw valueError(`terms eligible holds ${describeValue(ecell)} at ${describePosition(k, ec)} but terms in school only ${describeValue(scell)}: a pupil cannot be eligible for more terms than they were in school`);
      }
      len = disadvantageLength(e, s);
    } else {
      const r = readShare(ecell);
      if (r.impossible) throw valueError(`the share of time eligible holds ${describeValue(ecell)} at ${describePosition(k, ec)}, which ${r.impossible}: give a percentage from 0% to 100%`);
      len = lengthFromShare(r.share);
    }
    lengths[k] = len;
    counts[len]++;
  }
  return { lengths, counts };
}
