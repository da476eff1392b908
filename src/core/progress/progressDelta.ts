/**
 * Each pupil's progress against an expectation: current - baseline - expected, shaped like `current`.
 * `expected` is a number (the same for everyone), a range of per-pupil expectations the size of
 * `current`, or null (0). A pupil missing either score, or missing a per-pupil expectation, gets null.
 *
 * @example progressDelta([[4],[5]], [[6],["ABS"]], 1) // [[1],[null]]
 */
import { type Grid, cellAt, cellCount, columnsOf, readScore, requireSameSize } from '../cells';

export function progressDelta(baseline: Grid, current: Grid, expected: number | Grid | null): (number | null)[][] {
  requireSameSize(['baseline', baseline], ['current', current]);
  let fixed = 0;
  let perPupil: Grid | null = null;
  if (typeof expected === 'number') fixed = expected;
  else if (expected !== null && cellCount(expected) > 0) {
    if (cellCount(expected) === 1) fixed = readScore(expected[0][0]);
    else {
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
      o[c] = d === d ? d : null;
    }
    out[r] = o;
  }
  return out;
}
