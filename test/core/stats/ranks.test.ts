/**
 * Rank sums of two groups ranked together, ties sharing their average rank, against R 4.x:
 *   a <- c(3, 1, 4, 1, 5); b <- c(9, 2, 6, 5, 3, 5); r <- rank(c(a, b))   # ties.method = "average"
 *   c(sum(r[1:5]), sum(r[6:11]))                                           # 21.5 44.5
 *   a2 <- c(-2.5, 0, 0.1, 7); b2 <- c(0, -2.5, -2.5, 100); r <- rank(c(a2, b2))
 *   c(sum(r[1:4]), sum(r[5:8]))                                            # 19.5 16.5
 */
import { rankSums } from '../../../src/core/stats/ranks';

describe('rankSums', () => {
  it('shares average ranks between tied values within and across groups (R: 21.5, 44.5)', () => {
    expect(rankSums(Float64Array.of(3, 1, 4, 1, 5), Float64Array.of(9, 2, 6, 5, 3, 5))).toEqual({ a: 21.5, b: 44.5 });
  });
  it('ranks negatives, zeros and decimals numerically, not as text (R: 19.5, 16.5)', () => {
    expect(rankSums(Float64Array.of(-2.5, 0, 0.1, 7), Float64Array.of(0, -2.5, -2.5, 100))).toEqual({ a: 19.5, b: 16.5 });
  });
  it('treats 0 and -0 as a tie', () => {
    expect(rankSums(Float64Array.of(-0), Float64Array.of(0))).toEqual({ a: 1.5, b: 1.5 });
  });
  it('gives every rank to the only non-empty group', () => {
    expect(rankSums(new Float64Array(0), Float64Array.of(5, 1, 3))).toEqual({ a: 0, b: 6 });
    expect(rankSums(Float64Array.of(2), new Float64Array(0))).toEqual({ a: 1, b: 0 });
  });
  it('always shares out n(n + 1) / 2 in all', () => {
    const a = Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 37);
    const b = Float64Array.from({ length: 301 }, (_, i) => (i * 104729) % 41);
    const s = rankSums(a, b);
    expect(s.a + s.b).toBe((801 * 802) / 2);
  });
});
