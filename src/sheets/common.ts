/**
 * Pieces every report sheet shares: the header that says what data, when and with which settings,
 * number formats, date stamps and the small-group rule. Report builders are pure: they turn core
 * results into a `SheetSpec` that a `WorkbookPort` writes in one batch.
 */
import type { Block, CellValue, ChartSpec } from '../workbook/port';
import { SMALL_GROUP_SIZE } from '../core/gaps/gapSummary';


/** Number formats used across reports. */
export const FORMATS = {
  integer: '0',
  oneDp: '0.0',
  twoDp: '0.00',
  signedTwoDp: '+0.00;-0.00;0.00',
  percent: '0%',
  signedPercentPoints: '+0.0%;-0.0%;0.0%',
  currency: '£#,##0.00',
  date: 'yyyy-mm-dd',
  text: '@',
} as const;

/** "2026-11-22" in local time. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * A "yyyy-mm-dd" date as an Excel date serial (1900 date system), for a cell with a date format,
 * so it filters and sorts as a date; text that is not such a date is returned as it is. Office.js
 * (up to ExcelApi 1.9) cannot tell a workbook's date system, so in a 1904-system workbook these
 * cells show 4 years and a day late (see the README).
 *
 * @example isoToSerial("2027-03-31") // 46477 (R: as.numeric(as.Date("2027-03-31") - as.Date("1899-12-30")))
 */
export function isoToSerial(iso: string): number | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return iso;
  const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
  return serial < 61 ? serial - 1 : serial; // Excel counts a 29 Feb 1900 that never was
}

/** "2026-11-22 14:05" in local time. */
export function isoDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${isoDate(d)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A number for a cell: finite numbers as they are, anything else blank. */
export function num(x: number): CellValue {
  return Number.isFinite(x) ? x : null;
}

/**
 * The header block at the top of every report: a title, then one "label: value" line per entry
 * (data source, when it was made, settings), starting at A1.
 */
export function headerBlocks(title: string, lines: Array<[label: string, value: string]>, subtitle?: string): Block[] {
  const blocks: Block[] = [{ row: 0, col: 0, values: [[title]], style: 'title' }];
  let row = 1;
  if (subtitle) {
    blocks.push({ row, col: 0, values: [[subtitle]], style: 'subtitle' });
    row += 1;
  }
  if (lines.length > 0) {
    blocks.push({ row, col: 0, values: lines.map(([k, v]) => [k, v]), style: 'note' });
  }
  return blocks;
}

/** Rows taken by `headerBlocks` with these arguments (to place what follows). */
export function headerHeight(lines: number, subtitle?: string): number {
  return 1 + (subtitle ? 1 : 0) + lines;
}

/**
 * A chart of a table the report writes: the table's first `cols` columns from its header row down
 * (the header row names the series, the first column the categories), series by columns.
 */
export function chartOfTable(table: { row: number; rows: number; cols: number }, chart: Omit<ChartSpec, 'data' | 'seriesBy'>): ChartSpec {
  return { ...chart, data: { row: table.row, col: 0, rows: table.rows, cols: table.cols }, seriesBy: 'columns' };
}

/** A table row is greyed ('muted') when any of its groups has fewer than SMALL_GROUP_SIZE pupils. */
export function smallGroupTone(...groupSizes: number[]): 'muted' | null {
  return groupSizes.some((n) => n < SMALL_GROUP_SIZE) ? 'muted' : null;
}
