/**
 * The progress measures over plain numbers (NaN = a missing score), against R 4.x:
 *   base <- c(4, 5, 3.5, NA, 6, 5, 4, 2); cur <- c(5, 5, 4, 6, NA, 7.25, 3, 4)
 *   cur - base - 1                                        # 0 -1 -0.5 NA NA 1.25 -2 1
 *   cur - base - c(1, 0.5, NA, 1, 1, 2, 0, 1.5)           # 0 -0.5 NA NA NA 0.25 -1 0.5
 *   ks2  <- c(104.5, 98, 110, 101, NA, 95.5, 108, 100, 112, 92)
 *   att8 <- c(5.2, 4.1, 6.8, 4.9, 3.3, NA, 6.1, 4.4, 7.3, 2.9)
 *   fit <- lm(att8 ~ ks2); sprintf("%.15g", coef(fit))    # -17.1191079022847 0.216417762832559
 *   sprintf("%.15g", att8 - predict(fit, data.frame(ks2 = ks2)))   # resid(fit), NA where a score is missing
 *   x <- c(1, 2, 3); y <- c(2, 5, 6); resid(lm(y ~ x))    # -1/3 2/3 -1/3
 *   approx(c(90, 100, 110), c(95, 101, 109), xout = c(85, 95, 104, 115), rule = 2)$y  # 95 98 104.2 109
 */
import { fitExpectedLine, leastSquares, progressDelta, progressDeltaOf, progressDeltaSpill, valueAdded, valueAddedOf, valueAddedSpill } from '../../../src/core/progress';
import { thrown } from '../thrown';

const BASE = [4, 5, 3.5, NaN, 6, 5, 4, 2];
const CUR = [5, 5, 4, 6, NaN, 7.25, 3, 4];
const KS2 = [104.5, 98, 110, 101, NaN, 95.5, 108, 100, 112, 92];
const ATT8 = [5.2, 4.1, 6.8, 4.9, 3.3, NaN, 6.1, 4.4, 7.3, 2.9];
const RESID = [-0.296548313717738, 0.0101671446938898, 0.113153990703188, 0.160913856196215, NaN, NaN, -0.154010483631696, -0.122668380971225, 0.180318465038069, 0.108673721689244];
const col = (xs: unknown[]) => xs.map((x) => [x]);
/** NaN as the blank a spill shows. */
const blanks = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isNaN(x) ? null : x));

function expectClose(actual: ArrayLike<number>, expected: number[], digits = 12): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    if (Number.isNaN(e)) expect(actual[i]).toBeNaN();
    else expect(actual[i]).toBeCloseTo(e, digits);
  });
}

describe('progressDeltaOf (numbers)', () => {
  it('is current - baseline - expected, NaN where a score is missing (R: cur - base - 1)', () => {
    expectClose(progressDeltaOf(BASE, CUR, 1), [0, -1, -0.5, NaN, NaN, 1.25, -2, 1]);
    expectClose(progressDeltaOf(Float64Array.from(BASE), Float64Array.from(CUR), 1), [0, -1, -0.5, NaN, NaN, 1.25, -2, 1]);
  });
  it('takes one expectation per pupil, NaN where it is missing, and 0 when none is given', () => {
    expectClose(progressDeltaOf(BASE, CUR, [1, 0.5, NaN, 1, 1, 2, 0, 1.5]), [0, -0.5, NaN, NaN, NaN, 0.25, -1, 0.5]);
    expectClose(progressDeltaOf([4, 5], [6, 5]), [2, 0]);
  });
  it('gives NaN rather than an infinite difference', () => {
    expectClose(progressDeltaOf([-1.7e308, 0], [1.7e308, 1]), [NaN, 1]);
  });
  it('writes into an array it is given, which may be current itself (R: cur - base - 1)', () => {
    const cur = Float64Array.from(CUR);
    expect(progressDeltaOf(BASE, cur, 1, cur)).toBe(cur);
    expectClose(cur, [0, -1, -0.5, NaN, NaN, 1.25, -2, 1]);
    const out = new Float64Array(8);
    expect(progressDeltaOf(BASE, CUR, [1, 0.5, NaN, 1, 1, 2, 0, 1.5], out)).toBe(out);
    expectClose(out, [0, -0.5, NaN, NaN, NaN, 0.25, -1, 0.5]);
    expect(thrown(() => progressDeltaOf(BASE, CUR, 1, new Float64Array(7))).kind).toBe('value');
  });
  it('refuses arrays of different lengths and an expectation that is not finite', () => {
    expect(thrown(() => progressDeltaOf([1, 2], [1])).message).toBe('baseline has 2 values but current has 1: give one of each per pupil');
    expect(thrown(() => progressDeltaOf([1, 2], [1, 2], [1])).message).toBe('current has 2 values but expected has 1: give one expectation per pupil');
    expect(thrown(() => progressDeltaOf([1], [2], NaN)).kind).toBe('value');
  });
  it('is what the range-reading form spills, with the shape of current', () => {
    const spill = progressDeltaSpill([[4, 5], [3.5, 'ABS']], [[5, 5], ['4', 6]], 1);
    expect(spill.rows).toBe(2);
    expect(spill.cols).toBe(2);
    expectClose(spill.values, [0, -1, -0.5, NaN]);
    expect(progressDelta(col(BASE), col(CUR), 1)).toEqual(col(blanks(progressDeltaOf(BASE, CUR, 1))));
  });
});

describe('valueAddedOf (numbers)', () => {
  it('gives the residuals of the least-squares line (R: resid(lm(att8 ~ ks2)))', () => {
    expectClose(valueAddedOf(KS2, ATT8), RESID, 10);
    expectClose(valueAddedOf([1, 2, 3], [2, 5, 6]), [-1 / 3, 2 / 3, -1 / 3]);
  });
  it('fits the same line as R (coef(lm(att8 ~ ks2)))', () => {
    const line = fitExpectedLine(KS2, ATT8);
    expect(line.n).toBe(8);
    expect(line.intercept).toBeCloseTo(-17.1191079022847, 10);
    expect(line.slope).toBeCloseTo(0.216417762832559, 12);
    expect(leastSquares(Float64Array.from(KS2), Float64Array.from(ATT8)).slope).toBeCloseTo(0.216417762832559, 12);
  });
  it('reads expectations from an estimates table, clamped at its ends (R: approx(..., rule = 2))', () => {
    const est = { xs: [90, 100, 110], ys: [95, 101, 109] };
    expectClose(valueAddedOf([85, 95, 104, 115, NaN], [95, 100, 104.2, 110, 100], est), [0, 2, 0, 1, NaN]);
  });
  it('writes the residuals into an array it is given, which may be the results themselves (R: resid(lm), approx)', () => {
    const att8 = Float64Array.from(ATT8);
    expect(valueAddedOf(KS2, att8, null, att8)).toBe(att8);
    expectClose(att8, RESID, 10);
    const result = Float64Array.from([95, 100, 104.2, 110, 100]);
    expect(valueAddedOf([85, 95, 104, 115, NaN], result, { xs: [90, 100, 110], ys: [95, 101, 109] }, result)).toBe(result);
    expectClose(result, [0, 2, 0, 1, NaN]);
    expect(thrown(() => valueAddedOf(KS2, ATT8, null, new Float64Array(3))).kind).toBe('value');
  });
  it('says why no line can be fitted', () => {
    expect(thrown(() => valueAddedOf([1, NaN], [2, 3])).message).toMatch(/needs at least 2 pupils with both .* \(there is 1\)/);
    expect(thrown(() => valueAddedOf([4, 4], [2, 3])).message).toMatch(/same baseline/);
    expect(thrown(() => valueAddedOf([1e200, 2e200, 3e200], [1e200, 0, 1e200])).kind).toBe('na');
    expect(thrown(() => valueAddedOf([1, 2, 3], [1, 2])).message).toBe('baseline has 3 values but current has 2: give one of each per pupil');
  });
  it('is what the range-reading form spills', () => {
    const b = col(KS2.map((x) => (Number.isNaN(x) ? 'ABS' : x)));
    const c = col(ATT8.map((x) => (Number.isNaN(x) ? null : String(x))));
    const spill = valueAddedSpill(b, c);
    expect([spill.rows, spill.cols]).toEqual([10, 1]);
    expectClose(spill.values, RESID, 10);
    expect(valueAdded(b, c)).toEqual(col(blanks(valueAddedOf(KS2, ATT8))));
  });
});
