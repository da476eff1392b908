/**
 * Dates as they come back from a sheet: Excel date serials (what a date cell holds), ISO text,
 * or the UK day/month/year a teacher types. One reader so every date is understood the same way.
 */
import { isIsoDate } from './model';

/** Excel's day 0 for serials >= 61 (serials below count Excel's nonexistent 29 Feb 1900). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * An Excel date serial as "yyyy-mm-dd" (the time of day is dropped), or null outside 1900-9999.
 *
 * @example serialToIso(46348) // "2026-11-22"
 */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const day = Math.floor(serial);
  const ms = EXCEL_EPOCH_UTC + (day < 61 ? day + 1 : day) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A cell as a date "yyyy-mm-dd": a date serial, ISO text ("2026-11-22", with or without a time),
 * or UK text ("22/11/2026", "22-11-2026", "22.11.26"). Null when the cell is blank; the trimmed
 * text itself when it is not a date (the caller reports it).
 *
 * @example readDateCell("3/2/2027") // "2027-02-03" (day first, as in the UK)
 */
export function readDateCell(cell: unknown): { iso: string | null; text: string } {
  if (cell === null || cell === undefined) return { iso: null, text: '' };
  if (typeof cell === 'number') {
    const iso = serialToIso(cell);
    return { iso, text: iso ?? String(cell) };
  }
  if (typeof cell !== 'string') return { iso: null, text: '' };
  const t = cell.trim();
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
