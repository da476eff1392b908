/**
 * Wilson, Newcombe and Katz intervals and the rate gap.
 *
 * Expected values from R 4.x, printed with sprintf("%.15g", x):
 *   w <- function(x, n, cl = 0.95) prop.test(x, n, correct = FALSE, conf.level = cl)$conf.int
 *   w(3, 10)  # 0.107791267406301 0.603221852538855
 *   w(3, 10, 0.9)  # 0.126876583903198 0.558300204130165
 *   w(0, 7)   # 0 0.354330435066687;  w(7, 7) # 0.645669564933313 1;  w(1, 1) # 0.206549314377238 1
 *   nc <- function(x1, n1, x2, n2) { p1 <- x1/n1; p2 <- x2/n2; a <- w(x1, n1); b <- w(x2, n2); d <- p1 - p2
 *     c(d, d - sqrt((p1 - a[1])^2 + (b[2] - p2)^2), d + sqrt((a[2] - p1)^2 + (p2 - b[1])^2)) }
 *   nc(8, 10, 3, 10)   # 0.5 0.066476314486305 0.739758634040617
 *   nc(3, 5, 2, 5)     # 0.2 -0.322234729674535 0.599344530812603
 *   nc(56, 70, 48, 80) # 0.2 0.0524314724023649 0.333872654036906 (Newcombe 1998, Table II (a): 0.0524 to 0.3339)
 *   kz <- function(x1, n1, x2, n2) { r <- (x1/n1)/(x2/n2); se <- sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2); c(r, r*exp(c(-1, 1)*qnorm(0.975)*se)) }
 *   kz(8, 10, 3, 10)   # 2.66666666666667 0.984765353342748 7.22112235871491
 *   kz(2, 5, 3, 5)     # 0.666666666666667 0.18347601040996 2.4223572523262
 */
import { newcombeDifference, rateGap, rateRatio, wilsonInterval } from '../../../src/core/outcomes';
import { thrown } from '../thrown';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('wilsonInterval', () => {
  it('matches prop.test(correct = FALSE) for 3 of 10 at 95% and 90%', () => {
    const a = wilsonInterval(3, 10, 0.95);
    expect(a.rate).toBe(0.3);
    expect(a.lower).toBeCloseTo(0.107791267406301, 12);
    expect(a.upper).toBeCloseTo(0.603221852538855, 12);
    const b = wilsonInterval(3, 10, 0.9);
    expect(b.lower).toBeCloseTo(0.126876583903198, 12);
    expect(b.upper).toBeCloseTo(0.558300204130165, 12);
  });
  it('stays inside 0..1 at 0 and n successes and for one pupil', () => {
    expect(wilsonInterval(0, 7, 0.95)).toEqual({ rate: 0, lower: 0, upper: expect.closeTo(0.354330435066687, 12) });
    expect(wilsonInterval(7, 7, 0.95)).toEqual({ rate: 1, lower: expect.closeTo(0.645669564933313, 12), upper: 1 });
    expect(wilsonInterval(1, 1, 0.95).lower).toBeCloseTo(0.206549314377238, 12);
  });
  it('is NaN with no pupils', () => {
    expect(Number.isNaN(wilsonInterval(0, 0, 0.95).lower)).toBe(true);
  });
});

describe('newcombeDifference', () => {
  it("reproduces Newcombe's published example 56/70 - 48/80 (0.0524 to 0.3339)", () => {
    const d = newcombeDifference(56, 70, 48, 80, 0.95);
    expect(d.diff).toBeCloseTo(0.2, 12);
    expect(d.lower).toBeCloseTo(0.0524314724023649, 12);
    expect(d.upper).toBeCloseTo(0.333872654036906, 12);
  });
  it('matches the by-hand R combination for 8/10 - 3/10', () => {
    const d = newcombeDifference(8, 10, 3, 10, 0.95);
    expect(d.lower).toBeCloseTo(0.066476314486305, 12);
    expect(d.upper).toBeCloseTo(0.739758634040617, 12);
  });
});

describe('rateRatio', () => {
  it("matches Katz's log interval computed in R", () => {
    const r = rateRatio(8, 10, 3, 10, 0.95);
    expect(r.ratio).toBeCloseTo(2.66666666666667, 12);
    expect(r.lower).toBeCloseTo(0.984765353342748, 12);
    expect(r.upper).toBeCloseTo(7.22112235871491, 12);
  });
  it('says why there is no ratio when the second rate is 0, and no interval when the first is', () => {
    expect(rateRatio(3, 10, 0, 10, 0.95).why).toMatch(/second rate is 0/);
    const z = rateRatio(0, 10, 3, 10, 0.95);
    expect(z.ratio).toBe(0);
    expect(Number.isNaN(z.lower)).toBe(true);
    expect(z.why).toMatch(/first rate is 0/);
  });
});

describe('rateGap', () => {
  // Disadvantaged: Y, Y, N, N, N (2 of 5) plus a blank outcome; others: Y, Y, Y, N, N (3 of 5).
  const outcomes = Object.freeze(col(['Y', 'yes', 'N', 0, 'No', '', 'Y', true, 1, 'N', 'FALSE']));
  const flags = Object.freeze(col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'N', 'N', 'N', 'N', '']));
  it('gives other minus disadvantaged with the Newcombe interval and leaves blank outcomes out (R: nc(3, 5, 2, 5))', () => {
    const r = rateGap(outcomes, flags);
    expect([r.nDisadvantaged, r.nOther, r.leftOut]).toEqual([5, 5, 1]);
    expect(r.rateDisadvantaged).toBeCloseTo(0.4, 12);
    expect(r.rateOther).toBeCloseTo(0.6, 12);
    expect(r.gap).toBeCloseTo(0.2, 12);
    expect(r.ciLower).toBeCloseTo(-0.322234729674535, 12);
    expect(r.ciUpper).toBeCloseTo(0.599344530812603, 12);
    expect(r.ratio).toBeCloseTo(0.666666666666667, 12);
    expect(r.ratioLower).toBeCloseTo(0.18347601040996, 12);
    expect(r.ratioUpper).toBeCloseTo(2.4223572523262, 12);
    expect(r.note).toMatch(/^Small group: only 5 pupils in the disadvantaged group and only 5 pupils in the other group \(fewer than 6\)/);
  });
  it('leaves an outcome written "n/a" out like a blank, as MIS exports write it (counts by hand: 2 of 5 against 3 of 4)', () => {
    const withNa = col(['Y', 'yes', 'N', 0, 'No', ' n/a ', 'Y', true, 1, 'N', 'NA']);
    const r = rateGap(withNa, flags);
    expect([r.nDisadvantaged, r.nOther, r.leftOut]).toEqual([5, 4, 2]);
    expect(r.rateDisadvantaged).toBeCloseTo(0.4, 12);
    expect(r.rateOther).toBeCloseTo(0.75, 12);
  });
  it('quotes an outcome that is not yes/no and where it is', () => {
    const bad = col(['Y', 'Y', 'N', 'N', 'N', '', 'Y', 'Y', 'Maybe', 'N', 'N']);
    expect(thrown(() => rateGap(bad, flags)).message).toMatch(/^outcomes holds "Maybe" at row 9 of the range, which is not a yes\/no flag/);
    expect(thrown(() => rateGap(outcomes, col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'N', 'N', 'N', 'N', 'K']))).message).toMatch(/^disadvantaged holds "K" at row 11/);
  });
  it('says which group is empty and rejects unequal ranges and a bad confidence', () => {
    const e = thrown(() => rateGap(col(['Y', 'N']), col(['N', 'N'])));
    expect(e.kind).toBe('na');
    expect(e.message).toMatch(/disadvantaged pupil with an outcome/);
    expect(thrown(() => rateGap(col(['Y', 'N']), col(['Y', 'Y']))).message).toBe('needs at least one pupil who is not disadvantaged with an outcome');
    expect(thrown(() => rateGap(col(['Y']), col(['Y', 'N']))).message).toBe('outcomes has 1 cell but disadvantaged has 2: select ranges of the same size');
    expect(thrown(() => rateGap(outcomes, flags, 95)).message).toMatch(/^confidence must be a fraction between 0 and 1/);
  });
  it('has no note when both groups have 6 or more pupils', () => {
    const o = col([...Array(6).fill('Y'), ...Array(6).fill('N')]);
    const f = col([...Array(3).fill('Y'), ...Array(3).fill('N'), ...Array(3).fill('Y'), ...Array(3).fill('N')]);
    expect(rateGap(o, f).note).toBe('');
  });
});
