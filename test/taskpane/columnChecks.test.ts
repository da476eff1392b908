/**
 * The evaluation form's column checks, shown as soon as a column is chosen. Cell names worked out
 * by hand: the data starts at B3 (header row 3), so data row k of column c is column B + c, row 4 + k.
 */
import { cellOf, columnProblems } from '../../src/taskpane/screens/intervention/columnChecks';
import type { TableData } from '../../src/workbook/port';

const data: TableData = {
  description: 'selection',
  address: "'Year 9'!B3:G7",
  headers: ['Surname', 'Reading Pre', 'Reading Post', 'Tutoring', 'PP', 'Set'],
  rows: [
    ['Smith', 95, 99, 'Y', 'N', '9A'],
    ['Jones', 'ABS', 101, '', 'Y', '9A'],
    ['Patel', 88, 97, 'Y', 'maybe', '9B'],
    ['Khan', 102, 104, 'N', 'N', '9B'],
  ],
};

const choice = { pre: 1, post: 2, intervention: 3, disadvantaged: null, comparison: null, referenceSd: '' };

describe('columnProblems', () => {
  it('accepts sensible choices, some text in a score column included', () => {
    expect(columnProblems(data, choice, false)).toEqual({});
  });

  it('refuses a name column chosen as a test at once, naming the cell as Excel shows it', () => {
    expect(cellOf(data, 0, 0)).toBe('B4');
    expect(columnProblems(data, { ...choice, pre: 0 }, false).pre).toBe('"Surname" holds no scores (B4 holds "Smith"): choose the column with the pre-test scores');
  });

  it('refuses a score column chosen as the yes/no mark, naming its first cell that is not a mark', () => {
    expect(columnProblems(data, { ...choice, intervention: 2 }, false).intervention).toBe(
      '"Reading Post" holds 99 in D4, which is not a yes/no mark (use Y/N, Yes/No, TRUE/FALSE or 1/0): choose the column that marks who received the intervention',
    );
    expect(columnProblems(data, { ...choice, disadvantaged: 4 }, false).disadvantaged).toMatch(/^"PP" holds "maybe" in F6,/);
  });

  it('refuses an intervention column that marks no pupil, and a yes/no column as a test', () => {
    const none = { ...data, rows: data.rows.map((r) => [...r.slice(0, 3), 'N', ...r.slice(4)]) };
    expect(columnProblems(none, choice, false).intervention).toBe(
      'No pupil is marked in "Tutoring" (E4 to E7): choose the column that marks who received the intervention (Y for each pupil)',
    );
    const flags = { ...data, rows: data.rows.map((r, k) => [...r.slice(0, 5), k % 2]) };
    expect(columnProblems(flags, { ...choice, post: 5 }, false).post).toMatch(/only 0s and 1s/);
  });

  it('checks the reference SD typed', () => {
    expect(columnProblems(data, { ...choice, referenceSd: '15' }, false)).toEqual({});
    expect(columnProblems(data, { ...choice, referenceSd: '0' }, false).referenceSd).toMatch(/above 0, such as 15/);
    expect(columnProblems(data, { ...choice, referenceSd: 'fifteen' }, false).referenceSd).toMatch(/above 0/);
  });
});
