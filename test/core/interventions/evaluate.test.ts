import { evaluateIntervention, baselineOf, type EvaluationInput } from '../../../src/core/interventions/evaluate';
import { eefCostBand } from '../../../src/core/interventions/eefMonths';
import { GapsError } from '../../../src/core/errors';

/*
 * Expected values come from R 4.x, following DOMAIN.md's INTERVENTIONIMPACT and EFFECTSIZE formulas:
 *   Rscript -e "<these lines>":
 *   pre  <- c(88,92,95,97,100,85,90,99, 90,93,96,98,101,87,91,100,110,80)
 *   post <- c(96,99,101,102,106,94,97,104, 93,95,99,100,104,89,93,103,112,82)
 *   impact <- function(i, c){ n1<-length(i); n2<-length(c)
 *     sp <- sqrt(((n1-1)*var(pre[i])+(n2-1)*var(pre[c]))/(n1+n2-2)); J <- 1-3/(4*(n1+n2-2)-1)
 *     es <- J*(mean(post[i]-pre[i]) - mean(post[c]-pre[c]))/sp
 *     se <- sqrt((n1+n2)/(n1*n2) + es^2/(2*(n1+n2))); c(es, es-qnorm(0.975)*se, es+qnorm(0.975)*se) }
 *   baseline g: (1-3/(4*(n1+n2)-9))*(mean(pre[i])-mean(pre[c]))/sp
 *   single group: J <- 1-3/(4*(n-1)-1); es <- J*mean(post[i]-pre[i])/sd(pre[i]); se <- sqrt(1/n+es^2/(2*n))
 *   gap: mean(x[!pp]) - mean(x[pp]) for pre and post
 */

const HEADERS = ['Name', 'Reading Pre', 'Reading Post', 'Tutoring', 'PP', 'Booster'];
const PRE = [88, 92, 95, 97, 100, 85, 90, 99, 90, 93, 96, 98, 101, 87, 91, 100, 110, 80];
const POST = [96, 99, 101, 102, 106, 94, 97, 104, 93, 95, 99, 100, 104, 89, 93, 103, 112, 82];
const PP_ROWS = new Set([0, 1, 5, 6, 13, 17]);
const BOOSTER_ROWS = new Set([8, 9, 10, 11, 12, 13]);

function rows(): unknown[][] {
  return PRE.map((p, k) => [
    `Pupil ${String.fromCharCode(65 + k)}`,
    p,
    POST[k],
    k < 8 ? 'Y' : '',
    PP_ROWS.has(k) ? 'PP' : 'Non-PP',
    BOOSTER_ROWS.has(k) ? 'Yes' : 'No',
  ]);
}

function input(over: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    headers: HEADERS,
    rows: rows(),
    name: 'Reading tutoring',
    columns: { pre: 1, post: 2, intervention: 3, disadvantaged: 4 },
    comparisonMode: 'rest',
    labelColumn: 0,
    ...over,
  };
}

function gapsError(fn: () => unknown): GapsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GapsError) return e;
    throw e;
  }
  throw new Error('expected a GapsError');
}

describe('evaluateIntervention against every other pupil', () => {
  const e = evaluateIntervention(input({ criterion: { kind: 'months', value: 3 }, cost: '£1,800', costPer: 'total' }));

  it('estimates the effect, its interval and months as R does', () => {
    expect(e.design).toBe('comparison');
    expect(e.overall.interventionN).toBe(8);
    expect(e.overall.comparisonN).toBe(10);
    expect(e.overall.effectSize).toBeCloseTo(0.558035519903724, 10);
    expect(e.overall.ciLower).toBeCloseTo(-0.389359456875581, 10);
    expect(e.overall.ciUpper).toBeCloseTo(1.50543049668303, 10);
    expect(e.overall.months).toBe(7);
  });

  it('gives each group its mean pre-test, post-test and gain', () => {
    expect(e.groups.map((g) => [g.name, g.n])).toEqual([
      ['Intervention', 8],
      ['Comparison (all others)', 10],
      ['Disadvantaged in intervention', 4],
    ]);
    expect(e.groups[0].gain).toBeCloseTo(6.625, 12);
    expect(e.groups[1].gain).toBeCloseTo(2.4, 12);
    expect(e.groups[0].preMean).toBeCloseTo(93.25, 12);
  });

  it('checks baseline equivalence as the What Works Clearinghouse does', () => {
    expect(e.overall.baseline.effectSize).toBeCloseTo(-0.178307207543201, 10);
    expect(e.overall.baseline.status).toBe('adjusted');
  });

  it('repeats the estimate for disadvantaged pupils in the intervention against the same comparison', () => {
    const d = e.disadvantaged!;
    expect(d.interventionN).toBe(4);
    expect(d.comparisonN).toBe(10);
    expect(d.effectSize).toBeCloseTo(0.67784258703332, 10);
    expect(d.ciLower).toBeCloseTo(-0.508558539536307, 10);
    expect(d.months).toBe(8);
    expect(d.baseline.effectSize).toBeCloseTo(-0.741192361522415, 10);
    expect(d.baseline.status).toBe('not-equivalent');
    expect(e.verdict.forWhom).toMatch(/^Disadvantaged pupils in the intervention \(4\): effect size 0\.68.*fewer than 6 pupils/);
  });

  it('works out the cost per pupil over everyone who received it, its EEF band and the cost per month', () => {
    expect(e.received).toBe(8);
    expect(e.cost!.total).toBe(1800);
    expect(e.cost!.perPupil).toBe(225);
    expect(e.cost!.band).toBe(eefCostBand(225).label);
    expect(e.cost!.band).toMatch(/^Moderate/);
    expect(e.cost!.perMonth).toBeCloseTo(225 / 7, 10);
    expect(e.verdict.worth).toMatch(/^£225\.00 per pupil .*£32\.14 per pupil for each month/);
  });

  it('says the criterion is met on paper but that no effect cannot be ruled out', () => {
    expect(e.judgement).toEqual({ met: true, observed: "7 months' additional progress" });
    expect(e.verdict.met).toBe(true);
    expect(e.verdict.strength).toBe('limited');
    expect(e.verdict.headline).toMatch(/^The estimate \(\d+ months' additional progress\) meets the success criterion \(at least 3 months' additional progress\), but we cannot rule out no effect\.$/);
    expect(e.verdict.caveats.join(' ')).toMatch(/95% confidence interval \(-0\.39 to 1\.51\) includes zero/);
  });

  it('measures how far the disadvantaged gap narrowed across the analysed pupils', () => {
    expect(e.gap!.pre).toBeCloseTo(10.5, 12);
    expect(e.gap!.post).toBeCloseTo(8.16666666666667, 10);
    expect(e.gap!.narrowing).toBeCloseTo(2.33333333333333, 10);
  });
});

describe('evaluateIntervention verdicts', () => {
  it('says the criterion was met when the interval is clear of zero and the groups are big enough', () => {
    const big = [...rows(), ...rows(), ...rows(), ...rows()];
    const e = evaluateIntervention(input({ rows: big, columns: { pre: 1, post: 2, intervention: 3 }, criterion: { kind: 'effect', value: '0.2' } }));
    expect(e.overall.effectSize).toBeCloseTo(0.606198774800215, 10); // R, rows repeated 4 times
    expect(e.overall.ciLower).toBeCloseTo(0.130924993787904, 10);
    expect(e.verdict.strength).toBe('moderate');
    expect(e.verdict.caveats).toEqual([]);
    expect(e.verdict.headline).toMatch(/^Met the success criterion \(an effect size of at least 0.2\): an effect size of 0.61; effect size 0.61 \(95% CI 0.13 to 1.08\)/);
  });

  it('says plainly when the criterion was not met', () => {
    const e = evaluateIntervention(input({ criterion: { kind: 'months', value: 10 } }));
    expect(e.verdict.met).toBe(false);
    expect(e.verdict.headline).toMatch(/^Did not meet the success criterion \(at least 10 months' additional progress\): 7 months'/);
  });

  it('judges the gap criterion from the disadvantaged column', () => {
    const e = evaluateIntervention(input({ criterion: { kind: 'gapClosed', value: 2 } }));
    expect(e.judgement).toEqual({ met: true, observed: 'the gap narrowed by 2.33 points' });
  });

  it('gives the estimate without a judgement when no criterion was set', () => {
    const e = evaluateIntervention(input());
    expect(e.criterion).toBeNull();
    expect(e.verdict.met).toBeNull();
    expect(e.verdict.headline).toMatch(/^No success criterion was set; effect size 0.56/);
  });
});

describe('evaluateIntervention with a matched comparison group', () => {
  const e = evaluateIntervention(input({ comparisonMode: 'matched', tolerance: '1' }));

  it('pairs pupils on the pre-test and leaves out the one without a partner', () => {
    const m = e.matching!;
    expect(m.pairs.map((p) => [p.intervention.label, p.comparison.label])).toEqual([
      ['Pupil A', 'Pupil N'],
      ['Pupil B', 'Pupil J'],
      ['Pupil C', 'Pupil K'],
      ['Pupil D', 'Pupil L'],
      ['Pupil E', 'Pupil M'],
      ['Pupil G', 'Pupil I'],
      ['Pupil H', 'Pupil P'],
    ]);
    expect(m.unmatched).toEqual([{ row: 5, label: 'Pupil F', pre: 85, reason: 'no comparison pupil within the tolerance' }]);
    expect(e.verdict.caveats.join(' ')).toMatch(/1 intervention pupil has no matched partner/);
  });

  it('estimates the effect on the matched pairs only, as R does', () => {
    expect(e.overall.interventionN).toBe(7);
    expect(e.overall.comparisonN).toBe(7);
    expect(e.overall.effectSize).toBeCloseTo(0.707678162230042, 10);
    expect(e.overall.ciUpper).toBeCloseTo(1.787617071536705, 10);
    expect(e.overall.baseline.effectSize).toBeCloseTo(-0.108873563420006, 10);
    expect(e.disadvantaged!.effectSize).toBeCloseTo(0.927593747986567, 10);
    expect(e.leftOut.outsideGroups).toBe(18 - 14);
    expect(e.designText).toMatch(/within 1 point$/);
  });

  it('falls back to a single-group design, saying why, when nobody can be matched', () => {
    const far = rows().map((r, k) => (k >= 8 ? [r[0], 200 + k, 210, r[3], r[4], r[5]] : r));
    const s = evaluateIntervention(input({ rows: far, comparisonMode: 'matched', tolerance: 0 }));
    expect(s.design).toBe('single-group');
    expect(s.overall.note).toMatch(/No pupil outside the intervention had a pre-test within 0 points/);
    expect(s.verdict.strength).toBe('weak');
  });
});

describe('evaluateIntervention with a flagged comparison group', () => {
  it('compares with the pupils marked in the comparison column only', () => {
    const e = evaluateIntervention(input({ comparisonMode: 'flagged', columns: { pre: 1, post: 2, intervention: 3, comparison: 5 } }));
    expect(e.overall.comparisonN).toBe(6);
    expect(e.leftOut.outsideGroups).toBe(4);
    expect(e.designText).toBe('Comparison group: pupils marked in "Booster"');
  });

  it('refuses a pupil marked in both groups, naming the row', () => {
    const both = rows();
    both[2][5] = 'Y';
    const err = gapsError(() => evaluateIntervention(input({ rows: both, comparisonMode: 'flagged', columns: { pre: 1, post: 2, intervention: 3, comparison: 5 } })));
    expect(err.kind).toBe('value');
    expect(err.message).toMatch(/Row 3 of the data is marked both in "Tutoring" and in the comparison column "Booster"/);
  });
});

describe('evaluateIntervention with messy data', () => {
  it('treats everyone being in the intervention as a single-group evaluation with a clear note', () => {
    const e = evaluateIntervention(input({ rows: rows().slice(0, 8) }));
    expect(e.design).toBe('single-group');
    expect(e.overall.effectSize).toBeCloseTo(1.0921949732335, 10); // R, single group
    expect(e.overall.ciLower).toBeCloseTo(0.216646755168875, 10);
    expect(e.overall.note).toMatch(/Every pupil with both scores is in the intervention/);
    expect(e.verdict.strength).toBe('weak');
    expect(e.verdict.caveats[0]).toMatch(/no comparison group/);
    expect(e.groups).toHaveLength(2); // intervention and its disadvantaged pupils
  });

  it('leaves out text in score columns, counts it and says so', () => {
    const messy = rows();
    messy[8][1] = 'ABS';
    messy[9][2] = 'n/a';
    messy[10][2] = null;
    messy[11][1] = ' 98 ';
    const e = evaluateIntervention(input({ rows: messy }));
    expect(e.leftOut).toMatchObject({ preText: 1, postText: 1, missingPre: 1, missingPost: 2 });
    expect(e.overall.comparisonN).toBe(7);
    expect(e.warnings[0]).toBe('2 score cells held text rather than a score (such as "ABS") and were left out: 1 in "Reading Pre", 1 in "Reading Post".');
  });

  it('warns, without stopping, when the post-test looks swapped with the pre-test', () => {
    const e = evaluateIntervention(input({ columns: { pre: 2, post: 1, intervention: 3 } }));
    expect(e.warnings.join(' ')).toMatch(/18 of 18 pupils scored lower on "Reading Pre" than on "Reading Post".*not swapped/);
    expect(e.overall.effectSize).toBeLessThan(0);
  });

  it('refuses the same column as pre-test and post-test', () => {
    const err = gapsError(() => evaluateIntervention(input({ columns: { pre: 1, post: 1, intervention: 3 } })));
    expect(err.kind).toBe('value');
    expect(err.message).toMatch(/same column as the pre-test/);
  });

  it('refuses an intervention column that is not a yes/no mark, quoting the value and row', () => {
    const odd = rows();
    odd[4][3] = 'Maybe';
    const err = gapsError(() => evaluateIntervention(input({ rows: odd })));
    expect(err.kind).toBe('value');
    expect(err.message).toBe(
      '"Tutoring" holds "Maybe" in row 5 of the data, which is not a yes/no mark (use Y/N, Yes/No, TRUE/FALSE or 1/0): choose the column that marks who received the intervention',
    );
    expect(gapsError(() => evaluateIntervention(input({ columns: { pre: 1, post: 2, intervention: 0 } }))).message).toMatch(/^"Name" holds "Pupil A" in row 1/);
  });

  it('refuses a column of scores chosen as the intervention flag, though numbers other than 0 and 1 read as "yes"', () => {
    const scores = rows().map((r) => [...r, 100 + (r[1] as number) - 90]);
    const err = gapsError(() => evaluateIntervention(input({ headers: [...HEADERS, 'Maths'], rows: scores, columns: { pre: 1, post: 2, intervention: 6 } })));
    expect(err.message).toMatch(/^"Maths" holds 98 in row 1 of the data, which is not a yes\/no mark/);
  });

  it('accepts 1/0 and TRUE/FALSE marks', () => {
    const marks = rows().map((r, k) => [r[0], r[1], r[2], k < 8 ? (k % 2 ? 1 : true) : k % 2 ? 0 : false, r[4], r[5]]);
    expect(evaluateIntervention(input({ rows: marks })).overall.interventionN).toBe(8);
  });

  it('refuses a column where nobody is marked', () => {
    const err = gapsError(() => evaluateIntervention(input({ columns: { pre: 1, post: 2, intervention: 5 }, rows: rows().map((r) => [...r.slice(0, 5), 'No']) })));
    expect(err.message).toMatch(/^No pupil is marked in "Booster"/);
  });

  it('needs at least two pupils with both scores', () => {
    const one = rows().slice(0, 1);
    const err = gapsError(() => evaluateIntervention(input({ rows: one })));
    expect(err.kind).toBe('na');
    expect(err.message).toMatch(/^Only 1 pupil has both a "Reading Pre" and a "Reading Post" score/);
  });

  it('says when no intervention pupil has both scores', () => {
    const noPost = rows().map((r, k) => (k < 8 ? [r[0], r[1], '', r[3], r[4], r[5]] : r));
    const err = gapsError(() => evaluateIntervention(input({ rows: noPost })));
    expect(err.kind).toBe('na');
    expect(err.message).toMatch(/^None of the 8 pupils marked in "Tutoring" has both/);
  });

  it('refuses data with no pupils', () => {
    expect(gapsError(() => evaluateIntervention(input({ rows: [] }))).message).toMatch(/no pupils/);
  });

  it('refuses the gap criterion without a disadvantaged column', () => {
    const err = gapsError(() => evaluateIntervention(input({ columns: { pre: 1, post: 2, intervention: 3 }, criterion: { kind: 'gapClosed', value: 1 } })));
    expect(err.message).toMatch(/needs the disadvantaged column/);
  });

  it('refuses a negative matching tolerance and a blank name', () => {
    expect(gapsError(() => evaluateIntervention(input({ comparisonMode: 'matched', tolerance: -2 }))).message).toMatch(/0 or more/);
    expect(gapsError(() => evaluateIntervention(input({ name: '  ' }))).message).toMatch(/Give the intervention a name/);
  });

  it('does not change the data it is given', () => {
    const data = rows().map((r) => Object.freeze(r));
    Object.freeze(data);
    expect(() => evaluateIntervention(input({ rows: data, comparisonMode: 'matched', tolerance: 2 }))).not.toThrow();
    expect(data[0]).toEqual(rows()[0]);
  });
});

describe('baselineOf', () => {
  it('sorts pre-test differences into the What Works Clearinghouse bands', () => {
    expect(baselineOf([1, 2, 3], [1, 2, 3]).status).toBe('equivalent');
    expect(baselineOf([1, 2, 3, 4], [2, 3, 4, 5]).status).toBe('not-equivalent'); // g = -0.67 (R)
    expect(baselineOf([1, 2, 3], []).status).toBe('no-comparison');
    expect(baselineOf([5], [5]).status).toBe('unknown');
  });
});
