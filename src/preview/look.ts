/**
 * How the preview's grid looks, decided without React or the browser: column widths, how many rows
 * and columns to draw, and for each cell its text, fill, font and alignment (report styles, tones,
 * table headers and bands, conditional formats, number formats). The grid component only draws
 * what these functions decide, so the decisions are tested in Node.
 *
 * @example cellLook({ value: -1.5, format: { numberFormat: '+0.00;-0.00;0.00' } }).text // "-1.50"
 */
import type { CellValue, ConditionalFormat } from '../workbook/port';
import type { FormatArea, MemorySheet } from '../workbook/memoryModel';
import { SCALE_COLOURS, STYLE_FORMATS, TONE_FILLS } from '../workbook/palette';
import { formatCell } from './format';
import { valueRuleFill } from '../workbook/conditionalFormats';

export const ROW_H = 22;
export const HEAD_W = 44;
export const DEFAULT_W = 72;
export const MAX_COLS = 120;

/** The formatting of one cell, as `MemoryWorkbook.cellFormat` returns it. */
export type CellFormat = Omit<FormatArea, 'row' | 'col' | 'rows' | 'cols'>;

/** Column widths in pixels: a sheet's widths (in points) converted, else the default width. */
export function columnWidths(widthsInPoints: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, c) => {
    const pt = widthsInPoints[c];
    return pt && pt > 0 ? Math.round((pt * 4) / 3) : DEFAULT_W;
  });
}

/** A colour `t` of the way from `a` to `b` (both "#RRGGBB"), as "rgb(r,g,b)". */
export function hexMix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `rgb(${pa.map((x, i) => Math.round(x + (pb[i] - x) * t)).join(',')})`;
}

/** The lowest and highest number under each colour scale (what its colours run between). */
export function colourScaleRanges(rules: readonly ConditionalFormat[], values: CellValue[][]): Map<ConditionalFormat, [number, number]> {
  const ranges = new Map<ConditionalFormat, [number, number]>();
  for (const f of rules) {
    if (f.kind !== 'colorScale') continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = f.row; r < f.row + f.rows; r++)
      for (let c = f.col; c < f.col + f.cols; c++) {
        const v = values[r]?.[c];
        if (typeof v === 'number') {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    ranges.set(f, [lo, hi]);
  }
  return ranges;
}

/** Fill from conditional formats for one cell, if any (later rules win). */
export function conditionalFill(rules: readonly ConditionalFormat[], ranges: Map<ConditionalFormat, [number, number]>, r: number, c: number, v: CellValue): string | undefined {
  if (typeof v !== 'number') return undefined;
  let fill: string | undefined;
  for (const f of rules) {
    if (r < f.row || r >= f.row + f.rows || c < f.col || c >= f.col + f.cols) continue;
    if (f.kind === 'greaterThan' && f.value !== undefined && v > f.value) fill = valueRuleFill(f);
    else if (f.kind === 'lessThan' && f.value !== undefined && v < f.value) fill = valueRuleFill(f);
    else if (f.kind === 'colorScale') {
      const [lo, hi] = ranges.get(f) ?? [v, v];
      const t = hi === lo ? 0.5 : (v - lo) / (hi - lo);
      fill = t < 0.5 ? hexMix(SCALE_COLOURS.low, SCALE_COLOURS.mid, t * 2) : hexMix(SCALE_COLOURS.mid, SCALE_COLOURS.high, (t - 0.5) * 2);
    }
  }
  return fill;
}

/** Whether a cell is in a table's header row. */
export function isTableHeader(sheet: Pick<MemorySheet, 'tables'>, r: number, c: number): boolean {
  return sheet.tables.some((t) => t.row === r && c >= t.col && c < t.col + t.cols);
}

/** Whether a cell is in a table's body (below its header row). */
export function isInTable(sheet: Pick<MemorySheet, 'tables'>, r: number, c: number): boolean {
  return sheet.tables.some((t) => r > t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols);
}

/** Everything that decides one cell's look. */
export interface CellLookInput {
  /** The value the cell shows (computed; a spilled value like any other). */
  value: CellValue;
  format: CellFormat;
  /** The fill a conditional format gives it, if any (it wins over every other fill). */
  conditional?: string;
  tableHeader?: boolean;
  /** In a table's body on a banded row. */
  banded?: boolean;
  /** The fill of a banded table row (a theme colour in the page). */
  bandFill?: string;
  /** The text being typed into the cell, when it is being edited. */
  editing?: string | null;
  /** Whether the cell to the right shows nothing (long text may run over it). */
  nextEmpty?: boolean;
}

/** One cell's look: its text and the CSS it is drawn with. */
export interface CellLook {
  text: string;
  fill: string | undefined;
  color: string | undefined;
  fontWeight: 600 | undefined;
  fontStyle: 'italic' | undefined;
  fontSize: string | undefined;
  textAlign: 'left' | 'right';
  overflow: 'visible' | 'hidden';
  /** Text is drawn above the cells it runs over. */
  zIndex: 1 | undefined;
}

/**
 * How one cell is drawn: its text in its number format (errors as their code, text as typed), numbers
 * right and text left as in Excel, the fill from a conditional format, else the tone, else the style,
 * else a table header's or band's fill; text runs over an empty neighbour (filled or not, as in Excel)
 * and stops at the first cell that shows something (the grid limits it to that run).
 */
export function cellLook(input: CellLookInput): CellLook {
  const { value, format: f } = input;
  const look = f.style ? STYLE_FORMATS[f.style] : undefined;
  const header = !f.style && input.tableHeader === true;
  const fill = input.conditional ?? (f.tone ? TONE_FILLS[f.tone] : look?.fill ?? (header ? STYLE_FORMATS.header.fill : input.banded ? input.bandFill : undefined));
  const isEdited = input.editing !== null && input.editing !== undefined;
  const text = isEdited ? (input.editing as string) : formatCell(value, f.numberFormat);
  const isText = isEdited || typeof value === 'string';
  return {
    text,
    fill,
    color: header ? STYLE_FORMATS.header.fontColor : look?.fontColor,
    fontWeight: look?.bold || header ? 600 : undefined,
    fontStyle: look?.italic ? 'italic' : undefined,
    fontSize: look?.size ? `${look.size}px` : undefined,
    textAlign: isText || value === null ? 'left' : 'right',
    overflow: isText && input.nextEmpty === true ? 'visible' : 'hidden',
    zIndex: isText ? 1 : undefined,
  };
}

/** The tooltip of a cell: an error cell's reason, else text too long to fit. */
export function cellTitle(value: CellValue, text: string, message: () => string | null): string | undefined {
  return (typeof value === 'string' && value.startsWith('#') ? message() : null) ?? (text.length > 12 ? text : undefined);
}

/** What the grid draws: its size in rows and columns, and where each column starts. */
export interface GridLayout {
  nRows: number;
  nCols: number;
  widths: number[];
  lefts: number[];
  totalW: number;
}

/**
 * Rows and columns to draw: room for the data, the charts and the selection (which the keyboard can
 * move past the data), at least 40 rows and 12 columns, at most `MAX_COLS` columns.
 */
export function gridLayout(
  values: CellValue[][],
  sheet: Pick<MemorySheet, 'charts' | 'columnWidths'>,
  sel: { row: number; col: number; rows: number; cols: number } | null,
): GridLayout {
  const usedCols = values.reduce((m, r) => Math.max(m, r.length), 0);
  const nCols = Math.min(MAX_COLS, Math.max(usedCols + 3, 12, sel ? sel.col + sel.cols + 2 : 0, ...sheet.charts.map((c) => c.at.col + 8)));
  const nRows = Math.max(values.length + 20, 40, sel ? sel.row + Math.min(sel.rows, 1000) + 20 : 0);
  const widths = columnWidths(sheet.columnWidths, nCols);
  const lefts: number[] = [];
  widths.reduce((x, w, i) => ((lefts[i] = x), x + w), HEAD_W);
  const totalW = HEAD_W + widths.reduce((a, b) => a + b, 0);
  return { nRows, nCols, widths, lefts, totalW };
}

/** The rows in view (with five rows to spare each side), first included, last excluded. */
export function visibleRows(scrollTop: number, height: number, nRows: number): { first: number; last: number } {
  return { first: Math.max(0, Math.floor(scrollTop / ROW_H) - 5), last: Math.min(nRows, Math.ceil((scrollTop + height) / ROW_H) + 5) };
}
