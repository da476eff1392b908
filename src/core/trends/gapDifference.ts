/**
 * The change in a gap between two independent cohorts (this year's Year 11 against last year's):
 * change = gap2 - gap1, SE = sqrt(SE1^2 + SE2^2), with a t interval whose degrees of freedom are
 * Welch-Satterthwaite's over both cohorts, df = SE^4 / (SE1^4/df1 + SE2^4/df2) (with the four
 * group variances, this is Satterthwaite's formula over all four groups). A gap given only as
 * (gap, SE) has df = Infinity, and two such gaps get a normal interval.
 *
 * What it is for: saying whether the gap "narrowed", "widened" or showed "no clear change":
 * narrowed when the whole interval is below 0, widened when it is above 0, else no clear change.
 * The gap is measured as other minus disadvantaged, so "narrowed" means it moved toward and
 * beyond zero in disadvantaged pupils' favour.
 *
 * Reference: Satterthwaite (1946), Biometrics Bulletin 2; Welch (1947).
 *
 * @throws `#VALUE!` a confidence outside (0, 1) or a standard error that is negative or not a number.
 * @example gapDifference({ gap: 5, se: 2, df: Infinity }, { gap: 1, se: 1.5, df: Infinity }) // change -4, SE 2.5, CI -8.90 to 0.90, 'no clear change' (R: -4 + c(-1,1)*qnorm(0.975)*2.5)
 */
import { valueError } from '../errors';
import { requireConfidence } from '../outcomes/confidence';
import { normalQuantile, tQuantile } from '../stats/distributions';

export interface GapLike {
  gap: number;
  se: number;
  /** Degrees of freedom of the gap's SE; Infinity (or omitted) = known, normal. */
  df?: number;
}

export type ChangeWord = 'narrowed' | 'widened' | 'no clear change';

export interface GapChange {
  gap1: number;
  gap2: number;
  /** gap2 - gap1 (negative = the gap narrowed) */
  change: number;
  se: number;
  df: number;
  lower: number;
  upper: number;
  word: ChangeWord;
}

/** The word for an interval of a change: below 0 narrowed, above 0 widened. */
export function changeWord(lower: number, upper: number): ChangeWord {
  if (upper < 0) return 'narrowed';
  if (lower > 0) return 'widened';
  return 'no clear change';
}

function checkSe(g: GapLike, which: string): void {
  if (!(g.se >= 0) || !Number.isFinite(g.gap)) throw valueError(`${which} needs a gap and a standard error of 0 or more, but they are ${g.gap} and ${g.se}`);
}

/** A t (or normal, df = Infinity) quantile for a two-sided interval. */
export function twoSidedQuantile(confidence: number, df: number): number {
  const p = 1 - (1 - confidence) / 2;
  return Number.isFinite(df) ? tQuantile(p, df) : normalQuantile(p);
}

export function gapDifference(first: GapLike, second: GapLike, confidence = 0.95): GapChange {
  requireConfidence(confidence);
  checkSe(first, 'the first gap');
  checkSe(second, 'the second gap');
  const v1 = first.se * first.se;
  const v2 = second.se * second.se;
  const se2 = v1 + v2;
  const df1 = first.df ?? Infinity;
  const df2 = second.df ?? Infinity;
  const den = (Number.isFinite(df1) ? (v1 * v1) / df1 : 0) + (Number.isFinite(df2) ? (v2 * v2) / df2 : 0);
  const df = den > 0 ? (se2 * se2) / den : Infinity;
  const change = second.gap - first.gap;
  const se = Math.sqrt(se2);
  const half = twoSidedQuantile(confidence, df) * se;
  const lower = change - half;
  const upper = change + half;
  return { gap1: first.gap, gap2: second.gap, change, se, df, lower, upper, word: changeWord(lower, upper) };
}
