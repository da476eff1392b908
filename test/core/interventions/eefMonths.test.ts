/**
 * EEF months from the Teaching and Learning Toolkit table in DOMAIN.md, |ES| first rounded to 2 dp
 * as Excel's ROUND does (=ROUND(0.185, 2) is 0.19 in Excel; Python's round(0.185, 2) gives 0.18
 * because 0.185 is stored as 0.18499999999999999, which is why the rounding works at 15 significant
 * digits), sign kept. Cost bands: up to £80, £200, £720, £1,200, above £1,200 per pupil per year.
 */
import { eefCostBand, eefMonths } from '../../../src/core/interventions/eefMonths';
import { GapsError } from '../../../src/core/errors';

describe('EEFMONTHS', () => {
  it.each([
    [0, 0], [0.004, 0], [0.01, 0], [0.014, 0], [0.015, 1], [0.02, 1], [0.09, 1], [0.094, 1], [0.095, 2], [0.1, 2],
    [0.18, 2], [0.1849999999, 2], [0.185, 3], [0.19, 3], [0.26, 3], [0.265, 4], [0.27, 4], [0.35, 4], [0.36, 5], [0.44, 5],
    [0.45, 6], [0.52, 6], [0.53, 7], [0.61, 7], [0.62, 8], [0.69, 8], [0.7, 9], [0.78, 9], [0.79, 10], [0.87, 10],
    [0.88, 11], [0.95, 11], [0.954, 11], [0.955, 12], [0.96, 12], [2.5, 12], [40, 12],
  ])('effect size %p is %p months', (es, months) => {
    expect(eefMonths(es)).toBe(months);
  });
  it.each([[-0.3, -4], [-0.02, -1], [-0.01, 0], [-0.185, -3], [-0.96, -12], [-3, -12]])('keeps the sign: %p is %p months', (es, months) => {
    expect(eefMonths(es)).toBe(months);
  });
  it('refuses a value that is not a finite number (#VALUE!)', () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(() => eefMonths(x)).toThrow(GapsError);
      expect(() => eefMonths(x)).toThrow(/effect_size must be a number/);
    }
  });
});

describe('EEF cost bands', () => {
  it('puts costs per pupil in the five bands at their edges', () => {
    expect([0, 80, 80.01, 200, 200.5, 720, 721, 1200, 1200.5, 5000].map((c) => eefCostBand(c).band)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('labels each band with its range', () => {
    expect(eefCostBand(50).label).toMatch(/^Very low \(up to £80/);
    expect(eefCostBand(1500).label).toMatch(/^Very high \(over £1,200/);
  });
  it('refuses a negative or non-finite cost', () => {
    for (const c of [-1, NaN, Infinity]) expect(() => eefCostBand(c)).toThrow(/cost per pupil/);
  });
});
