import { editText, numberFromText, parseInput } from '../../src/preview/parseInput';
import type { CellValue } from '../../src/workbook/port';

describe('typing into a preview cell stores what Excel would store', () => {
  test.each<[string, CellValue]>([
    // Formulas, exactly as typed.
    ['=GAPS.FSMGAP(L2:L5,M2:M5)', '=GAPS.FSMGAP(L2:L5,M2:M5)'],
    ['=gaps.fsmgap( L2:L5 , M2:M5 )', '=gaps.fsmgap( L2:L5 , M2:M5 )'],
    // Numbers.
    ['100', 100],
    [' 98 ', 98],
    ['-3.5', -3.5],
    ['+7', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['1,234.5', 1234.5],
    ['12,345,678', 12345678],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['50%', 0.5],
    ['-12.5%', -0.125],
    ['(5)', -5],
    ['£4.20', 4.2],
    ['-0', 0],
    ['0.1', 0.1],
    ['123456789012345678', 123456789012346000],
    // Booleans in any case.
    ['TRUE', true],
    ['false', false],
    [' True ', true],
    // Blank.
    ['', null],
    // Text, kept exactly.
    ['ABS', 'ABS'],
    ['maybe', 'maybe'],
    ['  ', '  '],
    ['Y ', 'Y '],
    ['1,23', '1,23'],
    ['1.2.3', '1.2.3'],
    ['.', '.'],
    ['-', '-'],
    ['e5', 'e5'],
    ['1e400', '1e400'],
    ['2024-09-01', '2024-09-01'],
    ['#N/A', '#N/A'],
    [' =1', ' =1'],
    // A leading apostrophe keeps text as text (the workbook shows it without the apostrophe).
    ["' 98 ", "' 98 "],
    ["'TRUE", "'TRUE"],
    ["'=GAPS.FSMGAP(A1:A2,B1:B2)", "'=GAPS.FSMGAP(A1:A2,B1:B2)"],
  ])('%p is stored as %p', (typed, stored) => {
    expect(parseInput(typed)).toStrictEqual(stored);
  });

  test('numberFromText reads only what Excel reads as a number', () => {
    expect(numberFromText('42')).toBe(42);
    expect(numberFromText('(-5)')).toBeNull();
    expect(numberFromText('ABS')).toBeNull();
    expect(numberFromText('')).toBeNull();
    expect(numberFromText('%')).toBeNull();
  });

  test('an edit starts from text that, typed back, stores the same value', () => {
    const values: CellValue[] = [null, 0, -1.5, 0.1 + 0.2, 1e21, true, false, 'ABS', '98', ' 98 ', 'TRUE', "'007", '=GAPS.EEFMONTHS(0.3)', '  '];
    for (const v of values) {
      const text = editText(v);
      const back = parseInput(text);
      if (typeof v === 'number') expect(back).toBeCloseTo(v, 12);
      else if (typeof v === 'string' && back !== v) expect(back).toBe(`'${v}`);
      else expect(back).toStrictEqual(v);
    }
    expect(editText('98')).toBe("'98");
    expect(editText('ABS')).toBe('ABS');
    expect(editText(0.1 + 0.2)).toBe('0.3');
    expect(editText(true)).toBe('TRUE');
    expect(editText(null)).toBe('');
  });
});
