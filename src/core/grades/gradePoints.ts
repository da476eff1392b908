/**
 * A range of grades as points, shaped like the range (GRADEPOINTS).
 *
 * What it is for: turning a tracker's grade columns into numbers the gap measures can average.
 * Numbers and numeric text pass through on every scale (on "nc" a whole number 1-8 is a plain
 * level, see scales.ts); a school's own table is looked up first. Blanks stay null, and a grade the
 * scale does not know becomes a `#N/A` error for that cell only, naming it, so one typo never hides
 * the rest of the column.
 *
 * `gradePointsSpill` gives the points as plain numbers (NaN for a blank or an unknown grade, whose
 * error is kept by position), for an analysis that goes on with numbers; `pointsOfNumbers` reads a
 * column already held as numbers on a scale. `gradePoints` is the cell-by-cell form built on them.
 *
 * @example gradePoints([["5+"],["U"],[null],["Z"]], "gcse") // [[5.3333],[0],[null],[GapsError #N/A]]
 */
import { type Grid, cellAt, columnsOf, describeValue } from '../cells';
import { GapsError, naError } from '../errors';
import type { NumberSpill } from '../stats/scoreArrays';
import { type GradeScale, type NamedScale, gradeValue, numberAsPoints, scaleLabel } from './scales';

export type GradeCell = number | null | GapsError;

/** GRADEPOINTS as numbers: `values` is NaN for a blank cell and for an unknown grade, whose error is in `errors`. */
export interface GradeSpill extends NumberSpill {
  /** The `#N/A` of each unknown grade, by its row-major position. */
  errors: Map<number, GapsError>;
}

export function unknownGradeError(cell: unknown, scale: GradeScale): GapsError {
  const shown = typeof cell === 'string' ? `"${cell.trim()}"` : describeValue(cell);
  const fix = typeof scale === 'object'
    ? 'add it to the table, or correct the grade'
    : 'check the scale argument ("gcse", "letter", "nc" or "ta"), or give a two-column table of grades and points';
  return naError(`${shown} is not a grade on ${scaleLabel(scale)}: ${fix}`);
}

/**
 * Grade words already read on each named scale (points, null for blank text, undefined for a word
 * the scale does not know). Trackers repeat a handful of spellings, so each is parsed once.
 */
const WORDS: Record<NamedScale, Map<string, number | null | undefined>> = { gcse: new Map(), letter: new Map(), nc: new Map(), ta: new Map() };
const WORDS_LIMIT = 4096;

/**
 * The same for words of one or two ASCII characters ("5+", "A*", "4c", "U"), the usual tracker
 * grades, indexed by their character codes so a lookup costs no hashing (NaN = not read yet).
 */
const SHORT: Partial<Record<NamedScale, Float64Array>> = {};

/** A grade's reading as one number: the points, or one of these two for a blank or an unknown grade. */
const BLANK = Infinity;
const UNKNOWN = -Infinity;

function encode(v: number | null | undefined): number {
  return v === null ? BLANK : v === undefined ? UNKNOWN : v;
}

function shortTable(scale: NamedScale): Float64Array {
  let t = SHORT[scale];
  if (!t) {
    t = new Float64Array(128 + 128 * 128).fill(NaN);
    SHORT[scale] = t;
  }
  return t;
}

/** A longer word (or one outside ASCII) through the word cache, encoded. */
function longWord(word: string, scale: GradeScale, memo: Map<string, number | null | undefined>): number {
  let v = memo.get(word);
  if (v === undefined && !memo.has(word)) {
    v = gradeValue(word, scale);
    if (memo.size < WORDS_LIMIT) memo.set(word, v);
  }
  return encode(v);
}

/** A word on a named scale, encoded: one or two ASCII characters through SHORT, others through the word cache. */
function shortWord(word: string, scale: GradeScale, memo: Map<string, number | null | undefined>, short: Float64Array): number {
  let key: number;
  const len = word.length;
  if (len === 1) {
    key = word.charCodeAt(0);
    if (key >= 128) return longWord(word, scale, memo);
  } else if (len === 2) {
    const c0 = word.charCodeAt(0), c1 = word.charCodeAt(1);
    if (c0 >= 128 || c1 >= 128) return longWord(word, scale, memo);
    key = 128 + (c0 << 7) + c1;
  } else {
    return longWord(word, scale, memo);
  }
  const v = short[key];
  return v === v ? v : (short[key] = encode(gradeValue(word, scale)));
}

export function gradePointsSpill(grades: Grid, scale: GradeScale = 'gcse'): GradeSpill {
  const rows = grades.length;
  const cols = columnsOf(grades);
  const n = rows * cols;
  const values = new Float64Array(n);
  const errors = new Map<number, GapsError>();
  // A school's table lives for one call; the named scales keep what they have read.
  const memo = typeof scale === 'object' ? new Map<string, number | null | undefined>() : WORDS[scale];
  const short = typeof scale === 'object' ? null : shortTable(scale);
  for (let k = 0; k < n; k++) {
    const cell = cols === 1 ? grades[k][0] : cellAt(grades, k, cols);
    const v = typeof cell === 'string' ? (short !== null ? shortWord(cell, scale, memo, short) : longWord(cell, scale, memo)) : encode(gradeValue(cell, scale));
    if (v - v === 0) {
      values[k] = v;
    } else {
      values[k] = NaN;
      if (v === UNKNOWN) errors.set(k, unknownGradeError(cell, scale));
    }
  }
  return { values, rows, cols, errors };
}

export function gradePoints(grades: Grid, scale: GradeScale = 'gcse'): GradeCell[][] {
  const { values, rows, cols, errors } = gradePointsSpill(grades, scale);
  const out: GradeCell[][] = new Array(rows);
  for (let r = 0, k = 0; r < rows; r++) {
    const o: GradeCell[] = new Array(cols);
    for (let c = 0; c < cols; c++, k++) {
      const v = values[k];
      o[c] = v === v ? v : (errors.get(k) ?? null);
    }
    out[r] = o;
  }
  return out;
}

/**
 * Points for values already held as numbers (NaN = missing, kept): each passes through, except a
 * whole number 1-8 on the levels scale, which is a plain level; a school's table is looked up
 * first, by the number as Excel shows it.
 *
 * @example pointsOfNumbers([4, 27, NaN], "nc") // Float64Array [27, 27, NaN]
 */
export function pointsOfNumbers(values: ArrayLike<number>, scale: GradeScale = 'gcse'): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v - v !== 0) out[k] = NaN;
    else if (typeof scale === 'object') out[k] = scale.points.get(String(v)) ?? v;
    else out[k] = numberAsPoints(v, scale);
  }
  return out;
}

/** One grade as points; null when blank. @throws GapsError('na') for an unknown grade. */
export function gradeToPoints(cell: unknown, scale: GradeScale = 'gcse'): number | null {
  const v = gradeValue(cell, scale);
  if (v === undefined) throw unknownGradeError(cell, scale);
  return v;
}
