import { runOutcomes } from '../../src/jobs/outcomes';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

// Eight disadvantaged and ten other pupils with attendance (as exports write it) and suspensions.
const D = ['95%', 0.88, 91, 72, '97%', 85, '93', 40];
const O = [98, 96, 94, 99, 89, 97, 92, 95, 99, 93];
const HEADERS = ['UPN', 'PP', 'Attendance %', 'Suspensions'];
const VALUES: CellValue[][] = [HEADERS, ...D.map((a, i) => [`D${i + 1}`, 'Y', a, i % 2]), ...O.map((a, i) => [`O${i + 1}`, null, a, 0])];
const OPTIONS = { disadvantaged: 1, columns: { attendance: 2, suspensions: 3 }, idColumn: 0 };

describe('outcomes job', () => {
  it('writes the "Attendance and outcomes" report with the attendance gap of the t-test', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES }]);
    const run = await runOutcomes(wb, { kind: 'sheet', name: 'Year 9' }, HEADERS, OPTIONS, new Date(Date.UTC(2026, 11, 2, 9)));
    expect(run.sheetName).toBe('Outcomes 2026-12-02');
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const h = values.findIndex((r) => r[0] === 'Outcome');
    expect(h).toBeGreaterThan(0);
    const header = values[h];
    const row = values.slice(h + 1).find((r) => r[0] === 'Attendance (%)' && r[1] === 'All disadvantaged') as CellValue[];
    const at = (name: string) => row[header.indexOf(name)];
    // R: t.test(c(95,88,91,72,97,85,93,40), c(98,96,94,99,89,97,92,95,99,93))
    expect(at('Disadvantaged n')).toBe(8);
    expect(at('Gap (disadvantaged minus others)')).toBeCloseTo(-12.575, 9);
    expect(at('Gap lower')).toBeCloseTo(-28.420728838312222, 6);
    expect(at('Gap upper')).toBeCloseTo(3.270728838312218, 6);
    expect(values.some((r) => r[0] === 'Suspensions per 100 pupils')).toBe(true);
    // The persistently absent disadvantaged pupils, lowest attendance first.
    const list = values.findIndex((r) => r[0] === 'Disadvantaged pupils who are persistently absent');
    expect(values.slice(list + 2, list + 6).map((r) => r[0])).toEqual(['D8', 'D4', 'D6', 'D2']);
  });

  it('refuses data whose columns changed since they were chosen, writing nothing', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES }]);
    await expect(runOutcomes(wb, { kind: 'sheet', name: 'Year 9' }, ['UPN', 'FSM', 'Attendance %', 'Suspensions'], OPTIONS, new Date())).rejects.toThrow(/columns of the data changed/);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['Year 9']);
  });
});
