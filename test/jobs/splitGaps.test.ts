import { runSplitGaps, splitValues } from '../../src/jobs/splitGaps';
import { analyseGaps, type GapResult } from '../../src/core/gaps/analysis';
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
    // 5 disadvantaged pupils in all, 3 and 2 in the forms (under 6): every part's row says so.
    expect(run.parts.map((p) => [p.analysis?.results[0].summary.nDisadvantaged, p.analysis?.results[0].verdict])).toEqual([[5, 'too few pupils to tell'], [3, 'too few pupils to tell'], [2, 'too few pupils to tell']]);
  });

  it('orders numeric values as numbers and refuses a column with one value', async () => {
    expect(splitValues({ description: '', address: '', headers: ['Year'], rows: [[10], [9], [11], [9], [null]] }, 0)).toEqual(['9', '10', '11']);
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: VALUES.map((r, i) => (i === 0 ? r : [r[0], '9A', r[2], r[3]])) }]);
    await expect(runSplitGaps(wb, { kind: 'sheet', name: 'Year 9' }, HEADERS, options, 1, now)).rejects.toThrow(/has 1 value/);
  });

  // Two forms of 14, every group of 6 or more with spread (so no small-group floor), Maths in autumn
  // and summer. The allowance for chance spans the whole report: the whole data's summer gap is the
  // one headline; the whole data's autumn gap and change, and each form's autumn gap, summer gap and
  // change (8 p-values) are adjusted together. Expected values from R 4 (t.test Welch p-values,
  // p.adjust(p, "BH"), over the same pupils in the same order):
  //   p   = 2.17627237796623e-07, 0.488361278467074, 0.000642809546148283, 0.000154473072613375,
  //         0.691068361655585, 0.000275787516301701, 5.00467179950882e-05, 0.575512252821764
  //   BH  = 1.74101790237298e-06, 0.651148371289432, 0.00102849527383725, 0.000411928193635666,
  //         0.691068361655585, 0.000551575032603402, 0.000200186871980353, 0.657728288939159
  //   whole summer gap, t.test conf.int = 1.71648409670701 to 2.81684923662632
  it('makes one allowance for chance over the whole split report, as R\'s p.adjust(method = "BH") gives', async () => {
    const form = [...Array<string>(14).fill('9A'), ...Array<string>(14).fill('9B')];
    const pp = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0];
    const aut = [3, 5, 4, 6, 2, 5, 4, 7, 3, 6, 5, 5, 2, 6, 4, 3, 5, 6, 2, 7, 3, 5, 4, 6, 5, 3, 7, 4];
    const sum = [4, 5, 4, 7, 3, 6, 4, 7, 5, 6, 5, 6, 3, 7, 4, 4, 6, 6, 3, 7, 5, 6, 4, 7, 6, 4, 7, 5];
    const headers = ['UPN', 'Form', 'PP', 'Maths Aut', 'Maths Sum'];
    const values: CellValue[][] = [headers, ...pp.map((f, i) => [`P${i + 1}`, form[i], f ? 'Y' : '', aut[i], sum[i]])];
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values }]);
    const opts = { columns: { disadvantaged: 2, id: 0 }, assessments: [{ index: 3, scale: 'gcse' as const }, { index: 4, scale: 'gcse' as const }], confidence: 0.95 };
    const run = await runSplitGaps(wb, { kind: 'sheet', name: 'Year 9' }, headers, opts, 1, now);
    const [whole, a, b] = run.parts.map((p) => p.analysis?.results as GapResult[]);
    const adjusted = [whole[0].adjustedP, whole[1].changeAdjustedP, ...[a, b].flatMap((r) => [r[0].adjustedP, r[1].adjustedP, r[1].changeAdjustedP])];
    const bh = [1.74101790237298e-6, 0.651148371289432, 0.00102849527383725, 0.000411928193635666, 0.691068361655585, 0.000551575032603402, 0.000200186871980353, 0.657728288939159];
    adjusted.forEach((x, i) => expect(x).toBeCloseTo(bh[i], 10));
    // Only the whole data's latest point is a headline, judged on its own (Welch) interval.
    expect([whole, a, b].map((r) => r.map((x) => x.headline))).toEqual([[false, true], [false, false], [false, false]]);
    expect(whole[1].adjustedP).toBeNaN();
    expect(whole[1].summary.ciLower).toBeCloseTo(1.71648409670701, 10);
    expect(whole[1].verdict).toBe('clear gap');
    // Each form's verdicts follow the adjusted p-values (clear below 0.05): 9A's change (BH 0.691) is not clear.
    expect([a[0].verdict, a[1].verdict, a[1].changeWord, b[1].changeWord]).toEqual(['clear gap', 'clear gap', 'no clear change', 'no clear change']);
    expect(run.parts[1].analysis?.chance).toMatchObject({ comparisons: 9, headline: 1, adjusted: 8, parts: 3 });
    // The sheet says so, and shows each form's latest point as adjusted.
    const sheet = ((await wb.readSheetValues(run.sheetName)) as CellValue[][]).flat().filter((c): c is string => typeof c === 'string');
    expect(sheet.filter((c) => c.startsWith('Over the whole split report (all pupils and each of the 2 groups): 9 comparisons made'))).toHaveLength(3);
    // The whole data's latest points stay its headline comparisons; each form's are adjusted.
    expect(sheet.filter((c) => c.startsWith('Headline comparisons: disadvantaged vs others'))).toHaveLength(1);
    expect(sheet.filter((c) => c.startsWith('Latest point (adjusted for chance with the rest of the split report)'))).toHaveLength(2);
  });

  it("keeps the whole data's reading of blank flags in a group whose pupils hold no explicit N", async () => {
    // Form 9A holds Y, N and blanks; 9B only Y and blanks. Read as unknown, 9B's blanks are left out too.
    const flags = ['Y', 'N', '', 'N', 'Y', '', 'Y', 'N', 'Y', '', '', 'Y', 'Y', '', '', 'Y'];
    const forms = [...Array<string>(8).fill('9A'), ...Array<string>(8).fill('9B')];
    const headers = ['UPN', 'Form', 'PP', 'Maths Sum'];
    const values: CellValue[][] = [headers, ...flags.map((f, i) => [`P${i}`, forms[i], f, 3 + (i % 5)])];
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values }]);
    const opts = { columns: { disadvantaged: 2 }, assessments: [{ index: 3, scale: 'gcse' as const }], blanks: 'unknown' as const };
    const run = await runSplitGaps(wb, { kind: 'sheet', name: 'Year 9' }, headers, opts, 1, now);
    const b = run.parts[2].analysis;
    expect(b?.blankFlags.reading).toBe('unknown');
    // 9B: 4 Y, 4 blanks (unknown) -> no others left to compare with.
    expect(b?.results[0].summary.nDisadvantaged).toBe(4);
    expect(b?.results[0].summary.nOther).toBe(0);
    expect(b?.results[0].summary.leftOut).toBe(4);
  });
});
