/** Checklist scores: expected values by hand arithmetic from DOMAIN.md's points. */
import { checklistScore, ratingPoints } from '../../../src/core/checklist/score';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('CHECKLISTSCORE', () => {
  it('averages rated statements\' points over 3, leaving blanks out: (3 + 1 + 1.5) / 3 / 3', () => {
    expect(checklistScore(col(['Embedded', ' developing ', null, '', 'Amber']))).toBeCloseTo(5.5 / 3 / 3, 12);
  });
  it('accepts numbers and numeric text 0-3 and every rating word', () => {
    expect(['Not started', 'Emerging', 'Secure', 'Green', 'Red', '2', 3].map((r) => ratingPoints(r))).toEqual([0, 1, 2, 3, 0, 2, 3]);
  });
  it('weights statements, a blank weight counting as 1: (2*3 + 1*0) / 3 / 3', () => {
    expect(checklistScore(col(['Embedded', 'Not started']), col([2, null]))).toBeCloseTo(6 / 3 / 3, 12);
  });
  it('is #VALUE! quoting an unknown rating and its row, or a rating outside 0-3', () => {
    expect(() => checklistScore(col(['Embedded', 'Mostly']))).toThrow('rating "Mostly" at row 2 is not a rating');
    expect(() => checklistScore(col([4]))).toThrow(/outside 0 to 3/);
    expect(() => checklistScore(col([true]))).toThrow(/not a rating/);
  });
  it('is #N/A when nothing is rated yet', () => {
    expect(() => checklistScore(col([null, '']))).toThrow(expect.objectContaining({ kind: 'na' }));
  });
  it('refuses negative weights', () => {
    expect(() => checklistScore(col([1]), col([-1]))).toThrow(/weight -1/);
  });
});
