/**
 * How the preview's grid shows a cell: the number formats reports use, roughly as Excel shows them
 * ("0.00", "+0.00;-0.00;0.00", "0%", "+0.0%;-0.0%;0.0%", "£#,##0.00", dates such as "yyyy-mm-dd hh:mm", "@",
 * General), and error values as their code.
 *
 * @example formatCell(0.6667, '0%') // "67%"
 * @example formatCell(-1.5, '+0.00;-0.00;0.00') // "-1.50"
 */
import type { CellValue } from '../workbook/port';
import { isDateFormat, serialToIso } from '../core/dates';
import { fixed, showsAsZero } from '../core/numberText';

/** Excel's General format, roughly: up to 10 significant digits, no trailing zeros. */
function general(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e11) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return x.toExponential(4).replace('e+', 'E+').replace('e-', 'E-');
  return String(Number(x.toPrecision(10)));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A date serial (1900 date system) in a date format, as Excel shows it: yyyy, yy, mmmm, mmm, mm, m,
 * dddd, ddd, dd, d, hh, h, mm or m after an hour (minutes), ss, AM/PM; quoted and escaped text as
 * it is. Seconds are dropped when the format shows none, as in Excel.
 *
 * @example serialDate(46348.5868, 'yyyy-mm-dd hh:mm') // "2026-11-22 14:05"
 * @example serialDate(46348, 'd mmm yyyy') // "22 Nov 2026"
 */
export function serialDate(x: number, format: string): string {
  const iso = serialToIso(x);
  if (iso === null) return general(x);
  const [y, mo, d] = iso.split('-').map(Number);
  const secondsOfDay = Math.floor((x - Math.floor(x)) * 86400 + 1e-6);
  const h = Math.floor(secondsOfDay / 3600);
  const mi = Math.floor((secondsOfDay % 3600) / 60);
  const se = secondsOfDay % 60;
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  const section = format.split(';')[0].replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  const ampm = /AM\/PM/i.test(section);
  const two = (n: number) => String(n).padStart(2, '0');
  const tokens = /"[^"]*"|\\.|AM\/PM|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|./gi;
  const parts = section.match(tokens) ?? [];
  let out = '';
  let afterHour = false;
  parts.forEach((t, i) => {
    const lower = t.toLowerCase();
    const nextTime = parts.slice(i + 1).find((p) => /^[a-z]/i.test(p))?.toLowerCase() ?? '';
    if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith('\\')) out += t.slice(1);
    else if (lower === 'am/pm') out += h < 12 ? 'AM' : 'PM';
    else if (lower === 'yyyy') out += String(y);
    else if (lower === 'yy') out += two(y % 100);
    else if (lower === 'dddd') out += DAYS[weekday];
    else if (lower === 'ddd') out += DAYS[weekday].slice(0, 3);
    else if (lower === 'dd') out += two(d);
    else if (lower === 'd') out += String(d);
    else if (lower === 'hh' || lower === 'h') {
      const hour = ampm ? ((h + 11) % 12) + 1 : h;
      out += lower === 'hh' ? two(hour) : String(hour);
      afterHour = true;
      return;
    } else if (lower === 'ss' || lower === 's') out += lower === 'ss' ? two(se) : String(se);
    else if (lower.startsWith('m')) {
      const minutes = (afterHour || nextTime.startsWith('s')) && lower.length <= 2;
      if (minutes) out += lower === 'mm' ? two(mi) : String(mi);
      else if (lower === 'mmmmm') out += MONTHS[mo - 1][0];
      else if (lower === 'mmmm') out += MONTHS[mo - 1];
      else if (lower === 'mmm') out += MONTHS[mo - 1].slice(0, 3);
      else out += lower === 'mm' ? two(mo) : String(mo);
    } else out += t;
    if (/^[a-z]/i.test(t)) afterHour = false;
  });
  return out;
}

function withSections(format: string, x: number): { section: string; value: number } {
  const parts = format.split(';');
  if (x > 0 || parts.length === 1) return { section: parts[0], value: x };
  if (x < 0) return parts.length >= 2 ? { section: parts[1], value: Math.abs(x) } : { section: parts[0], value: x };
  return { section: parts[2] ?? parts[0], value: x };
}

/** A number in a number format (sections, decimals, %, +/-, currency, thousands separators). */
export function formatNumber(x: number, format: string | null | undefined): string {
  if (!format || format === 'General' || format === '@') return general(x);
  if (isDateFormat(format)) return serialDate(x, format);
  const { section, value } = withSections(format, x);
  const percent = section.includes('%');
  const v = percent ? value * 100 : value;
  const decimals = /\.([0#]+)/.exec(section)?.[1].length ?? 0;
  let text = Math.abs(v).toFixed(decimals);
  if (section.includes(',')) {
    const [whole, frac] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  const prefix = (/^[^0#]*/.exec(section)?.[0] ?? '').replace(/"/g, '').replace(/\\/g, '');
  const suffix = percent ? '%' : '';
  // A section chosen for negatives carries its own sign; one shared section shows the minus sign,
  // even when the number rounds to zero ("-0.00"), as Excel does.
  const sign = v < 0 && !prefix.includes('-') ? '-' : '';
  return `${sign}${prefix}${text}${suffix}`;
}

/**
 * A value axis' tick label: in the axis' number format when the chart has one ("0%": 0.5 is "50%"),
 * else one decimal below 10 and none above.
 */
export function axisLabel(t: number, format?: string | null): string {
  if (format) return formatNumber(showsAsZero(t, 6) ? 0 : t, format);
  return Math.abs(t) >= 10 ? fixed(t, 0) : fixed(t, 1);
}

/** What a cell shows in the grid. */
export function formatCell(value: CellValue | undefined, format?: string | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, format);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}
