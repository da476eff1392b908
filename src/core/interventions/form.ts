/**
 * Checks on the intervention evaluation's settings, one message per field, before any data is read.
 *
 * What it is for: the task pane shows these under each field (Fluent `Field` validation), and
 * `evaluateIntervention` runs the same checks and refuses settings that would give a meaningless
 * answer, so the screen and the calculation never disagree about what is allowed.
 *
 * @example formProblems({ ...settings, columns: { pre: 3, post: 3, intervention: 5 } }).post
 * // "The post-test is the same column as the pre-test: choose the column with the later scores"
 */
import { readScore } from '../cells';
import { isIsoDate } from '../dates';
import { criterionProblem, type CriterionForm } from './criteria';

export type ComparisonMode = 'rest' | 'flagged' | 'matched';

/** Settings as the form holds them (numbers may still be typed text). */
export interface InterventionForm {
  name: string;
  columns: {
    pre: number | null;
    post: number | null;
    intervention: number | null;
    disadvantaged?: number | null;
    comparison?: number | null;
  };
  comparisonMode: ComparisonMode;
  /** Matching tolerance in score points (matched mode only). */
  tolerance?: unknown;
  /** Start and end dates as "YYYY-MM-DD", or blank. */
  start?: string | null;
  end?: string | null;
  /** Cost in pounds, blank for none; `costPer` says whether it is the total or per pupil. */
  cost?: unknown;
  costPer?: 'total' | 'pupil';
  criterion?: CriterionForm;
}

export type FormField = 'name' | 'pre' | 'post' | 'intervention' | 'comparison' | 'tolerance' | 'dates' | 'cost' | 'criterion';

export type FormProblems = Partial<Record<FormField, string>>;


function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export { isIsoDate };

/** Every problem with the settings, by field; an empty object when all is well. */
export function formProblems(form: InterventionForm): FormProblems {
  const p: FormProblems = {};
  const { pre, post, intervention, comparison, disadvantaged } = form.columns;

  if (form.name.trim() === '') p.name = 'Give the intervention a name, such as "Year 9 reading tutoring"';
  else if (form.name.trim().length > 60) p.name = 'Keep the name to 60 characters or fewer';

  if (pre === null) p.pre = 'Choose the column with the pre-test (baseline) scores';
  if (post === null) p.post = 'Choose the column with the post-test scores';
  else if (pre !== null && pre === post) p.post = 'The post-test is the same column as the pre-test: choose the column with the later scores';

  if (intervention === null) p.intervention = 'Choose the column that marks who received the intervention';
  else if (intervention === pre || intervention === post) {
    p.intervention = 'This is a score column: choose the column that marks who received the intervention (Y/blank)';
  } else if (disadvantaged !== null && disadvantaged !== undefined && intervention === disadvantaged) {
    p.intervention = 'This is the disadvantaged column: choose the column that marks who received the intervention';
  }

  if (form.comparisonMode === 'flagged') {
    if (comparison === null || comparison === undefined) p.comparison = 'Choose the column that marks the comparison pupils';
    else if (comparison === intervention) p.comparison = 'The comparison column is the intervention column: choose the column that marks the comparison pupils';
    else if (comparison === pre || comparison === post) p.comparison = 'This is a score column: choose the column that marks the comparison pupils (Y/blank)';
  }

  if (form.comparisonMode === 'matched') {
    const t = readScore(form.tolerance);
    if (!Number.isFinite(t) || t < 0) {
      p.tolerance = 'Type the largest pre-test difference allowed within a pair, in score points (0 or more, such as 3)';
    }
  }

  const start = (form.start ?? '').trim();
  const end = (form.end ?? '').trim();
  if (start !== '' && !isIsoDate(start)) p.dates = `The start date "${start}" is not a date: use the date picker or type YYYY-MM-DD`;
  else if (end !== '' && !isIsoDate(end)) p.dates = `The end date "${end}" is not a date: use the date picker or type YYYY-MM-DD`;
  else if (start !== '' && end !== '' && end < start) p.dates = 'The intervention ends before it starts: check the dates';

  if (!isBlankValue(form.cost)) {
    const c = readScore(typeof form.cost === 'string' ? form.cost.replace(/[£,\s]/g, '') : form.cost);
    if (!Number.isFinite(c) || c < 0) p.cost = 'Type the cost in pounds as a number, such as 1200 (or leave it blank)';
  }

  if (form.criterion) {
    const problem = criterionProblem(form.criterion);
    if (problem) p.criterion = problem;
    else if (form.criterion.kind === 'gapClosed' && (disadvantaged === null || disadvantaged === undefined)) {
      p.criterion = 'Judging whether the gap narrowed needs the disadvantaged column: choose it above';
    }
  }
  return p;
}

/** The cost typed in the form as pounds (commas, spaces and a £ sign allowed), or null when blank. */
export function readCost(value: unknown): number | null {
  if (isBlankValue(value)) return null;
  const c = readScore(typeof value === 'string' ? value.replace(/[£,\s]/g, '') : value);
  return Number.isFinite(c) ? c : null;
}
