/**
 * Argument readers for the custom functions, in one place so every function reads Excel's
 * arguments the same way:
 * - single-value options (confidence, threshold, method...): Excel passes an omitted optional
 *   argument as `null`; a value typed as a cell reference may arrive as a 1 x 1 array;
 * - range arguments (`ArgReader.ranges`): a whole column (`A:A`, which Excel passes as all
 *   1,048,576 rows) or a whole row (16,384 columns) is cut to its used part, paired ranges to the
 *   same last row (or column), so `=GAPS.FSMGAP(C:C, D:D)` reads the pupils and not a million blanks;
 * - blank cells passed as 0 (some desktop builds do: office-js issues 4702, 5262, 1951): an option
 *   where a 0 is never meant gives its default, and a score column on a scale without 0 (KS2 scaled,
 *   standardised) has its zeros left out; either way `ArgReader.notes` says so, for the function's
 *   Note row (functions without one document it in their help);
 * - the size of a result (`checkSpill`), before Excel gets it.
 */
import { valueError } from '../core/errors';
import { type Grid, asGrid, columnsOf, describeValue, isBlank, readScore } from '../core/cells';
import { impossibleZeros, scaleName } from '../core/gaps/thresholds';

/** Unwraps a 1 x 1 range to its value; a larger range is `#VALUE!`. */
export function single(name: string, value: unknown): unknown {
  if (Array.isArray(value)) {
    const rows = value as unknown[][];
    if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return rows[0][0];
    if (rows.length === 0) return null;
    throw valueError(`${name} must be a single value, not a range of several cells`);
  }
  return value;
}

export interface NumberRule {
  /** Smallest allowed value. */
  min?: number;
  /** Largest allowed value. */
  max?: number;
  /** Exclude the bounds themselves. */
  exclusive?: boolean;
  /** How to describe the allowed values in a message, e.g. "a fraction between 0 and 1, such as 0.95". */
  hint: string;
  /**
   * A 0 stands for a blank cell: some desktop builds of Excel pass a referenced blank cell as 0
   * (office-js issues 4702, 5262, 1951), so for an option where 0 is never meant (a confidence
   * level) it gives the default instead of an error or a wrong answer.
   */
  zeroIsBlank?: boolean;
}

/** A required number argument (numeric text accepted); `#VALUE!` naming the rule otherwise. */
export function requiredNumber(name: string, value: unknown, rule: NumberRule): number {
  const v = single(name, value);
  const n = readScore(v);
  if (Number.isNaN(n)) {
    throw valueError(`${name} must be ${rule.hint}, but it is ${describeValue(v)}`);
  }
  const { min, max, exclusive } = rule;
  const low = min !== undefined && (exclusive ? n <= min : n < min);
  const high = max !== undefined && (exclusive ? n >= max : n > max);
  if (low || high) throw valueError(`${name} must be ${rule.hint}, but it is ${n}`);
  return n;
}

/** An optional number argument: `fallback` when omitted or blank. */
export function optionalNumber(name: string, value: unknown, fallback: number, rule: NumberRule): number {
  const v = single(name, value);
  if (isBlank(v) || (rule.zeroIsBlank === true && v === 0)) return fallback;
  return requiredNumber(name, v, rule);
}

/** An optional choice among words (case-insensitive, trimmed): `fallback` when omitted or blank. */
export function optionalChoice<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
  const v = single(name, value);
  if (isBlank(v)) return fallback;
  const text = typeof v === 'string' ? v.trim().toLowerCase() : String(v).toLowerCase();
  const hit = choices.find((c) => c.toLowerCase() === text);
  if (hit === undefined) {
    throw valueError(`${name} must be one of ${choices.map((c) => `"${c}"`).join(', ')}, but it is ${describeValue(v)}`);
  }
  return hit;
}

/**
 * The confidence level used by interval functions: a fraction strictly between 0 and 1, default
 * 0.95; a 0 (a blank cell as some Excel builds pass it) gives the default.
 */
export function confidenceArg(value: unknown): number {
  return optionalNumber('confidence', value, 0.95, {
    min: 0,
    max: 1,
    exclusive: true,
    hint: 'a fraction between 0 and 1, such as 0.95 for a 95% interval',
    zeroIsBlank: true,
  });
}

/** Cells a custom function may spill: Excel on the web stalls on results over about 2 MB. */
export const MAX_SPILL_CELLS = 100_000;
/** Characters a result may carry in all (about 2 MB at two bytes a character). */
export const MAX_SPILL_CHARS = 1_000_000;

/**
 * The one check on a custom function's result size, before Excel gets it: a matrix over the
 * limits Excel on the web can take is `#VALUE!` with a message instead of a stalled workbook.
 */
export function checkSpill(result: unknown): void {
  let cells = 0;
  let chars = 0;
  if (Array.isArray(result)) {
    for (const row of result as unknown[]) {
      const line = Array.isArray(row) ? row : [row];
      cells += line.length;
      for (const v of line) chars += typeof v === 'string' ? v.length : 8;
    }
  } else if (isNumberSpill(result)) {
    // A spill of one number per pupil, checked before its cells are made.
    cells = result.rows * result.cols;
    chars = cells * 8;
  } else {
    return;
  }
  if (cells > MAX_SPILL_CELLS || chars > MAX_SPILL_CHARS) {
    throw valueError(
      `the result would be ${cells.toLocaleString('en-GB')} cells (about ${Math.ceil((chars * 2) / 1_000_000)} MB), more than Excel on the web can show from one formula (about 2 MB). ` +
        "Give it fewer rows: select only the pupils' rows, not whole columns",
    );
  }
}

/** A core spill of numbers (`NumberSpill`) before it becomes Excel's cells. */
function isNumberSpill(v: unknown): v is { rows: number; cols: number; values: unknown } {
  return typeof v === 'object' && v !== null && 'values' in v && typeof (v as { rows?: unknown }).rows === 'number' && typeof (v as { cols?: unknown }).cols === 'number';
}

/** Rows and columns of an Excel worksheet: a whole-column argument (`A:A`) arrives with all the rows. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;
/**
 * A range at least this tall is read as a whole column (`A:A`, `A2:A1048576`), and one at least this
 * wide as a whole row (`2:2`, `B2:XFD2`): nobody selects a million pupils' rows by hand.
 */
export const WHOLE_COLUMN_ROWS = SHEET_ROWS - 1_000;
export const WHOLE_ROW_COLUMNS = SHEET_COLUMNS - 100;

/** Empty below the data of a whole column: blank, or 0 as the desktop builds that pass blanks as 0 give it. */
function unused(cell: unknown): boolean {
  return cell === 0 || isBlank(cell);
}

function lastUsedRow(grid: Grid): number {
  for (let r = grid.length - 1; r >= 0; r--) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) if (!unused(row[c])) return r;
  }
  return -1;
}

function lastUsedColumn(grid: Grid): number {
  let last = -1;
  for (const row of grid) {
    for (let c = row.length - 1; c > last; c--) {
      if (!unused(row[c])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/**
 * Paired range arguments with whole columns and whole rows cut to their used part: every whole
 * column among them ends at the same row, the last where any of them holds something (a blank, or
 * a 0 as some desktop builds pass a blank, is not something), and every whole row at the same
 * column; ranges the user selected by hand are left as they are. So `C:C` and `D:D` stay paired
 * pupil by pupil, and cells below the data are not read as pupils.
 */
export function trimWhole(grids: readonly Grid[]): Grid[] {
  let out = grids.slice();
  const tall = out.map((g) => g.length >= WHOLE_COLUMN_ROWS);
  if (tall.some(Boolean)) {
    const last = Math.max(...out.map((g, i) => (tall[i] ? lastUsedRow(g) : -1)));
    out = out.map((g, i) => (tall[i] ? g.slice(0, last + 1) : g));
  }
  const wide = out.map((g) => columnsOf(g) >= WHOLE_ROW_COLUMNS);
  if (wide.some(Boolean)) {
    const last = Math.max(...out.map((g, i) => (wide[i] ? lastUsedColumn(g) : -1)));
    out = out.map((g, i) => (wide[i] ? g.map((row) => row.slice(0, last + 1)) : g));
  }
  return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** A cell that reads as the score 0 (the number, or "0" as text). */
function isZeroScore(cell: unknown): boolean {
  if (typeof cell === 'number') return cell === 0;
  if (typeof cell !== 'string') return false;
  // Most text is a number with a digit 1-9 ("104"): it is not 0, and that needs no parsing.
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 49 && c <= 57) return false;
  }
  return readScore(cell) === 0;
}

/** True when some cell reads as the score 0 (one quick pass: most columns have none). */
function hasZeroScore(grid: Grid): boolean {
  if (columnsOf(grid) === 1) {
    for (let r = 0; r < grid.length; r++) {
      const cell = grid[r][0];
      if (cell === 0 || (typeof cell === 'string' && isZeroScore(cell))) return true;
    }
    return false;
  }
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === 0 || (typeof cell === 'string' && isZeroScore(cell))) return true;
    }
  }
  return false;
}

/**
 * A score range with the zeros its scale cannot hold left out (blank), and the note saying so; the
 * grid itself when there are none. See `impossibleZeros` in core/gaps/thresholds.ts for the rule.
 */
export function withoutImpossibleZeros(name: string, grid: Grid): { grid: Grid; note: string } {
  if (!hasZeroScore(grid)) return { grid, note: '' };
  const values: number[] = [];
  for (const row of grid) for (const cell of row) values.push(readScore(cell));
  const { zeros, scale } = impossibleZeros(values);
  if (zeros === 0) return { grid, note: '' };
  const cleaned = grid.map((row) => row.map((cell) => (isZeroScore(cell) ? null : cell)));
  return {
    grid: cleaned,
    note:
      `${name} holds ${plural(zeros, 'zero')}, a score no pupil gets on ${scaleName(scale)}: ${zeros === 1 ? 'it is' : 'they are'} probably ` +
      `${zeros === 1 ? 'a blank cell' : 'blank cells'} read as 0 by Excel, so ${zeros === 1 ? 'it was' : 'they were'} left out. Select only the pupils' rows.`,
  };
}

/** The note for an option given as 0 where a 0 is never meant: a blank cell some Excel builds pass as 0. */
function zeroOptionNote(name: string, used: string): string {
  return `${name} was 0, probably a blank cell read as 0 by Excel, so ${used} was used.`;
}

/** True for an option given as 0 (the number, "0" or a 1 x 1 range holding it). */
export function isZeroOption(name: string, value: unknown): boolean {
  const v = single(name, value);
  return v === 0 || (typeof v === 'string' && v.trim() !== '' && readScore(v) === 0);
}

/**
 * Reads one call's arguments and keeps the notes the reading gave (an option of 0 read as a blank,
 * impossible zeros left out of a score range), for the function's Note row. One per call.
 */
export class ArgReader {
  readonly notes: string[] = [];

  /** Range arguments as grids, paired ones together: whole columns and rows cut to their used part. */
  ranges(...values: unknown[]): Grid[] {
    return trimWhole(values.map((v) => asGrid(v ?? null)));
  }

  /** A score range (already read by `ranges`), with the zeros its scale cannot hold left out and noted. */
  scores(name: string, grid: Grid): Grid {
    const r = withoutImpossibleZeros(name, grid);
    if (r.note) this.notes.push(r.note);
    return r.grid;
  }

  /** An optional argument's default because it was 0, noted; `used` names the default in words. */
  zeroAsDefault(name: string, value: unknown, used: string): boolean {
    if (!isZeroOption(name, value)) return false;
    this.notes.push(zeroOptionNote(name, used));
    return true;
  }

  /** The confidence level (see `confidenceArg`); a 0 gives 0.95 with a note. */
  confidence(value: unknown): number {
    if (this.zeroAsDefault('confidence', value, 'the default 0.95')) return 0.95;
    return confidenceArg(value);
  }

  /** An optional choice among words (see `optionalChoice`); a 0 gives the default with a note. */
  choice<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
    if (this.zeroAsDefault(name, value, `the default "${fallback}"`)) return fallback;
    return optionalChoice(name, value, choices, fallback);
  }

  /** An optional range that was left out, or is one blank cell (or one 0, noted): null; else the range, whole columns cut. */
  optionalRange(name: string, value: unknown, used: string): Grid | null {
    const g = asGrid(value ?? null);
    if (g.length === 0 || columnsOf(g) === 0) return null;
    if (g.length === 1 && columnsOf(g) === 1) {
      if (isBlank(g[0][0])) return null;
      if (this.zeroAsDefault(name, g, used)) return null;
    }
    return this.ranges(g)[0];
  }

  /** A note of the function's own ('' for none) followed by the reading's notes. */
  note(own: string): string {
    return [own, ...this.notes].filter((x) => x !== '').join(' ');
  }
}
