import { runTrustView } from '../../src/jobs/trustView';
import { contextualValueAdded, trustFunnel } from '../../src/core/trends';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import { NATIONAL_SHEET } from '../../src/sheets/nationalFigures';
import type { CellValue } from '../../src/workbook/port';

// The three schools of test/core/trends/trust.test.ts (checked in R there): school B is below the
// gap's lower 95% limit (to learn from), school C above the upper one (to support).
const S = [...'AAAAAAAA', ...'BBBBBBB', ...'CCCCCC'];
const D = [1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0];
const Y = [40, 45, 38, 50, 52, 47, 55, 49, 44, 48, 51, 50, 46, 53, 49, 30, 35, 33, 52, 50, 54];
const PRIOR = [98, 101, 95, 104, 106, 100, 108, 103, 99, 102, 105, 104, 100, 107, 103, 92, 96, 94, 106, 104, 108];
const EAL = [0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1];
const HEADERS = ['School', 'UPN', 'PP', 'EAL', 'KS2 Scaled', 'Attainment 8'];
const VALUES: CellValue[][] = [HEADERS, ...S.map((s, i) => [s === 'A' ? 'Alder' : s === 'B' ? 'Beech' : 'Cedar', `P${i}`, D[i] ? 'Y' : '', EAL[i] ? 'Y' : 'N', PRIOR[i], Y[i]])];
const now = new Date(Date.UTC(2026, 0, 5, 9));
const options = { school: 0, disadvantaged: 2, outcome: 5, scale: 'gcse' as const };

function table(values: CellValue[][], firstHeader: string, second: string): { header: CellValue[]; rows: CellValue[][] } {
  const h = values.findIndex((r) => r[0] === firstHeader && r[1] === second);
  expect(h).toBeGreaterThanOrEqual(0);
  const rows: CellValue[][] = [];
  for (const r of values.slice(h + 1)) {
    if (r[0] === null || r[0] === '') break;
    rows.push(r);
  }
  return { header: values[h], rows };
}

describe('trust view job', () => {
  it("writes each school's gap, shrunken gap and limits as the core gives them, and names the schools outside", async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: VALUES }]);
    const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, options, now);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const core = trustFunnel(S.map((s) => (s === 'A' ? 'Alder' : s === 'B' ? 'Beech' : 'Cedar')), D.map(Boolean), Float64Array.from(Y));
    const { header, rows } = table(values, 'School', 'Disadvantaged n');
    expect(rows.map((r) => r[0])).toEqual(['Alder', 'Beech', 'Cedar']);
    rows.forEach((r, k) => {
      const c = core.schools[k];
      const at = (name: string) => r[header.indexOf(name)];
      expect(at('Gap')).toBeCloseTo(c.gap, 12);
      expect(at('Shrunken gap')).toBeCloseTo(c.shrunken, 12);
      expect(at('95% lower')).toBeCloseTo(c.gapView?.limits95.lower as number, 12);
      expect(at('99.8% upper')).toBeCloseTo(c.gapView?.limits998.upper as number, 12);
    });
    expect(rows[2][header.indexOf('Shrunken gap')]).toBeCloseTo(18.91833584757504, 8); // R, see the core test
    const out = table(values, 'School', 'View');
    expect(out.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Beech', 'Gap', 'To learn from'],
      ['Cedar', 'Gap', 'To support'],
    ]);
  });

  it('draws two funnel charts whose series point at the schools and the limit lines', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: VALUES }]);
    const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, options, now);
    const sheet = wb.getSheet(run.sheetName);
    const charts = sheet?.charts ?? [];
    expect(charts.map((c) => c.type)).toEqual(['scatter', 'scatter']);
    const values = sheet?.values ?? [];
    const [points, average, lower95] = charts[0].scatter ?? [];
    expect(points.style).toBe('markers');
    expect(values[points.row].slice(0, 1)).toEqual(['Alder']);
    expect(values[points.row][points.xCol]).toBe(3);
    expect(values[points.row][points.yCol]).toBeCloseTo(9.6, 12);
    expect(average.style).toBe('line');
    expect(values[average.row][average.yCol]).toBeCloseTo(run.model.funnel.gapView.target, 12);
    expect(lower95.style).toBe('dashed');
    expect(values[lower95.row][lower95.xCol]).toBe(2);
  });

  it('adds contextual value added per school, centred on 100, as the core fits it', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: VALUES }]);
    const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, { ...options, cva: { prior: 4, context: [2, 3], centre: 100 } }, now);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const fit = contextualValueAdded(Y, PRIOR, D.map((d, i) => [d, EAL[i]]), { groups: S.map((s) => (s === 'A' ? 'Alder' : s === 'B' ? 'Beech' : 'Cedar')), centre: 100 });
    const { header, rows } = table(values, 'School', 'Pupils');
    rows.forEach((r, k) => {
      expect(r[header.indexOf('Mean residual')]).toBeCloseTo(fit.groups[k].meanResidual, 12);
      expect(r[header.indexOf('CVA (centred on 100)')]).toBeCloseTo(100 + fit.groups[k].meanResidual, 12);
      expect(r[header.indexOf('CI lower')]).toBeCloseTo(fit.groups[k].lower, 12);
    });
    expect(values.flat().some((c) => typeof c === 'string' && c.includes('multilevel model fitted on every pupil nationally'))).toBe(true);
  });

  it("shows each school's gap to national other pupils from the figure the user entered", async () => {
    const national: CellValue[][] = [['National figures'], [], [], [], ['Measure', 'Year', 'National disadvantaged', 'National other pupils', 'Source'], ['Attainment 8', '2025', 35, 50, 'typed by the user']];
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: VALUES }, { name: NATIONAL_SHEET, values: national }]);
    const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, options, now);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const { header, rows } = table(values, 'School', 'Disadvantaged n');
    expect(rows[0][header.indexOf('Gap to national other pupils')]).toBeCloseTo(50 - (40 + 45 + 38) / 3, 12);
  });

  it('refuses a disadvantaged column that is not yes/no, naming the row', async () => {
    const bad = VALUES.map((r) => r.slice());
    bad[4][2] = 'maybe';
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: bad }]);
    await expect(runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, options, now)).rejects.toThrow(/"maybe" in data row 4/);
  });
});
