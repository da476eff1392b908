/**
 * The threshold gap: the share of other pupils scoring at or above a threshold minus the share of
 * disadvantaged pupils, as a fraction (0.22 = 22 percentage points).
 *
 * @example thresholdGap([[5],[3],[4],[6]], [["Y"],["Y"],["N"],["N"]], 4) // 1 - 0.5 = 0.5
 * @throws `#VALUE!` unequal ranges, an unrecognised flag or a threshold that is not a finite number;
 *   `#N/A` an empty group.
 */
import type { Grid } from '../cells';
import { splitByFlag } from './split';
import { valueError } from '../errors';
import { requireBothGroups } from './messages';

export function thresholdGap(scores: Grid, flags: Grid, threshold: number): number {
  if (!Number.isFinite(threshold)) throw valueError(`threshold must be a number such as 4 or 100, but it is ${threshold}`);
  const s = splitByFlag(scores, flags, undefined, true);
  return thresholdGapOf(s.flaggedValues as Float64Array, s.otherValues as Float64Array, threshold);
}

/**
 * The threshold gap from the two groups' scores as plain numbers (NaN entries skipped).
 * @example thresholdGapOf([5, 3], [4, 6], 4) // 0.5
 */
export function thresholdGapOf(disadvantaged: ArrayLike<number>, other: ArrayLike<number>, threshold: number): number {
  if (!Number.isFinite(threshold)) throw valueError(`threshold must be a number such as 4 or 100, but it is ${threshold}`);
  const share = (xs: ArrayLike<number>): [number, number] => {
    let n = 0, hit = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (x !== x) continue;
      n++;
      if (x >= threshold) hit++;
    }
    return [hit / n, n];
  };
  const [sd, nd] = share(disadvantaged);
  const [so, no] = share(other);
  requireBothGroups(nd, no);
  return so - sd;
}
