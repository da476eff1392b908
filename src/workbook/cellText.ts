/**
 * The one rule for text written to a sheet, for every workbook and every sheet builder.
 *
 * In a `CellValue` written through the port, a string starting with "=" is a formula and a string
 * starting with an apostrophe is text marked "keep as text" (Excel's own convention: the apostrophe
 * is not part of the text). Any other string is text as it is, and the workbook keeps it as text
 * even where Excel would convert it (numbers, dates, booleans, error literals, "+5", "-abc").
 *
 * So a sheet builder writing text that came from people (a statement's title, a note, an
 * intervention's name) passes it through `textCell`: "=Reading" stays the text "=Reading" instead
 * of breaking the write as a bad formula, and "'Tis" keeps its apostrophe.
 */
import type { CellValue } from './port';
import { readScore } from '../core/cells';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';

/**
 * Text Excel would not keep as typed: numbers, currency, percentages, dates and times ("1/2",
 * "9:30", "Mar 2026", "12-Sep"), booleans, error literals ("#N/A" becomes an error value), and text
 * starting with "=", an apostrophe, "+", "-" or "@" (Excel reads "-abc" or "+5" as a formula).
 */
const COERCIBLE = new RegExp(
  [
    "^[=']",
    '^\\s*[-+@(]',
    '^\\s*[\\d£$€]',
    '^\\s*[.,]\\d',
    '^\\s*(true|false)\\s*$',
    '^\\s*#(null!|div/0!|value!|ref!|name\\?|num!|n/a|spill!|calc!|getting_data|field!|blocked!|connect!|busy!|unknown!)\\s*$',
    `^\\s*${MONTH}[\\s\\-/.,]*\\d`,
  ].join('|'),
  'i',
);

/** True when Excel would not store this text as typed (see `COERCIBLE`). */
export function excelWouldConvert(text: string): boolean {
  return COERCIBLE.test(text);
}

/** Text marked so Excel stores exactly `text` (always with the apostrophe: for the state sheet). */
export function markedText(text: string): string {
  return `'${text}`;
}

/**
 * People's text as a cell value that reaches the sheet as exactly that text: blank as an empty
 * cell, text starting with "=", an apostrophe or (when it is not a number) "+", "-" or "@" marked,
 * anything else as it is.
 *
 * @example textCell("=Reading") // "'=Reading"
 * @example textCell("'Tis") // "''Tis" (Excel stores "'Tis")
 */
export function textCell(text: string): CellValue {
  if (text === '') return null;
  const formulaLike = /^[=']/.test(text) || (/^[+\-@]/.test(text) && Number.isNaN(readScore(text)));
  return formulaLike ? markedText(text) : text;
}

/** A cell value as sent to Excel: null as "", formulas and marked text as they are, other text protected. */
export function toExcelValue(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v !== 'string' || v.startsWith("'") || (v.length > 1 && v.startsWith('='))) return v;
  return excelWouldConvert(v) ? markedText(v) : v;
}

/** The text a cell value shows once written: marked text without its apostrophe. */
export function shownText(v: string): string {
  return v.startsWith("'") ? v.slice(1) : v;
}

/** What a cell value shows: marked text without its apostrophe, anything else as it is. */
export function shownValue(v: CellValue): CellValue {
  return typeof v === 'string' ? shownText(v) : v;
}

/**
 * Text read from a file (xlsx or CSV) as the cell value that shows exactly it: text starting with
 * "=" (not a formula in the file) or an apostrophe is marked, other text is as it is.
 *
 * @example keptText("=A1") // "'=A1"
 */
export function keptText(text: string): string {
  return /^[=']/.test(text) ? markedText(text) : text;
}
