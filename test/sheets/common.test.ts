/** Layout rules every report shares: dates as date cells, small groups greyed, a chart drawn from the table it sits beside. */
import { chartOfTable, dateCell, dateLine, headerBlocks, headerHeight, madeStamp, smallGroupTone, todayCell } from '../../src/sheets/common';
import { SMALL_GROUP_SIZE } from '../../src/core/gaps/gapSummary';

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

describe('smallGroupTone', () => {
  it('greys a row when any group is under the small-group size (6, as DfE tables suppress)', () => {
    expect(SMALL_GROUP_SIZE).toBe(6);
    expect(smallGroupTone(5)).toBe('muted');
    expect(smallGroupTone(6)).toBeNull();
    expect(smallGroupTone(40, 5)).toBe('muted');
    expect(smallGroupTone(40, 6, Infinity)).toBeNull();
  });
});

describe('chartOfTable', () => {
  it("reads the table's first columns from its header row, series by columns", () => {
    const c = chartOfTable({ row: 7, rows: 4, cols: 2 }, { type: 'lineMarkers', title: 'Gap', at: { row: 7, col: 13 }, width: 420 });
    expect(c).toEqual({ type: 'lineMarkers', title: 'Gap', at: { row: 7, col: 13 }, width: 420, data: { row: 7, col: 0, rows: 4, cols: 2 }, seriesBy: 'columns' });
  });
});
