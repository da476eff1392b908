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

  it('breaks a tie in difference by taking the earlier row', () => {
    expect(pairsOf(matchComparison([100, 103, 97], [T, F, F], 3))).toEqual([[0, 1]]);
    expect(pairsOf(matchComparison([100, 97, 103], [T, F, F], 3))).toEqual([[0, 1]]);
    // equal scores: the earlier row again, wherever the pupils sit in the list
    expect(pairsOf(matchComparison([101, 101, 100, 101], [F, F, T, F], 1))).toEqual([[2, 0]]);
  });

  it('matches the pupil with fewest possible partners first, so nobody is left out needlessly', () => {
    // Pupil 0 (100) could take 99 or 101.5; pupil 1 (97) can only take 99.
    const r = matchComparison([100, 97, 99, 101.5], [T, T, F, F], 2);
    expect(pairsOf(r)).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.balance.interventionMean).toBe(98.5);
    expect(r.balance.comparisonMean).toBe(100.25);
    expect(r.balance.standardisedDifference).toBeCloseTo(-0.512147519731584, 12); // R, see top of file
    expect(r.balance.maxDifference).toBe(2);
    expect(r.balance.meanDifference).toBe(1.75);
  });

  it('uses each comparison pupil at most once', () => {
    const r = matchComparison([100, 100, 100, 100], [T, T, T, F], 5);
    expect(r.pairs).toHaveLength(1);
    expect(new Set(r.pairs.map((p) => p.comparison)).size).toBe(r.pairs.length);
    expect(r.unmatched.map((u) => u.index)).toEqual([1, 2]);
  });

  it('leaves the extra pupils unmatched when more pupils received the intervention than not', () => {
    const r = matchComparison([90, 100, 110, 101, 99], [T, T, T, F, F], 15);
    expect(r.pairs).toHaveLength(2);
    expect(r.unmatched).toHaveLength(1);
    const used = r.pairs.map((p) => p.comparison).sort();
    expect(used).toEqual([3, 4]);
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
    expect(r.balance.standardisedDifference).toBeCloseTo(-0.0250258342602703, 12); // R, see top of file
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

  it('matches a large cohort with every pair within the tolerance and no partner used twice', () => {
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
    expect(new Set(r.pairs.map((p) => p.comparison)).size).toBe(r.pairs.length);
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
