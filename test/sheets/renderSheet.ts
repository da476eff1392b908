/**
 * Test helper: lays a SheetSpec's blocks out as the values grid `readSheetValues` would return
 * (formulas stay as their text; blank cells are null), so the sheet builder and the sheet reader
 * can be tested against each other without a workbook.
 */
import type { CellValue, SheetSpec } from '../../src/workbook/port';

export function renderValues(spec: SheetSpec): CellValue[][] {
  let rows = 0;
  let cols = 0;
  for (const b of spec.blocks) {
    rows = Math.max(rows, b.row + b.values.length);
    for (const r of b.values) cols = Math.max(cols, b.col + r.length);
  }
  const grid: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  for (const b of spec.blocks) {
    b.values.forEach((r, i) => r.forEach((v, j) => (grid[b.row + i][b.col + j] = v)));
  }
  return grid;
}
