/**
 * Pieces every report sheet shares: the header that says what data, when and with which settings,
 * number formats, date stamps and the small-group rule. Report builders are pure: they turn core
 * results into a `SheetSpec` that a `WorkbookPort` writes in one batch.
 */
import type { Block, CellValue, ChartSpec } from '../workbook/port';
import { dateTimeSerial, isoToSerial } from '../core/dates';
import { textCell } from '../workbook/cellText';
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
  /** Whole pounds, thousands separated (budgets and funding). */
  money: '£#,##0',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
  text: '@',
} as const;

/** "2026-11-22" in local time. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * A date for a cell of a date column (shown with `FORMATS.date`): its Excel serial, so it filters
 * and sorts as a date. Text that is no "yyyy-mm-dd" date (a note a colleague typed) stays text.
 *
 * @example dateCell("2027-03-31") // 46477 (Python: (date(2027,3,31) - date(1899,12,30)).days)
 */
export function dateCell(iso: string): CellValue {
  const serial = isoToSerial(iso);
  return serial ?? textCell(iso);
}

/** Today (the local date of `now`) as a date cell's serial, for a column shown with `FORMATS.date`. */
export function todayCell(now: Date): number {
  return dateTimeSerial(new Date(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** A date (and time) written as a date cell in a header line: its serial and the format showing it. */
export interface DateStamp {
  serial: number;
  format: string;
}

/** A "yyyy-mm-dd" date for a header line as a date cell; text that is no such date stays text. */
export function dateLine(iso: string): string | DateStamp {
  const serial = isoToSerial(iso);
  return serial === null ? iso : { serial, format: FORMATS.date };
}

/** The moment a sheet was made, for its header's "Made" line: shown as "2026-11-22 14:05". */
export function madeStamp(now: Date): DateStamp {
  const minute = new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes());
  return { serial: dateTimeSerial(minute), format: FORMATS.dateTime };
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

/** A header line: a label and its value (text, or a date written as a date cell). */
export type HeaderLine = [label: string, value: string | DateStamp];

/**
 * The header block at the top of every report: a title, then one "label: value" line per entry
 * (data source, when it was made, settings), starting at A1. A date line's value is a date cell
 * (its serial under its date format), so "Made" filters and sorts as a date.
 */
export function headerBlocks(title: string, lines: HeaderLine[], subtitle?: string): Block[] {
  const blocks: Block[] = [{ row: 0, col: 0, values: [[title]], style: 'title' }];
  let row = 1;
  if (subtitle) {
    blocks.push({ row, col: 0, values: [[subtitle]], style: 'subtitle' });
    row += 1;
  }
  let i = 0;
  while (i < lines.length) {
    const value = lines[i][1];
    if (typeof value !== 'string') {
      blocks.push({ row: row + i, col: 0, values: [[lines[i][0], value.serial]], style: 'note', numberFormat: [null, value.format] });
      i += 1;
      continue;
    }
    let end = i;
    while (end < lines.length && typeof lines[end][1] === 'string') end += 1;
    blocks.push({ row: row + i, col: 0, values: lines.slice(i, end).map(([k, v]) => [k, v as string]), style: 'note' });
    i = end;
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
