/**
 * Progress and value added against R 4.x:
 *   base <- c(95,102,99,108,97,100,90,105,101,111,NA,93)
 *   cur  <- c(104,98,NA,110,95,101,88,107,99,NA,100,96)
 *   fit <- lm(cur ~ base); sprintf("%.15g", cur - predict(fit, data.frame(base = base)))
 *   sprintf("%.15g", cur - approx(c(90,100,110), c(95,101,109), xout = base, rule = 2)$y)
 */
import { progressDelta, valueAdded } from '../../../src/core/progress';
import { thrown } from '../thrown';

const col = (xs: unknown[]) => xs.map((x) => [x]);
/** Deep-freezes a grid so a test fails if a function writes into the user's cells. */
const frozen = (g: unknown[][]) => Object.freeze(g.map((r) => Object.freeze([...r])));
const BASE = col([95, 102, 99, 108, 97, 100, 90, 105, 101, 111, null, 93]);
const CUR = col([104, '98', 'ABS', 110, ' 95 ', 101, 88, 107, 99, '', 100, 96]);
/** Every kind of missing cell a school export produces. */
const MISSING: unknown[] = [null, undefined, '', '   ', 'ABS', 'n/a', NaN, Infinity, -Infinity, true, false, { code: '#N/A' }, { code: '#REF!' }];

describe('PROGRESSDELTA', () => {
  it('is current - baseline - expected, blank where a score is missing', () => {
    expect(progressDelta(BASE, CUR, 2)).toEqual(col([7, -6, null, 0, -4, -1, -4, 0, -4, null, null, 1]));
  });
  it('treats an omitted expectation as 0', () => {
    expect(progressDelta(col([4, 5]), col([6, 5]), null)).toEqual(col([2, 0]));
  });
  it('takes one expectation per pupil, blank where the expectation is missing', () => {
    expect(progressDelta(col([4, 5, 6, 7]), col([6, 6, 6, 9]), col([1, null, 0, ' 0.5 ']))).toEqual(col([1, null, 0, 1.5]));
  });
  it('reads a 1 x 1 expected range as one number for every pupil', () => {
    expect(progressDelta(col([4, 5]), col([6, 8]), [[' 1 ']])).toEqual(col([1, 2]));
  });
  it('refuses a single expectation that is not a number, quoting it', () => {
    expect(thrown(() => progressDelta(col([4]), col([6]), [['one grade']])).message).toMatch(/expected must be .* but it is "one grade"/);
    expect(thrown(() => progressDelta(col([4]), col([6]), [[null]])).kind).toBe('value');
    expect(thrown(() => progressDelta(col([4]), col([6]), Infinity)).kind).toBe('value');
  });
  it.each(MISSING.map((m) => [m]))('leaves out a pupil whose baseline, current score or expectation is %p', (m) => {
    expect(progressDelta(col([m, 5]), col([6, 7]), null)).toEqual(col([null, 2]));
    expect(progressDelta(col([4, 5]), col([m, 7]), null)).toEqual(col([null, 2]));
    expect(progressDelta(col([4, 5]), col([6, 7]), col([m, 1]))).toEqual(col([null, 1]));
  });
  it('keeps the shape of a row range and of a block', () => {
    expect(progressDelta([[1, 2, 3]], [[2, 2, 5]], null)).toEqual([[1, 0, 2]]);
    // baseline as a column, current as a 2 x 2 block: cells pair in row-major order
    expect(progressDelta(col([1, 2, 3, 4]), [[2, 4], [6, 'x']], 0)).toEqual([[1, 2], [3, null]]);
  });
  it('gives an empty spill for empty ranges and one value for one pupil', () => {
    expect(progressDelta([], [], null)).toEqual([]);
    expect(progressDelta([[5]], [['7']], null)).toEqual([[2]]);
  });
  it('is #VALUE! naming both sizes when ranges differ', () => {
    expect(() => progressDelta(col([1, 2]), col([1]), null)).toThrow('baseline has 2 cells but current has 1');
    expect(() => progressDelta(col([1, 2]), col([1, 2]), col([1, 2, 3]))).toThrow('current has 2 cells but expected has 3');
  });
  it('does not change its inputs', () => {
    const b = frozen(col([1, 2, 'ABS'])), c = frozen(col([3, 3, 3])), e = frozen(col([1, 1, 1]));
    expect(progressDelta(b, c, e)).toEqual(col([1, 0, null]));
  });
});

describe('VALUEADDED', () => {
  it('gives residuals from the least-squares line (R: cur - predict(lm(cur ~ base)))', () => {
    const r = valueAdded(BASE, CUR);
    const expected = [7.96849087893865, -4.58747927031509, null, 1.79311774461029, -2.90464344941955, 0.285655058043133, -3.34867330016583, 1.6028192371476, -2.65091210613598, null, null, 1.84162520729686];
    r.forEach(([v], i) => {
      if (expected[i] === null) expect(v).toBeNull();
      else expect(v).toBeCloseTo(expected[i] as number, 9);
    });
  });
  it('reads expectations from an estimates table by clamped interpolation, skipping blank rows (R: approx(..., rule = 2))', () => {
    const est = [[90, 95], [null, null], [100, '101'], [110, 109], ['', 120]];
    const expected = [6, -4.59999999999999, null, 2.59999999999999, -4.2, 0, -7, 2, -2.8, null, null, -0.799999999999997];
    valueAdded(BASE, CUR, est).forEach(([v], i) => {
      if (expected[i] === null) expect(v).toBeNull();
      else expect(v).toBeCloseTo(expected[i] as number, 9);
    });
  });
  it('clamps below the first and above the last prior attainment (numpy.interp([85, 115], [90,100,110], [95,101,109]) = 95, 109)', () => {
    const r = valueAdded(col([85, 115, 104]), col([95, 109, 104.2]), [[90, 95], [100, 101], [110, 109]]);
    expect(r.map(([v]) => v)).toEqual([expect.closeTo(0, 12), expect.closeTo(0, 12), expect.closeTo(0, 12)]);
  });
  it('treats a single blank cell as no estimates table', () => {
    expect(valueAdded(BASE, CUR, [[null]])).toEqual(valueAdded(BASE, CUR, null));
    expect(valueAdded(BASE, CUR, [])).toEqual(valueAdded(BASE, CUR));
  });
  it('refuses an estimates table that is not ascending, naming the row', () => {
    expect(() => valueAdded(BASE, CUR, [[100, 1], [90, 2]])).toThrow(/estimates row 2: prior attainment 90 is not above the row before/);
    expect(() => valueAdded(BASE, CUR, [[100, 1], [100, 2]])).toThrow(/estimates row 2/);
  });
  it('refuses words in the estimates table, naming the row (a heading row included)', () => {
    expect(thrown(() => valueAdded(BASE, CUR, [['KS2', 'Expected'], [90, 95], [110, 109]])).message).toMatch(/estimates row 1 holds "KS2"/);
    expect(thrown(() => valueAdded(BASE, CUR, [[90, 95], [100, 'ABS'], [110, 109]])).message).toMatch(/estimates row 2 holds "ABS"/);
    expect(thrown(() => valueAdded(BASE, CUR, [[90, 95], [100, { code: '#N/A' }]])).message).toMatch(/row 2 holds #N\/A/);
  });
  it('refuses an estimates table without two columns or with fewer than two rows', () => {
    expect(thrown(() => valueAdded(BASE, CUR, [[90, 95, 1], [100, 101, 2]])).message).toMatch(/two columns .* it has 3/);
    expect(thrown(() => valueAdded(BASE, CUR, [[90, 95], [null, 101]])).message).toMatch(/at least 2 rows/);
  });
  it('is #N/A when fewer than two pupils have both scores, or all baselines are equal', () => {
    const one = thrown(() => valueAdded(col([1, null]), col([2, 3])));
    expect(one.kind).toBe('na');
    expect(one.message).toMatch(/there is 1/);
    expect(thrown(() => valueAdded([], [])).kind).toBe('na');
    expect(thrown(() => valueAdded(col([5, 5, '5']), col([1, 2, 3]))).message).toMatch(/same baseline/);
  });
  it.each(MISSING.map((m) => [m]))('leaves out a pupil whose baseline or result is %p', (m) => {
    // R: resid(lm(c(2,5,6) ~ c(1,2,3))) = -1/3, 2/3, -1/3; the fourth pupil is left out of the line
    const a = valueAdded(col([1, 2, 3, m]), col([2, 5, 6, 100]));
    const b = valueAdded(col([1, 2, 3, 50]), col([2, 5, 6, m]));
    for (const r of [a, b]) {
      expect(r[3][0]).toBeNull();
      expect(r.slice(0, 3).map(([v]) => v as number)).toEqual([expect.closeTo(-1 / 3, 12), expect.closeTo(2 / 3, 12), expect.closeTo(-1 / 3, 12)]);
    }
  });
  it('keeps the shape of current and does not change its inputs', () => {
    const r = valueAdded(frozen([[1, 2, 3]]), frozen([[2, 5, 6]]), null);
    expect(r).toHaveLength(1);
    expect(r[0]).toHaveLength(3);
    const withTable = valueAdded(frozen(col([95, 105])), frozen([[98, 'ABS']]), frozen([[90, 95], [100, 101], [110, 109]]));
    expect(withTable).toEqual([[0, null]]);
  });
});
