/**
 * Differences of gaps, pooled gaps, funnel limits, shrinkage and contextual value added.
 *
 * R 4.4 with metafor 4.x, values printed by sprintf("%.15g", x):
 *   o1 <- c(110,95,107,99,104,101); d1 <- c(98,88,101,92); o2 <- c(103,99,112,108,97); d2 <- c(100,96,104,99,93)
 *   o3 <- c(105,100,98,111); d3 <- c(97,101,90); t1 <- t.test(o1, d1); t2 <- t.test(o2, d2); t3 <- t.test(o3, d3)
 *   c(t1$stderr, t1$parameter)   # 3.67971164329187 6.23720064006463
 *   ch <- (mean(o2)-mean(d2)) - (mean(o1)-mean(d1)); se <- sqrt(t1$stderr^2 + t2$stderr^2)
 *   df <- se^4/(t1$stderr^4/t1$parameter + t2$stderr^4/t2$parameter)
 *   c(ch, se, df, ch + c(-1,1)*qt(0.975, df)*se)  # -2.51666666666668 4.97395996945872 12.9228534550743 -13.2687784421336 8.23544510880027
 *   v <- c(var(o1)/6, var(d1)/4, var(o2)/5, var(d2)/5); sum(v)^2/sum(v^2/(c(6,4,5,5)-1))   # 12.9228534550743 (the same df)
 *   -4 + c(-1,1)*qnorm(0.975)*2.5       # -8.89990996135013 0.899909961350134
 *   t.test(c(o1,o2,o3), c(d1,d2,d3))$conf.int   # 2.58403388472608 10.7826327819406 (gap 6.68333333333334)
 *   g <- c(mean(o1)-mean(d1), mean(o2)-mean(d2), mean(o3)-mean(d3)); fe <- rma(g, sei = c(t1$stderr, t2$stderr, t3$stderr), method = "FE")
 *   c(fe$b, fe$se, fe$ci.lb, fe$ci.ub)  # 6.77599388784599 2.14930652204801 2.56343051289484 10.9885572627971
 *   100 + c(-1,1)*qnorm(0.975)*15/sqrt(25)   # 94.1201080463798 105.87989195362
 *   100 + c(-1,1)*qnorm(0.999)*15/sqrt(4)    # 76.8232577037414 123.176742296259
 *   fl <- function(p, n, th) { r <- qbinom(p, n, th); a <- (pbinom(r,n,th) - p)/(pbinom(r,n,th) - pbinom(r-1,n,th)); (r - a)/n }
 *   c(fl(0.025,50,.3), fl(0.975,50,.3))      # 0.166139380311935 0.42013588671688
 *   c(fl(0.001,200,.3), fl(0.999,200,.3))    # 0.200523260210929 0.400105406228201
 *   c(fl(0.025,10,.05), fl(0.975,10,.05))    # -0.0958245435747123 (below 0, so 0) 0.181916689147244
 *   r <- rma(c(8,2,5,-1,12,4), sei = c(3,1.5,2,4,6,1), method = "DL"); c(r$tau2, r$b); blup(r)$pred
 *     # 1.72069597069597 3.97336535931632; 4.6196493338482 3.11821002948344 4.2821610196084 3.49044698248022 4.33951443289659 3.99021035758109
 *   r0 <- rma(c(5,2,9), sei = c(1,2,3), method = "DL"); c(r0$tau2, r0$b)  # 3.42857142857143 4.8139929808672
 *   blup(r0)$pred   # 4.95799841503453 3.51522698969772 5.96875353786935
 *   rma(c(1,2,1.5), sei = c(1,1,1), method = "DL")$tau2   # 0 (so every unit is shrunk to the overall, 1.5)
 */
import { contextualValueAdded, funnelLimits, funnelLimitsProportion, gapDifference, gapEstimate, leastSquaresQR, pooledGap, shrink } from '../../../src/core/trends';
import { momentsOf } from '../../../src/core/stats/moments';
import { thrown } from '../thrown';

const o1 = [110, 95, 107, 99, 104, 101], d1 = [98, 88, 101, 92];
const o2 = [103, 99, 112, 108, 97], d2 = [100, 96, 104, 99, 93];
const o3 = [105, 100, 98, 111], d3 = [97, 101, 90];

describe('gapEstimate', () => {
  it("gives t.test's standard error and Welch df", () => {
    const g = gapEstimate(momentsOf(o1), momentsOf(d1));
    expect(g.gap).toBeCloseTo(7.91666666666667, 12);
    expect(g.se).toBeCloseTo(3.67971164329187, 12);
    expect(g.df).toBeCloseTo(6.23720064006463, 10);
  });
  it('needs two pupils in each group', () => {
    expect(thrown(() => gapEstimate(momentsOf(o1), momentsOf([99]))).message).toBe('needs at least 2 disadvantaged pupils with a score to measure the spread (there is 1)');
  });
});

describe('gapDifference', () => {
  it('combines two cohorts with SE = sqrt(SE1^2 + SE2^2) and Satterthwaite df over the four groups', () => {
    const c = gapDifference(gapEstimate(momentsOf(o1), momentsOf(d1)), gapEstimate(momentsOf(o2), momentsOf(d2)));
    expect(c.change).toBeCloseTo(-2.51666666666668, 10);
    expect(c.se).toBeCloseTo(4.97395996945872, 12);
    expect(c.df).toBeCloseTo(12.9228534550743, 9);
    expect(c.lower).toBeCloseTo(-13.2687784421336, 9);
    expect(c.upper).toBeCloseTo(8.23544510880027, 9);
    expect(c.word).toBe('no clear change');
  });
  it('uses a normal interval for gaps known only by their SE', () => {
    const c = gapDifference({ gap: 5, se: 2 }, { gap: 1, se: 1.5 });
    expect(c.df).toBe(Infinity);
    expect(c.lower).toBeCloseTo(-8.89990996135013, 12);
    expect(c.upper).toBeCloseTo(0.899909961350134, 12);
  });
  it('says narrowed or widened only when the interval leaves out 0', () => {
    expect(gapDifference({ gap: 10, se: 1 }, { gap: 2, se: 1 }).word).toBe('narrowed');
    expect(gapDifference({ gap: 2, se: 1 }, { gap: 10, se: 1 }).word).toBe('widened');
  });
  it('rejects a negative standard error and a bad confidence', () => {
    expect(thrown(() => gapDifference({ gap: 1, se: -1 }, { gap: 1, se: 1 })).message).toMatch(/^the first gap needs a gap and a standard error of 0 or more/);
    expect(thrown(() => gapDifference({ gap: 1, se: 1 }, { gap: 1, se: 1 }, 1)).message).toMatch(/^confidence must be a fraction/);
  });
});

describe('pooledGap', () => {
  const cohorts = Object.freeze([
    { other: o1, disadvantaged: d1 },
    { other: o2, disadvantaged: d2 },
    { other: o3, disadvantaged: d3 },
  ]);
  it('pooling pupils matches t.test on the three years together', () => {
    const p = pooledGap(cohorts, 'pupils');
    expect(p.gap).toBeCloseTo(6.68333333333334, 10);
    expect(p.lower).toBeCloseTo(2.58403388472608, 9);
    expect(p.upper).toBeCloseTo(10.7826327819406, 9);
    expect(p.cohorts.map((c) => c.nDisadvantaged)).toEqual([4, 5, 3]);
  });
  it('inverse-variance weighting matches metafor rma(method = "FE")', () => {
    const p = pooledGap(cohorts, 'inverse-variance');
    expect(p.gap).toBeCloseTo(6.77599388784599, 10);
    expect(p.se).toBeCloseTo(2.14930652204801, 10);
    expect(p.lower).toBeCloseTo(2.56343051289484, 9);
    expect(p.upper).toBeCloseTo(10.9885572627971, 9);
  });
  it('pools pupils even when one year has a single disadvantaged pupil', () => {
    const p = pooledGap([{ other: o1, disadvantaged: [90] }, { other: o2, disadvantaged: d2 }]);
    expect(Number.isNaN(p.cohorts[0].se)).toBe(true);
    expect(Number.isFinite(p.lower)).toBe(true);
    expect(thrown(() => pooledGap([{ other: o1, disadvantaged: [90] }], 'inverse-variance')).kind).toBe('na');
    expect(thrown(() => pooledGap([])).message).toBe('needs at least one cohort of pupils');
  });
});

describe('funnel limits', () => {
  it('are overall +- z sd / sqrt(n) for a mean, at 95% and 99.8%', () => {
    const a = funnelLimits(25, 100, 15, 0.95);
    expect(a.lower).toBeCloseTo(94.1201080463798, 10);
    expect(a.upper).toBeCloseTo(105.87989195362, 10);
    const b = funnelLimits(4, 100, 15, 0.998);
    expect(b.lower).toBeCloseTo(76.8232577037414, 10);
    expect(b.upper).toBeCloseTo(123.176742296259, 10);
  });
  it("follow Spiegelhalter's interpolated binomial limits for a proportion, clamped at 0", () => {
    const a = funnelLimitsProportion(50, 0.3, 0.95);
    expect(a.lower).toBeCloseTo(0.166139380311935, 10);
    expect(a.upper).toBeCloseTo(0.42013588671688, 10);
    const b = funnelLimitsProportion(200, 0.3, 0.998);
    expect(b.lower).toBeCloseTo(0.200523260210929, 10);
    expect(b.upper).toBeCloseTo(0.400105406228201, 10);
    const c = funnelLimitsProportion(10, 0.05, 0.95);
    expect(c.lower).toBe(0);
    expect(c.upper).toBeCloseTo(0.181916689147244, 10);
  });
  it('reject an n of 0, a negative sd and a proportion above 1', () => {
    expect(thrown(() => funnelLimits(0, 100, 15)).message).toBe('each n must be a number of pupils above 0, but one is 0');
    expect(thrown(() => funnelLimits(5, 100, -1)).message).toMatch(/^sd must be a standard deviation of 0 or more/);
    expect(thrown(() => funnelLimitsProportion(5, 30)).message).toMatch(/^overall must be a proportion from 0 to 1/);
  });
});

describe('shrink', () => {
  it('matches metafor blup(rma(method = "DL")) for six schools', () => {
    const s = shrink([8, 2, 5, -1, 12, 4], [3, 1.5, 2, 4, 6, 1]);
    expect(s.tau2).toBeCloseTo(1.72069597069597, 10);
    expect(s.overall).toBeCloseTo(3.97336535931632, 10);
    const r = [4.6196493338482, 3.11821002948344, 4.2821610196084, 3.49044698248022, 4.33951443289659, 3.99021035758109];
    s.shrunken.forEach((x, i) => expect(x).toBeCloseTo(r[i], 10));
  });
  it('matches the three-unit example', () => {
    const s = shrink([5, 2, 9], [1, 2, 3]);
    expect(s.tau2).toBeCloseTo(3.42857142857143, 10);
    [4.95799841503453, 3.51522698969772, 5.96875353786935].forEach((x, i) => expect(s.shrunken[i]).toBeCloseTo(x, 10));
  });
  it('shrinks every unit to the overall when they differ no more than chance (tau2 = 0)', () => {
    const s = shrink([1, 2, 1.5], [1, 1, 1]);
    expect(s.tau2).toBe(0);
    s.shrunken.forEach((x) => expect(x).toBeCloseTo(1.5, 12));
  });
  it('rejects a standard error of 0 and mismatched lists', () => {
    expect(thrown(() => shrink([1, 2], [1, 0])).message).toBe('standard error 2 must be above 0, but it is 0');
    expect(thrown(() => shrink([1, 2], [1])).message).toMatch(/^there are 2 estimates but 1 standard errors/);
  });
});

/*
 * Contextual value added, R 4.4:
 *   y <- c(102,95,110,88,99,105,93,108,97,101,90,112); x <- c(100,96,108,90,101,103,95,104,99,98,92,110)
 *   dis <- c(0,1,0,1,1,0,1,0,0,1,1,0); eal <- c(0,0,1,0,1,0,0,1,0,0,1,0); sch <- rep(c("A","B","C"), each = 4)
 *   m <- lm(y ~ x + dis + eal); coef(m)  # -19.5527770465915 1.20479073440379 -0.891813635167116 -0.236377994208999
 *   resid(m)  # 1.07370360621211 -0.215319821005527 -0.32824427480916 0.0134245854172297 -2.00289549881549 0.459331403000806
 *             # -1.01052908660174 2.49091866280601 -2.72150565938402 3.37509871018689 -0.159778889181359 -0.974203737825745
 *   sigma(m)  # 2.01643353761899
 *   mr <- tapply(resid(m), sch, mean)   # 0.135891023953663 -0.0157936299026028 -0.12009739405106
 *   mr["A"] + c(-1,1)*qnorm(0.975)*sigma(m)/sqrt(4)   # -1.84017753152229 2.11195957942962
 *   coef(lm(c(2,5,6) ~ c(1,2,3))); sigma(...)   # 0.333333333333333 2; 0.816496580927725
 */
describe('contextual value added', () => {
  const y = [102, 95, 110, 88, 99, 105, 93, 108, 97, 101, 90, 112];
  const x = [100, 96, 108, 90, 101, 103, 95, 104, 99, 98, 92, 110];
  const dis = [0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
  const eal = [0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0];
  const sch = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C'];
  const context = dis.map((d, i) => [d, eal[i]]);
  it('matches lm coefficients, residuals and sigma', () => {
    const r = contextualValueAdded(y, x, context, { groups: sch, centre: 100 });
    [-19.5527770465915, 1.20479073440379, -0.891813635167116, -0.236377994208999].forEach((b, i) => expect(r.coefficients[i]).toBeCloseTo(b, 9));
    const res = [1.07370360621211, -0.215319821005527, -0.32824427480916, 0.0134245854172297, -2.00289549881549, 0.459331403000806, -1.01052908660174, 2.49091866280601, -2.72150565938402, 3.37509871018689, -0.159778889181359, -0.974203737825745];
    res.forEach((e, i) => expect(r.residuals[i]).toBeCloseTo(e, 9));
    expect(r.sigma).toBeCloseTo(2.01643353761899, 10);
    expect(r.groups.map((g) => g.group)).toEqual(['A', 'B', 'C']);
    [0.135891023953663, -0.0157936299026028, -0.12009739405106].forEach((m, i) => expect(r.groups[i].meanResidual).toBeCloseTo(m, 9));
    expect(r.groups[0].lower).toBeCloseTo(-1.84017753152229, 9);
    expect(r.groups[0].upper).toBeCloseTo(2.11195957942962, 9);
    expect(r.groups[0].centred).toBeCloseTo(100.135891023954, 9);
  });
  it('leaves out a pupil with a missing value and gives them a NaN residual', () => {
    const r = contextualValueAdded([...y, NaN], [...x, 100], [...context, [0, 0]]);
    expect(r.n).toBe(12);
    expect(Number.isNaN(r.residuals[12])).toBe(true);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0].centred).toBeNaN();
  });
  it('names a constant context column and a value that is not 0/1', () => {
    const allEal = dis.map((d) => [d, 1]);
    expect(thrown(() => contextualValueAdded(y, x, allEal, { contextNames: ['disadvantaged', 'EAL'] })).message).toBe(
      'EAL is constant or a combination of the other columns, so its effect cannot be told apart: leave it out',
    );
    expect(thrown(() => contextualValueAdded(y, x, dis.map((d) => [d * 2]), { contextNames: ['SEND'] })).message).toBe('SEND holds 2 for pupil 2: context columns are 0/1 (yes/no)');
  });
  it('solves a simple line like lm', () => {
    const f = leastSquaresQR([[1, 1], [1, 2], [1, 3]], [2, 5, 6]);
    expect(f.coefficients[0]).toBeCloseTo(0.333333333333333, 12);
    expect(f.coefficients[1]).toBeCloseTo(2, 12);
    expect(f.sigma).toBeCloseTo(0.816496580927725, 12);
  });
});
