import { defaultThreshold } from '../../../src/core/columns';
import { tableScale } from '../../../src/core/grades';

describe('defaultThreshold', () => {
  test('GCSE grades: 4, the standard pass', () => {
    expect(defaultThreshold('gcse', [['5+'], [4], ['6-'], [null]])).toBe(4);
  });

  test('scaled or standardised scores (mostly 70 and above): 100', () => {
    expect(defaultThreshold('gcse', [[104], ['98'], [111], ['ABS']])).toBe(100);
  });

  test('letters: 4 (grade C), NC levels: 27 (4b), KS2 TA: 2 (EXS)', () => {
    expect([defaultThreshold('letter', [['B']]), defaultThreshold('nc', [['4a']]), defaultThreshold('ta', [['EXS']])]).toEqual([4, 27, 2]);
  });

  test("a school's own table: its middle grade's points", () => {
    expect(defaultThreshold(tableScale([['Emerging', 1], ['Developing', 2], ['Secure', 3], ['Mastery', 4]]), [])).toBe(2);
  });

  test('reads the column it is given', () => {
    expect(defaultThreshold('gcse', [[5, 104], [6, 99]], 1)).toBe(100);
  });
});
