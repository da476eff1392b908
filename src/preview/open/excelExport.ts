/**
 * The in-memory workbook as an exceljs workbook, to save as .xlsx that Excel and LibreOffice open:
 * every sheet with its visibility, values (GAPS formulas with their results), number formats,
 * fills and fonts of the report styles, native tables, conditional colours, frozen rows, column
 * widths, tab colours, print set-up, and the add-in's state on a very hidden sheet. exceljs cannot
 * write charts: each chart is replaced by a note beside its data (which is already on the sheet).
 * A sheet read from a file keeps its formulas (with the results the file cached) and formats.
 */
import type * as ExcelJS from 'exceljs';
import type { CellValue, ChartSpec } from '../../workbook/port';
import type { MemorySheet, WorkbookModel } from '../../workbook/memoryModel';
import { SCALE_COLOURS, STYLE_FORMATS, TONE_FILLS } from '../../workbook/palette';
import { rangeAddress, cellAddress } from '../../workbook/a1';
import { encodeState } from '../../workbook/stateCells';
import { shownValue } from '../../workbook/cellText';
import { pointsToWidth, toFileFormula } from './excelImport';
import { STATE_SHEET } from './stateSheet';

type ExcelModule = { Workbook: new () => ExcelJS.Workbook };

/** What saving needs of a workbook: its model and the values each sheet shows (a `MemoryWorkbook`). */
export interface SavableWorkbook {
  toJSON(): WorkbookModel;
  displayValues(name: string): CellValue[][];
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

/** A shown value (already without an escaping apostrophe) as a formula's cached result. */
function resultOf(v: CellValue): ExcelJS.CellValue {
  if (typeof v === 'string' && /^#[A-Z0-9/!?]+[!?A-Z0-9]$/.test(v)) return { error: v } as unknown as ExcelJS.CellValue;
  return v;
}

function writeValues(ws: ExcelJS.Worksheet, wb: SavableWorkbook, sheet: Readonly<MemorySheet>): void {
  const shown = wb.displayValues(sheet.name);
  const formulas = new Map<string, { formula: string; result: CellValue }>();
  for (const f of sheet.importedFormulas ?? []) formulas.set(`${f.row},${f.col}`, f);
  const height = Math.max(sheet.values.length, shown.length);
  for (let r = 0; r < height; r++) {
    const raw = sheet.values[r] ?? [];
    const disp = shown[r] ?? [];
    const width = Math.max(raw.length, disp.length);
    let row: ExcelJS.Row | null = null;
    for (let c = 0; c < width; c++) {
      const v = raw[c] ?? null;
      const d = disp[c] ?? null;
      if (v === null && d === null) continue;
      row = row ?? ws.getRow(r + 1);
      const cell = row.getCell(c + 1);
      const imported = formulas.get(`${r},${c}`);
      if (typeof v === 'string' && v.startsWith('=')) {
        cell.value = { formula: toFileFormula(v.slice(1)), result: resultOf(d) } as ExcelJS.CellFormulaValue;
      } else if (imported && imported.result === v) {
        cell.value = { formula: imported.formula.replace(/^=/, ''), result: resultOf(d) } as ExcelJS.CellFormulaValue;
      } else {
        cell.value = d ?? shownValue(v);
      }
    }
  }
}

function writeFormats(ws: ExcelJS.Worksheet, sheet: Readonly<MemorySheet>, height: number): void {
  for (const a of sheet.formats) {
    const last = Math.min(a.row + a.rows, Math.max(height, a.row + 1));
    const style = a.style ? STYLE_FORMATS[a.style] : undefined;
    const fill = a.tone ? TONE_FILLS[a.tone] : style?.fill;
    for (let r = a.row; r < last; r++) {
      const row = ws.getRow(r + 1);
      for (let c = a.col; c < a.col + a.cols; c++) {
        const cell = row.getCell(c + 1);
        if (a.numberFormat !== undefined) cell.numFmt = a.numberFormat ?? 'General';
        if (style) {
          cell.font = {
            ...(style.bold ? { bold: true } : {}),
            ...(style.italic ? { italic: true } : {}),
            ...(style.size ? { size: style.size } : {}),
            ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
          };
        }
        if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
        if (a.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }
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

function writeTables(ws: ExcelJS.Worksheet, wb: SavableWorkbook, sheet: Readonly<MemorySheet>): void {
  const shown = wb.displayValues(sheet.name);
  for (const t of sheet.tables) {
    if (t.rows < 1 || t.cols < 1) continue;
    const block = (r: number) => Array.from({ length: t.cols }, (_, c) => shown[t.row + r]?.[t.col + c] ?? null);
    const headers = uniqueHeaders(block(0));
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 1; r < t.rows; r++) rows.push(block(r));
    // A table needs at least one data row in the file.
    if (rows.length === 0) rows.push(headers.map(() => null));
    const keep = new Map<string, ExcelJS.CellValue>();
    for (let r = 1; r < t.rows; r++) {
      for (let c = 0; c < t.cols; c++) {
        const written = ws.getCell(t.row + r + 1, t.col + c + 1).value;
        if (written && typeof written === 'object' && 'formula' in written) keep.set(`${r},${c}`, written);
      }
    }
    ws.addTable({
      name: t.name,
      ref: cellAddress(t.row, t.col),
      headerRow: true,
      style: { theme: (t.style as ExcelJS.TableStyleProperties['theme']) ?? 'TableStyleMedium2', showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
    // addTable writes plain values: formulas in the table's cells go back.
    for (const [key, value] of keep) {
      const [r, c] = key.split(',').map(Number);
      ws.getCell(t.row + r + 1, t.col + c + 1).value = value;
    }
  }
}

function writeConditionalFormats(ws: ExcelJS.Worksheet, sheet: Readonly<MemorySheet>): void {
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

function writeChartNotes(ws: ExcelJS.Worksheet, sheet: Readonly<MemorySheet>, wb: SavableWorkbook): void {
  const shown = wb.displayValues(sheet.name);
  let below = shown.length + 1;
  for (const chart of sheet.charts) {
    let { row, col } = chart.at;
    if (shown[row]?.[col] !== null && shown[row]?.[col] !== undefined) {
      row = below;
      col = 0;
      below += 1;
    }
    const cell = ws.getCell(row + 1, col + 1);
    cell.value = chartNote(chart);
    cell.font = { italic: true, color: { argb: argb(STYLE_FORMATS.note.fontColor ?? '#595959') } };
  }
}

/** The workbook as an exceljs workbook (write it with `workbook.xlsx.writeBuffer()`). */
export function excelFromModel(excel: ExcelModule, wb: SavableWorkbook): ExcelJS.Workbook {
  const out = new excel.Workbook();
  out.creator = 'Closing the Gap (browser preview)';
  const model = wb.toJSON();
  for (const sheet of model.sheets) {
    const ws = out.addWorksheet(sheet.name, {
      state: sheet.visibility,
      views: sheet.freezeRows > 0 ? [{ state: 'frozen', ySplit: sheet.freezeRows, xSplit: 0 }] : [],
      properties: sheet.tabTone ? { tabColor: { argb: argb(TONE_FILLS[sheet.tabTone]) } } : undefined,
    });
    writeValues(ws, wb, sheet);
    writeTables(ws, wb, sheet);
    writeFormats(ws, sheet, Math.max(sheet.values.length, 1));
    writeConditionalFormats(ws, sheet);
    writeChartNotes(ws, sheet, wb);
    sheet.columnWidths.forEach((w, i) => {
      if (typeof w === 'number' && w > 0) ws.getColumn(i + 1).width = pointsToWidth(w);
    });
    if (sheet.printLandscape) ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  if (Object.keys(model.state).length > 0) {
    const ws = out.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    for (const row of encodeState(model.state)) ws.addRow(row);
  }
  const active = model.sheets.findIndex((s) => s.name === model.activeSheet && s.visibility === 'visible');
  if (active >= 0) out.views = [{ activeTab: active, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' }];
  return out;
}
