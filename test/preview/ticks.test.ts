import { niceTicks } from '../../src/preview/ticks';

// Expected values worked by hand: the step is the first of 1, 2, 2.5, 5, 10 x 10^k at least
// (hi - lo) / 5, and the axis runs from the multiple of the step at or below lo to the one at or above hi.
describe('nice axis ticks for the preview charts', () => {
  it('covers the data with round steps and widens the axis to them', () => {
    expect(niceTicks(-6.9, 14)).toEqual({ lo: -10, hi: 15, ticks: [-10, -5, 0, 5, 10, 15], decimals: 0 });
    expect(niceTicks(0, 71)).toEqual({ lo: 0, hi: 80, ticks: [0, 20, 40, 60, 80], decimals: 0 });
    expect(niceTicks(0, 0.56)).toEqual({ lo: 0, hi: 0.6, ticks: [0, 0.2, 0.4, 0.6], decimals: 1 });
  });

  it('writes a quarter step with its decimals, and copes with one value or the ends swapped', () => {
    expect(niceTicks(0, 11).ticks).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0, 11).decimals).toBe(1);
    expect(niceTicks(3, 3).ticks).toEqual([2, 2.5, 3, 3.5, 4]);
    expect(niceTicks(5, -5).ticks).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    expect(Object.is(niceTicks(-1, 1).ticks[2], -0)).toBe(false);
  });
});
