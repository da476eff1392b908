/**
 * The threshold gap: the share of other pupils scoring at or above a threshold minus the share of
 * disadvantaged pupils, as a fraction (0.22 = 22 percentage points).
 *
 * @example thresholdGap([[5],[3],[4],[6]], [["Y"],["Y"],["N"],["N"]], 4) // 1 - 0.5 = 0.5
 * @throws `#VALUE!` unequal ranges, an unrecognised flag or a threshold that is not a finite number;
 *   `#N/A` an empty group.
 */
import { type Grid, FLAG_INVALID, FLAG_TRUE, cellAt, columnsOf, invalidFlagError, readFlag, readScore, requireSameSize } from '../cells';
import { valueError } from '../errors';
import { requireBothGroups } from './messages';

export function thresholdGap(scores: Grid, flags: Grid, threshold: number): number {
  if (!Number.isFinite(threshold)) throw valueError(`threshold must be a number such as 4 or 100, but it is ${threshold}`);
  const n = requireSameSize(['scores', scores], ['disadvantaged', flags]);
  const sc = columnsOf(scores);
  const fc = columnsOf(flags);
  let nd = 0, no = 0, hd = 0, ho = 0;
  for (let k = 0; k < n; k++) {
    const fcell = cellAt(flags, k, fc);
    const f = readFlag(fcell);
    if (f === FLAG_INVALID) throw invalidFlagError('disadvantaged', fcell, k, fc);
    const x = readScore(cellAt(scores, k, sc));
    if (x !== x) continue;
    const hit = x >= threshold ? 1 : 0;
    if (f === FLAG_TRUE) { nd++; hd += hit; } else { no++; ho += hit; }
  }
  requireBothGroups(nd, no);
  return ho / no - hd / nd;
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
