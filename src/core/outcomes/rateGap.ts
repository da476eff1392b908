/**
 * The gap in a yes/no outcome (persistent absentee, any suspension, sustained destination) between
 * other and disadvantaged pupils, as a difference of rates with Newcombe's hybrid score interval,
 * plus the ratio of rates with Katz's interval.
 *
 * What it is for: GAPS.RATEGAP and the reports' rate rows. Outcome cells are read as flags (Y/N,
 * TRUE/FALSE, 1/0...) with one difference: a blank or "n/a" outcome is unknown, so the pupil is left
 * out rather than counted as "no".
 *
 * Reference: Newcombe (1998) method 10 (./newcombe.ts); Katz et al. (1978) (./rateRatio.ts).
 *
 * @throws `#VALUE!` unequal ranges, a confidence outside (0, 1), an outcome or flag that is not yes/no (quoted with its position);
 *   `#N/A` when either group has no pupil with an outcome.
 * @example rateGap(outcomes, flags).gap // outcomes Y,Y,N,N,N,N,Y,Y,Y,N with flags Y,Y,Y,Y,Y,N,N,N,N,N:
 *   other rate 0.6 - disadvantaged rate 0.4 = 0.2, CI -0.3222 to 0.5993 (R: by hand from prop.test)
 */
import { type Grid, cellAt, columnsOf, requireSameSize, flagOrThrow } from '../cells';
import { isMissingOutcome } from './notApplicable';
import { naError } from '../errors';
import { smallGroupNote } from '../gaps';
import { newcombeDifference } from './newcombe';
import { rateRatio } from './rateRatio';
import { requireConfidence } from './confidence';

export interface RateCounts {
  /** Pupils with an outcome in each group. */
  nDisadvantaged: number;
  nOther: number;
  /** Pupils whose outcome is yes in each group. */
  yesDisadvantaged: number;
  yesOther: number;
  /** Outcome cells left blank or written "n/a". */
  leftOut: number;
}

export interface RateGap extends RateCounts {
  rateDisadvantaged: number;
  rateOther: number;
  /** rateOther - rateDisadvantaged, a fraction (0.2 = 20 percentage points). */
  gap: number;
  ciLower: number;
  ciUpper: number;
  /** rateDisadvantaged / rateOther (NaN when the other rate is 0). */
  ratio: number;
  ratioLower: number;
  ratioUpper: number;
  /** Why the ratio or its interval is NaN, when it is. */
  ratioWhy?: string;
  confidence: number;
  /** The small-group note ('' when both groups have 6 or more pupils). */
  note: string;
}

export const NO_DISADVANTAGED_OUTCOME = 'needs at least one disadvantaged pupil with an outcome: check the flag column marks them (Y, Yes, TRUE, 1, FSM, PP)';
export const NO_OTHER_OUTCOME = 'needs at least one pupil who is not disadvantaged with an outcome';

/** Counts yes outcomes by group in one pass; blank and "n/a" outcomes are left out. */
export function countRates(outcomes: Grid, flags: Grid, outcomeName = 'outcomes'): RateCounts {
  const n = requireSameSize([outcomeName, outcomes], ['disadvantaged', flags]);
  const oc = columnsOf(outcomes);
  const fc = columnsOf(flags);
  const r: RateCounts = { nDisadvantaged: 0, nOther: 0, yesDisadvantaged: 0, yesOther: 0, leftOut: 0 };
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(cellAt(flags, k, fc), 'disadvantaged', k, fc);
    const ocell = cellAt(outcomes, k, oc);
    if (isMissingOutcome(ocell)) {
      r.leftOut++;
      continue;
    }
    const yes = flagOrThrow(ocell, outcomeName, k, oc) ? 1 : 0;
    if (f) {
      r.nDisadvantaged++;
      r.yesDisadvantaged += yes;
    } else {
      r.nOther++;
      r.yesOther += yes;
    }
  }
  return r;
}

/** The rate gap from counts already made (also used for persistent absence). */
export function rateGapFromCounts(c: RateCounts, confidence: number): RateGap {
  requireConfidence(confidence);
  if (c.nDisadvantaged === 0) throw naError(NO_DISADVANTAGED_OUTCOME);
  if (c.nOther === 0) throw naError(NO_OTHER_OUTCOME);
  const d = newcombeDifference(c.yesOther, c.nOther, c.yesDisadvantaged, c.nDisadvantaged, confidence);
  const rr = rateRatio(c.yesDisadvantaged, c.nDisadvantaged, c.yesOther, c.nOther, confidence);
  return {
    ...c,
    rateDisadvantaged: c.yesDisadvantaged / c.nDisadvantaged,
    rateOther: c.yesOther / c.nOther,
    gap: d.diff,
    ciLower: d.lower,
    ciUpper: d.upper,
    ratio: rr.ratio,
    ratioLower: rr.lower,
    ratioUpper: rr.upper,
    ratioWhy: rr.why,
    confidence,
    note: smallGroupNote(c.nDisadvantaged, c.nOther),
  };
}

export function rateGap(outcomes: Grid, flags: Grid, confidence = 0.95): RateGap {
  return rateGapFromCounts(countRates(outcomes, flags), confidence);
}
