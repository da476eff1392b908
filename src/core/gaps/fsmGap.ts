/**
 * The FSM gap: mean score of other pupils minus mean score of disadvantaged pupils. Positive means
 * disadvantaged pupils are behind.
 *
 * It needs only sums and counts, so it has its own tight loop (one pass, no allocation, a fast path
 * for single-column ranges); the rules for reading cells are still those of `cells.ts`.
 *
 * @example fsmGap([[104],[98],["ABS"],[110]], [["Y"],["Y"],["Y"],[""]]) // 110 - 101 = 9
 * @throws `#VALUE!` unequal ranges or an unrecognised flag; `#N/A` an empty group.
 */
import { type Grid, cellAt, columnsOf, readScore, requireSameSize, flagOrThrow } from '../cells';
import { finiteResult, requireBothGroups } from './messages';

export function fsmGap(scores: Grid, flags: Grid): number {
  const n = requireSameSize(['scores', scores], ['disadvantaged', flags]);
  const sc = columnsOf(scores);
  const fc = columnsOf(flags);
  const oneColumn = sc === 1 && fc === 1;
  let nd = 0, no = 0, sd = 0, so = 0;
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(oneColumn ? flags[k][0] : cellAt(flags, k, fc), 'disadvantaged', k, fc);
    const v = oneColumn ? scores[k][0] : cellAt(scores, k, sc);
    const x = typeof v === 'number' ? v : readScore(v);
    if (x - x !== 0) continue; // NaN or infinite: missing
    if (f) { nd++; sd += x; } else { no++; so += x; }
  }
  requireBothGroups(nd, no);
  return finiteResult(so / no - sd / nd);
}

/** The mean of finite entries (NaN and infinities skipped) and how many there were. */
function meanOf(xs: ArrayLike<number>): [mean: number, n: number] {
  let s = 0, n = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x - x === 0) { s += x; n++; }
  }
  return [s / n, n];
}

/**
 * The FSM gap from the two groups' scores as plain numbers (NaN entries skipped).
 * @example fsmGapOf([104, 98], [110]) // 9
 */
export function fsmGapOf(disadvantaged: ArrayLike<number>, other: ArrayLike<number>): number {
  const [md, nd] = meanOf(disadvantaged);
  const [mo, no] = meanOf(other);
  requireBothGroups(nd, no);
  return finiteResult(mo - md);
}
