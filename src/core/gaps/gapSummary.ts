/**
 * Everything about one gap at once: group sizes, means, the gap with a Welch confidence interval,
 * Hedges' g, the gap index, how many cells were left out, and a note when a group is small.
 *
 * Statistics that the pupils given cannot support are NaN, with the reason in `unavailable`
 * (the spill shows them as #N/A with that message); the rest are still reported.
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
import { NO_DISADVANTAGED, NO_OTHERS } from './messages';
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

export type GapSummaryField = 'meanDisadvantaged' | 'meanOther' | 'gap' | 'ciLower' | 'ciUpper' | 'hedgesG' | 'gapIndex';

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
  const spreadWhy = missingGroup || (d.n < 2 ? 'needs at least 2 disadvantaged pupils with a score for an interval' : o.n < 2 ? 'needs at least 2 other pupils with a score for an interval' : '');
  if (spreadWhy) {
    na('ciLower', spreadWhy);
    na('ciUpper', spreadWhy);
  } else {
    const ci = welchInterval(o, d, confidence);
    ciLower = ci.lower;
    ciUpper = ci.upper;
    df = ci.df;
  }

  let hedgesG = NaN;
  if (missingGroup) {
    na('hedgesG', missingGroup);
  } else {
    const sp = pooledSd(o, d);
    if (!(sp > 0)) {
      na('hedgesG', Number.isNaN(sp) ? 'needs at least 3 pupils with a score in all to measure the spread' : 'every score is the same, so there is no spread to compare the gap with');
    } else {
      hedgesG = (hedgesJ(d.n + o.n - 2) * gap) / sp;
    }
  }

  const gi = missingGroup ? na('gapIndex', missingGroup) : gapIndexOf(s.flaggedValues as Float64Array, s.otherValues as Float64Array);
  const note = smallGroupNote(d.n, o.n);

  return {
    nDisadvantaged: d.n,
    nOther: o.n,
    meanDisadvantaged,
    meanOther,
    gap,
    ciLower,
    ciUpper,
    df,
    hedgesG,
    gapIndex: gi,
    leftOut: s.leftOut,
    note,
    smallGroup: note !== '',
    confidence,
    unavailable,
  };
}
