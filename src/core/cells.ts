/**
 * The one place where spreadsheet cells become scores, flags or "missing".
 *
 * Every statistic in the add-in reads cells through this module, so a blank, a word or an error
 * value means the same thing everywhere (DOMAIN.md, "Reading cells, the same everywhere"):
 *
 * - A **score** is a finite number or numeric text (`"104"`, `" 98.5 "`); anything else (blank,
 *   other text, a boolean, an error value) is missing and the pupil is left out of that statistic.
 * - A **flag** is true for `TRUE`, a non-zero number or a yes-word (`Y`, `Yes`, `FSM`, `PP`...),
 *   false for `FALSE`, `0`, blank or a no-word (`N`, `No`, `Non-FSM`...); any other value is
 *   unrecognised, which means the wrong column was chosen.
 *
 * Ranges arrive as Excel passes them: 2-D arrays read in row-major order. Nothing here copies a
 * range; readers work cell by cell so a million-pupil column is read in one pass.
 */
import { valueError } from './errors';

/** A range as Excel passes it to a custom function (or as a table's rows): rows of cells. */
export type Grid = ReadonlyArray<ReadonlyArray<unknown>>;

/** `readFlag` results: numbers rather than booleans so a hot loop can test them cheaply. */
export const FLAG_FALSE = 0;
export const FLAG_TRUE = 1;
export const FLAG_INVALID = -1;
export type FlagCode = typeof FLAG_FALSE | typeof FLAG_TRUE | typeof FLAG_INVALID;

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a score: the number, or `NaN` when the cell is missing.
 *
 * @example readScore(" 98.5 ") // 98.5
 * @example readScore("ABS")    // NaN (left out)
 */
export function readScore(cell: unknown): number {
  if (typeof cell === 'number') {
    return cell - cell === 0 ? cell : NaN; // finite numbers only: NaN and +-Infinity are missing
  }
  if (typeof cell === 'string') {
    return numericText(cell);
  }
  return NaN;
}

/**
 * True for "N/A" or "NA" written in a cell (any case, spaces around): a value that does not apply
 * to the pupil, as MIS exports write it (e.g. attendance for a pupil not on roll).
 *
 * @example isNotApplicable(" n/a ") // true
 */
export function isNotApplicable(cell: unknown): boolean {
  return typeof cell === 'string' && /^n\/?a$/i.test(cell.trim());
}

/** Codes MIS exports and mark sheets write where a pupil has no result: absent, not entered, not sat. */
const NOT_SAT_CODES = new Set(['ABS', 'ABSENT', 'X', 'Z', 'NE', 'NOT ENTERED', 'NS', 'NOT SAT', 'DISAPPLIED', '-']);

/**
 * True for a cell that says the pupil has no result rather than holding one: ABS, Absent, X, Z,
 * NE / Not entered, NS / Not sat, Disapplied, "-" or N/A. Like a blank, such a cell is left out
 * (it reads as no score), but it is not a cell that "cannot be read": detection and the unreadable
 * share do not count it against the column.
 *
 * @example isNotSat("abs") // true
 * @example isNotSat("U")   // false (U is a grade: ungraded)
 */
export function isNotSat(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  const t = cell.trim().toUpperCase();
  return NOT_SAT_CODES.has(t) || isNotApplicable(t);
}

function numericText(text: string): number {
  const t = text.trim();
  if (t.length === 0 || !NUMERIC_TEXT.test(t)) return NaN;
  const n = Number(t);
  return n - n === 0 ? n : NaN;
}

const YES_WORDS = ['Y', 'YES', 'TRUE', 'T', 'FSM', 'FSM6', 'EVER6', 'EVER 6', 'E6', 'PP', 'DIS', 'DISADV', 'DISADVANTAGED'];
const NO_WORDS = ['N', 'NO', 'FALSE', 'F', 'NON FSM', 'NOT FSM', 'NON PP', 'NOT PP', 'OTHER', 'NON DISADVANTAGED', 'NOT DISADVANTAGED'];

const FLAG_WORDS = new Map<string, FlagCode>();
for (const w of YES_WORDS) FLAG_WORDS.set(w, FLAG_TRUE);
for (const w of NO_WORDS) FLAG_WORDS.set(w, FLAG_FALSE);

/** Cache of raw strings already classified; exports repeat a handful of spellings. */
const flagTextCache = new Map<string, FlagCode>();
const FLAG_CACHE_LIMIT = 4096;

/** Upper-case, trim, treat hyphens and underscores as spaces, collapse runs of spaces. */
export function normaliseWord(text: string): string {
  return text.trim().toUpperCase().replace(/[-_\s]+/g, ' ');
}

function flagFromText(text: string): FlagCode {
  // Fast paths for the spellings MIS exports use most.
  if (text === 'Y') return FLAG_TRUE;
  if (text === '' || text === 'N') return FLAG_FALSE;
  const cached = flagTextCache.get(text);
  if (cached !== undefined) return cached;
  let code: FlagCode;
  const word = normaliseWord(text);
  if (word === '') {
    code = FLAG_FALSE;
  } else {
    const known = FLAG_WORDS.get(word);
    if (known !== undefined) {
      code = known;
    } else {
      const n = numericText(word);
      code = Number.isNaN(n) ? FLAG_INVALID : n !== 0 ? FLAG_TRUE : FLAG_FALSE;
    }
  }
  if (flagTextCache.size < FLAG_CACHE_LIMIT) flagTextCache.set(text, code);
  return code;
}

/**
 * A cell as a yes/no flag: `FLAG_TRUE`, `FLAG_FALSE`, or `FLAG_INVALID` for a value that is
 * neither (an error value, a date, a word such as "Maybe").
 *
 * @example readFlag("Y")        // FLAG_TRUE
 * @example readFlag(" non-fsm ") // FLAG_FALSE
 * @example readFlag("Maybe")    // FLAG_INVALID
 */
export function readFlag(cell: unknown): FlagCode {
  if (cell === null || cell === undefined) return FLAG_FALSE;
  switch (typeof cell) {
    case 'string':
      return flagFromText(cell);
    case 'boolean':
      return cell ? FLAG_TRUE : FLAG_FALSE;
    case 'number':
      if (cell !== cell) return FLAG_INVALID; // NaN
      return cell !== 0 ? FLAG_TRUE : FLAG_FALSE;
    default:
      return FLAG_INVALID;
  }
}

/** True when a cell is blank: `null`, `undefined`, or text of spaces only. */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A cell as a label for matching groups (set, SEND code, year): trimmed, upper-cased, inner spaces
 * collapsed; numbers as Excel shows them (`7`, `7.5`); blank is `""`.
 */
export function readLabel(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim().toUpperCase().replace(/\s+/g, ' ');
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return '';
}

/** Number of columns of a grid (0 for an empty grid). */
export function columnsOf(grid: Grid): number {
  return grid.length === 0 ? 0 : grid[0].length;
}

/** Number of cells in a grid. */
export function cellCount(grid: Grid): number {
  return grid.length * columnsOf(grid);
}

/** The k-th cell of a grid in row-major order, given its column count. */
export function cellAt(grid: Grid, k: number, cols: number): unknown {
  if (cols === 1) return grid[k][0];
  const r = (k / cols) | 0;
  return grid[r][k - r * cols];
}

/**
 * Turns what Excel passed for a range argument into a grid: a 2-D array stays as it is, a single
 * value (a literal typed into the formula) becomes a 1 x 1 grid, `null`/`undefined` an empty grid.
 */
export function asGrid(value: unknown): Grid {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    if (Array.isArray(value[0])) return value as Grid;
    return [value as unknown[]];
  }
  return [[value]];
}

/** "row 5" for a one-column range, else "row 5, column 2", counted from the range's top-left. */
export function describePosition(k: number, cols: number): string {
  if (cols <= 1) return `row ${k + 1}`;
  const r = Math.floor(k / cols);
  return `row ${r + 1}, column ${k - r * cols + 1}`;
}

/** A cell's value quoted for a message: `"Maybe"`, `42`, `TRUE`, `#N/A`, `a blank cell`. */
export function describeValue(cell: unknown): string {
  if (cell === null || cell === undefined) return 'a blank cell';
  if (typeof cell === 'string') return cell.trim() === '' ? 'a blank cell' : `"${cell.length > 40 ? `${cell.slice(0, 40)}...` : cell}"`;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell).toUpperCase();
  if (typeof cell === 'object') {
    const code = (cell as { code?: unknown }).code;
    if (typeof code === 'string') return code.startsWith('#') ? code : `an error value (${code})`;
    return 'an error value';
  }
  return String(cell);
}

/**
 * Checks that paired ranges hold the same number of cells, else `#VALUE!` naming both sizes.
 *
 * @example requireSameSize(['scores', scores], ['disadvantaged', flags]) // 120 (cells each)
 * @throws GapsError('value') "scores has 120 cells but disadvantaged has 119: select ranges of the same size"
 */
export function requireSameSize(...ranges: Array<[name: string, grid: Grid]>): number {
  const n = cellCount(ranges[0][1]);
  for (let i = 1; i < ranges.length; i++) {
    const m = cellCount(ranges[i][1]);
    if (m !== n) {
      throw valueError(
        `${ranges[0][0]} has ${n} cell${n === 1 ? '' : 's'} but ${ranges[i][0]} has ${m}: select ranges of the same size`,
      );
    }
  }
  return n;
}

/** `#VALUE!` for an unrecognised flag, quoting the value and where it is. */
export function invalidFlagError(argName: string, cell: unknown, k: number, cols: number): Error {
  return valueError(
    `${argName} holds ${describeValue(cell)} at ${describePosition(k, cols)} of the range, which is not a yes/no flag ` +
      `(use Y/N, Yes/No, TRUE/FALSE or 1/0): check that the right column is selected`,
  );
}

/**
 * Reads a flag or throws `#VALUE!` quoting the value and its position: the one way every measure
 * reads the k-th cell of a flag range, as `const dis = flagOrThrow(cellAt(flags, k, fc), 'disadvantaged', k, fc)`.
 */
export function flagOrThrow(cell: unknown, argName: string, k: number, cols: number): boolean {
  const f = readFlag(cell);
  if (f === FLAG_INVALID) throw invalidFlagError(argName, cell, k, cols);
  return f === FLAG_TRUE;
}
