import { gradeText, gradeValue, type NamedScale } from '../../../src/core/grades/scales';

describe('one pupil\'s points shown as the grade on the scale', () => {
  // Each grade read on its scale and shown back (gradeValue, then gradeText) is the grade itself.
  test.each<[string, NamedScale]>([
    ['A*', 'letter'], ['B', 'letter'], ['U', 'letter'],
    ['4b', 'nc'], ['4c', 'nc'], ['7a', 'nc'], ['W', 'nc'],
    ['EXS', 'ta'], ['GDS', 'ta'],
    ['5+', 'gcse'], ['6-', 'gcse'], ['9', 'gcse'], ['U', 'gcse'],
  ])('%p on the %s scale', (grade, scale) => {
    expect(gradeText(gradeValue(grade, scale) as number, scale)).toBe(grade);
  });

  test('points that are no grade, and numbers off the 9-1 range, as numbers; a school\'s own table by its grade', () => {
    expect(gradeText(4.5, 'letter')).toBe('4.5');
    expect(gradeText(104, 'gcse')).toBe('104');
    expect(gradeText(5.5, 'gcse')).toBe('5.5');
    expect(gradeText(NaN, 'gcse')).toBe('NaN');
    expect(gradeText(3, { kind: 'table', points: new Map([['SECURE', 3]]) })).toBe('3');
  });
});
