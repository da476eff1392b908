/**
 * Thresholds by scale and the warnings for one-sided thresholds and unreadable columns. The
 * expected shares are counts done by hand (R: mean(x >= t), e.g. mean(c(5,6,7,8,9,4,5,6,7,8,6,5,7,8,6,9,7,5,6,8) >= 4) = 1).
 */
import { readScore } from '../../../src/core/cells';
import { impossibleZeros, numericScale, scaleName, thresholdBalance, thresholdForScale, unreadableShare } from '../../../src/core/gaps/thresholds';

describe('thresholdForScale', () => {
  it('uses grade 4 for 9-1, 100 for KS2 scaled and 85 for standardised scores', () => {
    expect(thresholdForScale(numericScale([4, 5, 6.33, 7, 9, 1, 0])).threshold).toBe(4);
    expect(thresholdForScale(numericScale([95, 104, 110, 88, 120, 80])).threshold).toBe(100);
    expect(thresholdForScale(numericScale([72, 85, 100, 118, 131, 96])).threshold).toBe(85);
  });
  it('gives no threshold, with the reason, on an unknown numeric scale', () => {
    const t = thresholdForScale(numericScale([12, 35, 48, 27, 60]));
    expect(t.threshold).toBeNull();
    expect(t.scale).toBe('unknown');
    expect(t.reason).toMatch(/no threshold gap until you set a threshold/);
    expect(thresholdForScale(numericScale([NaN])).threshold).toBeNull();
  });
  it("keeps the user's own threshold on any scale", () => {
    expect(thresholdForScale('standardised', 90).threshold).toBe(90);
    expect(thresholdForScale('unknown', 30)).toEqual({ threshold: 30, scale: 'unknown', reason: 'the threshold you set (30)' });
    expect(() => thresholdForScale('gcse', NaN)).toThrow(/threshold must be a number/);
    expect(scaleName('ks2scaled')).toBe('KS2 scaled scores');
  });
});

describe('thresholdBalance', () => {
  it('warns when 95% or more of pupils are on one side', () => {
    const grades = [5, 6, 7, 8, 9, 4, 5, 6, 7, 8, 6, 5, 7, 8, 6, 9, 7, 5, 6, 8];
    const b = thresholdBalance(grades, 4);
    expect([b.atOrAbove, b.below, b.largerShare]).toEqual([20, 0, 1]);
    expect(b.warning).toBe('100% of pupils (20 of 20) are at or above the threshold 4, so a gap at this threshold says little: check the threshold suits the scale.');
    expect(thresholdBalance([...grades.slice(0, 19), 3], 4).warning).toMatch(/^95% of pupils \(19 of 20\)/);
  });
  it('says nothing when the threshold splits the pupils', () => {
    expect(thresholdBalance([3, 4, 5, 2, NaN], 4)).toEqual({ atOrAbove: 2, below: 2, largerShare: 0.5, warning: '' });
    expect(thresholdBalance([3, 2, 5, 6, 7, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9], 4).warning).toBe(''); // 18 of 20 = 90%
  });
});

describe('unreadableShare', () => {
  it('warns when more than 20% of filled cells cannot be read on the scale', () => {
    const cells = ['5', '6', 'Q', 'abc', '', null, 7, '??', 4, 5];
    const r = unreadableShare(cells, readScore, 'Maths Aut', 'numbers');
    expect([r.filled, r.unreadable, r.notSat]).toEqual([8, 3, 0]);
    expect(r.share).toBeCloseTo(3 / 8, 12);
    expect(r.warning).toBe('3 of 8 filled cells in Maths Aut (38%) cannot be read as numbers, so its gaps leave those pupils out: check the scale chosen for it, or the column.');
  });
  it('does not count cells saying the pupil has no result (ABS, X, n/a, Not entered) as unreadable: they are left out like blanks, and said', () => {
    // Counted by hand: 10 filled, 4 "no result" codes, 2 unreadable of the other 6.
    const cells = ['5', 'ABS', 'X', ' n/a ', 'Not entered', 'Q', 'abc', 6, 7, 4];
    const r = unreadableShare(cells, readScore, 'Maths Aut', 'numbers');
    expect([r.filled, r.unreadable, r.notSat]).toEqual([10, 2, 4]);
    expect(r.share).toBeCloseTo(2 / 6, 12);
    expect(r.warning).toBe('2 of 6 filled cells in Maths Aut (33%) cannot be read as numbers, so its gaps leave those pupils out, as they do the 4 marked absent or not entered: check the scale chosen for it, or the column.');
    expect(unreadableShare(['5', '6', 'ABS', 'X', '', null, 7, 'n/a', 4, 5], readScore).warning).toBe('');
  });
  it('says nothing at 20% or below, or for an empty column', () => {
    expect(unreadableShare([1, 2, 3, 4, 'ABS'], readScore).warning).toBe('');
    expect(unreadableShare([null, ''], readScore)).toEqual({ filled: 0, unreadable: 0, notSat: 0, share: 0, warning: '' });
  });
});

describe('zeros a scale cannot hold', () => {
  test('on KS2 scaled and standardised scores a 0 is counted as impossible; on 9-1 grades (U = 0) and unknown scales it is not', () => {
    expect(impossibleZeros([0, 104, 98, 0, 111])).toEqual({ zeros: 2, scale: 'ks2scaled' });
    expect(impossibleZeros([0, 72, 131, 100, NaN])).toEqual({ zeros: 1, scale: 'standardised' });
    expect(impossibleZeros([0, 4, 5, 9])).toEqual({ zeros: 0, scale: 'gcse' });
    expect(impossibleZeros([0, 12, 40, 75]).zeros).toBe(0);
    expect(impossibleZeros([0, 0]).zeros).toBe(0);
  });
});
