import { challengeText, challengesFor, draftStatement, isClearGap, verdictOf, type EvaluationEvidence } from '../../../src/core/ppStatement/statement';
import { guessTier } from '../../../src/core/ppStatement/tiers';

const evaluation = (over: Partial<EvaluationEvidence>): EvaluationEvidence => ({
  name: 'Reading tutoring',
  date: '2026-07-01',
  effect: 0.31,
  months: 4,
  pupils: 10,
  costPerPupil: 120,
  strength: 'Moderate',
  criterion: "at least 3 months' additional progress",
  criterionMet: 'yes',
  verdict: null,
  ...over,
});

describe('Pupil Premium statement model', () => {
  it('guesses the tier from the intervention name and says which word led to it', () => {
    expect(guessTier('Reading tutoring')).toEqual({ tier: 'targeted', reason: 'its name mentions "reading"' });
    expect(guessTier('Attendance mentoring').tier).toBe('wider');
    expect(guessTier('Metacognition CPD for staff').tier).toBe('teaching');
    expect(guessTier('Project X').tier).toBe('targeted');
    expect(guessTier('Project X').reason).toMatch(/no word in its name/);
  });

  it('a gap is a challenge only when its whole interval is above zero', () => {
    expect(isClearGap({ measure: 'Maths', gap: 0.5, lower: 0.1, upper: 0.9, focusN: 5, otherN: 9, kind: 'points' })).toBe(true);
    expect(isClearGap({ measure: 'Maths', gap: 0.5, lower: -0.1, upper: 1.1, focusN: 5, otherN: 9, kind: 'points' })).toBe(false);
    expect(isClearGap({ measure: 'Maths', gap: 0.5, lower: null, upper: null, focusN: 5, otherN: 9, kind: 'points' })).toBe(false);
  });

  it('words a challenge with its figures, interval and group sizes', () => {
    expect(challengeText({ measure: 'Maths', gap: 0.52, lower: 0.1, upper: 0.94, focusN: 12, otherN: 40, kind: 'points' })).toBe(
      'In Maths, disadvantaged pupils are 0.52 points behind other pupils (95% interval 0.10 to 0.94; 12 disadvantaged pupils and 40 others).',
    );
    expect(challengeText({ measure: 'Persistent absence', gap: 0.124, lower: 0.031, upper: 0.2, focusN: 1, otherN: 30, kind: 'rate' })).toBe(
      'In Persistent absence, disadvantaged pupils are 12.4 percentage points behind other pupils (95% interval 3.1% to 20% ; 1 disadvantaged pupil and 30 others).'.replace('20% ;', '20%;'),
    );
  });

  it('puts the register verdict in plain words', () => {
    expect(verdictOf('yes')).toBe('met');
    expect(verdictOf('no')).toBe('not met');
    expect(verdictOf('cannot judge')).toBe("can't tell yet");
    expect(verdictOf(null)).toBe("can't tell yet");
  });

  it('links an intervention to the challenges in its subject', () => {
    const challenges = [
      { ref: 'C1', measure: 'Ma Sum', text: '' },
      { ref: 'C2', measure: 'Eng Sum', text: '' },
    ];
    expect(challengesFor('Reading tutoring', challenges)).toEqual(['C2']);
    expect(challengesFor('Maths booster', challenges)).toEqual(['C1']);
    expect(challengesFor('Breakfast club', challenges)).toEqual([]);
  });

  it('drafts each intervention once (its latest evaluation), under the confirmed tier, costed per pupil times pupils', () => {
    const m = draftStatement({
      pupils: { total: 180, disadvantaged: 45, source: 'Year 9' },
      gaps: [{ measure: 'Eng Sum', gap: 0.6, lower: 0.2, upper: 1, focusN: 45, otherN: 135, kind: 'points' }],
      evaluations: [evaluation({ date: '2025-07-01', criterionMet: 'no' }), evaluation({}), evaluation({ name: 'Attendance mentoring', criterion: null, criterionMet: null, costPerPupil: null })],
      actions: [{ statement: 'Culture', action: 'Training', owner: 'Head', reviewDate: '2027-01-01' }],
      tiers: { 'Reading tutoring': 'teaching' },
    });
    expect(m.overview.pupils?.share).toBeCloseTo(0.25, 12);
    expect(m.partA.activity.teaching.map((a) => [a.name, a.budgetedCost, a.challenges, a.confirmed])).toEqual([['Reading tutoring', 1200, 'C1', true]]);
    expect(m.partA.activity.wider.map((a) => a.name)).toEqual(['Attendance mentoring']);
    expect(m.partA.activity.wider[0].costText).toBe('not recorded in the register');
    expect(m.partB.reviews.map((r) => r.verdict)).toEqual(['met', "can't tell yet"]);
    expect(m.partB.reviews[1].text).toBe("Can't tell yet. Evaluated 2026-07-01. No success criterion was set. 4 months' additional progress.");
    expect(m.partA.outcomes.map((o) => o.criterion)).toEqual(["at least 3 months' additional progress", 'Training (led by Head, reviewed by 2027-01-01)']);
  });
});
