/**
 * The gap analysis job: reads the chosen data with the workbook port, runs the core's analysis,
 * lays the report out with sheets/ and writes it with the port.
 */
import type { DataSource, TableData, WorkbookPort } from '../workbook/port';
import { parseRangeRef } from '../workbook/a1';
import { analyseGaps, type GapAnalysis, type GapReportOptions } from '../core/gaps/analysis';
import { buildGapReportFrom } from '../sheets/gapReport';
import { readSameColumns } from './sameColumns';

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

/** Reads the data again, checks it still has the same columns, analyses it, writes the report. */
export async function runGapAnalysis(port: WorkbookPort, source: DataSource, expectedHeaders: string[], options: GapReportOptions, now: Date, report?: (p: { done: number; total: number; message: string }) => void): Promise<GapRun> {
  report?.({ done: 0, total: 3, message: 'Reading the data' });
  const data = await readSameColumns(port, source, expectedHeaders);
  report?.({ done: 1, total: 3, message: 'Analysing the gaps' });
  const analysis = analyseGaps(data, options);
  report?.({ done: 2, total: 3, message: 'Writing the report' });
  const written = await port.writeSheet(buildGapReportFrom(analysis, data, options, now, dataNameOf(source)));
  return { sheetName: written.sheetName, analysis };
}
