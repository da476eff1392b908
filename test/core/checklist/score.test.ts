/** Checklist scores: expected values by hand arithmetic from DOMAIN.md's points (each shown beside it). */
import { RATING_WORDS, checklistScore, ratingPoints } from '../../../src/core/checklist/score';
import { thrown } from '../thrown';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('CHECKLISTSCORE ratings', () => {
  it('averages rated statements\' points over 3, leaving blanks out: (3 + 1 + 1.5) / 3 / 3', () => {
    expect(checklistScore(col(['Embedded', ' developing ', null, '', '   ', undefined, 'Amber']))).toBeCloseTo(5.5 / 3 / 3, 12);
  });
  it('reads every rating word, ignoring case, spaces and hyphens', () => {
    const words = ['Not started', 'NOT-STARTED', 'developing', 'Emerging', 'established', 'Secure', 'Embedded', 'red', 'AMBER', ' Green '];
    expect(words.map((r) => ratingPoints(r))).toEqual([0, 0, 1, 1, 2, 2, 3, 0, 1.5, 3]);
  });
  it('lists the rating words with their points for the wizard', () => {
    expect(new Map(RATING_WORDS)).toEqual(new Map<string, number>([
      ['Not started', 0], ['Developing', 1], ['Established', 2], ['Embedded', 3], ['Emerging', 1], ['Secure', 2], ['Red', 0], ['Amber', 1.5], ['Green', 3],
    ]));
  });
  it('accepts numbers and numeric text from 0 to 3', () => {
    expect([0, 3, 2.5, '2', ' 1.5 '].map((r) => ratingPoints(r))).toEqual([0, 3, 2.5, 2, 1.5]);
    expect(checklistScore([[0, '3'], [1.5, null]])).toBeCloseTo(4.5 / 3 / 3, 12);
  });
  it('is #VALUE! quoting an unknown rating and its position', () => {
    expect(thrown(() => checklistScore(col(['Embedded', 'Mostly']))).message).toMatch('rating "Mostly" at row 2 is not a rating');
    expect(thrown(() => checklistScore([['Embedded', 'Mostly']])).message).toMatch('rating "Mostly" at row 1, column 2');
  });
  it.each([[true, 'TRUE'], [false, 'FALSE'], [{ code: '#N/A' }, '#N/A'], [NaN, 'NAN'], ['ABS', '"ABS"']])('is #VALUE! for %p, quoting it', (cell, shown) => {
    const e = thrown(() => checklistScore(col([1, cell])));
    expect(e.kind).toBe('value');
    expect(e.message).toContain(`rating ${shown} at row 2`);
  });
  it('is #VALUE! naming a number outside 0 to 3 and its row', () => {
    expect(thrown(() => checklistScore(col([2, 4]))).message).toMatch(/rating 4 at row 2 is outside 0 to 3/);
    expect(thrown(() => checklistScore(col(['-1']))).message).toMatch(/rating "-1" at row 1 is outside 0 to 3/);
  });
  it('is #N/A when nothing is rated yet, including an empty range', () => {
    for (const r of [col([null, '', '  ']), []]) {
      const e = thrown(() => checklistScore(r));
      expect(e.kind).toBe('na');
      expect(e.message).toMatch(/no statements have been rated yet/);
    }
  });
  it('scores a single statement', () => {
    expect(checklistScore([['Established']])).toBeCloseTo(2 / 3, 12);
  });
});

describe('CHECKLISTSCORE weights', () => {
  it('weights statements, a blank weight counting as 1: (2*3 + 1*0) / 3 / 3', () => {
    expect(checklistScore(col(['Embedded', 'Not started']), col([2, null]))).toBeCloseTo(6 / 3 / 3, 12);
  });
  it('ignores the weight of an unrated statement: (0.5*2 + 3*1) / 3.5 / 3', () => {
    expect(checklistScore(col(['Secure', null, 'Developing']), col([' 0.5 ', 10, 3]))).toBeCloseTo(4 / 3.5 / 3, 12);
  });
  it('treats omitted or empty weights as none', () => {
    expect(checklistScore(col(['Embedded', 'Red']), null)).toBeCloseTo(0.5, 12);
    expect(checklistScore(col(['Embedded', 'Red']), [])).toBeCloseTo(0.5, 12);
  });
  it('refuses negative, text, boolean and error weights, even for unrated statements', () => {
    expect(thrown(() => checklistScore(col([1]), col([-1]))).message).toMatch(/weight -1 at row 1/);
    expect(thrown(() => checklistScore(col([1, null]), col([1, 'high']))).message).toMatch(/weight "high" at row 2/);
    expect(thrown(() => checklistScore(col([1]), col([true]))).message).toMatch(/weight TRUE/);
    expect(thrown(() => checklistScore(col([1]), col([{ code: '#REF!' }]))).message).toMatch(/weight #REF!/);
  });
  it('is #VALUE! naming both sizes when ratings and weights differ', () => {
    expect(thrown(() => checklistScore(col([1, 2]), col([1]))).message).toBe('ratings has 2 cells but weights has 1: select ranges of the same size');
  });
  it('is #N/A when every rated statement has weight 0', () => {
    const e = thrown(() => checklistScore(col(['Embedded', null]), col([0, 1])));
    expect(e.kind).toBe('na');
    expect(e.message).toMatch(/no statements have been rated yet with a weight above 0/);
  });
  it('does not change its inputs', () => {
    const r = Object.freeze([Object.freeze(['Green', 'Amber'])]);
    const w = Object.freeze([Object.freeze([1, 3])]);
    expect(checklistScore(r, w)).toBeCloseTo((3 + 4.5) / 4 / 3, 12);
  });
});
