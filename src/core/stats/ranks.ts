import { sortFloat64 } from './sortFloat64';

/**
 * Sum of the ranks each of two groups would get if their values were ranked together, ties sharing
 * their average rank (R's rank(ties.method = "average")).
 *
 * What it is for: the gap index. Sorting each group on its own (a radix sort, linear in n) and
 * merging never builds an array of objects.
 *
 * @example rankSums(Float64Array.of(1, 3), Float64Array.of(2, 3)) // { a: 1 + 3.5, b: 2 + 3.5 }
 */
export function rankSums(a: Float64Array, b: Float64Array): { a: number; b: number } {
  sortFloat64(a);
  sortFloat64(b);
  let i = 0;
  let j = 0;
  let pos = 0; // values already ranked
  let sumA = 0;
  let sumB = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    let ca = 0;
    let cb = 0;
    while (i < a.length && a[i] === v) { i++; ca++; }
    while (j < b.length && b[j] === v) { j++; cb++; }
    const avg = pos + (ca + cb + 1) / 2;
    sumA += ca * avg;
    sumB += cb * avg;
    pos += ca + cb;
  }
  return { a: sumA, b: sumB };
}
