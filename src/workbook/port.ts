/**
 * The only way the task pane touches a workbook.
 *
 * Screens receive a `WorkbookPort` (through `useWorkbook()`), read data with it, hand the data to
 * `src/core/`, and write what the core built back as a `SheetSpec`. Two implementations exist:
 * `src/office/excelWorkbook.ts` (Office.js, batched: a constant number of `context.sync` calls per
 * operation) and `src/workbook/memoryWorkbook.ts` (a plain in-memory model for the browser preview
 * and the end-to-end tests). Data flows one way: workbook -> core -> report -> workbook.
 *
 * Rules every implementation keeps:
 * - It never edits a cell it did not create: `writeSheet` with `mode: 'new'` always makes a new
 *   sheet with a unique name; `mode: 'replace'` only rewrites a sheet the add-in owns (one it
 *   created earlier, recorded in the add-in's state or, when the state lost it, recognised by the
 *   mark the sheet carries), and refuses any other. On a replaced sheet, the cells people edit
 *   (`SheetSpec.userCells`) are left as they are where they show what the add-in would write.
 * - Text reaches the sheet as the text it is (see `cellText.ts`); state saves write only their row.
 * - Everything it writes lives in the workbook, so colleagues without the add-in can read it.
 */

/** A cell value as read from or written to a sheet. Formulas are strings that start with "=". */
export type CellValue = string | number | boolean | null;

export interface SheetInfo {
  name: string;
  visible: boolean;
}

export interface TableInfo {
  /** The Excel table's name (e.g. "Tracker"). */
  name: string;
  /** The sheet it sits on. */
  sheet: string;
  /** Number of data rows (without the header row). */
  rowCount: number;
}

/** Where the data for an analysis comes from. */
export type DataSource =
  | { kind: 'selection' }
  | { kind: 'table'; name: string }
  | { kind: 'sheet'; name: string }
  /** A block read before (e.g. the cells that were selected), by its sheet-qualified A1 address. */
  | { kind: 'range'; address: string };

/** A block of data as read: the first row of the range is taken as headers. */
export interface TableData {
  /** Human description for report headers, e.g. "table Tracker on sheet Year 9" or "Sheet1!A1:K181". */
  description: string;
  /** Address of the whole block including headers, e.g. "'Year 9'!A1:AB181" (A1 style, sheet-qualified). */
  address: string;
  /** Header texts, one per column (blank headers become "Column N"). */
  headers: string[];
  /** Data rows (without the header row), each as long as `headers`. */
  rows: CellValue[][];
}

export type CellStyle = 'title' | 'subtitle' | 'header' | 'note' | 'muted' | 'warning' | 'good' | 'bad' | 'input';

/** Fill colours a report may use, by meaning; implementations choose the actual colours. */
export type Tone = 'good' | 'bad' | 'warning' | 'muted' | 'neutral';

/** A rectangle of cells to write, positioned by 0-based row and column on the sheet. */
export interface Block {
  row: number;
  col: number;
  /** Values row by row; strings starting with "=" are written as formulas. */
  values: CellValue[][];
  /** One number format for the whole block, or one per column (null = General). */
  numberFormat?: string | Array<string | null>;
  /** Style for the whole block. */
  style?: CellStyle;
  /** Style for the block's first row only (e.g. 'header'). */
  headerStyle?: CellStyle;
  /**
   * Make the block a native Excel table (first row = headers). The name is made unique in the
   * workbook by the implementation. Table blocks must hold plain values (no merged cells).
   */
  table?: { name: string; style?: string };
  /** Per-row fill tone (same length as values, null = none), e.g. grey for small groups. */
  rowTones?: Array<Tone | null>;
  /** Wrap text in this block. */
  wrap?: boolean;
}

/** Conditional colour on a column of numbers: a 3-colour scale, or a rule against a threshold. */
export interface ConditionalFormat {
  /** Address relative to the sheet, in 0-based row/col/height/width. */
  row: number;
  col: number;
  rows: number;
  cols: number;
  kind: 'colorScale' | 'greaterThan' | 'lessThan';
  /** For greaterThan / lessThan. */
  value?: number;
  tone?: Tone;
}

/** One series of a scatter chart: x and y from two columns of the same rows. */
export interface ScatterSeries {
  name: string;
  /** 0-based first row and number of rows (no header). */
  row: number;
  rows: number;
  xCol: number;
  yCol: number;
  /** Points only, a solid line without markers, or a dashed line without markers. */
  style: 'markers' | 'line' | 'dashed';
}

/** A native chart drawn from a block already on the sheet. */
export interface ChartSpec {
  /** 'scatter' draws the `scatter` series (x against y); every other type reads `data`. */
  type: 'columnClustered' | 'barClustered' | 'line' | 'lineMarkers' | 'scatter';
  title: string;
  /** Data range in 0-based coordinates, first row = series names, first column = categories. */
  data: { row: number; col: number; rows: number; cols: number };
  /** Series are in columns (default) or rows. */
  seriesBy?: 'columns' | 'rows';
  /** Where to place it: top-left cell and size in points. */
  at: { row: number; col: number };
  width?: number;
  height?: number;
  /** Optional error bars: for each series, the 0-based column holding +/- half widths (same rows). */
  errorBars?: { plusCol: number; minusCol: number };
  /**
   * Optional: the 0-based columns holding each row's interval limits (same rows as the data). Excel
   * draws them as dash markers above and below each column, because Office.js cannot give error
   * bars custom amounts; give it together with `errorBars` so every implementation shows the interval.
   */
  interval?: { lowerCol: number; upperCol: number };
  yAxisTitle?: string;
  /** Number format of the value axis' labels (e.g. "0%" for scores from 0 to 1); the data's own format otherwise. */
  yAxisFormat?: string;
  /** For 'scatter': the series to draw, first drawn first (its columns should also be `data`). */
  scatter?: ScatterSeries[];
  xAxisTitle?: string;
}

/** A whole sheet to write in one batch. */
export interface SheetSpec {
  /** Desired name; for mode 'new' a suffix is added when taken ("Gap report 2026-11-22 (2)"). */
  name: string;
  mode: 'new' | 'replace';
  blocks: Block[];
  conditionalFormats?: ConditionalFormat[];
  charts?: ChartSpec[];
  /** Column widths in points, from column A. */
  columnWidths?: number[];
  /** Freeze this many top rows. */
  freezeRows?: number;
  /** Landscape, fit to one page wide, for printing. */
  printLandscape?: boolean;
  /** Portrait, fit to one page wide (as many pages tall as it needs), for printing. */
  printFitToWidth?: boolean;
  /** Repeat this many top rows at the top of every printed page. */
  printTitleRows?: number;
  tabTone?: Tone;
  /** Make the sheet active after writing (default true). */
  activate?: boolean;
  /**
   * The cells people edit (0-based rectangles, e.g. a register's Notes column). When an existing
   * sheet is replaced, a cell here whose content shows what the add-in would write (or stays
   * blank) is left exactly as it is: a colleague's formula, hyperlink and formatting survive. The
   * add-in rewrites only the other cells.
   */
  userCells?: Array<{ row: number; col: number; rows: number; cols: number }>;
}

export interface WriteResult {
  /** The sheet's final name. */
  sheetName: string;
  /** The used address written, e.g. "'Gap report 2026-11-22'!A1:N48". */
  address: string;
}

export interface ProgressInfo {
  done: number;
  total: number;
  message: string;
}

export interface WorkbookPort {
  /** "excel" inside Excel, "memory" in the browser preview and tests. */
  readonly kind: 'excel' | 'memory';
  listSheets(): Promise<SheetInfo[]>;
  listTables(): Promise<TableInfo[]>;
  /** Reads a table, a sheet's used range or the current selection, first row as headers. */
  readData(source: DataSource, onProgress?: (p: ProgressInfo) => void): Promise<TableData>;
  /** Reads a sheet's used range as values (no header handling); null when the sheet is absent. */
  readSheetValues(name: string): Promise<CellValue[][] | null>;
  /** Writes a sheet in one batch (see `SheetSpec`). */
  writeSheet(spec: SheetSpec): Promise<WriteResult>;
  /** True when a sheet of that name exists and the add-in created it. */
  ownsSheet(name: string): Promise<boolean>;
  /** Reads the add-in's own state saved in the workbook (a very hidden sheet); null if none. */
  loadState(key: string): Promise<string | null>;
  /** Saves the add-in's own state into the workbook (travels with the file, syncs to co-authors). */
  saveState(key: string, value: string): Promise<void>;
  /** Moves the user to a sheet (after writing a report). */
  activateSheet(name: string): Promise<void>;
}
