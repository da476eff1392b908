/**
 * Gap measures against R 4.x. The data set below is "A"; the R script that produced each expected
 * value is quoted beside it. In R, missing cells are NA and flags are logical:
 *   sc  <- c(4, 16/3, 6, 4, 3, NA, 7, 5, 4, 2, NA, 6, 5, 8)
 *   fsm <- c(1,1,0,0,1,1,0,0,1,1,0,0,0,0) == 1
 *   ok <- !is.na(sc); d <- sc[ok & fsm]; o <- sc[ok & !fsm]
 */
import { effectSize, fsmGap, gapIndex, gapSummary, groupGap, progressGap, representation, thresholdGap } from '../../../src/core/gaps';
import { GapsError } from '../../../src/core/errors';

const col = (xs: unknown[]) => xs.map((x) => [x]);
const freeze = (g: unknown[][]) => Object.freeze(g.map((r) => Object.freeze(r))) as unknown as unknown[][];

// Messy cells standing for R's NA: "ABS" and a blank; "5+" as 16/3 via the number; numeric text.
const SCORES = freeze(col([4, 16 / 3, '6', 4, 3, 'ABS', 7, ' 5 ', 4, 2, null, 6, 5, 8]));
const FLAGS = freeze(col(['Y', 'yes', 'N', '', 'FSM', 'Y', 'N', 'n', true, 1, '', 0, 'Non-FSM', null]));

describe('FSMGAP', () => {
  it('is the mean of others minus the mean of disadvantaged pupils (R: mean(o) - mean(d) = 2.19047619047619)', () => {
    expect(fsmGap(SCORES, FLAGS)).toBeCloseTo(2.19047619047619, 12);
  });
  it('ignores blank, text, boolean, NaN and error scores', () => {
    const s = col([10, null, '', '  ', 'ABS', NaN, true, { code: '#N/A' }, 20]);
    const f = col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'N']);
    expect(fsmGap(s, f)).toBe(10);
  });
  it('is #N/A naming the group when no disadvantaged pupil has a score', () => {
    expect(() => fsmGap(col([1, 2]), col(['N', 'N']))).toThrow(/disadvantaged pupil/);
    expect(() => fsmGap(col([1, 2]), col(['N', 'N']))).toThrow(GapsError);
  });
  it('is #N/A when there is no other pupil, and for an empty range', () => {
    expect(() => fsmGap(col([1]), col(['Y']))).toThrow(/not disadvantaged/);
    expect(() => fsmGap([], [])).toThrow(/disadvantaged/);
  });
  it('catches a wrong flag column even where the score is blank', () => {
    expect(() => fsmGap(col([1, null]), col(['Y', 'K']))).toThrow('disadvantaged holds "K" at row 2 of the range');
  });
  it('pairs ranges of different shapes with the same number of cells in reading order', () => {
    expect(fsmGap([[1, 2, 3, 4]], col(['Y', 'Y', 'N', 'N']))).toBe(2);
  });
});

describe('GAPINDEX', () => {
  it('ranks with ties sharing their average rank (R: rank(sc[ok]); 20*(mean(r[!f])-mean(r[f]))/n = 7.71428571428572)', () => {
    expect(gapIndex(SCORES, FLAGS)).toBeCloseTo(7.71428571428572, 12);
  });
  it('is 10 when every disadvantaged pupil ranks below every other pupil', () => {
    expect(gapIndex(col([1, 2, 3, 4, 5]), col(['Y', 'Y', 'N', 'N', 'N']))).toBeCloseTo(10, 12);
  });
  it('is 0 when all pupils tie', () => {
    expect(gapIndex(col([5, 5, 5, 5]), col(['Y', 'N', 'Y', 'N']))).toBe(0);
  });
  it('is #N/A with an empty group', () => {
    expect(() => gapIndex(col([1, 2]), col(['Y', 'Y']))).toThrow(GapsError);
  });
});

describe('THRESHOLDGAP', () => {
  it('is the share of others at or above the threshold minus that of disadvantaged (R: mean(o>=4)-mean(d>=4) = 0.4)', () => {
    expect(thresholdGap(SCORES, FLAGS, 4)).toBeCloseTo(0.4, 12);
  });
});

describe('GAPSUMMARY', () => {
  const s = gapSummary(SCORES, FLAGS);
  it('gives sizes, means and the gap', () => {
    expect([s.nDisadvantaged, s.nOther, s.leftOut]).toEqual([5, 7, 2]);
    expect(s.gap).toBeCloseTo(2.19047619047619, 12);
  });
  it('gives the Welch interval (R: t.test(o, d)$conf.int = 0.488319802491181 3.8926325784612, df 9.18245158586488)', () => {
    expect(s.ciLower).toBeCloseTo(0.488319802491181, 10);
    expect(s.ciUpper).toBeCloseTo(3.8926325784612, 10);
    expect(s.df).toBeCloseTo(9.18245158586488, 10);
  });
  it('honours the confidence level (R: t.test(o, d, conf.level = 0.9)$conf.int = 0.810097531503863 3.57085484944852)', () => {
    const s90 = gapSummary(SCORES, FLAGS, 0.9);
    expect(s90.ciLower).toBeCloseTo(0.810097531503863, 10);
    expect(s90.ciUpper).toBeCloseTo(3.57085484944852, 10);
  });
  it("gives Hedges' g (R: (1-3/(4*(no+nd)-9))*(mean(o)-mean(d))/sp = 1.54717902739307)", () => {
    expect(s.hedgesG).toBeCloseTo(1.54717902739307, 10);
  });
  it('flags a group of fewer than 6 pupils in its note', () => {
    expect(s.smallGroup).toBe(true);
    expect(s.note).toMatch(/only 5 pupils in the disadvantaged group/);
  });
  it('leaves the note empty when both groups have 6 or more', () => {
    const big = gapSummary(col([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]), col([...Array(6).fill('Y'), ...Array(6).fill('N')]));
    expect(big.note).toBe('');
  });
  it('still reports sizes and means when a group is too small for an interval', () => {
    const one = gapSummary(col([3, 5, 7]), col(['Y', 'N', 'N']));
    expect(one.gap).toBe(3);
    expect(one.ciLower).toBeNaN();
    expect(one.unavailable.ciLower).toMatch(/at least 2 disadvantaged/);
  });
});

describe('GROUPGAP', () => {
  const groups = col(['K', 'k ', 'N', 'E', 'N', 'K', 'N', null, 'E', 'N', 'N', 'K', 'N', 'N']);
  it('compares the focus group with every other pupil by default', () => {
    // K pupils with scores: 4, 16/3, 6 -> mean 46/9; others: 6,4,3,7,5,4,2,5,8 -> 44/9
    expect(groupGap(SCORES, groups, 'K')).toBeCloseTo(44 / 9 - 46 / 9, 12);
  });
  it('compares with a named group only when given', () => {
    // N pupils with scores: 6,3,7,2,5,8 -> 31/6
    expect(groupGap(SCORES, groups, 'k', 'n')).toBeCloseTo(31 / 6 - 46 / 9, 12);
  });
  it('is #N/A when nobody is in the focus group, #VALUE! for a blank focus', () => {
    expect(() => groupGap(SCORES, groups, 'Z')).toThrow(/focus group "Z"/);
    expect(() => groupGap(SCORES, groups, '')).toThrow(/focus must name a group/);
  });
});

describe('PROGRESSGAP', () => {
  it('compares mean progress over pupils with both scores (R: base/cur below; mean(pr[!fl]) - mean(pr[fl]) = -1.4)', () => {
    // base <- c(95,102,99,108,97,100,90,105,101,111,NA,93); cur <- c(104,98,NA,110,95,101,88,107,99,NA,100,96)
    const base = col([95, 102, 99, 108, 97, 100, 90, 105, 101, 111, null, 93]);
    const cur = col([104, 98, 'ABS', 110, 95, 101, 88, 107, 99, '', 100, 96]);
    const fl = col(['Y', 'Y', 'Y', 'N', 'N', 'Y', 'Y', 'N', 'N', 'N', 'Y', 'Y']);
    expect(progressGap(base, cur, fl)).toBeCloseTo(-1.4, 12);
  });
});

describe('REPRESENTATION', () => {
  it('divides the share in a set by the share in the cohort, ignoring rows with no set', () => {
    const flags = col(['Y', 'N', 'Y', 'N', 'Y', 'Y', null]);
    const sets = col([1, 1, 2, 2, 2, null, null]);
    // set 2: 2 of 3 disadvantaged; cohort (rows with a set): 3 of 5 -> (2/3)/(3/5)
    expect(representation(flags, sets, 2)).toBeCloseTo(2 / 3 / (3 / 5), 12);
    expect(representation(flags, sets, '1')).toBeCloseTo(1 / 2 / (3 / 5), 12);
  });
  it('is #N/A for an empty set or a cohort with no disadvantaged pupils', () => {
    expect(() => representation(col(['Y']), col([1]), 3)).toThrow(/no pupil is in group "3"/);
    expect(() => representation(col(['N']), col([1]), 1)).toThrow(/no disadvantaged pupils/);
  });
});

describe('EFFECTSIZE', () => {
  const o = col([6, 4, 7, 5, 6, 5, 8]);
  const d = col([4, 16 / 3, 3, 4, 2]);
  it("gives Hedges' g, Cohen's d and Glass's delta (R: 1.54717902739307, 1.67611061300916, (mean(o)-mean(d))/sd(d) = 1.75628816113879)", () => {
    expect(effectSize(o, d)).toBeCloseTo(1.54717902739307, 10);
    expect(effectSize(o, d, 'd')).toBeCloseTo(1.67611061300916, 10);
    expect(effectSize(o, d, 'glass')).toBeCloseTo(1.75628816113879, 10);
  });
  it('is #DIV/0! when every score is the same and #N/A with too few scores', () => {
    expect(() => effectSize(col([3, 3]), col([3, 3]))).toThrow(expect.objectContaining({ kind: 'div0' }));
    expect(() => effectSize(col([3]), col([4]))).toThrow(expect.objectContaining({ kind: 'na' }));
    expect(() => effectSize(col([]), col([4]))).toThrow(/group1 has no scores/);
  });
});
