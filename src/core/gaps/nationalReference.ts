/**
 * A national reference for the gap index: each pupil's score as a national mid-percentile, the
 * share of pupils nationally scoring below it plus half the share scoring exactly it (0 to 1).
 *
 * Two forms are read:
 * - **a column of national scores** (one cell per pupil nationally; blanks and words skipped):
 *   percentile(x) = (number below x + number equal to x / 2) / number of scores;
 * - **a two-column table** of score (ascending, no repeats) and the cumulative percentage of pupils
 *   nationally at or below that score (0 to 100; read as fractions when every value is at most 1):
 *   for a score in the table, the midpoint of its row's and the previous row's cumulative share
 *   (0 before the first row); for a score between rows, the cumulative share of the row below it;
 *   below the first row 0, above the last row its share. Built from a column of scores, the table
 *   gives the same percentiles as the column.
 *
 * With these, pupils are ranked nationally as in the DfE's disadvantage gap index, where every
 * pupil's rank among all pupils nationally is scaled to 0..1 before the groups' means are compared.
 *
 * Reference: DfE (2014), "Measuring disadvantaged pupils' attainment gaps over time", annex
 * (the gap index methodology).
 *
 * @example nationalReference([[90],[100],[100],[110]]).percentile(100) // (1 + 2/2) / 4 = 0.5
 */
import { type Grid, cellAt, columnsOf, describeValue, isBlank, readScore } from '../cells';
import { valueError } from '../errors';
import { sortFloat64 } from '../stats/sortFloat64';

export interface NationalReference {
  kind: 'scores' | 'table';
  /** National scores read (kind 'scores') or rows of the table (kind 'table'). */
  size: number;
  /** Lowest and highest score the reference covers. */
  min: number;
  max: number;
  /** National mid-percentile of a score, 0 to 1. */
  percentile(x: number): number;
}

/** Index of the last element <= x in ascending `xs` (-1 when none). */
function lastAtOrBelow(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the last element < x in ascending `xs` (-1 when none). */
function lastBelow(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function fromScores(grid: Grid): NationalReference {
  const cols = columnsOf(grid);
  const n = grid.length * cols;
  const all = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const x = readScore(cellAt(grid, k, cols));
    if (x === x) all[m++] = x;
  }
  if (m < 2) throw valueError(`reference needs the national scores (at least 2 numbers), but it has ${m}`);
  const xs = all.subarray(0, m);
  sortFloat64(xs);
  return {
    kind: 'scores',
    size: m,
    min: xs[0],
    max: xs[m - 1],
    percentile(x: number): number {
      const below = lastBelow(xs, x) + 1;
      const atOrBelow = lastAtOrBelow(xs, x) + 1;
      return (below + (atOrBelow - below) / 2) / m;
    },
  };
}

function fromTable(grid: Grid): NationalReference {
  const xs: number[] = [];
  const cs: number[] = [];
  for (let r = 0; r < grid.length; r++) {
    const [a, b] = grid[r];
    if (isBlank(a) && isBlank(b)) continue;
    const x = readScore(a);
    const c = readScore(b);
    if (Number.isNaN(x) || Number.isNaN(c)) {
      if (r === 0 && xs.length === 0) continue; // a header row
      throw valueError(`reference row ${r + 1} holds ${describeValue(Number.isNaN(x) ? a : b)}, which is not a number: the table needs a score and a cumulative percentage on each row`);
    }
    if (xs.length > 0 && x <= xs[xs.length - 1]) throw valueError(`reference row ${r + 1}: score ${x} is not above the row before (${xs[xs.length - 1]}): sort the table by score, ascending, without repeats`);
    if (cs.length > 0 && c < cs[cs.length - 1]) throw valueError(`reference row ${r + 1}: cumulative percentage ${c} is below the row before (${cs[cs.length - 1]}): the second column must be the percentage of pupils at or below each score`);
    if (c < 0 || c > 100) throw valueError(`reference row ${r + 1}: cumulative percentage ${c} is outside 0 to 100`);
    xs.push(x);
    cs.push(c);
  }
  if (xs.length < 2) throw valueError('reference needs at least 2 rows of score and cumulative percentage');
  const scale = cs[cs.length - 1] <= 1 ? 1 : 100;
  const sx = Float64Array.from(xs);
  const sc = Float64Array.from(cs, (c) => c / scale);
  return {
    kind: 'table',
    size: sx.length,
    min: sx[0],
    max: sx[sx.length - 1],
    percentile(x: number): number {
      const k = lastAtOrBelow(sx, x);
      if (k < 0) return 0;
      if (sx[k] !== x) return sc[k];
      return ((k > 0 ? sc[k - 1] : 0) + sc[k]) / 2;
    },
  };
}

/** Reads a reference: one column of national scores, or a two-column cumulative-percentage table. */
export function nationalReference(grid: Grid): NationalReference {
  const cols = columnsOf(grid);
  if (cols === 2 && grid.length >= 2) return fromTable(grid);
  if (cols === 1 || grid.length === 1) return fromScores(grid);
  throw valueError(`reference must be one column of national scores or a two-column table (score, cumulative percentage), but it has ${cols} columns`);
}

/** True when a reference argument was left out (nothing, or one blank cell). */
export function noReference(grid: Grid | null | undefined): boolean {
  return !grid || grid.length === 0 || columnsOf(grid) === 0 || (grid.length === 1 && columnsOf(grid) === 1 && isBlank(grid[0][0]));
}

/** In words, for a report header: "a column of 600 national scores from 80 to 120". */
export function describeReference(reference: NationalReference): string {
  const span = `${reference.min} to ${reference.max}`;
  return reference.kind === 'scores'
    ? `a column of ${reference.size.toLocaleString('en-GB')} national scores from ${span}`
    : `a table of ${reference.size.toLocaleString('en-GB')} scores from ${span} with the cumulative percentage of pupils nationally`;
}

/** Share of a column's scores that must lie within the reference's range for it to rank them. */
export const REFERENCE_FIT = 0.9;

/**
 * Whether a reference can rank a column's scores: at least 90% of them (NaN skipped) lie within its
 * range, so a reference on another scale (KS2 scaled scores against 9-1 grades) is not used; `why`
 * says so in words when it does not fit.
 */
export function referenceFits(reference: NationalReference, points: ArrayLike<number>): { fits: boolean; inside: number; scored: number; why: string } {
  let inside = 0, scored = 0;
  for (let i = 0; i < points.length; i++) {
    const x = points[i];
    if (x !== x) continue;
    scored++;
    if (x >= reference.min && x <= reference.max) inside++;
  }
  const fits = scored > 0 && inside >= REFERENCE_FIT * scored;
  const why = fits
    ? ''
    : `only ${inside} of ${scored} scores lie within the national reference's ${reference.min} to ${reference.max}, so it is probably for another scale`;
  return { fits, inside, scored, why };
}
