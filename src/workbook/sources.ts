/**
 * How a data source is read, decided once for both workbooks (Excel and in memory): which cells a
 * selection stands for, how each source is described in messages, and what is said when a source
 * cannot be read.
 *
 * - A single selected cell stands for all the data on its sheet (the used range).
 * - A larger selection reads no further down or right than the sheet's data (a whole-column
 *   selection stops at the last used row, a whole-row selection at the last used column), and reads
 *   at least one row and one column.
 * - A read larger than Excel on the web hands over (5 million cells) is refused with a message
 *   before it starts (`checkReadSize`).
 *
 * @example selectionArea({ row: 0, col: 0, rows: 1048576, cols: 2 }, { row: 0, col: 0, rows: 31, cols: 5 })
 * // { row: 0, col: 0, rows: 31, cols: 2 }
 */
import { parseRangeRef, sheetRangeAddress } from './a1';

/** A rectangle of cells (0-based): top-left row and column, height and width. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A rectangle of cells on a named sheet. */
export interface SheetArea extends Area {
  sheet: string;
}

/** Whether a selection is a single cell (which stands for the whole sheet's data). */
export function isSingleCell(selection: Area): boolean {
  return selection.rows * selection.cols === 1;
}

/** The cells a selection of several cells reads: trimmed to the sheet's used rows and columns, at least one of each. */
export function selectionArea(selection: Area, used: Area): Area {
  const lastRow = Math.min(selection.row + selection.rows, used.row + used.rows);
  const lastCol = Math.min(selection.col + selection.cols, used.col + used.cols);
  return { row: selection.row, col: selection.col, rows: Math.max(1, lastRow - selection.row), cols: Math.max(1, lastCol - selection.col) };
}

/**
 * The cells a selection reads on its sheet and how they are described, given the sheet's used range
 * (null when the sheet is empty, refused with a message saying to select the data): a single cell
 * stands for the used range, a larger selection is trimmed to it.
 */
export function selectionRead(sheet: string, selection: Area, used: Area | null): { area: Area; description: string } {
  if (!used) throw emptySelectionSheetError(sheet);
  if (isSingleCell(selection)) return { area: used, description: singleCellDescription(sheet) };
  const area = selectionArea(selection, used);
  return { area, description: selectionDescription(sheet, area) };
}

/**
 * The block of cells an address saved for reading again stands for ("'Year 9'!A1:F31"), or null
 * when it is not a block of rows on a named sheet.
 */
export function rereadArea(address: string): SheetArea | null {
  const ref = parseRangeRef(address);
  if (!ref || !ref.sheet || ref.lastRow === null) return null;
  return { sheet: ref.sheet, row: ref.row, col: ref.col, rows: ref.lastRow - ref.row + 1, cols: ref.lastCol - ref.col + 1 };
}

/** Excel on the web refuses to read more cells than this in one operation. */
export const MAX_READ_CELLS = 5_000_000;

/** Throws a clear Error before reading an area larger than Excel on the web can hand over. */
export function checkReadSize(area: SheetArea): void {
  const cells = area.rows * area.cols;
  if (cells > MAX_READ_CELLS) {
    throw new Error(
      `${sheetRangeAddress(area.sheet, area.row, area.col, area.rows, area.cols)} holds ${cells.toLocaleString('en-GB')} cells, more than the ${MAX_READ_CELLS.toLocaleString('en-GB')} Excel on the web can read at once. ` +
        'Select only the pupils\' rows and the columns you need, or put the data in a table and choose the table.',
    );
  }
}

export function tableDescription(table: string, sheet: string): string {
  return `table ${table} on sheet ${sheet}`;
}

export function sheetDescription(sheet: string): string {
  return `sheet ${sheet}`;
}

/** A sheet read whole because only one of its cells was selected. */
export function singleCellDescription(sheet: string): string {
  return `sheet ${sheet} (all its data: only one cell was selected)`;
}

export function selectionDescription(sheet: string, area: Area): string {
  return `selection ${sheetRangeAddress(sheet, area.row, area.col, area.rows, area.cols)}`;
}

export function noTableError(name: string): Error {
  return new Error(`There is no table called "${name}" in this workbook. Choose another table, or a sheet.`);
}

export function noSheetError(name: string): Error {
  return new Error(`There is no sheet called "${name}" in this workbook.`);
}

/** A sheet chosen as the data source holds nothing. */
export function emptySheetError(sheet: string): Error {
  return new Error(`The sheet "${sheet}" is empty: choose the sheet or table that holds your pupils' data.`);
}

/** The selection is on a sheet that holds nothing. */
export function emptySelectionSheetError(sheet: string): Error {
  return new Error(`The sheet "${sheet}" is empty: select your data including its header row, or choose a table or a sheet.`);
}
