/**
 * Ranges as plain numbers and back: the bridge between the Grid-reading measures and their
 * entry points over numbers.
 *
 * A measure that spills one value per pupil works on `Float64Array`s in which `NaN` marks a
 * missing pupil. `readScores` turns a range into such an array (row-major, through the shared
 * score reader), and a `NumberSpill` carries the result with the shape it spills in.
 */
import { type Grid, cellAt, cellCount, columnsOf, readScore } from '../cells';

/** One value per cell of a `rows` x `cols` spill, row-major; `NaN` where a pupil has no value. */
export interface NumberSpill {
  values: Float64Array;
  rows: number;
  cols: number;
}

/**
 * A range's cells as scores, row-major: the number, or `NaN` for a missing cell (see `readScore`).
 *
 * @example readScores([[104], [" 98 "], ["ABS"]]) // Float64Array [104, 98, NaN]
 */
export function readScores(grid: Grid): Float64Array {
  const n = cellCount(grid);
  const cols = columnsOf(grid);
  const out = new Float64Array(n);
  if (cols === 1) {
    for (let k = 0; k < n; k++) out[k] = readScore(grid[k][0]);
  } else {
    for (let k = 0; k < n; k++) out[k] = readScore(cellAt(grid, k, cols));
  }
  return out;
}

/** The shape of `grid` around `values` (one value per cell of `grid`). */
export function shapedLike(grid: Grid, values: Float64Array): NumberSpill {
  return { values, rows: grid.length, cols: columnsOf(grid) };
}

/** A spill as rows of cells: its numbers, `null` where a value is missing. */
export function spillRows(spill: NumberSpill): (number | null)[][] {
  const { values, rows, cols } = spill;
  const out: (number | null)[][] = new Array(rows);
  for (let r = 0, k = 0; r < rows; r++) {
    const o: (number | null)[] = new Array(cols);
    for (let c = 0; c < cols; c++, k++) {
      const v = values[k];
      o[c] = v === v ? v : null;
    }
    out[r] = o;
  }
  return out;
}
