/**
 * How the adapters read Excel's arguments (src/functions/args.ts): whole columns and rows cut to
 * their used part, pairwise; results too large for Excel on the web refused with a message; blank
 * cells that some desktop builds pass as 0 (office-js 4702, 5262, 1951) read as blanks where a 0
 * cannot be meant, with a note.
 *
 * Expected values: the hand-selected range is the reference for the whole-column reading; the KS2
 * gap from R,
 *   d <- c(97, 101, 95, 88, 104, 92, 99, 90); o <- c(103, 99, 108, 95, 110, 101, 106, 97, 112)
 *   t.test(o, d)  # mean diff 7.69444444444444, 95% CI 1.7521495366829 to 13.636739352206
 */
import * as F from '../../src/functions/functions';
import { isExcelError } from '../../src/functions/excelErrors';
import { SHEET_COLUMNS, SHEET_ROWS, trimWhole, withoutImpossibleZeros } from '../../src/functions/args';

const col = (xs: unknown[]) => xs.map((x) => [x]);
/** A whole column as Excel passes `A:A`: the cells given, then blanks (or `fill`) to the sheet's last row. */
function wholeColumn(xs: unknown[], fill: unknown = null): unknown[][] {
  const out: unknown[][] = new Array(SHEET_ROWS);
  for (let r = 0; r < SHEET_ROWS; r++) out[r] = [r < xs.length ? xs[r] : fill];
  return out;
}
function err(v: unknown): { code: string; message: string } {
  expect(isExcelError(v)).toBe(true);
  return v as { code: string; message: string };
}
const rowsOf = (out: unknown[][]) => Object.fromEntries(out.map(([k, v]) => [k as string, v]));

// The README's class (column C maths, column D FSM6), with the header row a whole column includes.
const MATHS = [104, 98, 'ABS', 110, 95, ' 101', 88, 107, 99, null];
const FSM6 = ['Y', 'Y', 'Y', '', 'N', 'Y', 'Y', '', 'N', 'N'];

describe('whole columns and rows are cut to their used part', () => {
  test('paired whole columns end at the same row: the last where either holds something', () => {
    const scores = wholeColumn(['Maths', 1, 2, 3]);
    const flags = wholeColumn(['FSM', 'Y', 'N', 'Y', 'N', 'Y']);
    const [s, f] = trimWhole([scores, flags]);
    expect(s.length).toBe(6);
    expect(f.length).toBe(6);
    expect(s[5]).toEqual([null]);
  });
  test('FSMGAP and GAPSUMMARY on C:C and D:D give what the pupils\' rows give (the header row is left out)', () => {
    const c = wholeColumn(['Maths score', ...MATHS]);
    const d = wholeColumn(['FSM6', ...FSM6]);
    expect(F.fsmGap(c, d)).toBe(F.fsmGap(col(MATHS), col(FSM6)));
    expect(F.fsmGap(c, d)).toBe(5);
    const whole = rowsOf(F.gapSummary(c, d));
    const picked = rowsOf(F.gapSummary(col(MATHS), col(FSM6)));
    expect(whole['Gap CI lower']).toBe(picked['Gap CI lower']);
    // The header row and the ten pupils' rows, not a million blanks: the header's text and 2 pupils are left out.
    expect(whole['Cells left out']).toBe(3);
  });
  test('on a build that passes blanks as 0, a whole column\'s trailing zeros are cut too', () => {
    const b = wholeColumn([95, 102, 99, 108], 0);
    const c = wholeColumn([104, 98, 101, 110], 0);
    const out = F.progressDelta(b, c);
    expect(out).toEqual([[9], [-4], [2], [2]]);
  });
  test('a range selected by hand keeps its trailing blanks (the spill keeps the selection\'s shape)', () => {
    const out = F.progressDelta(col([95, 102, null, null]), col([104, 98, null, null]));
    expect(out).toEqual([[9], [-4], [''], ['']]);
  });
  test('paired whole rows end at the same column', () => {
    const row = (xs: unknown[]) => [Array.from({ length: SHEET_COLUMNS }, (_, k) => (k < xs.length ? xs[k] : null))];
    const [s, f] = trimWhole([row([104, 98, 110, 95]), row(['Y', 'Y', '', 'N', 'Y'])]);
    expect(s[0].length).toBe(5);
    expect(f[0].length).toBe(5);
    expect(F.fsmGap(row([104, 98, 110, 95]), row(['Y', 'Y', '', 'N']))).toBe(102.5 - 101);
  });
  test('an empty whole column reads as no pupils, with the usual message', () => {
    expect(err(F.fsmGap(wholeColumn([]), wholeColumn([]))).message).toMatch(/disadvantaged pupil/);
  });
});

describe('results too large for Excel on the web', () => {
  test('a per-pupil spill over the limit is #VALUE! saying what to select, before its cells are made', () => {
    const n = 150_000;
    const b = Array.from({ length: n }, (_, k) => [90 + (k % 30)]);
    const out = F.progressDelta(b, b);
    expect(out.length).toBe(1);
    const e = err(out[0][0]);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^GAPS\.PROGRESSDELTA: the result would be 150,000 cells.*Excel on the web.*select only the pupils' rows/);
    expect(err(F.gradePoints(b)[0][0]).message).toMatch(/150,000 cells/);
    expect(err(F.valueAdded(b, b)[0][0]).message).toMatch(/150,000 cells/);
  });
  test('a whole column with fewer used rows than the limit spills its used rows', () => {
    const out = F.gradePoints(wholeColumn(['4', '5+', 'U']));
    expect(out).toHaveLength(3);
    expect(out[2]).toEqual([0]);
  });
});

describe('blank cells passed as 0', () => {
  const KS2_D = [97, 101, 95, 88, 104, 92, 99, 90];
  const KS2_O = [103, 99, 108, 95, 110, 101, 106, 97, 112];
  const scores = col([...KS2_D, 0, ...KS2_O, 0, '0']);
  const flags = col([...KS2_D.map(() => 'Y'), 'Y', ...KS2_O.map(() => 'N'), 'N', 'N']);

  test('zeros in KS2 scaled scores are left out, and the note says how many and why (R t.test)', () => {
    const r = rowsOf(F.gapSummary(scores, flags));
    expect(r['Disadvantaged n']).toBe(8);
    expect(r['Other n']).toBe(9);
    expect(r['Gap (other - disadvantaged)']).toBeCloseTo(7.69444444444444, 12);
    expect(r['Gap CI lower']).toBeCloseTo(1.7521495366829, 10);
    expect(r['Gap CI upper']).toBeCloseTo(13.636739352206, 10);
    expect(r['Cells left out']).toBe(3);
    expect(r.Note).toMatch(/scores holds 3 zeros, a score no pupil gets on KS2 scaled scores: they are probably blank cells read as 0.*left out\. Select only the pupils' rows\./);
    // The single-value functions leave the same zeros out, so they agree with the summary.
    expect(F.fsmGap(scores, flags)).toBeCloseTo(7.69444444444444, 12);
  });
  test('a 0 on a scale that has one (9-1, where U is 0) counts, with no note', () => {
    const g = withoutImpossibleZeros('scores', col([0, 4, 5, 7, 9, 3]));
    expect(g.note).toBe('');
    expect(F.fsmGap(col([0, 4, 5, 7, 9, 3]), col(['Y', 'Y', 'Y', 'N', 'N', 'N']))).toBeCloseTo(19 / 3 - 3, 12);
  });
  test('zeros in standardised scores are named with that scale', () => {
    expect(withoutImpossibleZeros('post', col([72, 0, 131, 100, 95, 118, 86])).note).toMatch(/^post holds 1 zero, a score no pupil gets on standardised scores: it is probably a blank cell/);
  });
  test('GAPCHANGE notes zeros in either point', () => {
    const before = col([95, 0, 101, 99, 104, 92, 103, 99, 108, 95, 110, 101]);
    const after = col([97, 100, 0, 100, 106, 95, 104, 101, 108, 99, 111, 104]);
    const d = col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'N', 'N', 'N', 'N', 'N', 'N']);
    const note = rowsOf(F.gapChange(before, after, d)).Note as string;
    expect(note).toMatch(/before holds 1 zero/);
    expect(note).toMatch(/after holds 1 zero/);
    expect(rowsOf(F.gapChange(before, after, d))['Disadvantaged n']).toBe(4);
  });

  test('a confidence of 0 gives 0.95 and says so in the note', () => {
    const omitted = rowsOf(F.gapSummary(col(MATHS), col(FSM6)));
    const zero = rowsOf(F.gapSummary(col(MATHS), col(FSM6), [[0]]));
    expect(zero['Gap CI lower']).toBe(omitted['Gap CI lower']);
    expect(zero.Note).toMatch(/confidence was 0, probably a blank cell read as 0 by Excel, so the default 0\.95 was used\.$/);
    expect(omitted.Note).not.toMatch(/confidence was 0/);
    const rate = rowsOf(F.rateGap(col(['Y', 'N', 'Y', 'Y', 'N', 'Y']), col(['Y', 'Y', 'Y', 'N', 'N', 'N']), 0));
    expect(rate.Note).toMatch(/confidence was 0/);
  });
  test('INTERVENTIONIMPACT: a reference_sd or method of 0 gives the default with a note', () => {
    const pre = col([98, 102, 95, 110, 101, 99, 104, 97]);
    const post = col([103, 104, 99, 113, 108, 100, 105, 99]);
    const t = col(['Y', 'Y', 'Y', 'Y', 'N', 'N', 'N', 'N']);
    const omitted = F.interventionImpact(pre, post, t, null, null, null);
    const zero = F.interventionImpact(pre, post, t, null, 0, 0);
    expect(zero.slice(0, 8)).toEqual(omitted.slice(0, 8));
    expect(zero[8][1]).toMatch(/method was 0.*the default "ancova" was used\. reference_sd was 0.*the post-test SD was used\./);
  });
  test('GROUPGAP: a comparison of 0 compares with every other pupil, unless some pupils are in group 0', () => {
    const s = col([90, 100, 110, 96, 104]);
    expect(F.groupGap(s, col(['K', 'N', 'N', 'E', 'N']), 'K', 0)).toBe(F.groupGap(s, col(['K', 'N', 'N', 'E', 'N']), 'K', null));
    expect(F.groupGap(s, col(['K', 'N', 'N', 'E', 'N']), 'K', 0)).toBe(102.5 - 90);
    // Year 0 (Reception) exists here, so 0 is a real group.
    expect(F.groupGap(s, col([1, 0, 2, 0, 1]), 1, 0)).toBe(98 - 97);
  });
  test('EFFECTSIZE, GRADEPOINTS, GAPINDEX and VALUEADDED: an option of 0 is left out', () => {
    const a = col([104, 98, 110, 101]);
    const b = col([95, 99, 88, 92]);
    expect(F.effectSize(a, b, 0)).toBe(F.effectSize(a, b, null));
    expect(F.gradePoints(col(['4', 'U', '7-']), [[0]])).toEqual(F.gradePoints(col(['4', 'U', '7-'])));
    expect(F.gapIndex(col(MATHS), col(FSM6), [[0]])).toBe(3.75);
    expect(F.valueAdded(a, b, [[0]])).toEqual(F.valueAdded(a, b));
  });
  test('CHECKLISTSCORE: a weight of 0 counts as a blank weight (1)', () => {
    const ratings = col(['Embedded', 'Developing', '', 'Amber']);
    // (3 + 1 + 1.5) / 3 / 3, as with no weights (README).
    expect(F.checklistScore(ratings, col([0, 0, 0, 0]))).toBeCloseTo(5.5 / 9, 12);
    // (3 x 2 + 1 x 1 + 1.5 x 1) / (2 + 1 + 1) / 3
    expect(F.checklistScore(ratings, col([2, 0, 5, 1]))).toBeCloseTo(8.5 / 12, 12);
  });
  test('THRESHOLDGAP: a threshold of 0 that every score reaches is #VALUE!; on progress scores it stays', () => {
    const e = err(F.thresholdGap(col(MATHS), col(FSM6), 0));
    expect(e.message).toMatch(/^GAPS\.THRESHOLDGAP: threshold is 0, which every score here reaches.*a blank cell read as 0\?/);
    // Progress: the share making at least 0 progress, others 3 of 4, disadvantaged 1 of 4.
    expect(F.thresholdGap(col([2, 1, 0, -1, -3, -2, 1, 4]), col(['N', 'N', 'N', 'N', 'Y', 'Y', 'Y', 'Y']), 0)).toBe(0.75 - 0.5);
  });
  test('FUNNELLIMITS: an sd of 0 beside a proportion reads as empty; beside a mean it is #VALUE!', () => {
    expect(F.funnelLimits(col([20]), 0.3, 0)).toEqual(F.funnelLimits(col([20]), 0.3, null));
    expect(err(F.funnelLimits(col([20]), 100, 0)[0][0]).message).toMatch(/sd is 0, so every limit would be the overall value/);
  });
});
