import { runSplitGaps, splitValues } from '../../src/jobs/splitGaps';
import { analyseGaps } from '../../src/core/gaps/analysis';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

// Two forms of six pupils: the report's block for each form must carry the core analysis of that
// form's pupils alone, and the first block the analysis of everyone.
const FORM = ['9A', '9A', '9A', '9A', '9A', '9A', '9B', '9B', '9B', '9B', '9B', '9B'];
const PP = ['Y', 'Y', '', '', 'Y', '', '', 'Y', '', '', 'Y', ''];
const MATHS = [3, 4, 5, 6, 2, 7, 4, 5, 6, 5, 4, 5];
const HEADERS = ['UPN', 'Form', 'PP', 'Maths Aut'];
const VALUES: CellValue[][] = [HEADERS, ...PP.map((f, i) => [`P${i + 1}`, FORM[i], f, MATHS[i]])];
const options = { columns: { disadvantaged: 2, id: 0 }, assessments: [{ index: 3, scale: 'gcse' as const }], confidence: 0.95 };
const now = new Date(Date.UTC(2026, 0, 5, 9));

describe('gap analysis split by a column', () => {
  it('writes one sheet with a block for all pupils and one per value, each the core analysis of its pupils', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES }]);
    const run = await runSplitGaps(wb, { kind: 'sheet', name: 'Year 9' }, HEADERS, options, 1, now);
    expect(run.parts.map((p) => [p.value, p.pupils])).toEqual([['All pupils', 12], ['9A', 6], ['9B', 6]]);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    // Each part's "All comparisons" table, in order, holds that part's disadvantaged gap.
    const heads = values.flatMap((r, i) => (r.includes('Comparison') && r.includes('Gap') ? [i] : []));
    expect(heads).toHaveLength(3);
    const subsets = [VALUES.slice(1), VALUES.slice(1, 7), VALUES.slice(7)];
    heads.forEach((h, k) => {
      const expected = analyseGaps({ headers: HEADERS, rows: subsets[k] }, options).results[0].summary;
      const row = values[h + 1];
      expect(row[values[h].indexOf('Gap')]).toBeCloseTo(expected.gap, 12);
      expect(row[values[h].indexOf('Focus n')]).toBe(expected.nDisadvantaged);
      expect(run.parts[k].analysis?.results[0].summary.gap).toBeCloseTo(expected.gap, 12);
    });
    expect(values.some((r) => r[0] === 'Form 9B (6 pupils)')).toBe(true);
  });

  it('orders numeric values as numbers and refuses a column with one value', async () => {
    expect(splitValues({ description: '', address: '', headers: ['Year'], rows: [[10], [9], [11], [9], [null]] }, 0)).toEqual(['9', '10', '11']);
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES.map((r, i) => (i === 0 ? r : [r[0], '9A', r[2], r[3]])) }]);
    await expect(runSplitGaps(wb, { kind: 'sheet', name: 'Year 9' }, HEADERS, options, 1, now)).rejects.toThrow(/has 1 value/);
  });
});
