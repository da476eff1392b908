/**
 * GAPS.RATEGAP, GAPS.ATTENDANCEGAP, GAPS.FUNNELLIMITS and GAPS.GAPDIFF as Excel sees them: spill
 * shapes, labels, values, and errors returned as values.
 *
 * The README's worked example (rows 2-11; FSM6 flags Y, Y, Y, blank, N, Y, Y, blank, N, N), R 4.x:
 *   w <- function(x, n, cl = 0.95) prop.test(x, n, correct = FALSE, conf.level = cl)$conf.int
 *   nc <- function(x1, n1, x2, n2, cl = 0.95) { p1 <- x1/n1; p2 <- x2/n2; a <- w(x1, n1, cl); b <- w(x2, n2, cl); d <- p1 - p2
 *     c(d, d - sqrt((p1 - a[1])^2 + (b[2] - p2)^2), d + sqrt((a[2] - p1)^2 + (p2 - b[1])^2)) }
 *   nc(5, 5, 2, 4)        # sustained destinations: 0.5 -0.0578957979028986 0.84996101084785
 *   nc(5, 5, 2, 4, 0.9)   # 0.5 0.0265525864362491 0.817599836745355
 *   d <- c(.95, .88, .91, .82); o <- c(.97, .99, .965, .93)   # attendance as read
 *   mean(d); mean(o); t.test(o, d)$conf.int   # 0.89 0.96375; -0.00830309544697128 0.155803095446971
 *   nc(2, 4, 0, 4)        # persistent absence: 0.5 -0.102051277513663 0.84996101084785
 *   100 - qnorm(0.975)*15/sqrt(5); 100 + qnorm(0.975)*15/sqrt(25)  # 86.8521618913513 105.87989195362
 *   100 + c(-1, 1)*qnorm(0.999)*15/sqrt(5)                           # 79.2700914914285 120.729908508572
 *   fl(0.025, 20, 0.3); fl(0.975, 20, 0.3)  # fl() as in test/core/trends: 0.0811765059806759 0.487255146595147
 *   GAPDIFF: see test/core/trends/trends.test.ts (t.test, Satterthwaite): gaps 7.91666666666667 and 5.4,
 *   change -2.51666666666668, CI -13.2687784421336 8.23544510880027
 */
import * as F from '../../src/functions/functions';
import { isExcelError } from '../../src/functions/excelErrors';

/* eslint-disable @typescript-eslint/no-explicit-any */
const col = (xs: unknown[]) => xs.map((x) => [x]);
const OMITTED = null as any;
const FSM = col(['Y', 'Y', 'Y', '', 'N', 'Y', 'Y', '', 'N', 'N']);
const ATT = col(['95%', 0.88, 'n/a', 97, '0.99', '91%', 82, 96.5, '', 93]);
const DEST = col(['Y', 'N', 'Y', 'Y', 'Y', '', 'N', 'Y', 'Y', 'Y']);

function err(v: unknown, code: string): string {
  expect(isExcelError(v)).toBe(true);
  const e = v as { code: string; message: string };
  expect(e.code).toBe(code);
  return e.message;
}

describe('GAPS.RATEGAP', () => {
  it('spills 8 labelled rows with the Newcombe interval (R: nc(5, 5, 2, 4))', () => {
    const r = F.rateGap(DEST, FSM, OMITTED);
    expect(r.map((x) => x[0])).toEqual(['Disadvantaged n', 'Other n', 'Disadvantaged rate', 'Other rate', 'Gap (other - disadvantaged)', 'Gap CI lower', 'Gap CI upper', 'Note']);
    expect(r.slice(0, 5).map((x) => x[1])).toEqual([4, 5, 0.5, 1, 0.5]);
    expect(r[5][1]).toBeCloseTo(-0.0578957979028986, 12);
    expect(r[6][1]).toBeCloseTo(0.84996101084785, 12);
    expect(r[7][1]).toMatch(/^Small group: only 4 pupils in the disadvantaged group and only 5 pupils/);
  });
  it('uses the confidence given (R: nc(5, 5, 2, 4, 0.9))', () => {
    const r = F.rateGap(DEST, FSM, 0.9);
    expect(r[5][1]).toBeCloseTo(0.0265525864362491, 12);
    expect(r[6][1]).toBeCloseTo(0.817599836745355, 12);
  });
  it('returns #VALUE! for an outcome that is not yes/no and #N/A for an empty group', () => {
    const bad = col(['Y', 'N', 'Y', 'Y', 'Y', '', 'N', 'Y', 'Left', 'Y']);
    expect(err(F.rateGap(bad, FSM)[0][0], '#VALUE!')).toMatch(/^GAPS\.RATEGAP: outcomes holds "Left" at row 9 of the range/);
    expect(err(F.rateGap(DEST, col(Array(10).fill('N')))[0][0], '#N/A')).toMatch(/^GAPS\.RATEGAP: needs at least one disadvantaged pupil with an outcome/);
    expect(err(F.rateGap(DEST, FSM, 95)[0][0], '#VALUE!')).toMatch(/confidence must be a fraction between 0 and 1/);
  });
});

describe('GAPS.ATTENDANCEGAP', () => {
  it('reads "95%", 0.88, 97, "0.99", "91%" and leaves out n/a and blanks (R: t.test(o, d), nc(2, 4, 0, 4))', () => {
    const r = F.attendanceGap(ATT, FSM, OMITTED, OMITTED);
    expect(r).toHaveLength(16);
    const v = Object.fromEntries(r.map(([k, x]) => [k, x]));
    expect(v['Disadvantaged n']).toBe(4);
    expect(v['Other n']).toBe(4);
    expect(v['Disadvantaged mean attendance']).toBeCloseTo(0.89, 12);
    expect(v['Other mean attendance']).toBeCloseTo(0.96375, 12);
    expect(v['Gap CI lower']).toBeCloseTo(-0.00830309544697128, 10);
    expect(v['Gap CI upper']).toBeCloseTo(0.155803095446971, 10);
    expect(v['Persistent absence gap (disadvantaged - other)']).toBeCloseTo(0.5, 12);
    expect(v['Persistent absence CI lower']).toBeCloseTo(-0.102051277513663, 12);
    expect(v['Persistent absence CI upper']).toBeCloseTo(0.84996101084785, 12);
    expect(v['Cells left out']).toBe(2);
    expect(v.Note).toMatch(/Small group/);
    expect(v.Note).toMatch(/mixes fractions/);
  });
  it('accepts sessions attended and possible, and names an impossible cell', () => {
    const r = F.attendanceGap(col([171, 180, 95, 190]), col(['Y', 'Y', 'N', 'N']), col([190, 190, 190, 190]), OMITTED);
    expect(r[2][1]).toBeCloseTo((171 / 190 + 180 / 190) / 2, 12);
    expect(err(F.attendanceGap(col([191, 180]), col(['Y', 'N']), col([190, 190]))[0][0], '#VALUE!')).toMatch(/^GAPS\.ATTENDANCEGAP: attendance holds 191 at row 1 of the range but only 190 sessions were possible/);
    expect(err(F.attendanceGap(col(['104%', 90]), col(['Y', 'N']))[0][0], '#VALUE!')).toMatch(/"104%" at row 1 of the range, which is more than 100%/);
  });
  it('gives #N/A with the reason for an interval a single pupil cannot support', () => {
    const r = F.attendanceGap(col([90, 95, 97]), col(['Y', 'N', 'N']));
    expect(err(r[5][1], '#N/A')).toMatch(/^GAPS\.ATTENDANCEGAP: the interval needs at least 2 pupils/);
    expect(r[4][1]).toBeCloseTo(0.06, 12);
  });
});

describe('GAPS.FUNNELLIMITS', () => {
  it('spills lower and upper per n for a mean (R: 100 +- qnorm(0.975) * 15 / sqrt(n))', () => {
    const r = F.funnelLimits(col([5, 25, '']), 100, 15, OMITTED);
    expect(r).toHaveLength(3);
    expect(r[0][0]).toBeCloseTo(86.8521618913513, 10);
    expect(r[0][1]).toBeCloseTo(113.147838108649, 10);
    expect(r[1][1]).toBeCloseTo(105.87989195362, 10);
    expect(r[2]).toEqual(['', '']);
    const outer = F.funnelLimits(col([5]), 100, 15, 0.998);
    expect(outer[0][0]).toBeCloseTo(79.2700914914285, 10);
    expect(outer[0][1]).toBeCloseTo(120.729908508572, 10);
  });
  it('gives binomial limits for a proportion when sd is empty', () => {
    const r = F.funnelLimits(col([20]), 0.3, OMITTED, OMITTED);
    expect(r[0][0]).toBeCloseTo(0.0811765059806759, 10);
    expect(r[0][1]).toBeCloseTo(0.487255146595147, 10);
    expect(err(F.funnelLimits(col([20]), 30, '', OMITTED)[0][0], '#VALUE!')).toMatch(/overall must be a proportion from 0 to 1/);
  });
  it('puts an error in the row of an n that is not a size, and keeps the others', () => {
    const r = F.funnelLimits(col([10, 'Oak', 0]), 100, 15);
    expect(typeof r[0][0]).toBe('number');
    expect(err(r[1][0], '#VALUE!')).toBe('GAPS.FUNNELLIMITS: each n must be a number of pupils, but one is "Oak"');
    expect(err(r[2][1], '#VALUE!')).toBe('GAPS.FUNNELLIMITS: each n must be a number of pupils above 0, but one is 0');
    expect(err(F.funnelLimits(col([10]), 100, -2)[0][0], '#VALUE!')).toMatch(/sd must be a standard deviation of 0 or more/);
  });
});

describe('GAPS.GAPDIFF', () => {
  const s1 = col([110, 95, 107, 99, 104, 101, 98, 88, 101, 92, 'ABS']);
  const f1 = col(['N', 'N', 'N', 'N', 'N', 'N', 'Y', 'Y', 'Y', 'Y', 'Y']);
  const s2 = col([103, 99, 112, 108, 97, 100, 96, 104, 99, 93]);
  const f2 = col(['N', 'N', 'N', 'N', 'N', 'Y', 'Y', 'Y', 'Y', 'Y']);
  it('spills both gaps, the change, its interval and the word (R: t.test and Satterthwaite)', () => {
    const r = F.gapDiff(s1, f1, s2, f2, OMITTED);
    expect(r.map((x) => x[0])).toEqual([
      'Cohort 1 disadvantaged n', 'Cohort 1 other n', 'Gap 1 (other - disadvantaged)', 'Cohort 2 disadvantaged n', 'Cohort 2 other n', 'Gap 2 (other - disadvantaged)',
      'Change (gap 2 - gap 1)', 'Change CI lower', 'Change CI upper', 'Verdict', 'Note',
    ]);
    expect([r[0][1], r[1][1], r[3][1], r[4][1]]).toEqual([4, 6, 5, 5]);
    expect(r[2][1]).toBeCloseTo(7.91666666666667, 10);
    expect(r[5][1]).toBeCloseTo(5.4, 10);
    expect(r[6][1]).toBeCloseTo(-2.51666666666668, 10);
    expect(r[7][1]).toBeCloseTo(-13.2687784421336, 9);
    expect(r[8][1]).toBeCloseTo(8.23544510880027, 9);
    expect(r[9][1]).toBe('no clear change');
    expect(r[10][1]).toMatch(/^Cohort 1: Small group: only 4 pupils in the disadvantaged group/);
  });
  it('says which cohort lacks pupils and names the mismatched ranges', () => {
    expect(err(F.gapDiff(s1, f1, s2, col(Array(10).fill('N')))[0][0], '#N/A')).toBe('GAPS.GAPDIFF: cohort 2: needs at least 2 disadvantaged pupils with a score to measure the spread (there are 0)');
    expect(err(F.gapDiff(s1, f1.slice(1), s2, f2)[0][0], '#VALUE!')).toBe('GAPS.GAPDIFF: scores1 has 11 cells but disadvantaged1 has 10: select ranges of the same size');
  });
});

/*
 * SUSPENSIONRATE, R 4.x: p <- poisson.test(c(5, 4), c(6, 8)); p$estimate; p$conf.int   # 1.66666666666667 0.35873231052656 8.39933492263345
 *   poisson.test(5, 6)$conf.int * 100   # 27.0581065019737 194.472201322044
 *   poisson.test(4, 8)$conf.int * 100   # 13.6233171703291 128.019858442546
 *   d <- 5/6 - 4/8; 100 * (d + c(-1, 1) * qnorm(0.975) * sqrt(5/36 + 4/64))   # -54.6227422733018 121.289408939968
 */
describe('GAPS.SUSPENSIONRATE', () => {
  const counts = col([0, 2, 1, 0, 2, 0, '', 0, 0, 1, 0, 3, 0, 0, 0, 'n/a']);
  const flags = col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'N']);
  it('spills rates per 100 with exact Poisson intervals, the difference and the ratio (R: poisson.test)', () => {
    const r = F.suspensionRate(counts, flags, OMITTED);
    const v = Object.fromEntries(r.map(([k, x]) => [k, x]));
    expect([v['Disadvantaged n'], v['Other n'], v['Disadvantaged suspensions'], v['Other suspensions']]).toEqual([6, 8, 5, 4]);
    expect(v['Disadvantaged rate per 100']).toBeCloseTo(500 / 6, 10);
    expect(v['Disadvantaged CI lower']).toBeCloseTo(27.0581065019737, 9);
    expect(v['Disadvantaged CI upper']).toBeCloseTo(194.472201322044, 9);
    expect(v['Other CI lower']).toBeCloseTo(13.6233171703291, 9);
    expect(v['Other CI upper']).toBeCloseTo(128.019858442546, 9);
    expect(v['Difference CI lower']).toBeCloseTo(-54.6227422733018, 9);
    expect(v['Difference CI upper']).toBeCloseTo(121.289408939968, 9);
    expect(v['Rate ratio (disadvantaged / other)']).toBeCloseTo(1.66666666666667, 12);
    expect(v['Ratio CI lower']).toBeCloseTo(0.35873231052656, 9);
    expect(v['Ratio CI upper']).toBeCloseTo(8.39933492263345, 9);
    expect(v.Note).toBe('');
  });
  it('names a count that is not a whole number and says when the ratio has no value', () => {
    expect(err(F.suspensionRate(col([1.5, 0]), col(['Y', 'N']))[0][0], '#VALUE!')).toBe(
      'GAPS.SUSPENSIONRATE: counts holds 1.5 at row 1 of the range: a number of suspensions is a whole number of 0 or more',
    );
    const r = F.suspensionRate(col([1, 0]), col(['Y', 'N']));
    expect(err(r[13][1], '#N/A')).toBe('GAPS.SUSPENSIONRATE: there is no ratio when other pupils have no suspensions');
  });
});

/*
 * CVA, R 4.x (data as in test/core/trends/trends.test.ts):
 *   m <- lm(y ~ x + dis + eal); resid(m)[1:2] + 100   # 101.073703606212 99.7846801789945
 */
describe('GAPS.CVA', () => {
  const y = [102, 95, 110, 88, 99, 105, 93, 108, 97, 101, 90, 112];
  const x = [100, 96, 108, 90, 101, 103, 95, 104, 99, 98, 92, 110];
  const dis = ['N', 'Y', 'N', 'Y', 'Y', 'N', 'Y', 'N', '', 'Y', 'Y', 'N'];
  const eal = [0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0];
  it('spills each pupil residual of lm(y ~ prior + context), centred on 100', () => {
    const r = F.cva(col([...y, 'ABS']), col([...x, 100]), [...dis.map((d, i) => [d, eal[i]]), ['N', 0]], 100);
    expect(r).toHaveLength(13);
    expect(r[0][0]).toBeCloseTo(101.073703606212, 9);
    expect(r[1][0]).toBeCloseTo(99.7846801789945, 9);
    expect(r[12][0]).toBe('');
  });
  it('fits the worked example exactly', () => {
    const r = F.cva(col([2, 5, 6, 9]), col([1, 2, 3, 4]), col(['N', 'Y', 'N', 'Y']), OMITTED);
    r.forEach((row) => expect(row[0]).toBeCloseTo(0, 10));
  });
  it('names a context cell that is not yes/no and a context of the wrong length', () => {
    expect(err(F.cva(col([1, 2, 3]), col([1, 2, 3]), [['Y', 0], ['N', 'K'], ['N', 1]])[0][0], '#VALUE!')).toMatch(/^GAPS\.CVA: context holds "K" at row 2, column 2/);
    expect(err(F.cva(col([1, 2, 3]), col([1, 2, 3]), col(['Y', 'N']))[0][0], '#VALUE!')).toBe('GAPS.CVA: outcome has 3 pupils but context has 2 rows: give one row of context per pupil');
  });
});

describe("README's worked examples for the outcome columns", () => {
  // Column I (suspensions) of README's table; R: poisson.test(5, 5)$conf.int * 100 # 32.4697278023684 233.366641586453
  //   poisson.test(4, 5)$conf.int * 100 # 21.7973074725265 204.831773508074; poisson.test(c(5, 4), c(5, 5)) # 1.25 0.26904923289492 6.29950119197509
  it('SUSPENSIONRATE on column I', () => {
    const r = F.suspensionRate(col([0, 2, 1, 0, 0, 0, 2, 1, 0, 3]), FSM);
    const v = Object.fromEntries(r.map(([k, x]) => [k, x]));
    expect([v['Disadvantaged rate per 100'], v['Other rate per 100']]).toEqual([100, 80]);
    expect(v['Disadvantaged CI lower']).toBeCloseTo(32.4697278023684, 9);
    expect(v['Disadvantaged CI upper']).toBeCloseTo(233.366641586453, 9);
    expect(v['Other CI lower']).toBeCloseTo(21.7973074725265, 9);
    expect(v['Other CI upper']).toBeCloseTo(204.831773508074, 9);
    expect(v['Ratio CI lower']).toBeCloseTo(0.26904923289492, 9);
    expect(v['Ratio CI upper']).toBeCloseTo(6.29950119197509, 9);
  });
  it('FUNNELLIMITS with a single n typed into the formula', () => {
    const r = F.funnelLimits(20 as any, 0.3, OMITTED, OMITTED);
    expect(r[0][0]).toBeCloseTo(0.0811765059806759, 10);
  });
});

/*
 * GAPTREND, R 4.x (cohorts as in test/core/trends/trends.test.ts, years 2023, 2024, 2025):
 *   g  # 7.91666666666667 5.39999999999999 7.5
 *   t.test(o1, d1)$conf.int  # -1.00490779431751 16.8382411276509
 *   t.test(o3, d3)$conf.int  # -3.95715163802849 18.9571516380285
 *   ch(2, 3)  # 2.10000000000001 -10.1916883384677 14.3916883384677  (ch: SE = sqrt(SE1^2 + SE2^2), qt with Satterthwaite df)
 *   ch(1, 3)  # -0.416666666666671 -13.1131189550678 12.2797856217345
 *   t.test(c(o1, o2, o3), c(d1, d2, d3))$conf.int  # 2.58403388472608 10.7826327819406
 */
describe('GAPS.GAPTREND', () => {
  const o = [[110, 95, 107, 99, 104, 101], [103, 99, 112, 108, 97], [105, 100, 98, 111]];
  const d = [[98, 88, 101, 92], [100, 96, 104, 99, 93], [97, 101, 90]];
  const years = ['2025', 2023, '2024'];
  const scores: unknown[] = [], flags: unknown[] = [], ys: unknown[] = [];
  // Listed 2025 first to show the years are sorted.
  [2, 0, 1].forEach((i) => {
    for (const x of o[i]) { scores.push(x); flags.push('N'); ys.push(years[[1, 2, 0][i]]); }
    for (const x of d[i]) { scores.push(x); flags.push('Y'); ys.push(years[[1, 2, 0][i]]); }
  });
  scores.push('ABS'); flags.push('Y'); ys.push(2024);
  it('spills a header, one row per year in order, first to last and the pooled gap', () => {
    const r = F.gapTrend(col(scores), col(flags), col(ys), OMITTED);
    expect(r.map((x) => x[0])).toEqual(['Year', '2023', '2024', '2025', '2023 to 2025', 'All years pooled']);
    expect(r[0]).toHaveLength(10);
    expect(r[1].slice(1, 3)).toEqual([4, 6]);
    expect(r[1][3]).toBeCloseTo(7.91666666666667, 10);
    expect(r[1][4]).toBeCloseTo(-1.00490779431751, 9);
    expect(r[1][5]).toBeCloseTo(16.8382411276509, 9);
    expect(r[1].slice(6)).toEqual(['', '', '', '']);
    expect(r[2][6]).toBeCloseTo(-2.51666666666668, 10);
    expect(r[2][7]).toBeCloseTo(-13.2687784421336, 9);
    expect(r[3][6]).toBeCloseTo(2.10000000000001, 10);
    expect(r[3][7]).toBeCloseTo(-10.1916883384677, 9);
    expect(r[3][8]).toBeCloseTo(14.3916883384677, 9);
    expect(r[3][9]).toBe('no clear change');
    expect(r[4][6]).toBeCloseTo(-0.416666666666671, 10);
    expect(r[4][7]).toBeCloseTo(-13.1131189550678, 9);
    expect(r[4][8]).toBeCloseTo(12.2797856217345, 9);
    expect(r[5][3]).toBeCloseTo(6.68333333333334, 10);
    expect(r[5][4]).toBeCloseTo(2.58403388472608, 9);
    expect(r[5][5]).toBeCloseTo(10.7826327819406, 9);
  });
  it('gives #N/A with the reason for a year with one disadvantaged pupil, and needs two years', () => {
    const r = F.gapTrend(col([100, 104, 96, 90, 110, 101, 99, 95]), col(['N', 'N', 'Y', 'Y', 'N', 'N', 'Y', 'N']), col([1, 1, 1, 1, 2, 2, 2, 2]));
    expect(err(r[2][4], '#N/A')).toBe('GAPS.GAPTREND: needs at least 2 disadvantaged pupils with a score to measure the spread (there is 1)');
    expect(r[2][3]).toBeCloseTo(102 - 99, 12);
    expect(err(r[2][6], '#N/A')).toMatch(/the change needs at least 2 pupils in each group in both years/);
    expect(err(F.gapTrend(col([1, 2]), col(['Y', 'N']), col([2024, 2024]))[0][0], '#VALUE!')).toMatch(/needs pupils with a score in at least 2 years to show a trend \(found 1\)/);
  });
});
