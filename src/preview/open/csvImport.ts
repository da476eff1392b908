/**
 * CSV exports (SIMS, Arbor, Bromcom, Excel "Save as CSV") as a sheet of the in-memory workbook:
 * UTF-8 with or without a byte-order mark, "," or ";" (or tab) separators, quoted fields, blank
 * trailing rows. Numbers become numbers (identifiers with leading zeros stay text), UK dates
 * (dd/mm/yyyy) and ISO dates become dates (Excel serial numbers shown with a date format), and a
 * row whose number of fields differs from the header row is refused with the rows to fix.
 */
import Papa from 'papaparse';
import type { CellValue } from '../../workbook/port';
import { emptySheet, type MemorySheet } from '../../workbook/memoryModel';
import { sanitiseSheetName } from '../../workbook/names';
import { keptText } from '../../workbook/cellText';
import { OpenFileError } from './fileCheck';
import { excelSerial } from '../../core/dates';

export const DATE_FORMAT = 'dd/mm/yyyy';
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Excel serial number of a calendar date (the rule lives in `core/dates.ts`). */
export { excelSerial };

/** One CSV field as a cell: blank, number, date serial or text; `isDate` says a date was read. */
export function csvCell(raw: string): { value: CellValue; isDate: boolean } {
  const t = raw.trim();
  if (t === '') return { value: null, isDate: false };
  if (NUMBER.test(t) && !/^[-+]?0\d/.test(t)) return { value: Number(t), isDate: false };
  const uk = UK_DATE.exec(t);
  const iso = uk ? null : ISO_DATE.exec(t);
  const serial = uk ? excelSerial(Number(uk[3]), Number(uk[2]), Number(uk[1])) : iso ? excelSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
  if (serial !== null) return { value: serial, isDate: true };
  // Text that Excel would take as a formula or as an apostrophe-escape stays text.
  return { value: keptText(t), isDate: false };
}

function describeRows(rows: number[]): string {
  const shown = rows.slice(0, 5).join(', ');
  return rows.length > 5 ? `${shown} and ${rows.length - 5} more` : shown;
}

/**
 * Parsed CSV rows (strings) as a sheet named after the file. Blank rows at the end are dropped;
 * fields beyond the header that are empty (a trailing separator) are ignored.
 */
export function csvRowsToSheet(rows: string[][], fileName: string): MemorySheet {
  const data = rows.map((r) => (r.length === 1 && r[0].trim() === '' ? [] : r));
  while (data.length > 0 && data[data.length - 1].every((f) => f.trim() === '')) data.pop();
  if (data.length === 0) throw new OpenFileError(`"${fileName}" has no rows of data. Export the data again and open the new file.`);
  if (data[0].length > 0) data[0][0] = data[0][0].replace(/^\uFEFF/, '');
  const header = data[0];
  let width = header.length;
  while (width > 0 && header[width - 1].trim() === '') width -= 1;
  if (width === 0) throw new OpenFileError(`"${fileName}" has an empty first row: the first row should hold the column headings. Delete the blank rows above the headings and open it again.`);
  const tooMany: number[] = [];
  const tooFew: number[] = [];
  for (let i = 1; i < data.length; i++) {
    const r = data[i];
    if (r.length === 0) continue;
    let len = r.length;
    while (len > width && r[len - 1].trim() === '') len -= 1;
    if (len > width) tooMany.push(i + 1);
    else if (len < width) tooFew.push(i + 1);
  }
  if (tooMany.length > 0 || tooFew.length > 0) {
    const parts: string[] = [];
    if (tooMany.length > 0) parts.push(`row${tooMany.length > 1 ? 's' : ''} ${describeRows(tooMany)} ha${tooMany.length > 1 ? 've' : 's'} more fields than the ${width} headings`);
    if (tooFew.length > 0) parts.push(`row${tooFew.length > 1 ? 's' : ''} ${describeRows(tooFew)} ha${tooFew.length > 1 ? 've' : 's'} fewer fields than the ${width} headings`);
    throw new OpenFileError(
      `"${fileName}" does not line up: ${parts.join(', and ')}. This usually means a comma or semicolon inside a value that is not in quotes. ` +
        'Export again with text in quotes, or fix those rows (open the file in a text editor or LibreOffice), then open it again.',
    );
  }
  const values: CellValue[][] = [];
  const dateRuns = new Map<number, Array<[number, number]>>();
  for (let i = 0; i < data.length; i++) {
    const r = data[i];
    const out: CellValue[] = new Array<CellValue>(width).fill(null);
    for (let c = 0; c < width; c++) {
      const f = r[c] ?? '';
      if (i === 0) {
        out[c] = f.trim() === '' ? null : f.trim();
        continue;
      }
      const { value, isDate } = csvCell(f);
      out[c] = value;
      if (isDate) {
        const runs = dateRuns.get(c) ?? [];
        const last = runs[runs.length - 1];
        if (last && last[1] === i) last[1] = i + 1;
        else runs.push([i, i + 1]);
        dateRuns.set(c, runs);
      }
    }
    values.push(out);
  }
  const sheet = emptySheet(sheetNameFor(fileName));
  sheet.values = values;
  sheet.freezeRows = 1;
  for (const [col, runs] of dateRuns) for (const [from, to] of runs) sheet.formats.push({ row: from, col, rows: to - from, cols: 1, numberFormat: DATE_FORMAT });
  return sheet;
}

/** A sheet name from a file name: without its extension, made valid for Excel. */
export function sheetNameFor(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return sanitiseSheetName(base || 'Data');
}

/** The separator of a CSV text: the one of ",", ";" and tab that its first line holds most of. */
export function guessDelimiter(text: string): string {
  let line = '';
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) break;
    if (!quoted) line += ch;
  }
  const counts = [',', ';', '\t'].map((d) => ({ d, n: line.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

/** A whole CSV text (for example read in Node) as a sheet; see `csvRowsToSheet`. */
export function csvTextToSheet(text: string, fileName: string): MemorySheet {
  const clean = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(clean, { delimiter: guessDelimiter(clean), skipEmptyLines: false });
  return csvRowsToSheet(parsed.data, fileName);
}
