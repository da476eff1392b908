/**
 * The FSM gap: mean score of other pupils minus mean score of disadvantaged pupils. Positive means
 * disadvantaged pupils are behind.
 *
 * @example fsmGap([[104],[98],["ABS"],[110]], [["Y"],["Y"],["Y"],[""]]) // 110 - 101 = 9
 * @throws `#VALUE!` unequal ranges or an unrecognised flag; `#N/A` an empty group.
 */
import type { Grid } from '../cells';
import { splitByFlag } from './split';
import { requireBothGroups } from './messages';

export function fsmGap(scores: Grid, flags: Grid): number {
  const s = splitByFlag(scores, flags);
  requireBothGroups(s.flagged.n, s.other.n);
  return s.other.mean() - s.flagged.mean();
}
