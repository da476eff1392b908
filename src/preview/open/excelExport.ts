/**
 * The in-memory workbook saved as .xlsx that Excel and LibreOffice open: every sheet with its
 * visibility, values (GAPS formulas with their results), number formats, fills and fonts of the
 * report styles, native tables, conditional colours, frozen rows, column widths, tab colours, print
 * set-up, and the add-in's state on a very hidden sheet. Charts are replaced by a note beside their
 * data (which is already on the sheet). A sheet read from a file keeps its formulas (with the
 * results the file cached) and formats.
 *
 * exceljs writes each sheet's frame (tables, conditional formats, views, widths, print set-up), the
 * styles part and the workbook; the cells are written straight as `<sheetData>` XML with the style
 * ids exceljs gives their formats: exceljs's per-cell objects made saving 100,000 rows take 20-50 s.
 * When the workbook was opened from an .xlsx, the user's sheets are the file's own parts (see
 * `xlsxMerge.ts`), so everything on them (fonts, fills, merges, comments, validation, charts...)
 * comes back unchanged.
 */
import type * as ExcelJS from 'exceljs';
import type { CellValue, ChartSpec } from '../../workbook/port';
import type { MemorySheet, WorkbookModel } from '../../workbook/memoryModel';
import { SCALE_COLOURS, STYLE_FORMATS, TONE_FILLS } from '../../workbook/palette';
import { rangeAddress, cellAddress, columnLetters } from '../../workbook/a1';
import { encodeState } from '../../workbook/stateCells';
import { shownValue } from '../../workbook/cellText';
import { pointsToWidth, toFileFormula } from './fileUnits';
import { STATE_SHEET } from './stateSheet';
import { DAYS_1904_TO_1900, isDateFormat } from '../../core/dates';
import { escapeXml, partText, textBytes, zipParts, type Parts } from './ooxml';
import { sheetDataSpan } from './xlsxRead';
import { mergeIntoOriginal, openOriginal, type CellEdit } from './xlsxMerge';

export type ExcelModule = { Workbook: new () => ExcelJS.Workbook };

/** What saving needs of a workbook: its model and the values each sheet shows (a `MemoryWorkbook`). */
export interface SavableWorkbook {
  toJSON(): WorkbookModel;
  displayValues(name: string): CellValue[][];
}

/**
 * The .xlsx file the workbook was opened from, and the sheets to keep from it: by name, the cells
 * changed since it was opened (see `keptSheets`). Sheets not listed are written from the model.
 */
export interface OriginalFile {
  bytes: Uint8Array;
  kept: Record<string, CellEdit[]>;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

const CHART_WORDS: Record<ChartSpec['type'], string> = {
  columnClustered: 'clustered column',
  barClustered: 'clustered bar',
  line: 'line',
  lineMarkers: 'line with markers',
  scatter: 'scatter',
};

/** The note that stands in for a chart the file cannot hold. */
export function chartNote(chart: ChartSpec): string {
  const d = chart.data;
  return (
    `Chart "${chart.title}": charts are not saved from the browser preview. Its data is in ${rangeAddress(d.row, d.col, d.rows, d.cols)} on this sheet: ` +
    `select it and insert a ${CHART_WORDS[chart.type]} chart in Excel or LibreOffice.`
  );
}

const ERROR_VALUE = /^#[A-Z0-9/!?]+[!?A-Z0-9]$/;

/** One cell to write: a plain value, or a formula with its cached result. */
export interface OutCell {
  value: CellValue;
  formula?: string;
}

/** The `<c>` element of a plain value (`s` its style attribute, "" for none). */
function valueXml(ref: string, s: string, v: CellValue): string {
  if (v === null) return `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = escapeXml(v);
  const space = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 || text.includes('\n') ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** The `<c>` element of a cell (`style` its xf id, 0 for none). */
export function cellXml(ref: string, style: number, cell: OutCell | null): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (!cell || cell.formula === undefined) return valueXml(ref, s, cell?.value ?? null);
  const v = cell.value;
  const f = `<f>${escapeXml(cell.formula)}</f>`;
  if (v === null) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}>${f}<v>${v}</v></c>` : `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (ERROR_VALUE.test(v)) return `<c r="${ref}"${s} t="e">${f}<v>${escapeXml(v)}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(v)}</v></c>`;
}

/** The cell a sheet writes at (r, c): its formula (GAPS or read from the file) or its shown value. */
function outCell(raw: CellValue, shown: CellValue, imported: { formula: string; result: CellValue } | undefined): OutCell | null {
  if (raw === null && shown === null) return null;
  if (typeof raw === 'string' && raw.startsWith('=')) return { formula: toFileFormula(raw.slice(1)), value: shown };
  if (imported && imported.result === raw) return { formula: imported.formula.replace(/^=/, ''), value: shown };
  return { value: shown ?? shownValue(raw) };
}

/** An exceljs style as a key: the same look has the same key. */
type StyleModel = Partial<ExcelJS.Style>;

/** The look of each formatted cell of a sheet, painted area by area (later areas win, property by property). */
class StyleGrid {
  /** Style number by row, then column (0 = unformatted). */
  readonly rows: Array<Uint16Array | undefined> = [];
  readonly styles: StyleModel[] = [{}];
  private readonly keys = new Map<string, number>([['{}', 0]]);
  private readonly steps = new Map<number, number>();

  private numberOf(style: StyleModel): number {
    const key = JSON.stringify(style);
    let n = this.keys.get(key);
    if (n === undefined) {
      n = this.styles.length;
      if (n >= 65_535) return 0;
      this.styles.push(style);
      this.keys.set(key, n);
    }
    return n;
  }

  /** Paints area number `id` (its own number: areas are told apart by it) with `apply`. */
  paint(row: number, col: number, rows: number, cols: number, width: number, id: number, apply: (s: StyleModel) => StyleModel): void {
    let lastFrom = -1;
    let lastTo = 0;
    for (let r = row; r < row + rows; r++) {
      let line = this.rows[r];
      if (!line) line = this.rows[r] = new Uint16Array(width);
      for (let c = col; c < Math.min(col + cols, width); c++) {
        const from = line[c];
        if (from !== lastFrom) {
          const step = from * 4_294_967_296 + id;
          let next = this.steps.get(step);
          if (next === undefined) {
            next = this.numberOf(apply({ ...this.styles[from] }));
            this.steps.set(step, next);
          }
          lastFrom = from;
          lastTo = next;
        }
        line[c] = lastTo;
      }
    }
  }
}

/** A sheet's cells and their looks, ready to write. */
export interface SheetCells {
  cell(row: number, col: number): OutCell | null;
  /**
   * The `<c>` element at (row, col) with look number `look` (style attribute `s`), null for an
   * empty unformatted cell.
   */
  xml(row: number, col: number, ref: string, look: number, s: string): string | null;
  height: number;
  width: number;
  grid: StyleGrid;
}

function uniqueHeaders(values: CellValue[]): string[] {
  const seen = new Set<string>();
  return values.map((v, i) => {
    let name = v === null || v === '' ? `Column${i + 1}` : String(v);
    let n = 2;
    const base = name;
    while (seen.has(name.toLowerCase())) name = `${base}${n++}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * The cells of a sheet to write newly: values, formulas, table headers, chart notes, and their looks.
 * `days` is taken off numbers under date formats (1462 when saving into a 1904-system file, else 0).
 */
function sheetCells(sheet: Readonly<MemorySheet>, shown: CellValue[][], days = 0): SheetCells {
  const at = (r: number, c: number) => r * 16_384 + c;
  const overrides = new Map<number, OutCell>();
  // A table's header cells are its column names (Excel repairs a file where they differ).
  const headerNames = new Map<string, string[]>();
  for (const t of sheet.tables) {
    if (t.rows < 1 || t.cols < 1) continue;
    const names = uniqueHeaders(Array.from({ length: t.cols }, (_, c) => shown[t.row]?.[t.col + c] ?? null));
    headerNames.set(t.name, names);
    names.forEach((name, c) => overrides.set(at(t.row, t.col + c), { value: name }));
  }
  const notes: Array<{ row: number; col: number; text: string }> = [];
  let below = shown.length + 1;
  for (const chart of sheet.charts) {
    let { row, col } = chart.at;
    if (shown[row]?.[col] !== null && shown[row]?.[col] !== undefined) {
      row = below;
      col = 0;
      below += 1;
    }
    notes.push({ row, col, text: chartNote(chart) });
    overrides.set(at(row, col), { value: chartNote(chart) });
  }
  const imported = new Map<number, { formula: string; result: CellValue }>();
  for (const f of sheet.importedFormulas ?? []) imported.set(at(f.row, f.col), f);

  let height = Math.max(sheet.values.length, shown.length);
  let width = 0;
  for (let r = 0; r < height; r++) width = Math.max(width, sheet.values[r]?.length ?? 0, shown[r]?.length ?? 0);
  for (const t of sheet.tables) {
    height = Math.max(height, t.row + t.rows);
    width = Math.max(width, t.col + t.cols);
  }
  for (const n of notes) {
    height = Math.max(height, n.row + 1);
    width = Math.max(width, n.col + 1);
  }
  for (const a of sheet.formats) width = Math.max(width, Math.min(a.col + a.cols, 16_384));

  const grid = new StyleGrid();
  const dataHeight = Math.max(sheet.values.length, 1);
  sheet.formats.forEach((a, i) => {
    // Formats below the data (a whole column) stop where the data does.
    const last = Math.min(a.row + a.rows, Math.max(dataHeight, a.row + 1));
    const style = a.style ? STYLE_FORMATS[a.style] : undefined;
    const fill = a.tone ? TONE_FILLS[a.tone] : style?.fill;
    grid.paint(a.row, a.col, last - a.row, a.cols, width, i, (s) => {
      if (a.numberFormat !== undefined) s.numFmt = a.numberFormat ?? 'General';
      if (style) {
        s.font = {
          ...(style.bold ? { bold: true } : {}),
          ...(style.italic ? { italic: true } : {}),
          ...(style.size ? { size: style.size } : {}),
          ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
        };
      }
      if (fill) s.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      if (a.wrap) s.alignment = { wrapText: true, vertical: 'top' };
      else if (style?.wrap) s.alignment = { wrapText: true };
      return s;
    });
  });
  const noteColour = argb(STYLE_FORMATS.note.fontColor ?? '#595959');
  for (const n of notes) grid.paint(n.row, n.col, 1, 1, width, sheet.formats.length, (s) => ({ ...s, font: { italic: true, color: { argb: noteColour } } }));

  const values = sheet.values;
  const cell = (r: number, c: number): OutCell | null =>
    overrides.get(at(r, c)) ?? outCell(values[r]?.[c] ?? null, shown[r]?.[c] ?? null, imported.size > 0 ? imported.get(at(r, c)) : undefined);
  const dated = days === 0 ? [] : grid.styles.map((st) => isDateFormat(st.numFmt));
  /** A cell in the file's date system: a number under a date format moved back by `days`. */
  const inFileDays = (out: OutCell | null, look: number): OutCell | null => (out && dated[look] && typeof out.value === 'number' ? { ...out, value: out.value - days } : out);
  return {
    height,
    width,
    grid,
    cell,
    xml: (r, c, ref, look, s) => {
      if (overrides.size > 0 || imported.size > 0 || dated[look]) {
        const out = inFileDays(cell(r, c), look);
        return out ? cellXml(ref, 0, out).replace(`<c r="${ref}"`, `<c r="${ref}"${s}`) : s ? `<c r="${ref}"${s}/>` : null;
      }
      const raw = values[r]?.[c] ?? null;
      const d = shown[r]?.[c] ?? null;
      if (raw === null && d === null) return s ? `<c r="${ref}"${s}/>` : null;
      if (typeof raw === 'string' && raw.charCodeAt(0) === 61) return cellXml(ref, 0, outCell(raw, d, undefined)).replace(`<c r="${ref}"`, `<c r="${ref}"${s}`);
      return valueXml(ref, s, d ?? shownValue(raw));
    },
  };
}

/** The `<sheetData>` element of a sheet's cells, a few hundred rows at a time, each look's xf id from `styleId`. */
export function* sheetDataPieces(cells: SheetCells, styleId: (look: number) => number): Generator<string> {
  const letters = Array.from({ length: cells.width }, (_, c) => columnLetters(c));
  const attrs = cells.grid.styles.map((_, i) => (i === 0 ? '' : ` s="${styleId(i)}"`));
  yield '<sheetData>';
  let rows = '';
  for (let r = 0; r < cells.height; r++) {
    const looks = cells.grid.rows[r];
    const n = r + 1;
    let line = '';
    for (let c = 0; c < cells.width; c++) {
      const look = looks ? looks[c] : 0;
      const xml = cells.xml(r, c, `${letters[c]}${n}`, look, attrs[look]);
      if (xml !== null) line += xml;
    }
    if (line) rows += `<row r="${n}">${line}</row>`;
    if (rows.length > 256 * 1024) {
      yield rows;
      rows = '';
    }
  }
  yield `${rows}</sheetData>`;
}

function addConditionalFormats(ws: ExcelJS.Worksheet, sheet: Readonly<MemorySheet>): void {
  for (const cf of sheet.conditionalFormats) {
    const ref = rangeAddress(cf.row, cf.col, cf.rows, cf.cols);
    if (cf.kind === 'colorScale') {
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: 'colorScale',
            priority: 1,
            cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
            color: [{ argb: argb(SCALE_COLOURS.low) }, { argb: argb(SCALE_COLOURS.mid) }, { argb: argb(SCALE_COLOURS.high) }],
          } as ExcelJS.ColorScaleRuleType,
        ],
      });
    } else if (typeof cf.value === 'number') {
      const fill = TONE_FILLS[cf.tone ?? (cf.kind === 'lessThan' ? 'bad' : 'good')];
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: 'cellIs',
            priority: 1,
            operator: cf.kind,
            formulae: [String(cf.value)],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(fill) } } },
          } as ExcelJS.CellIsRuleType,
        ],
      });
    }
  }
}

/** Tables as exceljs tables over cells written separately: the definition only, its range set whole. */
function addTables(ws: ExcelJS.Worksheet, sheet: Readonly<MemorySheet>, cells: SheetCells): void {
  for (const t of sheet.tables) {
    if (t.rows < 1 || t.cols < 1) continue;
    const headers = Array.from({ length: t.cols }, (_, c) => String(cells.cell(t.row, t.col + c)?.value ?? `Column${c + 1}`));
    const table = ws.addTable({
      name: t.name,
      ref: cellAddress(t.row, t.col),
      headerRow: true,
      style: { theme: (t.style as ExcelJS.TableStyleProperties['theme']) ?? 'TableStyleMedium2', showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      // One row for exceljs to check; the range is set to the table's own below.
      rows: [headers.map(() => null)],
    });
    // A table needs at least one data row in the file.
    const ref = rangeAddress(t.row, t.col, Math.max(t.rows, 2), t.cols);
    const model = (table as unknown as { table: { tableRef: string; autoFilterRef: string } }).table;
    model.tableRef = ref;
    model.autoFilterRef = ref;
  }
}

interface Planned {
  sheet: Readonly<MemorySheet>;
  cells: SheetCells;
  ws: ExcelJS.Worksheet;
}

/** exceljs's internals this writer uses to have it render parts without its cell objects. */
interface ExcelInternals {
  prepareModel(model: unknown, options: unknown): void;
  addContentTypes(zip: unknown, model: unknown): Promise<void>;
  addOfficeRels(zip: unknown, model: unknown): Promise<void>;
  addWorkbookRels(zip: unknown, model: unknown): Promise<void>;
  addWorksheets(zip: unknown, model: unknown): Promise<void>;
  addSharedStrings(zip: unknown, model: unknown): Promise<void>;
  addDrawings(zip: unknown, model: unknown): Promise<void>;
  addTables(zip: unknown, model: unknown): Promise<void>;
  addThemes(zip: unknown, model: unknown): Promise<void>;
  addStyles(zip: unknown, model: unknown): Promise<void>;
  addMedia(zip: unknown, model: unknown): Promise<void>;
  addApp(zip: unknown, model: unknown): Promise<void>;
  addCore(zip: unknown, model: unknown): Promise<void>;
  addWorkbook(zip: unknown, model: unknown): Promise<void>;
}

interface StyleManager {
  addStyleModel(model: StyleModel, cellType?: number): number;
}

/** The parts exceljs writes for a workbook, with each planned sheet's cells put in. */
async function renderParts(out: ExcelJS.Workbook, planned: Planned[], offset: number): Promise<{ parts: Parts; sheetPaths: Map<string, string> }> {
  const xlsx = out.xlsx as unknown as ExcelInternals;
  const model = (out as unknown as { model: { styles: StyleManager } }).model;
  xlsx.prepareModel(model, { useSharedStrings: false });
  // exceljs gives each look its xf id in its styles part.
  const looks = planned.map((p) => p.cells.grid.styles.map((s, i) => (i === 0 ? 0 : model.styles.addStyleModel(s, /* number */ 2))));
  const parts: Parts = new Map();
  const zip = {
    append(data: string | Uint8Array, options: { name: string; base64?: boolean }) {
      if (options.base64) return;
      parts.set(options.name, typeof data === 'string' ? textBytes(data) : data);
    },
  };
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addTables(zip, model);
  await xlsx.addThemes(zip, model);
  await xlsx.addStyles(zip, model);
  await xlsx.addApp(zip, model);
  await xlsx.addCore(zip, model);
  await xlsx.addWorkbook(zip, model);
  const sheetPaths = new Map<string, string>();
  planned.forEach((p, i) => {
    const path = `xl/worksheets/sheet${p.ws.id}.xml`;
    sheetPaths.set(p.sheet.name, path);
    const frame = partText(parts, path) ?? '';
    const span = sheetDataSpan(frame);
    if (!span) throw new Error(`the sheet "${p.sheet.name}" has no cells part`);
    const dimension = p.cells.height > 0 && p.cells.width > 0 ? `<dimension ref="${rangeAddress(0, 0, p.cells.height, p.cells.width)}"/>` : '<dimension ref="A1"/>';
    parts.set(path, {
      head: frame.slice(0, span.open).replace(/<dimension\b[^>]*\/>/, dimension),
      body: () => sheetDataPieces(p.cells, (look) => looks[i][look] + offset),
      tail: frame.slice(span.close),
      level: p.cells.height * p.cells.width > 200_000 ? 1 : 6,
    });
  });
  return { parts, sheetPaths };
}

/** The state as the rows of its very hidden sheet. */
function stateSheet(model: WorkbookModel): MemorySheet | null {
  if (Object.keys(model.state).length === 0) return null;
  return { name: STATE_SHEET, visibility: 'veryHidden', values: encodeState(model.state), formats: [], tables: [], conditionalFormats: [], charts: [], columnWidths: [], freezeRows: 0, printLandscape: false, tabTone: null };
}

/**
 * The workbook as .xlsx bytes. With `original`, the sheets it keeps are the file's own parts
 * (changed only in their edited cells) and the other sheets are added to that file.
 */
export async function xlsxFromModel(excel: ExcelModule, wb: SavableWorkbook, original?: OriginalFile): Promise<Uint8Array> {
  const model = wb.toJSON();
  const out = new excel.Workbook();
  out.creator = 'Closing the Gap (browser preview)';
  const planned: Planned[] = [];
  const fresh = model.sheets.filter((s) => !original || !(s.name in original.kept));
  const state = stateSheet(model);
  const base = original ? openOriginal(original.bytes) : null;
  // Saved into a 1904-system file, the new sheets' dates are written in its date system.
  const days = base?.date1904 ? DAYS_1904_TO_1900 : 0;
  for (const sheet of state ? [...fresh, state] : fresh) {
    const shown = sheet === state ? sheet.values : wb.displayValues(sheet.name);
    const ws = out.addWorksheet(sheet.name, {
      state: sheet.visibility,
      views: sheet.freezeRows > 0 ? [{ state: 'frozen', ySplit: sheet.freezeRows, xSplit: 0 }] : [],
      properties: sheet.tabTone ? { tabColor: { argb: argb(TONE_FILLS[sheet.tabTone]) } } : undefined,
    });
    const cells = sheetCells(sheet, shown, days);
    addTables(ws, sheet, cells);
    addConditionalFormats(ws, sheet);
    sheet.columnWidths.forEach((w, i) => {
      if (typeof w === 'number' && w > 0) ws.getColumn(i + 1).width = pointsToWidth(w);
    });
    if (sheet.printLandscape) ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    planned.push({ sheet, cells, ws });
  }
  if (!original || !base) {
    const active = fresh.findIndex((s) => s.name === model.activeSheet && s.visibility === 'visible');
    if (active >= 0) out.views = [{ activeTab: active, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' }];
    return zipParts((await renderParts(out, planned, 0)).parts);
  }
  const { parts, sheetPaths } = await renderParts(out, planned, base.xfCount);
  const order = (state ? [...model.sheets, state] : model.sheets).map((s) => ({ name: s.name, visibility: s.visibility }));
  return zipParts(mergeIntoOriginal(base, { parts, sheetPaths }, original.kept, order));
}

/**
 * The sheets of a workbook opened from a file to keep from that file, by name, each with the cells
 * changed since (their new content as written): every sheet of the file still there, except the
 * add-in's own sheets it has rewritten, which are written anew.
 */
export function keptSheets(opened: WorkbookModel, current: WorkbookModel, displayValues: (name: string) => CellValue[][]): Record<string, CellEdit[]> {
  const before = new Map(opened.sheets.map((s) => [s.name, s]));
  const kept: Record<string, CellEdit[]> = {};
  for (const sheet of current.sheets) {
    const old = before.get(sheet.name);
    if (!old) continue;
    const edits: CellEdit[] = [];
    let shown: CellValue[][] | null = null;
    const height = Math.max(old.values.length, sheet.values.length);
    for (let r = 0; r < height; r++) {
      const a = old.values[r] ?? [];
      const b = sheet.values[r] ?? [];
      if (a === b) continue;
      const width = Math.max(a.length, b.length);
      for (let c = 0; c < width; c++) {
        const was = a[c] ?? null;
        const now = b[c] ?? null;
        if (was === now) continue;
        shown = shown ?? displayValues(sheet.name);
        edits.push({ row: r, col: c, cell: outCell(now, shown[r]?.[c] ?? null, undefined) });
      }
    }
    // The add-in's own sheet, rewritten since the file was opened, is written anew.
    if (sheet.madeByAddIn && (edits.length > 0 || JSON.stringify(old.formats) !== JSON.stringify(sheet.formats) || JSON.stringify(old.tables) !== JSON.stringify(sheet.tables))) continue;
    kept[sheet.name] = edits;
  }
  return kept;
}
