import { dataNameOf, runGapAnalysis, sourceToReread } from '../../src/jobs/gapAnalysis';
import { gapSummaryOf } from '../../src/core/gaps/gapSummary';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

// Twelve pupils: a disadvantaged flag and one Maths score. The report's headline figures must be the
// core's gapSummaryOf on the same numbers with the small-group floor (the statistic itself is tested
// against R in test/core/gaps).
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

function headerLine(values: CellValue[][], label: string): string {
  return String(values.find((r) => r[0] === label)?.[1] ?? '');
}

describe('gap analysis job', () => {
  it('reads the table, writes a report sheet whose numbers are the core gapSummaryOf with the small-group floor', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES }]);
    const run = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 9' }, ['UPN', 'PP', 'Maths Aut'], options, new Date(Date.UTC(2026, 0, 5, 9)));
    const values = await wb.readSheetValues(run.sheetName);
    expect(values).not.toBeNull();
    const { header, row } = rowOf(values as CellValue[][], 'Disadvantaged vs others');
    const s = gapSummaryOf(MATHS.filter((_, i) => PP[i] === 'Y'), MATHS.filter((_, i) => PP[i] !== 'Y'), 0.95, { smallGroups: 'floor' });
    const at = (name: string) => row[header.indexOf(name)];
    expect(at('Focus n')).toBe(5);
    expect(at('Comparison n')).toBe(7);
    expect(s.floored).toBe(true);
    expect(at('Gap')).toBeCloseTo(s.gap, 12);
    expect(at('CI lower')).toBeCloseTo(s.ciLower, 12);
    expect(at('CI upper')).toBeCloseTo(s.ciUpper, 12);
    expect(at("Hedges' g")).toBeCloseTo(s.hedgesG, 12);
    expect(at('Gap index lower')).toBeCloseTo(s.gapIndexLower, 12);
    expect(at('Verdict')).toBe('too few pupils to tell');
    expect(run.analysis.results[0].summary.gap).toBeCloseTo(s.gap, 12);
    expect(run.sheetName).toBe('Gap report 2026-01-05 Year 9');
  });

  it('refuses data whose columns changed since they were chosen, writing nothing', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES }]);
    await expect(runGapAnalysis(wb, { kind: 'sheet', name: 'Year 9' }, ['UPN', 'FSM', 'Maths Aut'], options, new Date())).rejects.toThrow(/columns of the data changed/);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['Year 9']);
  });

  it('same-day reports for different data carry the data name, within 31 characters', async () => {
    const wb = MemoryWorkbook.withSheets([
      { name: 'Year 7', values: VALUES },
      { name: 'Year 8 maths and English', values: VALUES },
    ]);
    const day = new Date(Date.UTC(2026, 11, 1, 9));
    const a = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 7' }, VALUES[0] as string[], options, day);
    const b = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 8 maths and English' }, VALUES[0] as string[], options, day);
    expect(a.sheetName).toBe('Gap report 2026-12-01 Year 7');
    expect(b.sheetName).toBe('Gap report 2026-12-01 Year 8 ma');
    expect(b.sheetName.length).toBeLessThanOrEqual(31);
  });

  it('running again on the selected cells reads the block first read, though writing the report moved the selection', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES }]);
    wb.setSelection('Year 9', 0, 0, VALUES.length, 3);
    const first = await wb.readData({ kind: 'selection' });
    const again = sourceToReread({ kind: 'selection' }, first);
    expect(again).toEqual({ kind: 'range', address: first.address });
    expect(dataNameOf(again)).toBe('Year 9');
    await runGapAnalysis(wb, again, first.headers, options, new Date(Date.UTC(2026, 0, 5, 9)));
    // The report is active now, with its own selection; the second run still reads the pupils.
    expect(wb.selection?.sheet).not.toBe('Year 9');
    const second = await runGapAnalysis(wb, again, first.headers, options, new Date(Date.UTC(2026, 0, 5, 10)));
    expect(second.analysis.results[0].summary.nDisadvantaged).toBe(5);
  });
});

describe('gap analysis job: explicit N plus blank flags can no longer give a silent answer', () => {
  // Explicit Y and N, and 5 blanks where the status is unknown. Checked in R:
  //   fsm <- c('Y','N','','Y','N','','N','Y','','N','N','Y','','N','Y','N','','N','Y','N')
  //   ma  <- c(3,6,5,4,7,2,5,3,6,6,5,2,3,7,4,6,5,5,3,6)
  //   t.test(ma[fsm=='N'], ma[fsm=='Y'])$conf.int   # blanks unknown: 1.83700930904432 3.60743513540013
  //   t.test(ma[fsm!='Y'], ma[fsm=='Y'])$conf.int   # blanks as not disadvantaged: 1.10301381325953 3.13508142483571
  const FSM = ['Y', 'N', '', 'Y', 'N', '', 'N', 'Y', '', 'N', 'N', 'Y', '', 'N', 'Y', 'N', '', 'N', 'Y', 'N'];
  const MA = [3, 6, 5, 4, 7, 2, 5, 3, 6, 6, 5, 2, 3, 7, 4, 6, 5, 5, 3, 6];
  const TABLE: CellValue[][] = [['UPN', 'FSM', 'Ma Sum'], ...FSM.map((f, i) => [`P${i + 1}`, f, MA[i]])];
  const HEADERS = TABLE[0] as string[];
  const SOURCE = { kind: 'sheet' as const, name: 'Pupils' };
  const base = { columns: { disadvantaged: 1, id: 0 }, assessments: [{ index: 2, scale: 'gcse' as const }] };

  it('refuses to run until the user says what a blank means, naming the count, and writes nothing', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Pupils', values: TABLE }]);
    await expect(runGapAnalysis(wb, SOURCE, HEADERS, base, new Date())).rejects.toThrow(/"FSM" has 5 blank cells as well as explicit "N"/);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['Pupils']);
  });

  it('"unknown" leaves those pupils out and the header records the choice and the count', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Pupils', values: TABLE }]);
    const run = await runGapAnalysis(wb, SOURCE, HEADERS, { ...base, blanks: 'unknown' }, new Date(Date.UTC(2026, 0, 5, 9)));
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    expect(headerLine(values, 'Blank flags')).toBe('5 blank flags, while the column also holds explicit "N": read as unknown, and those pupils left out of the disadvantaged comparisons (your choice)');
    const { header, row } = rowOf(values, 'Disadvantaged vs others');
    expect([row[header.indexOf('Focus n')], row[header.indexOf('Comparison n')], row[header.indexOf('Cells left out')]]).toEqual([6, 9, 5]);
    expect(row[header.indexOf('Gap')] as number).toBeCloseTo(2.72222222222222, 12);
    expect(row[header.indexOf('CI lower')] as number).toBeCloseTo(1.83700930904432, 10);
    expect(row[header.indexOf('CI upper')] as number).toBeCloseTo(3.60743513540013, 10);
  });

  it('"not disadvantaged" counts them with the others, and says so', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Pupils', values: TABLE }]);
    const run = await runGapAnalysis(wb, SOURCE, HEADERS, { ...base, blanks: 'not disadvantaged' }, new Date(Date.UTC(2026, 0, 5, 9)));
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    expect(headerLine(values, 'Blank flags')).toMatch(/^5 blank flags, while the column also holds explicit "N": counted as not disadvantaged \(your choice\)$/);
    const { header, row } = rowOf(values, 'Disadvantaged vs others');
    expect(row[header.indexOf('Comparison n')]).toBe(14);
    expect(row[header.indexOf('Gap')] as number).toBeCloseTo(2.11904761904762, 12);
    expect(row[header.indexOf('CI lower')] as number).toBeCloseTo(1.10301381325953, 10);
    expect(row[header.indexOf('CI upper')] as number).toBeCloseTo(3.13508142483571, 10);
  });

  it('a column of Y and blanks keeps the reading of blanks as not disadvantaged without asking', async () => {
    const yOnly = TABLE.map((r, i) => (i === 0 ? r : [r[0], r[1] === 'N' ? '' : r[1], r[2]]));
    const wb = MemoryWorkbook.withSheets([{ name: 'Pupils', values: yOnly }]);
    const run = await runGapAnalysis(wb, SOURCE, HEADERS, base, new Date());
    expect(run.analysis.blankFlags).toMatchObject({ ambiguous: false, reading: 'not disadvantaged', blanks: 14 });
    expect(run.analysis.results[0].summary.nOther).toBe(14);
  });
});
