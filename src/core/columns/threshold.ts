/**
 * The threshold a gap report uses by default for one assessment column, in that column's points:
 * the expected or pass standard of its scale.
 *
 * - Scores that look like KS2 scaled scores or standardised scores (most numbers 70 or more): 100.
 * - GCSE 9-1 grades (and plain small numbers): 4, the standard pass.
 * - Letter grades: 4, grade C in DfE points (the old pass).
 * - NC levels: 27, level 4b (the old KS2 expectation).
 * - KS2 teacher assessment: 2, "working at the expected standard" (EXS).
 *
 * @example defaultThreshold('gcse', [[5], ['4+'], [6]]) // 4
 * @example defaultThreshold('gcse', [[104], [98], [111]]) // 100
 */
import { readScore, type Grid } from '../cells';
import type { GradeScale } from '../grades/scales';

export const THRESHOLDS = { gcse: 4, letter: 4, nc: 27, ta: 2, scaled: 100 } as const;

/** Default threshold for a column (`values` as rows of cells; column `index`, default 0). */
export function defaultThreshold(scale: GradeScale, values: Grid, index = 0): number {
  if (typeof scale === 'object') {
    // A school's own table: the middle of its points.
    const points = [...scale.points.values()].sort((a, b) => a - b);
    return points.length === 0 ? 0 : points[Math.floor((points.length - 1) / 2)];
  }
  if (scale !== 'gcse') return THRESHOLDS[scale];
  let numbers = 0;
  let large = 0;
  for (const row of values) {
    const x = readScore(row[index]);
    if (Number.isNaN(x)) continue;
    numbers++;
    if (x >= 70) large++;
  }
  return numbers > 0 && large / numbers > 0.5 ? THRESHOLDS.scaled : THRESHOLDS.gcse;
}
