/** Grade scales: expected points from DOMAIN.md's table (DfE Attainment 8 points, NC points = 6L + 3). */
import { gradePoints, gradeToPoints, guessScale, parseScaleName, tableScale } from '../../../src/core/grades';
import { GapsError } from '../../../src/core/errors';

describe('GRADEPOINTS scales', () => {
  it.each([
    ['5+', 5 + 1 / 3], ['6-', 6 - 1 / 3], ['9', 9], ['u', 0], [' 4 ', 4], [7, 7], ['7.5', 7.5],
  ])('gcse: %p is %p', (g, p) => expect(gradeToPoints(g, 'gcse')).toBeCloseTo(p, 12));
  it.each([['A*', 8.5], ['a', 7], ['B', 5.5], ['C', 4], ['D', 3], ['E', 2], ['F', 1.5], ['G', 1], ['U', 0]])(
    'letter: %p is %p', (g, p) => expect(gradeToPoints(g, 'letter')).toBe(p));
  it.each([['4c', 25], ['4b', 27], ['4A', 29], ['4', 27], [5, 33], [27, 27], ['W', 3], ['8a', 53], ['1c', 7]])(
    'nc: %p is %p', (g, p) => expect(gradeToPoints(g, 'nc')).toBe(p));
  it.each([['WTS', 1], ['exs', 2], ['GDS', 3]])('ta: %p is %p', (g, p) => expect(gradeToPoints(g, 'ta')).toBe(p));

  it('keeps blanks blank and makes an unknown grade a per-cell #N/A naming it', () => {
    const out = gradePoints([['5'], [null], ['Z'], ['']], 'gcse');
    expect(out[0][0]).toBe(5);
    expect(out[1][0]).toBeNull();
    expect(out[3][0]).toBeNull();
    expect(out[2][0]).toBeInstanceOf(GapsError);
    expect((out[2][0] as GapsError).message).toMatch(/"Z" is not a grade on the gcse scale/);
  });
  it('reads a school table before passing numbers through', () => {
    const scale = tableScale([['Secure', 3], ['Developing', '2'], [9, 90]]);
    expect(gradePoints([['secure'], ['9'], [4]], scale)).toEqual([[3], [90], [4]]);
  });
  it('names the valid scales when the scale is unknown', () => {
    expect(() => parseScaleName('levels ks3x')).toThrow(/"gcse", "letter", "nc", "ta"/);
    expect(parseScaleName(' Letter ')).toBe('letter');
  });
  it('guesses the scale that recognises most values', () => {
    expect(guessScale(['4c', '5b', 'W', null]).scale).toBe('nc');
    expect(guessScale(['A*', 'B', 'C']).scale).toBe('letter');
    expect(guessScale(['5+', '6-', '4']).scale).toBe('gcse');
    expect(guessScale(['EXS', 'GDS', 'WTS']).scale).toBe('ta');
  });
});
