/**
 * How a data source is read, decided once for both workbooks (Excel and in memory): which cells a
 * selection stands for, how each source is described in messages, and what is said when a source
 * cannot be read.
 *
 * - A single selected cell stands for all the data on its sheet (the used range).
 * - A larger selection reads no further down than the sheet's data (a whole-column selection stops
 *   at the last used row), and reads at least one row.
 *
 * @example selectionArea({ row: 0, col: 0, rows: 1048576, cols: 2 }, { row: 0, col: 0, rows: 31, cols: 5 })
 * // { row: 0, col: 0, rows: 31, cols: 2 }
 */
import { sheetRangeAddress } from './a1';

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

/** The cells a selection of several cells reads: trimmed to the sheet's used rows, at least one row. */
export function selectionArea(selection: Area, used: Area): Area {
  const lastRow = Math.min(selection.row + selection.rows, used.row + used.rows);
  return { row: selection.row, col: selection.col, rows: Math.max(1, lastRow - selection.row), cols: selection.cols };
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
