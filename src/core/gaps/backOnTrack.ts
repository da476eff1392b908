/**
 * Back on Track: which pupils have fallen behind pupils who started where they did, and by how
 * much. Each pupil's expected result is read from the least-squares line of current on baseline
 * over the whole cohort (the value-added model of KS2 progress and Progress 8, fitted on the
 * school's own pupils); the shortfall is expected minus actual when the pupil is below it. A pupil
 * is flagged when the shortfall is at least `minShortfall`, a step that means something on the
 * scale (MIN_SHORTFALL: a third of a grade on 9-1, 3 points on scaled or standardised scores).
 *
 * Why not "progress below the cohort average": with imperfect tests, high starters fall back and
 * low starters catch up by chance (regression to the mean), so a raw-gain rule flags high starters
 * far more often; the residual compares each pupil with pupils of the same start, so with no real
 * differences low and high starters are flagged at the same rate (checked by simulation).
 *
 * @example backOnTrackOf([3, 4, 5, 6], [3, 5, 5, 7], 1 / 3).pupils.map((p) => p?.flagged)
 *   // line -0.4 + 1.2 x: residuals -0.2, 0.6, -0.6, 0.2; flags [false, false, true, false] (R: resid(lm(c ~ b)))
 */
import { naError, valueError } from '../errors';
import { leastSquares, type Line } from '../progress/leastSquares';

/** Minimum shortfall worth acting on, in each scale's points. */
export const MIN_SHORTFALL = { gcse: 1 / 3, scaled: 3, standardised: 3 } as const;

export interface BackOnTrackPupil {
  /** Expected result for the pupil's baseline. */
  expected: number;
  /** current - expected (negative = behind similar starters). */
  residual: number;
  /** How far behind similar starters: max(0, expected - current). */
  shortfall: number;
  flagged: boolean;
}

export interface BackOnTrack {
  line: Line;
  /** One entry per pupil, null where a score is missing. */
  pupils: Array<BackOnTrackPupil | null>;
  /** Pupils flagged. */
  flagged: number;
  minShortfall: number;
}

export function backOnTrackOf(baseline: ArrayLike<number>, current: ArrayLike<number>, minShortfall: number): BackOnTrack {
  if (baseline.length !== current.length) throw valueError(`baseline has ${baseline.length} pupils but current has ${current.length}: give one entry per pupil in each`);
  if (!(minShortfall > 0 && Number.isFinite(minShortfall))) throw valueError(`the minimum shortfall must be a positive number of points (such as 1/3 of a grade or 3 scaled-score points), but it is ${minShortfall}`);
  const line = leastSquares(baseline, current);
  if (line.n < 3) throw naError(`needs at least 3 pupils with both a baseline and a current score to compare similar starters (there ${line.n === 1 ? 'is 1' : `are ${line.n}`})`);
  if (Number.isNaN(line.slope)) throw naError('every pupil has the same baseline, so pupils cannot be compared with similar starters');
  const pupils: Array<BackOnTrackPupil | null> = new Array(baseline.length);
  let flagged = 0;
  for (let i = 0; i < baseline.length; i++) {
    const b = baseline[i];
    const c = current[i];
    if (b - b !== 0 || c - c !== 0) {
      pupils[i] = null;
      continue;
    }
    const expected = line.intercept + line.slope * b;
    const residual = c - expected;
    const shortfall = residual < 0 ? -residual : 0;
    // A hair of rounding must not decide a flag at exactly the minimum (e.g. a third of a grade).
    const isFlagged = shortfall >= minShortfall - 1e-9;
    if (isFlagged) flagged++;
    pupils[i] = { expected, residual, shortfall, flagged: isFlagged };
  }
  return { line, pupils, flagged, minShortfall };
}
