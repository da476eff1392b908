/**
 * Value added: each pupil's result minus the result expected from their prior attainment, shaped
 * like `current` (null where a score is missing).
 *
 * Without `estimates`, the expectation is the least-squares line of current on baseline over the
 * cohort's pupils with both scores. With a two-column `estimates` table (prior attainment ascending,
 * expected outcome) — e.g. the DfE's KS2-to-KS4 estimates — it is read from the table by linear
 * interpolation, clamped at its ends. Rows of the table with a blank cell are skipped.
 *
 * @example valueAdded([[1],[2],[3]], [[2],[5],[6]]) // [[-0.3333],[0.6667],[-0.3333]] (R: resid(lm(c(2,5,6) ~ c(1,2,3))))
 */
import { type Grid, cellAt, cellCount, columnsOf, describeValue, isBlank, readScore, requireSameSize } from '../cells';
import { naError, valueError } from '../errors';
import { interpolate } from './interpolate';
import { leastSquares } from './leastSquares';

/** Reads and checks a (prior, expected) table. */
export function readEstimates(estimates: Grid): { xs: Float64Array; ys: Float64Array } {
  if (columnsOf(estimates) !== 2) {
    throw valueError(`estimates must be a table of two columns (prior attainment ascending, expected outcome), but it has ${columnsOf(estimates)}`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < estimates.length; r++) {
    const [a, b] = estimates[r];
    if (isBlank(a) || isBlank(b)) continue;
    const x = readScore(a);
    const y = readScore(b);
    if (Number.isNaN(x) || Number.isNaN(y)) {
      const bad = Number.isNaN(x) ? a : b;
      throw valueError(`estimates row ${r + 1} holds ${describeValue(bad)}, which is not a number: the table needs numbers in both columns`);
    }
    if (xs.length > 0 && x <= xs[xs.length - 1]) {
      throw valueError(`estimates row ${r + 1}: prior attainment ${x} is not above the row before (${xs[xs.length - 1]}): sort the table by its first column, ascending, without repeats`);
    }
    xs.push(x);
    ys.push(y);
  }
  if (xs.length < 2) throw valueError('estimates needs at least 2 rows with numbers in both columns');
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

export function valueAdded(baseline: Grid, current: Grid, estimates?: Grid | null): (number | null)[][] {
  const n = requireSameSize(['baseline', baseline], ['current', current]);
  const bc = columnsOf(baseline);
  const cols = columnsOf(current);
  const prior = new Float64Array(n);
  const result = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    prior[k] = readScore(cellAt(baseline, k, bc));
    result[k] = readScore(cellAt(current, k, cols));
  }
  let expect: (x: number) => number;
  // A single blank cell (an empty reference) is no table, as if the argument were left out.
  if (estimates && cellCount(estimates) > 0 && !(cellCount(estimates) === 1 && isBlank(estimates[0][0]))) {
    const { xs, ys } = readEstimates(estimates);
    expect = (x) => interpolate(xs, ys, x);
  } else {
    const line = leastSquares(prior, result);
    if (line.n < 2) throw naError(`needs at least 2 pupils with both a baseline and a current score to fit the expected line (there ${line.n === 1 ? 'is 1' : `are ${line.n}`})`);
    if (Number.isNaN(line.slope)) throw naError('every pupil with both scores has the same baseline, so no line can be fitted: supply an estimates table');
    if (!Number.isFinite(line.slope) || !Number.isFinite(line.intercept)) throw naError('the scores are too large to fit a line: check that the ranges hold test scores');
    expect = (x) => line.intercept + line.slope * x;
  }
  const out: (number | null)[][] = new Array(current.length);
  let k = 0;
  for (let r = 0; r < current.length; r++) {
    const o: (number | null)[] = new Array(cols);
    for (let c = 0; c < cols; c++, k++) {
      const x = prior[k];
      const y = result[k];
      const v = x === x && y === y ? y - expect(x) : NaN;
      o[c] = v - v === 0 ? v : null; // NaN (a missing score) or an overflow beyond any real score
    }
    out[r] = o;
  }
  return out;
}
