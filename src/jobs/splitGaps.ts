/**
 * A gap analysis split by a column (year group, form, set, school, cohort year): the core's analysis
 * (analyseGaps) of the whole data and of each value's pupils, laid out by the gap report's own builder
 * (buildGapReportFrom) one block under another on a single report sheet.
 */
import type { Block, ChartSpec, DataSource, SheetSpec, TableData, WorkbookPort } from '../workbook/port';
import { isBlank, readLabel } from '../core/cells';
import { GapsError, valueError } from '../core/errors';
import { analyseGaps, type GapAnalysis, type GapReportOptions } from '../core/gaps/analysis';
import { buildGapReportFrom } from '../sheets/gapReport';
import { isoDate } from '../sheets/common';
import { readSameColumns } from './sameColumns';

export interface SplitPart {
  /** The value ("9", "9A"), or "All pupils" for the whole. */
  value: string;
  pupils: number;
  /** Null when this part could not be analysed (the reason is in `problem`). */
  analysis: GapAnalysis | null;
  problem?: string;
}

export interface SplitRun {
  sheetName: string;
  column: string;
  parts: SplitPart[];
}

/** Rows taken by a sheet's blocks. */
function heightOf(spec: SheetSpec): number {
  return spec.blocks.reduce((h, b) => Math.max(h, b.row + b.values.length), 0);
}

/** The distinct values of a column in order (numbers as numbers when every value is one); blanks left out. */
export function splitValues(data: TableData, column: number): string[] {
  const seen = new Map<string, string>();
  for (const r of data.rows) {
    if (isBlank(r[column])) continue;
    const shown = String(r[column]).trim();
    if (!seen.has(readLabel(shown))) seen.set(readLabel(shown), shown);
  }
  const list = [...seen.values()];
  const numeric = list.every((v) => !Number.isNaN(Number(v)));
  return list.sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
}

/** The parts' analyses and the one sheet laying them out, from data already read (pure). */
export function splitReport(data: TableData, options: GapReportOptions, column: number, now: Date): { spec: SheetSpec; parts: SplitPart[] } {
  if (!Number.isInteger(column) || column < 0 || column >= data.headers.length) throw valueError('The column to split by is not in the data: choose it again.');
  const header = data.headers[column];
  const values = splitValues(data, column);
  if (values.length < 2) throw valueError(`"${header}" has ${values.length} value${values.length === 1 ? '' : 's'}: choose a column with at least two (a year group, form, set or school).`);
  const subsets: Array<{ value: string; data: TableData }> = [
    { value: 'All pupils', data },
    ...values.map((v) => ({ value: v, data: { ...data, description: `${data.description}, ${header} = ${v}`, rows: data.rows.filter((r) => !isBlank(r[column]) && readLabel(String(r[column]).trim()) === readLabel(v)) } })),
  ];
  const blocks: Block[] = [{ row: 0, col: 0, values: [[`Gap analysis by ${header}`]], style: 'title' }];
  const charts: ChartSpec[] = [];
  const parts: SplitPart[] = [];
  let columnWidths: number[] | undefined;
  let at = 2;
  for (const s of subsets) {
    const title = s.value === 'All pupils' ? `All pupils (${s.data.rows.length})` : `${header} ${s.value} (${s.data.rows.length} pupils)`;
    blocks.push({ row: at, col: 0, values: [[title]], style: 'subtitle' });
    at += 1;
    try {
      const analysis = analyseGaps(s.data, options);
      const part = buildGapReportFrom(analysis, s.data, options, now);
      columnWidths ??= part.columnWidths;
      for (const b of part.blocks) blocks.push({ ...b, row: b.row + at });
      for (const c of part.charts ?? []) charts.push({ ...c, data: { ...c.data, row: c.data.row + at }, at: { ...c.at, row: c.at.row + at } });
      parts.push({ value: s.value, pupils: s.data.rows.length, analysis });
      at += heightOf(part) + 2;
    } catch (e) {
      if (!(e instanceof GapsError)) throw e;
      blocks.push({ row: at, col: 0, values: [[`Not analysed: ${e.message}`]], style: 'warning' });
      parts.push({ value: s.value, pupils: s.data.rows.length, analysis: null, problem: e.message });
      at += 2;
    }
  }
  if (parts.every((p) => p.analysis === null)) throw valueError(parts[0].problem ?? 'No part of the data could be analysed.');
  return { spec: { name: `Gaps by ${header} ${isoDate(now)}`, mode: 'new', blocks, charts, columnWidths, printLandscape: true, tabTone: 'neutral', activate: true }, parts };
}

/** Reads the data again, checks its columns, analyses the whole and each value, writes one report. */
export async function runSplitGaps(port: WorkbookPort, source: DataSource, expectedHeaders: string[], options: GapReportOptions, column: number, now: Date): Promise<SplitRun> {
  const data = await readSameColumns(port, source, expectedHeaders);
  const { spec, parts } = splitReport(data, options, column, now);
  const written = await port.writeSheet(spec);
  return { sheetName: written.sheetName, column: data.headers[column], parts };
}
