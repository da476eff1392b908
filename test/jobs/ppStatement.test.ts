import { draftPupilPremiumStatement, findStatementEvidence } from '../../src/jobs/ppStatement';
import { runGapAnalysis } from '../../src/jobs/gapAnalysis';
import { runEvaluation } from '../../src/jobs/interventionEvaluation';
import { saveChecklist } from '../../src/jobs/checklist';
import { emptyState, withResponse } from '../../src/core/checklist/model';
import { loadSampleWorkbook } from '../../src/preview/sampleLoader';
import { gapEvidence, PP_STATEMENT_SHEET, PP_TITLE_ROWS } from '../../src/sheets/ppStatement';
import { gradeValue } from '../../src/core/grades/scales';
import type { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

const NOV = new Date(2026, 10, 20, 9);
const SOURCE = { kind: 'sheet' as const, name: 'Year 9' };

/** The sample after a gap analysis (Year 9), two evaluations and a checklist review. */
async function prepared(): Promise<{ wb: MemoryWorkbook; headers: string[] }> {
  const wb = loadSampleWorkbook();
  const data = await wb.readData(SOURCE);
  const col = (h: string) => data.headers.indexOf(h);
  await runGapAnalysis(
    wb,
    SOURCE,
    data.headers,
    { columns: { disadvantaged: col('PP'), id: col('UPN') }, assessments: [{ index: col('KS2 Scaled'), scale: 'auto' as never }, { index: col('Ma Sum'), scale: 'gcse' }, { index: col('Eng Sum'), scale: 'gcse' }] },
    NOV,
  );
  await runEvaluation(wb, SOURCE, { name: 'Reading tutoring', columns: { pre: col('Reading Pre'), post: col('Reading Post'), intervention: col('Tutoring') }, comparisonMode: 'rest', cost: '£3,000', costPer: 'total', criterion: { kind: 'months', value: 3 } }, NOV);
  await runEvaluation(wb, SOURCE, { name: 'Attendance mentoring', columns: { pre: col('Reading Pre'), post: col('Reading Post'), intervention: col('Tutoring') }, comparisonMode: 'rest', criterion: { kind: 'none', value: null } }, NOV);
  let s = withResponse(emptyState(), 'culture', { rating: 'Developing', nextAction: 'Staff training on high expectations for every pupil', owner: 'Deputy head', reviewDate: '2027-03-01' });
  s = withResponse(s, 'sets', { rating: 'Established' });
  await saveChecklist(wb, s, NOV);
  return { wb, headers: data.headers };
}

function rowOf(values: CellValue[][], ref: string): CellValue[] {
  const r = values.find((row) => row[0] === ref);
  if (!r) throw new Error(`no line ${ref}`);
  return r;
}

describe('Pupil Premium statement: money and dates as Excel shows them', () => {
  it('funding and budgeted costs are whole pounds with thousands separators; the published and review dates are date cells', async () => {
    const { wb } = await prepared();
    const run = await draftPupilPremiumStatement(wb, {}, NOV);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const at = (ref: string) => values.findIndex((row) => row[0] === ref);
    const fmt = (ref: string, col: number) => wb.cellFormat(run.sheetName, at(ref), col).numberFormat;
    // Column D ("Figure") holds the amounts; column C the overview's answers.
    expect(['F1', 'F2', 'F3'].map((r) => fmt(r, 3))).toEqual(['£#,##0', '£#,##0', '£#,##0']);
    const activity = values.findIndex((row) => typeof row[0] === 'string' && /^A\d+$/.test(row[0]) && typeof row[3] === 'number');
    expect(activity).toBeGreaterThan(0);
    expect(wb.cellFormat(run.sheetName, activity, 3).numberFormat).toBe('£#,##0');
    expect(['S3', 'S4'].map((r) => fmt(r, 2))).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd']);
    // A date a colleague types in S3 is kept on a re-draft and read as the day it is.
    wb.setCell(run.sheetName, at('S3'), 2, 46387); // Python: (date(2026,12,31) - date(1899,12,30)).days
    const again = await draftPupilPremiumStatement(wb, {}, NOV);
    const after = (await wb.readSheetValues(again.sheetName)) as CellValue[][];
    expect(after[at('S3')][2]).toBe(46387);
  });
});

describe('Pupil Premium statement job on the sample workbook', () => {
  it('drafts every part of the template from the gap report, the register and the checklist', async () => {
    const { wb } = await prepared();
    const ev = await findStatementEvidence(wb);
    expect(ev.gapReport?.sheet).toMatch(/^Gap report/);
    expect(ev.evaluations.map((e) => e.name)).toEqual(['Reading tutoring', 'Attendance mentoring']);
    expect(ev.interventions.map((i) => i.tier)).toEqual(['targeted', 'wider']);

    const run = await draftPupilPremiumStatement(wb, {}, NOV);
    expect(run.sheetName).toBe(PP_STATEMENT_SHEET);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const texts = values.flat().filter((c): c is string => typeof c === 'string');
    for (const heading of ['School overview', 'Funding overview', 'Part A: statement of intent', 'Part A: challenges', 'Part B: review of outcomes in the previous academic year', 'Part B: externally provided programmes']) {
      expect(texts).toContain(heading);
    }
    // Pupils: the largest group of Year 9 pupils with a result in one of the analysed columns, counted
    // here from the sheet (PP = "Y"; a cell counts when it reads as a grade or a number).
    const year9 = await wb.readData(SOURCE);
    const pp = year9.headers.indexOf('PP');
    const counted = ['KS2 Scaled', 'Ma Sum', 'Eng Sum'].map((h) => year9.rows.filter((r) => Number.isFinite(gradeValue(r[year9.headers.indexOf(h)], 'gcse'))));
    const largest = counted.reduce((a, b) => (b.length > a.length ? b : a));
    expect(rowOf(values, 'P1')[3]).toBe(largest.length);
    expect(rowOf(values, 'P2')[3]).toBe(largest.filter((r) => r[pp] === 'Y').length);
    // Each challenge is a clear gap of the report, with its interval and sizes in the sentence.
    for (const c of run.model.partA.challenges) expect(c.text).toMatch(/points behind other pupils \(95% interval \d+\.\d\d to \d+\.\d\d; \d+ disadvantaged pupils and \d+ others\)/);
    expect(run.model.partA.challenges.length).toBe(ev.gaps.filter((g) => g.lower !== null && g.lower > 0).length);
    // Activity: the tutoring under targeted support with its cost (3000 total) and months; mentoring under wider strategies.
    const a1 = rowOf(values, 'A1');
    expect(a1[1]).toBe('Reading tutoring');
    // Budgeted cost = the register's cost per pupil times its intervention pupils (those with both scores).
    const reg = (await wb.readSheetValues('Interventions register')) as CellValue[][];
    const h = reg.findIndex((row) => row.includes('Cost per pupil'));
    const tut = reg.find((row) => row.includes('Reading tutoring')) as CellValue[];
    expect(a1[3]).toBeCloseTo(Number(tut[reg[h].indexOf('Cost per pupil')]) * Number(tut[reg[h].indexOf('Intervention pupils')]), 2);
    expect(a1[3] as number).toBeLessThanOrEqual(3000);
    expect(String(a1[2])).toMatch(/months' additional progress/);
    expect(run.model.partA.activity.wider.map((a) => a.name)).toEqual(['Attendance mentoring']);
    // Outcomes: the tutoring's criterion and the checklist's next action.
    expect(texts.some((t) => t.includes("at least 3 months' additional progress"))).toBe(true);
    expect(texts.some((t) => t.startsWith('Staff training on high expectations') && t.includes('Deputy head'))).toBe(true);
    // Part B: the mentoring had no criterion, so it cannot be judged yet.
    expect(rowOf(values, 'R2')[3]).toBe("can't tell yet");
    expect(['met', 'not met', "can't tell yet"]).toContain(rowOf(values, 'R1')[3]);
    // Inputs still to fill, and the print settings.
    expect(run.toFill).toEqual(expect.arrayContaining(['School name', 'Pupil Premium funding allocation this academic year']));
    const sheet = wb.getSheet(run.sheetName);
    expect(sheet?.printFitToWidth).toBe(true);
    expect(sheet?.printTitleRows).toBe(PP_TITLE_ROWS);
    // The funding total is a formula over the two input cells (stored as written), computed as 0 while both are blank.
    expect(rowOf(sheet?.values as CellValue[][], 'F3')[3]).toMatch(/^=N\(D\d+\)\+N\(D\d+\)$/);
    expect(rowOf(values, 'F3')[3]).toBe(0);
  });

  it('a re-draft keeps what the user typed and an add-in cell the user changed, and refreshes the rest', async () => {
    const { wb } = await prepared();
    const first = await draftPupilPremiumStatement(wb, {}, NOV);
    const values = (await wb.readSheetValues(first.sheetName)) as CellValue[][];
    const r = (ref: string) => values.findIndex((row) => row[0] === ref);
    wb.setCell(first.sheetName, r('S1'), 2, 'Hillside Academy');
    wb.setCell(first.sheetName, r('F1'), 3, 125400);
    wb.setCell(first.sheetName, r('C1'), 2, 'Our own wording of the first challenge.');
    // A row of the user's own under the challenges (column A blank).
    wb.setCell(first.sheetName, r('C1') + 5, 1, 'Challenge (ours)');
    wb.setCell(first.sheetName, r('C1') + 5, 2, 'Low attendance on Mondays.');

    const again = await draftPupilPremiumStatement(wb, { 'Attendance mentoring': 'teaching' }, new Date(2026, 11, 1, 9));
    expect(again.redrafted).toBe(true);
    expect(again.sheetName).toBe(first.sheetName);
    expect(again.kept).toContain('C1');
    const after = (await wb.readSheetValues(again.sheetName)) as CellValue[][];
    expect(rowOf(after, 'S1')[2]).toBe('Hillside Academy');
    expect(rowOf(after, 'F1')[3]).toBe(125400);
    expect(rowOf(after, 'C1')[2]).toBe('Our own wording of the first challenge.');
    expect(String(rowOf(after, 'C1')[5])).toMatch(/^you/);
    expect(after.some((row) => row[2] === 'Low attendance on Mondays.')).toBe(true);
    // Owned cells the user did not touch are refreshed: the tier moved as confirmed.
    expect(again.model.partA.activity.teaching.map((a) => a.name)).toEqual(['Attendance mentoring']);
    expect(again.toFill).not.toContain('School name');
    // A third draft still keeps the user's wording (the add-in's own draft is remembered, not the user's).
    const third = await draftPupilPremiumStatement(wb, {}, new Date(2026, 11, 2, 9));
    const last = (await wb.readSheetValues(third.sheetName)) as CellValue[][];
    expect(rowOf(last, 'C1')[2]).toBe('Our own wording of the first challenge.');
    expect(last.filter((row) => row[2] === 'Low attendance on Mondays.')).toHaveLength(1);
  });

  it('never rewrites a sheet of the school own with the statement name', async () => {
    const { wb } = await prepared();
    wb.addSheet({ name: PP_STATEMENT_SHEET, values: [['Our draft']] });
    const run = await draftPupilPremiumStatement(wb, {}, NOV);
    expect(run.sheetName).not.toBe(PP_STATEMENT_SHEET);
    expect(await wb.readSheetValues(PP_STATEMENT_SHEET)).toEqual([['Our draft']]);
  });
});

describe('statement in a workbook without evidence yet', () => {
  it('drafts the template with its input cells, and re-drafting does not copy the "nothing yet" lines', async () => {
    const wb = loadSampleWorkbook();
    const first = await draftPupilPremiumStatement(wb, {}, NOV);
    expect(first.model.partA.challenges).toEqual([]);
    const before = (await wb.readSheetValues(first.sheetName)) as CellValue[][];
    await draftPupilPremiumStatement(wb, {}, NOV);
    const after = (await wb.readSheetValues(first.sheetName)) as CellValue[][];
    expect(after).toEqual(before);
    expect(rowOf(after, 'P1')[3]).toBeNull();
  });
});

describe('gap evidence read from a gap report', () => {
  it('keeps the whole disadvantaged group, once, with its sizes, and leaves sub-groups out', () => {
    const values: CellValue[][] = [
      ['Assessment', 'Gap', 'CI half-width', 'CI lower', 'CI upper', 'Disadvantaged n', 'Others n', 'Note'],
      ['Ma Sum', 0.44, 0.4, 0.04, 0.84, 47, 124, null],
      [null],
      ['Subject', 'Point', 'Assessment', 'Comparison', 'Focus n', 'Comparison n', 'Gap', 'CI lower', 'CI upper'],
      ['Maths', 'Sum', 'Ma Sum', 'Disadvantaged vs others', 47, 124, 0.44, 0.04, 0.84],
      ['Maths', 'Sum', 'Ma Sum', 'Disadvantaged (Low prior) vs others', 19, 48, 0.32, 0.04, 0.6],
    ];
    expect(gapEvidence(values)).toEqual([{ measure: 'Ma Sum', gap: 0.44, lower: 0.04, upper: 0.84, focusN: 47, otherN: 124, kind: 'points' }]);
  });
});
