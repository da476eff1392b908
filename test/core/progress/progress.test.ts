/**
 * Progress and value added against R 4.x:
 *   base <- c(95,102,99,108,97,100,90,105,101,111,NA,93)
 *   cur  <- c(104,98,NA,110,95,101,88,107,99,NA,100,96)
 *   fit <- lm(cur ~ base); resid(fit)
 *   approx(c(90,100,110), c(95,101,109), xout = base, rule = 2)$y
 */
import { progressDelta, valueAdded } from '../../../src/core/progress';

const col = (xs: unknown[]) => xs.map((x) => [x]);
const BASE = col([95, 102, 99, 108, 97, 100, 90, 105, 101, 111, null, 93]);
const CUR = col([104, '98', 'ABS', 110, 95, 101, 88, 107, 99, '', 100, 96]);

describe('PROGRESSDELTA', () => {
  it('is current - baseline - expected, blank where a score is missing', () => {
    expect(progressDelta(BASE, CUR, 2)).toEqual(col([7, -6, null, 0, -4, -1, -4, 0, -4, null, null, 1]));
  });
  it('takes one expectation per pupil, blank where the expectation is missing', () => {
    expect(progressDelta(col([4, 5, 6]), col([6, 6, 6]), col([1, null, 0]))).toEqual(col([1, null, 0]));
  });
  it('keeps the shape of a row range', () => {
    expect(progressDelta([[1, 2, 3]], [[2, 2, 5]], null)).toEqual([[1, 0, 2]]);
  });
  it('is #VALUE! naming both sizes when ranges differ', () => {
    expect(() => progressDelta(col([1, 2]), col([1]), null)).toThrow('baseline has 2 cells but current has 1');
    expect(() => progressDelta(col([1, 2]), col([1, 2]), col([1, 2, 3]))).toThrow('current has 2 cells but expected has 3');
  });
});

describe('VALUEADDED', () => {
  it('gives residuals from the least-squares line (R: resid(lm(cur ~ base)))', () => {
    const r = valueAdded(BASE, CUR);
    const expected = [7.96849087893863, -4.58747927031509, null, 1.79311774461028, -2.90464344941957, 0.285655058043119, -3.34867330016583, 1.6028192371476, -2.65091210613598, null, null, 1.84162520729685];
    r.forEach(([v], i) => {
      if (expected[i] === null) expect(v).toBeNull();
      else expect(v).toBeCloseTo(expected[i] as number, 9);
    });
  });
  it('reads expectations from an estimates table by clamped interpolation (R: approx(..., rule = 2))', () => {
    const est = [[90, 95], [100, 101], [110, 109], [null, null]];
    const r = valueAdded(BASE, CUR, est);
    const approx = [98, 102.6, 100.4, 107.4, 99.2, 101, 95, 105, 101.8, 109, null, 96.8];
    r.forEach(([v], i) => {
      const c = CUR[i][0];
      const y = typeof c === 'number' ? c : Number(c);
      if (v === null) return;
      expect(v).toBeCloseTo(y - (approx[i] as number), 9);
    });
    expect(r[0][0]).toBeCloseTo(6, 12);
  });
  it('refuses an estimates table that is not ascending, naming the row', () => {
    expect(() => valueAdded(BASE, CUR, [[100, 1], [90, 2]])).toThrow(/estimates row 2/);
  });
  it('is #N/A when fewer than two pupils have both scores, or all baselines are equal', () => {
    expect(() => valueAdded(col([1, null]), col([2, 3]))).toThrow(expect.objectContaining({ kind: 'na' }));
    expect(() => valueAdded(col([5, 5, 5]), col([1, 2, 3]))).toThrow(/same baseline/);
  });
});
