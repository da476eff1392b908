/**
 * Shared rules for turning a block of cells into `TableData` and for preparing values to write,
 * so the in-memory and the Excel workbooks read and write exactly alike.
 */
import { isBlank } from '../core/cells';
import type { Block, CellValue, TableData } from './port';
import { MAX_COLS, MAX_ROWS, sheetRangeAddress } from './a1';

/** Where a block read from a sheet starts (0-based). */
export interface Origin {
  sheet: string;
  row: number;
  col: number;
}

/**
 * A block as read: first row = headers (trimmed text; a blank header becomes "Column N", N counted
 * from the block's first column), the other rows padded to the headers' length, and trailing rows
 * that are entirely blank dropped. The address covers the header row and the rows kept.
 *
 * @example toTableData([["Score", null], [5, "Y"], [null, " "]], { sheet: "S", row: 0, col: 0 }, "sheet S")
 *   // { headers: ["Score", "Column 2"], rows: [[5, "Y"]], address: "S!A1:B2", ... }
 */
export function toTableData(values: ReadonlyArray<ReadonlyArray<CellValue>>, origin: Origin, description: string): TableData {
  if (values.length === 0) return { description, address: sheetRangeAddress(origin.sheet, origin.row, origin.col, 1, 1), headers: [], rows: [] };
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const h = values[0][c];
    headers.push(isBlank(h) ? `Column ${c + 1}` : String(h).trim());
  }
  let end = values.length;
  while (end > 1 && values[end - 1].every(isBlank)) end -= 1;
  const rows: CellValue[][] = [];
  for (let r = 1; r < end; r++) {
    const src = values[r];
    const row: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = c < src.length && src[c] !== undefined ? src[c] : null;
    rows.push(row);
  }
  const address = sheetRangeAddress(origin.sheet, origin.row, origin.col, end, Math.max(1, width));
  return { description, address, headers, rows };
}

/**
 * A block's values as a rectangle Excel accepts: rows padded with blanks to the widest row, and
 * numbers that are not finite (NaN, Infinity: Excel rejects them and the whole write would fail)
 * written as blanks.
 */
export function rectangular(values: ReadonlyArray<ReadonlyArray<CellValue>>): CellValue[][] {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  return values.map((r) => {
    const out: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = c < r.length ? r[c] : null;
      out[c] = v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v;
    }
    return out;
  });
}

/** Throws a clear Error when a block would fall outside Excel's grid. */
export function checkInsideGrid(row: number, col: number, rows: number, cols: number, what: string): void {
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
    throw new Error(`${what} does not fit on a worksheet (row ${row + 1}, column ${col + 1}, ${rows} x ${cols} cells): Excel sheets have ${MAX_ROWS} rows and ${MAX_COLS} columns.`);
  }
}

/** True for a string Excel would take as a formula when written. */
export function isFormula(v: unknown): v is string {
  return typeof v === 'string' && v.length > 1 && v.startsWith('=');
}

/**
 * A table's header row as Excel keeps it: text, a blank header named "Column N", and a repeated
 * header numbered ("Score", "Score 2") so Excel does not rename it behind the report's back.
 */
export function tableHeaders(row: ReadonlyArray<CellValue>): string[] {
  const seen = new Set<string>();
  return row.map((h, c) => {
    const base = isBlank(h) ? `Column ${c + 1}` : String(h).trim();
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * A block's cells ready to write, the same way in every workbook: made rectangular, checked to lie
 * inside Excel's grid, and a table's header row made into valid distinct headers; null for a block
 * with no cells.
 */
export function blockCells(b: Block, index: number, sheetName: string): { values: CellValue[][]; rows: number; cols: number } | null {
  const values = rectangular(b.values);
  const rows = values.length;
  const cols = rows === 0 ? 0 : values[0].length;
  if (rows === 0 || cols === 0) return null;
  checkInsideGrid(b.row, b.col, rows, cols, `Block ${index + 1} of "${sheetName}"`);
  if (b.table) values[0] = tableHeaders(values[0]);
  return { values, rows, cols };
}
