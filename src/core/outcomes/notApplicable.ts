/**
 * An outcome that does not apply to a pupil, as MIS exports write it: "N/A" or "NA" (any case,
 * spaces around), e.g. attendance for a pupil not on roll. Such a cell is left out, like a blank.
 *
 * @example isMissingOutcome(" n/a ") // true
 * @example isMissingOutcome(0)       // false (none is a value)
 */
import { isBlank, isNotApplicable } from '../cells';

export { isNotApplicable };

/** True for an outcome cell with nothing to count: blank, or N/A. */
export function isMissingOutcome(cell: unknown): boolean {
  return isBlank(cell) || isNotApplicable(cell);
}
