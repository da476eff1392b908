/**
 * Grade scales. Expected points from DOMAIN.md's table: GCSE 9-1 with U = 0 and +/- a third of a
 * grade; DfE Attainment 8 points for letters (A* 8.5 ... G 1, U 0); NC points = 6 x level + 3 with
 * sub-level c -2, b 0, a +2; KS2 TA WTS 1, EXS 2, GDS 3.
 */
import { SCALE_NAMES, gradePoints, gradeToPoints, guessScale, parseScaleName, tableScale } from '../../../src/core/grades';
import { GapsError } from '../../../src/core/errors';


function naMessage(v: unknown): string {
  expect(v).toBeInstanceOf(GapsError);
  expect((v as GapsError).kind).toBe('na');
  return (v as GapsError).message;
}

describe('GRADEPOINTS scales', () => {
  it.each([
    ['5+', 5 + 1 / 3], ['6-', 6 - 1 / 3], ['9', 9], ['1', 1], ['9+', 9 + 1 / 3], ['1-', 2 / 3], ['u', 0], ['U', 0],
    [' 4 ', 4], ['5 +', 5 + 1 / 3], ['6\u2212', 6 - 1 / 3], [7, 7], ['7.5', 7.5], [104, 104],
  ])('gcse: %p is %p', (g, p) => expect(gradeToPoints(g, 'gcse')).toBeCloseTo(p, 12));
  it.each([['A*', 8.5], ['a*', 8.5], [' A ', 7], ['B', 5.5], ['C', 4], ['D', 3], ['E', 2], ['F', 1.5], ['G', 1], ['U', 0], [6, 6]])(
    'letter: %p is %p', (g, p) => expect(gradeToPoints(g, 'letter')).toBe(p));
  it.each([
    ['4c', 25], ['4b', 27], ['4A', 29], ['4', 27], [5, 33], ['W', 3], ['w', 3], ['8a', 53], ['1c', 7], ['L4b', 27], ['Level 5c', 31],
    [27, 27], [2.5, 2.5], [' 39 ', 39],
  ])('nc: %p is %p', (g, p) => expect(gradeToPoints(g, 'nc')).toBe(p));
  it.each([['WTS', 1], ['exs', 2], [' GDS ', 3], [2, 2]])('ta: %p is %p', (g, p) => expect(gradeToPoints(g, 'ta')).toBe(p));

  it.each([
    ['gcse', ['A*', 'Z', '10+', '5++', 'WTS']],
    ['letter', ['A**', 'H', '5+', 'Z']],
    ['nc', ['9a', '4d', 'WTS', 'A', 'L9']],
    ['ta', ['PK3', 'HNM', 'EXS+', 'U']],
  ] as const)('%s: does not know %p', (scale, grades) => {
    for (const g of grades) expect(() => gradeToPoints(g, scale)).toThrow(`"${g}" is not a grade on the ${scale} scale`);
  });

  it('keeps blanks blank and makes an unknown grade a per-cell #N/A naming it', () => {
    const out = gradePoints([['5'], [null], ['Z'], [''], ['   '], [undefined]], 'gcse');
    expect(out[0][0]).toBe(5);
    expect([out[1][0], out[3][0], out[4][0], out[5][0]]).toEqual([null, null, null, null]);
    expect(naMessage(out[2][0])).toMatch(/"Z" is not a grade on the gcse scale/);
  });
  it('makes booleans, NaN and error values per-cell #N/A, quoting them', () => {
    const out = gradePoints([[true, NaN, { code: '#N/A' }, 'ABS', 4]], 'gcse');
    expect(naMessage(out[0][0])).toMatch(/^TRUE is not a grade/);
    expect(naMessage(out[0][1])).toMatch(/^NAN is not a grade/);
    expect(naMessage(out[0][2])).toMatch(/^#N\/A is not a grade/);
    expect(naMessage(out[0][3])).toMatch(/^"ABS" is not a grade/);
    expect(out[0][4]).toBe(4);
  });
  it('keeps the shape of the range and reads the default scale as gcse', () => {
    expect(gradePoints([['5', 'U'], ['6-', null]])).toEqual([[5, 0], [expect.closeTo(17 / 3, 12), null]]);
    expect(gradePoints([])).toEqual([]);
  });
  it('does not change its input', () => {
    const g = Object.freeze([Object.freeze(['A*', 'Q'])]);
    const out = gradePoints(g, 'letter');
    expect(out[0][0]).toBe(8.5);
    expect(g[0]).toEqual(['A*', 'Q']);
  });
  it('reads a school table before passing numbers through, ignoring case and spaces', () => {
    const scale = tableScale([['Secure', 3], ['Working  towards', '1'], [9, 90]]);
    expect(gradePoints([['secure'], [' working towards '], ['9'], [4], ['Greater depth'], [null]], scale)).toEqual([
      [3], [1], [90], [4], [expect.any(GapsError)], [null],
    ]);
    expect(naMessage(gradePoints([['Greater depth']], scale)[0][0])).toMatch(/"Greater depth" is not a grade on your scale table/);
  });
  it('skips a first row of headings and blank rows in a school table', () => {
    const scale = tableScale([['Grade', 'Points'], ['Mastery', 4], [null, null], ['Beginning', 1]]);
    expect(gradePoints([['Mastery'], ['beginning']], scale)).toEqual([[4], [1]]);
  });
  it('refuses a school table that is not grade/points rows, naming the row', () => {
    expect(() => tableScale([['Secure', 3], ['Developing', 'two']])).toThrow(/row 2 holds "two"/);
    expect(() => tableScale([['Secure', 3], [null, 2]])).toThrow(/row 2 holds a blank cell/);
    expect(() => tableScale([['Secure'], ['Developing']])).toThrow(/two columns/);
    expect(() => tableScale([[null, null]])).toThrow(/no rows/);
    expect(() => tableScale([])).toThrow(/two columns/);
  });
  it('names the valid scales when the scale is unknown', () => {
    expect(() => parseScaleName('btec')).toThrow(/"gcse", "letter", "nc", "ta"/);
    expect(() => parseScaleName(3)).toThrow(/but it is 3/);
    expect(parseScaleName(' Letter ')).toBe('letter');
    expect(SCALE_NAMES.map((s) => parseScaleName(s.toUpperCase()))).toEqual(['gcse', 'letter', 'nc', 'ta']);
  });
  it('guesses the scale that recognises most values', () => {
    expect(guessScale(['4c', '5b', 'W', null]).scale).toBe('nc');
    expect(guessScale(['A*', 'B', 'C', 'U']).scale).toBe('letter');
    expect(guessScale(['5+', '6-', '4', 'U']).scale).toBe('gcse');
    expect(guessScale(['EXS', 'GDS', 'WTS', '']).scale).toBe('ta');
    expect(guessScale([104, '98', 'ABS'])).toEqual({ scale: 'gcse', recognised: 2, total: 3 });
    expect(guessScale([])).toEqual({ scale: 'gcse', recognised: 0, total: 0 });
  });
});
