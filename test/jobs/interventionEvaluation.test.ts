import { runEvaluation, type RunSettings } from '../../src/jobs/interventionEvaluation';
import { REGISTER_COLUMNS, REGISTER_SHEET } from '../../src/sheets/interventionReport';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
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
