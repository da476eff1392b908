/** Layout rules every report shares: small groups greyed, a chart drawn from the table it sits beside. */
import { chartOfTable, smallGroupTone } from '../../src/sheets/common';
import { SMALL_GROUP_SIZE } from '../../src/core/gaps/gapSummary';

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
