/**
 * Recalculation of the in-memory workbook: what each cell of a sheet shows, with `=GAPS.NAME(...)`
 * formulas computed through a function registry (see `formula.ts`; the preview gives it every GAPS
 * function). A formula returning an array spills into the cells to its right and below; when any of
 * them is not empty the formula shows "#SPILL!" with a message saying what to clear. Other formulas
 * show their text; text keeps no leading apostrophe.
 */
import type { CellValue } from './port';
import type { RangeRef } from './a1';
import { evaluateCallDetailed, FormulaRefError, parseGapsFormula, type FunctionRegistry } from './formula';
import { isFormula } from './grid';
import { noSheetError } from './sources';
import type { MemorySheet } from './memoryModel';
import { isBlank } from '../core/cells';

/** What a cell shows: text written with a leading apostrophe (Excel's "keep as text") without it. */
export function shown(v: CellValue | undefined): CellValue {
  if (v === undefined) return null;
  if (typeof v === 'string' && v.startsWith("'")) return v.slice(1);
  return v;
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

/**
 * Computes every `=GAPS.` formula of a sheet into `grid` (its shown values), spilling arrays, and
 * records the message of each error cell in `notes` by "row,col".
 */
export function computeFormulas(
  s: Readonly<MemorySheet>,
  grid: CellValue[][],
  functions: FunctionRegistry,
  read: (ref: RangeRef) => CellValue[][],
  notes: Map<string, string>,
): void {
  const claimed = new Set<string>();
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r];
    for (let c = 0; c < row.length; c++) {
      const raw = row[c];
      if (!isFormula(raw)) continue;
      const call = parseGapsFormula(raw);
      if (!call) continue;
      const { value: result, messages } = evaluateCallDetailed(call, functions, read);
      if (!Array.isArray(result)) {
        grid[r][c] = result;
        const m = messages.get('0,0');
        if (m !== undefined) notes.set(`${r},${c}`, m);
        continue;
      }
      const blocked = result.some((line, i) =>
        line.some((_, j) => (i > 0 || j > 0) && (!isBlank(s.values[r + i]?.[c + j] ?? null) || claimed.has(`${r + i},${c + j}`))),
      );
      if (blocked) {
        grid[r][c] = '#SPILL!';
        notes.set(`${r},${c}`, `The result needs ${result.length} x ${result[0]?.length ?? 0} cells from here, and some of them are not empty: clear them to see it.`);
        continue;
      }
      for (const [key, m] of messages) {
        const [i, j] = key.split(',').map(Number);
        notes.set(`${r + i},${c + j}`, m);
      }
      result.forEach((line, i) => {
        while (grid.length <= r + i) grid.push([]);
        const target = grid[r + i];
        while (target.length < c + line.length) target.push(null);
        line.forEach((v, j) => {
          target[c + j] = v;
          claimed.add(`${r + i},${c + j}`);
        });
      });
    }
  }
}
