/**
 * An .xlsx file read as the in-memory workbook's model: every sheet (with its visibility), values,
 * Excel tables (names and ranges), dates as dates (serial numbers with the cell's date format),
 * formulas' cached results (the formula kept beside them), number formats, frozen rows, column
 * widths, and the add-in's state from its very hidden sheet.
 *
 * The package is unzipped with fflate and its small parts (workbook, relationships, styles, tables,
 * each sheet outside its cells) are parsed with saxes. The cells themselves (`<sheetData>` and the
 * shared strings: nearly all of a large file) are scanned with the few regular expressions their
 * fixed shape allows: on a 100,000-row export (58 MB of sheet XML) an event parser takes 4-6 s to
 * walk the cells, the scan under 1 s.
 *
 * Dates come in as 1900-system serials whichever date system the file uses: in a 1904-system file
 * (`<workbookPr date1904="1"/>`, an old Mac workbook) every number under a date format, a formula's
 * cached result included, is moved by `DAYS_1904_TO_1900` (see `fromDateSystem`).
 */
import type { CellValue } from '../../workbook/port';
import { emptySheet, type FormatArea, type ImportedFormula, type MemorySheet, type MemoryTable, type WorkbookModel } from '../../workbook/memoryModel';
import { parseRangeRef } from '../../workbook/a1';
import { decodeState } from '../../workbook/stateCells';
import { OWNED_SHEETS_KEY, isOwnedName, parseOwned } from '../../workbook/owned';
import { DATE_FORMAT } from './csvImport';
import { keptText, shownValue } from '../../workbook/cellText';
import { DAYS_1904_TO_1900, excelSerial, isDateFormat } from '../../core/dates';
import { STATE_SHEET } from './stateSheet';
import { fromFileFormula, widthToPoints } from './fileUnits';
import { BUILT_IN_FORMATS } from './builtInFormats';
import { parseXml, partText, relationshipsOf, relKind, unescapeXml, unzipParts, uses1904, workbookPath, workbookSheets, type Parts } from './ooxml';

/** How Excel saves a call of the add-in's functions: `_xldudf_GAPS_FSMGAP(` for `GAPS.FSMGAP(`. */
const GAPS_CALL = /\b(_xldudf_GAPS_|GAPS\.)[A-Z][A-Z0-9]*\(/;

/** The number format of each cell style (`s` attribute), from styles.xml. */
export function cellFormats(parts: Parts, workbook: string): string[] {
  const rel = relationshipsOf(parts, workbook).find((r) => relKind(r.type) === 'styles');
  const text = partText(parts, rel?.target ?? 'xl/styles.xml');
  if (!text) return [];
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellXfs = false;
  parseXml(text, {
    open: (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? 'General');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? 'General');
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

const PREFIX = '(?:[\\w.-]+:)?';
const TEXT_RUN = new RegExp(`<${PREFIX}t\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${PREFIX}t>)`, 'g');
const PHONETIC = new RegExp(`<${PREFIX}rPh\\b[\\s\\S]*?<\\/${PREFIX}rPh>`, 'g');

/** The text of a string item (`<si>` or `<is>`): its runs joined, phonetic guides left out. */
function itemText(inner: string): string {
  if (inner.startsWith('<t>') && inner.endsWith('</t>') && inner.indexOf('<', 3) === inner.length - 4) return unescapeXml(inner.slice(3, -4));
  const body = inner.includes('rPh') ? inner.replace(PHONETIC, '') : inner;
  let out = '';
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(body); m; m = TEXT_RUN.exec(body)) out += m[1] ?? '';
  return unescapeXml(out);
}

function sharedStrings(parts: Parts, workbook: string): string[] {
  const rel = relationshipsOf(parts, workbook).find((r) => relKind(r.type) === 'sharedStrings');
  const text = partText(parts, rel?.target ?? 'xl/sharedStrings.xml');
  if (!text) return [];
  const out: string[] = [];
  const item = new RegExp(`<${PREFIX}si\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${PREFIX}si>)`, 'g');
  for (let m = item.exec(text); m; m = item.exec(text)) out.push(m[1] === undefined ? '' : itemText(m[1]));
  return out;
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

/** An attribute of a start tag's attribute text (` r="A1" s="3"`); quick for the usual spacing. */
function attr(text: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const i = text.indexOf(key);
  if (i >= 0) {
    const start = i + key.length;
    return text.slice(start, text.indexOf('"', start));
  }
  // Other white space or quotes (rare): the general form.
  if (text.indexOf("'") < 0 && text.indexOf('\n') < 0 && text.indexOf('\t') < 0 && text.indexOf('\r') < 0 && text.indexOf(' =') < 0) return undefined;
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** A cell's `r`, `s` and `t` attributes. */
interface CellAttrs {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
}

/**
 * The `r`, `s` and `t` attributes of a cell's start tag in one pass over the usual form
 * (` r="A1" s="3" t="s"`, in any order); other spacing or quotes take the general `attr`.
 */
function cellAttrs(text: string, out: CellAttrs): CellAttrs {
  out.r = out.s = out.t = undefined;
  if (text.indexOf("'") >= 0 || text.indexOf(' =') >= 0 || text.indexOf('= ') >= 0 || /[\t\n\r]/.test(text)) {
    out.r = attr(text, 'r');
    out.s = attr(text, 's');
    out.t = attr(text, 't');
    return out;
  }
  let i = 0;
  for (;;) {
    const eq = text.indexOf('="', i);
    if (eq < 0) return out;
    const end = text.indexOf('"', eq + 2);
    if (end < 0) return out;
    // The attribute's name: one letter after a space for the three wanted here.
    if (eq >= 2 && text.charCodeAt(eq - 2) === 32) {
      const c = text.charCodeAt(eq - 1);
      if (c === 114) out.r = text.slice(eq + 2, end);
      else if (c === 115) out.s = text.slice(eq + 2, end);
      else if (c === 116) out.t = text.slice(eq + 2, end);
    }
    i = end + 1;
  }
}

/** Column (0-based) and row (0-based) of a reference like "AB12", or null when it is none. */
function refAt(ref: string): { col: number; row: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3 || i === ref.length) return null;
  let row = 0;
  for (let k = i; k < ref.length; k++) {
    const d = ref.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return { col: col - 1, row: row - 1 };
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** A cell's value of type `t` from its `<v>` text (shared strings looked up). */
function typedValue(t: string | undefined, v: string, strings: string[]): { value: CellValue; date: boolean } {
  switch (t) {
    case 's': {
      const s = strings[Number(v)];
      return { value: s === undefined ? null : keptText(s), date: false };
    }
    case 'str':
    case 'inlineStr':
      return { value: keptText(unescapeXml(v)), date: false };
    case 'b':
      return { value: v === '1' || v === 'true', date: false };
    case 'e':
      return { value: unescapeXml(v), date: false };
    case 'd': {
      const m = ISO_DATE_TIME.exec(v);
      const day = m ? excelSerial(Number(m[1]), Number(m[2]), Number(m[3])) : null;
      if (!m || day === null) return { value: v === '' ? null : keptText(v), date: false };
      const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
      return { value: day + seconds / 86_400, date: true };
    }
    default: {
      if (v === '') return { value: null, date: false };
      const n = Number(v);
      return { value: Number.isFinite(n) ? n : keptText(unescapeXml(v)), date: false };
    }
  }
}

const ROW_OR_CELL = new RegExp(`<${PREFIX}(?:(row)\\b([^>]*?)\\/?>|c\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${PREFIX}c>))`, 'g');
const CELL_PART = new RegExp(`<${PREFIX}(v|f|is)\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${PREFIX}(?:v|f|is)>)`, 'g');

interface SheetCells {
  values: CellValue[][];
  formats: FormatArea[];
  formulas: ImportedFormula[];
}

/**
 * The cells of a `<sheetData>` body: values, number formats, formulas with their cached results.
 * `days` is added to numbers under date formats (1462 in a 1904-system file, else 0).
 */
export function readCells(body: string, strings: string[], styles: string[], days = 0): SheetCells {
  const dated = days === 0 ? [] : styles.map((f) => isDateFormat(f));
  const values: CellValue[][] = [];
  const formats = new FormatRuns();
  const formulas: ImportedFormula[] = [];
  let row = -1;
  let col = -1;
  let line: CellValue[] = [];
  const found: CellAttrs = { r: undefined, s: undefined, t: undefined };
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(body); m; m = ROW_OR_CELL.exec(body)) {
    if (m[1] !== undefined) {
      const r = attr(m[2], 'r');
      row = r !== undefined ? Number(r) - 1 : row + 1;
      col = -1;
      line = values[row] ?? (values[row] = []);
      continue;
    }
    const attrs = cellAttrs(m[3], found);
    const at = attrs.r !== undefined ? refAt(attrs.r) : null;
    if (at) {
      col = at.col;
      const r = at.row;
      if (r !== row) {
        row = r;
        line = values[row] ?? (values[row] = []);
      }
    } else {
      col += 1;
      if (row < 0) {
        row = 0;
        line = values[0] ?? (values[0] = []);
      }
    }
    const content = m[4];
    if (!content) continue;
    const t = attrs.t;
    let v: string | undefined;
    let formula: string | undefined;
    let inline: string | undefined;
    if (content.startsWith('<v>') && content.indexOf('<', 3) === content.length - 4) {
      v = content.slice(3, -4);
    } else {
      CELL_PART.lastIndex = 0;
      for (let p = CELL_PART.exec(content); p; p = CELL_PART.exec(content)) {
        if (p[1] === 'v') v = p[3] ?? '';
        else if (p[1] === 'f') formula = p[3] === undefined ? undefined : unescapeXml(p[3]);
        else inline = p[3] === undefined ? '' : itemText(p[3]);
      }
    }
    let got: { value: CellValue; date: boolean };
    if (t === 'inlineStr') got = { value: keptText(inline ?? unescapeXml(v ?? '')), date: false };
    else if (v === undefined) got = { value: null, date: false };
    else got = typedValue(t, v, strings);
    const s = attrs.s;
    if (days !== 0 && typeof got.value === 'number' && s !== undefined && dated[Number(s)]) got = { value: got.value + days, date: true };
    if (formula) {
      if (GAPS_CALL.test(formula)) got = { value: `=${fromFileFormula(formula)}`, date: false };
      else formulas.push({ row, col, formula: `=${formula}`, result: got.value });
    }
    if (got.value === null && !formula) continue;
    line[col] = got.value;
    const fmt = s === undefined ? undefined : styles[Number(s)];
    if (fmt && fmt !== 'General') formats.add(row, col, fmt);
    else if (got.date) formats.add(row, col, DATE_FORMAT);
  }
  for (let r = 0; r < values.length; r++) {
    const l = values[r];
    if (!l) values[r] = [];
    else for (let c = 0; c < l.length; c++) if (l[c] === undefined) l[c] = null;
  }
  // Rows with no value at the end (formatted blank rows) are no part of the sheet's data.
  while (values.length > 0 && values[values.length - 1].every((v) => v === null)) values.pop();
  return { values, formats: formats.areas, formulas };
}

/** Where a sheet's `<sheetData>` is: the body's start and end, and the end of its closing tag. */
export function sheetDataSpan(xml: string): { open: number; bodyStart: number; bodyEnd: number; close: number } | null {
  const m = new RegExp(`<(${PREFIX})sheetData\\b[^>]*?(\\/?)>`).exec(xml);
  if (!m) return null;
  const bodyStart = m.index + m[0].length;
  if (m[2] === '/') return { open: m.index, bodyStart, bodyEnd: bodyStart, close: bodyStart };
  const closeTag = `</${m[1]}sheetData>`;
  const bodyEnd = xml.indexOf(closeTag, bodyStart);
  if (bodyEnd < 0) return null;
  return { open: m.index, bodyStart, bodyEnd, close: bodyEnd + closeTag.length };
}

function readTables(parts: Parts, sheetPath: string): MemoryTable[] {
  const out: MemoryTable[] = [];
  for (const rel of relationshipsOf(parts, sheetPath)) {
    if (relKind(rel.type) !== 'table') continue;
    const text = partText(parts, rel.target);
    if (!text) continue;
    let name = '';
    let ref = '';
    let style: string | undefined;
    parseXml(text, {
      open: (tag, a) => {
        if (tag === 'table') {
          name = a.displayName || a.name || '';
          ref = a.ref ?? '';
        } else if (tag === 'tableStyleInfo' && a.name) style = a.name;
      },
    });
    const r = parseRangeRef(ref);
    if (!r || !name || r.lastRow === null) continue;
    out.push({ name, row: r.row, col: r.col, rows: r.lastRow - r.row + 1, cols: r.lastCol - r.col + 1, style });
  }
  return out;
}

function readSheet(parts: Parts, path: string, name: string, strings: string[], styles: string[], days: number): MemorySheet {
  const sheet = emptySheet(name);
  const xml = partText(parts, path) ?? '';
  const span = sheetDataSpan(xml);
  if (span) {
    const cells = readCells(xml.slice(span.bodyStart, span.bodyEnd), strings, styles, days);
    sheet.values = cells.values;
    sheet.formats = cells.formats;
    if (cells.formulas.length > 0) sheet.importedFormulas = cells.formulas;
  }
  // The sheet without its cells: its view (frozen rows) and column widths.
  const widths: number[] = [];
  let firstView = true;
  parseXml(span ? xml.slice(0, span.open) + xml.slice(span.close) : xml, {
    open: (tag, a) => {
      if (tag === 'pane' && firstView && (a.state === 'frozen' || a.state === 'frozenSplit') && a.ySplit) sheet.freezeRows = Math.round(Number(a.ySplit));
      else if (tag === 'col' && a.width !== undefined && a.min !== undefined) {
        const last = Math.min(Number(a.max ?? a.min), 16_384);
        for (let c = Number(a.min); c <= last && c - 1 < 1000; c++) widths[c - 1] = widthToPoints(Number(a.width));
      }
    },
    close: (tag) => {
      if (tag === 'sheetView') firstView = false;
    },
  });
  if (widths.length > 0) sheet.columnWidths = Array.from(widths, (w) => w ?? widthToPoints(9.14));
  sheet.tables = readTables(parts, path);
  return sheet;
}

/**
 * The model of an .xlsx package. The state sheet becomes the add-in's state (not a sheet); the
 * sheets it lists as the add-in's own are marked as such, so a saved report can be rewritten.
 */
export function modelFromParts(parts: Parts): WorkbookModel {
  const workbook = workbookPath(parts);
  const strings = sharedStrings(parts, workbook);
  const styles = cellFormats(parts, workbook);
  const days = uses1904(parts) ? DAYS_1904_TO_1900 : 0;
  const sheets: MemorySheet[] = [];
  let state: Record<string, string> = {};
  for (const entry of workbookSheets(parts)) {
    if (!entry.path) continue;
    const sheet = readSheet(parts, entry.path, entry.name, strings, styles, days);
    if (entry.name === STATE_SHEET) {
      state = decodeState(sheet.values.map((r) => r.map(shownValue)));
      continue;
    }
    sheet.visibility = entry.state;
    sheets.push(sheet);
  }
  const owned = parseOwned(state[OWNED_SHEETS_KEY] ?? null);
  for (const s of sheets) if (isOwnedName(owned, s.name)) s.madeByAddIn = true;
  const firstVisible = sheets.find((s) => s.visibility === 'visible') ?? sheets[0];
  return { sheets, activeSheet: firstVisible?.name ?? null, selection: null, state };
}

/** The model of an .xlsx file's bytes; throws when the file is no zip or has no workbook. */
export function modelFromXlsx(bytes: Uint8Array | ArrayBuffer): WorkbookModel {
  return modelFromParts(unzipParts(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));
}

/** A reading's outcome as a worker answers it: the model, or the reader's error (`damaged`: the file's fault). */
export type XlsxAnswer = { ok: true; model: WorkbookModel } | { ok: false; damaged: boolean; message: string };

/** Reads an .xlsx file's bytes, catching the reader's error as the first line of its message. */
export function readXlsxAnswer(bytes: Uint8Array | ArrayBuffer): XlsxAnswer {
  try {
    return { ok: true, model: modelFromXlsx(bytes) };
  } catch (err) {
    return { ok: false, damaged: true, message: err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err) };
  }
}
