/**
 * The progress gap: mean progress (current - baseline) of other pupils minus that of
 * disadvantaged pupils, over pupils with both scores. Positive = disadvantaged pupils progress less.
 *
 * @example progressGap([[100],[100],[100]], [[104],[101],[106]], [["Y"],["Y"],["N"]]) // 6 - 2.5 = 3.5
 */
import { type Grid, cellAt, columnsOf, readScore, requireSameSize, flagOrThrow } from '../cells';
import { finiteResult, requireBothGroups } from './messages';
import { valueError } from '../errors';

export function progressGap(baseline: Grid, current: Grid, flags: Grid): number {
  const n = requireSameSize(['baseline', baseline], ['current', current], ['disadvantaged', flags]);
  const bc = columnsOf(baseline);
  const cc = columnsOf(current);
  const fc = columnsOf(flags);
  let nd = 0, no = 0, sd = 0, so = 0;
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(cellAt(flags, k, fc), 'disadvantaged', k, fc);
    const p = readScore(cellAt(current, k, cc)) - readScore(cellAt(baseline, k, bc));
    if (p !== p) continue;
    if (f) { nd++; sd += p; } else { no++; so += p; }
  }
  requireBothGroups(nd, no);
  return finiteResult(so / no - sd / nd);
}

/**
 * The progress gap from plain numbers, one entry per pupil (NaN = missing; flagged = disadvantaged).
 * @example progressGapOf([100, 100, 100], [104, 101, 106], [true, true, false]) // 3.5
 */
export function progressGapOf(baseline: ArrayLike<number>, current: ArrayLike<number>, flagged: ArrayLike<boolean>): number {
  if (baseline.length !== current.length || baseline.length !== flagged.length) {
    throw valueError(`baseline has ${baseline.length} pupils, current ${current.length} and disadvantaged ${flagged.length}: give one entry per pupil in each`);
  }
  let nd = 0, no = 0, sd = 0, so = 0;
  for (let i = 0; i < baseline.length; i++) {
    const p = current[i] - baseline[i];
    if (p - p !== 0) continue;
    if (flagged[i]) { nd++; sd += p; } else { no++; so += p; }
  }
  requireBothGroups(nd, no);
  return finiteResult(so / no - sd / nd);
}
