import { detectAssessmentPoints, splitAssessmentHeader, type DetectedColumn } from '../../../src/core/columns';

function assessments(headers: string[]): DetectedColumn[] {
  return headers.map((header, index) => ({ index, header, role: 'assessment', reason: '' }));
}

function layout(headers: string[]): Array<[string, string[]]> {
  return detectAssessmentPoints(assessments(headers)).map((s) => [s.subject, s.points.map((p) => p.header)]);
}

describe('detectAssessmentPoints', () => {
  test('groups columns by subject and orders terms Aut < Spr < Sum whatever the column order', () => {
    expect(layout(['Eng Sum', 'Ma Aut', 'Eng Aut', 'Eng Spr', 'Ma Summer'])).toEqual([
      ['Eng', ['Eng Aut', 'Eng Spr', 'Eng Sum']],
      ['Ma', ['Ma Aut', 'Ma Summer']],
    ]);
  });

  test('orders Pre < Post and Baseline < Mid < End', () => {
    expect(layout(['Reading Post', 'Reading Pre'])).toEqual([['Reading', ['Reading Pre', 'Reading Post']]]);
    expect(layout(['Maths End', 'Maths Baseline', 'Maths Mid'])).toEqual([['Maths', ['Maths Baseline', 'Maths Mid', 'Maths End']]]);
  });

  test('orders T1 < T2 < T3, data drops and half terms by number', () => {
    expect(layout(['Sci T3', 'Sci T1', 'Sci T2'])).toEqual([['Sci', ['Sci T1', 'Sci T2', 'Sci T3']]]);
    expect(layout(['History DD2', 'History DD1'])).toEqual([['History', ['History DD1', 'History DD2']]]);
    expect(layout(['Art HT4', 'Art Term 1'])).toEqual([['Art', ['Art Term 1', 'Art HT4']]]);
  });

  test('autumn 2 comes after autumn 1 and before spring 1', () => {
    expect(layout(['Eng Spring 1', 'Eng Autumn 2', 'Eng Autumn 1'])).toEqual([['Eng', ['Eng Autumn 1', 'Eng Autumn 2', 'Eng Spring 1']]]);
  });

  test('a year in the header orders across years first', () => {
    expect(layout(['Y8 Maths Aut', 'Y7 Maths Sum', 'Y7 Maths Aut'])).toEqual([['Maths', ['Y7 Maths Aut', 'Y7 Maths Sum', 'Y8 Maths Aut']]]);
  });

  test('subjects match regardless of case and separators', () => {
    expect(layout(['Maths_Aut', 'maths - Spr'])).toEqual([['Maths', ['Maths_Aut', 'maths - Spr']]]);
  });

  test('a header with no point is a subject assessed once', () => {
    expect(layout(['English', 'Geography Mock'])).toEqual([
      ['English', ['English']],
      ['Geography Mock', ['Geography Mock']],
    ]);
  });

  test('points keep the header as written in their label', () => {
    expect(splitAssessmentHeader('Eng Aut')).toEqual({ subject: 'Eng', label: 'Aut', order: 1 });
    expect(splitAssessmentHeader('Y7 Maths Aut').label).toBe('Y7 Aut');
    expect(splitAssessmentHeader('Sci T2')).toEqual({ subject: 'Sci', label: 'T2', order: 2 });
  });

  test('a subject name that contains a point word inside it is not cut ("Spanish", "Summerhill")', () => {
    expect(splitAssessmentHeader('Spanish Spr').subject).toBe('Spanish');
    expect(splitAssessmentHeader('Summerhill Test').subject).toBe('Summerhill Test');
  });

  test('a header that is only a point word stays a subject of its own', () => {
    expect(layout(['Summer', 'Pre'])).toEqual([
      ['Summer', ['Summer']],
      ['Pre', ['Pre']],
    ]);
  });

  test('columns that are not assessments are left out', () => {
    const cols: DetectedColumn[] = [
      { index: 0, header: 'PP', role: 'disadvantaged', reason: '' },
      { index: 1, header: 'Eng Aut', role: 'assessment', reason: '' },
    ];
    expect(detectAssessmentPoints(cols).map((s) => s.points.map((p) => p.index))).toEqual([[1]]);
  });
});

describe('earlier assessment points', () => {
  const order = (headers: string[]) => detectAssessmentPoints(headers.map((header, index) => ({ index, header, role: 'assessment' }) as never)).map((s) => [s.subject, s.points.map((p) => p.header)]);
  it.each(['Reception', 'YR', 'EYFS', 'K', 'Y0', 'Year 0'])('%s comes before the other points of the subject', (early) => {
    expect(order([`Reading Aut`, `Reading ${early}`, `Reading Y1 Sum`])).toEqual([['Reading', [`Reading ${early}`, 'Reading Aut', 'Reading Y1 Sum']]]);
  });
  it('Entry and Baseline count as the start of a year', () => {
    expect(order(['Y7 Maths Aut', 'Y7 Maths Entry'])).toEqual([['Maths', ['Y7 Maths Entry', 'Y7 Maths Aut']]]);
    expect(order(['Maths Aut', 'Maths Baseline'])).toEqual([['Maths', ['Maths Baseline', 'Maths Aut']]]);
    expect(splitAssessmentHeader('Phonics Entry')).toEqual({ subject: 'Phonics', label: 'Entry', order: 0 });
  });
  it('keeps a Reception term with its term order', () => {
    expect(splitAssessmentHeader('Maths YR Sum')).toEqual({ subject: 'Maths', label: 'YR Sum', order: -95 });
  });
  it('does not read a subject word such as "Kinetics" or "Year" alone as an early point', () => {
    expect(splitAssessmentHeader('Kinetics Aut').subject).toBe('Kinetics');
    expect(splitAssessmentHeader('EYFS')).toEqual({ subject: 'EYFS', label: 'EYFS', order: 0 });
  });
});
