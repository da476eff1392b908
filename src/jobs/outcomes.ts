/**
 * The outcomes job: reads the chosen data with the workbook port, runs the core's outcomes
 * analysis, lays the "Attendance and outcomes" report out with sheets/ and writes it.
 */
import type { DataSource, WorkbookPort } from '../workbook/port';
import { OUTCOME_KIND_LABELS, type OutcomeKind } from '../core/columns/outcomeKinds';
import { analyseOutcomes, type OutcomeAnalysis, type OutcomeOptions } from '../core/outcomes/analysis';
import { buildOutcomesReport } from '../sheets/outcomesReport';
import { readSameColumns } from './sameColumns';

export interface OutcomesRun {
  sheetName: string;
  analysis: OutcomeAnalysis;
}

/** Reads the data again, checks it still has the same columns, analyses it, writes the report. */
export async function runOutcomes(port: WorkbookPort, source: DataSource, expectedHeaders: readonly string[], options: OutcomeOptions, now: Date): Promise<OutcomesRun> {
  const data = await readSameColumns(port, source, expectedHeaders);
  const analysis = analyseOutcomes(data, options);
  const columns = (Object.entries(options.columns) as Array<[OutcomeKind, number]>).map(([k, c]) => `${OUTCOME_KIND_LABELS[k]}: "${data.headers[c]}"`);
  const written = await port.writeSheet(buildOutcomesReport(analysis, data, { disadvantaged: data.headers[options.disadvantaged], columns }, now));
  return { sheetName: written.sheetName, analysis };
}
