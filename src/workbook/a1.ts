/**
 * A1 addresses: column letters, cell and range addresses, sheet-name quoting, and parsing the range
 * references a formula may hold (`C2:C181`, `$C$2:$C$181`, `'Year 9'!C2:C181`, `C:C`).
 *
 * Rows and columns are 0-based in the add-in (as in `Block`) and 1-based in A1 text.
 */

/** Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/**
 * The column letters of a 0-based column index.
 *
 * @example columnLetters(0)   // "A"
 * @example columnLetters(27)  // "AB"
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The 0-based column index of column letters ("A" = 0, "AB" = 27); -1 when not letters. */
export function columnIndex(letters: string): number {
  const t = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return -1;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C5" for row 4, column 2; "$C$5" when `absolute`. */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/** "A1:C10" for a rectangle (a single cell gives "A1"). */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const first = cellAddress(row, col);
  if (rows <= 1 && cols <= 1) return first;
  return `${first}:${cellAddress(row + Math.max(rows, 1) - 1, col + Math.max(cols, 1) - 1)}`;
}

/** A sheet name as formulas write it: quoted when it holds anything but letters, digits, "_" and ".". */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Year 9'!A1:C10". */
export function sheetRangeAddress(sheet: string, row: number, col: number, rows: number, cols: number): string {
  return `${quoteSheet(sheet)}!${rangeAddress(row, col, rows, cols)}`;
}

/** A parsed range reference: 0-based, inclusive ends; `lastRow` null for a whole column ("C:C"). */
export interface RangeRef {
  sheet: string | null;
  row: number;
  col: number;
  lastRow: number | null;
  lastCol: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;

/**
 * Parses a reference such as `C2:C181`, `$C$2`, `'Year 9'!C2:C181`, `Sheet1!C:C`; null when the
 * text is not a reference (a number, a name, a function call).
 *
 * @example parseRangeRef("'Year 9'!$C$2:C4") // { sheet: "Year 9", row: 1, col: 2, lastRow: 3, lastCol: 2 }
 */
export function parseRangeRef(text: string): RangeRef | null {
  let t = text.trim();
  let sheet: string | null = null;
  const bang = t.lastIndexOf('!');
  if (bang >= 0) {
    const s = t.slice(0, bang);
    t = t.slice(bang + 1);
    if (s.startsWith("'")) {
      if (!s.endsWith("'") || s.length < 3) return null;
      sheet = s.slice(1, -1).replace(/''/g, "'");
    } else {
      if (!/^[^\s'!:()",]+$/.test(s)) return null;
      sheet = s;
    }
  }
  const parts = t.split(':');
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) return null;
    const col = columnIndex(m[1]);
    const row = Number(m[2]) - 1;
    if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
    return { sheet, row, col, lastRow: row, lastCol: col };
  }
  if (parts.length !== 2) return null;
  const a = CELL.exec(parts[0]);
  const b = CELL.exec(parts[1]);
  if (a && b) {
    const c1 = columnIndex(a[1]);
    const c2 = columnIndex(b[1]);
    const r1 = Number(a[2]) - 1;
    const r2 = Number(b[2]) - 1;
    if (c1 < 0 || c2 < 0 || c1 >= MAX_COLS || c2 >= MAX_COLS || r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return null;
    return { sheet, row: Math.min(r1, r2), col: Math.min(c1, c2), lastRow: Math.max(r1, r2), lastCol: Math.max(c1, c2) };
  }
  const ca = COLUMN.exec(parts[0]);
  const cb = COLUMN.exec(parts[1]);
  if (ca && cb) {
    const c1 = columnIndex(ca[1]);
    const c2 = columnIndex(cb[1]);
    if (c1 < 0 || c2 < 0 || c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { sheet, row: 0, col: Math.min(c1, c2), lastRow: null, lastCol: Math.max(c1, c2) };
  }
  return null;
}
