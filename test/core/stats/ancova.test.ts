/**
 * The ANCOVA fit against R 4.x with the sandwich package: `Rscript test/core/stats/ancova.R` prints
 * line 1: lm(y ~ x + t): coef t, coef x, SE, HC1, HC3, vcovCL(cluster = g) SEs;
 * line 2: lm(y ~ x + t, weights = w): coef t, SE, HC1, HC3, vcovCL SEs;
 * line 3: the re-use SE, s0^2 (X'WX)^-1 X'W^2X (X'WX)^-1 with s0^2 = sum(e^2) / (n - 3).
 * Scores near 1,000 check that centring keeps full precision.
 */
import { ancova } from '../../../src/core/stats/ancova';

const y = [1003, 1005, 1001, 1010, 1008, 1002, 1004, 1007, 1000, 1006];
const x = [1000, 1002, 999, 1006, 1003, 1001, 1000, 1004, 998, 1002];
const t = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
const w = [1, 1, 1, 1, 0.5, 1.5, 2, 1, 0.5, 0.5];
const g = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e'];

describe('ancova', () => {
  it('matches lm, vcovHC (HC1, HC3) and vcovCL without weights (R line 1)', () => {
    const f = ancova(y, x, t, null, g);
    expect(f.ok).toBe(true);
    expect([f.n, f.k, f.df]).toEqual([10, 3, 7]);
    expect(f.c).toBeCloseTo(-0.2759999999998, 10);
    expect(f.b).toBeCloseTo(1.26239999999997, 10);
    expect(f.se).toBeCloseTo(0.744870458536274, 10);
    expect(f.seHC1).toBeCloseTo(0.627723200995602, 10);
    expect(f.seHC3).toBeCloseTo(0.67377889728944, 10);
    expect(f.seCR1).toBeCloseTo(0.236810120895865, 10);
    expect(f.clusters).toBe(5);
  });
  it('matches lm(weights = w) and its sandwich standard errors (R line 2)', () => {
    const f = ancova(y, x, t, w, g);
    expect(f.c).toBeCloseTo(-0.112701252236044, 10);
    expect(f.se).toBeCloseTo(0.825869090684041, 10);
    expect(f.seHC1).toBeCloseTo(0.797492555966492, 10);
    expect(f.seHC3).toBeCloseTo(0.970664213811337, 10);
    expect(f.seCR1).toBeCloseTo(0.561066809421809, 10);
    expect(f.seReuse).toBeCloseTo(0.802778506105045, 10);
  });
  it('leaves out pupils with weight 0 and says why a fit is impossible', () => {
    expect(ancova([1, 2, 3, 4, 99], [1, 2, 3, 5, 0], [1, 1, 0, 0, 1], [1, 1, 1, 1, 0]).n).toBe(4);
    expect(ancova([1, 2], [1, 2], [1, 1]).reason).toMatch(/no comparison pupils/);
    expect(ancova([1, 2], [1, 2], [0, 0]).reason).toMatch(/no intervention pupils/);
    expect(ancova([1, 2, 3, 4], [5, 5, 6, 6], [1, 1, 0, 0]).reason).toMatch(/tells the two groups apart exactly/);
  });
});
