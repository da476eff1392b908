import { defaultDisadvantaged, detectColumns, disadvantagedRank, firstOfRole, type ColumnRole } from '../../../src/core/columns';

function roles(headers: string[], rows: unknown[][]): ColumnRole[] {
  return detectColumns(headers, rows).map((c) => c.role);
}

/** A column of values as rows of one cell each, for one-column checks. */
function col(values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

describe('detectColumns: from headers', () => {
  test.each<[string, ColumnRole]>([
    ['UPN', 'id'],
    ['Adno', 'id'],
    ['Surname', 'name'],
    ['Preferred Forename', 'name'],
    ['Year', 'year'],
    ['NC Year', 'year'],
    ['Form', 'form'],
    ['Reg Group', 'form'],
    ['Class', 'form'],
    ['Tutor Group', 'form'],
    ['Gender', 'gender'],
    ['Sex', 'gender'],
    ['SEN Status', 'send'],
    ['SEND', 'send'],
    ['KS2 Scaled', 'prior'],
    ['KS2', 'prior'],
    ['Prior Attainment', 'prior'],
    ['APS', 'prior'],
    ['Prior Band', 'priorBand'],
    ['PA Band', 'priorBand'],
    ['Set', 'set'],
    ['Teaching Group', 'set'],
    ['Maths Set', 'set'],
  ])('"%s" is read as %s', (header, role) => {
    const value = role === 'send' ? 'K' : role === 'prior' ? 104 : role === 'year' ? 9 : role === 'gender' ? 'F' : 'x';
    expect(roles([header], col([value, value]))).toEqual([role]);
  });

  test.each(['FSM', 'FSM6', 'Ever 6', 'Ever6 FSM', 'PP', 'Pupil Premium', 'Disadvantaged', 'Free School Meals'])(
    '"%s" with Y/blank values is the disadvantaged flag',
    (header) => {
      expect(roles([header], col(['Y', null, 'Y', '']))).toEqual(['disadvantaged']);
    },
  );

  test.each(['Tutoring', 'Intervention', 'Catch-up', 'Mentoring', 'NTP tutoring'])('"%s" with Yes/No values is an intervention', (header) => {
    expect(roles([header], col(['Yes', 'No', 'No']))).toEqual(['intervention']);
  });

  test('EAL with TRUE/FALSE values is EAL', () => {
    expect(roles(['EAL'], col([true, false, 'TRUE']))).toEqual(['eal']);
  });

  test('a "Tutor" column is the form, not an intervention', () => {
    expect(roles(['Tutor'], col(['7A', '7B']))).toEqual(['form']);
  });

  test('every column keeps its index and header, and says why', () => {
    const d = detectColumns(['UPN', 'PP'], [['A1', 'Y']]);
    expect(d.map((c) => [c.index, c.header])).toEqual([[0, 'UPN'], [1, 'PP']]);
    expect(d[1].reason).toContain('"PP"');
  });
});

describe('detectColumns: from values', () => {
  test('assessment columns are those whose values are mostly scores or grades', () => {
    const rows = [
      ['5+', 104, 'WTS', 'B'],
      ['6-', 98, 'EXS', 'A*'],
      ['U', 'ABS', 'GDS', 'C'],
      [4, 110, 'EXS', 'D'],
      ['7', 91, 'WTS', 'B'],
    ];
    expect(roles(['Eng Aut', 'Reading Pre', 'Writing TA', 'History Summer'], rows)).toEqual(['assessment', 'assessment', 'assessment', 'assessment']);
  });

  test('cells saying a pupil has no result (ABS, X, Not entered, n/a) do not count against a column of scores', () => {
    // A KS2 column of a mark-sheet export: 7 scores, 5 absence codes (ABS twice, X, Not entered, n/a), 1 blank (counted by hand).
    const ks2 = col([104, 'ABS', 98, 'X', 110, 'ABS', 91, null, 'Not entered', 101, 'n/a', 95, 88]);
    const [c] = detectColumns(['Maths KS2'], ks2);
    expect(c.role).toBe('assessment');
    expect(c.reason).toBe('Assessment: 100% of its 7 filled cells are scores or grades, not counting 5 marked absent or not entered.');
  });

  test('a column of mostly scores with many other cells is offered unticked, with the reason, rather than dropped', () => {
    // 6 scores and 4 comments among 10 filled cells: 60%, under the 80% taken unasked.
    const [c] = detectColumns(['Maths Y9 Aut'], col([4, 5, 'see note', 6, 'moved', 3, 'late', 7, 'query', 5]));
    expect(c.role).toBe('ignore');
    expect(c.mostlyScores).toBe(true);
    expect(c.reason).toMatch(/^Not ticked: only 60% of its 10 filled cells are scores or grades\. Tick it to analyse it/);
    expect(detectColumns(['Comment'], col(['good effort', 'absent a lot', 'needs support', '5']))[0].mostlyScores).toBeUndefined();
  });

  test('a column of free text is not an assessment', () => {
    expect(roles(['Comment'], col(['good effort', 'absent a lot', 'needs support', '5']))).toEqual(['ignore']);
  });

  test('a column of N/K/E codes is SEND whatever its header', () => {
    expect(roles(['Need'], col(['N', 'K', 'N', 'E', null]))).toEqual(['send']);
  });

  test('a column of Y/blank under an unfamiliar header is described as a yes/no column, not guessed', () => {
    const [c] = detectColumns(['CLA'], col(['Y', null, null, 'Y']));
    expect(c.role).toBe('ignore');
    expect(c.reason).toMatch(/yes\/no/);
  });

  test('a 0/1 column is a flag, not an assessment', () => {
    expect(roles(['Looked after'], col([0, 1, 0, 0]))).toEqual(['ignore']);
    expect(detectColumns(['Looked after'], col([0, 1, 0, 0]))[0].reason).toMatch(/yes\/no/);
  });

  test('M/F values under an unfamiliar header are gender', () => {
    expect(roles(['M/F?'], col(['M', 'F', 'F']))).toEqual(['gender']);
  });

  test('a PP header over values that are not yes/no is not offered as the disadvantaged flag, and says why', () => {
    const [c] = detectColumns(['PP'], col(['£1,455', '£0', '£1,455']));
    expect(c.role).toBe('ignore');
    expect(c.reason).toMatch(/not yes\/no values/);
  });

  test('a SEN header with Y/N values is still SEND (a flag of need)', () => {
    expect(roles(['SEN'], col(['Y', 'N']))).toEqual(['send']);
  });

  test('an empty column is ignored, and so is one with a blank header and no values', () => {
    expect(roles(['Eng Aut', ''], [[null, null], ['', null]])).toEqual(['ignore', 'ignore']);
  });

  test('ragged rows, error objects and odd cells do not throw', () => {
    const rows: unknown[][] = [[{ code: '#N/A' }], [], [undefined, 5], [NaN, Infinity]];
    expect(() => detectColumns(['A', 'B'], rows)).not.toThrow();
  });

  test('the rows are not changed', () => {
    const rows = Object.freeze([Object.freeze(['Y', '5+']), Object.freeze([null, 6])]);
    expect(() => detectColumns(['PP', 'Eng Aut'], rows)).not.toThrow();
  });
});

describe('disadvantaged default', () => {
  test('PP is preferred over FSM6, and FSM6 over FSM, wherever they are', () => {
    const d = detectColumns(['FSM', 'FSM6', 'PP'], [['Y', 'Y', 'Y']]);
    expect(defaultDisadvantaged(d)).toBe(2);
    const e = detectColumns(['FSM', 'Ever 6'], [['Y', 'Y']]);
    expect(defaultDisadvantaged(e)).toBe(1);
  });

  test('Disadvantaged is preferred over FSM6', () => {
    expect(defaultDisadvantaged(detectColumns(['FSM6', 'Disadvantaged'], [['Y', 'Y']]))).toBe(1);
  });

  test('the leftmost column wins a tie', () => {
    expect(defaultDisadvantaged(detectColumns(['PP', 'Pupil Premium'], [['Y', 'Y']]))).toBe(0);
  });

  test('there is no default when no column marks disadvantaged pupils', () => {
    expect(defaultDisadvantaged(detectColumns(['UPN', 'Eng'], [['A', 5]]))).toBeNull();
  });

  test('ranks: PP 3, FSM6 2, FSM 1, other 0', () => {
    expect(['Pupil Premium', 'FSM6', 'FSM', 'Set'].map(disadvantagedRank)).toEqual([3, 2, 1, 0]);
  });

  test('firstOfRole finds the first column of a role, or null', () => {
    const d = detectColumns(['UPN', 'Surname', 'Forename'], [['A', 'B', 'C']]);
    expect(firstOfRole(d, 'name')).toBe(1);
    expect(firstOfRole(d, 'send')).toBeNull();
  });
});
