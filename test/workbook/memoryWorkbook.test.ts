import { MemoryWorkbook, type MemorySheet } from '../../src/workbook/memoryWorkbook';
import { emptyState, withResponse } from '../../src/core/checklist/model';
import { loadChecklist, saveChecklist } from '../../src/jobs/checklist';
import { FIRST_ITEM_ROW, columnIndex } from '../../src/core/checklist/layout';
import { gapsFunctionRegistry } from '../../src/preview/gapsRegistry';
import type { CellValue, SheetSpec } from '../../src/workbook/port';

const pupils: CellValue[][] = [
  ['Name', 'Score', null, 'FSM6'],
  ['Ann', 104, null, 'Y'],
  ['Ben', ' 98', null, null],
  ['Cat', 'ABS', null, 'Y'],
  [null, null, null, null],
  ['', '  ', null, null],
];

function book(): MemoryWorkbook {
  return MemoryWorkbook.withSheets([{ name: 'Year 9', values: pupils, tables: [{ name: 'Year9', row: 0, col: 0, rows: 4, cols: 4 }] }]);
}

const report = (name: string, mode: SheetSpec['mode'] = 'new', note = 'report'): SheetSpec => ({
  name,
  mode,
  blocks: [{ row: 0, col: 0, values: [['Gap report'], [note]], style: 'title' }],
});

describe('reading data', () => {
  test('a sheet is read from its used range: blank headers named by position, trailing blank rows dropped', async () => {
    const data = await book().readData({ kind: 'sheet', name: 'Year 9' });
    expect(data.headers).toEqual(['Name', 'Score', 'Column 3', 'FSM6']);
    expect(data.rows).toEqual([
      ['Ann', 104, null, 'Y'],
      ['Ben', ' 98', null, null],
      ['Cat', 'ABS', null, 'Y'],
    ]);
    expect(data.address).toBe("'Year 9'!A1:D4");
    expect(data.description).toBe('sheet Year 9');
  });

  test('the used range starts at the first filled cell, not at A1', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Data', values: [[], [null, null, 'Score', 'PP'], [null, null, 5, 'Y']] }]);
    const data = await wb.readData({ kind: 'sheet', name: 'data' });
    expect(data.address).toBe('Data!C2:D3');
    expect(data.headers).toEqual(['Score', 'PP']);
    expect(data.rows).toEqual([[5, 'Y']]);
  });

  test('a table is read from its own range, found whatever the case of its name', async () => {
    const data = await book().readData({ kind: 'table', name: 'YEAR9' });
    expect(data.description).toBe('table Year9 on sheet Year 9');
    expect(data.rows).toHaveLength(3);
  });

  test('a selection of one cell reads the whole sheet and says so', async () => {
    const wb = book();
    wb.setSelection('Year 9', 2, 1);
    const data = await wb.readData({ kind: 'selection' });
    expect(data.description).toMatch(/only one cell was selected/);
    expect(data.rows).toHaveLength(3);
  });

  test('a whole-column selection stops at the end of the data', async () => {
    const wb = book();
    wb.setSelection('Year 9', 0, 1, 1_048_576, 1);
    const data = await wb.readData({ kind: 'selection' });
    expect(data.headers).toEqual(['Score']);
    expect(data.rows).toEqual([[104], [' 98'], ['ABS']]);
  });

  test('missing sheets, missing tables, empty sheets and no selection each say what to do', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Empty', values: [] }]);
    await expect(wb.readData({ kind: 'sheet', name: 'Nope' })).rejects.toThrow(/no sheet called "Nope"/);
    await expect(wb.readData({ kind: 'table', name: 'Tracker' })).rejects.toThrow(/no table called "Tracker"/);
    await expect(wb.readData({ kind: 'sheet', name: 'Empty' })).rejects.toThrow(/"Empty" is empty/);
    await expect(wb.readData({ kind: 'selection' })).rejects.toThrow(/Nothing is selected/);
    wb.setSelection('Empty', 0, 0, 5, 3);
    await expect(wb.readData({ kind: 'selection' })).rejects.toThrow(/"Empty" is empty: select your data/);
    // One selected cell stands for the sheet's data; on an empty sheet it says the same as Excel does.
    wb.setSelection('Empty', 0, 0, 1, 1);
    await expect(wb.readData({ kind: 'selection' })).rejects.toThrow(/"Empty" is empty: select your data/);
  });

  test('readSheetValues gives the used range from A1, and null for an absent sheet', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'S', values: [[], [null, 'x']] }]);
    await expect(wb.readSheetValues('S')).resolves.toEqual([
      [null, null],
      [null, 'x'],
    ]);
    await expect(wb.readSheetValues('T')).resolves.toBeNull();
  });

  test('tables are listed with their data row counts', async () => {
    await expect(book().listTables()).resolves.toEqual([{ name: 'Year9', sheet: 'Year 9', rowCount: 3 }]);
  });
});

describe('writing sheets', () => {
  test('new sheets get unique names, compared without regard to case', async () => {
    const wb = book();
    const a = await wb.writeSheet(report('Gap report'));
    const b = await wb.writeSheet(report('GAP REPORT'));
    const c = await wb.writeSheet(report('Gap report'));
    expect([a.sheetName, b.sheetName, c.sheetName]).toEqual(['Gap report', 'GAP REPORT (2)', 'Gap report (3)']);
    expect(a.address).toBe("'Gap report'!A1:A2");
  });

  test('names Excel refuses are made valid: forbidden characters, 31 characters, "History"', async () => {
    const wb = book();
    const a = await wb.writeSheet(report('Gaps [Y9] 22/11/2026: maths*?'));
    expect(a.sheetName).toBe('Gaps Y9 22-11-2026- maths');
    const long = 'Intervention impact Year 9 reading tutoring';
    const b = await wb.writeSheet(report(long));
    const c = await wb.writeSheet(report(long));
    expect(b.sheetName).toBe(long.slice(0, 31));
    expect(c.sheetName).toBe('Intervention impact Year 9 (2)');
    expect((await wb.writeSheet(report('history'))).sheetName).toBe('History (2)');
  });

  test('replace refuses a sheet the user made, and leaves it as it was', async () => {
    const wb = book();
    await expect(wb.writeSheet(report('Year 9', 'replace'))).rejects.toThrow(/"Year 9" was not made by Closing the Gap/);
    expect(wb.getSheet('Year 9')?.values).toEqual(pupils);
  });

  test('replace rewrites a sheet the add-in made, in place, and only that one', async () => {
    const wb = book();
    const first = await wb.writeSheet({ ...report('Checklist'), blocks: [{ row: 0, col: 0, values: [['a', 'b', 'c'], [1, 2, 3]] }] });
    const again = await wb.writeSheet(report('Checklist', 'replace', 'second'));
    expect(again.sheetName).toBe(first.sheetName);
    expect(wb.getSheetNames()).toEqual(['Year 9', 'Checklist']);
    await expect(wb.readSheetValues('Checklist')).resolves.toEqual([['Gap report'], ['second']]);
  });

  test('a sheet deleted and re-created by the user is no longer the add-in\'s', async () => {
    const wb = book();
    await wb.writeSheet(report('Checklist'));
    wb.deleteSheet('Checklist');
    wb.addSheet({ name: 'Checklist', values: [['my notes']] });
    await expect(wb.ownsSheet('Checklist')).resolves.toBe(false);
    await expect(wb.writeSheet(report('Checklist', 'replace'))).rejects.toThrow(/not made by Closing the Gap/);
  });

  test('table names are made valid and unique across the workbook; repeated headers are numbered', async () => {
    const wb = book();
    const spec: SheetSpec = {
      name: 'Gaps',
      mode: 'new',
      blocks: [
        { row: 0, col: 0, values: [['Group', 'Gap', 'Gap'], ['FSM', 0.5, 1]], table: { name: 'Year 9' } },
        { row: 4, col: 0, values: [['Group', null], ['PP', 2]], table: { name: 'year9' } },
        { row: 8, col: 0, values: [['x'], [1]], table: { name: 'A1' } },
      ],
    };
    await wb.writeSheet(spec);
    const tables = await wb.listTables();
    expect(tables.map((t) => t.name)).toEqual(['Year9', 'Year_9', 'year9_2', 'Table_A1']);
    await expect(wb.readSheetValues('Gaps').then((v) => v?.[0])).resolves.toEqual(['Group', 'Gap', 'Gap 2']);
    await expect(wb.readSheetValues('Gaps').then((v) => v?.[4])).resolves.toEqual(['Group', 'Column 2', null]);
  });

  test('ragged rows are padded and numbers Excel cannot hold are written blank', async () => {
    const wb = book();
    const r = await wb.writeSheet({ name: 'R', mode: 'new', blocks: [{ row: 1, col: 1, values: [[1, NaN, Infinity], [2]] }] });
    expect(r.address).toBe('R!A1:D3');
    // Read back as Excel would: the used range from A1, which ends at the last filled column.
    await expect(wb.readSheetValues('R')).resolves.toEqual([
      [null, null],
      [null, 1],
      [null, 2],
    ]);
  });

  test('a block outside the grid is refused with the limits', async () => {
    await expect(book().writeSheet({ name: 'X', mode: 'new', blocks: [{ row: 1_048_576, col: 0, values: [[1]] }] })).rejects.toThrow(/1048576 rows/);
  });

  test('formats are kept per area and the written sheet becomes active', async () => {
    const wb = book();
    await wb.writeSheet({
      name: 'F',
      mode: 'new',
      blocks: [{ row: 0, col: 0, values: [['h1', 'h2'], [1, 0.25]], headerStyle: 'header', numberFormat: [null, '0%'], rowTones: [null, 'muted'] }],
      freezeRows: 1,
    });
    expect(wb.activeSheet).toBe('F');
    expect(wb.cellFormat('F', 0, 0)).toEqual({ style: 'header' });
    expect(wb.cellFormat('F', 1, 1)).toEqual({ numberFormat: '0%', tone: 'muted' });
    expect(wb.getSheet('F')?.freezeRows).toBe(1);
  });

  test('every change is announced to subscribers until they unsubscribe', async () => {
    const wb = book();
    const seen: number[] = [];
    const stop = wb.subscribe(() => seen.push(seen.length));
    wb.setCell('Year 9', 1, 1, 99);
    await wb.writeSheet(report('R'));
    stop();
    wb.setCell('Year 9', 1, 1, 100);
    expect(seen).toEqual([0, 1]);
  });
});

describe('saving and reopening', () => {
  test('state and owned sheets survive toJSON / fromJSON through JSON text', async () => {
    const wb = book();
    await wb.saveState('checklist', '{"step":3}');
    await wb.writeSheet(report('Checklist'));
    const reopened = MemoryWorkbook.fromJSON(JSON.stringify(wb.toJSON()));
    await expect(reopened.loadState('checklist')).resolves.toBe('{"step":3}');
    await expect(reopened.loadState('other')).resolves.toBeNull();
    await expect(reopened.ownsSheet('Checklist')).resolves.toBe(true);
    await expect(reopened.ownsSheet('Year 9')).resolves.toBe(false);
    await expect(reopened.writeSheet(report('Checklist', 'replace'))).resolves.toMatchObject({ sheetName: 'Checklist' });
  });

  test('toJSON is a copy: later edits do not change a saved model', async () => {
    const wb = book();
    const saved = wb.toJSON();
    wb.setCell('Year 9', 1, 1, 1);
    expect(saved.sheets[0].values[1][1]).toBe(104);
  });

  test('a save missing newer parts (formats, charts, state) reopens with empty defaults', async () => {
    const old = JSON.stringify({ sheets: [{ name: 'Year 9', values: [['Score'], [5]] }], activeSheet: 'Gone', selection: { sheet: 'Gone', row: 0, col: 0, rows: 1, cols: 1 } });
    const wb = MemoryWorkbook.fromJSON(old);
    expect(wb.activeSheet).toBe('Year 9');
    expect(wb.selection).toBeNull();
    expect(wb.cellFormat('Year 9', 0, 0)).toEqual({});
    await expect(wb.readData({ kind: 'sheet', name: 'Year 9' })).resolves.toMatchObject({ headers: ['Score'], rows: [[5]] });
    await expect(wb.loadState('anything')).resolves.toBeNull();
    await expect(wb.writeSheet(report('Gaps'))).resolves.toMatchObject({ sheetName: 'Gaps' });
  });

  test('text that is not a saved workbook is refused with a message, not a crash later', () => {
    expect(() => MemoryWorkbook.fromJSON('{not json')).toThrow(/not JSON/);
    expect(() => MemoryWorkbook.fromJSON('[1,2]')).toThrow(/no list of sheets/);
    expect(() => MemoryWorkbook.fromJSON('{"sheets":[{"values":[]}]}')).toThrow(/sheet 1 has no name/);
    expect(() => MemoryWorkbook.fromJSON('{"sheets":[{"name":"A","values":[1,2]}]}')).toThrow(/cells of sheet "A" are not rows/);
    expect(() => MemoryWorkbook.fromJSON('{"sheets":[{"name":"A"},{"name":"a"}]}')).toThrow(/two sheets are called "a"/);
  });

  test('text the add-in protected with an apostrophe reads back without it, and is not a formula', async () => {
    const wb = book();
    await wb.writeSheet({ name: 'N', mode: 'new', blocks: [{ row: 0, col: 0, values: [["'=not a formula"]] }] });
    await expect(wb.readSheetValues('N')).resolves.toEqual([['=not a formula']]);
  });
});

describe('formulas', () => {
  // A small GAPS-like function: the mean of scores in a range, ignoring blanks and text.
  const MEANOF = (cells: CellValue[][], scale: CellValue) => {
    const xs = cells.flat().filter((v): v is number => typeof v === 'number');
    if (xs.length === 0) return { code: '#N/A', message: 'no scores' };
    return (xs.reduce((a, b) => a + b, 0) / xs.length) * (typeof scale === 'number' ? scale : 1);
  };
  const PAIRS = (cells: CellValue[][]) => cells.map((r) => [r[0], r[0] === null ? null : 'ok']);

  function withFormulas(formulas: CellValue[][]): MemoryWorkbook {
    return MemoryWorkbook.withSheets(
      [
        { name: 'Year 9', values: [['Score'], [4], [6], [null], ['ABS'], [8]] },
        { name: 'Try', values: formulas },
      ],
      { functions: { MEANOF, PAIRS } },
    );
  }

  test('a GAPS formula over another sheet is computed, with blanks passed as null and omitted arguments as null', async () => {
    const wb = withFormulas([["=GAPS.MEANOF('Year 9'!$A$2:$A$6)", '=GAPS.MEANOF(\'Year 9\'!A2:A6, 10)', '=gaps.meanof(\'Year 9\'!A:A)']]);
    expect(wb.evaluate('Try', 0, 0)).toBe(6);
    expect(wb.displayValues('Try')[0]).toEqual([6, 60, 6]);
  });

  test('an array result spills, and a blocked spill shows #SPILL!', () => {
    const wb = withFormulas([["=GAPS.PAIRS('Year 9'!A2:A4)", null, "=GAPS.PAIRS('Year 9'!A2:A3)"], [null, null, 'in the way']]);
    expect(wb.displayValues('Try')).toEqual([
      [4, 'ok', '#SPILL!'],
      [6, 'ok', 'in the way'],
      [null, null],
    ]);
  });

  test('errors show as their code; unknown functions as #NAME?; Excel formulas and nested calls are computed', () => {
    const wb = withFormulas([['=GAPS.MEANOF(B1:B2)', '=GAPS.NOSUCH(A1)', '=SUM(1,2)', "=GAPS.MEANOF('Year 9'!A2:A3)*SUM(1,1)"]]);
    // MEANOF of 4 and 6 is 5, times SUM(1,1) = 2.
    expect(wb.displayValues('Try')[0]).toEqual(['#N/A', '#NAME?', 3, 10]);
  });

  test('an error cell keeps its message for the preview, including inside a spill, a blocked spill and a missing sheet', () => {
    const SPILLERR = () => [[1], [{ code: '#N/A', message: 'second row has no pupils' }]];
    const wb = MemoryWorkbook.withSheets(
      [{ name: 'Try', values: [['=GAPS.MEANOF(F1:F2)', '=GAPS.SPILLERR()', "=GAPS.MEANOF('Year 10'!A1:A3)", '=GAPS.NOSUCH()']] }],
      { functions: { MEANOF, PAIRS, SPILLERR } },
    );
    expect(wb.displayValues('Try')[0]).toEqual(['#N/A', 1, '#REF!', '#NAME?']);
    expect(wb.cellMessage('Try', 0, 0)).toBe('no scores');
    expect(wb.cellMessage('Try', 1, 1)).toBe('second row has no pupils');
    expect(wb.cellMessage('Try', 0, 1)).toBeNull();
    expect(wb.cellMessage('Try', 0, 2)).toBe('There is no sheet called "Year 10" in this workbook.');
    expect(wb.cellMessage('Try', 0, 3)).toBe('There is no function GAPS.NOSUCH.');
    wb.setCell('Try', 0, 0, 5);
    expect(wb.cellMessage('Try', 0, 0)).toBeNull();
  });

  test('a spill blocked by a value says which cells to clear', () => {
    const wb = withFormulas([["=GAPS.PAIRS('Year 9'!A2:A3)"], [null, 'in the way']]);
    expect(wb.displayValue('Try', 0, 0)).toBe('#SPILL!');
    expect(wb.cellMessage('Try', 0, 0)).toMatch(/needs 2 x 2 cells from here/);
  });

  test('a colleague editing a cell changes the computed result', () => {
    const wb = withFormulas([["=GAPS.MEANOF('Year 9'!A2:A6)"]]);
    expect(wb.displayValue('Try', 0, 0)).toBe(6);
    wb.setCell('Year 9', 3, 0, 12);
    expect(wb.displayValue('Try', 0, 0)).toBe(7.5);
  });

  test('the real GAPS functions compute in the preview, and reads return computed values', async () => {
    const wb = MemoryWorkbook.withSheets(
      [
        { name: 'Year 9', values: [['Score', 'FSM6'], [104, 'Y'], [98, 'Y'], [110, null], [95, 'N']] },
        { name: 'Try', values: [["=GAPS.FSMGAP('Year 9'!A2:A5,'Year 9'!B2:B5)"], ['=GAPS.FSMGAP(\'Year 9\'!A2:A5,\'Year 9\'!A2:A5)']] },
      ],
      { functions: gapsFunctionRegistry() },
    );
    // By hand: others (110 + 95) / 2 = 102.5 minus disadvantaged (104 + 98) / 2 = 101 gives 1.5.
    // Scores used as flags are all non-zero, so every pupil is disadvantaged: no others, #N/A.
    await expect(wb.readSheetValues('Try')).resolves.toEqual([[1.5], ['#N/A']]);
  });
});

describe('colleagues\' cells on a rewritten sheet', () => {
  test('re-saving the Checklist keeps a hyperlink formula in Evidence and a format in Owner', async () => {
    const wb = new MemoryWorkbook();
    const first = withResponse(emptyState(), 'culture', { rating: 'Embedded', owner: 'Head' });
    await saveChecklist(wb, first, new Date(2026, 10, 22));
    const row = FIRST_ITEM_ROW;
    const link = '=HYPERLINK("https://school.example/policy","Policy")';
    wb.setCell('Checklist', row, columnIndex('Evidence'), link);
    (wb.getSheet('Checklist') as MemorySheet).formats.push({ row, col: columnIndex('Owner'), rows: 1, cols: 1, style: 'bad' });

    const loaded = await loadChecklist(wb);
    const next = withResponse(loaded.state, 'culture', { nextAction: 'Governors' });
    await saveChecklist(wb, next, new Date(2026, 10, 23));
    const sheet = wb.getSheet('Checklist') as MemorySheet;
    expect(sheet.values[row][columnIndex('Evidence')]).toBe(link);
    expect(wb.cellFormat('Checklist', row, columnIndex('Owner')).style).toBe('bad');
    expect(sheet.values[row][columnIndex('Owner')]).toBe('Head');
    expect(sheet.values[row][columnIndex('Next action')]).toBe('Governors');
    expect(wb.cellFormat('Checklist', row, columnIndex('Next action')).style).toBe('input');
  });
});

test('a sheet whose entry the saved list lost is recovered from its own mark', async () => {
  const wb = new MemoryWorkbook();
  await wb.writeSheet({ name: 'Checklist', mode: 'new', blocks: [{ row: 0, col: 0, values: [['first']] }] });
  await wb.saveState('ctg.ownedSheets', '[]');
  await expect(wb.ownsSheet('Checklist')).resolves.toBe(true);
  const again = await wb.writeSheet({ name: 'Checklist', mode: 'replace', blocks: [{ row: 0, col: 0, values: [['second']] }] });
  expect(again.sheetName).toBe('Checklist');
  expect(wb.getSheetNames()).toEqual(['Checklist']);
});
