import { blockCells, fromDateSystem, negativeDecimals, toDateSystem, withoutNegativeZeros } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import { formatCell } from '../../src/preview/format';

describe('no cell the add-in writes shows "-0.00"', () => {
  test('the decimals a format shows negatives with', () => {
    expect(negativeDecimals('0.00')).toEqual({ decimals: 2, scale: 1 });
    expect(negativeDecimals('+0.0%;-0.0%;0.0%')).toEqual({ decimals: 1, scale: 100 });
    expect(negativeDecimals('£#,##0')).toEqual({ decimals: 0, scale: 1 });
    expect(negativeDecimals('yyyy-mm-dd')).toBeNull();
    expect(negativeDecimals('General')).toBeNull();
    expect(negativeDecimals(null)).toBeNull();
  });

  test('negatives that their column\'s format shows as zero are written as 0; others, and General cells, as they are', () => {
    const values = [[-0.004, -0.0004, -0.004, -0.001, -0.4, -0.006, 'text']];
    const formats = ['0.00', '0.0%', null, '+0.00;-0.00;0.00', '+0;-0;0', '0.00', '0.00'];
    expect(withoutNegativeZeros(values, formats)).toEqual([[0, 0, -0.004, 0, 0, -0.006, 'text']]);
    expect(withoutNegativeZeros([[-0.001, -0.2]], '0.0')).toEqual([[0, -0.2]]);
    expect(blockCells({ row: 0, col: 0, values: [[-0.001]], numberFormat: '0.00' }, 0, 'S')?.values).toEqual([[0]]);
  });

  test('in a written sheet the preview (which shows "-0.00" as Excel would) shows 0.00', async () => {
    expect(formatCell(-0.001, '+0.00;-0.00;0.00')).toBe('-0.00'); // what Excel would show for the raw value
    const wb = new MemoryWorkbook();
    await wb.writeSheet({ name: 'Gap report', mode: 'new', blocks: [{ row: 0, col: 0, values: [['Gap', 'Change'], [-0.001, -0.0002]], numberFormat: ['+0.00;-0.00;0.00', '+0.0%;-0.0%;0.0%'] }] });
    const shown = [0, 1].map((c) => formatCell(wb.displayValue('Gap report', 1, c), wb.cellFormat('Gap report', 1, c).numberFormat));
    expect(shown).toEqual(['0.00', '0.0%']);
  });
});

describe('dates in the 1904 date system', () => {
  // 22 Nov 2026: 46348 in the 1900 system, 44886 in the 1904 one (Python: (date(2026,11,22) - date(1899,12,30)).days
  // and (date(2026,11,22) - date(1904,1,1)).days).
  test('numbers under date formats move by 1462 days each way; other numbers stay', () => {
    expect(toDateSystem([[46348, 46348]], ['yyyy-mm-dd', '0'], 1462)).toEqual([[44886, 46348]]);
    expect(toDateSystem([[46348]], 'd mmm yyyy', 0)).toEqual([[46348]]);
    expect(fromDateSystem([[44886, 44886, 'x']], [['dd/mm/yyyy', 'General', 'yyyy']], 1462)).toEqual([[46348, 44886, 'x']]);
  });
});
