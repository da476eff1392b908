import type { CellValue, ConditionalFormat } from '../../src/workbook/port';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import { cellLook, cellTitle, colourScaleRanges, columnWidths, conditionalFill, gridLayout, hexMix, isInTable, isTableHeader, visibleRows } from '../../src/preview/look';

// Expected colours are the report palette's hex values (Excel's own conditional-format and table
// colours) converted by hand: #F8696B = rgb(248,105,107), #FFEB84 = rgb(255,235,132),
// #63BE7B = rgb(99,190,123); pixel widths are points x 4/3 (96 dpi / 72 points per inch).

describe('the preview draws a number in its number format, right-aligned as in Excel', () => {
  test('a gap of -1.5 in the signed two-decimal format shows "-1.50" on the right', () => {
    const look = cellLook({ value: -1.5, format: { numberFormat: '+0.00;-0.00;0.00' } });
    expect(look.text).toBe('-1.50');
    expect(look.textAlign).toBe('right');
    expect(look.overflow).toBe('hidden');
    expect(look.zIndex).toBeUndefined();
  });

  test('a share of 0.6667 in "0%" shows "67%"; a number with no format shows as General', () => {
    expect(cellLook({ value: 0.6667, format: { numberFormat: '0%' } }).text).toBe('67%');
    expect(cellLook({ value: 0.9011220196123, format: {} }).text).toBe('0.9011220196');
  });

  test('TRUE and an empty cell: booleans in capitals, empty cells blank and left-aligned', () => {
    expect(cellLook({ value: true, format: {} }).text).toBe('TRUE');
    const blank = cellLook({ value: null, format: {} });
    expect(blank.text).toBe('');
    expect(blank.textAlign).toBe('left');
  });
});

describe('the preview draws an error cell as its code with its reason as the tooltip', () => {
  test('#N/A shows its code on the left, and the tooltip gives the message', () => {
    const look = cellLook({ value: '#N/A', format: { numberFormat: '0.00' } });
    expect(look.text).toBe('#N/A');
    expect(look.textAlign).toBe('left');
    expect(cellTitle('#N/A', look.text, () => 'FSMGAP needs at least one disadvantaged pupil with a score')).toBe(
      'FSMGAP needs at least one disadvantaged pupil with a score',
    );
  });

  test('a number has no tooltip unless its text is longer than 12 characters; the message is not asked for', () => {
    const never = () => {
      throw new Error('a number has no message');
    };
    expect(cellTitle(4.5, '4.5', never)).toBeUndefined();
    expect(cellTitle('Pupil Premium flag', 'Pupil Premium flag', never)).toBe('Pupil Premium flag');
  });
});

describe('the preview draws a spilled result like the cells Excel fills', () => {
  const PAIRS = (cells: CellValue[][]) => cells.map((r) => [r[0], r[0] === null ? null : 'ok']);
  const wb = MemoryWorkbook.withSheets(
    [
      { name: 'Data', values: [['Score'], [4], [6]] },
      { name: 'Try', values: [['=GAPS.PAIRS(Data!A2:A3)', null, '=GAPS.PAIRS(Data!A2:A3)'], [null, null, null, 'in the way']] },
    ],
    { functions: { PAIRS } },
  );
  const values = wb.displayValues('Try');
  const lookAt = (r: number, c: number) =>
    cellLook({ value: values[r]?.[c] ?? null, format: wb.cellFormat('Try', r, c), nextEmpty: (values[r]?.[c + 1] ?? null) === null });

  test('the spilled numbers are right-aligned and the spilled text runs over an empty neighbour only', () => {
    expect(lookAt(1, 0)).toMatchObject({ text: '6', textAlign: 'right' });
    // Beside the blocked spill's "#SPILL!": cut at the cell's edge.
    expect(lookAt(0, 1)).toMatchObject({ text: 'ok', textAlign: 'left', overflow: 'hidden' });
    // Beside an empty cell: runs over it.
    expect(lookAt(1, 1)).toMatchObject({ text: 'ok', overflow: 'visible' });
  });

  test('a blocked spill shows #SPILL! with the reason as its tooltip', () => {
    const look = lookAt(0, 2);
    expect(look.text).toBe('#SPILL!');
    expect(cellTitle(values[0][2], look.text, () => wb.cellMessage('Try', 0, 2))).toBe(
      'The result needs 2 x 2 cells from here, and some of them are not empty: clear them to see it.',
    );
  });
});

describe('the preview fills cells as the report asks', () => {
  test('a tone beats a style; a style gives its font and fill', () => {
    expect(cellLook({ value: 'x', format: { style: 'good', tone: 'bad' } }).fill).toBe('#FFC7CE');
    const title = cellLook({ value: 'Gap report', format: { style: 'title' } });
    expect(title).toMatchObject({ fill: undefined, color: '#1F3864', fontWeight: 600, fontSize: '16px' });
    expect(cellLook({ value: 'note', format: { style: 'note' } }).fontStyle).toBe('italic');
  });

  test('a table header is white on blue and bold; a banded table row gets the band fill; a conditional fill wins', () => {
    expect(cellLook({ value: 'UPN', format: {}, tableHeader: true })).toMatchObject({ fill: '#2F5496', color: '#FFFFFF', fontWeight: 600 });
    expect(cellLook({ value: 3, format: {}, banded: true, bandFill: 'var(--band)' }).fill).toBe('var(--band)');
    expect(cellLook({ value: 3, format: { tone: 'good' }, conditional: 'rgb(1,2,3)' }).fill).toBe('rgb(1,2,3)');
  });

  test('filled text runs over an empty neighbour as in Excel, not over a filled one; text being edited shows what is typed', () => {
    expect(cellLook({ value: 'Behind', format: { tone: 'bad' }, nextEmpty: true }).overflow).toBe('visible');
    expect(cellLook({ value: 'Behind', format: { tone: 'bad' }, nextEmpty: false }).overflow).toBe('hidden');
    expect(cellLook({ value: 'Behind', format: {}, nextEmpty: true }).overflow).toBe('visible');
    expect(cellLook({ value: 5, format: { numberFormat: '0.00' }, editing: '=GAPS.' })).toMatchObject({ text: '=GAPS.', textAlign: 'left', zIndex: 1 });
  });

  test('table headers and bodies are found from the sheet tables', () => {
    const sheet = { tables: [{ name: 'Y7', row: 1, col: 0, rows: 4, cols: 2 }] };
    expect(isTableHeader(sheet, 1, 1)).toBe(true);
    expect(isTableHeader(sheet, 2, 1)).toBe(false);
    expect(isInTable(sheet, 4, 0)).toBe(true);
    expect(isInTable(sheet, 5, 0)).toBe(false);
    expect(isInTable(sheet, 2, 2)).toBe(false);
  });
});

describe('conditional formats colour numbers', () => {
  const scale: ConditionalFormat = { kind: 'colorScale', row: 0, col: 0, rows: 3, cols: 1 };
  const over: ConditionalFormat = { kind: 'greaterThan', row: 0, col: 1, rows: 3, cols: 1, value: 0 };
  const values: CellValue[][] = [
    [-2, 1],
    [0, -1],
    [2, 'x'],
  ];
  const ranges = colourScaleRanges([scale, over], values);

  test('a colour scale runs from red at the lowest through yellow to green at the highest', () => {
    expect(ranges.get(scale)).toEqual([-2, 2]);
    expect(conditionalFill([scale], ranges, 0, 0, -2)).toBe('rgb(248,105,107)');
    expect(conditionalFill([scale], ranges, 1, 0, 0)).toBe('rgb(255,235,132)');
    expect(conditionalFill([scale], ranges, 2, 0, 2)).toBe('rgb(99,190,123)');
  });

  test('"greater than 0" fills with its tone (good by default) only above the value, and never text', () => {
    expect(conditionalFill([over], ranges, 0, 1, 1)).toBe('#C6EFCE');
    expect(conditionalFill([over], ranges, 1, 1, -1)).toBeUndefined();
    expect(conditionalFill([over], ranges, 2, 1, 'x')).toBeUndefined();
    expect(conditionalFill([over], ranges, 0, 0, 5)).toBeUndefined();
  });

  test('hexMix halfway between black and white is mid grey', () => {
    expect(hexMix('#000000', '#FFFFFF', 0.5)).toBe('rgb(128,128,128)');
  });
});

describe('grid size', () => {
  test('column widths convert points to pixels, with 72 px for columns without a width', () => {
    expect(columnWidths([54, 0, 90], 4)).toEqual([72, 72, 120, 72]);
  });

  test('an empty sheet draws 40 rows and 12 columns; the selection and charts make room', () => {
    const layout = gridLayout([], { charts: [], columnWidths: [] }, null);
    expect(layout).toMatchObject({ nRows: 40, nCols: 12, totalW: 44 + 12 * 72 });
    expect(layout.lefts.slice(0, 3)).toEqual([44, 116, 188]);
    expect(gridLayout([], { charts: [], columnWidths: [] }, { row: 100, col: 20, rows: 1, cols: 1 })).toMatchObject({ nRows: 121, nCols: 23 });
  });

  test('rows in view keep five spare rows each side', () => {
    expect(visibleRows(0, 220, 40)).toEqual({ first: 0, last: 15 });
    expect(visibleRows(2200, 220, 1000)).toEqual({ first: 95, last: 115 });
  });
});
