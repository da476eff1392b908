import { runGapAnalysis } from '../../src/jobs/gapAnalysis';
import { gapSummary } from '../../src/core/gaps/gapSummary';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

// Twelve pupils: a disadvantaged flag and one Maths score. The report's headline figures must be the
// core's gapSummary on the same numbers (the statistic itself is tested against R in test/core/gaps).
const PP = ['Y', 'Y', '', '', 'Y', '', '', 'Y', '', '', 'Y', ''];
const MATHS = [3, 4, 5, 6, 2, 7, 4, 5, 6, 5, 4, 5];
const VALUES: CellValue[][] = [['UPN', 'PP', 'Maths Aut'], ...PP.map((f, i) => [`P${i + 1}`, f, MATHS[i]])];

const options = { columns: { disadvantaged: 1, id: 0 }, assessments: [{ index: 2, scale: 'gcse' as const }], confidence: 0.95 };

function rowOf(values: CellValue[][], first: string): { header: CellValue[]; row: CellValue[] } {
  const h = values.findIndex((r) => r.includes('Comparison') && r.includes('Gap'));
  expect(h).toBeGreaterThanOrEqual(0);
  const header = values[h];
  const c = header.indexOf('Comparison');
  const row = values.slice(h + 1).find((r) => r[c] === first);
  expect(row).toBeDefined();
  return { header, row: row as CellValue[] };
}

describe('gap analysis job', () => {
  it('reads the table, writes a report sheet whose headline numbers are the core gapSummary', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES }]);
    const run = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 9' }, ['UPN', 'PP', 'Maths Aut'], options, new Date(Date.UTC(2026, 0, 5, 9)));
    const values = await wb.readSheetValues(run.sheetName);
    expect(values).not.toBeNull();
    const { header, row } = rowOf(values as CellValue[][], 'Disadvantaged vs others');
    const s = gapSummary(MATHS.map((x) => [x]), PP.map((f) => [f === 'Y']), 0.95);
    const at = (name: string) => row[header.indexOf(name)];
    expect(at('Focus n')).toBe(5);
    expect(at('Comparison n')).toBe(7);
    expect(at('Focus n')).toBe(s.nDisadvantaged);
    expect(at('Gap')).toBeCloseTo(s.gap, 12);
    expect(at('CI lower')).toBeCloseTo(s.ciLower, 12);
    expect(at('CI upper')).toBeCloseTo(s.ciUpper, 12);
    expect(at("Hedges' g")).toBeCloseTo(s.hedgesG, 12);
    expect(run.analysis.results[0].summary.gap).toBeCloseTo(s.gap, 12);
  });

  it('refuses data whose columns changed since they were chosen, writing nothing', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES }]);
    await expect(runGapAnalysis(wb, { kind: 'sheet', name: 'Year 9' }, ['UPN', 'FSM', 'Maths Aut'], options, new Date())).rejects.toThrow(/columns of the data changed/);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['Year 9']);
  });
});
