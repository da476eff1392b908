/**
 * Intervention impact against R 4.x (formulas of DOMAIN.md / Morris 2008 d_ppc2):
 *   pre <- c(98,102,95,110,101); post <- c(103,104,99,113,108)
 *   g <- post-pre; n <- 5; es <- (1-3/(4*(n-1)-1))*mean(g)/sd(pre); se <- sqrt(1/n + es^2/(2*n))
 *   -> es 0.596773659993326, CI -0.354594311975824 1.54814163196248
 *   pre2 <- c(98,102,95,110,101, 99,104,97,108,100,96); post2 <- c(103,104,99,113,108, 100,105,99,109,101,98)
 *   int2 <- c(rep(TRUE,5), rep(FALSE,6)); sp <- pooled SD of pre2 by group (5.05671537367592)
 *   es2 <- (1-3/(4*(n1+n2-2)-1))*(mean(gi)-mean(gc))/sp; se2 <- sqrt((n1+n2)/(n1*n2)+es2^2/(2*(n1+n2)))
 *   with z = qnorm(0.95): es2 0.518311233136919, CI -0.494146444294361 1.5307689105682
 */
import { interventionImpact } from '../../../src/core/interventions/impact';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('INTERVENTIONIMPACT', () => {
  it('uses the group\'s own gain over the pre-test SD when there is no comparison group, and says so', () => {
    const r = interventionImpact(col([98, 102, 95, 110, 101]), col([103, 104, 99, 113, 108]), col(['Y', 'Y', 'Y', 'Y', 'Y']));
    expect(r.design).toBe('single-group');
    expect(r.effectSize).toBeCloseTo(0.596773659993326, 10);
    expect(r.ciLower).toBeCloseTo(-0.354594311975824, 10);
    expect(r.ciUpper).toBeCloseTo(1.54814163196248, 10);
    expect(r.months).toBe(7);
    expect(r.note).toMatch(/No comparison group/);
    expect(r.unavailable.comparisonGain).toMatch(/no comparison pupils/);
  });
  it('compares gains over the pooled pre-test SD with comparison pupils (confidence 0.9)', () => {
    const pre = col([98, 102, 95, 110, 101, 99, 104, 97, 108, 100, 96, 'ABS']);
    const post = col([103, 104, 99, 113, 108, 100, 105, 99, 109, 101, 98, 120]);
    const flag = col(['Y', 'Y', 'Y', 'Y', 'Y', '', '', '', 'N', 'N', 0, 'Y']);
    const r = interventionImpact(pre, post, flag, 0.9);
    expect([r.interventionN, r.comparisonN]).toEqual([5, 6]);
    expect(r.preSd).toBeCloseTo(5.05671537367592, 10);
    expect(r.effectSize).toBeCloseTo(0.518311233136919, 10);
    expect(r.ciLower).toBeCloseTo(-0.494146444294361, 10);
    expect(r.ciUpper).toBeCloseTo(1.5307689105682, 10);
    expect(r.note).toMatch(/includes zero/);
    expect(r.note).toMatch(/Small intervention group/);
  });
  it('reports unavailable statistics instead of failing with one pupil', () => {
    const r = interventionImpact(col([100]), col([104]), col(['Y']));
    expect(r.interventionN).toBe(1);
    expect(r.effectSize).toBeNaN();
    expect(r.unavailable.effectSize).toMatch(/at least 2/);
  });
  it('quotes a value that is not a flag in the intervention column', () => {
    expect(() => interventionImpact(col([1, 2]), col([2, 3]), col(['Y', 'Tutor']))).toThrow('intervention holds "Tutor" at row 2');
  });
});
