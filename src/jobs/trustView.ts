/**
 * The trust view job: reads a table of the trust's pupils with a school column, runs the core's trust
 * funnel (src/core/trends/trust.ts) and, as an option, contextual value added per school
 * (src/core/trends/cva.ts), looks up the national figure the user entered for the outcome, and writes
 * a "Trust view" report with two funnel plots.
 */
import type { DataSource, TableData, WorkbookPort } from '../workbook/port';
import { FLAG_INVALID, FLAG_TRUE, describeValue, isBlank, readFlag, readLabel, readScore } from '../core/cells';
import { valueError } from '../core/errors';
import { gradeValue, type GradeScale } from '../core/grades/scales';
import { checkAssessments, type AssessmentCheck } from '../core/gaps/analysis';
import { contextualValueAdded, trustFunnel } from '../core/trends';
import { buildTrustReport, type TrustModel } from '../sheets/trustReport';
import { nationalFor } from '../sheets/nationalFigures';
import { loadNationalFigures } from './nationalFigures';
import { readSameColumns } from './sameColumns';

export type { TrustModel } from '../sheets/trustReport';

export interface TrustOptions {
  /** 0-based columns of the data. */
  school: number;
  disadvantaged: number;
  outcome: number;
  /** How the outcome's cells become points: the scale the gap analysis detects and the user confirms. */
  scale: GradeScale;
  /** Contextual value added: prior attainment, yes/no context columns (SEND codes K/E count as yes), optional centre (100, 1000). */
  cva?: { prior: number; context: number[]; centre: number | null } | null;
  confidence?: number;
}

export interface TrustRun {
  sheetName: string;
  model: TrustModel;
}

/** SEND codes (K = SEN support, E = EHC plan) read as yes in a context column; N reads as no already. */
const SEND_CODES = new Set(['K', 'E']);

function flagColumn(data: TableData, c: number, what: string, sendCodes = false): boolean[] {
  return data.rows.map((r, i) => {
    if (sendCodes && SEND_CODES.has(readLabel(r[c]))) return true;
    const f = readFlag(r[c]);
    if (f === FLAG_INVALID) {
      throw valueError(`The ${what} column "${data.headers[c]}" holds ${describeValue(r[c])} in data row ${i + 1}, which is not a yes/no value: choose the right column, or correct that cell.`);
    }
    return f === FLAG_TRUE;
  });
}

function check(data: TableData, c: number, what: string): void {
  if (!Number.isInteger(c) || c < 0 || c >= data.headers.length) throw valueError(`The ${what} column is not in the data: choose the columns again.`);
}

/**
 * The outcome read on its scale as the gap analysis reads an assessment (checkAssessments): the
 * scale's plain name ("KS2 scaled scores", "A*-G grades") and how many filled cells it cannot read.
 */
export function checkOutcome(data: TableData, outcome: number, scale: GradeScale): AssessmentCheck {
  return checkAssessments(data, { assessments: [{ index: outcome, scale, threshold: null }] })[0];
}

/** The model from data already read (pure; the job and its tests share it). */
export function trustModel(data: TableData, options: TrustOptions, national: TrustModel['national']): TrustModel {
  for (const [c, what] of [[options.school, 'school'], [options.disadvantaged, 'disadvantaged'], [options.outcome, 'outcome']] as const) check(data, c, what);
  if (data.rows.length === 0) throw valueError('The data has headers but no pupils: choose a table with pupils in it.');
  const keep = data.rows.map((r) => !isBlank(r[options.school]));
  const rows = data.rows.filter((_, i) => keep[i]);
  const picked = { ...data, rows };
  const schools = rows.map((r) => String(r[options.school]).trim());
  const dis = flagColumn(picked, options.disadvantaged, 'disadvantaged');
  const outcome = Float64Array.from(rows, (r) => {
    const v = gradeValue(r[options.outcome], options.scale);
    return v === null || v === undefined ? NaN : v;
  });
  const scale = checkOutcome(picked, options.outcome, options.scale);
  const funnel = trustFunnel(schools, dis, outcome, options.confidence ?? 0.95);
  let cva: TrustModel['cva'] = null;
  if (options.cva) {
    const { prior, context, centre } = options.cva;
    check(data, prior, 'prior attainment');
    context.forEach((c) => check(data, c, 'context'));
    const flags = context.map((c) => flagColumn(picked, c, 'context', true));
    const fit = contextualValueAdded(
      outcome,
      Float64Array.from(rows, (r) => readScore(r[prior])),
      rows.map((_, i) => flags.map((f) => (f[i] ? 1 : 0))),
      { groups: schools, centre, confidence: options.confidence ?? 0.95, contextNames: context.map((c) => data.headers[c]) },
    );
    cva = { fit, centre, prior: data.headers[prior], context: context.map((c) => data.headers[c]) };
  }
  return {
    funnel,
    outcome: data.headers[options.outcome],
    scale: { name: scale.scaleName, unreadable: scale.unreadable.unreadable, warning: scale.unreadable.warning },
    columns: { school: data.headers[options.school], disadvantaged: data.headers[options.disadvantaged] },
    source: `${data.description} (${data.address}), ${rows.length} pupils`,
    national,
    cva,
  };
}

/** Reads the data again, checks its columns, works out the trust view and writes the report. */
export async function runTrustView(port: WorkbookPort, source: DataSource, expectedHeaders: string[], options: TrustOptions, now: Date, report?: (p: { done: number; total: number; message: string }) => void): Promise<TrustRun> {
  report?.({ done: 0, total: 3, message: 'Reading the data' });
  const data = await readSameColumns(port, source, expectedHeaders);
  report?.({ done: 1, total: 3, message: 'Comparing the schools' });
  const national = nationalFor(await loadNationalFigures(port), data.headers[options.outcome] ?? '', undefined, true);
  const model = trustModel(data, options, national);
  report?.({ done: 2, total: 3, message: 'Writing the report' });
  const written = await port.writeSheet(buildTrustReport(model, now));
  return { sheetName: written.sheetName, model };
}
