import { axisLabel, formatCell, formatNumber } from '../../src/preview/format';

describe('the preview shows numbers in the report formats as Excel would', () => {
  test.each<[number, string, string]>([
    [0.6667, '0%', '67%'],
    [2.178571, '+0.00;-0.00;0.00', '+2.18'],
    [-1.5, '+0.00;-0.00;0.00', '-1.50'],
    [0, '+0.00;-0.00;0.00', '0.00'],
    [0.225, '+0.0%;-0.0%;0.0%', '+22.5%'],
    [-0.05, '+0.0%;-0.0%;0.0%', '-5.0%'],
    [1234.5, '£#,##0.00', '£1,234.50'],
    [-3.14159, '0.00', '-3.14'],
    [46, '0', '46'],
    [46082, 'yyyy-mm-dd', '2026-03-01'],
    // Dates as Excel shows them; expected from Python: datetime(1899,12,30) + timedelta(days=x), formatted.
    [46348 + 845 / 1440, 'yyyy-mm-dd hh:mm', '2026-11-22 14:05'],
    [46348, 'd mmm yyyy', '22 Nov 2026'],
    [46348, 'dd/mm/yyyy', '22/11/2026'],
    [46348, 'dddd d mmmm yyyy', 'Sunday 22 November 2026'],
    [46348.75, 'h:mm AM/PM', '6:00 PM'],
    [46348, '[$-809]dd mmm yy', '22 Nov 26'],
  ])('%p in "%s" is %s', (x, format, shown) => {
    expect(formatNumber(x, format)).toBe(shown);
  });

  test('General shows up to 10 significant digits and whole numbers as they are', () => {
    expect(formatNumber(0.9011220196123, null)).toBe('0.9011220196');
    expect(formatNumber(180, 'General')).toBe('180');
  });

  test('blank, text and booleans', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell('Eng Aut', '0.00')).toBe('Eng Aut');
    expect(formatCell(true)).toBe('TRUE');
  });
});

describe('chart axis ticks', () => {
  test('in the axis format when the chart gives one (the checklist history\'s scores as percentages), else plain numbers', () => {
    expect([0, 0.5, 1].map((t) => axisLabel(t, '0%'))).toEqual(['0%', '50%', '100%']);
    expect(axisLabel(-1e-17, '0%')).toBe('0%');
    expect([0.25, 12.4, -0.04].map((t) => axisLabel(t))).toEqual(['0.3', '12', '0.0']);
  });
});
