/**
 * Benjamini-Hochberg against R 4.x:
 *   p <- c(0.01, 0.04, 0.03, 0.2, NA, 0.001, 0.5, 0.049)
 *   sprintf("%.15g", p.adjust(p, "BH"))  # 0.035 0.0686 0.0686 0.233333333333333 NA 0.007 0.5 0.0686
 */
import { benjaminiHochberg, chanceAllowance } from '../../../src/core/stats/benjaminiHochberg';

describe('benjaminiHochberg', () => {
  it('matches R p.adjust(method = "BH"), leaving NA out of the count', () => {
    const p = Object.freeze([0.01, 0.04, 0.03, 0.2, NaN, 0.001, 0.5, 0.049]);
    const want = [0.035, 0.0686, 0.0686, 0.233333333333333, NaN, 0.007, 0.5, 0.0686];
    const got = benjaminiHochberg(p);
    got.forEach((v, i) => (Number.isNaN(want[i]) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(want[i], 12)));
  });
  it('caps at 1 and keeps a single p-value as it is', () => {
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([0.3])).toEqual([0.3]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
  it('refuses a p-value outside 0..1', () => {
    expect(() => benjaminiHochberg([0.2, 1.5])).toThrow('p-values must be between 0 and 1, but entry 2 is 1.5');
  });
});

describe('chanceAllowance', () => {
  it('marks as clear what survives the adjustment and counts the gaps expected by chance (R: p.adjust above; 7 x 0.05)', () => {
    const a = chanceAllowance([0.01, 0.04, 0.03, 0.2, NaN, 0.001, 0.5, 0.049]);
    expect(a.comparisons).toBe(7);
    expect(a.clear).toEqual([true, false, false, false, false, true, false, false]);
    expect(a.expectedByChance).toBeCloseTo(0.35, 12);
    // With 42 comparisons, 1 - 0.95^42 = 0.884 is the chance of at least one false gap (R: 1 - 0.95^42).
    expect(chanceAllowance(Array(42).fill(0.5)).expectedByChance).toBeCloseTo(2.1, 12);
    expect(() => chanceAllowance([0.1], 0)).toThrow(/false discovery rate must be a fraction/);
  });
});
