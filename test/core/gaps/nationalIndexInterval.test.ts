/**
 * The gap index on national ranks with its interval (gapIndexNationalIntervalOf): the pupils'
 * national mid-percentiles as scores, 20 x Welch's interval on them, with the small-group floor.
 * By hand in R:
 *   nat <- c(84, 88, 90, 92, 94, 95, 96, 97, 99, 100, 100, 101, 103, 104, 105, 106, 108, 110, 112, 117)
 *   p2 <- function(x) sapply(x, function(v) mean(nat < v) + mean(nat == v) / 2)
 *   d <- c(95, 96, 97); o <- c(94, 100, 108, 103, 111, 105, 99, 115)
 *   x <- 20 * p2(o); y <- 20 * p2(d)
 *   pooled <- (sum((x - mean(x))^2) + sum((y - mean(y))^2)) / (length(x) + length(y) - 2)
 *   se <- sqrt(var(x) / 8 + max(var(y), pooled) / 3)      # 3 pupils: floored, Hsu's df 2
 *   mean(x) - mean(y) + c(-1, 1) * qt(0.975, 2) * se       # 6.4375: -7.03354982909013 19.9085498290901
 */
import { gapIndexNationalIntervalOf, gapIndexNationalOf } from '../../../src/core/gaps/gapIndex';
import { nationalReference, referenceFits } from '../../../src/core/gaps/nationalReference';

const NAT = [84, 88, 90, 92, 94, 95, 96, 97, 99, 100, 100, 101, 103, 104, 105, 106, 108, 110, 112, 117];
const ref = nationalReference(NAT.map((x) => [x]));

describe('gap index on national ranks, with its interval', () => {
  test('a group of 3 borrows the pooled spread, with its own n - 1 degrees of freedom (R by hand)', () => {
    const d = [95, 96, 97];
    const o = [94, 100, 108, 103, 111, 105, 99, 115];
    const r = gapIndexNationalIntervalOf(d, o, ref);
    expect(r.index).toBeCloseTo(6.4375, 12);
    expect(r.index).toBeCloseTo(gapIndexNationalOf(d, o, ref), 12);
    expect(r.floored).toBe(true);
    expect(r.lower).toBeCloseTo(-7.03354982909013, 10);
    expect(r.upper).toBeCloseTo(19.9085498290901, 10);
  });
  test('the reference knows its range, and fits a column only when most scores lie within it', () => {
    expect([ref.kind, ref.size, ref.min, ref.max]).toEqual(['scores', 20, 84, 117]);
    expect(referenceFits(ref, [95, 100, 120, NaN]).fits).toBe(false); // 2 of 3 inside: under 90%
    expect(referenceFits(ref, [95, 100, 101, 96, 97, 99, 103, 104, 105, 110, 83]).fits).toBe(true); // 10 of 11
    expect(referenceFits(ref, [4, 5, 6]).why).toBe("only 0 of 3 scores lie within the national reference's 84 to 117, so it is probably for another scale");
  });
});
