/**
 * The gap report with a national reference: the gap index column ranks pupils nationally (as
 * GAPS.GAPINDEX does with its `reference`) and its header says so. Expected values from R, computing
 * the national percentiles by the documented rules independently of the add-in:
 *
 *   tab_x <- c(80, 85, 90, 95, 100, 105, 110, 115, 120)
 *   tab_c <- c(2, 6, 14, 27, 45, 64, 81, 93, 100) / 100
 *   pct <- function(x) sapply(x, function(v) { k <- findInterval(v, tab_x); if (k == 0) return(0)
 *     if (tab_x[k] != v) return(tab_c[k]); ((if (k > 1) tab_c[k - 1] else 0) + tab_c[k]) / 2 })
 *   d <- rd[pp == 'Y']; o <- rd[pp != 'Y']            # rd, pp as READING, PP below
 *   20 * (mean(pct(o)) - mean(pct(d)))                # 7.25714285714286
 *   t.test(20 * pct(o), 20 * pct(d))$conf.int         # 3.35375561600167 11.160530098284
 *   nat <- NATIONAL below; p2 <- function(x) sapply(x, function(v) mean(nat < v) + mean(nat == v) / 2)
 *   20 * (mean(p2(o)) - mean(p2(d)))                  # 8.47619047619048
 *   t.test(20 * p2(o), 20 * p2(d))$conf.int           # 4.05479828586269 12.8975826665183
 */
import { runGapAnalysis } from '../../src/jobs/gapAnalysis';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

const PP = ['Y', 'Y', '', 'Y', '', '', 'Y', '', 'Y', '', '', 'Y', '', 'Y', '', ''];
const READING = [94, 100, 108, 88, 103, 111, 97, 105, 92, 99, 115, 101, 96, 90, 107, 110];
const MATHS = ['4', '5', '7', '3', '6', '8', '4', '6', '3', '5', '9', '5', '4', '3', '6', '7'];
const PUPILS: CellValue[][] = [['UPN', 'PP', 'Reading', 'Maths Sum'], ...PP.map((f, i) => [`P${i + 1}`, f, READING[i], MATHS[i]])];
const HEADERS = PUPILS[0] as string[];
const TABLE: CellValue[][] = [
  ['Scaled score', 'Cumulative %'],
  [80, 2], [85, 6], [90, 14], [95, 27], [100, 45], [105, 64], [110, 81], [115, 93], [120, 100],
];
const NATIONAL = [84, 88, 90, 92, 94, 95, 96, 97, 99, 100, 100, 101, 103, 104, 105, 106, 108, 110, 112, 117];

const options = {
  columns: { disadvantaged: 1, id: 0 },
  assessments: [
    { index: 2, scale: 'gcse' as const },
    { index: 3, scale: 'gcse' as const },
  ],
  confidence: 0.95,
};
const NOW = new Date(Date.UTC(2026, 11, 3, 9));

function results(values: CellValue[][]): { header: CellValue[]; rows: CellValue[][] } {
  const h = values.findIndex((r) => r.includes('Comparison') && r.includes('Gap'));
  expect(h).toBeGreaterThanOrEqual(0);
  const header = values[h];
  const rows: CellValue[][] = [];
  for (let r = h + 1; r < values.length && values[r][0] !== null && values[r][0] !== ''; r++) rows.push(values[r]);
  return { header, rows };
}

function rowFor(values: CellValue[][], assessment: string): { at: (name: string) => CellValue } {
  const { header, rows } = results(values);
  const row = rows.find((r) => r[header.indexOf('Assessment')] === assessment && r[header.indexOf('Comparison')] === 'Disadvantaged vs others');
  expect(row).toBeDefined();
  return { at: (name: string) => (row as CellValue[])[header.indexOf(name)] };
}

function headerLine(values: CellValue[][], label: string): string {
  return String(values.find((r) => r[0] === label)?.[1] ?? '');
}

describe('gap report with a national reference', () => {
  it('a cumulative-percentage table ranks pupils nationally, and the column and the header say so (R)', async () => {
    const wb = MemoryWorkbook.withSheets([
      { name: 'Year 6', values: PUPILS },
      { name: 'National', values: TABLE },
    ]);
    const run = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 6' }, HEADERS, options, NOW, undefined, { kind: 'sheet', name: 'National' });
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const { header } = results(values);
    expect(header).toContain('Gap index (national ranks)');
    expect(header).not.toContain('Gap index (rank overlap)');

    const reading = rowFor(values, 'Reading');
    expect(reading.at('Focus n')).toBe(7);
    expect(reading.at('Comparison n')).toBe(9);
    expect(reading.at('Gap index (national ranks)') as number).toBeCloseTo(7.25714285714286, 12);
    expect(reading.at('Gap index lower') as number).toBeCloseTo(3.35375561600167, 10);
    expect(reading.at('Gap index upper') as number).toBeCloseTo(11.160530098284, 10);

    // 9-1 grades are not on the reference's scale: no index, and the note says why.
    const maths = rowFor(values, 'Maths Sum');
    expect(maths.at('Gap index (national ranks)')).toBeNull();
    expect(maths.at('Note')).toMatch(/No gap index: only 0 of 16 scores lie within the national reference's 80 to 120, so it is probably for another scale\./);

    const line = headerLine(values, 'National reference');
    expect(line).toMatch(/^a table of 9 scores from 80 to 120 with the cumulative percentage of pupils nationally \(.*National.*\)/);
    expect(line).toMatch(/ranks pupils nationally for Reading/);
    expect(line).toMatch(/not used for Maths Sum: only 0 of 16 scores/);
    expect(headerLine(values, 'Measures')).toMatch(/Gap index: national ranks/);
    expect(run.analysis.reference?.used).toEqual(['Reading']);
  });

  it('a column of national scores, chosen as selected cells, gives the mid-percentile index (R)', async () => {
    const wb = MemoryWorkbook.withSheets([
      { name: 'Year 6', values: PUPILS },
      { name: 'National', values: [['National reading'], ...NATIONAL.map((x) => [x])] },
    ]);
    const run = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 6' }, HEADERS, { ...options, assessments: [options.assessments[0]] }, NOW, undefined, {
      kind: 'range',
      address: `National!A1:A${NATIONAL.length + 1}`,
    });
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const reading = rowFor(values, 'Reading');
    expect(reading.at('Gap index (national ranks)') as number).toBeCloseTo(8.47619047619048, 12);
    expect(reading.at('Gap index lower') as number).toBeCloseTo(4.05479828586269, 10);
    expect(reading.at('Gap index upper') as number).toBeCloseTo(12.8975826665183, 10);
    expect(headerLine(values, 'National reference')).toMatch(/^a column of 20 national scores from 84 to 117/);
  });

  it('without a reference the index stays on the school\'s ranks, with no reference line', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 6', values: PUPILS }]);
    const run = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 6' }, HEADERS, options, NOW);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    expect(results(values).header).toContain('Gap index (rank overlap)');
    expect(headerLine(values, 'National reference')).toBe('');
    const r = run.analysis.results.find((x) => x.header === 'Reading' && x.kind === 'disadvantaged');
    expect(r?.gapIndex).toMatchObject({ ranks: 'school', value: r?.summary.gapIndex });
  });

  it('a reference that is neither a column nor a two-column table says what to choose, and writes nothing', async () => {
    const wb = MemoryWorkbook.withSheets([
      { name: 'Year 6', values: PUPILS },
      { name: 'National', values: [['Score', 'Cum %', 'Year'], [90, 14, 2025], [100, 45, 2025]] },
    ]);
    await expect(runGapAnalysis(wb, { kind: 'sheet', name: 'Year 6' }, HEADERS, options, NOW, undefined, { kind: 'sheet', name: 'National' })).rejects.toThrow(
      /^The national reference \(.*National.*\) cannot be used: reference must be one column of national scores or a two-column table.*Choose one column of national scores, or a table of score and cumulative percentage\.$/,
    );
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['Year 6', 'National']);
  });
});
