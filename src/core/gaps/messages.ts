/** Messages shared by the gap measures, so every function names the groups the same way. */
import { naError, valueError, type GapsError } from '../errors';

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

export const TOO_LARGE = 'the scores are too large to calculate with: check that the right column is selected (marks, not pupil numbers or dates)';

/** A result, or `#VALUE!` when the scores overflowed the arithmetic (values near 1e308). */
export function finiteResult(x: number): number {
  if (x - x !== 0) throw valueError(TOO_LARGE);
  return x;
}
