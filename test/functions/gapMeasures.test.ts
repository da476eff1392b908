/**
 * The gap-measure custom functions as Excel sees them: values, spill shapes, and errors that come
 * back as values (`{ code, message }`) rather than exceptions.
 *
 * The pupils (README's worked example), checked in R 4.x with values printed by sprintf("%.15g", x):
 *   sc <- c(104,98,NA,110,95,101,88,107,99,NA); f <- c(T,T,T,F,F,T,T,F,F,F)
 *   ok <- !is.na(sc); d <- sc[ok & f]; o <- sc[ok & !f]
 *   mean(o) - mean(d)                                  # 5
 *   r <- rank(sc[ok]); ff <- f[ok]; 20*(mean(r[!ff]) - mean(r[ff]))/length(r)   # 3.75
 *   mean(o >= 100) - mean(d >= 100)                    # 0
 *   t.test(o, d)$conf.int                              # -7.01854753185583 17.0185475318558 (plain Welch)
 *   # GAPSUMMARY floors both groups of 4 at the pooled variance, df = n - 1 = 3 (Hsu):
 *   sp2 <- (3*var(o) + 3*var(d))/6; se <- sqrt(max(var(o), sp2)/4 + max(var(d), sp2)/4)
 *   5 + c(-1, 1)*qt(0.975, 3)*se                       # -10.6312873182309 20.6312873182309
 *   5 + c(-1, 1)*qt(0.95, 3)*se                        # -6.55906384108707 16.5590638410871
 *   sp <- sqrt((3*var(o) + 3*var(d))/6); (1 - 3/(4*8 - 9))*5/sp   # 0.625926739781474
 *   5/sp                                               # 0.719815750748695
 */
import * as F from '../../src/functions/functions';
import { isExcelError } from '../../src/functions/excelErrors';

/* eslint-disable @typescript-eslint/no-explicit-any */
const col = (xs: unknown[]) => xs.map((x) => [x]);
const OMITTED = null as any; // Excel passes an omitted optional argument as null
const SC = col([104, '98', 'ABS', 110, ' 95 ', 101, 88, 107, 99, '']);
const FSM = col(['Y', 'yes', 'FSM', '', 'N', 'PP', true, 'Non-FSM', 0, null]);

function err(v: unknown, code: string): string {
  expect(isExcelError(v)).toBe(true);
  const e = v as { code: string; message: string };
  expect(e.code).toBe(code);
  return e.message;
}

describe('FSMGAP, GAPINDEX, THRESHOLDGAP and PROGRESSGAP', () => {
  it('read numeric text and mixed flag spellings (R: 5, 3.75, 0)', () => {
    expect(F.fsmGap(SC, FSM)).toBeCloseTo(5, 12);
    expect(F.gapIndex(SC, FSM)).toBeCloseTo(3.75, 12);
    expect(F.thresholdGap(SC, FSM, 100)).toBeCloseTo(0, 12);
    expect(F.progressGap(col(Array(10).fill(0)), SC, FSM)).toBeCloseTo(5, 12);
  });
  it('name both sizes when the ranges differ (#VALUE!)', () => {
    const short = FSM.slice(0, 9);
    expect(err(F.fsmGap(SC, short), '#VALUE!')).toBe('GAPS.FSMGAP: scores has 10 cells but disadvantaged has 9: select ranges of the same size');
    expect(err(F.gapIndex(SC, short), '#VALUE!')).toBe('GAPS.GAPINDEX: scores has 10 cells but disadvantaged has 9: select ranges of the same size');
    expect(err(F.thresholdGap(SC, short, 100), '#VALUE!')).toMatch(/^GAPS\.THRESHOLDGAP: scores has 10 cells but disadvantaged has 9/);
    expect(err(F.progressGap(SC, SC.slice(1), FSM), '#VALUE!')).toBe('GAPS.PROGRESSGAP: baseline has 10 cells but current has 9: select ranges of the same size');
  });
  it('quote a flag that is not yes/no and say where it is (#VALUE!)', () => {
    const maybe = col(['Y', 'N', 'Y', 'N', 'Maybe', 'N', 'Y', 'N', 'Y', 'N']);
    expect(err(F.fsmGap(SC, maybe), '#VALUE!')).toMatch(/^GAPS\.FSMGAP: disadvantaged holds "Maybe" at row 5 of the range/);
    expect(err(F.gapIndex(SC, maybe), '#VALUE!')).toMatch(/"Maybe" at row 5/);
    expect(err(F.progressGap(SC, SC, maybe), '#VALUE!')).toMatch(/"Maybe" at row 5/);
    const wide = [['Y', 'N', 'K'], ['N', 'Y', 'N']];
    expect(err(F.fsmGap([[1, 2, 3], [4, 5, 6]], wide), '#VALUE!')).toMatch(/"K" at row 1, column 3/);
  });
  it('say which group is empty (#N/A)', () => {
    expect(err(F.fsmGap(SC, col(Array(10).fill('N'))), '#N/A')).toMatch(/^GAPS\.FSMGAP: needs at least one disadvantaged pupil with a score/);
    expect(err(F.gapIndex(SC, col(Array(10).fill('Y'))), '#N/A')).toBe('GAPS.GAPINDEX: needs at least one pupil who is not disadvantaged with a score');
  });
  it('accept a value typed into the formula instead of a range', () => {
    expect(err(F.fsmGap(5 as any, 'Y' as any), '#N/A')).toMatch(/not disadvantaged/);
  });
  it('THRESHOLDGAP takes the threshold as a number, numeric text or one cell, and refuses anything else', () => {
    expect(F.thresholdGap(SC, FSM, ' 100 ')).toBeCloseTo(0, 12);
    expect(F.thresholdGap(SC, FSM, [[100]])).toBeCloseTo(0, 12);
    expect(F.thresholdGap(SC, FSM, 105)).toBeCloseTo(0.5, 12); // R: mean(o >= 105) - mean(d >= 105)
    expect(err(F.thresholdGap(SC, FSM, 'pass'), '#VALUE!')).toMatch(/threshold must be a number .* but it is "pass"/);
    expect(err(F.thresholdGap(SC, FSM, null), '#VALUE!')).toMatch(/but it is a blank cell/);
    expect(err(F.thresholdGap(SC, FSM, [[1, 2]]), '#VALUE!')).toMatch(/threshold must be a single value/);
  });
});

describe('GAPSUMMARY', () => {
  const LABELS = [
    'Disadvantaged n', 'Other n', 'Disadvantaged mean', 'Other mean', 'Gap (other - disadvantaged)',
    'Gap CI lower', 'Gap CI upper', "Hedges' g", 'Gap index (rank overlap, -10 to 10)', 'Cells left out', 'Note',
  ];
  it('spills 11 rows of label and value (R: means 97.75, 102.75; floored interval -10.6312873182309 20.6312873182309; g 0.625926739781474)', () => {
    const out = F.gapSummary(SC, FSM, OMITTED);
    expect(out.length).toBe(11);
    expect(out.every((r) => r.length === 2)).toBe(true);
    expect(out.map((r) => r[0])).toEqual(LABELS);
    expect(out.slice(0, 5).map((r) => r[1])).toEqual([4, 4, 97.75, 102.75, 5]);
    expect(out[5][1]).toBeCloseTo(-10.6312873182309, 10);
    expect(out[6][1]).toBeCloseTo(20.6312873182309, 10);
    expect(out[7][1]).toBeCloseTo(0.625926739781474, 10);
    expect(out[8][1]).toBeCloseTo(3.75, 12);
    expect(out[9][1]).toBe(2);
    expect(out[10][1]).toMatch(/only 4 pupils in the disadvantaged group and only 4 pupils in the other group/);
  });
  it('takes the confidence as a fraction or numeric text (R by hand at 90%: -6.55906384108707 16.5590638410871)', () => {
    const out = F.gapSummary(SC, FSM, '0.9');
    expect(out[5][1]).toBeCloseTo(-6.55906384108707, 10);
    expect(out[6][1]).toBeCloseTo(16.5590638410871, 10);
  });
  it('notes the blank flag counted as not disadvantaged, since the column also holds "N"', () => {
    const out = F.gapSummary(SC, FSM, OMITTED);
    expect(out[10][1]).toMatch(/cannot show its own spread\. 1 pupil with a blank flag was counted as not disadvantaged, while the column also holds explicit "N"/);
  });
  it('leaves the note cell empty when both groups have 6 or more pupils', () => {
    const out = F.gapSummary(col([1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 7]), col([...Array(6).fill('Y'), ...Array(6).fill('N')]), OMITTED);
    expect(out[10]).toEqual(['Note', '']);
  });
  it('keeps the 11-row shape with #N/A and a reason in the cells it cannot compute', () => {
    const out = F.gapSummary(col([5, 3, 7, 5]), col(['Y', 'N', 'N', 'N']), OMITTED);
    expect(out.length).toBe(11);
    expect(out.slice(0, 5).map((r) => r[1])).toEqual([1, 3, 5, 5, 0]);
    for (const row of [5, 6, 7]) {
      expect(err(out[row][1], '#N/A')).toBe('GAPS.GAPSUMMARY: needs at least 2 disadvantaged pupils with a score to measure the spread (there is 1)');
    }
    expect(out[8][1]).toBeCloseTo(0, 12);
  });
  it('with no disadvantaged pupils it still reports the sizes and says why the rest is missing', () => {
    const out = F.gapSummary(col([5, 3, 7]), col(['N', 'N', 'N']), OMITTED);
    expect([out[0][1], out[1][1], out[3][1]]).toEqual([0, 3, 5]);
    for (const row of [2, 4, 5, 6, 7, 8]) expect(err(out[row][1], '#N/A')).toMatch(/needs at least one disadvantaged pupil with a score/);
  });
  it('returns one error cell when the whole call is wrong', () => {
    const out = F.gapSummary(SC, FSM.slice(2), OMITTED);
    expect(out.length).toBe(1);
    expect(err(out[0][0], '#VALUE!')).toBe('GAPS.GAPSUMMARY: scores has 10 cells but disadvantaged has 8: select ranges of the same size');
    expect(err(F.gapSummary(SC, FSM, 1)[0][0], '#VALUE!')).toMatch(/confidence must be a fraction between 0 and 1/);
  });
});

describe('GROUPGAP', () => {
  const YEARS = col([7, '7', ' 8', 8, 9, 7, null, 8, 9, '']);
  it('matches a group typed as a number with text in the range, and compares with everyone else by default', () => {
    // year 7 with scores: 104, 98, 101 -> 101; everyone else with a score: 110, 95, 88, 107, 99 -> 99.8
    expect(F.groupGap(SC, YEARS, 7, OMITTED)).toBeCloseTo(99.8 - 101, 12);
    expect(F.groupGap(SC, YEARS, [['7']], '')).toBeCloseTo(99.8 - 101, 12);
  });
  it('compares with a named group when given (year 8 with scores: 110, 107 -> 108.5)', () => {
    expect(F.groupGap(SC, YEARS, '7', [[8]])).toBeCloseTo(108.5 - 101, 12);
  });
  it('is #N/A naming an empty group and #VALUE! for a blank focus or a focus equal to the comparison', () => {
    expect(err(F.groupGap(SC, YEARS, 10, OMITTED), '#N/A')).toBe('GAPS.GROUPGAP: no pupil with a score is in the focus group "10"');
    expect(err(F.groupGap(SC, YEARS, 7, 11), '#N/A')).toBe('GAPS.GROUPGAP: no pupil with a score is in the comparison group "11"');
    expect(err(F.groupGap(SC, YEARS, null, OMITTED), '#VALUE!')).toMatch(/focus must name a group/);
    expect(err(F.groupGap(SC, YEARS, 7, '7'), '#VALUE!')).toMatch(/comparison and focus are both "7"/);
  });
});

describe('EFFECTSIZE', () => {
  const O = col([110, 95, 107, 99]);
  const D = col([104, '98', 101, 88, 'ABS']);
  it('is Hedges g by default and reads the method in any case (R: g 0.625926739781474, d 0.719815750748695)', () => {
    expect(F.effectSize(O, D, OMITTED)).toBeCloseTo(0.625926739781474, 12);
    expect(F.effectSize(O, D, ' G ')).toBeCloseTo(0.625926739781474, 12);
    expect(F.effectSize(O, D, 'D')).toBeCloseTo(0.719815750748695, 12);
    expect(F.effectSize(O, D, [['glass']])).toBeCloseTo(0.719815750748695, 12);
  });
  it('names the allowed methods, the group too small for a spread, and a zero spread', () => {
    expect(err(F.effectSize(O, D, 'hedges'), '#VALUE!')).toBe('GAPS.EFFECTSIZE: method must be one of "g", "d", "glass", but it is "hedges"');
    expect(err(F.effectSize(O, col([100]), OMITTED), '#N/A')).toBe('GAPS.EFFECTSIZE: group2 needs at least 2 scores for a standard deviation (it has 1)');
    expect(err(F.effectSize(col(['', 'ABS']), D, OMITTED), '#N/A')).toBe('GAPS.EFFECTSIZE: group1 has no scores');
    // #N/A, not #DIV/0!: Excel shows a custom function's message only on #VALUE! and #N/A.
    expect(err(F.effectSize(col([5, 5]), col([3, 3]), OMITTED), '#N/A')).toBe('GAPS.EFFECTSIZE: every score is the same within each group, so the pooled standard deviation is 0');
    expect(err(F.effectSize(col([5, 6]), col([3, 3]), 'glass'), '#N/A')).toBe('GAPS.EFFECTSIZE: every score in group2 is the same, so its standard deviation is 0');
  });
});

describe('REPRESENTATION', () => {
  const FLAGS = col(['Y', 'N', 'N', 'Y', 'Y', 'N', null, '']);
  const SETS = col(['9X1', '9x1 ', '9X1', '9X2', '9X2', '9X2', null, '']);
  it('is the share in the set over the share in the cohort, empty rows left out', () => {
    // 9X1: 1 of 3 disadvantaged; cohort (6 rows with a set): 3 of 6 -> (1/3) / (1/2)
    expect(F.representation(FLAGS, SETS, '9x1')).toBeCloseTo(2 / 3, 12);
    expect(F.representation(FLAGS, SETS, [['9X2']])).toBeCloseTo(4 / 3, 12);
  });
  it('is #N/A for an empty set or a cohort without disadvantaged pupils, #VALUE! for a bad flag', () => {
    expect(err(F.representation(FLAGS, SETS, '9X3'), '#N/A')).toBe('GAPS.REPRESENTATION: no pupil is in group "9X3"');
    expect(err(F.representation(col(Array(8).fill('N')), SETS, '9X1'), '#N/A')).toMatch(/no disadvantaged pupils in the cohort/);
    expect(err(F.representation(col(['Y', 'N', 'N', 'Y', 'Y', 'N', 'x', '']), SETS, '9X1'), '#VALUE!')).toMatch(/"x" at row 7/);
    expect(err(F.representation(FLAGS, SETS.slice(1), '9X1'), '#VALUE!')).toBe('GAPS.REPRESENTATION: disadvantaged has 8 cells but groups has 7: select ranges of the same size');
  });
});

describe('GAPCHANGE', () => {
  // R: a <- c(101,102,101,102,101,102); b <- c(108,109,108,109,108,109)
  //    t.test(b - 100, a - 100)$conf.int   # 6.29540062846106 7.70459937153894
  const before = col(Array(12).fill(100));
  const after = col([101, 102, 101, 102, 101, 102, 108, 109, 108, 109, 108, 109]);
  const flags = col([...Array(6).fill('Y'), ...Array(6).fill('N')]);
  it('spills 8 label/value rows over pupils with both scores (R: t.test on per-pupil progress)', () => {
    const out = F.gapChange(before, after, flags, OMITTED);
    expect(out.map((r) => r[0])).toEqual(['Disadvantaged n', 'Other n', 'Gap before', 'Gap after', 'Change (after - before)', 'CI lower', 'CI upper', 'Note']);
    expect(out.slice(0, 5).map((r) => r[1])).toEqual([6, 6, 0, 7, 7]);
    expect(out[5][1]).toBeCloseTo(6.29540062846106, 10);
    expect(out[6][1]).toBeCloseTo(7.70459937153894, 10);
    expect(out[7][1]).toBe('The gap widened: the whole 95% interval for the change is above zero.');
  });
  it('gives #N/A with a reason where a group is too small for an interval, and #VALUE! for bad input', () => {
    const out = F.gapChange(col([1, 1, 1]), col([2, 3, 5]), col(['Y', 'N', 'N']), OMITTED);
    expect(out[4][1]).toBe(2);
    expect(err(out[5][1], '#N/A')).toBe('GAPS.GAPCHANGE: needs at least 2 disadvantaged pupils with both scores to measure the spread (there is 1)');
    expect(out[7][1]).toMatch(/^Too few pupils to tell/);
    expect(err(F.gapChange(before, after.slice(1), flags, OMITTED)[0][0], '#VALUE!')).toBe('GAPS.GAPCHANGE: before has 12 cells but after has 11: select ranges of the same size');
    expect(err(F.gapChange(before, after, flags, 2)[0][0], '#VALUE!')).toMatch(/confidence must be a fraction/);
  });
});

describe('GAPINDEX with a national reference', () => {
  // R by hand (see test/core/gaps/gapIndex.test.ts): 20*(mean(sapply(o,pct)) - mean(sapply(d,pct))) = 5.375
  const nat = col([88, 92, 95, 95, 97, 99, 100, 100, 100, 101, 103, 104, 105, 105, 107, 108, 110, 112, 115, 118]);
  const scores = col([95, 100, 97, 104, 105, 100, 110, 99, 112]);
  const flags = col(['Y', 'Y', 'Y', 'Y', 'N', 'N', 'N', 'N', 'N']);
  it('ranks pupils by national percentile when given a column of national scores (R: 5.375)', () => {
    expect(F.gapIndex(scores, flags, nat)).toBeCloseTo(5.375, 12);
  });
  it('is the school-rank index when the reference is omitted', () => {
    // r <- rank(c(95,100,97,104,105,100,110,99,112)); 20*(mean(r[5:9]) - mean(r[1:4]))/9 = 6.5
    expect(F.gapIndex(scores, flags, OMITTED)).toBeCloseTo(6.5, 12);
  });
  it('says what is wrong with a reference table (#VALUE!)', () => {
    expect(err(F.gapIndex(scores, flags, [[100, 50], [98, 60]]), '#VALUE!')).toBe('GAPS.GAPINDEX: reference row 2: score 98 is not above the row before (100): sort the table by score, ascending, without repeats');
  });
});

describe("README's worked example for GAPCHANGE", () => {
  // Columns B (KS2, before), C (maths, after), D (FSM6) of the README class. By hand in R:
  //   pd <- c(9,-4,1,-2); po <- c(2,-2,2,-2)                  # progress of P01 P02 P06 P07 and P04 P05 P08 P09
  //   sp2 <- (3*var(po) + 3*var(pd))/6                        # 19: both groups of 4 are floored, df 3
  //   se <- sqrt(max(var(po), sp2)/4 + max(var(pd), sp2)/4)
  //   -1 + c(-1, 1)*qt(0.975, 3)*se                           # -12.4376370495693 10.4376370495693
  const B = col([95, 102, 99, 108, 97, 100, 90, 105, 101, 111]);
  const C = col([104, 98, 'ABS', 110, 95, ' 101', 88, 107, 99, null]);
  const D = col(['Y', 'Y', 'Y', '', 'N', 'Y', 'Y', '', 'N', 'N']);
  it('spills 4, 4, 6, 5, -1 and the floored interval, with no clear change', () => {
    const out = F.gapChange(B, C, D, OMITTED);
    expect(out.slice(0, 5).map((r) => r[1])).toEqual([4, 4, 6, 5, -1]);
    expect(out[5][1]).toBeCloseTo(-12.4376370495693, 10);
    expect(out[6][1]).toBeCloseTo(10.4376370495693, 10);
    expect(out[7][1]).toMatch(/^No clear change: .*Small group: only 4 pupils .* 2 pupils with a blank flag were counted as not disadvantaged, while the column also holds explicit "N"/);
    expect(out[4][1]).toBe(F.progressGap(B, C, D));
  });
});
