import { FLAG_FALSE, FLAG_INVALID, FLAG_TRUE, asGrid, cellAt, describePosition, isNotSat, readFlag, readLabel, readScore, requireSameSize } from '../../src/core/cells';
import { GapsError } from '../../src/core/errors';

describe('readScore: one rule for what counts as a score (DOMAIN.md)', () => {
  it.each([
    [104, 104],
    [' 98.5 ', 98.5],
    ['104', 104],
    ['-3', -3],
    ['1e2', 100],
    [0, 0],
  ])('counts %p as %p', (cell, expected) => {
    expect(readScore(cell)).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['   '], ['ABS'], ['n/a'], ['0x10'], ['Infinity'], [NaN], [Infinity], [true], [false], [{ code: '#N/A' }], ['5+']])(
    'treats %p as missing',
    (cell) => {
      expect(readScore(cell)).toBeNaN();
    },
  );
});

describe('readFlag: yes/no words, numbers and booleans', () => {
  it.each(['Y', 'y', ' yes ', 'TRUE', 't', 'FSM', 'fsm6', 'Ever6', 'E6', 'PP', 'dis', 'Disadv', 'Disadvantaged', 1, -2, 0.5, true, '1'])(
    'reads %p as true',
    (cell) => {
      expect(readFlag(cell)).toBe(FLAG_TRUE);
    },
  );
  it.each(['N', 'no', 'FALSE', 'f', 'Non-FSM', 'NOT FSM', 'non-pp', 'Not PP', 'other', '', '  ', null, undefined, 0, false, '0'])(
    'reads %p as false',
    (cell) => {
      expect(readFlag(cell)).toBe(FLAG_FALSE);
    },
  );
  it.each(['Maybe', 'K', '7A', NaN, { code: '#N/A' }])('reads %p as not a flag', (cell) => {
    expect(readFlag(cell)).toBe(FLAG_INVALID);
  });
});

describe('cells: labels, positions and sizes', () => {
  it('matches group labels ignoring case and spaces, numbers as text', () => {
    expect(readLabel('  set  1 ')).toBe('SET 1');
    expect(readLabel(7)).toBe('7');
    expect(readLabel(null)).toBe('');
  });

  it('reads a multi-column range in row-major order', () => {
    const g = [
      [1, 2],
      [3, 4],
    ];
    expect([0, 1, 2, 3].map((k) => cellAt(g, k, 2))).toEqual([1, 2, 3, 4]);
    expect(describePosition(3, 2)).toBe('row 2, column 2');
    expect(describePosition(4, 1)).toBe('row 5');
  });

  it('wraps single values typed into a formula as a 1 x 1 range', () => {
    expect(asGrid(5)).toEqual([[5]]);
    expect(asGrid(null)).toEqual([]);
  });

  it('names both sizes when paired ranges differ', () => {
    expect(() => requireSameSize(['scores', [[1], [2]]], ['disadvantaged', [[1]]])).toThrow(
      new GapsError('value', 'scores has 2 cells but disadvantaged has 1: select ranges of the same size'),
    );
  });
});

describe('isNotSat: cells saying the pupil has no result', () => {
  test('absence and not-entered codes of mark sheets and MIS exports, any case, spaces around', () => {
    expect(['ABS', ' abs ', 'Absent', 'X', 'z', 'NE', 'Not entered', 'NS', 'not sat', 'Disapplied', '-', 'N/A', 'na'].map(isNotSat)).toEqual(Array(13).fill(true));
  });
  test('grades, scores, blanks and other words are not', () => {
    expect(['U', 'A', 'A*', '4', 4, 0, null, '', 'absent a lot', 'NAN', 'X1'].map(isNotSat)).toEqual(Array(11).fill(false));
  });
});
