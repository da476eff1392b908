import { checkReadSize, isSingleCell, rereadArea, selectionArea, selectionDescription, selectionRead, singleCellDescription } from '../../src/workbook/sources';
import { isOwnedName, notOwnedError, recordOwned } from '../../src/workbook/owned';
import { sameName } from '../../src/workbook/names';

describe('a selection reads the cells both workbooks agree on', () => {
  test('a whole-column selection stops at the last used row', () => {
    // Columns A:B selected (1,048,576 rows); data in A1:E31.
    expect(selectionArea({ row: 0, col: 0, rows: 1048576, cols: 2 }, { row: 0, col: 0, rows: 31, cols: 5 })).toEqual({ row: 0, col: 0, rows: 31, cols: 2 });
  });

  test('a selection inside the data is read as it is; one below the data reads one row', () => {
    expect(selectionArea({ row: 2, col: 1, rows: 5, cols: 3 }, { row: 0, col: 0, rows: 31, cols: 5 })).toEqual({ row: 2, col: 1, rows: 5, cols: 3 });
    expect(selectionArea({ row: 40, col: 0, rows: 3, cols: 2 }, { row: 0, col: 0, rows: 31, cols: 5 })).toEqual({ row: 40, col: 0, rows: 1, cols: 2 });
  });

  test('only a 1 x 1 selection stands for the whole sheet', () => {
    expect(isSingleCell({ row: 4, col: 2, rows: 1, cols: 1 })).toBe(true);
    expect(isSingleCell({ row: 4, col: 2, rows: 2, cols: 1 })).toBe(false);
  });

  test('a selection is read as both workbooks read it: one cell for the used range, else trimmed to it', () => {
    const used = { row: 0, col: 0, rows: 31, cols: 5 };
    expect(selectionRead('Year 7', { row: 3, col: 1, rows: 1, cols: 1 }, used)).toEqual({ area: used, description: 'sheet Year 7 (all its data: only one cell was selected)' });
    expect(selectionRead('Year 7', { row: 0, col: 0, rows: 1048576, cols: 2 }, used)).toEqual({ area: { row: 0, col: 0, rows: 31, cols: 2 }, description: "selection 'Year 7'!A1:B31" });
    expect(() => selectionRead('Blank', { row: 0, col: 0, rows: 1, cols: 1 }, null)).toThrow('The sheet "Blank" is empty: select your data including its header row, or choose a table or a sheet.');
  });

  test('cells saved for reading again are a block on a named sheet', () => {
    expect(rereadArea("'Year 9'!$C$2:F31")).toEqual({ sheet: 'Year 9', row: 1, col: 2, rows: 30, cols: 4 });
    expect(rereadArea('C2:F31')).toBeNull();
    expect(rereadArea("'Year 9'!C:F")).toBeNull();
    expect(rereadArea('not an address')).toBeNull();
  });

  test('messages name the selection by its address', () => {
    expect(selectionDescription('Year 7', { row: 0, col: 0, rows: 31, cols: 2 })).toBe("selection 'Year 7'!A1:B31");
    expect(singleCellDescription('Year 7')).toBe('sheet Year 7 (all its data: only one cell was selected)');
  });
});

describe('owned sheets are compared as Excel compares names', () => {
  test('a name matches whatever its case, and is recorded once', () => {
    expect(sameName('Gap report', 'GAP REPORT')).toBe(true);
    expect(isOwnedName(['Gap report'], 'gap Report')).toBe(true);
    expect(isOwnedName(['Gap report'], 'Gap report (2)')).toBe(false);
    const owned = Object.freeze(['Gap report']);
    expect(recordOwned(owned, 'GAP REPORT')).toEqual(['Gap report']);
    expect(recordOwned(owned, 'Checklist')).toEqual(['Gap report', 'Checklist']);
    expect(owned).toEqual(['Gap report']);
  });

  test('refusing to rewrite a sheet says which sheet and what to do', () => {
    expect(notOwnedError('Year 7', 'Year 7').message).toBe(
      'The sheet "Year 7" was not made by Closing the Gap, so it was left untouched. Rename that sheet if the add-in should write its own "Year 7" sheet.',
    );
  });
});

describe('size limits', () => {
  test('a whole-row selection reads only the used columns', () => {
    expect(selectionArea({ row: 0, col: 0, rows: 3, cols: 16_384 }, { row: 0, col: 0, rows: 31, cols: 5 })).toEqual({ row: 0, col: 0, rows: 3, cols: 5 });
  });
  test('a read over 5 million cells is refused with a message before it starts', () => {
    expect(() => checkReadSize({ sheet: 'Data', row: 0, col: 0, rows: 1_000_000, cols: 6 })).toThrow(/6,000,000 cells.*5,000,000.*table/);
    expect(() => checkReadSize({ sheet: 'Data', row: 0, col: 0, rows: 1_000_000, cols: 5 })).not.toThrow();
  });
});
