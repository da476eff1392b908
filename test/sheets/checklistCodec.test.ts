import { buildChecklistSheet, writtenResponses } from '../../src/sheets/checklistSheet';
import { addCustom, emptyState, responseOf, withResponse, type ChecklistState } from '../../src/core/checklist/model';
import { mergeSheet, readChecklistSheet } from '../../src/sheets/checklistCodec';
import type { CellValue } from '../../src/workbook/port';
import { renderValues } from './renderSheet';

/** A review as last saved: culture and data rated, the sheet written from it. */
function saved(): { state: ChecklistState; values: CellValue[][] } {
  let s = emptyState();
  s = withResponse(s, 'culture', { rating: 'Established', evidence: 'Parent survey', owner: 'Head' });
  s = withResponse(s, 'data', { rating: 'Developing', reviewDate: '2027-03-31' });
  s = { ...s, written: writtenResponses(s), sheetName: 'Checklist' };
  return { state: s, values: renderValues(buildChecklistSheet(s, { name: 'Checklist', mode: 'new', savedAt: '2026-11-22 10:00' })) };
}

// Rows: header on Excel row 4, statement 1 on row 5 ... statement 11 on row 15; columns A-I.
const ROW = (n: number) => 3 + n; // 0-based row of statement n
const COL = { rating: 3, evidence: 5, owner: 6, next: 7, date: 8 };

describe('reading the Checklist sheet back', () => {
  test('an untouched sheet reads back exactly what was written', () => {
    const { state, values } = saved();
    const reading = readChecklistSheet(values, state);
    expect(reading?.notes).toEqual([]);
    expect(reading?.rows.get('culture')).toEqual({
      row: 5,
      values: { rating: 'Established', evidence: 'Parent survey', owner: 'Head', nextAction: '', reviewDate: '' },
    });
    const merged = mergeSheet(state, reading);
    expect(merged.state.responses).toEqual(state.responses);
    expect(merged.notes).toEqual([]);
  });

  test("a colleague's edits in the sheet win over the saved review", () => {
    const { state, values } = saved();
    values[ROW(2)][COL.rating] = 'embedded';
    values[ROW(2)][COL.owner] = 'Maths lead';
    values[ROW(3)][COL.evidence] = 'Gap report shows maths gap 0.5';
    values[ROW(3)][COL.date] = 46477; // a date cell: 2027-03-31
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(responseOf(merged.state, 'sets')).toMatchObject({ rating: 'Embedded', owner: 'Maths lead' });
    expect(responseOf(merged.state, 'data')).toMatchObject({ rating: 'Developing', evidence: 'Gap report shows maths gap 0.5', reviewDate: '2027-03-31' });
    expect(merged.changedFromSheet).toEqual([2, 3]);
    expect(merged.notes[0]).toBe('Read in changes made on the Checklist sheet to statements 2, 3.');
  });

  test("the wizard's newer answers stay where nobody edited the sheet", () => {
    const { state, values } = saved();
    const newer = withResponse(state, 'culture', { rating: 'Embedded', evidence: 'Parent survey; pupil voice' });
    const merged = mergeSheet(newer, readChecklistSheet(values, newer));
    expect(responseOf(merged.state, 'culture')).toMatchObject({ rating: 'Embedded', evidence: 'Parent survey; pupil voice' });
    expect(merged.notes).toEqual([]);
  });

  test('an unknown rating word is reported with its row and the statement is left unrated', () => {
    const { state, values } = saved();
    values[ROW(1)][COL.rating] = 'Amberish';
    values[ROW(4)][COL.rating] = 'Green';
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(responseOf(merged.state, 'culture').rating).toBeNull();
    expect(responseOf(merged.state, 'bursary').rating).toBe('Green');
    expect(merged.notes).toContain(
      'Row 5 of the Checklist sheet (statement 1, A visible culture of high expectations) has the rating "Amberish", which is not one the checklist knows ' +
        '(Not started, Developing, Established, Embedded): it is left unrated until a rating is chosen.',
    );
  });

  test('an error value or a number out of range in the Rating column is reported, not a crash', () => {
    const { state, values } = saved();
    (values[ROW(1)] as unknown[])[COL.rating] = { code: '#N/A' };
    values[ROW(2)][COL.rating] = 7;
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(responseOf(merged.state, 'culture').rating).toBeNull();
    expect(responseOf(merged.state, 'sets').rating).toBeNull();
    expect(merged.notes.filter((n) => /not one the checklist knows/.test(n))).toHaveLength(2);
  });

  test('a deleted statement row makes that statement unrated again and says so, keeping its evidence', () => {
    const { state, values } = saved();
    values.splice(ROW(1), 1); // statement 1 deleted; everything below moves up
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(responseOf(merged.state, 'culture')).toMatchObject({ rating: null, evidence: 'Parent survey', owner: 'Head' });
    expect(responseOf(merged.state, 'data').rating).toBe('Developing');
    expect(merged.notes).toEqual([
      'Statement 1 (A visible culture of high expectations) is no longer on the Checklist sheet (its row was deleted), so it is unrated again. ' +
        'Its evidence and actions are kept here; saving puts the row back.',
    ]);
  });

  test('extra blank rows, a row inserted above and a column inserted are all tolerated', () => {
    const { state, values } = saved();
    values[ROW(2)][COL.rating] = 'Embedded';
    values.splice(ROW(5), 0, Array<CellValue>(values[0].length).fill(null), Array<CellValue>(values[0].length).fill('  '));
    values.unshift(['Shared with governors'], []);
    for (const row of values) row.splice(1, 0, null); // a new column B
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(merged.notes).toEqual(['Read in changes made on the Checklist sheet to statement 2.']);
    expect(responseOf(merged.state, 'sets').rating).toBe('Embedded');
    expect(responseOf(merged.state, 'data').rating).toBe('Developing');
  });

  test('a deleted column keeps the wizard answers for that field and says so', () => {
    const { state, values } = saved();
    for (const row of values) row.splice(COL.owner, 1);
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(responseOf(merged.state, 'culture').owner).toBe('Head');
    expect(merged.notes).toEqual(['The Checklist sheet has no Owner column: the wizard kept its own answers for it.']);
  });

  test('a new row with an area and a statement becomes one of our own statements', () => {
    const { state, values } = saved();
    const extra = Array<CellValue>(9).fill(null);
    extra[0] = 'understanding what holds progress back';
    extra[2] = 'Attendance of FSM pupils tracked weekly';
    extra[3] = 'Developing';
    values.splice(ROW(12), 0, extra);
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(merged.state.custom).toEqual([{ id: 'custom-1', area: 'barriers', title: 'Attendance of FSM pupils tracked weekly', text: 'Attendance of FSM pupils tracked weekly' }]);
    expect(responseOf(merged.state, 'custom-1').rating).toBe('Developing');
    expect(merged.notes).toContain('Row 16 of the Checklist sheet adds a statement of your own, "Attendance of FSM pupils tracked weekly" (Understanding what holds progress back): it is now statement 12.');
  });

  test('a row that cannot be matched to a statement is reported and left out', () => {
    const { state, values } = saved();
    const extra = Array<CellValue>(9).fill(null);
    extra[0] = 'Misc';
    extra[2] = 'Something';
    extra[3] = 'Embedded';
    values.splice(ROW(12), 0, extra);
    const reading = readChecklistSheet(values, state);
    expect(reading?.added).toEqual([]);
    expect(reading?.notes[0]).toMatch(/^Row 16 of the Checklist sheet has entries but no statement the checklist knows \(its area "Misc" is not one of the seven areas\)/);
  });

  test('a sheet whose header row is gone is reported and changes nothing', () => {
    const { state, values } = saved();
    values[3] = values[3].map(() => null);
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(merged.state.responses).toEqual(state.responses);
    expect(merged.notes[0]).toMatch(/no longer has its header row/);
  });

  test('the same statement twice: the first row is read and the repeat reported', () => {
    const { state, values } = saved();
    const copy = [...values[ROW(1)]];
    copy[COL.rating] = 'Not started';
    values.splice(ROW(2), 0, copy);
    const merged = mergeSheet(state, readChecklistSheet(values, state));
    expect(responseOf(merged.state, 'culture').rating).toBe('Established');
    expect(merged.notes).toContain('Row 6 of the Checklist sheet repeats statement 1 (A visible culture of high expectations): only its first row (row 5) was read.');
  });

  test('a sheet read without any saved state takes every answer from the sheet', () => {
    const { values } = saved();
    const fresh = emptyState();
    const merged = mergeSheet(fresh, readChecklistSheet(values, fresh));
    expect(responseOf(merged.state, 'culture')).toMatchObject({ rating: 'Established', evidence: 'Parent survey', owner: 'Head' });
    expect(responseOf(merged.state, 'data')).toMatchObject({ rating: 'Developing', reviewDate: '2027-03-31' });
  });

  test('our own statements written to the sheet are read back by number', () => {
    let s = addCustom(emptyState(), { area: 'barriers', title: 'Attendance', text: '' });
    s = withResponse(s, 'custom-1', { rating: 'Embedded' });
    s = { ...s, written: writtenResponses(s) };
    const values = renderValues(buildChecklistSheet(s, { name: 'Checklist', mode: 'replace', savedAt: 'x' }));
    values[ROW(12)][COL.evidence] = '=Attendance up 3%';
    const merged = mergeSheet(s, readChecklistSheet(values, s));
    expect(responseOf(merged.state, 'custom-1')).toMatchObject({ rating: 'Embedded', evidence: '=Attendance up 3%' });
  });

  test('no sheet means nothing to merge', () => {
    const { state } = saved();
    expect(readChecklistSheet(null, state)).toBeNull();
    expect(mergeSheet(state, null)).toEqual({ state, notes: [], changedFromSheet: [] });
  });
});
