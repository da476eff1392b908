/**
 * The missing-data set on every gap measure: a pupil whose score cell is blank, spaces, a word, NaN,
 * infinite, a boolean or an error value is left out, so adding such pupils (to either group) never
 * changes a result; empty ranges and single values give #N/A naming the group; inputs are not
 * mutated.
 *
 * The base pupils, checked in R 4.x (Rscript -e, values printed with sprintf("%.15g", x)):
 *   s <- c(3, 5, 7, 4, 8, 9); f <- c(TRUE, TRUE, TRUE, FALSE, FALSE, FALSE)
 *   mean(s[!f]) - mean(s[f])                                   # 2
 *   r <- rank(s); 20 * (mean(r[!f]) - mean(r[f])) / 6         # 5.55555555555555
 *   mean(s[!f] >= 5) - mean(s[f] >= 5)                        # 0
 *   t.test(s[!f], s[f])$conf.int                              # -3.47613273000648 7.47613273000648
 *   sp <- sqrt((2*var(s[!f]) + 2*var(s[f])) / 4); (1 - 3/(4*6 - 9)) * 2 / sp   # 0.682242292337953
 */
import { effectSize, fsmGap, gapIndex, gapSummary, groupGap, progressGap, representation, thresholdGap } from '../../../src/core/gaps';
import { GapsError } from '../../../src/core/errors';
import type { Grid } from '../../../src/core/cells';

const col = (xs: readonly unknown[]) => xs.map((x) => [x]);
const freezeGrid = (g: unknown[][]): Grid => Object.freeze(g.map((r) => Object.freeze([...r])));

const SCORES = [3, 5, 7, 4, 8, 9];
const FLAGS = ['Y', 'Y', 'Y', 'N', 'N', 'N'];

const MISSING: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['an empty string', ''],
  ['spaces', '   '],
  ['the word ABS', 'ABS'],
  ['a grade with a plus', '5+'],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['TRUE', true],
  ['FALSE', false],
  ['an #N/A error value', { code: '#N/A', message: 'lookup' }],
  ['a #DIV/0! error value', { code: '#DIV/0!' }],
];

/** Each measure as (scores, flags) -> number, with its value on the base pupils (R, above). */
const MEASURES: Array<[string, (s: Grid, f: Grid) => number, number]> = [
  ['FSMGAP', fsmGap, 2],
  ['GAPINDEX', gapIndex, 5.55555555555555],
  ['THRESHOLDGAP', (s, f) => thresholdGap(s, f, 5), 0],
  ['GAPSUMMARY gap', (s, f) => gapSummary(s, f).gap, 2],
  ['GAPSUMMARY CI lower', (s, f) => gapSummary(s, f).ciLower, -3.47613273000648],
  ['GAPSUMMARY CI upper', (s, f) => gapSummary(s, f).ciUpper, 7.47613273000648],
  ["GAPSUMMARY Hedges' g", (s, f) => gapSummary(s, f).hedgesG, 0.682242292337953],
  ['GAPSUMMARY gap index', (s, f) => gapSummary(s, f).gapIndex, 5.55555555555555],
  // Progress from a baseline of 0 is the score itself.
  ['PROGRESSGAP (missing current)', (s, f) => progressGap(s.map(() => [0]), s, f), 2],
  ['PROGRESSGAP (missing baseline)', (s, f) => progressGap(s.map((r) => [typeof r[0] === 'number' && Number.isFinite(r[0]) ? 0 : r[0]]), s.map((r) => [typeof r[0] === 'number' ? r[0] : 1]), f), 2],
  // The flags double as group labels: focus "N" against "Y".
  ['GROUPGAP', (s, f) => groupGap(s, f, 'N', 'Y'), -2],
  ['EFFECTSIZE', (s, f) => effectSize(s.filter((_, i) => f[i][0] === 'N'), s.filter((_, i) => f[i][0] === 'Y')), 0.682242292337953],
];

describe.each(MEASURES)('%s with missing scores', (_name, measure, expected) => {
  it('gives the R value on the base pupils', () => {
    expect(measure(freezeGrid(col(SCORES)), freezeGrid(col(FLAGS)))).toBeCloseTo(expected, 12);
  });
  it.each(MISSING)('leaves out a pupil whose score is %s, in either group', (_label, cell) => {
    const s = freezeGrid(col([cell, ...SCORES, cell]));
    const f = freezeGrid(col(['Y', ...FLAGS, 'N']));
    expect(measure(s, f)).toBeCloseTo(expected, 12);
  });
});

describe('GAPSUMMARY counts what it left out', () => {
  it('counts every missing score cell, in either group', () => {
    const s = freezeGrid(col([...MISSING.map(([, c]) => c), ...SCORES]));
    const f = freezeGrid(col([...MISSING.map((_, i) => (i % 2 ? 'Y' : 'N')), ...FLAGS]));
    const r = gapSummary(s, f);
    expect([r.nDisadvantaged, r.nOther, r.leftOut]).toEqual([3, 3, MISSING.length]);
  });
});

describe('empty ranges and single values', () => {
  const na = (f: () => unknown, message: RegExp) => {
    expect(f).toThrow(GapsError);
    expect(f).toThrow(expect.objectContaining({ kind: 'na', message: expect.stringMatching(message) }));
  };
  it('FSMGAP, GAPINDEX, THRESHOLDGAP and PROGRESSGAP name the disadvantaged group when the range is empty', () => {
    na(() => fsmGap([], []), /disadvantaged pupil with a score/);
    na(() => gapIndex([[]], [[]]), /disadvantaged pupil with a score/);
    na(() => thresholdGap([], [], 4), /disadvantaged pupil with a score/);
    na(() => progressGap([], [], []), /disadvantaged pupil with a score/);
  });
  it('with one disadvantaged pupil and nobody else, they name the other group', () => {
    na(() => fsmGap([[5]], [['Y']]), /not disadvantaged/);
    na(() => gapIndex([[5]], [['Y']]), /not disadvantaged/);
    na(() => thresholdGap([[5]], [['Y']], 4), /not disadvantaged/);
    na(() => progressGap([[1]], [[5]], [['Y']]), /not disadvantaged/);
  });
  it('with every score missing, the disadvantaged group is empty', () => {
    na(() => fsmGap(col(MISSING.map(([, c]) => c)), col(MISSING.map(() => 'Y'))), /disadvantaged pupil with a score/);
  });
  it('GROUPGAP names the focus group, then the comparison group', () => {
    na(() => groupGap([], [], 'K'), /focus group "K"/);
    na(() => groupGap([[5]], [['K']], 'K'), /outside the focus group "K"/);
    na(() => groupGap([[5], [6]], [['K'], ['N']], 'K', 'E'), /comparison group "E"/);
  });
  it('EFFECTSIZE names the group with no scores or a single score', () => {
    na(() => effectSize([], [[1], [2]]), /group1 has no scores/);
    na(() => effectSize([[1], [2]], [['ABS']]), /group2 has no scores/);
    na(() => effectSize([[1]], [[1], [2]]), /group1 needs at least 2 scores/);
    na(() => effectSize([[1], [2]], [[3]], 'd'), /group2 needs at least 2 scores/);
    na(() => effectSize([[1], [2]], [[3]], 'glass'), /group2 needs at least 2 scores/);
  });
  it('EFFECTSIZE with Glass needs only one score in group1 (R: (10 - mean(c(1, 3))) / sd(c(1, 3)) = 5.65685424949238)', () => {
    expect(effectSize([[10]], [[1], [3]], 'glass')).toBeCloseTo(5.65685424949238, 12);
  });
  it('REPRESENTATION names the empty group, and an empty cohort', () => {
    na(() => representation([], [], 'Set 1'), /no pupil is in group "SET 1"/);
    na(() => representation([['N'], ['N']], [['Set 1'], ['Set 2']], 'set 1'), /no disadvantaged pupils in the cohort/);
  });
  it('GAPSUMMARY of an empty range reports zero pupils and says why each statistic is unavailable', () => {
    const r = gapSummary([], []);
    expect([r.nDisadvantaged, r.nOther, r.leftOut]).toEqual([0, 0, 0]);
    for (const field of ['meanDisadvantaged', 'gap', 'ciLower', 'ciUpper', 'df', 'hedgesG', 'gapIndex'] as const) {
      expect(r[field]).toBeNaN();
      expect(r.unavailable[field]).toMatch(/disadvantaged pupil with a score/);
    }
    expect(r.unavailable.meanOther).toMatch(/not disadvantaged/);
    expect(r.note).toMatch(/only 0 pupils in the disadvantaged group and only 0 pupils in the other group/);
  });
  it('GAPSUMMARY with one disadvantaged pupil gives the gap but no interval or g, saying why', () => {
    const r = gapSummary(col([5, 3, 7, 5]), col(['Y', 'N', 'N', 'N']));
    expect([r.nDisadvantaged, r.nOther, r.meanDisadvantaged, r.gap]).toEqual([1, 3, 5, 0]);
    expect(r.gapIndex).toBeCloseTo(0, 12);
    for (const field of ['ciLower', 'ciUpper', 'df', 'hedgesG'] as const) {
      expect(r[field]).toBeNaN();
      expect(r.unavailable[field]).toBe('needs at least 2 disadvantaged pupils with a score to measure the spread (there is 1)');
    }
    expect(r.note).toBe('Small group: only 1 pupil in the disadvantaged group and only 3 pupils in the other group (fewer than 6). Treat the gap as indicative and read its interval.');
  });
  it('GAPSUMMARY with no spread at all gives a zero-width interval but no g', () => {
    const r = gapSummary(col([5, 5, 5, 5]), col(['Y', 'Y', 'N', 'N']));
    expect([r.gap, r.ciLower, r.ciUpper]).toEqual([0, 0, 0]);
    expect(r.hedgesG).toBeNaN();
    expect(r.unavailable.hedgesG).toMatch(/no spread/);
  });
});

describe('inputs are read, never changed', () => {
  it('every measure works on frozen ranges and leaves them as they were', () => {
    const raw = [[' 104 '], ['ABS'], [98], [null], [110], [95]];
    const flags = [['Y'], ['Y'], ['fsm'], ['N'], [''], [0]];
    const groups = [['K'], ['N'], ['k'], ['N'], ['E'], ['N']];
    const before = JSON.stringify([raw, flags, groups]);
    const s = freezeGrid(raw);
    const f = freezeGrid(flags);
    const g = freezeGrid(groups);
    expect(() => [
      fsmGap(s, f), gapIndex(s, f), thresholdGap(s, f, 100), gapSummary(s, f), progressGap(s, s, f),
      groupGap(s, g, 'K'), effectSize(s, s), representation(f, g, 'N'),
    ]).not.toThrow();
    expect(JSON.stringify([raw, flags, groups])).toBe(before);
  });
});

describe('wrong columns and bad options are #VALUE!', () => {
  const value = (f: () => unknown, message: string | RegExp) =>
    expect(f).toThrow(expect.objectContaining({ kind: 'value', message: typeof message === 'string' ? message : expect.stringMatching(message) }));
  it('a flag range that is not yes/no is caught on every measure, even where the score is blank', () => {
    const s = col([5, 6, null]);
    const f = col(['Y', 'N', 'K']);
    const msg = /disadvantaged holds "K" at row 3 of the range/;
    value(() => fsmGap(s, f), msg);
    value(() => gapIndex(s, f), msg);
    value(() => thresholdGap(s, f, 5), msg);
    value(() => gapSummary(s, f), msg);
    value(() => progressGap(s, s, f), msg);
    value(() => representation(f, col([1, 1, null]), 1), msg);
  });
  it('unequal ranges name both sizes', () => {
    value(() => fsmGap(col([1, 2, 3]), col(['Y', 'N'])), 'scores has 3 cells but disadvantaged has 2: select ranges of the same size');
    value(() => progressGap(col([1, 2]), col([1, 2, 3]), col(['Y', 'N'])), 'baseline has 2 cells but current has 3: select ranges of the same size');
    value(() => groupGap(col([1]), col(['K', 'N']), 'K'), 'scores has 1 cell but groups has 2: select ranges of the same size');
  });
  it('a threshold that is not a number, a confidence outside (0, 1), or a comparison equal to the focus', () => {
    value(() => thresholdGap(col([1, 2]), col(['Y', 'N']), NaN), /threshold must be a number/);
    value(() => gapSummary(col([1, 2]), col(['Y', 'N']), 95), /confidence must be a fraction between 0 and 1/);
    value(() => groupGap(col([1, 2]), col(['K', 'N']), 'k', ' K '), /comparison and focus are both "K"/);
  });
  it('scores so large that the sums overflow are #VALUE! (or unavailable in GAPSUMMARY), never Infinity', () => {
    const huge = col([1e308, 1e308, 1, 2]);
    const f = col(['N', 'N', 'Y', 'Y']);
    value(() => fsmGap(huge, f), /too large to calculate/);
    value(() => progressGap(col([0, 0, 0, 0]), huge, f), /too large to calculate/);
    value(() => groupGap(huge, f, 'Y'), /too large to calculate/);
    value(() => effectSize(col([1e308, 1e308, -1e308]), col([1, 2])), /too large to calculate/);
    // Its running means stay finite; the spreads overflow, so the interval and g are unavailable.
    const r = gapSummary(col([1.5e308, 1.7e308, 1, 2]), f);
    expect(r.gap).toBeCloseTo(1.6e308 - 1.5, -300);
    for (const field of ['ciLower', 'ciUpper', 'df', 'hedgesG'] as const) {
      expect(r[field]).toBeNaN();
      expect(r.unavailable[field]).toMatch(/too large to calculate/);
    }
    expect(r.gapIndex).toBeCloseTo(10, 12);
  });
});
