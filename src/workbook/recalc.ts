/**
 * Recalculation of the in-memory workbook: what each cell of a sheet shows, with its formulas
 * computed (see `formula.ts`: Excel's functions and, through a registry, every GAPS function). A
 * formula returning an array spills into the cells to its right and below; when any of them is not
 * empty the formula shows "#SPILL!" with a message saying what to clear. Text keeps no leading
 * apostrophe.
 */
import type { CellValue } from './port';
import type { RangeRef } from './a1';
import { evaluateFormula, FormulaRefError, type CellReader, type FunctionRegistry } from './formula';
import type { CellError } from './excelFunctions';
import { sameName } from './names';
import { isFormula } from './grid';
import { noSheetError } from './sources';
import type { MemorySheet } from './memoryModel';
import { isBlank } from '../core/cells';
import { shownValue } from './cellText';

/** What a cell shows: text written with a leading apostrophe (Excel's "keep as text") without it. */
export function shown(v: CellValue | undefined): CellValue {
  return v === undefined ? null : shownValue(v);
}

export function isEmptyCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/** The bounding box of non-empty cells, or null for an empty grid. */
export function usedBox(grid: CellValue[][]): { row: number; col: number; rows: number; cols: number } | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      if (isEmptyCell(row[c])) continue;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  }
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** A rectangle of a grid; cells beyond the grid and empty text read as null. */
export function slice(grid: CellValue[][], row: number, col: number, rows: number, cols: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = row; r < row + rows; r++) {
    const src = grid[r] ?? [];
    const line: CellValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const v = src[col + c];
      line[c] = v === undefined || v === '' ? null : v;
    }
    out.push(line);
  }
  return out;
}

/** A sheet found by name, with the values it shows (its grid while it is being computed). */
export type ShownSheet = { name: string; grid: CellValue[][] } | null;

/**
 * A range's shown values, for a formula on `fromSheet`. An open-ended column range ("A2:A") reads
 * down to the sheet's data. Formulas inside the range read as blank (they do not feed other formulas).
 */
export function readRange(ref: RangeRef, fromSheet: string, lookup: (name: string) => ShownSheet): CellValue[][] {
  const sheetName = ref.sheet ?? fromSheet;
  const found = lookup(sheetName);
  if (!found) throw new FormulaRefError('#REF!', noSheetError(sheetName).message);
  const source = found.grid;
  const box = ref.lastRow === null ? usedBox(source) : null;
  const lastRow = ref.lastRow ?? Math.max(ref.row, box ? box.row + box.rows - 1 : 0);
  const out = slice(source, ref.row, ref.col, lastRow - ref.row + 1, ref.lastCol - ref.col + 1);
  for (const row of out) for (let c = 0; c < row.length; c++) if (isFormula(row[c])) row[c] = null;
  return out;
}

/** Reads cells of another sheet for a formula (0-based, inclusive; `lastRow` null reads to the data). */
export type OtherSheetReader = CellReader;

/**
 * Computes every formula of a sheet into `grid` (its shown values), spilling arrays, and records
 * the message of each error cell in `notes` by "row,col". A formula reading a cell that holds a
 * formula computes that one first; a formula that reads itself shows #REF! saying so.
 * `errors` receives the "row,col" of every cell that shows a computed error.
 */
export function computeFormulas(
  s: Readonly<MemorySheet>,
  grid: CellValue[][],
  functions: FunctionRegistry,
  readOther: OtherSheetReader,
  notes: Map<string, string>,
  errors: Set<string> = new Set(),
): void {
  const claimed = new Set<string>();
  const state = new Map<string, 'computing' | 'done'>();
  const box = usedBox(s.values.map((row) => Array.from(row, (v) => (v === undefined ? null : v))));

  const valueAt = (r: number, c: number): CellValue | CellError => {
    const key = `${r},${c}`;
    if (isFormula(s.values[r]?.[c])) {
      if (state.get(key) === 'computing') return { code: '#REF!', message: 'This formula refers to its own cell (a circular reference): change it to read other cells.' };
      compute(r, c);
    }
    const v = grid[r]?.[c];
    if (v === undefined || v === '') return v === '' ? '' : null;
    if (errors.has(key) && typeof v === 'string') return { code: v, message: notes.get(key) ?? null };
    return v;
  };

  const readHere: CellReader = (_sheet, row, col, lastRow, lastCol) => {
    const endRow = lastRow ?? Math.max(row, box ? box.row + box.rows - 1 : 0);
    const endCol = lastCol ?? Math.max(col, box ? box.col + box.cols - 1 : 0);
    const out: (CellValue | CellError)[][] = [];
    for (let r = row; r <= endRow; r++) {
      const line: (CellValue | CellError)[] = [];
      for (let c = col; c <= endCol; c++) line.push(valueAt(r, c));
      out.push(line);
    }
    return out;
  };
  const read: CellReader = (sheet, ...rest) => (sameName(sheet, s.name) ? readHere(sheet, ...rest) : readOther(sheet, ...rest));

  const put = (r: number, c: number, v: CellValue, message: string | undefined) => {
    while (grid.length <= r) grid.push([]);
    const target = grid[r];
    while (target.length <= c) target.push(null);
    target[c] = v;
    const key = `${r},${c}`;
    if (message !== undefined) notes.set(key, message);
    if (typeof v === 'string' && ERROR_CODES.has(v)) errors.add(key);
  };

  function compute(r: number, c: number): void {
    const key = `${r},${c}`;
    if (state.has(key)) return;
    state.set(key, 'computing');
    const { value: result, messages } = evaluateFormula(s.values[r][c] as string, { sheet: s.name, row: r, col: c }, functions, read);
    state.set(key, 'done');
    if (!Array.isArray(result)) {
      put(r, c, result, messages.get('0,0'));
      return;
    }
    const blocked = result.some((line, i) =>
      line.some((_, j) => (i > 0 || j > 0) && (!isBlank(s.values[r + i]?.[c + j] ?? null) || claimed.has(`${r + i},${c + j}`))),
    );
    if (blocked) {
      put(r, c, '#SPILL!', `The result needs ${result.length} x ${result[0]?.length ?? 0} cells from here, and some of them are not empty: clear them to see it.`);
      return;
    }
    result.forEach((line, i) => {
      line.forEach((v, j) => {
        put(r + i, c + j, v, messages.get(`${i},${j}`));
        claimed.add(`${r + i},${c + j}`);
      });
    });
  }

  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r];
    for (let c = 0; c < row.length; c++) if (isFormula(row[c])) compute(r, c);
  }
}

/** The error codes a computed cell can show. */
export const ERROR_CODES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#GETTING_DATA']);
