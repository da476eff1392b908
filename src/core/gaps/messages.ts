/** Messages shared by the gap measures, so every function names the groups the same way. */
import { naError, type GapsError } from '../errors';

export const NO_DISADVANTAGED = 'needs at least one disadvantaged pupil with a score: check the flag column marks them (Y, Yes, TRUE, 1, FSM, PP)';
export const NO_OTHERS = 'needs at least one pupil who is not disadvantaged with a score';

/** `#N/A` when either group is empty. */
export function requireBothGroups(nFlagged: number, nOther: number): void {
  if (nFlagged === 0) throw naError(NO_DISADVANTAGED);
  if (nOther === 0) throw naError(NO_OTHERS);
}

export function tooFewForSpread(group: string, n: number): GapsError {
  return naError(`needs at least 2 ${group} pupils with a score to measure the spread (there ${n === 1 ? 'is 1' : `are ${n}`})`);
}
