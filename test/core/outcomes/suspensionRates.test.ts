/**
 * Suspension rates by group from per-pupil counts. R 4.x, sprintf("%.15g", x):
 *   p <- poisson.test(c(3, 1), c(3, 3)); p$estimate; p$conf.int   # 3 0.240880227829262 157.492088274811
 *   poisson.test(3, 3)$conf.int * 100   # 20.6224040965201 292.242435658077
 *   poisson.test(1, 3)$conf.int * 100   # 0.843926932809663 185.72144636463
 *   100 * (2/3 + c(-1, 1) * qnorm(0.975) * sqrt(3/9 + 1/9))   # -63.9975989693369 197.33093230267
 */
import { suspensionRates } from '../../../src/core/outcomes';
import { thrown } from '../thrown';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('suspensionRates', () => {
  const counts = Object.freeze(col([0, '2', 1, 0, '', 0, 1]));
  const flags = Object.freeze(col(['Y', 'Y', 'Y', 'N', 'N', 'N', 'N']));
  it('gives each group per 100 pupils with exact intervals, and their difference and ratio', () => {
    const r = suspensionRates(counts, flags);
    expect(r.leftOut).toBe(1);
    expect(r.disadvantaged.rate).toBeCloseTo(100, 12);
    expect(r.disadvantaged.lower).toBeCloseTo(20.6224040965201, 9);
    expect(r.disadvantaged.upper).toBeCloseTo(292.242435658077, 9);
    expect(r.other.lower).toBeCloseTo(0.843926932809663, 9);
    expect(r.other.upper).toBeCloseTo(185.72144636463, 9);
    expect(r.comparison.differenceLower).toBeCloseTo(-63.9975989693369, 9);
    expect(r.comparison.differenceUpper).toBeCloseTo(197.33093230267, 9);
    expect(r.comparison.ratio).toBeCloseTo(3, 12);
    expect(r.comparison.ratioLower).toBeCloseTo(0.240880227829262, 9);
    expect(r.comparison.ratioUpper).toBeCloseTo(157.492088274811, 9);
    expect(r.note).toMatch(/^Small group: only 3 pupils in the disadvantaged group and only 3 pupils in the other group/);
  });
  it('stops at a negative count and says which group is empty', () => {
    expect(thrown(() => suspensionRates(col([-1]), col(['Y']))).message).toBe('counts holds -1 at row 1 of the range: a number of suspensions is a whole number of 0 or more');
    expect(thrown(() => suspensionRates(col([1, 'n/a']), col(['N', 'Y']))).kind).toBe('na');
  });
});
