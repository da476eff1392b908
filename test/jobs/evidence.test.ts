import { findEvidence } from '../../src/jobs/evidence';
import { runGapAnalysis } from '../../src/jobs/gapAnalysis';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

const PP = ['Y', 'Y', '', '', 'Y', '', '', 'Y', '', '', 'Y', ''];
const MATHS = [3, 4, 5, 6, 2, 7, 4, 5, 6, 5, 4, 5];
const PUPILS: CellValue[][] = [['UPN', 'PP', 'Maths Aut', 'Tutoring'], ...PP.map((f, i) => [`P${i + 1}`, f, MATHS[i], i < 6 ? 'Y' : ''])];
const HEADERS = PUPILS[0] as string[];
const SOURCE = { kind: 'sheet' as const, name: 'Pupils' };
const GAP = { columns: { disadvantaged: 1 }, assessments: [{ index: 2, scale: 'gcse' as const }] };

describe('evidence lookup job', () => {
  it('finds nothing in a workbook without reports', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Pupils', values: PUPILS }]);
    expect(await findEvidence(wb)).toEqual({ gapReport: null, interventions: [] });
  });

  it('cites the latest of two gap reports, with the gap the report shows', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Pupils', values: PUPILS }]);
    await runGapAnalysis(wb, SOURCE, HEADERS, GAP, new Date(Date.UTC(2026, 0, 5, 9)));
    const latest = await runGapAnalysis(wb, SOURCE, HEADERS, GAP, new Date(Date.UTC(2026, 2, 9, 9)));
    const e = await findEvidence(wb);
    expect(e.gapReport?.sheet).toBe(latest.sheetName);
    expect(e.gapReport?.date).toBe('2026-03-09');
    expect(e.gapReport?.figures.length).toBeGreaterThan(0);
    expect(e.gapReport?.figures[0].gap).toBeCloseTo(latest.analysis.results[0].summary.gap, 2);
  });

  it("cites the report's headline rows only (disadvantaged vs others at each subject's latest point), with assessment, group, interval and sizes", async () => {
    const rows: CellValue[][] = [
      ['UPN', 'PP', 'Band', 'Maths Aut', 'Maths Sum', 'Reading Sum'],
      ...PP.map((f, i) => [`P${i + 1}`, f, i % 2 ? 'Low' : 'High', MATHS[i], MATHS[(i + 3) % 12], 90 + 2 * MATHS[(i + 5) % 12]]),
    ];
    const wb = MemoryWorkbook.withSheets([{ name: 'Pupils', values: rows }]);
    const opts = { columns: { disadvantaged: 1, priorBand: 2 }, assessments: [3, 4, 5].map((index) => ({ index, scale: 'gcse' as const })) };
    const run = await runGapAnalysis(wb, SOURCE, rows[0] as string[], opts, new Date(Date.UTC(2026, 2, 9, 9)));
    const e = await findEvidence(wb);
    const heads = run.analysis.results.filter((r) => r.headline);
    expect(heads.map((r) => r.header)).toEqual(['Maths Sum', 'Reading Sum']);
    expect(e.gapReport?.figures.map((f) => [f.measure, f.assessment, f.group, f.n, f.nOthers])).toEqual(
      heads.map((r) => [r.subject, r.header, 'Disadvantaged vs others', r.summary.nDisadvantaged, r.summary.nOther]),
    );
    e.gapReport?.figures.forEach((f, i) => {
      expect(f.gap).toBeCloseTo(heads[i].summary.gap, 12);
      expect(f.lower).toBeCloseTo(heads[i].summary.ciLower, 12);
      expect(f.upper).toBeCloseTo(heads[i].summary.ciUpper, 12);
    });
  });

});
