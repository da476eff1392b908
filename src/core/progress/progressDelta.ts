/**
 * Each pupil's progress against an expectation: current - baseline - expected, shaped like `current`.
 *
 * What it is for: a teacher's "on track" column. `expected` is one number (the same expectation for
 * everyone, e.g. 1 grade a year), a range of per-pupil expectations the size of `current` (a 1 x 1
 * range counts as one number), or null (0). Cells are read with the shared score reader, so a pupil
 * missing either score, or missing a per-pupil expectation, gets null (a blank in the spill).
 *
 * `progressDeltaOf` is the same measure over plain numbers (NaN = missing), for an analysis that
 * already holds the scores; `progressDelta` and `progressDeltaSpill` read ranges and call it.
 *
 * @throws GapsError('value') when baseline and current (or a per-pupil expected range) differ in
 *   size, or when a single expectation is not a finite number.
 * @example progressDelta([[4],[5]], [[6],["ABS"]], 1) // [[1],[null]]
 * @example progressDeltaOf([4, 5], [6, NaN], 1)       // Float64Array [1, NaN]
 */
import { type Grid, cellCount, describeValue, readScore, requireSameSize } from '../cells';
import { valueError } from '../errors';
import { type NumberSpill, readScores, shapedLike, spillRows } from '../stats/scoreArrays';

const HINT = 'a number (the same expectation for every pupil) or a range with one expectation per pupil';

/**
 * current - baseline - expected for each pupil; NaN where a value is missing (NaN) or the result
 * is not finite. `expected` is one number for everyone or one per pupil (default 0). The result
 * goes into `out` when given (one of the inputs may be it: each pupil is read before it is
 * written), so a caller that owns its arrays saves a million-pupil allocation; else a new array.
 *
 * @throws GapsError('value') when the arrays differ in length or a single expectation is not finite.
 */
export function progressDeltaOf(baseline: ArrayLike<number>, current: ArrayLike<number>, expected: number | ArrayLike<number> = 0, out?: Float64Array): Float64Array {
  const n = current.length;
  if (baseline.length !== n) throw valueError(`baseline has ${baseline.length} value${baseline.length === 1 ? '' : 's'} but current has ${n}: give one of each per pupil`);
  if (out !== undefined && out.length !== n) throw valueError(`out has ${out.length} places but current has ${n} values`);
  const result = out ?? new Float64Array(n);
  if (typeof expected === 'number') {
    if (!Number.isFinite(expected)) throw valueError(`expected must be ${HINT}, but it is ${describeValue(expected)}`);
    for (let k = 0; k < n; k++) {
      const d = current[k] - baseline[k] - expected;
      result[k] = d - d === 0 ? d : NaN; // NaN (a missing value) or an overflow beyond any real score
    }
  } else {
    if (expected.length !== n) throw valueError(`current has ${n} value${n === 1 ? '' : 's'} but expected has ${expected.length}: give one expectation per pupil`);
    for (let k = 0; k < n; k++) {
      const d = current[k] - baseline[k] - expected[k];
      result[k] = d - d === 0 ? d : NaN;
    }
  }
  return result;
}

/** PROGRESSDELTA's values with the shape they spill in (that of `current`); NaN = a blank. */
export function progressDeltaSpill(baseline: Grid, current: Grid, expected: number | Grid | null): NumberSpill {
  requireSameSize(['baseline', baseline], ['current', current]);
  let e: number | Float64Array = 0;
  if (typeof expected === 'number') {
    if (!Number.isFinite(expected)) throw valueError(`expected must be ${HINT}, but it is ${describeValue(expected)}`);
    e = expected;
  } else if (expected !== null && cellCount(expected) > 0) {
    if (cellCount(expected) === 1) {
      e = readScore(expected[0][0]);
      if (Number.isNaN(e)) throw valueError(`expected must be ${HINT}, but it is ${describeValue(expected[0][0])}`);
    } else {
      requireSameSize(['current', current], ['expected', expected]);
      e = readScores(expected);
    }
  }
  // The current scores are read into an array of our own, so the progress can overwrite them.
  const scores = readScores(current);
  return shapedLike(current, progressDeltaOf(readScores(baseline), scores, e, scores));
}

export function progressDelta(baseline: Grid, current: Grid, expected: number | Grid | null): (number | null)[][] {
  return spillRows(progressDeltaSpill(baseline, current, expected));
}
