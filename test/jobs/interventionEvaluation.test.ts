import { runEvaluation, type RunSettings } from '../../src/jobs/interventionEvaluation';
import { REGISTER_COLUMNS, REGISTER_SHEET } from '../../src/sheets/interventionReport';
import { MemoryWorkbook, type WorkbookModel } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

// The same eighteen pupils as test/core/interventions/evaluate.test.ts (figures checked in R there);
// here the job's wiring is checked: what it reads, what it writes and what it keeps.
const PRE = [88, 92, 95, 97, 100, 85, 90, 99, 90, 93, 96, 98, 101, 87, 91, 100, 110, 80];
const POST = [96, 99, 101, 102, 106, 94, 97, 104, 93, 95, 99, 100, 104, 89, 93, 103, 112, 82];
const VALUES: CellValue[][] = [['Name', 'Reading Pre', 'Reading Post', 'Tutoring'], ...PRE.map((p, k) => [`Pupil ${k + 1}`, p, POST[k], k < 8 ? 'Y' : ''])];

const settings = (name: string): RunSettings => ({ name, columns: { pre: 1, post: 2, intervention: 3 }, comparisonMode: 'rest', labelColumn: 0 });

function registerRows(values: CellValue[][]): CellValue[][] {
  const h = values.findIndex((r) => r[0] === REGISTER_COLUMNS[0]);
  expect(h).toBeGreaterThanOrEqual(0);
  return values.slice(h + 1).filter((r) => r.some((c) => c !== null && c !== ''));
}

describe('intervention evaluation job', () => {
  it('writes the evaluation sheet and a register row; a second run keeps the earlier row', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Data', values: VALUES }]);
    const first = await runEvaluation(wb, { kind: 'sheet', name: 'Data' }, settings('Reading tutoring'), new Date(Date.UTC(2026, 2, 1, 10)));
    expect(first.sheet.sheetName).toMatch(/^Impact Reading tutor.* 2026-03-01$/);
    expect(first.register.sheetName).toBe(REGISTER_SHEET);
    const sheet = await wb.readSheetValues(first.sheet.sheetName);
    expect(sheet).not.toBeNull();
    expect((sheet as CellValue[][]).flat()).toContain('Intervention impact: Reading tutoring');
    expect(first.evaluation.overall.interventionN).toBe(8);
    expect(first.evaluation.overall.comparisonN).toBe(10);

    let rows = registerRows((await wb.readSheetValues(REGISTER_SHEET)) as CellValue[][]);
    expect(rows).toHaveLength(1);
    const nameAt = REGISTER_COLUMNS.indexOf('Intervention');
    expect(rows[0][nameAt]).toBe('Reading tutoring');

    const second = await runEvaluation(wb, { kind: 'sheet', name: 'Data' }, settings('Phonics catch-up'), new Date(Date.UTC(2026, 2, 2, 10)));
    rows = registerRows((await wb.readSheetValues(REGISTER_SHEET)) as CellValue[][]);
    expect(rows.map((r) => r[nameAt]).sort()).toEqual(['Phonics catch-up', 'Reading tutoring']);
    expect(await wb.readSheetValues(first.sheet.sheetName)).not.toBeNull();
    expect(second.sheet.sheetName).not.toBe(first.sheet.sheetName);
  });

  it('never rewrites a register sheet the school made itself', async () => {
    const wb = MemoryWorkbook.withSheets([
      { name: 'Data', values: VALUES },
      { name: REGISTER_SHEET, values: [['Our own notes']] },
    ]);
    await expect(runEvaluation(wb, { kind: 'sheet', name: 'Data' }, settings('Reading tutoring'), new Date())).resolves.toBeDefined();
    expect(await wb.readSheetValues(REGISTER_SHEET)).toEqual([['Our own notes']]);
  });
});

// A catch-up cohort chosen on the pre-test: the 10 lowest of 40 pupils on a noisy pre-test received
// the tutoring. Generated and checked in R (R 4.x):
//   set.seed(9); n <- 40; pre <- round(rnorm(n, 100, 15)); noisy <- pre + rnorm(n, 0, 6)
//   t <- as.integer(rank(noisy, ties.method = "first") <= 10)
//   post <- round(0.7 * pre + 32 + rnorm(n, 0, 8) + 4 * t)
//   f <- lm(post ~ pre + t); J <- 1 - 3 / (4 * 40 - 9); S <- sd(post)   # S = 10.8148757950
//   J * coef(f)["t"] / S                    # 0.2467342680
//   J * confint(f, "t") / S                 # -0.3334524975 0.8269210336
//   J * coef(f)["t"] / 15; J * confint(f, "t") / 15   # 0.1778933642; -0.2404164896 0.5962032180
//   with post + 20 * t: 2.054798 (1.475879 to 2.633717); with post - 15 * t: -0.815881 (-1.241305 to -0.390458)
// EEF months (Toolkit table, by hand): 0.25 -> 3, 0.18 -> 2; -0.33 -> -4, 0.83 -> 10; 1.48 -> 12; -0.39 -> -5.
const CU_PRE = [88, 88, 98, 96, 107, 82, 118, 100, 96, 95, 119, 93, 101, 96, 128, 87, 99, 61, 113, 89, 126, 103, 96, 114, 90, 140, 103, 89, 106, 106, 86, 95, 116, 103, 100, 85, 106, 88, 105, 101];
const CU_POST = [99, 89, 102, 110, 98, 95, 121, 96, 86, 105, 112, 95, 95, 105, 118, 95, 96, 85, 99, 98, 128, 102, 104, 103, 104, 124, 105, 81, 99, 109, 97, 104, 118, 103, 109, 80, 97, 90, 110, 104];
const CU_T = [1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0];

function cohort(shift = 0): CellValue[][] {
  return [
    ['Surname', 'Reading Pre', 'Reading Post', 'Catch-up', 'Set'],
    ...CU_PRE.map((p, k) => [`Pupil ${k + 1}`, p, CU_POST[k] + shift * CU_T[k], CU_T[k] ? 'Y' : 'N', `Set ${(k % 4) + 1}`]),
  ];
}

const catchUp = (over: Partial<RunSettings> = {}): RunSettings => ({
  name: 'Catch-up',
  columns: { pre: 1, post: 2, intervention: 3 },
  comparisonMode: 'rest',
  criterion: { kind: 'months', value: 3 },
  ...over,
});

function labelled(values: CellValue[][], label: string): CellValue | undefined {
  return values.find((r) => r[0] === label)?.[1];
}

function registerRecords(values: CellValue[][]): Array<Record<string, CellValue>> {
  const h = values.findIndex((r) => r[0] === 'Evaluated');
  const headers = values[h] as string[];
  return values
    .slice(h + 1)
    .filter((r) => r.some((c) => c !== null && c !== ''))
    .map((r) => Object.fromEntries(headers.map((x, i) => [x, r[i] ?? null])));
}

describe('intervention evaluation job on a catch-up cohort chosen on the pre-test', () => {
  it('gives the ANCOVA estimate over the whole cohort\'s post-test SD, its months, and says so on the sheet', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 8', values: cohort() }]);
    const run = await runEvaluation(wb, { kind: 'sheet', name: 'Year 8' }, catchUp(), new Date(Date.UTC(2026, 2, 1, 10)));
    const o = run.evaluation.overall;
    expect(o.effectSize).toBeCloseTo(0.246734268, 8);
    expect(o.ciLower).toBeCloseTo(-0.3334524975, 8);
    expect(o.ciUpper).toBeCloseTo(0.8269210336, 8);
    expect(o.months).toBe(3);
    const sheet = (await wb.readSheetValues(run.sheet.sheetName)) as CellValue[][];
    expect(labelled(sheet, 'Standardiser')).toBe("10.81: the whole cohort's post-test SD, the post-test SD of all 40 pupils with both scores (10.81)");
    expect(labelled(sheet, 'Method')).toMatch(/^ANCOVA \(EEF convention\)/);
    expect(labelled(sheet, 'Effect size')).toBeCloseTo(0.246734268, 8);
    expect(labelled(sheet, "EEF months' progress")).toBe(3);
    // The intervals straddle 3 months (-4 to 10), the groups did not start level (85.5 against 105.2).
    expect(labelled(sheet, 'Verdict')).toBe("Can't tell yet, weak evidence");
    expect(sheet.flat()).toContain(run.evaluation.overall.baseline.message);
    expect(run.evaluation.overall.baseline.status).toBe('not-equivalent');
    expect(sheet.flat().some((c) => typeof c === 'string' && /started level/.test(c))).toBe(false);
  });

  it('divides by a reference SD when one is typed, and the sheet names it', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 8', values: cohort() }]);
    const run = await runEvaluation(wb, { kind: 'sheet', name: 'Year 8' }, catchUp({ referenceSd: '15' }), new Date(Date.UTC(2026, 2, 1, 10)));
    expect(run.evaluation.overall.effectSize).toBeCloseTo(0.1778933642, 8);
    expect(run.evaluation.overall.ciLower).toBeCloseTo(-0.2404164896, 8);
    expect(run.evaluation.overall.ciUpper).toBeCloseTo(0.596203218, 8);
    expect(run.evaluation.overall.months).toBe(2);
    const sheet = (await wb.readSheetValues(run.sheet.sheetName)) as CellValue[][];
    expect(labelled(sheet, 'Standardiser')).toBe('15.00: the reference SD you gave (15)');
  });

  it('with a set column, adds the cluster caveat and the cluster-robust interval to the sheet', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 8', values: cohort() }]);
    const run = await runEvaluation(wb, { kind: 'sheet', name: 'Year 8' }, catchUp({ clusterColumn: 4 }), new Date(Date.UTC(2026, 2, 1, 10)));
    const ci = run.evaluation.overall.clusterInterval;
    expect(ci).not.toBeNull();
    const sheet = (await wb.readSheetValues(run.sheet.sheetName)) as CellValue[][];
    expect(labelled(sheet, 'Set / class column')).toMatch(/^"Set"/);
    const lower = sheet.find((r) => typeof r[0] === 'string' && /cluster-robust CR1\): CI lower$/.test(r[0]));
    expect(lower?.[1]).toBeCloseTo(ci!.lower, 10);
    expect(sheet.flat().some((c) => typeof c === 'string' && c.includes('pupils in one group are not independent'))).toBe(true);
  });

  it('writes the verdict in three words with the evidence strength beside it, as the intervals say', async () => {
    const wb = MemoryWorkbook.withSheets([
      { name: 'Year 7', values: cohort(20) },
      { name: 'Year 8', values: cohort() },
      { name: 'Year 9', values: cohort(-15) },
    ]);
    const day = new Date(Date.UTC(2026, 2, 1, 10));
    for (const y of ['Year 7', 'Year 8', 'Year 9']) await runEvaluation(wb, { kind: 'sheet', name: y }, catchUp(), day);
    const rows = registerRecords((await wb.readSheetValues(REGISTER_SHEET)) as CellValue[][]);
    expect(rows.map((r) => r.Verdict)).toEqual(['met', "can't tell yet", 'not met']);
    expect(rows.map((r) => r['Strength of evidence'])).toEqual(['weak', 'weak', 'weak']);
    expect(rows.map((r) => r.Data)).toEqual(["sheet Year 7 ('Year 7'!A1:E41)", "sheet Year 8 ('Year 8'!A1:E41)", "sheet Year 9 ('Year 9'!A1:E41)"]);
    expect(rows.some((r) => Object.values(r).includes('cannot judge'))).toBe(false);
    expect(Object.keys(rows[0])).not.toContain('Criterion met');
    // Same-day evaluations of three year groups get sheet names that tell them apart.
    // "Impact " + 13 characters + " 2026-03-01" is Excel's 31: the data's name is kept, the intervention's shortened.
    expect(rows.map((r) => /,"(.*)"\)$/.exec(String(r.Sheet))?.[1])).toEqual([
      'Impact Catch Year 7 2026-03-01',
      'Impact Catch Year 8 2026-03-01',
      'Impact Catch Year 9 2026-03-01',
    ]);
  });

  it('reads and extends a register written by the earlier version without losing a row', async () => {
    const earlierColumns = ['Evaluated', 'Intervention', 'Start', 'End', 'Design', 'Intervention pupils', 'Comparison pupils', 'Effect size', 'CI lower', 'CI upper',
      "EEF months' progress", 'Cost per pupil', 'EEF cost band', 'Success criterion', 'Criterion met', 'Strength of evidence', 'Verdict', 'Sheet', 'Notes'];
    const earlierRows: CellValue[][] = [
      ['2025-07-01', 'Phonics catch-up', null, null, 'Comparison group: every other pupil with both scores', 12, 30, 0.35, 0.1, 0.6, 4, null, null,
        "at least 3 months' additional progress", 'yes', 'limited', 'Met the success criterion.', 'Impact Phonics catch-up 2025-07-01', 'Stopped: staff left'],
      ['2025-12-01', 'Maths mastery', null, null, 'Single group: no comparison group (weak evidence)', 9, 0, 0.2, -0.3, 0.7, 3, 150, 'Low',
        'an effect size of at least 0.2', 'cannot judge', 'weak', 'Could not judge the success criterion.', 'Impact Maths mastery 2025-12-01', null],
    ];
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 8', values: cohort() }]);
    await wb.writeSheet({
      name: REGISTER_SHEET,
      mode: 'new',
      blocks: [
        { row: 0, col: 0, values: [[REGISTER_SHEET]] },
        { row: 3, col: 0, values: [earlierColumns, ...earlierRows], table: { name: 'InterventionsRegister' } },
      ],
    });
    await runEvaluation(wb, { kind: 'sheet', name: 'Year 8' }, catchUp(), new Date(Date.UTC(2026, 2, 1, 10)));
    const values = (await wb.readSheetValues(REGISTER_SHEET)) as CellValue[][];
    const rows = registerRecords(values);
    expect(rows.map((r) => r.Intervention)).toEqual(['Phonics catch-up', 'Maths mastery', 'Catch-up']);
    // The earlier verdict in the three words, the earlier sentence under Summary, notes kept.
    expect(rows.map((r) => r.Verdict)).toEqual(['met', "can't tell yet", "can't tell yet"]);
    expect(rows[0].Summary).toBe('Met the success criterion.');
    expect(rows[0].Notes).toBe('Stopped: staff left');
    expect(rows[1]['Cost per pupil']).toBe(150);
    expect(rows[0]['Effect size']).toBe(0.35);
    expect(rows[2].Data).toBe("sheet Year 8 ('Year 8'!A1:E41)");
    const header = values.find((r) => r[0] === 'Evaluated') as string[];
    expect(header).not.toContain('Criterion met');
    expect(header.filter((h) => h === 'Verdict')).toHaveLength(1);
  });
});

describe('re-running an evaluation on the selected cells', () => {
  it('reads the cells first chosen again, although writing the report moved the selection', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 8', values: cohort() }]);
    wb.setSelection('Year 8', 0, 0, 41, 5);
    const chosen = await wb.readData({ kind: 'selection' });
    const first = await runEvaluation(wb, { kind: 'selection' }, catchUp(), new Date(Date.UTC(2026, 2, 1, 10)), undefined, chosen);
    // Writing the evaluation sheet moved the selection there: the selection now is not the pupils.
    expect((await wb.readData({ kind: 'selection' })).address).not.toBe(chosen.address);
    const second = await runEvaluation(wb, { kind: 'selection' }, catchUp(), new Date(Date.UTC(2026, 2, 1, 11)), undefined, chosen);
    expect(second.evaluation.overall.effectSize).toBe(first.evaluation.overall.effectSize);
    expect(second.reread).toBe("Read the cells first chosen again ('Year 8'!A1:E41), not the cells selected now.");
    expect(first.sheet.sheetName).toBe('Impact Catch Year 8 2026-03-01');
  });

  it('still refuses data whose columns changed since they were chosen, naming the column', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 8', values: cohort() }]);
    wb.setSelection('Year 8', 0, 0, 41, 5);
    const chosen = await wb.readData({ kind: 'selection' });
    wb.setCell('Year 8', 0, 1, 'KS2 score');
    await expect(runEvaluation(wb, { kind: 'selection' }, catchUp(), new Date(), undefined, chosen)).rejects.toThrow(
      'The columns of the data changed since it was chosen (column 2 was "Reading Pre" and is now "KS2 score")',
    );
  });
});

describe('colleagues\' rules on the register (in-memory workbook)', () => {
  it('a second evaluation keeps a colleague\'s drop-down list and highlighting on the Notes column', async () => {
    const first = MemoryWorkbook.withSheets([{ name: 'Data', values: VALUES }]);
    await runEvaluation(first, { kind: 'sheet', name: 'Data' }, settings('Reading tutoring'), new Date(Date.UTC(2026, 2, 1, 10)));
    const model: WorkbookModel = first.toJSON();
    const register = model.sheets.find((s) => s.name === REGISTER_SHEET) as unknown as Record<string, unknown> & { values: CellValue[][] };
    const headerRow = register.values.findIndex((r) => r[0] === REGISTER_COLUMNS[0]);
    const notes = register.values[headerRow].indexOf('Notes');
    const column = { row: headerRow + 1, col: notes, rows: 11, cols: 1 };
    const flagged = { type: 'Custom', areas: [column], formula: '=ISNUMBER(SEARCH("stop",T5))' };
    const choices = { type: 'List', areas: [column], formula1: 'Continue,Stop,Extend' };
    register.otherConditionalFormats = [flagged];
    register.dataValidations = [choices];
    const wb = MemoryWorkbook.fromJSON(JSON.stringify(model));
    wb.setCell(REGISTER_SHEET, headerRow + 1, notes, 'Continue');

    await runEvaluation(wb, { kind: 'sheet', name: 'Data' }, settings('Phonics catch-up'), new Date(Date.UTC(2026, 2, 2, 10)));
    const after = wb.toJSON().sheets.find((s) => s.name === REGISTER_SHEET) as unknown as Record<string, unknown>;
    expect(wb.displayValue(REGISTER_SHEET, headerRow + 2, REGISTER_COLUMNS.indexOf('Intervention'))).toBe('Phonics catch-up');
    expect(wb.displayValue(REGISTER_SHEET, headerRow + 1, notes)).toBe('Continue');
    expect(after.otherConditionalFormats).toEqual([flagged]);
    expect(after.dataValidations).toEqual([choices]);
  });
});

