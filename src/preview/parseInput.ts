/**
 * What typing into a cell of the preview stores, as Excel (English, UK) would store it:
 *
 * - text starting with "=" is a formula, kept exactly as typed;
 * - a leading apostrophe means "keep this as text": stored with the apostrophe, which the workbook
 *   treats as Excel's text prefix (the cell shows the text without it, and formulas read it as text);
 * - numeric text is a number: spaces around it, a sign, thousands separators, a decimal point, an
 *   exponent, a trailing "%" (50% is 0.5), a leading "£" and brackets for a negative are allowed, and
 *   the number keeps Excel's 15 significant digits;
 * - TRUE and FALSE in any case are booleans;
 * - nothing at all is a blank cell;
 * - anything else is text, kept exactly as typed (spaces included).
 *
 * Dates and times typed as text stay text here (Excel would turn them into serial numbers).
 *
 * @example parseInput("=GAPS.FSMGAP(L2:L5,M2:M5)") // "=GAPS.FSMGAP(L2:L5,M2:M5)"
 * @example parseInput(" 1,234.5 ")                // 1234.5
 * @example parseInput("' 98 ")                     // "' 98 " (text " 98 ")
 * @example parseInput("true")                      // true
 * @example parseInput("ABS")                       // "ABS"
 */
import type { CellValue } from '../workbook/port';

/** Digits with optional thousands separators (groups of three), a decimal part and an exponent. */
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;

/** The number numeric text stands for, or null when it is not a number Excel would read. */
export function numberFromText(text: string): number | null {
  let t = text.trim();
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) {
    // "(5)" is how accounts write -5.
    t = bracketed[1].trim();
    negative = true;
  } else if (t.startsWith('+') || t.startsWith('-')) {
    negative = t.startsWith('-');
    t = t.slice(1);
  }
  if (t.startsWith('£')) t = t.slice(1);
  let scale = 1;
  if (t.endsWith('%')) {
    t = t.slice(0, -1);
    scale = 100;
  }
  // At least one digit before any exponent: ".", "e5" and "," are text.
  if (!NUMBER.test(t) || !/\d/.test(t.split(/[eE]/)[0])) return null;
  const magnitude = Number(t.replace(/,/g, '')) / scale;
  if (!Number.isFinite(magnitude)) return null;
  if (magnitude === 0) return 0;
  return Number((negative ? -magnitude : magnitude).toPrecision(15));
}

/** The value a cell stores when `text` is typed into it (see the module comment). */
export function parseInput(text: string): CellValue {
  if (text === '') return null;
  if (text.startsWith('=') || text.startsWith("'")) return text;
  const n = numberFromText(text);
  if (n !== null) return n;
  const word = text.trim().toUpperCase();
  if (word === 'TRUE') return true;
  if (word === 'FALSE') return false;
  return text;
}

/**
 * The text an edit of a cell starts from: a formula as written, a number in full (up to Excel's 15
 * significant digits), TRUE or FALSE, and text as it is, with a leading apostrophe when typing it
 * back would store something else (text "98" is edited as "'98", so it stays text).
 */
export function editText(raw: CellValue): string {
  if (raw === null) return '';
  if (typeof raw === 'number') return String(Number(raw.toPrecision(15)));
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return parseInput(raw) === raw ? raw : `'${raw}`;
}
