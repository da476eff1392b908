/**
 * Shared rules for turning a block of cells into `TableData` and for preparing values to write,
 * so the in-memory and the Excel workbooks read and write exactly alike.
 */
import { isBlank } from '../core/cells';
import { isDateFormat } from '../core/dates';
import { showsAsZero } from '../core/numberText';
import type { Block, CellValue, TableData } from './port';
import { MAX_COLS, MAX_ROWS, sheetRangeAddress } from './a1';
import type { Area } from './sources';
import { shownValue } from './cellText';

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
 * A block's cells ready to write, the same way in every workbook: made rectangular, negatives that
 * their format shows as zero written as 0 (see `withoutNegativeZeros`), checked to lie inside
 * Excel's grid, and a table's header row made into valid distinct headers; null for a block with no
 * cells.
 */
export function blockCells(b: Block, index: number, sheetName: string): { values: CellValue[][]; rows: number; cols: number } | null {
  const values = withoutNegativeZeros(rectangular(b.values), b.numberFormat);
  const rows = values.length;
  const cols = rows === 0 ? 0 : values[0].length;
  if (rows === 0 || cols === 0) return null;
  checkInsideGrid(b.row, b.col, rows, cols, `Block ${index + 1} of "${sheetName}"`);
  if (b.table) values[0] = tableHeaders(values[0]);
  return { values, rows, cols };
}

/**
 * The decimals a number format shows a negative number with (its second section when it has one),
 * and 100 for a percentage; null for formats without fixed decimals (General, text, dates).
 *
 * @example negativeDecimals('+0.00;-0.00;0.00') // { decimals: 2, scale: 1 }
 */
export function negativeDecimals(format: string | null): { decimals: number; scale: number } | null {
  if (!format || isDateFormat(format)) return null;
  const sections = format.split(';');
  const section = (sections.length >= 2 ? sections[1] : sections[0]).replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (/general|@/i.test(section) || !/[0#?]/.test(section)) return null;
  return { decimals: /\.([0#?]+)/.exec(section)?.[1].length ?? 0, scale: section.includes('%') ? 100 : 1 };
}

/**
 * Values with every negative number that its column's format shows as zero (-0.004 under "0.00",
 * -0.0004 under "0.0%") made 0, so no cell the add-in writes shows "-0.00" (the rule is
 * `showsAsZero`). Numbers under General, text and other values are as they are.
 */
export function withoutNegativeZeros(values: CellValue[][], numberFormat: Block['numberFormat']): CellValue[][] {
  if (numberFormat === undefined) return values;
  const shown = values[0]?.map((_, c) => negativeDecimals(formatOfColumn(numberFormat, c))) ?? [];
  if (!shown.some((x) => x !== null)) return values;
  return values.map((line) =>
    line.map((v, c) => {
      const f = shown[c];
      return f && typeof v === 'number' && (v < 0 || Object.is(v, -0)) && showsAsZero(v * f.scale, f.decimals) ? 0 : v;
    }),
  );
}

/** "row,col" of a cell, for sets of cells. */
export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** Two cell values that show the same thing (blank and "" alike; marked text as its text). */
function sameShown(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const norm = (v: CellValue | undefined): CellValue => (v === undefined || v === '' ? null : shownValue(v));
  return norm(a) === norm(b);
}

/**
 * The people's cells a rewrite leaves exactly as they are (value or formula, and formats): the cells
 * of `userCells` whose current content shows what the add-in would write there (a colleague's
 * `=HYPERLINK(...)` showing "Policy" where the add-in writes "Policy"), or that stay blank. A cell
 * the add-in would give a formula, or a different value, is written.
 *
 * @param current what each cell shows now (as `values` reads it)
 */
export function keptCells(userCells: ReadonlyArray<Area>, blocks: ReadonlyArray<Block>, current: (row: number, col: number) => CellValue | undefined): Set<string> {
  const desired = new Map<string, CellValue>();
  blocks.forEach((b) => {
    const values = rectangular(b.values);
    values.forEach((line, r) => line.forEach((v, c) => desired.set(cellKey(b.row + r, b.col + c), v)));
  });
  const kept = new Set<string>();
  for (const a of userCells) {
    for (let r = a.row; r < a.row + a.rows; r++) {
      for (let c = a.col; c < a.col + a.cols; c++) {
        const want = desired.get(cellKey(r, c)) ?? null;
        if (!isFormula(want) && sameShown(want, current(r, c))) kept.add(cellKey(r, c));
      }
    }
  }
  return kept;
}

/**
 * A block cut into pieces that leave the kept cells alone: one piece per run of other cells in a
 * row (rows with no kept cell stay whole, consecutive ones together), each with its part of the
 * values, number formats and row tones; the header style only on pieces of the first row. The
 * table, if any, is not in the pieces: the caller makes it over the whole block.
 */
export function piecesAround(b: Block, kept: ReadonlySet<string>): Block[] {
  const values = rectangular(b.values);
  const rows = values.length;
  const cols = rows === 0 ? 0 : values[0].length;
  const piece = (r0: number, r1: number, c0: number, c1: number): Block => ({
    row: b.row + r0,
    col: b.col + c0,
    values: values.slice(r0, r1).map((line) => line.slice(c0, c1)),
    numberFormat: Array.isArray(b.numberFormat) ? b.numberFormat.slice(c0, c1) : b.numberFormat,
    style: b.style,
    headerStyle: r0 === 0 ? b.headerStyle : undefined,
    rowTones: b.rowTones?.slice(r0, r1),
    wrap: b.wrap,
  });
  const out: Block[] = [];
  let whole = -1; // start of a run of rows with no kept cell
  for (let r = 0; r <= rows; r++) {
    const keptHere = r < rows ? Array.from({ length: cols }, (_, c) => kept.has(cellKey(b.row + r, b.col + c))) : null;
    const clean = keptHere !== null && !keptHere.some(Boolean) && r !== 0; // the header row stays alone
    if (clean) {
      if (whole < 0) whole = r;
      continue;
    }
    if (whole >= 0) out.push(piece(whole, r, 0, cols));
    whole = -1;
    if (keptHere === null) break;
    let c = 0;
    while (c < cols) {
      if (keptHere[c]) {
        c += 1;
        continue;
      }
      let end = c;
      while (end < cols && !keptHere[end]) end += 1;
      out.push(piece(r, r + 1, c, end));
      c = end;
    }
  }
  return out;
}

/**
 * The rectangles of a sheet's grid outside the kept cells: what a rewrite clears. Rows with no kept
 * cell come together in full-width bands; consecutive rows keeping the same columns share pieces.
 */
export function areasAround(kept: ReadonlySet<string>, maxRows = MAX_ROWS, maxCols = MAX_COLS): Area[] {
  const byRow = new Map<number, number[]>();
  for (const k of kept) {
    const [r, c] = k.split(',').map(Number);
    byRow.set(r, [...(byRow.get(r) ?? []), c]);
  }
  const rowsKept = [...byRow.keys()].sort((a, b) => a - b);
  const out: Area[] = [];
  let next = 0;
  let i = 0;
  while (i < rowsKept.length) {
    const r = rowsKept[i];
    if (r > next) out.push({ row: next, col: 0, rows: r - next, cols: maxCols });
    const colsKept = [...new Set(byRow.get(r))].sort((a, b) => a - b);
    let end = r + 1;
    while (i + 1 < rowsKept.length && rowsKept[i + 1] === end && [...new Set(byRow.get(end))].sort((a, b) => a - b).join() === colsKept.join()) {
      end += 1;
      i += 1;
    }
    let c = 0;
    for (const k of colsKept) {
      if (k > c) out.push({ row: r, col: c, rows: end - r, cols: k - c });
      c = k + 1;
    }
    if (c < maxCols) out.push({ row: r, col: c, rows: end - r, cols: maxCols - c });
    next = end;
    i += 1;
  }
  if (next < maxRows) out.push({ row: next, col: 0, rows: maxRows - next, cols: maxCols });
  return out;
}

/** A block's number format for one of its columns (a string for all, or one per column). */
export function formatOfColumn(numberFormat: Block['numberFormat'], col: number): string | null {
  if (typeof numberFormat === 'string') return numberFormat;
  return numberFormat?.[col] ?? null;
}

/**
 * Values to write in a workbook's date system: every number under a date format (see
 * `isDateFormat`) moved from the 1900 system by `-days` (`DAYS_1904_TO_1900` in a 1904-system
 * workbook, 0 otherwise); everything else as it is.
 *
 * @example toDateSystem([[46348]], ['yyyy-mm-dd'], 1462) // [[44886]]: 22 Nov 2026 in the 1904 system
 */
export function toDateSystem(values: CellValue[][], numberFormat: Block['numberFormat'], days: number): CellValue[][] {
  if (days === 0 || numberFormat === undefined) return values;
  const dated = values[0]?.map((_, c) => isDateFormat(formatOfColumn(numberFormat, c))) ?? [];
  if (!dated.some(Boolean)) return values;
  return values.map((line) => line.map((v, c) => (dated[c] && typeof v === 'number' ? v - days : v)));
}

/**
 * Values read from a workbook in its date system as 1900-system values: a number in a cell whose
 * number format shows a date moved by `+days` (the reverse of `toDateSystem`).
 */
export function fromDateSystem(values: CellValue[][], formats: ReadonlyArray<ReadonlyArray<unknown>>, days: number): CellValue[][] {
  if (days === 0) return values;
  return values.map((line, r) => line.map((v, c) => (typeof v === 'number' && isDateFormat(typeof formats[r]?.[c] === 'string' ? (formats[r][c] as string) : null) ? v + days : v)));
}
