/**
 * The measures' plain-number entry points give what their range readers give on the same pupils
 * (the range readers are checked against R in schoolData.test.ts), and their own R values:
 *   d <- c(104, 98, 101); o <- c(110, 95, 107)
 *   mean(o) - mean(d)                      # 3
 *   mean(o >= 100) - mean(d >= 100)        # 0
 */
import { fsmGap, fsmGapOf, progressGap, progressGapOf, thresholdGap, thresholdGapOf } from '../../../src/core/gaps';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('measures over plain numbers', () => {
  const d = Object.freeze([104, 98, 101, NaN]);
  const o = Object.freeze([110, 95, 107]);
  it('FSMGAP (R: 3) and THRESHOLDGAP (R: 0) skip NaN', () => {
    expect(fsmGapOf(d, o)).toBeCloseTo(3, 12);
    expect(thresholdGapOf(d, o, 100)).toBeCloseTo(0, 12);
    const scores = col([104, 98, 101, 'ABS', 110, 95, 107]);
    const flags = col(['Y', 'Y', 'Y', 'Y', 'N', 'N', 'N']);
    expect(fsmGapOf(d, o)).toBeCloseTo(fsmGap(scores, flags), 12);
    expect(thresholdGapOf(d, o, 105)).toBeCloseTo(thresholdGap(scores, flags, 105), 12);
  });
  it('PROGRESSGAP over one entry per pupil', () => {
    expect(progressGapOf([100, 100, 100], [104, 101, 106], [true, true, false])).toBeCloseTo(3.5, 12);
    expect(progressGapOf([100, 100, 100], [104, 101, 106], [true, true, false])).toBeCloseTo(progressGap(col([100, 100, 100]), col([104, 101, 106]), col(['Y', 'Y', 'N'])), 12);
  });
  it('say which group is empty and what is wrong with the arguments', () => {
    expect(() => fsmGapOf([], [1])).toThrow(/disadvantaged pupil with a score/);
    expect(() => thresholdGapOf([1], [NaN], 1)).toThrow(/not disadvantaged/);
    expect(() => thresholdGapOf([1], [2], NaN)).toThrow(/threshold must be a number/);
    expect(() => progressGapOf([1], [1, 2], [true])).toThrow(/one entry per pupil/);
  });
});
