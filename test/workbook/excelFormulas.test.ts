/**
 * Excel formulas in the in-memory workbook (the preview): the Checklist sheet's plain formulas, as
 * the add-in writes them, compute the points and scores the core gives, and what the preview cannot
 * compute says so instead of showing the formula as a value.
 */
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import { gapsFunctionRegistry } from '../../src/preview/gapsRegistry';
import { buildChecklistSheet } from '../../src/sheets/checklistSheet';
import { emptyState, pointsOf, scoresOf, statementsOf, withResponse, type ChecklistState } from '../../src/core/checklist/model';
import { AREAS } from '../../src/core/checklist/items';
import { columnIndex, FIRST_ITEM_ROW } from '../../src/core/checklist/layout';
import { criterion } from '../../src/workbook/excelFunctions';
import type { CellValue } from '../../src/workbook/port';

function review(ratings: (string | null)[]): ChecklistState {
  let s = emptyState();
  statementsOf(s).forEach((st, i) => {
    const r = ratings[i % ratings.length];
    if (r !== null) s = withResponse(s, st.id, { rating: r });
  });
  return s;
}

async function sheetOf(state: ChecklistState): Promise<CellValue[][]> {
  const wb = MemoryWorkbook.withSheets([], { functions: gapsFunctionRegistry() });
  await wb.writeSheet(buildChecklistSheet(state, { name: 'Checklist', mode: 'new', savedAt: '2026-12-02 10:00' }));
  return wb.displayValues('Checklist');
}

describe('the Checklist sheet computes in the preview', () => {
  // Words, other spellings Excel's VLOOKUP matches (any case, spaces around), numbers and blanks.
  const ratings = ['Embedded', 'Developing', null, 'established', ' Not started ', 2, 'Green', 'Amber', null, 'Secure', 1.5, 'Emerging'];
  const state = review(ratings.map((r) => (r === null ? null : String(r))));

  test('each Points cell holds the core\'s points for its rating, and no cell shows a formula', async () => {
    const grid = await sheetOf(state);
    const pointsCol = columnIndex('Points');
    const ratingCol = columnIndex('Rating');
    const statements = statementsOf(state);
    statements.forEach((_, i) => {
      const row = grid[FIRST_ITEM_ROW + i];
      const rating = row[ratingCol];
      const expected = pointsOf(rating === null ? null : String(rating));
      expect({ i, points: row[pointsCol] }).toEqual({ i, points: expected === null ? '' : expected });
    });
    for (const row of grid) for (const v of row) expect(typeof v === 'string' && v.startsWith('=')).toBe(false);
  });

  test('the per-area and overall scores equal the core\'s scores, plain and GAPS columns alike', async () => {
    const grid = await sheetOf(state);
    const scores = scoresOf(state);
    const at = (label: string) => grid.find((row) => row[0] === label && typeof row[2] === 'number')!;
    for (const a of scores.areas) {
      const row = at(a.area.name);
      expect(row[1]).toBe(a.rated);
      expect(row[2]).toBe(a.statements);
      if (a.score === null) expect(row[3]).toBe('');
      else expect(row[3]).toBeCloseTo(a.score, 12);
    }
    const overall = at('Overall');
    expect(overall[1]).toBe(scores.overall.rated);
    expect(overall[3]).toBeCloseTo(scores.overall.score!, 12);
    expect(overall[4]).toBeCloseTo(scores.overall.score!, 12);
    expect(AREAS.length).toBeGreaterThan(1);
  });

  test('a rating the scoring does not know shows #N/A in Points and is left out of the scores', async () => {
    const s = review(['Embedded', 'Maybe']);
    const grid = await sheetOf(s);
    expect(grid[FIRST_ITEM_ROW + 1][columnIndex('Points')]).toBe('#N/A');
    const overall = grid.find((row) => row[0] === 'Overall' && typeof row[2] === 'number')!;
    // Half the statements are Embedded (3 points), the other half "Maybe": only the Embedded count.
    expect(overall[1]).toBe(scoresOf(s).overall.rated);
    expect(overall[3]).toBeCloseTo(1, 12);
  });
});

describe('Excel formulas', () => {
  function book(values: CellValue[][]): MemoryWorkbook {
    return MemoryWorkbook.withSheets([{ name: 'S', values }], { functions: gapsFunctionRegistry() });
  }

  test('arithmetic, nested functions, array constants and references to formulas compute', () => {
    const wb = book([[1, 2, '=A1+B1*10', '=SUM({1,2;3,4})', '=IF(TRIM(" x ")="x","yes","no")', '=C1*2', '=MAX(A1:C1)']]);
    // By hand: 1 + 2*10 = 21; 1+2+3+4 = 10; C1*2 = 42; max(1, 2, 21) = 21.
    expect(wb.displayValues('S')[0]).toEqual([1, 2, 21, 10, 'yes', 42, 21]);
  });

  test('what the preview cannot compute shows #NAME? with the reason, never the formula', () => {
    const wb = book([[1, '=FILTER(A1:A2,A1:A2>0)', '=SUM(A1', '=NOSUCHFN(1)', '=HYPERLINK("#\'Gap report\'!A1","Open the report")']]);
    expect(wb.displayValues('S')[0]).toEqual([1, '#NAME?', '#NAME?', '#NAME?', 'Open the report']);
    expect(wb.cellMessage('S', 0, 1)).toMatch(/cannot compute FILTER; Excel will/);
    expect(wb.cellMessage('S', 0, 2)).toMatch(/could not read the formula =SUM\(A1/);
  });

  test('a formula reading its own cell says it is circular', () => {
    const wb = book([['=A1+1']]);
    expect(wb.displayValue('S', 0, 0)).toBe('#REF!');
    expect(wb.cellMessage('S', 0, 0)).toMatch(/circular/);
  });

  test('errors flow through formulas that read them', () => {
    const wb = book([['=NA()', '=A1+1', '=IFERROR(A1,"none")', '=1/0']]);
    expect(wb.displayValues('S')[0]).toEqual(['#N/A', '#N/A', 'none', '#DIV/0!']);
  });

  // Excel's criteria rules (support.microsoft.com, COUNTIF): a number criterion matches numbers only,
  // text ignores case and takes * and ?, "" matches blanks and "<>" anything not blank.
  test('COUNTIF-style criteria follow Excel, not JavaScript comparisons', () => {
    expect(criterion('>=0')('')).toBe(false);
    expect(criterion('>=0')(null)).toBe(false);
    expect(criterion('>=0')('x')).toBe(false);
    expect(criterion('>=0')(0)).toBe(true);
    expect(criterion('embedded')('Embedded')).toBe(true);
    expect(criterion('Emb*')('embedded')).toBe(true);
    expect(criterion('D?v')('Dev')).toBe(true);
    expect(criterion('')(null)).toBe(true);
    expect(criterion('<>')(null)).toBe(false);
    expect(criterion('<>')('a')).toBe(true);
    expect(criterion(3)(3)).toBe(true);
    const wb = book([['a', ''], ['A', null], ['a', 2], ['b', 3], ['a', 'x'], ['=COUNTIFS(A1:A5,"a",B1:B5,">=0")', '=AVERAGEIFS(B1:B5,A1:A5,"A")']]);
    // Rows with "a" (any case): 1, 2, 3, 5; of those only row 3 holds a number >= 0 (2).
    expect(wb.displayValues('S')[5]).toEqual([1, 2]);
  });
});
