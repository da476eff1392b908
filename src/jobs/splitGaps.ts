/**
 * A gap analysis split by a column (year group, form, set, school, cohort year): the core's analysis
 * (analyseGaps) of the whole data and of each value's pupils, laid out by the gap report's own builder
 * (buildGapReportFrom) one block under another on a single report sheet, with one allowance for
 * chance over the whole sheet.
 */
import type { Block, ChartSpec, DataSource, SheetSpec, TableData, WorkbookPort } from '../workbook/port';
import { isBlank, readLabel } from '../core/cells';
import { GapsError, valueError } from '../core/errors';
import { allowForChanceAcross, analyseGaps, type GapAnalysis, type GapReportOptions } from '../core/gaps/analysis';
import { buildGapReportFrom } from '../sheets/gapReport';
import { isoDate } from '../sheets/common';
import { readForGapRun, type RunProgress } from './gapAnalysis';

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

/**
 * The parts' analyses and the one sheet laying them out, from data already read (pure). Each part is
 * the core's analysis of its own pupils (its small-group rules included); the allowance for chance
 * then spans the whole report (allowForChanceAcross): the whole data's headline comparisons are
 * judged on their own intervals, everything else, each group's latest-point gaps among them, is
 * adjusted together. Pupils with a blank in the split column count in "All pupils" only.
 */
export function splitReport(data: TableData, options: GapReportOptions, column: number, now: Date): { spec: SheetSpec; parts: SplitPart[] } {
  if (!Number.isInteger(column) || column < 0 || column >= data.headers.length) throw valueError('The column to split by is not in the data: choose it again.');
  const header = data.headers[column];
  const values = splitValues(data, column);
  if (values.length < 2) throw valueError(`"${header}" has ${values.length} value${values.length === 1 ? '' : 's'}: choose a column with at least two (a year group, form, set or school).`);
  const subsets: Array<{ value: string; data: TableData }> = [
    { value: 'All pupils', data },
    ...values.map((v) => ({ value: v, data: { ...data, description: `${data.description}, ${header} = ${v}`, rows: data.rows.filter((r) => !isBlank(r[column]) && readLabel(String(r[column]).trim()) === readLabel(v)) } })),
  ];
  const parts: SplitPart[] = subsets.map((s, k) => {
    try {
      return { value: s.value, pupils: s.data.rows.length, analysis: analyseGaps(s.data, options) };
    } catch (e) {
      // The whole data must analyse: its message is the one to fix first.
      if (!(e instanceof GapsError) || k === 0) throw e;
      return { value: s.value, pupils: s.data.rows.length, analysis: null, problem: e.message };
    }
  });
  allowForChanceAcross(parts.flatMap((p) => (p.analysis ? [p.analysis] : [])));

  const blocks: Block[] = [{ row: 0, col: 0, values: [[`Gap analysis by ${header}`]], style: 'title' }];
  const blank = data.rows.filter((r) => isBlank(r[column])).length;
  if (blank > 0) blocks.push({ row: 1, col: 0, values: [[`${blank} ${blank === 1 ? 'pupil has' : 'pupils have'} a blank "${header}": counted in All pupils only.`]], style: 'note' });
  const charts: ChartSpec[] = [];
  let columnWidths: number[] | undefined;
  let at = blank > 0 ? 3 : 2;
  subsets.forEach((s, k) => {
    const part = parts[k];
    const title = s.value === 'All pupils' ? `All pupils (${s.data.rows.length})` : `${header} ${s.value} (${s.data.rows.length} pupils)`;
    blocks.push({ row: at, col: 0, values: [[title]], style: 'subtitle' });
    at += 1;
    if (!part.analysis) {
      blocks.push({ row: at, col: 0, values: [[`Not analysed: ${part.problem ?? ''}`]], style: 'warning' });
      at += 2;
      return;
    }
    const sheet = buildGapReportFrom(part.analysis, s.data, options, now);
    columnWidths ??= sheet.columnWidths;
    for (const b of sheet.blocks) blocks.push({ ...b, row: b.row + at });
    for (const c of sheet.charts ?? []) charts.push({ ...c, data: { ...c.data, row: c.data.row + at }, at: { ...c.at, row: c.at.row + at } });
    at += heightOf(sheet) + 2;
  });
  return { spec: { name: `Gaps by ${header} ${isoDate(now)}`, mode: 'new', blocks, charts, columnWidths, printLandscape: true, tabTone: 'neutral', activate: true }, parts };
}

/**
 * Reads the data again, checks its columns, reads the national reference when one is given (every
 * part's gap index then ranks its pupils nationally, as the one-table report does), analyses the
 * whole and each value, writes one report.
 */
export async function runSplitGaps(
  port: WorkbookPort,
  source: DataSource,
  expectedHeaders: string[],
  options: GapReportOptions,
  column: number,
  now: Date,
  report?: RunProgress,
  reference?: DataSource | null,
): Promise<SplitRun> {
  const { data, options: withRef, step } = await readForGapRun(port, source, expectedHeaders, options, reference, report);
  step(`Analysing the gaps by ${data.headers[column] ?? 'the column'}`);
  const { spec, parts } = splitReport(data, withRef, column, now);
  step('Writing the report');
  const written = await port.writeSheet(spec);
  return { sheetName: written.sheetName, column: data.headers[column], parts };
}
