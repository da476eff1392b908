import {
  criterionProblem,
  describeCriterion,
  judgeCriterion,
  parseCriterion,
} from '../../../src/core/interventions/criteria';
import { GapsError } from '../../../src/core/errors';

describe('parseCriterion', () => {
  it('reads each kind of criterion from the form, numbers typed as text included', () => {
    expect(parseCriterion({ kind: 'months', value: '3' })).toEqual({ kind: 'months', atLeast: 3 });
    expect(parseCriterion({ kind: 'effect', value: ' 0.2 ' })).toEqual({ kind: 'effect', atLeast: 0.2 });
    expect(parseCriterion({ kind: 'gapClosed', value: 2 })).toEqual({ kind: 'gapClosed', points: 2 });
  });

  it('returns null when no criterion is chosen, whatever is in the box', () => {
    expect(parseCriterion({ kind: 'none', value: 'anything' })).toBeNull();
  });

  it.each([
    ['months', '', /whole number from 0 to 12.*it is empty/],
    ['months', '2.5', /whole number from 0 to 12.*"2.5"/],
    ['months', '13', /whole number from 0 to 12/],
    ['months', 'lots', /"lots"/],
    ['effect', '0', /above 0 and at most 2/],
    ['effect', '3', /above 0 and at most 2/],
    ['gapClosed', '-1', /must be above 0/],
    ['gapClosed', null, /it is empty/],
  ])('rejects %s = %p with a message saying what to type', (kind, value, message) => {
    expect(() => parseCriterion({ kind: kind as 'months', value })).toThrow(GapsError);
    expect(() => parseCriterion({ kind: kind as 'months', value })).toThrow(message);
    expect(criterionProblem({ kind: kind as 'months', value })).toMatch(message);
  });

  it('has no problem to report for a sensible form', () => {
    expect(criterionProblem({ kind: 'months', value: '0' })).toBeNull();
    expect(criterionProblem({ kind: 'none', value: '' })).toBeNull();
  });
});

describe('describeCriterion', () => {
  it('puts each criterion in plain words', () => {
    expect(describeCriterion({ kind: 'months', atLeast: 1 })).toBe("at least 1 month's additional progress");
    expect(describeCriterion({ kind: 'months', atLeast: 3 })).toBe("at least 3 months' additional progress");
    expect(describeCriterion({ kind: 'effect', atLeast: 0.2 })).toBe('an effect size of at least 0.2');
    expect(describeCriterion({ kind: 'gapClosed', points: 2 })).toBe('the disadvantaged gap narrows by at least 2 points');
  });
});

describe('judgeCriterion', () => {
  const evidence = { months: 3, effectSize: 0.195, gapNarrowing: 1.5 };

  it('meets a months criterion at exactly the months asked for', () => {
    expect(judgeCriterion({ kind: 'months', atLeast: 3 }, evidence)).toEqual({ met: true, observed: "3 months' additional progress" });
    expect(judgeCriterion({ kind: 'months', atLeast: 4 }, evidence).met).toBe(false);
  });

  it('compares effect sizes as shown, rounded to 2 decimal places', () => {
    expect(judgeCriterion({ kind: 'effect', atLeast: 0.2 }, evidence)).toEqual({ met: true, observed: 'an effect size of 0.20' });
    expect(judgeCriterion({ kind: 'effect', atLeast: 0.2 }, { ...evidence, effectSize: 0.194 }).met).toBe(false);
  });

  it('judges the gap criterion on how far the gap narrowed, and says when it widened', () => {
    expect(judgeCriterion({ kind: 'gapClosed', points: 1.5 }, evidence)).toEqual({ met: true, observed: 'the gap narrowed by 1.5 points' });
    expect(judgeCriterion({ kind: 'gapClosed', points: 2 }, evidence).met).toBe(false);
    expect(judgeCriterion({ kind: 'gapClosed', points: 1 }, { ...evidence, gapNarrowing: -2 })).toEqual({
      met: false,
      observed: 'the gap widened by 2 points',
    });
  });

  it('cannot judge without the evidence the criterion needs', () => {
    expect(judgeCriterion({ kind: 'gapClosed', points: 1 }, { ...evidence, gapNarrowing: null }).met).toBeNull();
    expect(judgeCriterion({ kind: 'months', atLeast: 1 }, { ...evidence, months: NaN }).met).toBeNull();
    expect(judgeCriterion({ kind: 'effect', atLeast: 0.1 }, { ...evidence, effectSize: NaN }).met).toBeNull();
  });
});

describe('judgeCriterion against the interval', () => {
  const base = { months: 4, effectSize: 0.3, gapNarrowing: 2 };
  it("is 'met' only when the whole interval reaches the criterion", () => {
    // EEF table: 0.19 -> 3 months, 0.36 -> 5 months
    expect(judgeCriterion({ kind: 'months', atLeast: 3 }, { ...base, ciLower: 0.19, ciUpper: 0.36 })).toEqual({
      met: true, status: 'met', observed: "4 months' additional progress (interval 3 to 5 months)",
    });
    expect(judgeCriterion({ kind: 'effect', atLeast: 0.2 }, { ...base, ciLower: 0.2, ciUpper: 0.4 }).status).toBe('met');
  });
  it("is 'not met' when the whole interval falls short", () => {
    const j = judgeCriterion({ kind: 'months', atLeast: 6 }, { ...base, ciLower: 0.19, ciUpper: 0.36 });
    expect([j.status, j.met]).toEqual(['not met', false]);
    expect(judgeCriterion({ kind: 'effect', atLeast: 0.5 }, { ...base, ciLower: 0.1, ciUpper: 0.49 }).status).toBe('not met');
  });
  it("is \"can't tell yet\" when the interval straddles the criterion, even if the estimate reaches it", () => {
    const j = judgeCriterion({ kind: 'effect', atLeast: 0.2 }, { ...base, ciLower: 0.05, ciUpper: 0.55 });
    expect(j).toEqual({ met: null, status: "can't tell yet", observed: 'an effect size of 0.30 (interval 0.05 to 0.55)' });
    expect(judgeCriterion({ kind: 'gapClosed', points: 1 }, { ...base, gapLower: -0.5, gapUpper: 4.5 }).status).toBe("can't tell yet");
    expect(judgeCriterion({ kind: 'gapClosed', points: 1 }, { ...base, gapLower: 1.2, gapUpper: 4.5 }).status).toBe('met');
  });
});
