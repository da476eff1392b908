/**
 * The workbook inside Excel, through Office.js. Thin and batched: every operation queues its loads,
 * syncs once, computes in plain TypeScript, queues all its writes and syncs once more, so the number
 * of `context.sync` calls does not grow with the number of pupils.
 *
 * - Reading: the range's size is learnt first, then values are loaded in row chunks of at most
 *   `CHUNK_CELLS` cells, as many chunks per sync as the response budget allows (Excel on the web
 *   refuses responses over about 5 MB and reads over 5 million cells).
 * - State: a very hidden worksheet "CTG_State" holds one row per key (long values split across
 *   cells below Excel's 32,767-character cell limit), including the list of sheets the add-in made.
 *   A save re-reads the sheet and writes only its key's row, never clearing it (co-authors).
 * - Ownership: a sheet is the add-in's when it carries the add-in's sheet-level name `CTG_Owned`
 *   and its name is in that list, or the mark's comment records this name (recovery when the list
 *   lost it). A sheet a user re-creates under the same name has no mark; Excel's worksheet ids
 *   change between sessions, so they cannot be used.
 * - Rewriting an owned sheet: people's cells that still show what the add-in writes are left alone
 *   (see `keptCells`); the add-in's other cells are emptied and given the Normal style, never
 *   cleared with "All", so colleagues' data validation stays; of the conditional formats only the
 *   add-in's own are deleted (see `conditionalFormats.ts`), and the write adds them again.
 * - Dates: above this layer every date serial is in the 1900 date system. Each read of the add-in's
 *   sheets and each write asks Excel which system the workbook uses (`DATE(1904,1,1)` through the
 *   worksheet functions, ExcelApi 1.2: 0 in the 1904 system, 1462 in the 1900 one; no cell is
 *   written) and, in a 1904-system workbook, moves the numbers under date formats by 1462 days.
 * - Error bars on charts: the API cannot set custom error amounts, so a chart's `interval` limits
 *   are drawn as dash markers above and below each column instead, and reports keep the interval
 *   columns beside each chart.
 */
import type {
  Block,
  CellStyle,
  CellValue,
  ChartSpec,
  ConditionalFormat,
  DataSource,
  ProgressInfo,
  SheetInfo,
  SheetSpec,
  TableData,
  TableInfo,
  WorkbookPort,
  WriteResult,
} from '../workbook/port';
import { sheetRangeAddress } from '../workbook/a1';
import { areasAround, blockCells, cellKey, fromDateSystem, isFormula, keptCells, piecesAround, toDateSystem, toTableData } from '../workbook/grid';
import { DAYS_1904_TO_1900 } from '../core/dates';
import { sameName, sanitiseSheetName, uniqueSheetName, uniqueTableName } from '../workbook/names';
import { addInRule, isAddInsConditionalFormat, type SheetConditionalFormat } from '../workbook/conditionalFormats';
import { isOwnedSheet, markText, notOwnedError, OWNED_SHEETS_KEY, parseOwned, recordOwned, serialiseOwned } from '../workbook/owned';
import { checkReadSize, emptySheetError, noSheetError, noTableError, rereadArea, selectionDescription, selectionRead, sheetDescription, tableDescription, type SheetArea } from '../workbook/sources';
import { decodeState, planStateWrite } from '../workbook/stateCells';
import { markedText, toExcelValue } from '../workbook/cellText';
import { INTERVAL_COLOUR, SCATTER_LINE_COLOURS, STYLE_FORMATS, TONE_FILLS, scatterBaseName } from '../workbook/palette';

export const STATE_SHEET = 'CTG_State';
/** Excel's built-in "Normal" cell style (`Excel.BuiltInStyle.normal`, the same name in every language). */
const NORMAL_STYLE = 'Normal';
export const OWNED_MARK = 'CTG_Owned';
/** Largest number of cells loaded in one chunk. */
export const CHUNK_CELLS = 200_000;
/** Cells loaded per sync: about 4 MB of response at an estimated 10 bytes per cell. */
export const CELLS_PER_SYNC = 400_000;

/** Runs a batch against the workbook; `Excel.run` inside Excel, a mock in tests. */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') {
    throw new Error('Closing the Gap is not running inside Excel, so it cannot reach a workbook. Open it from Excel, or try it in the browser preview (preview.html).');
  }
  return Excel.run(batch);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Excel returns "" for an empty cell: the add-in works with null. */
function fromExcel(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map((v) => (v === '' || v === undefined ? null : (v as CellValue))));
}

const toExcel = toExcelValue;

type Rect = SheetArea;

export class ExcelWorkbook implements WorkbookPort {
  readonly kind = 'excel' as const;

  constructor(private readonly run: BatchRunner = excelRun) {}

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      await context.sync();
      return sheets.items.filter((s) => s.name !== STATE_SHEET).map((s) => ({ name: s.name, visible: s.visibility === 'Visible' }));
    });
  }

  async listTables(): Promise<TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables.load('items/name,items/worksheet/name');
      await context.sync();
      const ranges = tables.items.map((t) => t.getDataBodyRange().load('rowCount'));
      await context.sync();
      return tables.items.map((t, i) => ({ name: t.name, sheet: t.worksheet.name, rowCount: ranges[i].rowCount }));
    });
  }

  async readData(source: DataSource, onProgress?: (p: ProgressInfo) => void): Promise<TableData> {
    return this.run(async (context) => {
      const { rect, description } = await this.locate(context, source);
      const values = await readRect(context, rect, onProgress);
      return toTableData(values, rect, description);
    });
  }

  async readSheetValues(name: string): Promise<CellValue[][] | null> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      ws.load('name');
      const dateSystem = queueDateSystem(context);
      await context.sync();
      if (ws.isNullObject) return null;
      const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return [];
      return readRect(context, { sheet: ws.name, row: 0, col: 0, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount }, undefined, daysFrom1900(dateSystem));
    });
  }

  async ownsSheet(name: string): Promise<boolean> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      const stateSheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
      ws.load('name');
      stateSheet.load('name');
      await context.sync();
      if (ws.isNullObject) return false;
      const mark = ws.names.getItemOrNullObject(OWNED_MARK);
      mark.load('name,comment');
      const state = stateSheet.isNullObject ? null : stateSheet.getUsedRangeOrNullObject(true).load('values');
      await context.sync();
      const owned = parseOwned(state && !state.isNullObject ? (decodeState(state.values)[OWNED_SHEETS_KEY] ?? null) : null);
      return isOwnedSheet(owned, ws.name, !mark.isNullObject, mark.isNullObject ? null : mark.comment);
    });
  }

  async loadState(key: string): Promise<string | null> {
    return this.run(async (context) => {
      const state = await readState(context);
      return Object.prototype.hasOwnProperty.call(state.entries, key) ? state.entries[key] : null;
    });
  }

  async saveState(key: string, value: string): Promise<void> {
    await this.run(async (context) => {
      // Read just before writing, and only this key's row is written.
      const state = await readState(context);
      writeState(context, state.exists, state.values, key, value);
      await context.sync();
    });
  }

  async activateSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) throw noSheetError(name);
      ws.activate();
      await context.sync();
    });
  }

  async writeSheet(spec: SheetSpec): Promise<WriteResult> {
    return this.run(async (context) => {
      // 1. Names of sheets and tables, whether the target and the state sheet exist.
      const sheets = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('items/name,items/worksheet/name');
      const wanted = sanitiseSheetName(spec.name);
      const target = context.workbook.worksheets.getItemOrNullObject(wanted);
      target.load('name');
      const stateSheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
      stateSheet.load('name');
      const dateSystem = queueDateSystem(context);
      await context.sync();
      const days = daysFrom1900(dateSystem);

      // 2. The saved state, and the target's mark and charts when it may be replaced.
      const replacing = spec.mode === 'replace' && !target.isNullObject;
      const mark = replacing ? target.names.getItemOrNullObject(OWNED_MARK).load('name,comment') : null;
      const charts = replacing ? target.charts.load('items/name') : null;
      const stateRange = stateSheet.isNullObject ? null : stateSheet.getUsedRangeOrNullObject(true).load('values');
      const userAreas = replacing ? (spec.userCells ?? []).filter((a) => a.rows > 0 && a.cols > 0) : [];
      const userRanges = userAreas.map((a) => target.getRangeByIndexes(a.row, a.col, a.rows, a.cols).load(days ? 'values,numberFormat' : 'values'));
      const rules = replacing ? target.getRange().conditionalFormats.load('items/type') : null;
      await context.sync();
      // The sheet's conditional formats, read only when it has some (one more sync): which are the add-in's.
      const found = rules && rules.items.length > 0 ? await readConditionalFormats(context, rules.items) : [];

      const stateValues: unknown[][] = stateRange && !stateRange.isNullObject ? stateRange.values : [];
      const entries = decodeState(stateValues);
      const names = sheets.items.map((s) => s.name);
      const owned = parseOwned(entries[OWNED_SHEETS_KEY] ?? null).filter((o) => names.some((n) => sameName(n, o)));
      // Ownership lost from the saved list is recovered from the sheet's own mark.
      if (replacing && !isOwnedSheet(owned, target.name, mark !== null && !mark.isNullObject, mark && !mark.isNullObject ? mark.comment : null)) {
        throw notOwnedError(target.name, wanted);
      }

      // 3. Everything written in one batch.
      let ws: Excel.Worksheet;
      let sheetName: string;
      let kept = new Set<string>();
      let takenTables = tables.items.map((t) => t.name);
      if (replacing) {
        ws = target;
        sheetName = target.name;
        const userValues = userRanges.map((u) => fromDateSystem(u.values as CellValue[][], days ? u.numberFormat : [], days));
        kept = keptCells(userAreas, spec.blocks, (r, c) => {
          const i = userAreas.findIndex((a) => r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols);
          const v = i < 0 ? undefined : userValues[i][r - userAreas[i].row]?.[c - userAreas[i].col];
          return v;
        });
        // A table is unmade without deleting its cells ("Convert to Range"): people's cells in it, and
        // the drop-down lists and rules colleagues set on them, stay.
        for (const t of tables.items) if (sameName(t.worksheet.name, sheetName)) t.convertToRange();
        takenTables = tables.items.filter((t) => !sameName(t.worksheet.name, sheetName)).map((t) => t.name);
        for (const c of charts?.items ?? []) c.delete();
        // Only the add-in's own conditional formats go (the write adds them again); colleagues' stay.
        found.forEach((f, i) => {
          if (isAddInsConditionalFormat(f, spec)) rules?.items[i].delete();
        });
        // The add-in's cells are emptied and given the Normal style, never cleared with "All" or
        // "Formats": Clear All takes conditional formats and data validation off the cells, Clear
        // Formats the conditional formats (ClearApplyTo). A style replaces only the cells' formatting.
        for (const r of kept.size === 0 ? [ws.getRange()] : areasAround(kept).map((a) => ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols))) {
          r.clear('Contents');
          r.clear('Hyperlinks');
          r.style = NORMAL_STYLE;
        }
        ws.freezePanes.unfreeze();
      } else {
        sheetName = spec.mode === 'replace' ? wanted : uniqueSheetName(spec.name, names);
        ws = context.workbook.worksheets.add(sheetName);
      }
      const extent = writeBlocks(ws, sheetName, spec.blocks, takenTables, kept, days);
      for (const cf of spec.conditionalFormats ?? []) addConditionalFormat(ws, cf);
      for (const chart of spec.charts ?? []) addChart(ws, chart);
      (spec.columnWidths ?? []).forEach((w, c) => {
        ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
      });
      if (spec.freezeRows && spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
      if (spec.printLandscape) {
        ws.pageLayout.orientation = 'Landscape';
        ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      }
      if (spec.printFitToWidth) {
        ws.pageLayout.orientation = 'Portrait';
        ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      }
      if (spec.printTitleRows && spec.printTitleRows > 0) ws.pageLayout.setPrintTitleRows(`$1:$${spec.printTitleRows}`);
      if (spec.tabTone) ws.tabColor = TONE_FILLS[spec.tabTone];
      if (!replacing || mark?.isNullObject) ws.names.add(OWNED_MARK, ws.getRange('A1'), markText(sheetName));
      writeState(context, !stateSheet.isNullObject, stateValues, OWNED_SHEETS_KEY, serialiseOwned(recordOwned(owned, sheetName)));
      if (spec.activate !== false) ws.activate();
      try {
        await context.sync();
      } catch (e) {
        throw new Error(`Excel could not finish writing the sheet "${sheetName}": ${messageOf(e)}`);
      }
      return { sheetName, address: sheetRangeAddress(sheetName, 0, 0, Math.max(1, extent.rows), Math.max(1, extent.cols)) };
    });
  }

  /** Where the data for a source is: at most two syncs, whatever the source. */
  private async locate(context: Excel.RequestContext, source: DataSource): Promise<{ rect: Rect; description: string }> {
    const dims = 'rowIndex,columnIndex,rowCount,columnCount';
    // Methods are never called on an object that may be null: its existence is learnt first.
    if (source.kind === 'table') {
      const table = context.workbook.tables.getItemOrNullObject(source.name);
      table.load('name,showTotals,worksheet/name');
      await context.sync();
      if (table.isNullObject) throw noTableError(source.name);
      const range = table.getRange().load(dims);
      await context.sync();
      // A totals row is not a pupil: the table is read down to the end of its data.
      const rect = rectOf(table.worksheet.name, range);
      if (table.showTotals) rect.rows = Math.max(1, rect.rows - 1);
      return { rect, description: tableDescription(table.name, table.worksheet.name) };
    }
    if (source.kind === 'sheet') {
      const ws = context.workbook.worksheets.getItemOrNullObject(source.name);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) throw noSheetError(source.name);
      const used = ws.getUsedRangeOrNullObject(true).load(dims);
      await context.sync();
      if (used.isNullObject) throw emptySheetError(ws.name);
      return { rect: rectOf(ws.name, used), description: sheetDescription(ws.name) };
    }
    if (source.kind === 'range') {
      const area = rereadArea(source.address);
      if (!area) throw new Error(`The cells read before (${source.address}) cannot be read again: choose the data again.`);
      const ws = context.workbook.worksheets.getItemOrNullObject(area.sheet);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) throw noSheetError(area.sheet);
      const rect = { ...area, sheet: ws.name };
      return { rect, description: selectionDescription(ws.name, rect) };
    }
    const selected = context.workbook.getSelectedRange().load(dims);
    const ws = selected.worksheet.load('name');
    const used = selected.worksheet.getUsedRangeOrNullObject(true).load(dims);
    try {
      await context.sync();
    } catch (e) {
      // Excel refuses to hand over a selection of several separate areas (Ctrl+click), or a chart.
      throw new Error(`Excel could not read the selection (${messageOf(e)}). Select one block of cells including its header row, or choose a table or a sheet.`);
    }
    const read = selectionRead(ws.name, rectOf(ws.name, selected), used.isNullObject ? null : rectOf(ws.name, used));
    return { rect: { sheet: ws.name, ...read.area }, description: read.description };
  }
}

function rectOf(sheet: string, r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Rect {
  return { sheet, row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
}

/** Row chunks of at most CHUNK_CELLS cells, grouped CELLS_PER_SYNC cells to a sync. */
export function planChunks(rows: number, cols: number): Array<Array<{ start: number; count: number }>> {
  const perChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, cols)));
  const chunksPerSync = Math.max(1, Math.floor(CELLS_PER_SYNC / (perChunk * Math.max(1, cols))));
  const groups: Array<Array<{ start: number; count: number }>> = [];
  for (let start = 0; start < rows; start += perChunk) {
    const chunk = { start, count: Math.min(perChunk, rows - start) };
    const last = groups[groups.length - 1];
    if (last && last.length < chunksPerSync) last.push(chunk);
    else groups.push([chunk]);
  }
  return groups;
}

/**
 * The question "which date system?" queued for the next sync: Excel's DATE(1904,1,1) through the
 * worksheet functions (ExcelApi 1.2), 0 in a 1904-system workbook and 1462 in a 1900-system one.
 * (`Workbook.use1904DateSystem` says it directly, but only in the preview API set.)
 */
function queueDateSystem(context: Excel.RequestContext): Excel.FunctionResult<number> {
  return context.workbook.functions.date(1904, 1, 1).load('value');
}

/** Days to add to the workbook's serials to get 1900-system ones: 1462 in a 1904-system workbook, else 0. */
function daysFrom1900(probe: Excel.FunctionResult<number>): number {
  return probe.value === 0 ? DAYS_1904_TO_1900 : 0;
}

/**
 * Reads a rectangle's values in chunks; one sync per group of chunks. With `days` (a 1904-system
 * workbook) the number formats come too, and dates are returned as 1900-system serials.
 */
async function readRect(context: Excel.RequestContext, rect: Rect, onProgress?: (p: ProgressInfo) => void, days = 0): Promise<CellValue[][]> {
  checkReadSize(rect);
  const ws = context.workbook.worksheets.getItem(rect.sheet);
  const out: CellValue[][] = [];
  const groups = planChunks(rect.rows, rect.cols);
  for (const group of groups) {
    const ranges = group.map((c) => ws.getRangeByIndexes(rect.row + c.start, rect.col, c.count, rect.cols).load(days ? 'values,numberFormat' : 'values'));
    // One sync per group is the point of chunking: each response must stay under Excel's limits.
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      throw new Error(`Excel could not read ${sheetRangeAddress(rect.sheet, rect.row, rect.col, rect.rows, rect.cols)} (${messageOf(e)}). Choose a smaller range or a table, or try again.`);
    }
    for (const r of ranges) {
      if (!Array.isArray(r.values)) throw new Error(`Excel did not return the cells of ${sheetRangeAddress(rect.sheet, rect.row, rect.col, rect.rows, rect.cols)} (too much data at once). Choose a smaller range or a table.`);
      for (const row of fromDateSystem(fromExcel(r.values), days ? r.numberFormat : [], days)) out.push(row);
    }
    onProgress?.({ done: out.length, total: rect.rows, message: `Read ${out.length} of ${rect.rows} rows` });
  }
  return out;
}

async function readState(context: Excel.RequestContext): Promise<{ exists: boolean; values: unknown[][]; entries: Record<string, string> }> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  sheet.load('name');
  await context.sync();
  if (sheet.isNullObject) return { exists: false, values: [], entries: {} };
  const used = sheet.getUsedRangeOrNullObject(true).load('values');
  await context.sync();
  const values = used.isNullObject ? [] : used.values;
  return { exists: true, values, entries: decodeState(values) };
}

/**
 * Queues the saving of one key into the very hidden state sheet (created when absent): only that
 * key's row is written, as just read (see `planStateWrite`), so a co-author's keys are never erased.
 */
function writeState(context: Excel.RequestContext, exists: boolean, values: unknown[][], key: string, value: string): void {
  let sheet: Excel.Worksheet;
  if (exists) {
    sheet = context.workbook.worksheets.getItem(STATE_SHEET);
  } else {
    sheet = context.workbook.worksheets.add(STATE_SHEET);
    sheet.visibility = 'VeryHidden';
  }
  const plan = planStateWrite(values, key, value);
  if (plan.clearAll) sheet.getRange().clear('Contents');
  const width = plan.cells.reduce((w, r) => Math.max(w, r.length), 0);
  if (plan.clearCols > 0) sheet.getRangeByIndexes(plan.row, 0, plan.cells.length, plan.clearCols).clear('Contents');
  const rows = plan.cells.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r[c];
    return typeof v === 'string' ? markedText(v) : v === null || v === undefined ? '' : v;
  }));
  sheet.getRangeByIndexes(plan.row, 0, rows.length, width).values = rows;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = STYLE_FORMATS[style];
  if (f.bold !== undefined) range.format.font.bold = f.bold;
  if (f.italic !== undefined) range.format.font.italic = f.italic;
  if (f.size !== undefined) range.format.font.size = f.size;
  if (f.fontColor !== undefined) range.format.font.color = f.fontColor;
  if (f.fill !== undefined) range.format.fill.color = f.fill;
  if (f.wrap) range.format.wrapText = true;
}

/**
 * Queues every block: one values (or formulas) matrix per block, then its formats and table. A
 * block holding kept cells (people's, see `keptCells`) is written in pieces around them. `days`
 * moves dates into a 1904-system workbook's serials (see `toDateSystem`).
 */
function writeBlocks(ws: Excel.Worksheet, sheetName: string, blocks: Block[], takenTables: string[], kept: ReadonlySet<string> = new Set(), days = 0): { rows: number; cols: number } {
  let rowsUsed = 0;
  let colsUsed = 0;
  blocks.forEach((b, i) => {
    const cells = blockCells(b, i, sheetName);
    if (!cells) return;
    const { values, rows, cols } = cells;
    const touchesKept = kept.size > 0 && values.some((line, r) => line.some((_, c) => kept.has(cellKey(b.row + r, b.col + c))));
    if (touchesKept) {
      writeBlocks(ws, sheetName, piecesAround({ ...b, values }, kept), takenTables, new Set(), days);
      if (b.table) addTable(ws, b, rows, cols, takenTables);
      rowsUsed = Math.max(rowsUsed, b.row + rows);
      colsUsed = Math.max(colsUsed, b.col + cols);
      return;
    }
    const range = ws.getRangeByIndexes(b.row, b.col, rows, cols);
    const matrix = toDateSystem(values, b.numberFormat, days).map((r) => r.map(toExcel));
    if (values.some((r) => r.some(isFormula))) range.formulas = matrix;
    else range.values = matrix;
    if (typeof b.numberFormat === 'string') {
      const f = b.numberFormat;
      range.numberFormat = values.map((r) => r.map(() => f));
    } else if (Array.isArray(b.numberFormat)) {
      b.numberFormat.slice(0, cols).forEach((f, c) => {
        if (f !== null && f !== undefined) ws.getRangeByIndexes(b.row, b.col + c, rows, 1).numberFormat = values.map(() => [f]);
      });
    }
    if (b.style) applyStyle(range, b.style);
    if (b.wrap) range.format.wrapText = true;
    let r = 0;
    while (b.rowTones && r < Math.min(rows, b.rowTones.length)) {
      const tone = b.rowTones[r];
      let end = r + 1;
      while (end < Math.min(rows, b.rowTones.length) && b.rowTones[end] === tone) end += 1;
      if (tone) ws.getRangeByIndexes(b.row + r, b.col, end - r, cols).format.fill.color = TONE_FILLS[tone];
      r = end;
    }
    if (b.headerStyle) applyStyle(ws.getRangeByIndexes(b.row, b.col, 1, cols), b.headerStyle);
    if (b.table) addTable(ws, b, rows, cols, takenTables);
    rowsUsed = Math.max(rowsUsed, b.row + rows);
    colsUsed = Math.max(colsUsed, b.col + cols);
  });
  return { rows: rowsUsed, cols: colsUsed };
}

function addTable(ws: Excel.Worksheet, b: Block, rows: number, cols: number, takenTables: string[]): void {
  if (!b.table) return;
  const name = uniqueTableName(b.table.name, takenTables);
  takenTables.push(name);
  const table = ws.tables.add(ws.getRangeByIndexes(b.row, b.col, Math.max(rows, 2), cols), true);
  table.name = name;
  table.style = b.table.style ?? 'TableStyleLight9';
}

/** Writes one of the add-in's conditional formats: exactly `addInRule`, so a later write recognises it. */
function addConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat): void {
  const rule = addInRule(cf);
  const a = rule.areas[0];
  const range = ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols);
  const { colorScale, cellValue } = rule;
  if (colorScale?.minimum && colorScale.maximum) {
    const point = (p: NonNullable<typeof colorScale.minimum>): Excel.ConditionalColorScaleCriterion => ({
      type: p.type as Excel.ConditionalColorScaleCriterion['type'],
      ...(p.formula ? { formula: p.formula } : {}),
      color: p.color ?? undefined,
    });
    const f = range.conditionalFormats.add('ColorScale');
    f.colorScale.criteria = { minimum: point(colorScale.minimum), ...(colorScale.midpoint ? { midpoint: point(colorScale.midpoint) } : {}), maximum: point(colorScale.maximum) };
    return;
  }
  if (!cellValue) return;
  const f = range.conditionalFormats.add('CellValue');
  if (cellValue.fill) f.cellValue.format.fill.color = cellValue.fill;
  f.cellValue.rule = { formula1: cellValue.formula1, operator: cellValue.operator as Excel.ConditionalCellValueRule['operator'] };
}

/**
 * Each conditional format's cells and, for the two types the add-in writes, its rule, as Excel
 * holds them (one sync). Its other parts are not read: a rule of any other type is a colleague's.
 */
async function readConditionalFormats(context: Excel.RequestContext, items: Excel.ConditionalFormat[]): Promise<SheetConditionalFormat[]> {
  const reads = items.map((f) => {
    const value = f.type === 'CellValue' ? f.cellValue : null;
    return {
      type: f.type as string,
      areas: f.getRanges().areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount'),
      scale: f.type === 'ColorScale' ? f.colorScale.load('criteria') : null,
      value: value ? value.load('rule') : null,
      fill: value ? value.format.fill.load('color') : null,
      font: value ? value.format.font.load('color') : null,
    };
  });
  await context.sync();
  return reads.map((r) => ({
    type: r.type,
    areas: r.areas.items.map((a) => ({ row: a.rowIndex, col: a.columnIndex, rows: a.rowCount, cols: a.columnCount })),
    ...(r.scale ? { colorScale: { minimum: r.scale.criteria.minimum, midpoint: r.scale.criteria.midpoint ?? null, maximum: r.scale.criteria.maximum } } : {}),
    ...(r.value ? { cellValue: { operator: r.value.rule.operator, formula1: r.value.rule.formula1, formula2: r.value.rule.formula2 ?? null, fill: r.fill?.color ?? null, fontColor: r.font?.color ?? null } } : {}),
  }));
}

// Office.js enums are string-valued; the strings keep this module loadable outside Excel.
const CHART_TYPES = {
  columnClustered: 'ColumnClustered',
  barClustered: 'BarClustered',
  line: 'Line',
  lineMarkers: 'LineMarkers',
  scatter: 'XYScatter',
} as const satisfies Record<ChartSpec['type'], `${Excel.ChartType}`>;

function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const data = ws.getRangeByIndexes(spec.data.row, spec.data.col, Math.max(1, spec.data.rows), Math.max(1, spec.data.cols));
  const chart = ws.charts.add(CHART_TYPES[spec.type], data, spec.seriesBy === 'rows' ? 'Rows' : 'Columns');
  chart.title.text = spec.title;
  chart.setPosition(ws.getRangeByIndexes(spec.at.row, spec.at.col, 1, 1));
  if (spec.width) chart.width = spec.width;
  if (spec.height) chart.height = spec.height;
  if (spec.yAxisTitle) chart.axes.valueAxis.title.text = spec.yAxisTitle;
  if (spec.yAxisFormat) chart.axes.valueAxis.numberFormat = spec.yAxisFormat;
  if (spec.type === 'scatter') {
    addScatterSeries(ws, chart, spec);
    return;
  }
  if (spec.interval && spec.data.rows > 1) {
    // Office.js cannot set custom error-bar amounts: the limits become marker-only series instead.
    const rows = spec.data.rows - 1;
    const limits: Array<[string, number]> = [
      ['Interval lower', spec.interval.lowerCol],
      ['Interval upper', spec.interval.upperCol],
    ];
    for (const [name, col] of limits) {
      const series = chart.series.add(name);
      series.setValues(ws.getRangeByIndexes(spec.data.row + 1, col, rows, 1));
      series.chartType = 'LineMarkers';
      series.format.line.lineStyle = 'None';
      series.markerStyle = 'Dash';
      series.markerSize = 12;
      series.markerForegroundColor = INTERVAL_COLOUR;
      series.markerBackgroundColor = INTERVAL_COLOUR;
    }
  }
}

/**
 * A scatter chart's series, each with its own x and y columns (ExcelApi 1.7): the chart was made from
 * the first series' two columns, so that series is re-pointed and the others are added. Lines (the
 * funnel's limits) have no markers; points have no line.
 */
function addScatterSeries(ws: Excel.Worksheet, chart: Excel.Chart, spec: ChartSpec): void {
  if (spec.xAxisTitle) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
  const lineNames = [...new Set((spec.scatter ?? []).filter((s) => s.style !== 'markers').map((s) => scatterBaseName(s.name)))];
  (spec.scatter ?? []).forEach((s, k) => {
    const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setXAxisValues(ws.getRangeByIndexes(s.row, s.xCol, Math.max(1, s.rows), 1));
    series.setValues(ws.getRangeByIndexes(s.row, s.yCol, Math.max(1, s.rows), 1));
    if (s.style === 'markers') {
      series.chartType = 'XYScatter';
      series.format.line.lineStyle = 'None';
    } else {
      series.chartType = 'XYScatterLinesNoMarkers';
      series.format.line.color = SCATTER_LINE_COLOURS[lineNames.indexOf(scatterBaseName(s.name)) % SCATTER_LINE_COLOURS.length];
      if (s.style === 'dashed') series.format.line.lineStyle = 'Dash';
    }
  });
}
