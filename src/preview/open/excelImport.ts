/**
 * An Excel workbook read by exceljs as the in-memory workbook's model: every sheet (with its
 * visibility), values, Excel tables (names and ranges), dates as dates (serial numbers with the
 * cell's date format), formulas' cached results (the formula kept beside them), number formats,
 * frozen rows, column widths, and the add-in's state from its very hidden sheet.
 *
 * Dates come in as 1900-system serials whichever date system the file uses: exceljs reads a number
 * under a date format with the workbook's `date1904` setting into a date, and a date is turned into
 * its 1900-system serial here; a file saved from the preview uses the 1900 system.
 */
import type * as ExcelJS from 'exceljs';
import type { CellValue } from '../../workbook/port';
import { emptySheet, type FormatArea, type ImportedFormula, type MemorySheet, type MemoryTable, type WorkbookModel } from '../../workbook/memoryModel';
import { parseRangeRef } from '../../workbook/a1';
import { decodeState } from '../../workbook/stateCells';
import { keptText, shownValue } from '../../workbook/cellText';
import { OWNED_SHEETS_KEY, isOwnedName, parseOwned } from '../../workbook/owned';
import { DATE_FORMAT } from './csvImport';
import { STATE_SHEET } from './stateSheet';
import { utcDateToSerial } from '../../core/dates';


/** Excel column width (characters) to points, and back. */
export function widthToPoints(chars: number): number {
  return Math.round(((chars * 7 + 5) * 3) / 4 * 100) / 100;
}
export function pointsToWidth(points: number): number {
  return Math.max(0, Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100);
}

/** How Excel saves a call of the add-in's functions: `_xldudf_GAPS_FSMGAP(` for `GAPS.FSMGAP(`. */
const GAPS_CALL = /\b(_xldudf_GAPS_|GAPS\.)[A-Z][A-Z0-9]*\(/;

/** A formula as saved in a file, with the add-in's calls as the preview writes them. */
export function fromFileFormula(text: string): string {
  return text.replace(/\b_xldudf_GAPS_([A-Z][A-Z0-9]*)\(/g, 'GAPS.$1(');
}

/** A formula as a file holds it: the add-in's calls as Excel saves them. */
export function toFileFormula(text: string): string {
  return text.replace(/\bGAPS\.([A-Z][A-Z0-9]*)\(/g, '_xldudf_GAPS_$1(');
}

type Plain = { value: CellValue; date: boolean };

/** A value exceljs gives (or a formula's cached result) as a plain cell value. */
function plain(v: unknown): Plain {
  if (v === null || v === undefined) return { value: null, date: false };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, date: false };
  if (typeof v === 'string') return { value: keptText(v), date: false };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : utcDateToSerial(v), date: true };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { value: o.error, date: false };
    if (Array.isArray(o.richText)) return plain((o.richText as Array<{ text?: string }>).map((p) => p.text ?? '').join(''));
    if ('text' in o && 'hyperlink' in o) return plain(typeof o.text === 'string' ? o.text : plain(o.text).value);
  }
  return { value: String(v), date: false };
}

/** Adds `format` to (row, col), merging runs down a column into one area. */
class FormatRuns {
  private readonly open = new Map<number, FormatArea>();
  readonly areas: FormatArea[] = [];
  add(row: number, col: number, numberFormat: string): void {
    const run = this.open.get(col);
    if (run && run.numberFormat === numberFormat && run.row + run.rows === row) {
      run.rows += 1;
      return;
    }
    const area: FormatArea = { row, col, rows: 1, cols: 1, numberFormat };
    this.areas.push(area);
    this.open.set(col, area);
  }
}

function readTables(ws: ExcelJS.Worksheet): MemoryTable[] {
  const out: MemoryTable[] = [];
  for (const t of ws.getTables() as unknown as Array<{ table?: Record<string, unknown>; model?: Record<string, unknown> }>) {
    const m = (t.table ?? t.model ?? {}) as Record<string, unknown>;
    const ref = String(m.tableRef ?? m.ref ?? '');
    const name = String(m.name ?? m.displayName ?? '');
    const r = parseRangeRef(ref);
    if (!r || !name || r.lastRow === null) continue;
    out.push({ name, row: r.row, col: r.col, rows: r.lastRow - r.row + 1, cols: r.lastCol - r.col + 1, style: typeof (m.style as { theme?: unknown } | undefined)?.theme === 'string' ? String((m.style as { theme: string }).theme) : undefined });
  }
  return out;
}

function readSheet(ws: ExcelJS.Worksheet): MemorySheet {
  const sheet = emptySheet(ws.name);
  sheet.visibility = ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
  const formats = new FormatRuns();
  const formulas: ImportedFormula[] = [];
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const raw = cell.value as unknown;
      let got: Plain;
      if (raw && typeof raw === 'object' && !(raw instanceof Date) && ('formula' in raw || 'sharedFormula' in raw)) {
        got = plain((raw as { result?: unknown }).result);
        const text = cell.formula;
        if (text && GAPS_CALL.test(text)) {
          // A GAPS formula the preview computes itself, as Excel does with the add-in loaded.
          got = { value: `=${fromFileFormula(text)}`, date: false };
        } else if (text) {
          formulas.push({ row: r, col: c, formula: `=${text}`, result: got.value });
        }
      } else {
        got = plain(raw);
      }
      line[c] = got.value;
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') formats.add(r, c, fmt);
      else if (got.date) formats.add(r, c, DATE_FORMAT);
    });
    for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
    values[r] = line;
  });
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  sheet.values = values;
  sheet.formats = formats.areas;
  if (formulas.length > 0) sheet.importedFormulas = formulas;
  sheet.tables = readTables(ws);
  const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number } | undefined;
  if (view?.state === 'frozen' && typeof view.ySplit === 'number') sheet.freezeRows = view.ySplit;
  const widths: number[] = [];
  const cols = ws.columns ?? [];
  cols.forEach((col, i) => {
    if (col && typeof col.width === 'number') widths[i] = widthToPoints(col.width);
  });
  if (widths.length > 0) sheet.columnWidths = Array.from(widths, (w) => w ?? widthToPoints(9.14));
  return sheet;
}

/**
 * The model of an exceljs workbook. The state sheet becomes the add-in's state (not a sheet); the
 * sheets it lists as the add-in's own are marked as such, so a saved report can be rewritten.
 */
export function modelFromExcel(wb: ExcelJS.Workbook): WorkbookModel {
  const sheets: MemorySheet[] = [];
  let state: Record<string, string> = {};
  wb.eachSheet((ws) => {
    if (ws.name === STATE_SHEET) {
      const rows: CellValue[][] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        const vals = (row.values as unknown[]).slice(1);
        rows.push(vals.map((v) => shownValue(plain(v).value)));
      });
      state = decodeState(rows);
      return;
    }
    sheets.push(readSheet(ws));
  });
  const owned = parseOwned(state[OWNED_SHEETS_KEY] ?? null);
  for (const s of sheets) if (isOwnedName(owned, s.name)) s.madeByAddIn = true;
  const firstVisible = sheets.find((s) => s.visibility === 'visible') ?? sheets[0];
  return { sheets, activeSheet: firstVisible?.name ?? null, selection: null, state };
}
