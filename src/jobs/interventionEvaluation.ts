/**
 * The intervention evaluation job (what pressing "Evaluate" does), in order: read the chosen data afresh, evaluate in the core, write
 * the evaluation sheet, then add a row to the interventions register (rewriting it only when the
 * add-in made it, so a sheet of the school's own with that name is never touched).
 */
import type { DataSource, ProgressInfo, WorkbookPort, WriteResult } from '../workbook/port';
import { evaluateIntervention, type InterventionEvaluation } from '../core/interventions/evaluate';
import type { InterventionForm } from '../core/interventions/form';
import { buildInterventionSheet, buildRegister, REGISTER_SHEET } from '../sheets/interventionReport';

export interface EvaluationRun {
  evaluation: InterventionEvaluation;
  sheet: WriteResult;
  register: WriteResult;
}

export interface RunSettings extends InterventionForm {
  /** Column naming pupils in the matched-pairs list (optional). */
  labelColumn?: number | null;
}

export async function runEvaluation(
  port: WorkbookPort,
  source: DataSource,
  settings: RunSettings,
  now: Date,
  onProgress?: (p: ProgressInfo) => void,
): Promise<EvaluationRun> {
  onProgress?.({ done: 0, total: 4, message: 'Reading the data' });
  const data = await port.readData(source);
  onProgress?.({ done: 1, total: 4, message: 'Evaluating' });
  const evaluation = evaluateIntervention({ ...settings, headers: data.headers, rows: data.rows });
  onProgress?.({ done: 2, total: 4, message: 'Writing the evaluation sheet' });
  const sheet = await port.writeSheet(buildInterventionSheet(evaluation, data, now));
  onProgress?.({ done: 3, total: 4, message: 'Adding it to the interventions register' });
  const existing = await port.readSheetValues(REGISTER_SHEET);
  const owned = existing !== null && (await port.ownsSheet(REGISTER_SHEET));
  const register = await port.writeSheet(buildRegister(owned ? existing : null, evaluation, sheet.sheetName, now));
  await port.activateSheet(sheet.sheetName);
  return { evaluation, sheet, register };
}
