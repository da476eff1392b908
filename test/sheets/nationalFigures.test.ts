import { buildNationalFiguresSheet, nationalFor, readNationalFigures, NATIONAL_HEADERS } from '../../src/sheets/nationalFigures';
import type { CellValue } from '../../src/workbook/port';

describe('National figures sheet', () => {
  it('is made with its headers and empty input rows: the add-in ships no figure', () => {
    const spec = buildNationalFiguresSheet();
    expect(spec.name).toBe('National figures');
    const table = spec.blocks.find((b) => b.table);
    expect(table?.values[0]).toEqual([...NATIONAL_HEADERS]);
    const numbers = spec.blocks.flatMap((b) => b.values.flat()).filter((c) => typeof c === 'number');
    expect(numbers).toEqual([]);
  });

  it('reads rows with a measure and a number, numbers typed as text included, and skips the rest', () => {
    const values: CellValue[][] = [
      ['National figures'],
      ['note'],
      ['Measure', 'Year', 'National disadvantaged', 'National other pupils', 'Source'],
      ['Attainment 8', 2024, '34.9', 50.3, 'my look-up'],
      ['Attainment 8', '2023', null, 50, ''],
      ['', '2025', 1, 2, 'no measure'],
      ['Progress 8', '2024', null, null, 'no figures'],
    ];
    const figures = readNationalFigures(values);
    expect(figures).toEqual([
      { measure: 'Attainment 8', year: '2024', disadvantaged: 34.9, other: 50.3, source: 'my look-up' },
      { measure: 'Attainment 8', year: '2023', disadvantaged: null, other: 50, source: '' },
    ]);
    expect(nationalFor(figures, ' attainment 8 ', '2023')?.other).toBe(50);
    expect(nationalFor(figures, 'Attainment 8', '2025')).toBeNull();
    expect(nationalFor(figures, 'Attainment 8', '2025', true)?.year).toBe('2024');
    expect(nationalFor(figures, 'Maths')).toBeNull();
    expect(readNationalFigures(null)).toEqual([]);
  });
});
