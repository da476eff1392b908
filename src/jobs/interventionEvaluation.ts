/**
 * The intervention evaluation job (what pressing "Evaluate" does), in order: read the chosen data afresh, evaluate in the core, write
 * the evaluation sheet, then add a row to the interventions register (rewriting it only when the
 * add-in made it, so a sheet of the school's own with that name is never touched).
 *
 * Data chosen as "Selected cells" is read again at the address first read, not at whatever is
 * selected now: writing the evaluation sheet moves the selection, so a second "Evaluate" would
 * otherwise read the report it just wrote. The run says so (`reread`), and refuses data whose
 * columns have changed since they were chosen.
 */
import type { DataSource, ProgressInfo, TableData, WorkbookPort, WriteResult } from '../workbook/port';
import { evaluateIntervention, type InterventionEvaluation } from '../core/interventions/evaluate';
import type { InterventionForm } from '../core/interventions/form';
import { buildInterventionSheet, buildRegister, REGISTER_SHEET } from '../sheets/interventionReport';
import { dataNameOf, sourceToReread } from './gapAnalysis';
import { requireSameColumns } from './sameColumns';

export interface EvaluationRun {
  evaluation: InterventionEvaluation;
  sheet: WriteResult;
  register: WriteResult;
  /** When the data was the selection: the address read again, in words for the pane; null otherwise. */
  reread: string | null;
}

export interface RunSettings extends InterventionForm {
  /** Column naming pupils in the matched-pairs list (optional). */
  labelColumn?: number | null;
  /** A reference SD as typed (e.g. "15"); blank = the whole cohort's post-test SD. */
  referenceSd?: unknown;
  /** Optional set/class column (the cluster caveat and a cluster-robust interval). */
  clusterColumn?: number | null;
  confidence?: number;
}

/** The data as it was when chosen: its address and headers (the screen keeps what it read). */
export type ChosenData = Pick<TableData, 'address' | 'headers' | 'description'>;

/**
 * Reads the data again: a table or sheet by its name, the selection at the address first read.
 * Throws when the columns are no longer the ones chosen.
 */
export async function readChosenData(port: WorkbookPort, source: DataSource, chosen: ChosenData | null): Promise<{ data: TableData; reread: string | null }> {
  let data: TableData;
  let reread: string | null = null;
  if (source.kind === 'selection' && chosen) {
    const again = await port.readData(sourceToReread(source, chosen));
    data = { ...again, description: chosen.description };
    reread = `Read the cells first chosen again (${chosen.address}), not the cells selected now.`;
  } else {
    data = await port.readData(source);
  }
  if (chosen) requireSameColumns(chosen.headers, data.headers);
  return { data, reread };
}

export async function runEvaluation(
  port: WorkbookPort,
  source: DataSource,
  settings: RunSettings,
  now: Date,
  onProgress?: (p: ProgressInfo) => void,
  chosen: ChosenData | null = null,
): Promise<EvaluationRun> {
  onProgress?.({ done: 0, total: 4, message: 'Reading the data' });
  const { data, reread } = await readChosenData(port, source, chosen);
  onProgress?.({ done: 1, total: 4, message: 'Evaluating' });
  const evaluation = evaluateIntervention({ ...settings, headers: data.headers, rows: data.rows });
  onProgress?.({ done: 2, total: 4, message: 'Writing the evaluation sheet' });
  const sheet = await port.writeSheet(buildInterventionSheet(evaluation, data, now, dataNameOf(sourceToReread(source, data))));
  onProgress?.({ done: 3, total: 4, message: 'Adding it to the interventions register' });
  const existing = await port.readSheetValues(REGISTER_SHEET);
  const owned = existing !== null && (await port.ownsSheet(REGISTER_SHEET));
  const register = await port.writeSheet(buildRegister(owned ? existing : null, evaluation, sheet.sheetName, now, `${data.description} (${data.address})`));
  await port.activateSheet(sheet.sheetName);
  return { evaluation, sheet, register, reread };
}
