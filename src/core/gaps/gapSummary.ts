/**
 * Everything about one gap at once: group sizes, means, the gap with a Welch confidence interval,
 * Hedges' g, the gap index, how many cells were left out, and a note when a group is small.
 *
 * Statistics that the pupils given cannot support are NaN, with the reason in `unavailable`
 * (the spill shows them as #N/A with that message); the rest are still reported. With one pupil in
 * a group the sizes, means and gap are given but the interval, its df and Hedges' g are not.
 *
 * @throws `#VALUE!` unequal ranges, an unrecognised flag, or a confidence outside (0, 1).
 *
 * References: Welch (1947) for the interval (R: t.test(others, disadvantaged)$conf.int);
 * Hedges & Olkin (1985) for g with J = 1 - 3 / (4 (n1 + n2) - 9).
 *
 * @example gapSummary(scores, flags).gap // same as fsmGap(scores, flags)
 */
import type { Grid } from '../cells';
import { hedgesJ, pooledSd } from '../stats/pooled';
import { welchInterval } from '../stats/welch';
import { gapIndexOf } from './gapIndex';
import { NO_DISADVANTAGED, NO_OTHERS, TOO_LARGE, tooFewForSpread } from './messages';
import { valueError } from '../errors';
import { splitByFlag } from './split';

/** Groups smaller than this are flagged in the note (DfE tables suppress groups under 6). */
export const SMALL_GROUP_SIZE = 6;

export interface GapSummary {
  nDisadvantaged: number;
  nOther: number;
  meanDisadvantaged: number;
  meanOther: number;
  /** meanOther - meanDisadvantaged */
  gap: number;
  ciLower: number;
  ciUpper: number;
  /** Welch-Satterthwaite degrees of freedom of the interval. */
  df: number;
  /** Hedges' g, others vs disadvantaged (positive = disadvantaged behind). */
  hedgesG: number;
  gapIndex: number;
  /** Score cells left out (blank, text, errors). */
  leftOut: number;
  /** Plain-words warning about small groups; '' when both groups have 6 or more pupils. */
  note: string;
  smallGroup: boolean;
  confidence: number;
  /** Why each NaN statistic could not be computed. */
  unavailable: Partial<Record<GapSummaryField, string>>;
}

export type GapSummaryField = 'meanDisadvantaged' | 'meanOther' | 'gap' | 'ciLower' | 'ciUpper' | 'df' | 'hedgesG' | 'gapIndex';

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

export function gapSummary(scores: Grid, flags: Grid, confidence = 0.95): GapSummary {
  if (!(confidence > 0 && confidence < 1)) {
    throw valueError(`confidence must be a fraction between 0 and 1, such as 0.95 for a 95% interval, but it is ${confidence}`);
  }
  const s = splitByFlag(scores, flags, undefined, true);
  const d = s.flagged;
  const o = s.other;
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
  let hedgesG = NaN;
  // An interval and an effect size need each group's own standard deviation: 2+ pupils in each.
  const spreadWhy = missingGroup || (d.n < 2 ? tooFewForSpread('disadvantaged', d.n).message : o.n < 2 ? tooFewForSpread('other', o.n).message : '');
  if (spreadWhy) {
    for (const field of ['ciLower', 'ciUpper', 'df', 'hedgesG'] as const) na(field, spreadWhy);
  } else {
    const ci = welchInterval(o, d, confidence);
    ciLower = ci.lower;
    ciUpper = ci.upper;
    df = ci.df;
    const sp = pooledSd(o, d);
    if (sp - sp !== 0) na('hedgesG', TOO_LARGE);
    else if (sp > 0) hedgesG = (hedgesJ(d.n + o.n - 2) * gap) / sp;
    else na('hedgesG', 'every pupil in each group has the same score, so there is no spread to compare the gap with');
  }

  const gi = missingGroup ? na('gapIndex', missingGroup) : gapIndexOf(s.flaggedValues as Float64Array, s.otherValues as Float64Array);
  const note = smallGroupNote(d.n, o.n);
  // Scores near 1e308 overflow the sums: say so rather than show Infinity or a silent NaN.
  const values = { meanDisadvantaged, meanOther, gap, ciLower, ciUpper, df, hedgesG, gapIndex: gi };
  for (const field of Object.keys(values) as GapSummaryField[]) {
    if (values[field] - values[field] !== 0 && !(field in unavailable)) {
      values[field] = na(field, TOO_LARGE);
    }
  }

  return {
    nDisadvantaged: d.n,
    nOther: o.n,
    ...values,
    leftOut: s.leftOut,
    note,
    smallGroup: note !== '',
    confidence,
    unavailable,
  };
}
