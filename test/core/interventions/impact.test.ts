/**
 * Intervention impact against R 4.x. Every expected number below is printed by
 * test/core/interventions/impact.R (`Rscript test/core/interventions/impact.R`), which uses
 * lm(post ~ pre + T) and confint for "ancova", DOMAIN.md's formula with qt for "gain" (Morris 2008
 * d_ppc2 with the observed spreads) and for the single group. Sections of its output are named
 * ancova / gain / single / one pupil / constant pre below.
 */
import { interventionImpact } from '../../../src/core/interventions/impact';
import { thrown } from '../thrown';

const col = (xs: unknown[]) => xs.map((x) => [x]);
const frozen = (g: unknown[][]) => Object.freeze(g.map((r) => Object.freeze([...r])));

// A Year 7 reading catch-up group as a tracker holds it: numbers as text, absences, a lookup error,
// and every flag spelling; pupils 8, 14, 17 and 18 lack a score and are left out.
const PRE = col([88, '92', 85, 95, ' 90 ', 79, 97, 'ABS', 101, 94, 99, 104, 91, 96, 100, 93, { code: '#N/A' }, 100]);
const POST = col([96, 99, 90, 101, 97, 88, 100, 95, 104, 97, 101, 108, 93, '', 103, 94, 100, NaN]);
const FLAGS = col(['Y', 'yes', 'TRUE', true, 1, 'PP', ' y ', 'Y', 'N', '', null, 0, 'No', false, 'n', 'FALSE', 'Y', 'N']);

describe('INTERVENTIONIMPACT, method "ancova" (the default)', () => {
  it('is J x the lm coefficient over the post-test SD, with the confint interval (R: ancova, line 1)', () => {
    const r = interventionImpact(PRE, POST, FLAGS);
    expect(r.method).toBe('ancova');
    expect(r.design).toBe('comparison');
    expect([r.interventionN, r.comparisonN]).toEqual([7, 7]);
    expect(r.adjustedDifference).toBeCloseTo(3.21877807726865, 11);
    expect(r.standardiser).toEqual({ value: expect.closeTo(5.51172576232897, 12), source: 'post-test SD' });
    expect(r.effectSize).toBeCloseTo(0.54671155412669, 12);
    expect(r.ciLower).toBeCloseTo(0.147849464971045, 11);
    expect(r.ciUpper).toBeCloseTo(0.945573643282336, 11);
    expect(r.df).toBe(11);
    expect(r.months).toBe(7); // 0.55 is in the 7-month band
    expect(r.interventionGain).toBeCloseTo(6.42857142857143, 12);
    expect(r.comparisonGain).toBeCloseTo(2.57142857142857, 12);
    expect(r.interventionPreMean).toBeCloseTo(626 / 7, 12);
    expect(r.comparisonPostMean).toBeCloseTo(700 / 7, 12);
    expect(r.unavailable).toEqual({});
    expect(r.note).toMatch(/^Method "ancova" \(EEF\).*adjusted for the pre-test.*over the SD of the post-test over these pupils/);
    expect(r.note).not.toMatch(/interval includes zero/);
  });
  it('uses the confidence level given (R: ancova, line 2, level 0.9)', () => {
    const r = interventionImpact(PRE, POST, FLAGS, 0.9);
    expect(r.ciLower).toBeCloseTo(0.221261667567083, 11);
    expect(r.ciUpper).toBeCloseTo(0.872161440686297, 11);
    expect(r.confidence).toBe(0.9);
  });
  it('divides by a reference SD when given and says so (R: ancova, line 3, S = 15)', () => {
    const r = interventionImpact(PRE, POST, FLAGS, 0.95, { referenceSd: 15 });
    expect(r.standardiser).toEqual({ value: 15, source: 'reference' });
    expect(r.effectSize).toBeCloseTo(0.200888277162866, 12);
    expect(r.ciLower).toBeCloseTo(0.0543270470018307, 11);
    expect(r.ciUpper).toBeCloseTo(0.347449507323901, 11);
    expect(r.note).toMatch(/the reference SD \(15\)/);
  });
  it('estimates with one intervention pupil and warns about the small groups (R: one pupil, ancova)', () => {
    const r = interventionImpact(col([100, 96, 104, 99, 101, 95]), col([108, 99, 105, 101, 103, 97]), col(['Y', 'N', 'N', 'N', 'N', 'N']));
    expect(r.adjustedDifference).toBeCloseTo(6.14814814814814, 11);
    expect(r.standardiser.value).toBeCloseTo(4.02077936060494, 12);
    expect(r.effectSize).toBeCloseTo(1.22327491200077, 11);
    expect(r.ciLower).toBeCloseTo(0.859002964322148, 10);
    expect(r.ciUpper).toBeCloseTo(1.58754685967939, 10);
    expect(r.note).toMatch(/Small intervention group \(1 pupil\)/);
    expect(r.note).toMatch(/Small comparison group \(5 pupils\)/);
  });
  it('drops a pre-test with no spread as lm does and compares post-test means (R: constant pre)', () => {
    const r = interventionImpact(col([100, 100, 100, 100, 100, 100]), col([104, 101, 106, 99, 100, 98]), col(['Y', 'Y', 'Y', 'N', 'N', 'N']));
    expect(r.adjustedDifference).toBeCloseTo(4.666666666666667, 12);
    expect(r.effectSize).toBeCloseTo(1.21338389204884, 12);
    expect(r.ciLower).toBeCloseTo(0.0847044333572157, 11);
    expect(r.ciUpper).toBeCloseTo(2.34206335074046, 11);
  });
  it('says what to do when every post-test score is the same, and gives 0 with a reference SD (R: lm gives c = 0, SE 0)', () => {
    const pre = col([90, 95, 92, 99, 97]);
    const post = col([100, 100, 100, 100, 100]);
    const flags = col(['Y', 'Y', 'N', 'N', 'N']);
    const r = interventionImpact(pre, post, flags);
    expect(r.effectSize).toBeNaN();
    expect(r.unavailable.effectSize).toMatch(/every post-test score is the same.*give a reference_sd/);
    const s = interventionImpact(pre, post, flags, 0.95, { referenceSd: 15 });
    expect(s.effectSize).toBeCloseTo(0, 12);
    expect(s.ciLower).toBeCloseTo(0, 12);
    expect(s.ciUpper).toBeCloseTo(0, 12);
  });
  it('explains why there is no estimate when the pre-test alone tells the groups apart', () => {
    const r = interventionImpact(col([90, 90, 100, 100]), col([95, 97, 101, 103]), col(['Y', 'Y', 'N', 'N']));
    expect(r.effectSize).toBeNaN();
    expect(r.unavailable.effectSize).toMatch(/tells the two groups apart exactly/);
  });
  it('has no interval with three pupils (no residual degree of freedom)', () => {
    const r = interventionImpact(col([90, 95, 100]), col([95, 97, 101]), col(['Y', 'N', 'N']));
    expect(r.ciLower).toBeNaN();
    expect(r.unavailable.ciLower).toMatch(/at least 4 pupils/);
  });
  it('says so when no pupil with both scores is flagged', () => {
    const r = interventionImpact(col([1, 2, 'ABS']), col([2, 3, 5]), col(['N', 'N', 'Y']));
    expect(r.interventionN).toBe(0);
    expect(r.effectSize).toBeNaN();
    expect(r.unavailable.interventionGain).toMatch(/no intervention pupil has both/);
    expect(r.note).toMatch(/no pupil with both scores is flagged/);
  });
});

describe('INTERVENTIONIMPACT, method "gain"', () => {
  it('is Morris d_ppc2 with the interval from the observed spreads, t with N - 2 df (R: gain, line 1)', () => {
    const r = interventionImpact(PRE, POST, FLAGS, 0.95, { method: 'gain' });
    expect(r.method).toBe('gain');
    expect(r.standardiser).toEqual({ value: expect.closeTo(5.50324579550235, 12), source: 'pooled pre-test SD' });
    expect(r.preSd).toBeCloseTo(5.50324579550235, 12);
    expect(r.effectSize).toBeCloseTo(0.656147732342111, 12);
    expect(r.ciLower).toBeCloseTo(0.230218057271966, 11);
    expect(r.ciUpper).toBeCloseTo(1.08207740741226, 11);
    expect(r.df).toBe(12);
    expect(r.note).toMatch(/^Method "gain" \(Morris d_ppc2\)/);
    expect(r.note).toMatch(/rises anyway/);
  });
  it('uses the confidence level and a reference SD (R: gain, lines 2 and 3)', () => {
    const r = interventionImpact(PRE, POST, FLAGS, 0.9, { method: 'gain' });
    expect(r.ciLower).toBeCloseTo(0.307733610154653, 11);
    expect(r.ciUpper).toBeCloseTo(1.00456185452957, 11);
    const s = interventionImpact(PRE, POST, FLAGS, 0.95, { method: 'gain', referenceSd: 15 });
    expect(s.effectSize).toBeCloseTo(0.240729483282675, 12);
    expect(s.ciLower).toBeCloseTo(0.0844631037153776, 11);
    expect(s.ciUpper).toBeCloseTo(0.396995862849972, 11);
  });
  it('estimates with one intervention pupil (R: one pupil gain)', () => {
    const r = interventionImpact(col([100, 96, 104, 99, 101, 95]), col([108, 99, 105, 101, 103, 97]), col(['Y', 'N', 'N', 'N', 'N', 'N']), 0.95, { method: 'gain' });
    expect(r.effectSize).toBeCloseTo(1.30639452948436, 12);
    expect(r.ciLower).toBeCloseTo(-0.0588086214812003, 11);
    expect(r.ciUpper).toBeCloseTo(2.67159768044992, 11);
    expect(r.note).toMatch(/interval includes zero/);
  });
});

describe('INTERVENTIONIMPACT with everyone in the intervention', () => {
  it("uses the group's own gain over the post-test SD, t with n - 1 df, either method (R: single)", () => {
    for (const method of ['ancova', 'gain'] as const) {
      const r = interventionImpact(PRE.slice(0, 8), POST.slice(0, 8), FLAGS.slice(0, 8), 0.95, { method });
      expect(r.design).toBe('single-group');
      expect([r.interventionN, r.comparisonN]).toEqual([7, 0]);
      expect(r.standardiser.value).toBeCloseTo(5.01426536422407, 12);
      expect(r.effectSize).toBeCloseTo(1.11483172623559, 12);
      expect(r.ciLower).toBeCloseTo(0.795976493245481, 11);
      expect(r.ciUpper).toBeCloseTo(1.4336869592257, 11);
      expect(r.months).toBe(12);
      expect(r.comparisonGain).toBeNaN();
      expect(r.unavailable.comparisonGain).toMatch(/no comparison pupils/);
      expect(r.note).toMatch(/No comparison group \(single-group design\)/);
      expect(r.note).toMatch(/includes the progress pupils make anyway/);
    }
  });
  it('uses a reference SD (R: single, line 2)', () => {
    const r = interventionImpact(PRE.slice(0, 8), POST.slice(0, 8), FLAGS.slice(0, 8), 0.95, { referenceSd: 15 });
    expect(r.effectSize).toBeCloseTo(0.372670807453416, 12);
    expect(r.ciLower).toBeCloseTo(0.266082490721156, 11);
    expect(r.ciUpper).toBeCloseTo(0.479259124185676, 11);
  });
  it('reports unavailable statistics instead of failing with one pupil', () => {
    const r = interventionImpact(col([100]), col([104]), col(['Y']));
    expect(r.interventionN).toBe(1);
    expect(r.interventionGain).toBe(4);
    expect([r.effectSize, r.ciLower, r.ciUpper, r.months]).toEqual([NaN, NaN, NaN, NaN]);
    expect(r.unavailable.effectSize).toMatch(/at least 2/);
    expect(r.note).toMatch(/Small intervention group \(1 pupil\)/);
  });
  it('reports no spread when every post-test score is the same', () => {
    const r = interventionImpact(col([100, 101, '100']), col([104, 104, 104]), col(['Y', 'Y', 'Y']));
    expect(r.effectSize).toBeNaN();
    expect(r.unavailable.effectSize).toMatch(/every post-test score is the same/);
  });
});

describe('INTERVENTIONIMPACT on missing and bad input', () => {
  it.each([null, '', '  ', 'ABS', NaN, true, false, { code: '#N/A' }].map((m) => [m]))('leaves out a pupil whose score is %p', (m) => {
    const base = interventionImpact(col([98, 102, 95, 110, 101]), col([103, 104, 99, 113, 108]), col(['Y', 'Y', 'Y', 'Y', 'Y']));
    const withPre = interventionImpact(col([98, 102, 95, 110, 101, m]), col([103, 104, 99, 113, 108, 200]), col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y']));
    const withPost = interventionImpact(col([98, 102, 95, 110, 101, 50]), col([103, 104, 99, 113, 108, m]), col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y']));
    for (const r of [withPre, withPost]) {
      expect(r.interventionN).toBe(5);
      expect(r.effectSize).toBeCloseTo(base.effectSize, 14);
    }
  });
  it('is empty but does not fail on empty ranges', () => {
    const r = interventionImpact([], [], []);
    expect([r.interventionN, r.comparisonN]).toEqual([0, 0]);
    expect(r.note).toMatch(/No pupil has both a pre-test and a post-test score/);
  });
  it('is #VALUE! naming both sizes when pre and post (or the flags) differ in size', () => {
    expect(thrown(() => interventionImpact(col([1, 2, 3]), col([1, 2]), col(['Y', 'Y', 'Y']))).message).toBe('pre has 3 cells but post has 2: select ranges of the same size');
    expect(thrown(() => interventionImpact(col([1, 2]), col([1, 2]), col(['Y']))).message).toMatch(/pre has 2 cells but intervention has 1/);
  });
  it('checks every flag, even a pupil without scores, quoting the value and its row', () => {
    expect(thrown(() => interventionImpact(col([1, 2]), col([2, 3]), col(['Y', 'Tutor']))).message).toMatch('intervention holds "Tutor" at row 2');
    expect(thrown(() => interventionImpact(col([1, 'ABS']), col([2, 3]), col(['Y', { code: '#N/A' }]))).message).toMatch(/intervention holds #N\/A at row 2/);
  });
  it('refuses an unknown method and a reference SD that is not above 0, saying what to type', () => {
    expect(thrown(() => interventionImpact(PRE, POST, FLAGS, 0.95, { method: 'anova' as 'ancova' })).message).toMatch(/method must be "ancova".*or "gain".*but it is "anova"/);
    for (const sd of [0, -15, NaN, Infinity]) {
      expect(thrown(() => interventionImpact(PRE, POST, FLAGS, 0.95, { referenceSd: sd })).message).toMatch(/reference_sd must be a standard deviation above 0/);
    }
  });
  it('refuses a confidence level outside 0 to 1', () => {
    for (const c of [0, 1, 95, -0.5, NaN]) expect(thrown(() => interventionImpact(PRE, POST, FLAGS, c)).kind).toBe('value');
  });
  it('does not change its inputs', () => {
    const r = interventionImpact(frozen(PRE as unknown[][]), frozen(POST as unknown[][]), frozen(FLAGS as unknown[][]));
    expect(r.effectSize).toBeCloseTo(0.54671155412669, 12);
  });
});
