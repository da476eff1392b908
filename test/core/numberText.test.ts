import { fixed, pounds, showsAsZero } from '../../src/core/numberText';

describe('numbers to fixed decimals never show "-0.00"', () => {
  test.each<[number, number, string]>([
    [-0.004, 2, '0.00'],
    [-0.006, 2, '-0.01'],
    [-0.04, 1, '0.0'],
    [-0.06, 1, '-0.1'],
    [-0.4, 0, '0'],
    [-0, 2, '0.00'],
    [0.004, 2, '0.00'],
    [1.234, 2, '1.23'],
    [-1.236, 2, '-1.24'],
  ])('%p at %p decimals is %p', (x, d, shown) => {
    expect(fixed(x, d)).toBe(shown);
  });

  test('what shows as zero', () => {
    expect(showsAsZero(-0.0049, 2)).toBe(true);
    expect(showsAsZero(-0.0051, 2)).toBe(false);
    expect(showsAsZero(NaN, 2)).toBe(false);
  });
});

describe('money in sentences', () => {
  test.each<[number, boolean, string]>([
    [12400, false, '£12,400'],
    [2400 / 18, false, '£133.33'],
    [1225, true, '£1,225.00'],
    [225, true, '£225.00'],
    [1234567.891, false, '£1,234,567.89'],
    [-0.001, true, '£0.00'],
  ])('%p (pence always: %p) is %p', (x, pence, shown) => {
    expect(pounds(x, pence)).toBe(shown);
  });
});
