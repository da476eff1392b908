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

});
