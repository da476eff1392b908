/**
 * A workbook held in memory: the browser preview's workbook and the end-to-end tests' workbook.
 *
 * It keeps the same rules as the Excel implementation (`src/office/excelWorkbook.ts`): data is read
 * with the same header and blank-row rules (`toTableData`), new sheets get unique valid names, a
 * sheet is only rewritten when the add-in made it, and the add-in's state (including the list of
 * sheets it owns) lives in the workbook, so it survives a save and reopen (`toJSON` / `fromJSON`).
 *
 * The model is plain data (JSON-safe). Formulas are kept as their text; when a function registry is
 * given, `=GAPS.NAME(...)` formulas are computed (see `formula.ts`) and every read returns computed
 * values, as Excel does. Other formulas read as their text.
 */
import type {
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
  Tone,
  WorkbookPort,
  WriteResult,
} from './port';
import { sheetRangeAddress, type RangeRef } from './a1';
import { evaluateCallDetailed, FormulaRefError, parseGapsFormula, type FormulaResult, type FunctionRegistry } from './formula';
import { checkInsideGrid, isFormula, rectangular, tableHeaders, toTableData } from './grid';
import { sanitiseSheetName, uniqueSheetName, uniqueTableName } from './names';
import { OWNED_SHEETS_KEY, parseOwned, serialiseOwned } from './owned';
import { isBlank } from '../core/cells';

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

/** Formatting applied to a rectangle of cells; later areas win over earlier ones. */
export interface FormatArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
  numberFormat?: string | null;
  style?: CellStyle;
  tone?: Tone;
  wrap?: boolean;
}

export interface MemoryTable {
  name: string;
  /** Top-left of the header row and size including the header row (0-based). */
  row: number;
  col: number;
  rows: number;
  cols: number;
  style?: string;
}

export interface MemorySheet {
  name: string;
  visibility: Visibility;
  /** Cells row by row (rows may be shorter than others; missing cells are blank). Formulas as text. */
  values: CellValue[][];
  formats: FormatArea[];
  tables: MemoryTable[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
  columnWidths: number[];
  freezeRows: number;
  printLandscape: boolean;
  tabTone: Tone | null;
  /** Set on sheets the add-in wrote (Excel: a sheet-level name); a sheet a user adds has none. */
  madeByAddIn?: boolean;
}

/** The current selection: a rectangle on a sheet (0-based). */
export interface Selection {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The whole workbook as plain data: what `toJSON` returns and `fromJSON` takes. */
export interface WorkbookModel {
  sheets: MemorySheet[];
  activeSheet: string | null;
  selection: Selection | null;
  /** The add-in's state saved in the workbook, by key. */
  state: Record<string, string>;
}

export interface MemoryWorkbookOptions {
  /** Custom functions by Excel name (e.g. `{ FSMGAP: fsmGap }`) for computing `=GAPS.` formulas. */
  functions?: FunctionRegistry;
}

/** A sheet to start a workbook with: its name and cells, optionally tables. */
export interface SheetInit {
  name: string;
  values: CellValue[][];
  tables?: MemoryTable[];
  visibility?: Visibility;
  columnWidths?: number[];
  freezeRows?: number;
}

/** A sheet with no content. */
export function emptySheet(name: string): MemorySheet {
  return {
    name,
    visibility: 'visible',
    values: [],
    formats: [],
    tables: [],
    conditionalFormats: [],
    charts: [],
    columnWidths: [],
    freezeRows: 0,
    printLandscape: false,
    tabTone: null,
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isRect(x: unknown): boolean {
  return isObject(x) && ['row', 'col', 'rows', 'cols'].every((k) => Number.isInteger(x[k]) && (x[k] as number) >= 0);
}

/** A saved model checked and completed: each sheet has every part (defaults for missing ones). */
function checkModel(model: unknown): WorkbookModel {
  if (!isObject(model) || !Array.isArray(model.sheets)) throw new Error('This is not a saved workbook: it has no list of sheets.');
  const sheets: MemorySheet[] = model.sheets.map((raw: unknown, i: number) => {
    if (!isObject(raw) || typeof raw.name !== 'string' || raw.name === '') throw new Error(`This is not a saved workbook: sheet ${i + 1} has no name.`);
    const values = raw.values ?? [];
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) throw new Error(`This is not a saved workbook: the cells of sheet "${raw.name}" are not rows.`);
    const base = emptySheet(raw.name);
    const list = <T>(x: unknown, fallback: T[]): T[] => (Array.isArray(x) ? (x as T[]) : fallback);
    return {
      ...base,
      ...raw,
      values: values as CellValue[][],
      visibility: raw.visibility === 'hidden' || raw.visibility === 'veryHidden' ? raw.visibility : 'visible',
      formats: list<FormatArea>(raw.formats, []).filter(isRect),
      tables: list<MemoryTable>(raw.tables, []).filter((t) => isRect(t) && typeof t.name === 'string'),
      conditionalFormats: list<ConditionalFormat>(raw.conditionalFormats, []).filter(isRect),
      charts: list<ChartSpec>(raw.charts, []),
      columnWidths: list<number>(raw.columnWidths, []),
      freezeRows: Number.isInteger(raw.freezeRows) ? (raw.freezeRows as number) : 0,
      printLandscape: raw.printLandscape === true,
      tabTone: typeof raw.tabTone === 'string' ? (raw.tabTone as Tone) : null,
    } as MemorySheet;
  });
  const names = new Set<string>();
  for (const sh of sheets) {
    if (names.has(sh.name.toLowerCase())) throw new Error(`This is not a saved workbook: two sheets are called "${sh.name}".`);
    names.add(sh.name.toLowerCase());
  }
  const state: Record<string, string> = {};
  if (isObject(model.state)) for (const [k, v] of Object.entries(model.state)) if (typeof v === 'string') state[k] = v;
  const active = typeof model.activeSheet === 'string' && names.has(model.activeSheet.toLowerCase()) ? model.activeSheet : (sheets[0]?.name ?? null);
  const sel = model.selection;
  const selection = isRect(sel) && isObject(sel) && typeof sel.sheet === 'string' && names.has(sel.sheet.toLowerCase()) ? (sel as unknown as Selection) : null;
  return { sheets, activeSheet: active, selection, state };
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** What a cell shows: text written with a leading apostrophe (Excel's "keep as text") without it. */
function shown(v: CellValue | undefined): CellValue {
  if (v === undefined) return null;
  if (typeof v === 'string' && v.startsWith("'")) return v.slice(1);
  return v;
}

function isEmptyCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The bounding box of non-empty cells, or null for an empty grid. */
function usedBox(grid: CellValue[][]): { row: number; col: number; rows: number; cols: number } | null {
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

function slice(grid: CellValue[][], row: number, col: number, rows: number, cols: number): CellValue[][] {
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

export class MemoryWorkbook implements WorkbookPort {
  readonly kind = 'memory' as const;
  private model: WorkbookModel;
  private readonly functions: FunctionRegistry | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly computed = new Map<string, CellValue[][]>();
  /** Messages of computed error cells, by sheet then "row,col". */
  private readonly messages = new Map<string, Map<string, string>>();
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
    let model: unknown = saved;
    if (typeof saved === 'string') {
      try {
        model = JSON.parse(saved);
      } catch {
        throw new Error('This is not a saved workbook: its text is not JSON.');
      }
    }
    return new MemoryWorkbook(checkModel(model), options);
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
   * The values a sheet shows: computed `=GAPS.` formulas (spilling where they return arrays;
   * "#SPILL!" when the spill area is not empty), other formulas as their text, text without a
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
        this.messages.set(s.name, new Map());
        this.computeFormulas(s, grid);
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
    const s = this.require(name);
    const out: Omit<FormatArea, 'row' | 'col' | 'rows' | 'cols'> = {};
    for (const a of s.formats) {
      if (row < a.row || row >= a.row + a.rows || col < a.col || col >= a.col + a.cols) continue;
      if (a.numberFormat !== undefined) out.numberFormat = a.numberFormat;
      if (a.style !== undefined) out.style = a.style;
      if (a.tone !== undefined) out.tone = a.tone;
      if (a.wrap !== undefined) out.wrap = a.wrap;
    }
    return out;
  }

  /** Computes one cell's formula, if it is a `=GAPS.` call (else its shown value). */
  evaluate(sheet: string, row: number, col: number): FormulaResult {
    const s = this.require(sheet);
    const raw = s.values[row]?.[col] ?? null;
    if (!isFormula(raw) || !this.functions) return shown(raw);
    const call = parseGapsFormula(raw);
    if (!call) return raw;
    return evaluateCallDetailed(call, this.functions, (ref) => this.readRef(ref, s.name, null)).value;
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
    if (spec.mode === 'replace') {
      const name = sanitiseSheetName(spec.name);
      const existing = this.find(name);
      if (existing && !owned.some((o) => sameName(o, existing.name))) {
        throw new Error(
          `The sheet "${existing.name}" was not made by Closing the Gap, so it was left untouched. Rename that sheet if the add-in should write its own "${name}" sheet.`,
        );
      }
      if (existing) {
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
      const values = rectangular(b.values);
      const rows = values.length;
      const cols = rows === 0 ? 0 : values[0].length;
      if (rows === 0 || cols === 0) continue;
      checkInsideGrid(b.row, b.col, rows, cols, `Block ${i + 1} of "${sheet.name}"`);
      if (b.table) {
        values[0] = tableHeaders(values[0]);
        const name = uniqueTableName(b.table.name, takenTables);
        takenTables.push(name);
        sheet.tables.push({ name, row: b.row, col: b.col, rows: Math.max(rows, 2), cols, style: b.table.style });
      }
      for (let r = 0; r < rows; r++) {
        const target = b.row + r;
        while (sheet.values.length <= target) sheet.values.push([]);
        const line = sheet.values[target];
        while (line.length < b.col + cols) line.push(null);
        for (let c = 0; c < cols; c++) line[b.col + c] = values[r][c] === '' ? null : values[r][c];
      }
      this.addFormats(sheet, b, rows, cols);
      maxRow = Math.max(maxRow, b.row + rows);
      maxCol = Math.max(maxCol, b.col + cols);
    }
    sheet.conditionalFormats = clone(spec.conditionalFormats ?? []);
    sheet.charts = clone(spec.charts ?? []);
    sheet.columnWidths = [...(spec.columnWidths ?? [])];
    sheet.freezeRows = spec.freezeRows ?? 0;
    sheet.printLandscape = spec.printLandscape ?? false;
    sheet.tabTone = spec.tabTone ?? null;

    sheet.madeByAddIn = true;
    if (!owned.some((o) => sameName(o, sheet.name))) owned.push(sheet.name);
    this.model.state[OWNED_SHEETS_KEY] = serialiseOwned(owned);
    if (spec.activate !== false) {
      this.model.activeSheet = sheet.name;
      this.model.selection = { sheet: sheet.name, row: 0, col: 0, rows: 1, cols: 1 };
    }
    this.changed();
    return { sheetName: sheet.name, address: sheetRangeAddress(sheet.name, 0, 0, Math.max(1, maxRow), Math.max(1, maxCol)) };
  }

  async ownsSheet(name: string): Promise<boolean> {
    const s = this.find(name);
    return s !== undefined && this.ownedNames().some((o) => sameName(o, s.name));
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
    if (!s) throw new Error(`There is no sheet called "${name}" in this workbook.`);
    return s;
  }

  /**
   * Names of the sheets the add-in made that still exist: recorded in the state saved in the
   * workbook and still carrying the add-in's mark (a sheet a user re-created under the same name
   * has none).
   */
  private ownedNames(): string[] {
    const names = parseOwned(this.model.state[OWNED_SHEETS_KEY] ?? null);
    return names.filter((n) => this.find(n)?.madeByAddIn === true);
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

  /** A range's shown values, for a formula on `fromSheet`; `grid` is that sheet while it is computed. */
  private readRef(ref: RangeRef, fromSheet: string, grid: CellValue[][] | null): CellValue[][] {
    const sheetName = ref.sheet ?? fromSheet;
    const s = this.find(sheetName);
    if (!s) throw new FormulaRefError('#REF!', `There is no sheet called "${sheetName}" in this workbook.`);
    const source = grid && sameName(s.name, fromSheet) ? grid : this.displayValues(s.name);
    const box = ref.lastRow === null ? usedBox(source) : null;
    const lastRow = ref.lastRow ?? Math.max(ref.row, box ? box.row + box.rows - 1 : 0);
    const out = slice(source, ref.row, ref.col, lastRow - ref.row + 1, ref.lastCol - ref.col + 1);
    for (const row of out) for (let c = 0; c < row.length; c++) if (isFormula(row[c])) row[c] = null;
    return out;
  }

  private computeFormulas(s: MemorySheet, grid: CellValue[][]): void {
    const functions = this.functions as FunctionRegistry;
    const claimed = new Set<string>();
    for (let r = 0; r < s.values.length; r++) {
      const row = s.values[r];
      for (let c = 0; c < row.length; c++) {
        const raw = row[c];
        if (!isFormula(raw)) continue;
        const call = parseGapsFormula(raw);
        if (!call) continue;
        const { value: result, messages } = evaluateCallDetailed(call, functions, (ref) => this.readRef(ref, s.name, grid));
        const notes = this.messages.get(s.name);
        if (!Array.isArray(result)) {
          grid[r][c] = result;
          const m = messages.get('0,0');
          if (m !== undefined) notes?.set(`${r},${c}`, m);
          continue;
        }
        const blocked = result.some((line, i) =>
          line.some((_, j) => (i > 0 || j > 0) && (!isBlank(s.values[r + i]?.[c + j] ?? null) || claimed.has(`${r + i},${c + j}`))),
        );
        if (blocked) {
          grid[r][c] = '#SPILL!';
          notes?.set(`${r},${c}`, `The result needs ${result.length} x ${result[0]?.length ?? 0} cells from here, and some of them are not empty: clear them to see it.`);
          continue;
        }
        for (const [key, m] of messages) {
          const [i, j] = key.split(',').map(Number);
          notes?.set(`${r + i},${c + j}`, m);
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

  private readDataNow(source: DataSource): TableData {
    if (source.kind === 'table') {
      for (const s of this.model.sheets) {
        const t = s.tables.find((x) => sameName(x.name, source.name));
        if (t) {
          const values = slice(this.displayValues(s.name), t.row, t.col, t.rows, t.cols);
          return toTableData(values, { sheet: s.name, row: t.row, col: t.col }, `table ${t.name} on sheet ${s.name}`);
        }
      }
      throw new Error(`There is no table called "${source.name}" in this workbook. Choose another table, or a sheet.`);
    }
    if (source.kind === 'sheet') {
      const s = this.find(source.name);
      if (!s) throw new Error(`There is no sheet called "${source.name}" in this workbook.`);
      return this.usedRangeData(s, `sheet ${s.name}`);
    }
    const sel = this.model.selection;
    if (!sel) throw new Error('Nothing is selected. Select your data including its header row, or choose a table or a sheet.');
    const s = this.require(sel.sheet);
    if (sel.rows * sel.cols === 1) {
      return this.usedRangeData(s, `sheet ${s.name} (all its data: only one cell was selected)`);
    }
    const grid = this.displayValues(s.name);
    const box = usedBox(grid);
    if (!box) throw new Error(`The sheet "${s.name}" is empty: select your data including its header row, or choose a table or a sheet.`);
    // A whole-column selection reads no further than the sheet's data.
    const lastRow = Math.min(sel.row + sel.rows, box.row + box.rows);
    const rows = Math.max(1, lastRow - sel.row);
    const values = slice(grid, sel.row, sel.col, rows, sel.cols);
    return toTableData(values, { sheet: s.name, row: sel.row, col: sel.col }, `selection ${sheetRangeAddress(s.name, sel.row, sel.col, rows, sel.cols)}`);
  }

  private usedRangeData(s: MemorySheet, description: string): TableData {
    const grid = this.displayValues(s.name);
    const box = usedBox(grid);
    if (!box) throw new Error(`The sheet "${s.name}" is empty: choose the sheet or table that holds your pupils' data.`);
    const values = slice(grid, box.row, box.col, box.rows, box.cols);
    return toTableData(values, { sheet: s.name, row: box.row, col: box.col }, description);
  }
}
