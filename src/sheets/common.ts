/**
 * Pieces every report sheet shares: the header that says what data, when and with which settings,
 * number formats, date stamps and the small-group rule. Report builders are pure: they turn core
 * results into a `SheetSpec` that a `WorkbookPort` writes in one batch.
 */
import type { Block, CellValue } from '../workbook/port';


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
