/**
 * Intervention impact against R 4.x, by hand with DOMAIN.md's formulas (Morris 2008 d_ppc2), in
 * /tmp/impact.R run with `Rscript`:
 *   f <- function(pre, post, int, conf = 0.95) {
 *     ok <- !is.na(pre) & !is.na(post); pre <- pre[ok]; post <- post[ok]; int <- int[ok]
 *     g <- post - pre; n1 <- sum(int); n2 <- sum(!int); z <- qnorm(1 - (1 - conf)/2)
 *     if (n2 > 0) { sp <- sqrt(((n1-1)*var(pre[int]) + (n2-1)*var(pre[!int]))/(n1+n2-2))
 *       es <- (1 - 3/(4*(n1+n2-2)-1)) * (mean(g[int]) - mean(g[!int])) / sp
 *       se <- sqrt((n1+n2)/(n1*n2) + es^2/(2*(n1+n2)))
 *     } else { sp <- sd(pre); es <- (1 - 3/(4*(n1-1)-1)) * mean(g) / sp; se <- sqrt(1/n1 + es^2/(2*n1)) }
 *     sprintf("%.15g", c(mean(g[int]), mean(g[!int]), sp, es, es - z*se, es + z*se)) }
 *   pre  <- c(88,92,85,95,90,79,97,NA,101,94,99,104,91,96,100,93)
 *   post <- c(96,99,90,101,97,88,100,95,104,97,101,108,93,NA,103,94); int <- rep(c(TRUE,FALSE), each = 8)
 *   f(pre, post, int)        # 6.42857142857143 2.57142857142857 5.50324579550235 0.656147732342111 -0.419317835323624 1.73161330000785
 *   f(pre, post, int, 0.9)   # ... -0.246411423637246 1.55870688832147
 *   f(pre[1:8], post[1:8], int[1:8])  # 6.42857142857143 NA 6.13343685212847 0.91140778760302 0.0300987049711074 1.79271687023493
 * One intervention pupil against five (a single pupil adds 0 to the pooled sum of squares):
 *   pre <- c(100,96,104,99,101,95); post <- c(108,99,105,101,103,97); g <- post - pre
 *   sp <- sqrt(sum((pre[-1]-mean(pre[-1]))^2)/4); es <- (1-3/(4*4-1))*(g[1]-mean(g[-1]))/sp
 *   se <- sqrt(6/5 + es^2/12); c(sp, es, es - qnorm(0.975)*se, es + qnorm(0.975)*se)
 *   # 3.67423461417477 1.30639452948436 -0.964308312123765 3.57709737109249
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

describe('INTERVENTIONIMPACT with a comparison group', () => {
  it('is the Hedges-corrected gain difference over the pooled pre-test SD (R, Morris d_ppc2)', () => {
    const r = interventionImpact(PRE, POST, FLAGS);
    expect(r.design).toBe('comparison');
    expect([r.interventionN, r.comparisonN]).toEqual([7, 7]);
    expect(r.interventionGain).toBeCloseTo(6.42857142857143, 12);
    expect(r.comparisonGain).toBeCloseTo(2.57142857142857, 12);
    expect(r.preSd).toBeCloseTo(5.50324579550235, 12);
    expect(r.effectSize).toBeCloseTo(0.656147732342111, 12);
    expect(r.ciLower).toBeCloseTo(-0.419317835323624, 12);
    expect(r.ciUpper).toBeCloseTo(1.73161330000785, 12);
    expect(r.months).toBe(8); // 0.66 is in the 8-month band
    expect(r.interventionPreMean).toBeCloseTo(626 / 7, 12);
    expect(r.interventionPostMean).toBeCloseTo(671 / 7, 12);
    expect(r.comparisonPreMean).toBeCloseTo(682 / 7, 12);
    expect(r.comparisonPostMean).toBeCloseTo(700 / 7, 12);
    expect(r.unavailable).toEqual({});
    expect(r.note).toMatch(/^Comparison design/);
    expect(r.note).toMatch(/interval includes zero/);
    expect(r.note).not.toMatch(/Small/);
  });
  it('uses the confidence level given (R: 0.9)', () => {
    const r = interventionImpact(PRE, POST, FLAGS, 0.9);
    expect(r.ciLower).toBeCloseTo(-0.246411423637246, 12);
    expect(r.ciUpper).toBeCloseTo(1.55870688832147, 12);
    expect(r.confidence).toBe(0.9);
  });
  it('warns about small groups and still estimates with one intervention pupil (R)', () => {
    const r = interventionImpact(col([100, 96, 104, 99, 101, 95]), col([108, 99, 105, 101, 103, 97]), col(['Y', 'N', 'N', 'N', 'N', 'N']));
    expect(r.preSd).toBeCloseTo(3.67423461417477, 12);
    expect(r.effectSize).toBeCloseTo(1.30639452948436, 12);
    expect(r.ciLower).toBeCloseTo(-0.964308312123765, 12);
    expect(r.ciUpper).toBeCloseTo(3.57709737109249, 12);
    expect(r.note).toMatch(/Small intervention group \(1 pupil\)/);
    expect(r.note).toMatch(/Small comparison group \(5 pupils\)/);
  });
  it('says so when no pupil with both scores is flagged', () => {
    const r = interventionImpact(col([1, 2, 'ABS']), col([2, 3, 5]), col(['N', 'N', 'Y']));
    expect(r.interventionN).toBe(0);
    expect(r.effectSize).toBeNaN();
    expect(r.unavailable.interventionGain).toMatch(/no intervention pupil has both/);
    expect(r.note).toMatch(/no pupil with both scores is flagged/);
  });
});

describe('INTERVENTIONIMPACT with everyone in the intervention', () => {
  it('uses the group\'s own gain over the pre-test SD and says there is no comparison group (R)', () => {
    const r = interventionImpact(PRE.slice(0, 8), POST.slice(0, 8), FLAGS.slice(0, 8));
    expect(r.design).toBe('single-group');
    expect([r.interventionN, r.comparisonN]).toEqual([7, 0]);
    expect(r.preSd).toBeCloseTo(6.13343685212847, 12);
    expect(r.effectSize).toBeCloseTo(0.91140778760302, 12);
    expect(r.ciLower).toBeCloseTo(0.0300987049711074, 12);
    expect(r.ciUpper).toBeCloseTo(1.79271687023493, 12);
    expect(r.months).toBe(11);
    expect(r.comparisonGain).toBeNaN();
    expect(r.unavailable.comparisonGain).toMatch(/no comparison pupils/);
    expect(r.note).toMatch(/no comparison group/i);
    expect(r.note).toMatch(/single-group design/);
  });
  it('reports unavailable statistics instead of failing with one pupil', () => {
    const r = interventionImpact(col([100]), col([104]), col(['Y']));
    expect(r.interventionN).toBe(1);
    expect(r.interventionGain).toBe(4);
    expect([r.effectSize, r.ciLower, r.ciUpper, r.months]).toEqual([NaN, NaN, NaN, NaN]);
    expect(r.unavailable.effectSize).toMatch(/at least 2/);
    expect(r.note).toMatch(/Small intervention group \(1 pupil\)/);
  });
  it('reports no spread when every pre-test score is the same', () => {
    const r = interventionImpact(col([100, 100, '100']), col([101, 104, 103]), col(['Y', 'Y', 'Y']));
    expect(r.effectSize).toBeNaN();
    expect(r.unavailable.effectSize).toMatch(/every pre-test score is the same/);
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
  it('refuses a confidence level outside 0 to 1', () => {
    for (const c of [0, 1, 95, -0.5, NaN]) expect(thrown(() => interventionImpact(PRE, POST, FLAGS, c)).kind).toBe('value');
  });
  it('does not change its inputs', () => {
    const r = interventionImpact(frozen(PRE as unknown[][]), frozen(POST as unknown[][]), frozen(FLAGS as unknown[][]));
    expect(r.effectSize).toBeCloseTo(0.656147732342111, 12);
  });
});
