/**
 * The least-squares and interpolation helpers against scipy/numpy (/usr/bin/python3, scipy 1.10):
 *   from scipy.stats import linregress; import numpy as np
 *   r = linregress([95,102,108,97,100,90,105,101,93], [104,98,110,95,101,88,107,99,96])
 *   r.slope, r.intercept  # 0.9365671641791045 7.057628524046436
 *   np.interp([85,90,95,100,104,110,115], [90,100,110], [95,101,109])  # 95 95 98 101 104.2 109 109
 */
import { interpolate, leastSquares } from '../../../src/core/progress';

describe('leastSquares', () => {
  it('fits the line of y on x (scipy linregress)', () => {
    const line = leastSquares([95, 102, 108, 97, 100, 90, 105, 101, 93], [104, 98, 110, 95, 101, 88, 107, 99, 96]);
    expect(line.n).toBe(9);
    expect(line.slope).toBeCloseTo(0.9365671641791045, 12);
    expect(line.intercept).toBeCloseTo(7.057628524046436, 10);
  });
  it('skips pairs with a missing (NaN) value', () => {
    const line = leastSquares([1, NaN, 2, 3, 4], [2, 100, 4, NaN, 8]);
    expect(line).toEqual({ n: 3, slope: expect.closeTo(2, 12), intercept: expect.closeTo(0, 12) });
  });
  it('has no slope when every x is the same', () => {
    expect(leastSquares([5, 5, 5], [1, 2, 3]).slope).toBeNaN();
  });
});

describe('interpolate', () => {
  it('interpolates linearly and clamps at both ends (numpy interp)', () => {
    const xs = [90, 100, 110], ys = [95, 101, 109];
    expect([85, 90, 95, 100, 104, 110, 115].map((x) => interpolate(xs, ys, x))).toEqual([95, 95, 98, 101, expect.closeTo(104.2, 12), 109, 109]);
  });
});
