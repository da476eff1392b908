/**
 * Grade points as plain numbers. Expected points from DOMAIN.md's table (NC points = 6 x level + 3,
 * R: 6 * c(1, 4, 8) + 3 = 9 27 51; GCSE "+"/"-" = a third of a grade; DfE letter points).
 */
import { GapsError } from '../../../src/core/errors';
import { gradePoints, gradePointsSpill, numberAsPoints, pointsOfNumbers, tableScale } from '../../../src/core/grades';

const nanToNull = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isNaN(x) ? null : x));

describe('pointsOfNumbers', () => {
  it('reads whole numbers 1-8 as plain levels on the nc scale and passes other numbers through (R: 6 * c(1, 4, 8) + 3)', () => {
    expect(Array.from(pointsOfNumbers([1, 4, 8, 9, 27, 4.5, 0], 'nc'))).toEqual([9, 27, 51, 9, 27, 4.5, 0]);
    expect([numberAsPoints(4, 'nc'), numberAsPoints(4, 'gcse')]).toEqual([27, 4]);
  });
  it('passes numbers through on the other scales and keeps a missing value missing', () => {
    for (const scale of ['gcse', 'letter', 'ta'] as const) expect(nanToNull(pointsOfNumbers([4, 7.5, NaN, Infinity], scale))).toEqual([4, 7.5, null, null]);
  });
  it('looks a number up in a school table first', () => {
    expect(Array.from(pointsOfNumbers([9, 4], tableScale([['Secure', 3], [9, 90]])))).toEqual([90, 4]);
  });
});

describe('gradePointsSpill', () => {
  it('gives points as numbers, NaN for blanks and unknown grades, and keeps each unknown grade\'s error by position', () => {
    const spill = gradePointsSpill([['5+', 'U'], [null, 'Z'], ['  ', 7]], 'gcse');
    expect([spill.rows, spill.cols]).toEqual([3, 2]);
    expect(nanToNull(spill.values)).toEqual([expect.closeTo(16 / 3, 12), 0, null, null, null, 7]);
    expect([...spill.errors.keys()]).toEqual([3]);
    expect(spill.errors.get(3)).toBeInstanceOf(GapsError);
    expect(spill.errors.get(3)?.message).toMatch(/^"Z" is not a grade on the gcse scale/);
  });
  it('reads the same word the same way on every call and on each scale (letters: A* 8.5, U 0; levels: 4c 25)', () => {
    for (let i = 0; i < 3; i++) {
      expect(Array.from(gradePointsSpill([['A*'], ['U'], ['4c']], 'letter').values.slice(0, 2))).toEqual([8.5, 0]);
      expect(gradePointsSpill([['A*'], ['U'], ['4c']], 'letter').errors.has(2)).toBe(true);
      expect(Array.from(gradePointsSpill([['4c'], ['U'], ['W']], 'nc').values.filter((v) => !Number.isNaN(v)))).toEqual([25, 3]);
      expect(gradePointsSpill([['U']], 'nc').errors.get(0)?.message).toMatch(/"U" is not a grade on the nc scale/);
    }
  });
  it('is what the cell-by-cell form gives', () => {
    const grid = [['5+'], ['6\u2212'], [null], ['Z'], [' 4 '], ['EXS'], [3]];
    const spill = gradePointsSpill(grid, 'gcse');
    const cells = gradePoints(grid, 'gcse');
    cells.forEach(([c], k) => {
      if (c instanceof GapsError) expect(spill.errors.get(k)?.message).toBe(c.message);
      else expect(c).toBe(Number.isNaN(spill.values[k]) ? null : spill.values[k]);
    });
  });
});
