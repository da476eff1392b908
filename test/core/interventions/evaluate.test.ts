import { evaluateIntervention, baselineOf, type EvaluationInput } from '../../../src/core/interventions/evaluate';
import { eefCostBand } from '../../../src/core/interventions/eefMonths';
import { GapsError } from '../../../src/core/errors';
import { bracketProblems } from './brackets';

/*
 * Expected values come from R 4.x: `Rscript test/core/interventions/evaluate.R` prints them, section by
 * section (rest, dis, baseline g rest, big, matched, balance, matched dis, single, gap welch, cluster,
 * reference 15). It fits lm(post ~ pre + T) (with weights = the match weights for the matched design,
 * and sandwich::vcovHC(type = "HC1") / vcovCL for the robust and cluster-robust intervals), divides
 * J x the coefficient by the SD of every pupil's post-test, and uses qt and t.test for the intervals;
 * its matching is written independently (nearest comparison pupils within the tolerance, ties sharing).
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
    expect(e.overall.adjustedDifference).toBeCloseTo(4.15903353768483, 10);
    expect(e.overall.effectSize).toBeCloseTo(0.576108943996351, 10);
    expect(e.overall.ciLower).toBeCloseTo(0.438757583812062, 10);
    expect(e.overall.ciUpper).toBeCloseTo(0.71346030418064, 10);
    expect(e.overall.months).toBe(7);
    expect(e.standardiser!.source).toBe('cohort post-test SD');
    expect(e.standardiser!.description).toMatch(/^the post-test SD of all 18 pupils with both scores \(/);
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
    expect(e.overall.baseline.message).toMatch(/started 0\.18 SD below .*adjusts for the pre-test, but it cannot adjust for reasons the school chose those pupils/);
    expect(e.overall.baseline.message).not.toMatch(/comparing gains/);
  });

  it('repeats the estimate for disadvantaged pupils in the intervention against the same comparison', () => {
    const d = e.disadvantaged!;
    expect(d.interventionN).toBe(4);
    expect(d.comparisonN).toBe(10);
    expect(d.effectSize).toBeCloseTo(0.728892894831195, 10);
    expect(d.ciLower).toBeCloseTo(0.598841997419548, 10);
    expect(d.months).toBe(9);
    expect(d.baseline.effectSize).toBeCloseTo(-0.741192361522415, 10);
    expect(d.baseline.status).toBe('not-equivalent');
    expect(e.verdict.forWhom).toMatch(/^Disadvantaged pupils in the intervention \(4\): effect size 0\.73.*fewer than 6 pupils/);
  });

  it('works out the cost per pupil over everyone who received it, its EEF band and the cost per month', () => {
    expect(e.received).toBe(8);
    expect(e.cost!.total).toBe(1800);
    expect(e.cost!.perPupil).toBe(225);
    expect(e.cost!.band).toBe(eefCostBand(225).label);
    expect(e.cost!.band).toMatch(/^Moderate/);
    expect(e.cost!.perMonth).toBeCloseTo(225 / 7, 10);
    expect(e.verdict.worth).toMatch(/^£225\.00 per pupil, .*£32\.14 per pupil for each month/);
  });

  it('writes a cost per pupil of a thousand pounds or more with a thousands separator and pence', () => {
    // £9,800 over the same 8 pupils: 9800 / 8 = 1225 per pupil, 1225 / 7 = 175 per month (by hand).
    const dear = evaluateIntervention(input({ criterion: { kind: 'months', value: 3 }, cost: '£9,800', costPer: 'total' }));
    expect(dear.cost!.perPupil).toBe(1225);
    expect(dear.verdict.worth).toMatch(/^£1,225\.00 per pupil, .*£175\.00 per pupil for each month/);
  });

  it('says the criterion is met when the whole interval reaches it, with limited evidence for the baseline imbalance', () => {
    expect(e.judgement).toEqual({ met: true, status: 'met', observed: "7 months' additional progress (interval 5 to 9 months)" });
    expect(e.verdict.met).toBe(true);
    expect(e.verdict.status).toBe('met');
    expect(e.verdict.strength).toBe('limited');
    expect(e.verdict.headline).toMatch(/^Met the success criterion \(at least 3 months' additional progress\): 7 months'/);
    expect(e.verdict.caveats.join(' ')).toMatch(/cannot adjust for reasons the school chose those pupils/);
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
    expect(e.overall.effectSize).toBeCloseTo(0.611467689538852, 10); // R: big
    expect(e.overall.ciLower).toBeCloseTo(0.547849851658904, 10);
    expect(e.verdict.strength).toBe('limited'); // the groups started 0.18 SD apart
    expect(e.verdict.headline).toMatch(/^Met the success criterion \(an effect size of at least 0.2\): an effect size of 0.61 \(interval 0.55 to 0.68\); effect size 0.61 \(95% CI 0.55 to 0.68\)/);
  });

  it("says can't tell yet when the interval straddles the criterion", () => {
    const e = evaluateIntervention(input({ criterion: { kind: 'effect', value: '0.5' } }));
    expect(e.judgement!.status).toBe("can't tell yet");
    expect(e.verdict.met).toBeNull();
    expect(e.verdict.headline).toMatch(/^Can't tell yet whether it met the success criterion \(an effect size of at least 0.5\)/);
  });

  it('says plainly when the criterion was not met', () => {
    const e = evaluateIntervention(input({ criterion: { kind: 'months', value: 10 } }));
    expect(e.verdict.met).toBe(false);
    expect(e.verdict.status).toBe('not met');
    expect(e.verdict.headline).toMatch(/^Did not meet the success criterion \(at least 10 months' additional progress\): 7 months'/);
  });

  it('judges the gap criterion on the change in the gap over the same pupils, with its interval (R: gap welch)', () => {
    const e = evaluateIntervention(input({ criterion: { kind: 'gapClosed', value: 2 } }));
    expect(e.gapInterval!.lower).toBeCloseTo(-0.875516887474516, 10);
    expect(e.gapInterval!.upper).toBeCloseTo(5.54218355414118, 10);
    expect(e.judgement).toEqual({ met: null, status: "can't tell yet", observed: 'the gap narrowed by 2.33 points (interval -0.88 to 5.54 points)' });
  });

  it('divides by a reference SD when given (R: reference 15)', () => {
    const e = evaluateIntervention(input({ referenceSd: '15' }));
    expect(e.overall.effectSize).toBeCloseTo(0.264065621440307, 10);
    expect(e.overall.ciLower).toBeCloseTo(0.201109174294842, 10);
    expect(e.standardiser).toEqual({ value: 15, source: 'reference', description: 'the reference SD you gave (15)' });
    for (const bad of ['0', '-3', 'fifteen']) {
      expect(gapsError(() => evaluateIntervention(input({ referenceSd: bad }))).message).toMatch(/^The reference SD must be a standard deviation above 0/);
    }
  });

  it('with a set column, warns that pupils in one group are not independent and gives a cluster-robust interval (R: cluster, vcovCL)', () => {
    const withSets = rows().map((r, k) => [...r, ['A', 'B', 'C', 'D', 'E', 'F'][k % 6]]);
    const e = evaluateIntervention(input({ headers: [...HEADERS, 'Set'], rows: withSets, clusterColumn: 6 }));
    expect(e.overall.effectSize).toBeCloseTo(0.576108943996351, 10);
    expect(e.overall.clusterInterval!.clusters).toBe(6);
    expect(e.overall.clusterInterval!.lower).toBeCloseTo(0.38111795109025, 10);
    expect(e.overall.clusterInterval!.upper).toBeCloseTo(0.771099936902452, 10);
    expect(e.verdict.caveats.join(' ')).toMatch(/pupils in one group are not independent, so the usual interval is too narrow.*0\.38 to 0\.77/);
    expect(e.verdict.strength).not.toBe('moderate');
  });

  it('gives the estimate without a judgement when no criterion was set', () => {
    const e = evaluateIntervention(input());
    expect(e.criterion).toBeNull();
    expect(e.verdict.met).toBeNull();
    expect(e.verdict.headline).toMatch(/^No success criterion was set; effect size 0.58/);
  });
});

describe('evaluateIntervention with a matched comparison group', () => {
  const e = evaluateIntervention(input({ comparisonMode: 'matched', tolerance: '1' }));

  it('pairs pupils on the pre-test and leaves out the one without a partner', () => {
    const m = e.matching!;
    expect(m.pairs.map((p) => [p.intervention.label, p.comparison.label])).toEqual([
      ['Pupil A', 'Pupil N'],
      ['Pupil B', 'Pupil J'], // 93 and 91 are equally near 92: they share the weight
      ['Pupil C', 'Pupil K'],
      ['Pupil D', 'Pupil K'], // with replacement; 96 and 98 share
      ['Pupil E', 'Pupil P'],
      ['Pupil G', 'Pupil I'],
      ['Pupil H', 'Pupil L'],
    ]);
    expect(m.pairs.map((p) => p.partners)).toEqual([1, 2, 1, 2, 1, 1, 2]);
    expect(m.unmatched).toEqual([{ row: 5, label: 'Pupil F', pre: 85, reason: 'no comparison pupil within the tolerance' }]);
    expect(e.verdict.caveats.join(' ')).toMatch(/1 intervention pupil has no matched partner .* for the matched pupils only/);
    expect(m.balance.standardisedDifference).toBeCloseTo(0, 12); // R: balance after
    expect(m.balance.standardisedDifferenceBefore).toBeCloseTo(-0.191983790224682, 12);
    expect(m.balance.effectiveComparisonSize).toBeCloseTo(6.125, 12);
  });

  it('estimates the effect on the matched pairs only, as R does', () => {
    expect(e.overall.interventionN).toBe(7);
    expect(e.overall.comparisonN).toBe(7);
    expect(e.overall.effectSize).toBeCloseTo(0.505745026670999, 10); // R: matched, lm(weights=), larger of vcovHC HC1 and the re-use SE
    expect(e.overall.ciLower).toBeCloseTo(0.367537912859766, 10);
    expect(e.overall.ciUpper).toBeCloseTo(0.643952140482233, 10);
    expect(e.overall.effectiveComparisonN).toBeCloseTo(6.125, 12);
    expect(e.overall.baseline.status).toBe('equivalent');
    expect(e.overall.note).toMatch(/The estimate is for the 7 matched intervention pupils, not the 1 without a match/);
    expect(e.disadvantaged!.effectSize).toBeCloseTo(0.615544337171517, 10); // R: matched dis
    expect(e.disadvantaged!.ciLower).toBeCloseTo(0.452273554930771, 10);
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
    expect(e.overall.effectSize).toBeCloseTo(1.42901607828825, 10); // R: single
    expect(e.overall.ciLower).toBeCloseTo(1.17513177297166, 10);
    expect(e.overall.ciUpper).toBeCloseTo(1.68290038360485, 10);
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

describe('evaluateIntervention does not depend on the order of the rows', () => {
  it('gives the same matched result, to the last digit, for shuffled rows', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const data: unknown[][] = [];
    for (let k = 0; k < 600; k++) {
      const pre = Math.round(80 + 40 * rand());
      const flagged = pre < 95 && rand() < 0.5;
      data.push([`P${k}`, pre, pre + Math.round(10 * rand()) + (flagged ? 2 : 0), flagged ? 'Y' : 'N', rand() < 0.3 ? 'PP' : 'N', 'N']);
    }
    const run = (rs: unknown[][]) => evaluateIntervention(input({ rows: rs, comparisonMode: 'matched', tolerance: 1, criterion: { kind: 'months', value: 2 } }));
    const a = run(data);
    const order = data.map((_, i) => i).sort(() => rand() - 0.5);
    const b = run(order.map((i) => data[i]));
    const c = run([...data].reverse());
    for (const other of [b, c]) {
      expect(other.overall.effectSize).toBe(a.overall.effectSize);
      expect(other.overall.ciLower).toBe(a.overall.ciLower);
      expect(other.overall.ciUpper).toBe(a.overall.ciUpper);
      expect(other.disadvantaged!.effectSize).toBe(a.disadvantaged!.effectSize);
      expect(other.matching!.balance).toEqual(a.matching!.balance);
      expect(other.verdict.headline).toBe(a.verdict.headline);
      expect(other.standardiser).toEqual(a.standardiser);
    }
  });
});

describe('evidence strength is consistent', () => {
  it('never rates a well-balanced matched design below every other pupil with a baseline imbalance', () => {
    const order = { weak: 0, limited: 1, moderate: 2 } as const;
    const big = [...rows(), ...rows(), ...rows(), ...rows()];
    const rest = evaluateIntervention(input({ rows: big, columns: { pre: 1, post: 2, intervention: 3 } }));
    const matched = evaluateIntervention(input({ rows: big, columns: { pre: 1, post: 2, intervention: 3 }, comparisonMode: 'matched', tolerance: 1 }));
    expect(rest.overall.baseline.status).toBe('adjusted');
    expect(matched.overall.baseline.status).toBe('equivalent');
    expect(order[matched.verdict.strength]).toBeGreaterThanOrEqual(order[rest.verdict.strength]);
  });
  it('says weak for a group under 6 pupils or no comparison group', () => {
    expect(evaluateIntervention(input({ rows: rows().slice(0, 8) })).verdict.strength).toBe('weak');
    const few = rows().map((r, k) => (k >= 4 && k < 8 ? [r[0], r[1], r[2], '', r[4], r[5]] : r));
    const e = evaluateIntervention(input({ rows: few }));
    expect(e.verdict.strength).toBe('weak');
    expect(e.verdict.caveats.join(' ')).toMatch(/Only 4 pupils in the intervention group/);
  });
});

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/** Every string in an evaluation (verdict, notes, caveats, design, baseline, judgement...), on many of the inputs above. */
describe('no sentence of an evaluation has brackets inside brackets or two bracketed phrases in a row', () => {
  test('the scan itself finds both, and passes plain brackets', () => {
    expect(bracketProblems('a (b (c) d)')).toHaveLength(1);
    expect(bracketProblems('a (b) (c)')).toHaveLength(1);
    expect(bracketProblems('a (b), (c)')).toHaveLength(1);
    expect(bracketProblems('a (b) and (c); d (e)')).toEqual([]);
  });

  const allIn = rows().map((r) => [r[0], r[1], r[2], 'Y', r[4], r[5]]);
  const three = rows().map((r, k) => [r[0], r[1], r[2], k < 3 ? 'Y' : '', r[4], r[5]]);
  const cases: Array<[string, Partial<EvaluationInput>]> = [
    ['every other pupil, months, cost in total', { criterion: { kind: 'months', value: 3 }, cost: '£1,800', costPer: 'total' }],
    ['a very high cost per pupil', { criterion: { kind: 'months', value: 3 }, cost: '£9,800', costPer: 'total' }],
    ['a cost per pupil', { criterion: { kind: 'effect', value: 0.2 }, cost: '120', costPer: 'pupil' }],
    ['an effect-size criterion', { criterion: { kind: 'effect', value: 0.2 } }],
    ['the gap criterion', { criterion: { kind: 'gapClosed', value: 2 } }],
    ['a criterion not met', { criterion: { kind: 'months', value: 12 } }],
    ['no criterion', {}],
    ['a matched comparison', { comparisonMode: 'matched', tolerance: 1, criterion: { kind: 'months', value: 2 }, cost: '£900', costPer: 'total' }],
    ['a flagged comparison', { comparisonMode: 'flagged', columns: { pre: 1, post: 2, intervention: 3, comparison: 5, disadvantaged: 4 }, criterion: { kind: 'months', value: 3 } }],
    ['a reference SD', { referenceSd: 15, criterion: { kind: 'months', value: 3 } }],
    ['a set column', { clusterColumn: 5, criterion: { kind: 'months', value: 3 } }],
    ['a single group that meets the criterion (the weak-design headline)', { rows: allIn, criterion: { kind: 'months', value: 3 }, cost: '£25,000', costPer: 'total' }],
    ['three pupils in the intervention', { rows: three, criterion: { kind: 'months', value: 3 }, cost: '£300', costPer: 'total' }],
    ['nobody matched', { rows: rows().map((r, k) => (k >= 8 ? [r[0], 200 + k, 210, r[3], r[4], r[5]] : r)), comparisonMode: 'matched', tolerance: 0, criterion: { kind: 'months', value: 3 } }],
  ];

  test.each(cases)('%s', (_, over) => {
    const e = evaluateIntervention(input(over));
    const texts = stringsOf(e);
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.flatMap(bracketProblems)).toEqual([]);
  });

  test('the weak-design headline and the cost sentence are among the sentences scanned', () => {
    const weak = evaluateIntervention(input({ rows: allIn, criterion: { kind: 'months', value: 3 }, cost: '£25,000', costPer: 'total' }));
    expect(weak.verdict.headline).toMatch(/^The whole interval meets the success criterion/);
    expect(weak.verdict.worth).toMatch(/Very high/);
  });
});
