/**
 * The gap year by year from one table with a cohort-year column: each year's gap (other -
 * disadvantaged) with its Welch interval, the change from the year before and from the first year
 * to the last with the interval for a difference of independent gaps (./gapDifference.ts) and its
 * word, and the gap pooled over all years' pupils (./pooledGap.ts, method "pupils").
 *
 * What it is for: GAPS.GAPTREND and the gap-trend report: "has our gap closed over three years?"
 * Years are sorted as numbers when they all are (2023, 2024...), else as text.
 *
 * Reference: Welch (1947); Satterthwaite (1946).
 *
 * @throws `#VALUE!` unequal ranges, a flag that is not yes/no, a confidence outside (0, 1), fewer
 *   than 2 years; a year too small for a gap has NaN statistics with the reason in `why`.
 * @example gapTrend(scores, flags, years).years.map((y) => y.year) // ['2023', '2024', '2025']
 */
import { type Grid, cellAt, columnsOf, isBlank, readLabel, readScore, requireSameSize, flagOrThrow } from '../cells';
import { GapsError, valueError } from '../errors';
import { requireConfidence } from '../outcomes/confidence';
import { momentsOf } from '../stats/moments';
import { gapDifference, twoSidedQuantile, type GapChange } from './gapDifference';
import { gapEstimate, type GapEstimate } from './gapEstimate';

export interface YearGap {
  year: string;
  nDisadvantaged: number;
  nOther: number;
  gap: number;
  lower: number;
  upper: number;
  /** The estimate behind the interval (NaN se when a group has fewer than 2 pupils). */
  estimate: GapEstimate;
  /** Change from the previous year (undefined for the first year or when either year has no interval). */
  change?: GapChange;
  /** Why the gap or its interval is missing, when it is. */
  why?: string;
}

export interface GapTrend {
  years: YearGap[];
  /** From the first year to the last (undefined when either has no interval). */
  firstToLast?: GapChange;
  pooled: { nDisadvantaged: number; nOther: number; gap: number; lower: number; upper: number; why?: string };
  confidence: number;
}

interface Bucket {
  year: string;
  other: number[];
  dis: number[];
}

function estimateOf(other: number[], dis: number[], confidence: number): { est: GapEstimate; lower: number; upper: number; why?: string } {
  try {
    const est = gapEstimate(momentsOf(other), momentsOf(dis));
    const half = twoSidedQuantile(confidence, est.df) * est.se;
    return { est, lower: est.gap - half, upper: est.gap + half };
  } catch (e) {
    if (!(e instanceof GapsError)) throw e;
    const o = momentsOf(other);
    const d = momentsOf(dis);
    return { est: { gap: o.mean() - d.mean(), se: NaN, df: NaN, nDisadvantaged: d.n, nOther: o.n }, lower: NaN, upper: NaN, why: e.message };
  }
}

export function gapTrend(scores: Grid, flags: Grid, years: Grid, confidence = 0.95): GapTrend {
  requireConfidence(confidence);
  const n = requireSameSize(['scores', scores], ['disadvantaged', flags], ['years', years]);
  const sc = columnsOf(scores);
  const fc = columnsOf(flags);
  const yc = columnsOf(years);
  const buckets = new Map<string, Bucket>();
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(cellAt(flags, k, fc), 'disadvantaged', k, fc);
    const ycell = cellAt(years, k, yc);
    const x = readScore(cellAt(scores, k, sc));
    if (x !== x || isBlank(ycell)) continue;
    const year = readLabel(ycell);
    let b = buckets.get(year);
    if (!b) buckets.set(year, (b = { year, other: [], dis: [] }));
    (f ? b.dis : b.other).push(x);
  }
  if (buckets.size < 2) throw valueError(`needs pupils with a score in at least 2 years to show a trend (found ${buckets.size}): check the years column`);
  const list = [...buckets.values()];
  const numeric = list.every((b) => !Number.isNaN(Number(b.year)));
  list.sort((a, b) => (numeric ? Number(a.year) - Number(b.year) : a.year < b.year ? -1 : a.year > b.year ? 1 : 0));
  const out: YearGap[] = [];
  for (const b of list) {
    const e = estimateOf(b.other, b.dis, confidence);
    const prev = out[out.length - 1];
    const y: YearGap = { year: b.year, nDisadvantaged: b.dis.length, nOther: b.other.length, gap: e.est.gap, lower: e.lower, upper: e.upper, estimate: e.est, why: e.why };
    if (prev && prev.estimate.se === prev.estimate.se && e.est.se === e.est.se) y.change = gapDifference(prev.estimate, e.est, confidence);
    out.push(y);
  }
  const first = out[0].estimate;
  const last = out[out.length - 1].estimate;
  const firstToLast = first.se === first.se && last.se === last.se ? gapDifference(first, last, confidence) : undefined;
  const p = estimateOf(list.flatMap((b) => b.other), list.flatMap((b) => b.dis), confidence);
  return {
    years: out,
    firstToLast,
    pooled: { nDisadvantaged: p.est.nDisadvantaged, nOther: p.est.nOther, gap: p.est.gap, lower: p.lower, upper: p.upper, why: p.why },
    confidence,
  };
}
