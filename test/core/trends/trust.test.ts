import { trustFunnel } from '../../../src/core/trends/trust';

// Three schools of 8, 7 and 6 pupils. Every expected number below was produced in R with:
//   s <- c(rep("A",8), rep("B",7), rep("C",6)); d <- c(1,1,1,0,0,0,0,0, 1,1,0,0,0,0,0, 1,1,1,0,0,0)
//   y <- c(40,45,38,50,52,47,55,49, 44,48,51,50,46,53,49, 30,35,33,52,50,54)
//   per school: t.test(y[s==k & d==0], y[s==k & d==1]) -> estimate difference and $stderr
//   DerSimonian-Laird by hand: w <- 1/se^2; Q <- sum(w*(yi-m)^2); tau2 <- max(0,(Q-2)/(sum(w)-sum(w^2)/sum(w)))
//     mu <- sum(yi/(se^2+tau2))/sum(1/(se^2+tau2)); shrunken <- mu + tau2/(tau2+se^2)*(yi-mu)
//   limits: tg + c(-1,1)*qnorm(0.975)*sp*sqrt(1/n + 1/(n*r)), sp the pooled SD, r = others/disadvantaged
const S = [...'AAAAAAAA', ...'BBBBBBB', ...'CCCCCC'];
const D = [1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0].map(Boolean);
const Y = [40, 45, 38, 50, 52, 47, 55, 49, 44, 48, 51, 50, 46, 53, 49, 30, 35, 33, 52, 50, 54];

describe('trustFunnel', () => {
  const f = trustFunnel(Object.freeze(S) as string[], Object.freeze(D) as boolean[], Float64Array.from(Y));

  it("gives each school's gap and Welch SE (R: t.test)", () => {
    expect(f.schools.map((s) => s.school)).toEqual(['A', 'B', 'C']);
    expect(f.schools[0].gap).toBeCloseTo(9.6, 10);
    expect(f.schools[0].se).toBeCloseTo(2.48864086065735, 10);
    expect(f.schools[1].se).toBeCloseTo(2.31084400165827, 10);
    expect(f.schools[2].gap).toBeCloseTo(19.33333333333334, 10);
    expect(f.schools[2].se).toBeCloseTo(1.85592145427667, 10);
  });

  it('shrinks each gap toward the random-effects average (R: DerSimonian-Laird by hand)', () => {
    expect(f.tau2).toBeCloseTo(65.7817606330366, 8);
    expect(f.shrinkTarget).toBeCloseTo(10.9927427042468, 8);
    expect(f.schools.map((s) => s.shrunken)).toEqual([
      expect.closeTo(9.71984311988532, 8),
      expect.closeTo(4.34004914527996, 8),
      expect.closeTo(18.91833584757504, 8),
    ]);
  });

  it('puts 95% and 99.8% limits around the trust gap at each school size (R: qnorm(0.975), qnorm(0.999))', () => {
    expect(f.gapView.target).toBeCloseTo(11.49038461538461, 10);
    const a = f.schools[0].gapView;
    expect(a?.limits95.lower).toBeCloseTo(5.24784963836256, 10);
    expect(a?.limits95.upper).toBeCloseTo(17.73291959240666, 10);
    expect(a?.limits998.lower).toBeCloseTo(1.64791638099861, 10);
    expect(a?.limits998.upper).toBeCloseTo(21.33285284977061, 10);
    expect(f.schools[1].gapView?.limits95.lower).toBeCloseTo(3.84487191779425, 10);
  });

  it('names a school below the lower limit one to learn from and one above the upper limit one to support', () => {
    expect(f.schools[0].gapView?.outside).toBeNull();
    expect(f.schools[1].gapView?.outside).toEqual({ side: 'learn from', level: 0.95 });
    expect(f.schools[2].gapView?.outside).toEqual({ side: 'support', level: 0.95 });
  });

  it("compares each school's disadvantaged pupils with the trust's other pupils (R: mean(D[1:3]) - mean(O))", () => {
    expect(f.othersView.target).toBeCloseTo(-11.49038461538461, 10);
    expect(f.othersView.sd).toBeCloseTo(6.28916301494654, 10);
    const a = f.schools[0].othersView;
    expect(a?.value).toBeCloseTo(-9.61538461538461, 10);
    expect(a?.limits95.lower).toBeCloseTo(-18.6071117623776, 10);
    expect(a?.limits95.upper).toBeCloseTo(-4.37365746839163, 10);
    expect(a?.outside).toBeNull();
  });

  it('leaves pupils with no outcome out and draws limit lines up past the largest school', () => {
    const y = Float64Array.from([...Y, NaN]);
    const g = trustFunnel([...S, 'A'], [...D, true], y);
    expect(g.schools[0].nDisadvantaged).toBe(3);
    expect(g.gapView.curve[0].n).toBe(2);
    expect(g.gapView.curve[g.gapView.curve.length - 1].n).toBeGreaterThanOrEqual(3);
  });

  it('refuses lists of different lengths and fewer than two schools with both groups', () => {
    expect(() => trustFunnel(S, D.slice(1), Float64Array.from(Y))).toThrow(/one of each per pupil/);
    expect(() => trustFunnel(S.map(() => 'A'), D, Float64Array.from(Y))).toThrow(/at least 2 schools/);
  });
});
