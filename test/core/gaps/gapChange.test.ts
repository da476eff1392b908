/**
 * GAPCHANGE against R 4.x (t.test on per-pupil progress, others minus disadvantaged):
 *   b <- c(98,102,95,110,101,97,104,99,92,106,100,103,96,108,94)
 *   a <- c(101,104,99,112,105,99,109,103,93,110,104,107,101,111,98)
 *   f <- c(T,T,T,T,T,T,T,F,F,F,F,F,F,F,F); b[3] <- NA
 *   ok <- !is.na(b) & !is.na(a); d <- ok & f; o <- ok & !f           # 6 and 8 pupils
 *   mean(b[o]) - mean(b[d]); mean(a[o]) - mean(a[d])                # -2.25 -1.625
 *   tt <- t.test(a[o] - b[o], a[d] - b[d])   # diff 0.625, conf.int -0.848235500094712 2.09823550009471,
 *                                            # df 10.5148745390377, p 0.368789677361686
 * Small-group floor by hand (three disadvantaged pupils who all gained 2):
 *   pd <- c(2,2,2); po <- c(1,3,0,4,2,5,1); sp2 <- (6*var(po) + 2*var(pd))/8
 *   se <- sqrt(var(po)/7 + sp2/3); diff <- mean(po) - mean(pd)      # 0.285714285714286
 *   diff + c(-1,1)*qt(0.975, 2)*se                                  # -4.56715318550104 5.13858175692961
 *   2*pt(-abs(diff/se), 2)                                          # 0.82368187018473
 */
import { changeWord, gapChange, gapChangeOf } from '../../../src/core/gaps/gapChange';
import { progressGap } from '../../../src/core/gaps/progressGap';

const col = (xs: unknown[]) => xs.map((x) => [x]);
const B = Object.freeze(col([98, 102, 'ABS', 110, 101, 97, 104, 99, 92, 106, 100, 103, 96, 108, 94]));
const A = Object.freeze(col([101, 104, 99, 112, 105, 99, 109, 103, 93, 110, 104, 107, 101, 111, 98]));
const F = Object.freeze(col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'N']));

describe('GAPCHANGE (core)', () => {
  const r = gapChange(B, A, F);
  it('counts pupils with both scores and gives the gap before and after over them (R: 6, 8, -2.25, -1.625)', () => {
    expect([r.nDisadvantaged, r.nOther]).toEqual([6, 8]);
    expect(r.gapBefore).toBeCloseTo(-2.25, 12);
    expect(r.gapAfter).toBeCloseTo(-1.625, 12);
  });
  it('gives the change = after - before = PROGRESSGAP, with the Welch interval on progress (R: t.test)', () => {
    expect(r.change).toBeCloseTo(0.625, 12);
    expect(r.change).toBeCloseTo(progressGap(B, A, F), 12);
    expect(r.ciLower).toBeCloseTo(-0.848235500094712, 10);
    expect(r.ciUpper).toBeCloseTo(2.09823550009471, 10);
    expect(r.df).toBeCloseTo(10.5148745390377, 9);
    expect(r.p).toBeCloseTo(0.368789677361686, 10);
    expect(r.word).toBe('no clear change');
    expect(r.note).toBe('No clear change: the 95% interval for the change includes zero, so a change this size could be chance.');
  });
  it('floors three pupils who all gained 2 at the pooled variance, df 2 (R by hand)', () => {
    const s = gapChangeOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [2, 2, 2, 1, 3, 0, 4, 2, 5, 1], [true, true, true, false, false, false, false, false, false, false]);
    expect(s.change).toBeCloseTo(0.285714285714286, 12);
    expect(s.floored).toBe(true);
    expect(s.df).toBe(2);
    expect(s.ciLower).toBeCloseTo(-4.56715318550104, 10);
    expect(s.ciUpper).toBeCloseTo(5.13858175692961, 10);
    expect(s.p).toBeCloseTo(0.82368187018473, 10);
    expect(s.note).toMatch(/^No clear change: .* Small group: only 3 pupils in the disadvantaged group \(fewer than 6\)\..*no narrower than a pooled-spread interval/);
  });
  it('says widened or narrowed when the whole interval is on one side of zero', () => {
    const before = Array(12).fill(0);
    const after = [1, 2, 1, 2, 1, 2, 8, 9, 8, 9, 8, 9];
    const flags = after.map((_, i) => i < 6);
    const w = gapChangeOf(before, after, flags);
    expect(w.word).toBe('widened');
    expect(w.note).toMatch(/^The gap widened/);
    const nflags = flags.map((x) => !x);
    expect(gapChangeOf(before, after, nflags).word).toBe('narrowed');
  });
  it('says there are too few pupils to tell with one pupil in a group', () => {
    const s = gapChangeOf([1, 1, 1], [2, 3, 5], [true, false, false]);
    expect(s.change).toBeCloseTo(3 - 1, 12); // others gained 2 and 4 (mean 3), the disadvantaged pupil 1
    expect(s.ciLower).toBeNaN();
    expect(s.word).toBe('');
    expect(s.unavailable.ciLower).toBe('needs at least 2 disadvantaged pupils with both scores to measure the spread (there is 1)');
    expect(s.note).toMatch(/^Too few pupils to tell/);
  });
  it('says which group has nobody with both scores, and checks sizes and confidence', () => {
    const s = gapChangeOf([1, NaN], [2, 3], [false, true]);
    expect(s.unavailable.change).toMatch(/disadvantaged pupil with both scores/);
    expect(() => gapChange(B, A.slice(1), F)).toThrow('before has 15 cells but after has 14: select ranges of the same size');
    expect(() => gapChange(B, A, F, 0)).toThrow(/confidence must be a fraction/);
    expect(() => gapChangeOf([1], [1, 2], [true])).toThrow(/one entry per pupil/);
  });
  it('notes blank flags counted as not disadvantaged when the column also holds N', () => {
    const flags = col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'N', '', 'N', 'N', 'N', 'N', 'N', 'N']);
    expect(gapChange(B, A, flags).note).toMatch(/1 pupil with a blank flag was counted as not disadvantaged, while the column also holds explicit "N"/);
  });
});

describe('changeWord', () => {
  it.each([
    [0.1, 2, 'widened'],
    [-2, -0.1, 'narrowed'],
    [-1, 1, 'no clear change'],
    [0, 1, 'no clear change'],
    [NaN, NaN, 'no clear change'],
  ])('(%p, %p) is %p', (lo, hi, word) => expect(changeWord(lo, hi)).toBe(word));
});
