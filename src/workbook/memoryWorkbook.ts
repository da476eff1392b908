/**
 * A workbook held in memory: the browser preview's workbook and the end-to-end tests' workbook.
 *
 * It keeps the same rules as the Excel implementation (`src/office/excelWorkbook.ts`): data is read
 * with the same header and blank-row rules (`toTableData`), new sheets get unique valid names, a
 * sheet is only rewritten when the add-in made it, and the add-in's state (including the list of
 * sheets it owns) lives in the workbook, so it survives a save and reopen (`toJSON` / `fromJSON`).
 *
 * The model is plain data (JSON-safe, `memoryModel.ts`). Formulas are kept as their text; when a
 * function registry is given, formulas are computed (`recalc.ts`: Excel's functions and the GAPS
 * functions) and every read returns computed values, as Excel does. Without one, formulas read as
 * their text. This file is the
 * `WorkbookPort` over that model, plus what the preview and tests need to look and type.
 */
import type { CellValue, DataSource, ProgressInfo, SheetInfo, SheetSpec, TableData, TableInfo, WorkbookPort, WriteResult } from './port';
import { sheetRangeAddress, type RangeRef } from './a1';
import { evaluateFormula, FormulaRefError, type FormulaResult, type FunctionRegistry } from './formula';
import type { CellError } from './excelFunctions';
import { blockCells, cellKey, checkInsideGrid, isFormula, keptCells, piecesAround, toTableData } from './grid';
import { sameName, sanitiseSheetName, uniqueSheetName, uniqueTableName } from './names';
import { isOwnedName, markRecords, markText, notOwnedError, OWNED_SHEETS_KEY, parseOwned, recordOwned, serialiseOwned } from './owned';
import { clone, emptySheet, formatAt, parseSavedModel, type FormatArea, type MemorySheet, type Selection, type SheetInit, type WorkbookModel } from './memoryModel';
import { computeFormulas, readRange, shown, slice, usedBox } from './recalc';
import { emptySheetError, noSheetError, noTableError, rereadArea, selectionDescription, selectionRead, sheetDescription, tableDescription } from './sources';

export {
  checkModel,
  emptySheet,
  type FormatArea,
  type MemorySheet,
  type MemoryTable,
  type SheetInit,
  type Selection,
  type Visibility,
  type WorkbookModel,
} from './memoryModel';

export interface MemoryWorkbookOptions {
  /** Custom functions by Excel name (e.g. `{ FSMGAP: fsmGap }`) for computing `=GAPS.` formulas. */
  functions?: FunctionRegistry;
}

export class MemoryWorkbook implements WorkbookPort {
  readonly kind = 'memory' as const;
  private model: WorkbookModel;
  private readonly functions: FunctionRegistry | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly computed = new Map<string, CellValue[][]>();
  /** Messages of computed error cells, by sheet then "row,col". */
  private readonly messages = new Map<string, Map<string, string>>();
  /** Cells showing a computed error, by sheet then "row,col". */
  private readonly errorCells = new Map<string, Set<string>>();
  private readonly computing = new Set<string>();

  constructor(model?: Partial<WorkbookModel>, options: MemoryWorkbookOptions = {}) {
    this.model = {
      sheets: clone(model?.sheets ?? []),
      activeSheet: model?.activeSheet ?? model?.sheets?.[0]?.name ?? null,
      selection: model?.selection ? { ...model.selection } : null,
      state: { ...(model?.state ?? {}) },
    };
    this.functions = options.functions;
  }

  /** A workbook with these sheets (the first one active). */
  static withSheets(sheets: SheetInit[], options?: MemoryWorkbookOptions): MemoryWorkbook {
    return new MemoryWorkbook(
      {
        sheets: sheets.map((s) => ({
          ...emptySheet(s.name),
          values: s.values,
          tables: s.tables ?? [],
          visibility: s.visibility ?? 'visible',
          columnWidths: s.columnWidths ?? [],
          freezeRows: s.freezeRows ?? 0,
        })),
      },
      options,
    );
  }

  /**
   * Reopens a workbook saved with `toJSON` (a model, or its JSON text). Parts a saved model lacks
   * (formats, charts, state... from an older save) take their empty defaults; a model that is not a
   * workbook at all is refused with a message.
   */
  static fromJSON(saved: WorkbookModel | string, options?: MemoryWorkbookOptions): MemoryWorkbook {
    return new MemoryWorkbook(parseSavedModel(saved), options);
  }

  /** The whole workbook as plain data, to save and reopen with `fromJSON`. */
  toJSON(): WorkbookModel {
    return clone(this.model);
  }

  // ----- for the preview UI and tests -----

  /** Sheet names in tab order (including hidden sheets). */
  getSheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** A sheet's model, read-only; null when absent. */
  getSheet(name: string): Readonly<MemorySheet> | null {
    return this.find(name) ?? null;
  }

  get activeSheet(): string | null {
    return this.model.activeSheet;
  }

  get selection(): Readonly<Selection> | null {
    return this.model.selection;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Selects a rectangle (a single cell by default) on a sheet and makes that sheet active. */
  setSelection(sheet: string, row: number, col: number, rows = 1, cols = 1): void {
    const s = this.require(sheet);
    checkInsideGrid(row, col, rows, cols, 'The selection');
    this.model.selection = { sheet: s.name, row, col, rows: Math.max(1, rows), cols: Math.max(1, cols) };
    this.model.activeSheet = s.name;
    this.changed();
  }

  /** Sets one cell, as a colleague typing would (a string starting with "=" is a formula). */
  setCell(sheet: string, row: number, col: number, value: CellValue): void {
    const s = this.require(sheet);
    checkInsideGrid(row, col, 1, 1, 'The cell');
    while (s.values.length <= row) s.values.push([]);
    const line = s.values[row];
    while (line.length <= col) line.push(null);
    line[col] = value === '' ? null : value;
    this.changed();
  }

  /** Adds a sheet as a user would (not owned by the add-in); the name must be free. */
  addSheet(init: SheetInit): void {
    if (this.find(init.name)) throw new Error(`A sheet called "${init.name}" already exists.`);
    if (sanitiseSheetName(init.name) !== init.name) throw new Error(`"${init.name}" is not a name Excel allows for a sheet.`);
    this.model.sheets.push({
      ...emptySheet(init.name),
      values: clone(init.values),
      tables: clone(init.tables ?? []),
      visibility: init.visibility ?? 'visible',
      columnWidths: init.columnWidths ?? [],
      freezeRows: init.freezeRows ?? 0,
    });
    if (this.model.activeSheet === null) this.model.activeSheet = init.name;
    this.changed();
  }

  /** Deletes a sheet, as a user would. */
  deleteSheet(name: string): void {
    const s = this.require(name);
    this.model.sheets = this.model.sheets.filter((x) => x !== s);
    if (this.model.activeSheet === s.name) this.model.activeSheet = this.model.sheets[0]?.name ?? null;
    if (this.model.selection?.sheet === s.name) this.model.selection = null;
    this.changed();
  }

  /**
   * The values a sheet shows: computed formulas (spilling where they return arrays;
   * "#SPILL!" when the spill area is not empty), text without a
   * leading apostrophe. Empty cells are null.
   */
  displayValues(name: string): CellValue[][] {
    const s = this.require(name);
    const cached = this.computed.get(s.name);
    if (cached) return cached;
    const grid: CellValue[][] = s.values.map((row) => Array.from(row, (v) => shown(v)));
    if (this.functions && !this.computing.has(s.name)) {
      this.computing.add(s.name);
      try {
        const notes = new Map<string, string>();
        const errors = new Set<string>();
        this.messages.set(s.name, notes);
        this.errorCells.set(s.name, errors);
        computeFormulas(s, grid, this.functions, (sheet, row, col, lastRow, lastCol) => this.readCells(sheet, row, col, lastRow, lastCol), notes, errors);
      } finally {
        this.computing.delete(s.name);
      }
      this.computed.set(s.name, grid);
    }
    return grid;
  }

  /** The value one cell shows (see `displayValues`). */
  displayValue(name: string, row: number, col: number): CellValue {
    return this.displayValues(name)[row]?.[col] ?? null;
  }

  /**
   * Why a computed cell shows an error (the message Excel shows beside `#VALUE!` or `#N/A`), or
   * null when it shows no error or the error carries no message.
   */
  cellMessage(name: string, row: number, col: number): string | null {
    const s = this.require(name);
    this.displayValues(s.name);
    return this.messages.get(s.name)?.get(`${row},${col}`) ?? null;
  }

  /** The formatting that applies to one cell (later format areas win). */
  cellFormat(name: string, row: number, col: number): Omit<FormatArea, 'row' | 'col' | 'rows' | 'cols'> {
    return formatAt(this.require(name), row, col);
  }

  /** Computes one cell's formula (else its shown value); an array result comes whole. */
  evaluate(sheet: string, row: number, col: number): FormulaResult {
    const s = this.require(sheet);
    const raw = s.values[row]?.[col] ?? null;
    if (!isFormula(raw) || !this.functions) return shown(raw);
    return evaluateFormula(raw, { sheet: s.name, row, col }, this.functions, (name, r, c, lastRow, lastCol) => this.readCells(name, r, c, lastRow, lastCol)).value;
  }

  // ----- WorkbookPort -----

  async listSheets(): Promise<SheetInfo[]> {
    return this.model.sheets.map((s) => ({ name: s.name, visible: s.visibility === 'visible' }));
  }

  async listTables(): Promise<TableInfo[]> {
    return this.model.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name, rowCount: Math.max(0, t.rows - 1) })));
  }

  async readData(source: DataSource, onProgress?: (p: ProgressInfo) => void): Promise<TableData> {
    const data = this.readDataNow(source);
    onProgress?.({ done: data.rows.length, total: data.rows.length, message: `Read ${data.rows.length} rows` });
    return data;
  }

  async readSheetValues(name: string): Promise<CellValue[][] | null> {
    const s = this.find(name);
    if (!s) return null;
    const grid = this.displayValues(s.name);
    const box = usedBox(grid);
    if (!box) return [];
    return slice(grid, 0, 0, box.row + box.rows, box.col + box.cols);
  }

  async writeSheet(spec: SheetSpec): Promise<WriteResult> {
    const owned = this.ownedNames();
    let sheet: MemorySheet;
    let kept = new Set<string>();
    let before: MemorySheet | null = null;
    if (spec.mode === 'replace') {
      const name = sanitiseSheetName(spec.name);
      const existing = this.find(name);
      if (existing && !isOwnedName(owned, existing.name)) throw notOwnedError(existing.name, name);
      if (existing) {
        before = existing;
        kept = keptCells(spec.userCells ?? [], spec.blocks, (r, c) => shown(existing.values[r]?.[c] ?? null));
        sheet = { ...emptySheet(existing.name), visibility: existing.visibility };
        this.model.sheets[this.model.sheets.indexOf(existing)] = sheet;
      } else {
        sheet = emptySheet(name);
        this.model.sheets.push(sheet);
      }
    } else {
      sheet = emptySheet(uniqueSheetName(spec.name, this.getSheetNames()));
      this.model.sheets.push(sheet);
    }
    const takenTables = this.model.sheets.filter((s) => s !== sheet).flatMap((s) => s.tables.map((t) => t.name));

    let maxRow = 0;
    let maxCol = 0;
    for (const [i, b] of spec.blocks.entries()) {
      const cells = blockCells(b, i, sheet.name);
      if (!cells) continue;
      const { values, rows, cols } = cells;
      if (b.table) {
        const name = uniqueTableName(b.table.name, takenTables);
        takenTables.push(name);
        sheet.tables.push({ name, row: b.row, col: b.col, rows: Math.max(rows, 2), cols, style: b.table.style });
      }
      const touchesKept = kept.size > 0 && values.some((line, r) => line.some((_, c) => kept.has(cellKey(b.row + r, b.col + c))));
      for (const p of touchesKept ? piecesAround({ ...b, values }, kept) : [{ ...b, values }]) {
        const pRows = p.values.length;
        const pCols = pRows === 0 ? 0 : p.values[0].length;
        for (let r = 0; r < pRows; r++) {
          const target = p.row + r;
          while (sheet.values.length <= target) sheet.values.push([]);
          const line = sheet.values[target];
          while (line.length < p.col + pCols) line.push(null);
          for (let c = 0; c < pCols; c++) line[p.col + c] = p.values[r][c] === '' ? null : p.values[r][c];
        }
        this.addFormats(sheet, p, pRows, pCols);
      }
      maxRow = Math.max(maxRow, b.row + rows);
      maxCol = Math.max(maxCol, b.col + cols);
    }
    // People's kept cells: their content and formats exactly as they were.
    for (const k of kept) {
      const [r, c] = k.split(',').map(Number);
      const old = before?.values[r]?.[c] ?? null;
      while (sheet.values.length <= r) sheet.values.push([]);
      const line = sheet.values[r];
      while (line.length <= c) line.push(null);
      line[c] = old;
      if (before) sheet.formats.push({ row: r, col: c, rows: 1, cols: 1, ...formatAt(before, r, c) });
    }
    sheet.conditionalFormats = clone(spec.conditionalFormats ?? []);
    sheet.charts = clone(spec.charts ?? []);
    sheet.columnWidths = [...(spec.columnWidths ?? [])];
    sheet.freezeRows = spec.freezeRows ?? 0;
    sheet.printLandscape = spec.printLandscape ?? false;
    sheet.printFitToWidth = spec.printFitToWidth ?? false;
    sheet.printTitleRows = spec.printTitleRows ?? 0;
    sheet.tabTone = spec.tabTone ?? null;

    if (!sheet.madeByAddIn || !sheet.mark) sheet.mark = before?.mark ?? markText(sheet.name);
    sheet.madeByAddIn = true;
    this.model.state[OWNED_SHEETS_KEY] = serialiseOwned(recordOwned(owned, sheet.name));
    if (spec.activate !== false) {
      this.model.activeSheet = sheet.name;
      this.model.selection = { sheet: sheet.name, row: 0, col: 0, rows: 1, cols: 1 };
    }
    this.changed();
    return { sheetName: sheet.name, address: sheetRangeAddress(sheet.name, 0, 0, Math.max(1, maxRow), Math.max(1, maxCol)) };
  }

  async ownsSheet(name: string): Promise<boolean> {
    const s = this.find(name);
    return s !== undefined && isOwnedName(this.ownedNames(), s.name);
  }

  async loadState(key: string): Promise<string | null> {
    return Object.prototype.hasOwnProperty.call(this.model.state, key) ? this.model.state[key] : null;
  }

  async saveState(key: string, value: string): Promise<void> {
    this.model.state[key] = value;
    this.changed();
  }

  async activateSheet(name: string): Promise<void> {
    const s = this.require(name);
    this.model.activeSheet = s.name;
    this.model.selection = { sheet: s.name, row: 0, col: 0, rows: 1, cols: 1 };
    this.changed();
  }

  // ----- internals -----

  private changed(): void {
    this.computed.clear();
    for (const l of [...this.listeners]) l();
  }

  private find(name: string): MemorySheet | undefined {
    return this.model.sheets.find((s) => sameName(s.name, name));
  }

  private require(name: string): MemorySheet {
    const s = this.find(name);
    if (!s) throw noSheetError(name);
    return s;
  }

  /**
   * Names of the sheets the add-in made that still exist: recorded in the state saved in the
   * workbook and still carrying the add-in's mark (a sheet a user re-created under the same name
   * has none).
   */
  private ownedNames(): string[] {
    const names = parseOwned(this.model.state[OWNED_SHEETS_KEY] ?? null);
    const listed = names.filter((n) => this.find(n)?.madeByAddIn === true);
    // Ownership lost from the saved list is recovered from the sheet's own mark.
    const recovered = this.model.sheets.filter((s) => s.madeByAddIn === true && !isOwnedName(listed, s.name) && markRecords(s.mark, s.name)).map((s) => s.name);
    return [...listed, ...recovered];
  }

  private addFormats(sheet: MemorySheet, b: SheetSpec['blocks'][number], rows: number, cols: number): void {
    const area = (row: number, col: number, h: number, w: number, f: Omit<FormatArea, 'row' | 'col' | 'rows' | 'cols'>) =>
      sheet.formats.push({ row, col, rows: h, cols: w, ...f });
    if (typeof b.numberFormat === 'string') area(b.row, b.col, rows, cols, { numberFormat: b.numberFormat });
    if (Array.isArray(b.numberFormat)) {
      b.numberFormat.slice(0, cols).forEach((f, c) => {
        if (f !== null && f !== undefined) area(b.row, b.col + c, rows, 1, { numberFormat: f });
      });
    }
    if (b.style) area(b.row, b.col, rows, cols, { style: b.style });
    if (b.wrap) area(b.row, b.col, rows, cols, { wrap: true });
    b.rowTones?.slice(0, rows).forEach((t, r) => {
      if (t) area(b.row + r, b.col, 1, cols, { tone: t });
    });
    if (b.headerStyle) area(b.row, b.col, 1, cols, { style: b.headerStyle });
    else if (b.table) area(b.row, b.col, 1, cols, { style: 'header' });
  }

  /**
   * A rectangle of a sheet's computed values for a formula, error cells as `CellError`s (0-based,
   * inclusive; `lastRow` null reads down to the data). A sheet still being computed (two sheets
   * reading each other) reads its formulas as blank. A missing sheet is "#REF!".
   */
  private readCells(name: string, row: number, col: number, lastRow: number | null, lastCol: number | null): (CellValue | CellError)[][] {
    const s = this.find(name);
    if (!s) throw new FormulaRefError('#REF!', noSheetError(name).message);
    const grid = this.displayValues(s.name);
    const box = lastCol === null ? usedBox(grid) : null;
    const ref: RangeRef = { sheet: s.name, row, col, lastRow, lastCol: lastCol ?? Math.max(col, box ? box.col + box.cols - 1 : 0) };
    const values = readRange(ref, s.name, () => ({ name: s.name, grid }));
    const errors = this.errorCells.get(s.name);
    const notes = this.messages.get(s.name);
    return values.map((line, i) =>
      line.map((v, j) => {
        const key = `${row + i},${col + j}`;
        return errors?.has(key) && typeof v === 'string' ? { code: v, message: notes?.get(key) ?? null } : v;
      }),
    );
  }

  private readDataNow(source: DataSource): TableData {
    if (source.kind === 'table') {
      for (const s of this.model.sheets) {
        const t = s.tables.find((x) => sameName(x.name, source.name));
        if (t) {
          const values = slice(this.displayValues(s.name), t.row, t.col, t.rows, t.cols);
          return toTableData(values, { sheet: s.name, row: t.row, col: t.col }, tableDescription(t.name, s.name));
        }
      }
      throw noTableError(source.name);
    }
    if (source.kind === 'sheet') {
      const s = this.find(source.name);
      if (!s) throw noSheetError(source.name);
      return this.usedRangeData(s, sheetDescription(s.name));
    }
    if (source.kind === 'range') {
      const area = rereadArea(source.address);
      const s = area ? this.find(area.sheet) : undefined;
      if (!area || !s) throw new Error(`The cells read before (${source.address}) are no longer in the workbook: choose the data again.`);
      const values = slice(this.displayValues(s.name), area.row, area.col, area.rows, area.cols);
      return toTableData(values, { sheet: s.name, row: area.row, col: area.col }, selectionDescription(s.name, area));
    }
    const sel = this.model.selection;
    if (!sel) throw new Error('Nothing is selected. Select your data including its header row, or choose a table or a sheet.');
    const s = this.require(sel.sheet);
    const grid = this.displayValues(s.name);
    const { area, description } = selectionRead(s.name, sel, usedBox(grid));
    const values = slice(grid, area.row, area.col, area.rows, area.cols);
    return toTableData(values, { sheet: s.name, row: area.row, col: area.col }, description);
  }

  private usedRangeData(s: MemorySheet, description: string): TableData {
    const grid = this.displayValues(s.name);
    const box = usedBox(grid);
    if (!box) throw emptySheetError(s.name);
    const values = slice(grid, box.row, box.col, box.rows, box.cols);
    return toTableData(values, { sheet: s.name, row: box.row, col: box.col }, description);
  }
}
