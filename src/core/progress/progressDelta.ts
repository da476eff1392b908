/**
 * Each pupil's progress against an expectation: current - baseline - expected, shaped like `current`.
 *
 * What it is for: a teacher's "on track" column. `expected` is one number (the same expectation for
 * everyone, e.g. 1 grade a year), a range of per-pupil expectations the size of `current` (a 1 x 1
 * range counts as one number), or null (0). Cells are read with the shared score reader, so a pupil
 * missing either score, or missing a per-pupil expectation, gets null (a blank in the spill).
 *
 * @throws GapsError('value') when baseline and current (or a per-pupil expected range) differ in
 *   size, or when a single expectation is not a finite number.
 * @example progressDelta([[4],[5]], [[6],["ABS"]], 1) // [[1],[null]]
 */
import { type Grid, cellAt, cellCount, columnsOf, describeValue, readScore, requireSameSize } from '../cells';
import { valueError } from '../errors';

const HINT = 'a number (the same expectation for every pupil) or a range with one expectation per pupil';

export function progressDelta(baseline: Grid, current: Grid, expected: number | Grid | null): (number | null)[][] {
  requireSameSize(['baseline', baseline], ['current', current]);
  let fixed = 0;
  let perPupil: Grid | null = null;
  if (typeof expected === 'number') {
    if (!Number.isFinite(expected)) throw valueError(`expected must be ${HINT}, but it is ${describeValue(expected)}`);
    fixed = expected;
  } else if (expected !== null && cellCount(expected) > 0) {
    if (cellCount(expected) === 1) {
      fixed = readScore(expected[0][0]);
      if (Number.isNaN(fixed)) throw valueError(`expected must be ${HINT}, but it is ${describeValue(expected[0][0])}`);
    } else {
      requireSameSize(['current', current], ['expected', expected]);
      perPupil = expected;
    }
  }
  const bc = columnsOf(baseline);
  const ec = perPupil ? columnsOf(perPupil) : 0;
  const cols = columnsOf(current);
  const out: (number | null)[][] = new Array(current.length);
  let k = 0;
  for (let r = 0; r < current.length; r++) {
    const row = current[r];
    const o: (number | null)[] = new Array(cols);
    for (let c = 0; c < cols; c++, k++) {
      const e = perPupil ? readScore(cellAt(perPupil, k, ec)) : fixed;
      const d = readScore(row[c]) - readScore(cellAt(baseline, k, bc)) - e;
      o[c] = d - d === 0 ? d : null; // NaN (a missing value) or an overflow beyond any real score
    }
    out[r] = o;
  }
  return out;
}
