/**
 * The gap analysis job: reads the chosen data with the workbook port, runs the core's analysis,
 * lays the report out with sheets/ and writes it with the port.
 */
import type { CellValue, DataSource, TableData, WorkbookPort } from '../workbook/port';
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

/**
 * A national reference as read with the port, for the gap index: every cell of the block, its first
 * row included (the core skips a header row, and a reference without one keeps its first score).
 */
export function referenceCells(data: Pick<TableData, 'headers' | 'rows'>): CellValue[][] {
  return [data.headers, ...data.rows];
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
  report?: (p: { done: number; total: number; message: string }) => void,
  reference?: DataSource | null,
): Promise<GapRun> {
  const total = reference ? 4 : 3;
  let done = 0;
  report?.({ done, total, message: 'Reading the data' });
  const data = await readSameColumns(port, source, expectedHeaders);
  let withReference = options;
  if (reference) {
    report?.({ done: ++done, total, message: 'Reading the national reference' });
    const ref = await port.readData(reference);
    withReference = { ...options, reference: { cells: referenceCells(ref), description: ref.description } };
  }
  report?.({ done: ++done, total, message: 'Analysing the gaps' });
  const analysis = analyseGaps(data, withReference);
  report?.({ done: ++done, total, message: 'Writing the report' });
  const written = await port.writeSheet(buildGapReportFrom(analysis, data, withReference, now, dataNameOf(source)));
  return { sheetName: written.sheetName, analysis };
}
