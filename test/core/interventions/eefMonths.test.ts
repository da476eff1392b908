/** EEF months from the Teaching and Learning Toolkit table (DOMAIN.md), |ES| rounded to 2 dp as Excel's ROUND does. */
import { eefCostBand, eefMonths } from '../../../src/core/interventions/eefMonths';

describe('EEFMONTHS', () => {
  it.each([
    [0, 0], [0.01, 0], [0.014, 0], [0.015, 1], [0.02, 1], [0.09, 1], [0.094, 1], [0.095, 2], [0.1, 2], [0.18, 2],
    [0.185, 3], [0.19, 3], [0.26, 3], [0.27, 4], [0.35, 4], [0.36, 5], [0.44, 5], [0.45, 6], [0.52, 6], [0.53, 7],
    [0.61, 7], [0.62, 8], [0.69, 8], [0.7, 9], [0.78, 9], [0.79, 10], [0.87, 10], [0.88, 11], [0.95, 11], [0.96, 12], [2.5, 12],
    [-0.3, -4], [-0.02, -1],
  ])('effect size %p is %p months', (es, months) => {
    expect(eefMonths(es)).toBe(months);
  });
  it('refuses a value that is not a number', () => {
    expect(() => eefMonths(NaN)).toThrow(/effect_size must be a number/);
  });
  it('puts costs per pupil in the EEF bands', () => {
    expect([0, 80, 80.01, 200, 720, 1200, 1200.5].map((c) => eefCostBand(c).band)).toEqual([1, 1, 2, 2, 3, 4, 5]);
  });
});
