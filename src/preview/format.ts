/**
 * How the preview's grid shows a cell: the number formats reports use, roughly as Excel shows them
 * ("0.00", "+0.00;-0.00;0.00", "0%", "+0.0%;-0.0%;0.0%", "£#,##0.00", "yyyy-mm-dd", "@",
 * General), and error values as their code.
 *
 * @example formatCell(0.6667, '0%') // "67%"
 * @example formatCell(-1.5, '+0.00;-0.00;0.00') // "-1.50"
 */
import type { CellValue } from '../workbook/port';

/** Excel's General format, roughly: up to 10 significant digits, no trailing zeros. */
function general(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e11) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return x.toExponential(4).replace('e+', 'E+').replace('e-', 'E-');
  return String(Number(x.toPrecision(10)));
}

/** Serial date (days since 1899-12-30) as yyyy-mm-dd. */
function serialDate(x: number): string {
  const ms = Math.round((x - 25569) * 86400000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return general(x);
  return d.toISOString().slice(0, 10);
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
  if (/y{2,4}|d{1,2}|m{1,2}/i.test(format) && !/[0#]/.test(format)) return serialDate(x);
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
  // A section chosen for negatives carries its own sign; one shared section shows the minus sign.
  const sign = v < 0 && !prefix.includes('-') ? '-' : '';
  const rounded = Number(text.replace(/,/g, ''));
  return `${rounded === 0 && sign ? '' : sign}${prefix}${text}${suffix}`;
}

/** What a cell shows in the grid. */
export function formatCell(value: CellValue | undefined, format?: string | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, format);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}
