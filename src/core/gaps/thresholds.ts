/**
 * Thresholds that fit the data, and warnings when a column or a threshold cannot support a gap.
 *
 * - `numericScale` names the scale a column of numbers looks like: GCSE 9-1 (every value 0 to 9),
 *   KS2 scaled scores (every value 80 to 120), standardised scores (every value 55 to 145, centred
 *   near 100), or unknown. KS2 scaled and standardised ranges overlap: a column inside 80-120 is read
 *   as KS2 scaled, so give the scale when a standardised test happens to stay inside it.
 * - `thresholdForScale` gives its usual standard: 9-1 grade 4 (standard pass), KS2 scaled 100
 *   (expected standard), standardised 85 (a common cut-off for support, one SD below the mean) or the
 *   user's own; an unknown scale gets no threshold (null) and a reason, until the user sets one.
 * - `thresholdBalance` warns when a threshold puts 95% or more of the pupils on one side, where a
 *   threshold gap says almost nothing.
 * - `unreadableShare` reports how many of a column's non-blank cells cannot be read on its scale, with
 *   a warning above 20% (a wrong scale, or the wrong column).
 *
 * @example thresholdForScale(numericScale([4, 5, 6, 7])) // { threshold: 4, scale: 'gcse', reason: ... }
 */
import { isBlank, isNotSat } from '../cells';
import { valueError } from '../errors';

export type NumericScale = 'gcse' | 'ks2scaled' | 'standardised' | 'unknown';

export const SCALE_THRESHOLDS = { gcse: 4, ks2scaled: 100, standardised: 85 } as const;

/** Share of pupils on one side of a threshold from which a warning is given. */
export const ONE_SIDED_SHARE = 0.95;

/** Share of unreadable cells above which a column is flagged. */
export const UNREADABLE_SHARE = 0.2;

const SCALE_NAMES: Record<NumericScale, string> = {
  gcse: 'GCSE 9-1 grades',
  ks2scaled: 'KS2 scaled scores',
  standardised: 'standardised scores',
  unknown: 'an unknown scale',
};

/** The scale a column of numbers looks like (NaN entries skipped); 'unknown' with no numbers. */
export function numericScale(values: ArrayLike<number>): NumericScale {
  let n = 0, min = Infinity, max = -Infinity, sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x - x !== 0) continue;
    n++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (n === 0) return 'unknown';
  if (min >= 0 && max <= 9) return 'gcse';
  if (min >= 80 && max <= 120) return 'ks2scaled';
  const mean = sum / n;
  if (min >= 55 && max <= 145 && mean >= 85 && mean <= 115) return 'standardised';
  return 'unknown';
}

export interface ScaleThreshold {
  threshold: number | null;
  scale: NumericScale;
  /** Why this threshold (or none) is used, in plain words. */
  reason: string;
}

/** The default threshold for a scale; a user's own threshold (a finite number) always wins. */
export function thresholdForScale(scale: NumericScale, user?: number | null): ScaleThreshold {
  if (user !== undefined && user !== null) {
    if (!Number.isFinite(user)) throw valueError(`the threshold must be a number, but it is ${user}`);
    return { threshold: user, scale, reason: `the threshold you set (${user})` };
  }
  switch (scale) {
    case 'gcse':
      return { threshold: SCALE_THRESHOLDS.gcse, scale, reason: 'grade 4, the standard pass on GCSE 9-1 grades' };
    case 'ks2scaled':
      return { threshold: SCALE_THRESHOLDS.ks2scaled, scale, reason: '100, the expected standard on KS2 scaled scores' };
    case 'standardised':
      return { threshold: SCALE_THRESHOLDS.standardised, scale, reason: '85, one standard deviation below the mean of a standardised test (set your own if the school uses another)' };
    default:
      return { threshold: null, scale, reason: 'the scores are not on a scale the add-in knows (9-1, KS2 scaled or standardised), so there is no threshold gap until you set a threshold' };
  }
}

export interface ThresholdBalance {
  /** Pupils with a score at or above the threshold, and below it. */
  atOrAbove: number;
  below: number;
  /** The larger side's share of the pupils (0 with no pupils). */
  largerShare: number;
  /** Plain-words warning when 95% or more are on one side; '' otherwise. */
  warning: string;
}

/** How a threshold splits the pupils' scores (NaN entries skipped). */
export function thresholdBalance(values: ArrayLike<number>, threshold: number): ThresholdBalance {
  let above = 0, below = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    if (x >= threshold) above++;
    else below++;
  }
  const n = above + below;
  const largerShare = n === 0 ? 0 : Math.max(above, below) / n;
  let warning = '';
  if (n > 0 && largerShare >= ONE_SIDED_SHARE) {
    const side = above >= below ? 'at or above' : 'below';
    warning = `${Math.round(largerShare * 100)}% of pupils (${Math.max(above, below)} of ${n}) are ${side} the threshold ${threshold}, so a gap at this threshold says little: check the threshold suits the scale.`;
  }
  return { atOrAbove: above, below, largerShare, warning };
}

export interface ReadableShare {
  /** Cells that are not blank. */
  filled: number;
  /** Filled cells that cannot be read on the scale (not counting those that say the pupil has no result). */
  unreadable: number;
  /** Filled cells that say the pupil has no result (ABS, X, Not entered...: `isNotSat`), left out like blanks. */
  notSat: number;
  /** unreadable / filled (0 with no filled cells). */
  share: number;
  /** Plain-words warning when more than 20% cannot be read; '' otherwise. */
  warning: string;
}

/**
 * How many of a column's filled cells cannot be read on its scale. `read` turns a cell into points
 * (NaN when it cannot be read), e.g. `readScore` or a grade scale's reader; `name` names the column.
 */
export function unreadableShare(cells: Iterable<unknown>, read: (cell: unknown) => number, name = 'the column', scaleName = 'its scale'): ReadableShare {
  let filled = 0, unreadable = 0, notSat = 0;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    filled++;
    const x = read(cell);
    if (x !== x) {
      if (isNotSat(cell)) notSat++;
      else unreadable++;
    }
  }
  const share = filled - notSat === 0 ? 0 : unreadable / (filled - notSat);
  const warning = share > UNREADABLE_SHARE
    ? `${unreadable} of ${filled - notSat} filled cells in ${name} (${Math.round(share * 100)}%) cannot be read as ${scaleName}, so its gaps leave those pupils out${notSat > 0 ? `, as they do the ${notSat} marked absent or not entered` : ''}: check the scale chosen for it, or the column.`
    : '';
  return { filled, unreadable, notSat, share, warning };
}

/**
 * Zeros a column's scale cannot hold. On KS2 scaled scores (80 to 120) and standardised scores
 * (about 55 to 145) no pupil scores 0, so a 0 in such a column is almost always a blank cell that
 * Excel passed as 0 (some desktop builds do: office-js issues 4702, 5262). The scale is read from
 * the column's other numbers; `zeros` is 0 when the scale can hold a 0 (9-1 grades, unknown scales).
 *
 * @example impossibleZeros([0, 104, 98, 0, 111]) // { zeros: 2, scale: 'ks2scaled' }
 * @example impossibleZeros([0, 4, 5, 9])          // { zeros: 0, scale: 'gcse' } (U is 0 points)
 */
export function impossibleZeros(values: ArrayLike<number>): { zeros: number; scale: NumericScale } {
  let zeros = 0;
  const others: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === 0) zeros++;
    else if (x - x === 0) others.push(x);
  }
  const scale = numericScale(others);
  return { zeros: scale === 'ks2scaled' || scale === 'standardised' ? zeros : 0, scale };
}

/** The plain name of a numeric scale, e.g. "KS2 scaled scores". */
export function scaleName(scale: NumericScale): string {
  return SCALE_NAMES[scale];
}
