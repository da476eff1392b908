/**
 * Dates as Excel keeps them, the one home for every date rule: calendar dates and Excel date
 * serials (the 1900 date system, including Excel's 29 February 1900 that never was), the 1904 date
 * system's offset, which number formats show dates, and how a cell read from a sheet is understood
 * as a date (a serial, ISO text written by earlier versions, or a UK day/month/year a teacher types).
 *
 * Above the workbook port every serial is in the 1900 date system; the port's implementations turn
 * a 1904-system workbook's serials into 1900 ones when they read and back when they write.
 */

const MS_PER_DAY = 86_400_000;
/** Day 0 of the serials from 1 March 1900 on (serials below 61 count Excel's nonexistent 29 Feb 1900). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Unix day 0 (1970-01-01) as a 1900-system serial. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Last serial Excel shows as a date (9999-12-31). */
const LAST_SERIAL = 2_958_465;

/**
 * Days between the two date systems: a 1904-system serial plus this is the 1900-system serial of the
 * same day (1904-01-01 is 0 in one and 1462 in the other).
 */
export const DAYS_1904_TO_1900 = 1462;

/** True for a real calendar date written "yyyy-mm-dd" from the year 1900 on. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900;
}

/**
 * The Excel serial (1900 date system) of a calendar date, or null when it is no date Excel shows.
 *
 * @example excelSerial(2027, 3, 31) // 46477 (Python: (date(2027,3,31) - date(1899,12,30)).days)
 */
export function excelSerial(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || year < 1900 || year > 9999) return null;
  const serial = Math.round((ms - EPOCH_UTC) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

/**
 * A "yyyy-mm-dd" date as its Excel serial, or null when the text is not such a date.
 *
 * @example isoToSerial("2027-03-31") // 46477
 */
export function isoToSerial(iso: string): number | null {
  if (!isIsoDate(iso)) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return excelSerial(y, m, d);
}

/**
 * A moment in local time as an Excel serial: its calendar date plus the time of day as a fraction
 * (what Excel stores for a date and time typed in the sheet).
 *
 * @example dateTimeSerial(new Date(2026, 10, 22, 14, 5)) // 46348.586805... (14:05 is 845/1440 of a day)
 */
export function dateTimeSerial(d: Date): number {
  const day = excelSerial(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? NaN;
  const minutes = d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60;
  return day + minutes / 1440;
}

/** A moment (a JavaScript date, read as UTC as exceljs gives cell dates) as an Excel serial. */
export function utcDateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * An Excel date serial as "yyyy-mm-dd" (the time of day is dropped), or null outside 1900-9999.
 *
 * @example serialToIso(46348) // "2026-11-22"
 */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL + 0.99999) return null;
  const day = Math.floor(serial);
  const ms = EPOCH_UTC + (day < 61 ? day + 1 : day) * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * True when a number format shows a date or a time ("yyyy-mm-dd", "d mmm yyyy", "dd/mm/yyyy hh:mm",
 * "[$-809]d mmmm yyyy"), false for number formats ("0.00", "£#,##0", "0%", "General", "@").
 * Quoted text, escaped characters and [bracketed] parts (colours, locales, elapsed-time markers) are
 * left out before looking for the date letters d, m, y, h and s.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.replace(/general/gi, '').replace(/[eE][+-]/g, ''));
}

/**
 * A cell as a date "yyyy-mm-dd": a date serial, ISO text ("2026-11-22", with or without a time,
 * as earlier versions wrote it), or UK text ("22/11/2026", "22-11-2026", "22.11.26"). Null when the
 * cell is blank; the trimmed text itself when it is not a date (the caller reports it).
 *
 * @example readDateCell(46348) // { iso: "2026-11-22", text: "2026-11-22" }
 * @example readDateCell("3/2/2027") // "2027-02-03" (day first, as in the UK)
 */
export function readDateCell(cell: unknown): { iso: string | null; text: string } {
  if (cell === null || cell === undefined) return { iso: null, text: '' };
  if (typeof cell === 'number') {
    const iso = serialToIso(cell);
    return { iso, text: iso ?? String(cell) };
  }
  if (typeof cell !== 'string') return { iso: null, text: '' };
  const t = cell.trim().replace(/^'/, '');
  if (t === '') return { iso: null, text: '' };
  const isoPart = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(t);
  if (isoPart && isIsoDate(isoPart[1])) return { iso: isoPart[1], text: isoPart[1] };
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (uk) {
    const y = uk[3].length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
    const iso = `${y}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
    if (isIsoDate(iso)) return { iso, text: iso };
  }
  return { iso: null, text: t };
}
