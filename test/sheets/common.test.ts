import { dateCell, dateLine, headerBlocks, headerHeight, madeStamp, todayCell } from '../../src/sheets/common';

// Expected serials from Python: (date(y, m, d) - date(1899, 12, 30)).days, plus the time as a
// fraction of 1440 minutes: 2026-11-22 -> 46348, 14:05 -> 845/1440; 2027-03-31 -> 46477.
describe('dates the sheets write are date cells', () => {
  test('a header\'s "Made" line is the serial of the moment, under a date-and-time format', () => {
    const stamp = madeStamp(new Date(2026, 10, 22, 14, 5, 31));
    expect(stamp.serial).toBeCloseTo(46348 + 845 / 1440, 9); // seconds are dropped, as the sheet shows minutes
    expect(stamp.format).toBe('yyyy-mm-dd hh:mm');
  });

  test('header lines with a date become their own block with the date format beside the label; text lines stay together', () => {
    const lines: Array<[string, string | ReturnType<typeof madeStamp>]> = [
      ['Data', 'table Year9'],
      ['Made', madeStamp(new Date(2026, 10, 22, 14, 5))],
      ['Start', dateLine('2027-03-31')],
      ['End', dateLine('after Easter')],
      ['Scale', '9-1'],
    ];
    const blocks = headerBlocks('Gap analysis', lines, 'Year 9');
    expect(blocks.map((b) => [b.row, b.values, b.numberFormat])).toEqual([
      [0, [['Gap analysis']], undefined],
      [1, [['Year 9']], undefined],
      [2, [['Data', 'table Year9']], undefined],
      [3, [['Made', expect.closeTo(46348 + 845 / 1440, 9)]], [null, 'yyyy-mm-dd hh:mm']],
      [4, [['Start', 46477]], [null, 'yyyy-mm-dd']],
      [5, [['End', 'after Easter'], ['Scale', '9-1']], undefined],
    ]);
    expect(headerHeight(lines.length, 'Year 9')).toBe(7);
  });

  test('a date column\'s cells are serials; people\'s text that is no date stays text', () => {
    expect(dateCell('2027-03-31')).toBe(46477);
    expect(dateCell('=after Easter')).toBe("'=after Easter");
    expect(todayCell(new Date(2026, 10, 22, 23, 59))).toBe(46348);
  });
});
