import { runGapTrend } from '../../src/jobs/gapTrend';
import { gapTrend, pooledGap } from '../../src/core/trends';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import { ensureNationalFigures } from '../../src/jobs/nationalFigures';
import { NATIONAL_SHEET } from '../../src/sheets/nationalFigures';
import type { CellValue } from '../../src/workbook/port';

// Three small Year 11 cohorts. The figures the report must hold are the core's gapTrend and
// pooledGap on the same pupils; those were checked in R with:
//   a <- t.test(o1, d1); c3 <- t.test(o3, d3)   # yearly gaps and SEs
//   se <- sqrt(a$stderr^2 + c3$stderr^2); df <- se^4/(a$stderr^4/a$parameter + c3$stderr^4/c3$parameter)
//   change -4.5, CI -9.780118494730864 to 0.780118494730863 (qt(0.975, df))
//   t.test(c(o1,o2,o3), c(d1,d2,d3)): 5.93333333333334, CI 3.22311802982190 to 8.64354863684478
const YEARS: Record<string, { o: number[]; d: number[] }> = {
  '2023': { o: [50, 52, 47, 55, 49, 51], d: [40, 45, 38, 44] },
  '2024': { o: [53, 49, 50, 46, 52], d: [48, 44, 47] },
  '2025': { o: [52, 50, 54, 51], d: [46, 49, 47] },
};

function sheet(year: string): CellValue[][] {
  const { o, d } = YEARS[year];
  return [['UPN', 'PP', 'Attainment 8'], ...d.map((x, i) => [`D${year}${i}`, 'Y', x]), ...o.map((x, i) => [`O${year}${i}`, '', x]), ['X', 'Y', 'ABS']];
}

const now = new Date(Date.UTC(2026, 0, 5, 9));

function rowStarting(values: CellValue[][], first: string, after = 0): CellValue[] {
  const r = values.slice(after).find((line) => line[0] === first);
  expect(r).toBeDefined();
  return r as CellValue[];
}

describe('gap trend job', () => {
  it('writes each year, the changes and the three-year pooled gap as the core gives them', async () => {
    const wb = MemoryWorkbook.withSheets(['2023', '2024', '2025'].map((y) => ({ name: `Y11 ${y}`, values: sheet(y) })));
    const run = await runGapTrend(wb, { kind: 'several', sources: ['2024', '2023', '2025'].map((y) => ({ source: { kind: 'sheet' as const, name: `Y11 ${y}` }, year: y })), outcome: 'Attainment 8', disadvantaged: 'PP', scale: 'gcse' }, now);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const years = Object.keys(YEARS);
    const core = gapTrend(
      years.flatMap((y) => [...YEARS[y].d, ...YEARS[y].o].map((x) => [x])),
      years.flatMap((y) => [...YEARS[y].d.map(() => ['Y']), ...YEARS[y].o.map(() => [''])]),
      years.flatMap((y) => [...YEARS[y].d, ...YEARS[y].o].map(() => [y])),
    );
    const header = values.findIndex((r) => r[0] === 'Year' && r[1] === 'Gap');
    for (const [k, y] of core.years.entries()) {
      const r = rowStarting(values, y.year, header);
      expect(r[1]).toBeCloseTo(y.gap, 12);
      expect(r[3]).toBeCloseTo(y.lower, 12);
      expect(r[4]).toBeCloseTo(y.upper, 12);
      expect(r[5]).toBe(YEARS[years[k]].d.length);
      expect(r[6]).toBe(YEARS[years[k]].o.length);
    }
    const last = values.find((r) => r[0] === '2023 (first)') as CellValue[];
    expect(last[4]).toBeCloseTo(-4.5, 12);
    expect(last[5]).toBeCloseTo(-9.780118494730864, 8);
    expect(last[6]).toBeCloseTo(0.780118494730863, 8);
    expect(last[7]).toBe('no clear change');
    expect(core.firstToLast?.lower).toBeCloseTo(last[5] as number, 12);
    const pooled = values.find((r) => typeof r[0] === 'string' && r[0].startsWith('Last three years')) as CellValue[];
    const p = pooledGap(years.map((y) => ({ other: YEARS[y].o, disadvantaged: YEARS[y].d })));
    expect(pooled[1]).toBeCloseTo(p.gap, 12);
    expect(pooled[1]).toBeCloseTo(5.93333333333334, 10);
    expect(pooled[2]).toBeCloseTo(3.2231180298219, 8);
    expect(pooled[3]).toBeCloseTo(8.64354863684478, 8);
    expect(run.model.trend.years.map((y) => y.year)).toEqual(['2023', '2024', '2025']);
  });

  it('reads one table with a cohort-year column the same way', async () => {
    const rows: CellValue[][] = [['UPN', 'Cohort', 'PP', 'Attainment 8']];
    for (const y of Object.keys(YEARS)) for (const line of sheet(y).slice(1)) rows.push([line[0], Number(y), line[1], line[2]]);
    const wb = MemoryWorkbook.withSheets([{ name: 'All', values: rows }]);
    const run = await runGapTrend(wb, { kind: 'one', source: { kind: 'sheet', name: 'All' }, yearColumn: 'Cohort', outcome: 'Attainment 8', disadvantaged: 'PP', scale: 'gcse' }, now);
    expect(run.model.trend.firstToLast?.change).toBeCloseTo(-4.5, 12);
    expect(run.model.pooled3?.gap).toBeCloseTo(5.93333333333334, 10);
  });

  it('shows the gap to national other pupils for a year whose figure the user entered', async () => {
    const wb = MemoryWorkbook.withSheets(['2023', '2024'].map((y) => ({ name: `Y11 ${y}`, values: sheet(y) })));
    await ensureNationalFigures(wb);
    const nat = (await wb.readSheetValues(NATIONAL_SHEET)) as CellValue[][];
    const h = nat.findIndex((r) => r[0] === 'Measure');
    // The sheet ships empty: the user types the figure and its source.
    expect(nat.slice(h + 1).flat().every((c) => c === null || c === '')).toBe(true);
    const filled = nat.map((r) => r.slice());
    filled[h + 1] = ['Attainment 8', '2024', 35, 50, 'typed by the user'];
    const wb2 = MemoryWorkbook.withSheets([...['2023', '2024'].map((y) => ({ name: `Y11 ${y}`, values: sheet(y) })), { name: NATIONAL_SHEET, values: filled }]);
    const run = await runGapTrend(wb2, { kind: 'several', sources: ['2023', '2024'].map((y) => ({ source: { kind: 'sheet' as const, name: `Y11 ${y}` }, year: y })), outcome: 'Attainment 8', disadvantaged: 'PP', scale: 'gcse' }, now);
    const values = (await wb2.readSheetValues(run.sheetName)) as CellValue[][];
    const header = values.findIndex((r) => r[0] === 'Year' && r[1] === 'Gap');
    const cols = values[header];
    const r2024 = rowStarting(values, '2024', header);
    const meanD = (48 + 44 + 47) / 3;
    expect(r2024[cols.indexOf('National other pupils')]).toBe(50);
    expect(r2024[cols.indexOf('Gap to national other pupils')]).toBeCloseTo(50 - meanD, 12);
    expect(rowStarting(values, '2023', header)[cols.indexOf('National other pupils')]).toBeNull();
  });

  it('refuses a source without the outcome column, and two sources given the same year', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'A', values: sheet('2023') }, { name: 'B', values: [['UPN', 'PP', 'Maths'], ['x', 'Y', 4]] }]);
    const input = (b: string, yb: string) => ({ kind: 'several' as const, sources: [{ source: { kind: 'sheet' as const, name: 'A' }, year: '2023' }, { source: { kind: 'sheet' as const, name: b }, year: yb }], outcome: 'Attainment 8', disadvantaged: 'PP', scale: 'gcse' as const });
    await expect(runGapTrend(wb, input('B', '2024'), now)).rejects.toThrow(/no column "Attainment 8"/);
    await expect(runGapTrend(wb, input('A', '2023'), now)).rejects.toThrow(/given to two sources/);
  });
});
