/**
 * The GAPS adapters: what Excel receives. Errors are CustomFunctions.Error-shaped values
 * ({ code, message }); spills are 2-D arrays. Statistical values are checked in test/core against R;
 * here the numbers come from the same R runs (README's worked example:
 *   sc <- c(104,98,NA,110,95,101,88,107,99,NA); fsm <- c(T,T,T,F,F,T,T,F,F,F)
 *   t.test(sc[!fsm], sc[fsm])$conf.int = -7.018548 17.01855).
 */
import * as F from '../../src/functions/functions';
import { isExcelError } from '../../src/functions/excelErrors';

const col = (xs: unknown[]) => xs.map((x) => [x]);
const SC = col([104, 98, 'ABS', 110, 95, ' 101', 88, 107, 99, null]);
const FSM = col(['Y', 'Y', 'Y', '', 'N', 'Y', 'Y', '', 'N', 'N']);

function err(v: unknown): { code: string; message: string } {
  expect(isExcelError(v)).toBe(true);
  return v as { code: string; message: string };
}

describe('GAPS adapters: errors a teacher can act on', () => {
  it('FSMGAP names both sizes when ranges differ (#VALUE!)', () => {
    const e = err(F.fsmGap(col(Array(120).fill(1)), col(Array(119).fill('Y'))));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('GAPS.FSMGAP: scores has 120 cells but disadvantaged has 119: select ranges of the same size');
  });
  it('FSMGAP quotes an unrecognised flag and its row (#VALUE!)', () => {
    const e = err(F.fsmGap(SC, col(['Y', 'Y', 'Maybe', ...Array(7).fill('N')])));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^GAPS\.FSMGAP: disadvantaged holds "Maybe" at row 3/);
  });
  it('FSMGAP is #N/A naming the empty group', () => {
    const e = err(F.fsmGap(SC, col(Array(10).fill('N'))));
    expect(e.code).toBe('#N/A');
    expect(e.message).toMatch(/disadvantaged pupil/);
  });
  it('treats a lookup error in a score cell as missing, not as a failure', () => {
    const withError = col([104, { code: '#N/A', message: '' }, 110, 95]);
    expect(F.fsmGap(withError, col(['Y', 'Y', 'N', 'N']))).toBe(102.5 - 104);
  });
  it('EFFECTSIZE names the allowed methods', () => {
    expect(err(F.effectSize(SC, SC, 'cohen')).message).toMatch(/method must be one of "g", "d", "glass"/);
  });
  it('GAPSUMMARY refuses a confidence written as a percentage', () => {
    const out = F.gapSummary(SC, FSM, 95);
    expect(err(out[0][0]).message).toMatch(/confidence must be a fraction between 0 and 1/);
  });
  it('THRESHOLDGAP refuses a threshold that is not a number', () => {
    expect(err(F.thresholdGap(SC, FSM, 'pass')).message).toMatch(/threshold must be a number/);
  });
  it('EEFMONTHS accepts numeric text and refuses words', () => {
    expect(F.eefMonths(' 0.25 ')).toBe(3);
    expect(err(F.eefMonths('big')).code).toBe('#VALUE!');
  });
});

describe('GAPS adapters: spills', () => {
  it('GAPSUMMARY spills 11 label/value rows in the documented order', () => {
    const out = F.gapSummary(SC, FSM, null);
    expect(out.map((r) => r[0])).toEqual([
      'Disadvantaged n', 'Other n', 'Disadvantaged mean', 'Other mean', 'Gap (other - disadvantaged)',
      'Gap CI lower', 'Gap CI upper', "Hedges' g", 'Gap index (rank overlap, -10 to 10)', 'Cells left out', 'Note',
    ]);
    expect(out[0][1]).toBe(4);
    expect(out[4][1]).toBe(5);
    // Both groups of 4 are floored at the pooled variance with df 3 (R by hand in gapMeasures.test.ts).
    expect(out[5][1] as number).toBeCloseTo(-10.631287, 5);
    expect(out[6][1] as number).toBeCloseTo(20.631287, 5);
    expect(out[9][1]).toBe(2);
    expect(out[10][1]).toMatch(/Small group/);
  });
  it('GAPSUMMARY puts #N/A with a reason in cells it cannot compute and keeps the rest', () => {
    const out = F.gapSummary(col([3, 5, 7]), col(['Y', 'N', 'N']), null);
    expect(out[4][1]).toBe(3);
    expect(err(out[5][1]).message).toMatch(/at least 2 disadvantaged/);
  });
  it('PROGRESSDELTA and VALUEADDED keep the shape of current and blank missing pupils', () => {
    expect(F.progressDelta([[1, 2, 3]], [[2, 'ABS', 5]], [[1]])).toEqual([[0, '', 1]]);
    const va = F.valueAdded(col([1, 2, 3, null]), col([2, 5, 6, 7]));
    expect(va.length).toBe(4);
    expect(va[3][0]).toBe('');
  });
  it('GRADEPOINTS marks only the unknown grade as #N/A, naming it', () => {
    const out = F.gradePoints(col(['5+', 'Q', null]), null as unknown as unknown[][]);
    expect(out[0][0] as number).toBeCloseTo(16 / 3, 12);
    expect(err(out[1][0]).message).toMatch(/"Q" is not a grade/);
    expect(out[2][0]).toBe('');
  });
  it('GRADEPOINTS takes a scale name or a two-column table', () => {
    expect(F.gradePoints(col(['A*', 'C']), [['letter']])).toEqual([[8.5], [4]]);
    expect(F.gradePoints(col(['Secure']), [['Secure', 3], ['Working towards', 1]])).toEqual([[3]]);
    expect(err(F.gradePoints(col(['A']), [['btec']])[0][0]).message).toMatch(/scale must be/);
  });
  it('INTERVENTIONIMPACT spills 9 rows and says when there is no comparison group', () => {
    const out = F.interventionImpact(col([98, 102, 95, 110, 101]), col([103, 104, 99, 113, 108]), col(Array(5).fill('Y')), null);
    expect(out.map((r) => r[0])).toEqual([
      'Intervention n', 'Comparison n', 'Intervention mean gain', 'Comparison mean gain', 'Effect size', 'CI lower', 'CI upper', 'EEF months', 'Design note',
    ]);
    expect(out[1][1]).toBe(0);
    expect(err(out[3][1]).code).toBe('#N/A');
    expect(out[8][1]).toMatch(/No comparison group/);
  });
  it("INTERVENTIONIMPACT gives README's worked example (R: lm(post ~ pre + T), confint, J = 1 - 3/(4*8 - 9))", () => {
    // R: pre <- c(95,102,108,97,100,90,105,101); post <- c(104,98,110,95,101,88,107,99); T <- c(1,0,0,1,0,1,0,0)
    //    f <- lm(post ~ pre + T); J*coef(f)["T"]/sd(post) 0.737317; J*confint(f,"T")/sd(post) -1.132437 2.607070; over 15: 0.342321
    const pre = col([95, 102, 99, 108, 97, 100, 90, 105, 101, 111]);
    const tut = col(['Y', '', '', '', 'Y', '', 'Y', '', '', '']);
    const v = F.interventionImpact(pre, SC, tut, null).map((r) => r[1]);
    expect(v.slice(0, 2)).toEqual([3, 5]);
    expect(v[4]).toBeCloseTo(0.737317, 6);
    expect(v[5]).toBeCloseTo(-1.132437, 6);
    expect(v[6]).toBeCloseTo(2.60707, 5);
    expect(v[7]).toBe(9);
    expect(F.interventionImpact(pre, SC, tut, null, null, 15)[4][1]).toBeCloseTo(0.342321, 6);
  });
  it('GROUPGAP and REPRESENTATION take a group typed as a number or picked from a cell', () => {
    expect(F.groupGap(col([90, 100, 110]), col([7, 8, 8]), [[7]])).toBe(15);
    expect(F.representation(col(['Y', 'N', 'Y', 'N']), col([1, 1, 2, 2]), '1')).toBe(1);
  });
  it('CHECKLISTSCORE reads words, numbers and blanks', () => {
    expect(F.checklistScore(col(['Embedded', 'Developing', null]), null as unknown as unknown[][])).toBeCloseTo(4 / 2 / 3, 12);
  });
});
