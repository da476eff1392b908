import { DAYS_1904_TO_1900, dateTimeSerial, excelSerial, isDateFormat, isoToSerial, readDateCell, serialToIso } from '../../src/core/dates';

// Expected serials from Python: (date.fromisoformat(iso) - date(1899, 12, 30)).days
// gives 2026-11-22 -> 46348, 2027-03-31 -> 46477, 1900-03-01 -> 61, 2000-02-29 -> 36585.
describe('reading review dates from the sheet', () => {
  test('an Excel date serial becomes the ISO date it shows', () => {
    expect(serialToIso(46348)).toBe('2026-11-22');
    expect(serialToIso(46477.75)).toBe('2027-03-31');
    expect(serialToIso(36585)).toBe('2000-02-29');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(1)).toBe('1900-01-01');
  });

  test('serials outside Excel dates are not dates', () => {
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(-5)).toBeNull();
    expect(serialToIso(NaN)).toBeNull();
    expect(serialToIso(3e6)).toBeNull();
  });

  test('ISO text, ISO with a time, and UK day-first text are read as dates', () => {
    expect(readDateCell('2027-03-31')).toEqual({ iso: '2027-03-31', text: '2027-03-31' });
    expect(readDateCell(' 2027-03-31T00:00:00 ')).toEqual({ iso: '2027-03-31', text: '2027-03-31' });
    expect(readDateCell('3/2/2027').iso).toBe('2027-02-03');
    expect(readDateCell('31.03.27').iso).toBe('2027-03-31');
  });

  test('blank cells are no date, and text that is not a date is kept for the message', () => {
    expect(readDateCell(null)).toEqual({ iso: null, text: '' });
    expect(readDateCell('   ')).toEqual({ iso: null, text: '' });
    expect(readDateCell('after Easter')).toEqual({ iso: null, text: 'after Easter' });
    expect(readDateCell('31/02/2027')).toEqual({ iso: null, text: '31/02/2027' });
    expect(readDateCell(true)).toEqual({ iso: null, text: '' });
  });
});

describe('the date rules', () => {
  // Python: (date(2026,11,22) - date(1899,12,30)).days = 46348; (date(1904,1,1) - date(1899,12,30)).days = 1462.
  test('a calendar date and a moment as serials (1900 system, Excel\'s 29 Feb 1900 counted)', () => {
    expect(excelSerial(2026, 11, 22)).toBe(46348);
    expect(excelSerial(1904, 1, 1)).toBe(DAYS_1904_TO_1900);
    expect(excelSerial(1900, 2, 28)).toBe(59);
    expect(excelSerial(2026, 2, 29)).toBeNull();
    expect(isoToSerial('2026-11-22')).toBe(46348);
    expect(isoToSerial('22/11/2026')).toBeNull();
    expect(dateTimeSerial(new Date(2026, 10, 22, 18, 0))).toBeCloseTo(46348.75, 12);
    expect(serialToIso(excelSerial(2000, 2, 29) as number)).toBe('2000-02-29');
  });

  test.each<[string | null, boolean]>([
    ['yyyy-mm-dd', true],
    ['d mmm yyyy', true],
    ['yyyy-mm-dd hh:mm', true],
    ['[$-809]dd/mm/yyyy', true],
    ['[h]:mm', true],
    ['0.00', false],
    ['+0.00;-0.00;0.00', false],
    ['£#,##0', false],
    ['0%', false],
    ['0.0 "days"', false],
    ['[Red]0.0', false],
    ['General', false],
    ['@', false],
    [null, false],
  ])('%p shows a date: %p', (format, isDate) => {
    expect(isDateFormat(format)).toBe(isDate);
  });

  test('a serial an earlier version wrote as marked text still reads', () => {
    expect(readDateCell("'2026-11-22").iso).toBe('2026-11-22');
    expect(readDateCell(46348).iso).toBe('2026-11-22');
  });
});
