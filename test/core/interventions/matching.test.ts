import { matchComparison } from '../../../src/core/interventions/matching';
import { hedgesG } from '../../../src/core/interventions/standardisedDifference';
import { GapsError } from '../../../src/core/errors';

// Reference values for Hedges' g come from R 4.x with
// Rscript -e 'g<-function(a,b){n1<-length(a);n2<-length(b);sp<-sqrt(((n1-1)*var(a)+(n2-1)*var(b))/(n1+n2-2));
//   (1-3/(4*(n1+n2)-9))*(mean(a)-mean(b))/sp}; print(g(c(100,97),c(101.5,99)),digits=15)'

const T = true;
const F = false;

function pairsOf(r: ReturnType<typeof matchComparison>): Array<[number, number]> {
  return r.pairs.map((p) => [p.intervention, p.comparison]);
}

describe('matchComparison', () => {
  it('counts a pre-test difference exactly equal to the tolerance as a match', () => {
    const r = matchComparison([100, 103, 96.9], [T, F, F], 3);
    expect(pairsOf(r)).toEqual([[0, 1]]);
    expect(r.pairs[0].difference).toBe(3);
  });

  it('leaves a pupil unmatched when the nearest comparison pupil is just outside the tolerance', () => {
    const r = matchComparison([100, 103.01, 96.99], [T, F, F], 3);
    expect(r.pairs).toEqual([]);
    expect(r.unmatched).toEqual([{ index: 0, reason: 'no comparison pupil within the tolerance' }]);
  });

  it('treats decimal differences that equal the tolerance on paper as within it', () => {
    // 0.4 - 0.1 is 0.30000000000000004 in floating point
    const r = matchComparison([0.1, 0.4], [T, F], 0.3);
    expect(pairsOf(r)).toEqual([[0, 1]]);
  });

  it('pairs with the nearest comparison pupil, not the first within the tolerance', () => {
    const r = matchComparison([100, 97, 101, 99.5], [T, F, F, F], 3);
    expect(pairsOf(r)).toEqual([[0, 3]]);
    expect(r.pairs[0].difference).toBe(0.5);
  });

  it('lets equally near comparison pupils share the weight, above and below or with the same score', () => {
    const r = matchComparison([100, 103, 97], [T, F, F], 3);
    expect(r.pairs).toEqual([{ intervention: 0, comparison: 1, partners: 2, difference: 3 }]);
    expect(Array.from(r.weights)).toEqual([1, 0.5, 0.5]);
    const s = matchComparison([101, 101, 100, 101], [F, F, T, F], 1);
    expect(s.pairs[0].partners).toBe(3);
    expect(Array.from(s.weights)).toEqual([1 / 3, 1 / 3, 1, 1 / 3]);
    expect(s.balance.effectiveComparisonSize).toBeCloseTo(3, 14); // (1)^2 / (3 x 1/9)
  });

  it('matches with replacement: one comparison pupil can serve several intervention pupils', () => {
    const r = matchComparison([100, 100, 100, 100], [T, T, T, F], 5);
    expect(r.pairs.map((p) => p.comparison)).toEqual([3, 3, 3]);
    expect(Array.from(r.weights)).toEqual([1, 1, 1, 3]);
    expect(r.unmatched).toEqual([]);
    expect(r.balance.comparisonPupils).toBe(1);
    expect(r.balance.effectiveComparisonSize).toBe(1);
  });

  it('gives the weights, Kish effective size and balance before and after matching', () => {
    // 90 -> 99 (9 points), 100 -> 101 and 99 equally near (shared), 110 -> 101
    const r = matchComparison([90, 100, 110, 101, 99], [T, T, T, F, F], 15);
    expect(Array.from(r.weights)).toEqual([1, 1, 1, 1.5, 1.5]);
    expect(r.balance.effectiveComparisonSize).toBe(2); // 3^2 / (1.5^2 + 1.5^2)
    expect(r.balance.maxDifference).toBe(9);
    expect(r.balance.meanDifference).toBeCloseTo(19 / 3, 14);
  });

  it('matches everyone when every intervention pupil has a partner, with the balance of the pairs', () => {
    const pre = [100, 90, 110, 95, 101, 89, 110, 96];
    const flags = [T, T, T, T, F, F, F, F];
    const r = matchComparison(pre, flags, 1);
    expect(pairsOf(r)).toEqual([
      [0, 4],
      [1, 5],
      [2, 6],
      [3, 7],
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.balance.pairs).toBe(4);
    expect(r.balance.maxDifference).toBe(1);
    // R: a <- c(100,90,110,95); b <- c(101,89,110,96); (mean(a)-mean(b))/sqrt((var(a)+var(b))/2)
    expect(r.balance.standardisedDifference).toBeCloseTo(-0.0287797093993108, 12);
    expect(r.balance.standardisedDifferenceBefore).toBeCloseTo(-0.0287797093993108, 12);
  });

  it('gives the same weights and balance, to the last digit, whatever the order of the rows', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pre = Array.from({ length: 400 }, () => Math.round(70 + 60 * rand()) / 2);
    const flags = pre.map((x) => x < 55 && rand() < 0.6);
    const r = matchComparison(pre, flags, 1);
    const order = pre.map((_, i) => i).sort(() => rand() - 0.5).sort(() => rand() - 0.5);
    const s = matchComparison(order.map((i) => pre[i]), order.map((i) => flags[i]), 1);
    order.forEach((i, j) => expect(s.weights[j]).toBe(r.weights[i]));
    expect(s.balance).toEqual(r.balance);
    expect(s.pairs.length).toBe(r.pairs.length);
  });

  it('returns no pairs and empty balance when no match is possible', () => {
    const r = matchComparison([100, 80], [T, F], 5);
    expect(r.pairs).toEqual([]);
    expect(r.unmatched).toEqual([{ index: 0, reason: 'no comparison pupil within the tolerance' }]);
    expect(r.balance.pairs).toBe(0);
    expect(r.balance.interventionMean).toBeNaN();
    expect(r.balance.standardisedDifference).toBeNaN();
    expect(r.balance.maxDifference).toBe(0);
  });

  it('returns no pairs when nobody received the intervention or nobody is left to compare with', () => {
    expect(matchComparison([100, 101], [F, F], 5).pairs).toEqual([]);
    const all = matchComparison([100, 101], [T, T], 5);
    expect(all.pairs).toEqual([]);
    expect(all.unmatched.map((u) => u.index)).toEqual([0, 1]);
  });

  it('with tolerance 0 pairs only identical pre-test scores', () => {
    const r = matchComparison([100, 100.5, 100, 99], [T, T, F, F], 0);
    expect(pairsOf(r)).toEqual([[0, 2]]);
    expect(r.unmatched).toEqual([{ index: 1, reason: 'no comparison pupil within the tolerance' }]);
  });

  it('never pairs a pupil without a pre-test score, and says why', () => {
    const r = matchComparison([NaN, 100, 100, NaN], [T, T, F, F], 10);
    expect(pairsOf(r)).toEqual([[1, 2]]);
    expect(r.unmatched).toEqual([{ index: 0, reason: 'no pre-test score' }]);
  });

  it.each([[-1], [NaN], [Infinity], ['3' as unknown as number]])('rejects a tolerance of %p with a message', (tol) => {
    expect(() => matchComparison([100, 100], [T, F], tol)).toThrow(GapsError);
    try {
      matchComparison([100, 100], [T, F], tol);
    } catch (e) {
      expect((e as GapsError).kind).toBe('value');
      expect((e as GapsError).message).toMatch(/tolerance must be a number of score points of 0 or more/);
    }
  });

  it('rejects lists of different lengths', () => {
    expect(() => matchComparison([100, 100], [T], 1)).toThrow(/pre-test has 2 pupils but the intervention flags have 1/);
  });

  it('does not change its inputs', () => {
    const pre = Object.freeze([100, 97, 99, 101.5]);
    const flags = Object.freeze([T, T, F, F]);
    expect(() => matchComparison(pre, flags, 2)).not.toThrow();
    expect(pre).toEqual([100, 97, 99, 101.5]);
  });

  it('matches a large cohort with every match within the tolerance', () => {
    const n = 3000;
    const pre: number[] = [];
    const flags: boolean[] = [];
    for (let k = 0; k < n; k++) {
      pre.push(70 + ((k * 37) % 71));
      flags.push(k % 3 === 0);
    }
    const r = matchComparison(pre, flags, 2);
    expect(r.pairs.length + r.unmatched.length).toBe(1000);
    for (const p of r.pairs) expect(Math.abs(pre[p.intervention] - pre[p.comparison])).toBeLessThanOrEqual(2);
    let total = 0;
    r.weights.forEach((w, k) => { if (!flags[k]) total += w; });
    expect(total).toBeCloseTo(r.pairs.length, 9); // each matched pupil hands out a weight of 1
  });
});

describe('hedgesG', () => {
  it('agrees with R for two small groups', () => {
    expect(hedgesG([1, 2, 3, 4], [2, 3, 4, 5])).toBeCloseTo(-0.673562321079551, 12); // R, see top of file
  });

  it('is NaN without a spread or with too few pupils', () => {
    expect(hedgesG([5, 5], [5, 5])).toBeNaN();
    expect(hedgesG([5], [6])).toBeNaN();
    expect(hedgesG([], [1, 2, 3])).toBeNaN();
  });
});
