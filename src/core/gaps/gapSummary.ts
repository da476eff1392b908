/**
 * Everything about one gap at once: group sizes, means, the gap with a confidence interval and
 * p-value, Hedges' g, the gap index with its interval, how many cells were left out, and a note
 * when a group is small or blank flags were counted.
 *
 * `gapSummaryOf` takes the two groups' scores as plain numbers; `gapSummary` reads a score range and
 * a flag range and calls it. Statistics that the pupils given cannot support are NaN, with the
 * reason in `unavailable` (the spill shows them as #N/A with that message); the rest are still
 * reported. With one pupil in a group the sizes, means and gap are given but the interval, its df
 * and Hedges' g are not.
 *
 * The interval: with `smallGroups: 'floor'` (the default of `gapSummaryOf`, and what GAPSUMMARY
 * uses), a group of fewer than SMALL_GROUP pupils or with no spread has its variance floored at the
 * pooled variance and the df are its n - 1 (Hsu), so no interval is narrower than a pooled one
 * (stats/welch.ts, smallGroupInterval). With 'welch' (the default of the range reader, kept for the
 * gap report until it adopts the floor) it is Welch's interval as R's t.test gives.
 *
 * @throws `#VALUE!` unequal ranges, an unrecognised flag, or a confidence outside (0, 1).
 *
 * References: Welch (1947); Hsu (1938); Hedges & Olkin (1985) for g with J = 1 - 3 / (4 (n1 + n2) - 9);
 * Newcombe (2006, method 5) for the gap index interval.
 *
 * @example gapSummary(scores, flags).gap // same as fsmGap(scores, flags)
 * @example gapSummaryOf([4, 4, 4], [3, 4, 5, 6, 4, 5, 7, 3]).ciUpper // 4.38005188135459 (pooled floor, df 2)
 */
import { type Grid, cellAt, columnsOf, readScore, requireSameSize } from '../cells';
import { hedgesJ, pooledSd } from '../stats/pooled';
import { Moments } from '../stats/moments';
import { smallGroupInterval, welchInterval, welchPValue } from '../stats/welch';
import { mannWhitneyInterval } from '../stats/mannWhitneyInterval';
import { SMALL_GROUP } from '../smallGroup';
import { gapIndexOf } from './gapIndex';
import { NO_DISADVANTAGED, NO_OTHERS, TOO_LARGE, tooFewForSpread } from './messages';
import { valueError } from '../errors';
import { FLAG_CODE_BLANK, FLAG_CODE_FLAGGED, FLAG_CODE_UNKNOWN, blankFlagNote, readFlagColumn, type BlankFlags } from './flags';

/** Groups smaller than this are flagged in the note (DfE tables suppress groups under 6). */
export const SMALL_GROUP_SIZE = SMALL_GROUP;

/** Which interval a summary gives: Welch's, or Welch's with the small-group floor. */
export type SmallGroupInterval = 'floor' | 'welch';

export interface GapSummaryOptions {
  /** See above; default 'floor' for gapSummaryOf, 'welch' for gapSummary. */
  smallGroups?: SmallGroupInterval;
  /** How a blank flag is read (gapSummary only); default 'not disadvantaged'. */
  blanks?: BlankFlags;
  /**
   * Put the blank-flag note in `note` (gapSummary only). Default false, which keeps the gap report's
   * notes as they were until it records the choice in its header; GAPSUMMARY passes true. The counts
   * (`blankFlags`, `blanksAmbiguous`) are filled in either way.
   */
  noteBlanks?: boolean;
}

/** Two groups' means and the gap between them with its interval: what every mean gap reports. */
export interface MeanGap {
  nDisadvantaged: number;
  nOther: number;
  meanDisadvantaged: number;
  meanOther: number;
  /** meanOther - meanDisadvantaged (positive = disadvantaged pupils behind). */
  gap: number;
  ciLower: number;
  ciUpper: number;
  /** Degrees of freedom of the interval (Welch-Satterthwaite; for a floored gap summary, Hsu's n - 1). */
  df: number;
}

export interface GapSummary extends MeanGap {
  /** Two-sided p-value of the gap against 0, on the interval's t and df. */
  p: number;
  /** True when a group's variance was floored at the pooled variance. */
  floored: boolean;
  /** Hedges' g, others vs disadvantaged (positive = disadvantaged behind). */
  hedgesG: number;
  gapIndex: number;
  /** Interval for the gap index (Newcombe's method 5 on the Mann-Whitney probability). */
  gapIndexLower: number;
  gapIndexUpper: number;
  /** Score cells left out (blank, text, errors; and pupils whose blank flag was read as unknown). */
  leftOut: number;
  /** Pupils with a score and a blank flag, counted as not disadvantaged or left out as unknown. */
  blankFlags: number;
  /** True when the flag column held blanks and explicit negatives (N, No, 0...). */
  blanksAmbiguous: boolean;
  /** Plain-words warnings (small groups, blank flags); '' when there is nothing to say. */
  note: string;
  smallGroup: boolean;
  confidence: number;
  /** Why each NaN statistic could not be computed. */
  unavailable: Partial<Record<GapSummaryField, string>>;
}

export type GapSummaryField = 'meanDisadvantaged' | 'meanOther' | 'gap' | 'ciLower' | 'ciUpper' | 'df' | 'p' | 'hedgesG' | 'gapIndex' | 'gapIndexLower' | 'gapIndexUpper';

function pupils(n: number): string {
  return `${n} pupil${n === 1 ? '' : 's'}`;
}

/** The small-group note for two group sizes ('' when neither is small). */
export function smallGroupNote(nDisadvantaged: number, nOther: number): string {
  const parts: string[] = [];
  if (nDisadvantaged < SMALL_GROUP_SIZE) parts.push(`only ${pupils(nDisadvantaged)} in the disadvantaged group`);
  if (nOther < SMALL_GROUP_SIZE) parts.push(`only ${pupils(nOther)} in the other group`);
  if (parts.length === 0) return '';
  return `Small group: ${parts.join(' and ')} (fewer than ${SMALL_GROUP_SIZE}). Treat the gap as indicative and read its interval.`;
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw valueError(`confidence must be a fraction between 0 and 1, such as 0.95 for a 95% interval, but it is ${confidence}`);
  }
}

/** The summary from the two groups' scores as plain numbers (NaN entries are skipped). */
export function gapSummaryOf(disadvantaged: ArrayLike<number>, other: ArrayLike<number>, confidence = 0.95, options: GapSummaryOptions = {}): GapSummary {
  checkConfidence(confidence);
  const keep = (xs: ArrayLike<number>) => {
    const v = new Float64Array(xs.length);
    let n = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (x - x === 0) v[n++] = x;
    }
    return v.subarray(0, n);
  };
  const dv = keep(disadvantaged);
  const ov = keep(other);
  const d = new Moments();
  const o = new Moments();
  for (let i = 0; i < dv.length; i++) d.add(dv[i]);
  for (let i = 0; i < ov.length; i++) o.add(ov[i]);
  return summarise(d, o, dv, ov, confidence, options.smallGroups ?? 'floor');
}

export function gapSummary(scores: Grid, flags: Grid, confidence = 0.95, options: GapSummaryOptions = {}): GapSummary {
  checkConfidence(confidence);
  const n = requireSameSize(['scores', scores], ['disadvantaged', flags]);
  const blanks = options.blanks ?? 'not disadvantaged';
  const column = readFlagColumn(flags, blanks);
  const sc = columnsOf(scores);
  const d = new Moments();
  const o = new Moments();
  const dv = new Float64Array(n);
  const ov = new Float64Array(n);
  let leftOut = 0;
  let blankFlags = 0;
  for (let k = 0; k < n; k++) {
    const x = readScore(cellAt(scores, k, sc));
    if (x !== x) {
      leftOut++;
      continue;
    }
    const code = column.codes[k];
    if (code === FLAG_CODE_BLANK || code === FLAG_CODE_UNKNOWN) blankFlags++;
    if (code === FLAG_CODE_UNKNOWN) {
      leftOut++;
      continue;
    }
    if (code === FLAG_CODE_FLAGGED) {
      dv[d.n] = x;
      d.add(x);
    } else {
      ov[o.n] = x;
      o.add(x);
    }
  }
  const s = summarise(d, o, dv.subarray(0, d.n), ov.subarray(0, o.n), confidence, options.smallGroups ?? 'welch');
  s.leftOut = leftOut;
  s.blankFlags = blankFlags;
  s.blanksAmbiguous = column.blanksAmbiguous;
  const blankNote = options.noteBlanks || blanks === 'unknown' ? blankFlagNote(blankFlags, column, blanks) : '';
  if (blankNote) s.note = s.note ? `${s.note} ${blankNote}` : blankNote;
  return s;
}

function summarise(d: Moments, o: Moments, dv: Float64Array, ov: Float64Array, confidence: number, smallGroups: SmallGroupInterval): GapSummary {
  const unavailable: GapSummary['unavailable'] = {};
  const na = (field: GapSummaryField, why: string) => {
    if (!(field in unavailable)) unavailable[field] = why;
    return NaN;
  };

  const meanDisadvantaged = d.n > 0 ? d.mean() : na('meanDisadvantaged', NO_DISADVANTAGED);
  const meanOther = o.n > 0 ? o.mean() : na('meanOther', NO_OTHERS);
  const missingGroup = d.n === 0 ? NO_DISADVANTAGED : o.n === 0 ? NO_OTHERS : '';
  const gap = missingGroup ? na('gap', missingGroup) : meanOther - meanDisadvantaged;

  let ciLower = NaN;
  let ciUpper = NaN;
  let df = NaN;
  let p = NaN;
  let floored = false;
  let hedgesG = NaN;
  // An interval and an effect size need each group's own standard deviation: 2+ pupils in each.
  const spreadWhy = missingGroup || (d.n < 2 ? tooFewForSpread('disadvantaged', d.n).message : o.n < 2 ? tooFewForSpread('other', o.n).message : '');
  if (spreadWhy) {
    for (const field of ['ciLower', 'ciUpper', 'df', 'p', 'hedgesG'] as const) na(field, spreadWhy);
  } else {
    if (smallGroups === 'floor') {
      const ci = smallGroupInterval(o, d, confidence);
      ({ lower: ciLower, upper: ciUpper, df, p, floored } = ci);
    } else {
      const ci = welchInterval(o, d, confidence);
      ({ lower: ciLower, upper: ciUpper, df } = ci);
      p = welchPValue(o, d);
    }
    const sp = pooledSd(o, d);
    if (sp - sp !== 0) na('hedgesG', TOO_LARGE);
    else if (sp > 0) hedgesG = (hedgesJ(d.n + o.n - 2) * gap) / sp;
    else na('hedgesG', 'every pupil in each group has the same score, so there is no spread to compare the gap with');
  }

  let gi = NaN;
  let giLower = NaN;
  let giUpper = NaN;
  if (missingGroup) {
    for (const field of ['gapIndex', 'gapIndexLower', 'gapIndexUpper'] as const) na(field, missingGroup);
  } else {
    gi = gapIndexOf(dv, ov);
    const ci = mannWhitneyInterval((gi / 10 + 1) / 2, d.n, o.n, confidence);
    giLower = 10 * (2 * ci.lower - 1);
    giUpper = 10 * (2 * ci.upper - 1);
  }
  let note = smallGroupNote(d.n, o.n);
  if (floored && !spreadWhy) {
    note = `${note ? `${note} ` : ''}The interval is kept no narrower than a pooled-spread interval, as a small or uniform group cannot show its own spread.`;
  }
  // Scores near 1e308 overflow the sums: say so rather than show Infinity or a silent NaN.
  const values = { meanDisadvantaged, meanOther, gap, ciLower, ciUpper, df, p, hedgesG, gapIndex: gi, gapIndexLower: giLower, gapIndexUpper: giUpper };
  for (const field of Object.keys(values) as GapSummaryField[]) {
    if (values[field] - values[field] !== 0 && !(field in unavailable)) {
      values[field] = na(field, TOO_LARGE);
    }
  }

  return {
    nDisadvantaged: d.n,
    nOther: o.n,
    ...values,
    floored,
    leftOut: 0,
    blankFlags: 0,
    blanksAmbiguous: false,
    note,
    smallGroup: d.n < SMALL_GROUP_SIZE || o.n < SMALL_GROUP_SIZE,
    confidence,
    unavailable,
  };
}
