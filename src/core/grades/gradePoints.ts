/**
 * A range of grades as points, shaped like the range (GRADEPOINTS).
 *
 * What it is for: turning a tracker's grade columns into numbers the gap measures can average.
 * Numbers and numeric text pass through on every scale (on "nc" a whole number 1-8 is a plain
 * level, see scales.ts); a school's own table is looked up first. Blanks stay null, and a grade the
 * scale does not know becomes a `#N/A` error for that cell only, naming it, so one typo never hides
 * the rest of the column.
 *
 * @example gradePoints([["5+"],["U"],[null],["Z"]], "gcse") // [[5.3333],[0],[null],[GapsError #N/A]]
 */
import { type Grid, describeValue } from '../cells';
import { GapsError, naError } from '../errors';
import { type GradeScale, gradeValue, scaleLabel } from './scales';

export type GradeCell = number | null | GapsError;

export function unknownGradeError(cell: unknown, scale: GradeScale): GapsError {
  const shown = typeof cell === 'string' ? `"${cell.trim()}"` : describeValue(cell);
  const fix = typeof scale === 'object'
    ? 'add it to the table, or correct the grade'
    : 'check the scale argument ("gcse", "letter", "nc" or "ta"), or give a two-column table of grades and points';
  return naError(`${shown} is not a grade on ${scaleLabel(scale)}: ${fix}`);
}

export function gradePoints(grades: Grid, scale: GradeScale = 'gcse'): GradeCell[][] {
  // Trackers repeat a handful of grade spellings: read each distinct text once per call.
  const memo = new Map<string, number | null | undefined>();
  return grades.map((row) =>
    row.map((cell) => {
      let v: number | null | undefined;
      if (typeof cell === 'string') {
        v = memo.get(cell);
        if (v === undefined && !memo.has(cell)) {
          v = gradeValue(cell, scale);
          if (memo.size < 10_000) memo.set(cell, v);
        }
      } else {
        v = gradeValue(cell, scale);
      }
      return v === undefined ? unknownGradeError(cell, scale) : v;
    }),
  );
}

/** One grade as points; null when blank. @throws GapsError('na') for an unknown grade. */
export function gradeToPoints(cell: unknown, scale: GradeScale = 'gcse'): number | null {
  const v = gradeValue(cell, scale);
  if (v === undefined) throw unknownGradeError(cell, scale);
  return v;
}
