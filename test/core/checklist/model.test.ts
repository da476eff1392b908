import {
  addCustom,
  emptyState,
  isIsoDate,
  normaliseRating,
  parseState,
  pointsOf,
  scoresOf,
  serialiseState,
  statementsOf,
  validateCustom,
  validateResponse,
  withResponse,
  withStep,
  type ChecklistState,
} from '../../../src/core/checklist/model';

function rated(ratings: Record<string, string>): ChecklistState {
  let s = emptyState();
  for (const [id, r] of Object.entries(ratings)) s = withResponse(s, id, { rating: r });
  return s;
}

// Points: Not started 0, Developing 1, Established 2, Embedded 3, Amber 1.5, Green 3.
const REVIEW = {
  culture: 'Embedded', // expectations: 3
  sets: 'Developing', // expectations: 1
  data: 'Established', // identifying: 2 (bursary unrated)
  factors: 'Not started', // barriers: 0
  impact: 'Amber', // measuring: 1.5 (goals unrated)
  champion: 'Embedded', // leadership: 3
  planning: 'Established', // leadership: 2
};

describe('checklist scores by area and overall', () => {
  test('each area scores the mean points of its rated statements divided by 3', () => {
    const scores = scoresOf(rated(REVIEW));
    const byArea = Object.fromEntries(scores.areas.map((a) => [a.area.id, a]));
    // By hand: expectations (3 + 1) / 2 / 3 = 0.6667; identifying 2 / 1 / 3 = 0.6667; barriers 0;
    // choosing and implementing: nothing rated; measuring 1.5 / 3 = 0.5; leadership (3 + 2) / 2 / 3 = 0.8333.
    expect(byArea.expectations.score).toBeCloseTo(2 / 3, 12);
    expect(byArea.identifying.score).toBeCloseTo(2 / 3, 12);
    expect(byArea.identifying).toMatchObject({ rated: 1, statements: 2 });
    expect(byArea.barriers.score).toBe(0);
    expect(byArea.choosing.score).toBeNull();
    expect(byArea.implementing).toMatchObject({ rated: 0, statements: 1, score: null });
    expect(byArea.measuring.score).toBeCloseTo(0.5, 12);
    expect(byArea.leadership.score).toBeCloseTo(5 / 6, 12);
  });

  test('the overall score is the mean points of every rated statement divided by 3', () => {
    // By hand: (3 + 1 + 2 + 0 + 1.5 + 3 + 2) = 12.5 over 7 statements; 12.5 / 7 / 3 = 0.595238...
    const overall = scoresOf(rated(REVIEW)).overall;
    expect(overall).toMatchObject({ rated: 7, statements: 11 });
    expect(overall.score).toBeCloseTo(12.5 / 21, 12);
  });

  test("the school's own statements count in their area and overall", () => {
    const s = addCustom(rated(REVIEW), { area: 'choosing', title: 'Tutoring matched to need', text: '' });
    const withOwn = withResponse(s, 'custom-1', { rating: 'Green' });
    const scores = scoresOf(withOwn);
    // By hand: choosing = 3 / 3 = 1; overall = (12.5 + 3) / 8 / 3 = 0.645833...
    expect(scores.areas.find((a) => a.area.id === 'choosing')?.score).toBe(1);
    expect(scores.overall.score).toBeCloseTo(15.5 / 24, 12);
    expect(scores.overall.statements).toBe(12);
  });

  test('nothing rated gives no score rather than zero', () => {
    const scores = scoresOf(emptyState());
    expect(scores.overall).toEqual({ statements: 11, rated: 0, score: null });
    expect(scores.areas.every((a) => a.score === null)).toBe(true);
  });

  test('scoring does not change the review', () => {
    const s = Object.freeze(rated(REVIEW));
    const before = JSON.stringify(s);
    scoresOf(s);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('ratings', () => {
  test('the four wizard ratings and the words colleagues use are worth their points', () => {
    expect(['Not started', 'Developing', 'Established', 'Embedded'].map(pointsOf)).toEqual([0, 1, 2, 3]);
    expect(pointsOf('Amber')).toBe(1.5);
    expect(pointsOf('secure')).toBe(2);
    expect(pointsOf('  ')).toBeNull();
    expect(pointsOf(null)).toBeNull();
    expect(pointsOf('Brilliant')).toBeNaN();
  });

  test('a rating typed in any case is stored as the wizard word', () => {
    expect(normaliseRating(' embedded ')).toBe('Embedded');
    expect(normaliseRating('NOT STARTED')).toBe('Not started');
    expect(normaliseRating('Amber')).toBe('Amber');
    expect(normaliseRating('')).toBeNull();
  });
});

describe('validation of answers', () => {
  test('a good answer has no problems', () => {
    expect(validateResponse({ rating: 'Established', evidence: 'Gap report', owner: 'AHT', nextAction: '', reviewDate: '2027-03-31' })).toEqual({});
  });

  test('an unknown rating, a date that does not exist and text too long for a cell are each reported', () => {
    const p = validateResponse({ rating: 'Great', evidence: 'x'.repeat(32001), owner: '', nextAction: '', reviewDate: '2027-02-30' });
    expect(p.rating).toMatch(/"Great" is not a rating/);
    expect(p.reviewDate).toMatch(/"2027-02-30" is not a date/);
    expect(p.evidence).toMatch(/32,001 characters/);
  });

  test('ISO dates must be real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('31/03/2027')).toBe(false);
  });

  test('a statement of our own needs an area and a title not already used', () => {
    const s = emptyState();
    expect(validateCustom({ area: '', title: ' ', text: '' }, s)).toEqual({
      area: 'Choose the area this statement belongs to.',
      title: 'Give the statement a short title.',
    });
    expect(validateCustom({ area: 'barriers', title: 'good teaching in every set', text: '' }, s).title).toMatch(/already/);
    expect(validateCustom({ area: 'barriers', title: 'Attendance of FSM pupils', text: '' }, s)).toEqual({});
  });
});

describe("the school's own statements", () => {
  test('are numbered after the eleven and keep distinct ids even after one is removed from the list', () => {
    let s = addCustom(emptyState(), { area: 'barriers', title: 'Attendance', text: 'FSM attendance is tracked weekly' });
    s = addCustom(s, { area: 'leadership', title: 'Governor link', text: '' });
    const list = statementsOf(s);
    expect(list.slice(11).map((x) => [x.id, x.number, x.title, x.text, x.custom])).toEqual([
      ['custom-1', 12, 'Attendance', 'FSM attendance is tracked weekly', true],
      ['custom-2', 13, 'Governor link', 'Governor link', true],
    ]);
    const fewer = { ...s, custom: s.custom.slice(1) };
    expect(addCustom(fewer, { area: 'barriers', title: 'Homework', text: '' }).custom.map((c) => c.id)).toEqual(['custom-2', 'custom-3']);
  });
});

describe('saved state', () => {
  test('round-trips through its saved text', () => {
    let s = withStep(rated(REVIEW), 4);
    s = addCustom(s, { area: 'barriers', title: 'Attendance', text: '' });
    s = withResponse(s, 'culture', { evidence: 'Survey 2026', owner: 'Head', nextAction: 'Repeat survey', reviewDate: '2027-07-01' });
    expect(parseState(serialiseState(s))).toEqual({ state: s, note: null });
  });

  test('damaged or missing saved state starts a fresh review with a note, never a crash', () => {
    expect(parseState(null)).toEqual({ state: emptyState(), note: null });
    const bad = parseState('{"step": 3, "responses": ');
    expect(bad.state).toEqual(emptyState());
    expect(bad.note).toMatch(/could not be read/);
    expect(parseState('42').state).toEqual(emptyState());
  });

  test('odd values inside saved state are dropped field by field', () => {
    const { state } = parseState(
      JSON.stringify({ step: 99, responses: { culture: { rating: 'embedded', evidence: 7 }, sets: 'x' }, custom: [{ id: 'custom-1', area: 'nowhere', title: 'T' }] }),
    );
    expect(state.step).toBe(11); // clamped to the summary step
    expect(state.responses).toEqual({ culture: { rating: 'Embedded', evidence: '', owner: '', nextAction: '', reviewDate: '' } });
    expect(state.custom).toEqual([]);
  });

  test('the step stays between the first statement and the summary', () => {
    expect(withStep(emptyState(), -3).step).toBe(0);
    expect(withStep(emptyState(), 20).step).toBe(11);
    expect(withStep(emptyState(), NaN).step).toBe(0);
  });
});
