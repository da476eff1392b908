/**
 * PROGRESSDELTA, VALUEADDED, GRADEPOINTS, INTERVENTIONIMPACT, EEFMONTHS and CHECKLISTSCORE as Excel
 * sees them: numbers and spills of the right shape, "" for missing pupils, and errors that come back
 * as values (`{ code, message }`) naming what to fix, never exceptions.
 *
 * Reference values, R 4.x (`Rscript -e`):
 *   resid(lm(c(2,5,6) ~ c(1,2,3)))                    # -0.333333333333333 0.666666666666667 -0.333333333333333
 *   approx(c(90,110), c(4,6), xout = c(85,95,120), rule = 2)$y   # 4 4.5 6
 * Intervention impact (Morris 2008 d_ppc2 by hand, see test/core/interventions/impact.test.ts):
 *   pre <- c(98,102,95,110,101); post <- c(103,104,99,113,108); g <- post - pre; n <- 5
 *   es <- (1-3/(4*(n-1)-1))*mean(g)/sd(pre); se <- sqrt(1/n + es^2/(2*n)); c(es, es + c(-1,1)*qnorm(0.975)*se)
 *   # 0.596773659993326 -0.354594311975824 1.54814163196248 (mean gain 4.2, printed with sprintf("%.15g", ...))
 *   pre2 <- c(pre, 99,104,97,108,100,96); post2 <- c(post, 100,105,99,109,101,98); int <- rep(c(TRUE,FALSE), c(5,6))
 *   sp <- sqrt((4*var(pre) + 5*var(pre2[!int]))/9); es2 <- (1-3/(4*9-1))*(4.2 - mean((post2-pre2)[!int]))/sp
 *   se2 <- sqrt(11/30 + es2^2/22); c(sp, es2, es2 + c(-1,1)*qnorm(0.975)*se2)
 *   # 5.05671537367592 0.518311233136919 -0.688106499797883 1.72472896607172 (comparison mean gain 1.33333333333333)
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as F from '../../src/functions/functions';
import { isExcelError } from '../../src/functions/excelErrors';

const col = (xs: unknown[]) => xs.map((x) => [x]);
const frozen = (g: unknown[][]) => Object.freeze(g.map((r) => Object.freeze([...r]))) as unknown as any[][];
/** Excel passes an omitted optional argument as null. */
const OMITTED = null as any;

function err(v: unknown, code: string): string {
  expect(isExcelError(v)).toBe(true);
  const e = v as { code: string; message: string };
  expect(e.code).toBe(code);
  return e.message;
}

describe('PROGRESSDELTA', () => {
  it('spills current - baseline - expected in the shape of current, "" for a missing pupil', () => {
    expect(F.progressDelta(col([4, '5', 6, 'ABS']), col([6, 6, '', 7]), [[1]])).toEqual(col([1, 0, '', '']));
    expect(F.progressDelta([[1, 2, 3]], [[2, 'ABS', 5]], OMITTED)).toEqual([[1, '', 2]]);
    expect(F.progressDelta([[1, 2], [3, 4]], [[2, 4], [6, 8]], 1 as any)).toEqual([[0, 1], [2, 3]]);
  });
  it('takes one expectation per pupil', () => {
    expect(F.progressDelta(col([4, 5, 6]), col([6, 6, 6]), col([2, null, ' 1 ']))).toEqual(col([0, '', -1]));
  });
  it('is #VALUE! when the expectation is words, or its range is the wrong size', () => {
    expect(err(F.progressDelta(col([4]), col([6]), [['one']])[0][0], '#VALUE!')).toMatch(/^GAPS\.PROGRESSDELTA: expected must be a number.*"one"/);
    expect(err(F.progressDelta(col([4, 5]), col([6, 7]), col([1, 2, 3]))[0][0], '#VALUE!')).toBe(
      'GAPS.PROGRESSDELTA: current has 2 cells but expected has 3: select ranges of the same size');
  });
  it('is #VALUE! naming both sizes when baseline and current differ', () => {
    const out = F.progressDelta(col([1, 2, 3]), col([1, 2]), OMITTED);
    expect(out).toHaveLength(1);
    expect(err(out[0][0], '#VALUE!')).toBe('GAPS.PROGRESSDELTA: baseline has 3 cells but current has 2: select ranges of the same size');
  });
  it('is one #N/A cell for an empty range, and one value for one pupil', () => {
    expect(err(F.progressDelta([], [], OMITTED)[0][0], '#N/A')).toMatch(/no cells/);
    expect(F.progressDelta([[100]], [[104]], [[2]])).toEqual([[2]]);
  });
  it('does not change the user\'s cells', () => {
    expect(F.progressDelta(frozen(col([1, 'x'])), frozen(col([3, 3])), frozen([[1]]))).toEqual(col([1, '']));
  });
});

describe('VALUEADDED', () => {
  it('spills residuals from the cohort line, "" for a missing pupil (R: resid(lm))', () => {
    const out = F.valueAdded(col([1, 2, 3, null, 7]), col([2, 5, 6, 7, 'ABS']), OMITTED);
    expect(out).toEqual([[expect.closeTo(-1 / 3, 12)], [expect.closeTo(2 / 3, 12)], [expect.closeTo(-1 / 3, 12)], [''], ['']]);
    expect(F.valueAdded([[1, 2, 3]], [[2, 5, 6]], OMITTED)[0]).toHaveLength(3);
  });
  it('reads an estimates table with clamped interpolation (R: approx(rule = 2))', () => {
    expect(F.valueAdded(col([85, 95, 120]), col([5, 5, 5]), [[90, 4], [110, 6]])).toEqual(col([1, expect.closeTo(0.5, 12), -1]));
  });
  it('fits the cohort line when estimates is a blank cell', () => {
    expect(F.valueAdded(col([1, 2, 3]), col([2, 5, 6]), [['']])).toEqual(F.valueAdded(col([1, 2, 3]), col([2, 5, 6]), OMITTED));
  });
  it('is #VALUE! naming the row of an estimates table that holds words', () => {
    expect(err(F.valueAdded(col([1, 2]), col([1, 2]), [['Prior', 'Expected'], [90, 4], [110, 6]])[0][0], '#VALUE!')).toMatch(/^GAPS\.VALUEADDED: estimates row 1 holds "Prior"/);
  });
  it('is #N/A saying why when too few pupils have both scores', () => {
    expect(err(F.valueAdded(col([1, 'ABS']), col([2, 3]), OMITTED)[0][0], '#N/A')).toMatch(/^GAPS\.VALUEADDED: needs at least 2 pupils with both/);
    expect(err(F.valueAdded(col([4, 4]), col([2, 3]), OMITTED)[0][0], '#N/A')).toMatch(/same baseline/);
  });
});

describe('GRADEPOINTS', () => {
  it.each([
    ['gcse', ['9', '5+', '6-', 'U', 'u', 7, '4.5'], [9, 16 / 3, 17 / 3, 0, 0, 7, 4.5]],
    ['letter', ['A*', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'U'], [8.5, 7, 5.5, 4, 3, 2, 1.5, 1, 0]],
    ['nc', ['W', '4c', '4b', '4a', '5', '8A', 33], [3, 25, 27, 29, 33, 53, 33]],
    ['ta', ['WTS', 'EXS', 'GDS', 'gds'], [1, 2, 3, 3]],
  ])('reads the %s scale', (scale, grades, points) => {
    const out = F.gradePoints(col(grades), [[scale]]);
    expect(out).toEqual(points.map((p) => [expect.closeTo(p, 12)]));
    expect(F.gradePoints(col(grades), scale as any)).toEqual(out); // typed as text in the formula
  });
  it('reads numbers and 9-1 grades when the scale is omitted or blank', () => {
    for (const scale of [OMITTED, [[null]], [['  ']]]) expect(F.gradePoints([['5+', 104, null]], scale)).toEqual([[expect.closeTo(16 / 3, 12), 104, '']]);
  });
  it('marks only an unknown grade as #N/A, naming it and the scale', () => {
    const out = F.gradePoints(col(['5+', 'Z', null, 'A*']), OMITTED);
    expect(out[0][0]).toBeCloseTo(16 / 3, 12);
    expect(err(out[1][0], '#N/A')).toMatch(/^GAPS\.GRADEPOINTS: "Z" is not a grade on the gcse scale/);
    expect(out[2][0]).toBe('');
    expect(err(out[3][0], '#N/A')).toMatch(/"A\*" is not a grade/);
  });
  it('reads a two-column table of grades and points', () => {
    const table = [['Grade', 'Points'], ['Greater depth', 3], ['Expected', 2], ['Working towards', 1]];
    expect(F.gradePoints([['expected', ' greater depth ', 2.5]], table)).toEqual([[2, 3, 2.5]]);
  });
  it('is one #VALUE! listing the scales for an unknown scale name', () => {
    const out = F.gradePoints(col(['A', 'B']), [['btec']]);
    expect(out).toHaveLength(1);
    expect(err(out[0][0], '#VALUE!')).toMatch(/^GAPS\.GRADEPOINTS: scale must be "gcse", "letter", "nc", "ta" or a two-column table/);
  });
  it('is one #N/A cell for an empty range', () => {
    expect(err(F.gradePoints([], OMITTED)[0][0], '#N/A')).toMatch(/no cells/);
  });
  it('spills a block with numbers, blanks and #N/A cells in place', () => {
    const out = F.gradePoints([['5', 'Z'], [null, 'U'], ['Q', 7]], OMITTED);
    expect([out[0][0], out[1][0], out[1][1], out[2][1]]).toEqual([5, '', 0, 7]);
    expect(err(out[0][1], '#N/A')).toMatch(/"Z" is not a grade/);
    expect(err(out[2][0], '#N/A')).toMatch(/"Q" is not a grade/);
  });
});

describe('spills', () => {
  it('are fresh rows on every call, one array per row, never shared between pupils', () => {
    const grades = col(['5', '5', null, null]);
    for (const spill of [F.gradePoints(grades, OMITTED), F.progressDelta(col([1, 1, 1, null]), col([6, 6, null, 2]), OMITTED), F.valueAdded(col([1, 2, 3, 4]), col([2, 4, 6, 8]), OMITTED)]) {
      expect(new Set(spill).size).toBe(4);
      spill[0][0] = 'changed';
      expect(spill[1][0]).not.toBe('changed');
    }
    const first = F.gradePoints(grades, OMITTED);
    expect(F.gradePoints(grades, OMITTED)).not.toBe(first);
    expect(F.gradePoints(grades, OMITTED)[0]).not.toBe(first[0]);
  });
});

describe('INTERVENTIONIMPACT', () => {
  const LABELS = ['Intervention n', 'Comparison n', 'Intervention mean gain', 'Comparison mean gain', 'Effect size', 'CI lower', 'CI upper', 'EEF months', 'Design note'];
  const PRE = col([98, 102, 95, 110, 101, 99, 104, 97, 108, 100, 96, 'ABS']);
  const POST = col([103, 104, 99, 113, 108, 100, 105, 99, 109, 101, 98, 120]);
  const FLAGS = col(['Y', 'yes', 1, true, 'PP', '', null, 'N', 'No', 0, false, 'Y']);

  // Expected values: `Rscript test/functions/interventionImpact.R` (lm(post ~ pre + T), confint, qt;
  // lines: ancova, ancova at 0.9, ancova over 15, gain); the single group: test/core/interventions/impact.R's formula.
  it('spills 9 label/value rows with a comparison group, "ancova" by default (R)', () => {
    const out = F.interventionImpact(PRE, POST, FLAGS, OMITTED);
    expect(out.map((r) => r[0])).toEqual(LABELS);
    expect(out.map((r) => r.length)).toEqual(Array(9).fill(2));
    const v = out.map((r) => r[1]);
    expect(v.slice(0, 2)).toEqual([5, 6]);
    expect(v[2]).toBeCloseTo(4.2, 12);
    expect(v[3]).toBeCloseTo(1.33333333333333, 12);
    expect(v[4]).toBeCloseTo(0.553191713087584, 12);
    expect(v[5]).toBeCloseTo(0.20343293837684, 11);
    expect(v[6]).toBeCloseTo(0.902950487798329, 11);
    expect(v[7]).toBe(7); // 0.55
    expect(v[8]).toMatch(/^Method "ancova" \(EEF\)/);
    expect(v[8]).toMatch(/over the SD of the post-test over these pupils/);
    expect(v[8]).toMatch(/Small intervention group \(5 pupils\)/);
  });
  it('takes the confidence, the method and a reference SD (R)', () => {
    const at90 = F.interventionImpact(PRE, POST, FLAGS, 0.9).map((r) => r[1]);
    expect(at90[5]).toBeCloseTo(0.27114831464199, 11);
    expect(at90[6]).toBeCloseTo(0.835235111533178, 11);
    const ref = F.interventionImpact(PRE, POST, FLAGS, OMITTED, OMITTED, 15).map((r) => r[1]);
    expect(ref[4]).toBeCloseTo(0.177913149037135, 12);
    expect(ref[5]).toBeCloseTo(0.0654264947001666, 11);
    expect(ref[8]).toMatch(/the reference SD \(15\)/);
    const gain = F.interventionImpact(PRE, POST, FLAGS, OMITTED, ' Gain ', OMITTED).map((r) => r[1]);
    expect(gain[4]).toBeCloseTo(0.518311233136919, 12);
    expect(gain[5]).toBeCloseTo(0.0866479587294868, 11);
    expect(gain[6]).toBeCloseTo(0.949974507544351, 11);
    expect(gain[8]).toMatch(/^Method "gain"/);
    expect(F.interventionImpact(PRE, POST, FLAGS, OMITTED, 'ancova', '')).toEqual(F.interventionImpact(PRE, POST, FLAGS, OMITTED));
  });
  it('is #VALUE! saying what to type for an unknown method or a reference SD below 0', () => {
    expect(err(F.interventionImpact(PRE, POST, FLAGS, OMITTED, 'regression')[0][0], '#VALUE!')).toMatch(/^GAPS\.INTERVENTIONIMPACT: method must be one of "ancova", "gain", but it is "regression"/);
    for (const sd of [-15, 'fifteen']) {
      expect(err(F.interventionImpact(PRE, POST, FLAGS, OMITTED, OMITTED, sd)[0][0], '#VALUE!')).toMatch(/reference_sd must be a standard deviation above 0/);
    }
  });
  it('says there is no comparison group when every pupil is in the intervention, with #N/A for the comparison gain (R)', () => {
    const out = F.interventionImpact(col([98, 102, 95, 110, 101]), col([103, 104, 99, 113, 108]), col(Array(5).fill('Y')), OMITTED);
    const v = out.map((r) => r[1]);
    expect(v.slice(0, 2)).toEqual([5, 0]);
    expect(err(v[3], '#N/A')).toMatch(/^GAPS\.INTERVENTIONIMPACT: there are no comparison pupils/);
    // R: J <- 1-3/(4*4-1); g <- post-pre; J*mean(g)/sd(post); J*(mean(g) + c(-1,1)*qt(.975,4)*sd(g)/sqrt(5))/sd(post)
    expect(v[4]).toBeCloseTo(0.631605727533406, 12);
    expect(v[5]).toBeCloseTo(0.272434350033828, 11);
    expect(v[6]).toBeCloseTo(0.990777105032985, 11);
    expect(v[7]).toBe(8);
    expect(v[8]).toMatch(/no comparison group/i);
  });
  it('keeps the rows it can compute for one pupil and gives #N/A with a reason for the rest', () => {
    const v = F.interventionImpact([[100]], [[104]], [['Y']], OMITTED).map((r) => r[1]);
    expect(v.slice(0, 3)).toEqual([1, 0, 4]);
    for (const i of [4, 5, 6, 7]) expect(err(v[i], '#N/A')).toMatch(/needs at least 2 intervention pupils/);
  });
  it('is one #VALUE! naming both sizes when pre and post differ', () => {
    const out = F.interventionImpact(col([1, 2, 3]), col([1, 2]), col(['Y', 'Y', 'N']), OMITTED);
    expect(out).toHaveLength(1);
    expect(err(out[0][0], '#VALUE!')).toBe('GAPS.INTERVENTIONIMPACT: pre has 3 cells but post has 2: select ranges of the same size');
  });
  it('is #VALUE! quoting a cell of the intervention range that is not a flag', () => {
    expect(err(F.interventionImpact(col([1, 2]), col([2, 3]), col(['Y', 'Tutoring']), OMITTED)[0][0], '#VALUE!')).toMatch(/intervention holds "Tutoring" at row 2/);
  });
  it('refuses a confidence written as a percentage, and takes one as text', () => {
    expect(err(F.interventionImpact(PRE, POST, FLAGS, 95)[0][0], '#VALUE!')).toMatch(/confidence must be a fraction between 0 and 1/);
    expect(err(F.interventionImpact(PRE, POST, FLAGS, '95%')[0][0], '#VALUE!')).toMatch(/"95%"/);
    expect(F.interventionImpact(PRE, POST, FLAGS, [[' 0.95 ']])).toEqual(F.interventionImpact(PRE, POST, FLAGS, OMITTED));
  });
  it('leaves text in the scores out', () => {
    const v = F.interventionImpact(col([1, 'n/a', 3, 4]), col([2, 5, 'ABS', 6]), col(['Y', 'Y', 'N', 'N']), OMITTED).map((r) => r[1]);
    expect(v.slice(0, 2)).toEqual([1, 1]);
  });
});

describe('EEFMONTHS', () => {
  it.each([
    [0.01, 0], [0.02, 1], [0.09, 1], [0.1, 2], [0.18, 2], [0.185, 3], [0.19, 3], [0.26, 3], [0.27, 4], [0.35, 4], [0.36, 5],
    [0.44, 5], [0.45, 6], [0.52, 6], [0.53, 7], [0.61, 7], [0.62, 8], [0.69, 8], [0.7, 9], [0.78, 9], [0.79, 10], [0.87, 10],
    [0.88, 11], [0.95, 11], [0.96, 12], [1.5, 12], [-0.3, -4], [-0.185, -3],
  ])('turns %p into %p months', (es, months) => {
    expect(F.eefMonths(es)).toBe(months);
    expect(F.eefMonths([[es]])).toBe(months);
    expect(F.eefMonths(` ${es} `)).toBe(months);
  });
  it.each([[null], [''], ['big'], [true], [{ code: '#N/A' }], [[[1, 2]]]])('is #VALUE! for %p', (x) => {
    expect(err(F.eefMonths(x), '#VALUE!')).toMatch(/^GAPS\.EEFMONTHS: effect_size must be/);
  });
});

describe('CHECKLISTSCORE', () => {
  it('scores words and numbers, leaving blanks out', () => {
    expect(F.checklistScore(col(['Embedded', 'Developing', null, '', 'Amber', '2']), OMITTED)).toBeCloseTo((3 + 1 + 1.5 + 2) / 4 / 3, 12);
    expect(F.checklistScore([['Green', 'Red']], [[3, 1]])).toBeCloseTo(9 / 4 / 3, 12);
  });
  it('is #VALUE! quoting an unknown rating, #N/A when nothing is rated', () => {
    expect(err(F.checklistScore(col(['Embedded', 'Nearly']), OMITTED), '#VALUE!')).toMatch(/^GAPS\.CHECKLISTSCORE: rating "Nearly" at row 2/);
    expect(err(F.checklistScore(col([null, '']), OMITTED), '#N/A')).toMatch(/no statements have been rated yet/);
    expect(err(F.checklistScore(col([1, 2]), col([1])), '#VALUE!')).toMatch(/ratings has 2 cells but weights has 1/);
  });
});
