/**
 * Checks of the evaluation form's column choices against the data read, shown under each field as
 * soon as a column is chosen (Fluent `Field` messages), so "Evaluate" stays disabled until they are
 * right. Each message names the column and the cell to look at ("C14"), as the leader sees it in
 * Excel, never a position in the data.
 *
 * - A score column (pre-test, post-test) must hold scores: a column with no score, or mostly text,
 *   or only 0s and 1s (a yes/no column), is refused. Some text ("ABS") is allowed: the evaluation
 *   leaves it out and says so.
 * - A yes/no column (who received it, disadvantaged, comparison) must hold only yes/no marks, as
 *   the evaluation requires; the intervention column must mark at least one pupil.
 * - The reference SD, when typed, must be a number above 0.
 *
 * @example columnProblems(data, { pre: 0, ... }).pre
 * // '"Surname" holds no scores (A2 holds "Smith"): choose the column with the pre-test scores'
 */
import { describeValue, FLAG_INVALID, FLAG_TRUE, isBlank, readFlag, readScore } from '../../../core/cells';
import type { TableData } from '../../../workbook/port';
import { columnLetters, parseRangeRef } from '../../../workbook/a1';

export interface ColumnChoice {
  pre: number | null;
  post: number | null;
  intervention: number | null;
  disadvantaged: number | null;
  /** Only checked when the comparison is "pupils marked in a column". */
  comparison: number | null;
  referenceSd: string;
}

export type ColumnProblemField = 'pre' | 'post' | 'intervention' | 'disadvantaged' | 'comparison' | 'referenceSd';
export type ColumnProblems = Partial<Record<ColumnProblemField, string>>;

/** The Excel cell ("C14") of data row k (0-based, header excluded) in column c of the data read. */
export function cellOf(data: Pick<TableData, 'address'>, k: number, c: number): string {
  const ref = parseRangeRef(data.address);
  const row0 = ref ? ref.row : 0;
  const col0 = ref ? ref.col : 0;
  return `${columnLetters(col0 + c)}${row0 + 2 + k}`;
}

function scoreProblem(data: TableData, c: number, what: string): string | undefined {
  const header = data.headers[c] ?? `Column ${c + 1}`;
  let scores = 0;
  let text = 0;
  let zeroOne = true;
  let firstText = -1;
  data.rows.forEach((row, k) => {
    const v = row[c];
    if (isBlank(v)) return;
    const s = readScore(v);
    if (Number.isNaN(s)) {
      text += 1;
      if (firstText < 0) firstText = k;
    } else {
      scores += 1;
      if (s !== 0 && s !== 1) zeroOne = false;
    }
  });
  const choose = `choose the column with the ${what} scores`;
  if (scores === 0) {
    return firstText >= 0
      ? `"${header}" holds no scores (${cellOf(data, firstText, c)} holds ${describeValue(data.rows[firstText][c])}): ${choose}`
      : `"${header}" is empty: ${choose}`;
  }
  if (text > scores) {
    return `"${header}" holds mostly text, not scores (${cellOf(data, firstText, c)} holds ${describeValue(data.rows[firstText][c])}): ${choose}`;
  }
  if (zeroOne && scores >= 2) return `"${header}" holds only 0s and 1s, like a yes/no column: ${choose}`;
  return undefined;
}

/**
 * Why column c cannot be read as yes/no marks of `what` (naming the first cell that is not one), or
 * why it marks nobody when `needYes`; undefined when it is a yes/no column. The gap analysis screen
 * checks its disadvantaged and EAL columns with it too.
 */
export function flagProblem(data: TableData, c: number, what: string, needYes: boolean): string | undefined {
  const header = data.headers[c] ?? `Column ${c + 1}`;
  let anyYes = false;
  for (let k = 0; k < data.rows.length; k++) {
    const v = data.rows[k][c];
    const f = readFlag(v);
    const s = typeof v === 'number' || typeof v === 'string' ? readScore(v) : NaN;
    if (f === FLAG_INVALID || (!Number.isNaN(s) && s !== 0 && s !== 1)) {
      return `"${header}" holds ${describeValue(v)} in ${cellOf(data, k, c)}, which is not a yes/no mark (use Y/N, Yes/No, TRUE/FALSE or 1/0): choose the column that marks ${what}`;
    }
    if (f === FLAG_TRUE) anyYes = true;
  }
  if (needYes && !anyYes && data.rows.length > 0) {
    const range = `${cellOf(data, 0, c)} to ${cellOf(data, data.rows.length - 1, c)}`;
    return `No pupil is marked in "${header}" (${range}): choose the column that marks ${what} (Y for each pupil)`;
  }
  return undefined;
}

/** Every problem with the columns chosen, by field; an empty object when all is well. */
export function columnProblems(data: TableData, choice: ColumnChoice, comparisonFlagged: boolean): ColumnProblems {
  const p: ColumnProblems = {};
  const valid = (c: number | null): c is number => c !== null && c >= 0 && c < data.headers.length;
  if (valid(choice.pre)) p.pre = scoreProblem(data, choice.pre, 'pre-test');
  if (valid(choice.post)) p.post = scoreProblem(data, choice.post, 'post-test');
  if (valid(choice.intervention)) p.intervention = flagProblem(data, choice.intervention, 'who received the intervention', true);
  if (valid(choice.disadvantaged)) p.disadvantaged = flagProblem(data, choice.disadvantaged, 'disadvantaged pupils', false);
  if (comparisonFlagged && valid(choice.comparison)) p.comparison = flagProblem(data, choice.comparison, 'the comparison pupils', true);
  const sd = choice.referenceSd.trim();
  if (sd !== '') {
    const x = readScore(sd);
    if (!(x > 0) || !Number.isFinite(x)) {
      p.referenceSd = `Type the reference SD as a number above 0, such as 15 for a standardised test, or leave it blank to use the whole cohort's post-test SD`;
    }
  }
  for (const k of Object.keys(p) as ColumnProblemField[]) if (p[k] === undefined) delete p[k];
  return p;
}
