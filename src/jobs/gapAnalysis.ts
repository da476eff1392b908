/**
 * The gap analysis job: reads the chosen data with the workbook port, runs the core's analysis,
 * lays the report out with sheets/ and writes it with the port.
 */
import type { CellValue, DataSource, TableData, WorkbookPort } from '../workbook/port';
import { parseRangeRef } from '../workbook/a1';
import { analyseGaps, readReference, type GapAnalysis, type GapReportOptions } from '../core/gaps/analysis';
import { buildGapReportFrom } from '../sheets/gapReport';
import { readSameColumns } from './sameColumns';
import { describeReference, type NationalReference } from '../core/gaps/nationalReference';

export interface GapRun {
  sheetName: string;
  analysis: GapAnalysis;
}

/**
 * Where to read the data again when the analysis runs: the same table or sheet, or, for the
 * selection, the block that was read (writing a report moves the selection, so "the cells selected
 * now" would be another block the second time).
 */
export function sourceToReread(source: DataSource, data: Pick<TableData, 'address'>): DataSource {
  return source.kind === 'selection' ? { kind: 'range', address: data.address } : source;
}

/** The data's name for the report's sheet name: the table's or the sheet's name. */
export function dataNameOf(source: DataSource): string {
  if (source.kind === 'table' || source.kind === 'sheet') return source.name;
  if (source.kind === 'range') return parseRangeRef(source.address)?.sheet ?? '';
  return '';
}

/**
 * A national reference as read with the port, for the gap index: every cell of the block, its first
 * row included (the core skips a header row, and a reference without one keeps its first score).
 */
export function referenceCells(data: Pick<TableData, 'headers' | 'rows'>): CellValue[][] {
  return [data.headers, ...data.rows];
}

/** What a national reference read for the gap index holds, for the task pane. */
export interface ReferencePreview {
  /** In words ("a column of 21 national scores from 1 to 9"); empty when it cannot be used. */
  text: string;
  /** Why it cannot be used and what to choose instead (the analysis's own message), or null. */
  problem: string | null;
  /** The reference read, to check the assessments against its range; null with a problem. */
  reference: NationalReference | null;
}

/**
 * A national reference as read with the port, in words for the task pane, or the message the
 * analysis would stop with (text only, one value, an unsorted cumulative percentage...).
 */
export function referencePreview(data: Pick<TableData, 'headers' | 'rows' | 'description'>): ReferencePreview {
  try {
    const reference = readReference({ cells: referenceCells(data), description: data.description });
    return reference ? { text: describeReference(reference), problem: null, reference } : { text: '', problem: 'No national reference was read.', reference: null };
  } catch (e) {
    return { text: '', problem: e instanceof Error ? e.message : String(e), reference: null };
  }
}

/** The options with the national reference read from `reference` (unchanged when there is none). */
export async function withReference(port: WorkbookPort, options: GapReportOptions, reference: DataSource | null | undefined): Promise<GapReportOptions> {
  if (!reference) return options;
  const ref = await port.readData(reference);
  return { ...options, reference: { cells: referenceCells(ref), description: ref.description } };
}

/** Progress of a run: steps done of the total, and what is being done now. */
export type RunProgress = (p: { done: number; total: number; message: string }) => void;

/**
 * The reads every gap run starts with: the data again (with the same columns as chosen), then the
 * national reference when one is given. Returns the data, the options with the reference, and a
 * `step` that reports the next stage of the run (the total counts the reference's read and writing).
 */
export async function readForGapRun(
  port: WorkbookPort,
  source: DataSource,
  expectedHeaders: string[],
  options: GapReportOptions,
  reference: DataSource | null | undefined,
  report: RunProgress | undefined,
): Promise<{ data: TableData; options: GapReportOptions; step: (message: string) => void }> {
  const total = reference ? 4 : 3;
  let done = 0;
  const step = (message: string) => report?.({ done: done++, total, message });
  step('Reading the data');
  const data = await readSameColumns(port, source, expectedHeaders);
  if (reference) step('Reading the national reference');
  return { data, options: await withReference(port, options, reference), step };
}

/**
 * Reads the data again, checks it still has the same columns, reads the national reference when one
 * is given (a column of national scores or a two-column cumulative-percentage table, for the gap
 * index), analyses, writes the report.
 */
export async function runGapAnalysis(
  port: WorkbookPort,
  source: DataSource,
  expectedHeaders: string[],
  options: GapReportOptions,
  now: Date,
  report?: RunProgress,
  reference?: DataSource | null,
): Promise<GapRun> {
  const { data, options: withRef, step } = await readForGapRun(port, source, expectedHeaders, options, reference, report);
  step('Analysing the gaps');
  const analysis = analyseGaps(data, withRef);
  step('Writing the report');
  const written = await port.writeSheet(buildGapReportFrom(analysis, data, withRef, now, dataNameOf(source)));
  return { sheetName: written.sheetName, analysis };
}
