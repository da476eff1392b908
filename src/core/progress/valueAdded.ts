/**
 * Value added: each pupil's result minus the result expected from their prior attainment, shaped
 * like `current` (null where a score is missing).
 *
 * Without `estimates`, the expectation is the least-squares line of current on baseline over the
 * cohort's pupils with both scores. With a two-column `estimates` table (prior attainment ascending,
 * expected outcome) — e.g. the DfE's KS2-to-KS4 estimates — it is read from the table by linear
 * interpolation, clamped at its ends. Rows of the table with a blank cell are skipped.
 *
 * `valueAddedOf` is the same measure over plain numbers, for an analysis that already holds the
 * scores; `valueAdded` and `valueAddedSpill` read ranges and call it.
 *
 * @example valueAdded([[1],[2],[3]], [[2],[5],[6]]) // [[-0.3333],[0.6667],[-0.3333]] (R: resid(lm(c(2,5,6) ~ c(1,2,3))))
 */
import { type Grid, cellCount, columnsOf, describeValue, isBlank, readScore, requireSameSize } from '../cells';
import { naError, valueError } from '../errors';
import { type NumberSpill, readScores, shapedLike, spillRows } from '../stats/scoreArrays';
import { interpolate } from './interpolate';
import { type Line, leastSquares } from './leastSquares';

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

/** An estimates table as numbers: prior attainment ascending (`xs`) and the expected result for each (`ys`). */
export type Estimates = { xs: ArrayLike<number>; ys: ArrayLike<number> };

/**
 * The least-squares line of result on prior over pupils with both (NaN = missing), checked so that
 * it can give expectations.
 *
 * @throws GapsError('na') for fewer than 2 pupils with both values, a single baseline value, or
 *   values too large to fit.
 */
export function fitExpectedLine(prior: ArrayLike<number>, result: ArrayLike<number>): Line {
  const line = leastSquares(prior, result);
  if (line.n < 2) throw naError(`needs at least 2 pupils with both a baseline and a current score to fit the expected line (there ${line.n === 1 ? 'is 1' : `are ${line.n}`})`);
  if (Number.isNaN(line.slope)) throw naError('every pupil with both scores has the same baseline, so no line can be fitted: supply an estimates table');
  if (!Number.isFinite(line.slope) || !Number.isFinite(line.intercept)) throw naError('the scores are too large to fit a line: check that the ranges hold test scores');
  return line;
}

/**
 * Value added over plain numbers: each pupil's result minus the result expected from their prior
 * attainment, NaN where either value is missing (NaN) or the residual is not finite. The
 * expectation is the least-squares line of result on prior (R: resid(lm(result ~ prior))), or,
 * given `estimates` (prior ascending, expected result), clamped linear interpolation in that table.
 * The residuals go into `out` when given (it may be `prior` or `result` itself: the line is fitted
 * first and each pupil is read before it is written); else into a new array.
 *
 * @throws GapsError('value') when the arrays differ in length; GapsError('na') when no line can be fitted.
 * @example valueAddedOf([1, 2, 3], [2, 5, 6]) // Float64Array [-0.3333, 0.6667, -0.3333]
 */
export function valueAddedOf(prior: ArrayLike<number>, result: ArrayLike<number>, estimates?: Estimates | null, out?: Float64Array): Float64Array {
  const n = result.length;
  if (prior.length !== n) throw valueError(`baseline has ${prior.length} value${prior.length === 1 ? '' : 's'} but current has ${n}: give one of each per pupil`);
  if (out !== undefined && out.length !== n) throw valueError(`out has ${out.length} places but current has ${n} values`);
  if (estimates) {
    const residuals = out ?? new Float64Array(n);
    const { xs, ys } = estimates;
    for (let k = 0; k < n; k++) {
      const x = prior[k];
      const y = result[k];
      const v = x === x && y === y ? y - interpolate(xs, ys, x) : NaN;
      residuals[k] = v - v === 0 ? v : NaN;
    }
    return residuals;
  }
  const { intercept, slope } = fitExpectedLine(prior, result);
  const residuals = out ?? new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = result[k] - (intercept + slope * prior[k]);
    residuals[k] = v - v === 0 ? v : NaN; // NaN (a missing score) or an overflow beyond any real score
  }
  return residuals;
}

/** VALUEADDED's residuals with the shape they spill in (that of `current`); NaN = a blank. */
export function valueAddedSpill(baseline: Grid, current: Grid, estimates?: Grid | null): NumberSpill {
  requireSameSize(['baseline', baseline], ['current', current]);
  const prior = readScores(baseline);
  const result = readScores(current);
  // A single blank cell (an empty reference) is no table, as if the argument were left out.
  const table = estimates && cellCount(estimates) > 0 && !(cellCount(estimates) === 1 && isBlank(estimates[0][0])) ? readEstimates(estimates) : null;
  // The results were read into an array of our own, so the residuals can overwrite them.
  return shapedLike(current, valueAddedOf(prior, result, table, result));
}

export function valueAdded(baseline: Grid, current: Grid, estimates?: Grid | null): (number | null)[][] {
  return spillRows(valueAddedSpill(baseline, current, estimates));
}
