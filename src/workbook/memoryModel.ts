/**
 * The in-memory workbook's model: plain data (JSON-safe) for sheets, their cells (formulas kept as
 * their text), formats, tables, charts, the selection and the add-in's saved state; and the check
 * that turns a saved model (or its JSON text) back into a complete one.
 */
import type { CellStyle, CellValue, ChartSpec, ConditionalFormat, Tone } from './port';
import type { Area, SheetArea } from './sources';
import type { DataValidation, SheetConditionalFormat } from './conditionalFormats';

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

/** Formatting applied to a rectangle of cells; later areas win over earlier ones. */
export interface FormatArea extends Area {
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

/**
 * A formula read from a file the user opened, beside the result the file cached for it. The cell
 * itself holds the result (the preview computes only GAPS formulas); saving writes the formula back
 * with its result while the cell still holds that result.
 */
export interface ImportedFormula {
  row: number;
  col: number;
  /** The formula's text with its leading "=". */
  formula: string;
  result: CellValue;
}

export interface MemorySheet {
  name: string;
  visibility: Visibility;
  /** Cells row by row (rows may be shorter than others; missing cells are blank). Formulas as text. */
  values: CellValue[][];
  formats: FormatArea[];
  tables: MemoryTable[];
  /** The add-in's conditional formats, in its own terms (what the preview draws). */
  conditionalFormats: ConditionalFormat[];
  /**
   * Other conditional formats, as Excel holds them (a colleague's, from a workbook saved in Excel):
   * not drawn by the preview, kept by a rewrite unless they are the add-in's (see `conditionalFormats.ts`).
   */
  otherConditionalFormats?: SheetConditionalFormat[];
  /** Data validation a colleague set (drop-down lists...); the add-in sets none and a rewrite keeps them. */
  dataValidations?: DataValidation[];
  charts: ChartSpec[];
  columnWidths: number[];
  freezeRows: number;
  printLandscape: boolean;
  /** Portrait, one page wide when printed. */
  printFitToWidth?: boolean;
  /** Top rows repeated on every printed page. */
  printTitleRows?: number;
  tabTone: Tone | null;
  /** Set on sheets the add-in wrote (Excel: a sheet-level name); a sheet a user adds has none. */
  madeByAddIn?: boolean;
  /** The add-in's mark's record of the name it gave the sheet (see `markText` in owned.ts). */
  mark?: string;
  /** Formulas of a sheet read from a file (see `ImportedFormula`); absent on other sheets. */
  importedFormulas?: ImportedFormula[];
}

/** The current selection: a rectangle on a sheet (0-based). */
export type Selection = SheetArea;

/** The whole workbook as plain data: what `toJSON` returns and `fromJSON` takes. */
export interface WorkbookModel {
  sheets: MemorySheet[];
  activeSheet: string | null;
  selection: Selection | null;
  /** The add-in's state saved in the workbook, by key. */
  state: Record<string, string>;
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

/** A rule over some cells (a conditional format or a data validation in Excel's terms). */
function isRule(x: unknown): boolean {
  return isObject(x) && typeof x.type === 'string' && Array.isArray(x.areas) && x.areas.length > 0 && x.areas.every(isRect);
}

/** The list, or undefined when it is empty (an optional part of a saved model). */
function orNothing<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** A saved model checked and completed: each sheet has every part (defaults for missing ones). */
export function checkModel(model: unknown): WorkbookModel {
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
      otherConditionalFormats: orNothing(list<SheetConditionalFormat>(raw.otherConditionalFormats, []).filter(isRule)),
      dataValidations: orNothing(list<DataValidation>(raw.dataValidations, []).filter(isRule)),
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

/**
 * A model saved with `toJSON` (the model, or its JSON text) checked and completed; text that is not
 * JSON, or a model that is not a workbook, is refused with a message.
 */
export function parseSavedModel(saved: WorkbookModel | string): WorkbookModel {
  let model: unknown = saved;
  if (typeof saved === 'string') {
    try {
      model = JSON.parse(saved);
    } catch {
      throw new Error('This is not a saved workbook: its text is not JSON.');
    }
  }
  return checkModel(model);
}

/** A deep copy of plain data. */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** The formatting that applies to one cell of a sheet (later format areas win). */
export function formatAt(sheet: Readonly<MemorySheet>, row: number, col: number): Omit<FormatArea, 'row' | 'col' | 'rows' | 'cols'> {
  const out: Omit<FormatArea, 'row' | 'col' | 'rows' | 'cols'> = {};
  for (const a of sheet.formats) {
    if (row < a.row || row >= a.row + a.rows || col < a.col || col >= a.col + a.cols) continue;
    if (a.numberFormat !== undefined) out.numberFormat = a.numberFormat;
    if (a.style !== undefined) out.style = a.style;
    if (a.tone !== undefined) out.tone = a.tone;
    if (a.wrap !== undefined) out.wrap = a.wrap;
  }
  return out;
}
