/**
 * Piecewise-linear interpolation in a table of (x ascending, y) points, clamped at both ends:
 * below the first x gives the first y, above the last x the last y (R: approx(x, y, xout, rule = 2)).
 *
 * @example interpolate([90, 100, 110], [3, 4, 6], 105) // 5
 */
export function interpolate(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo], x1 = xs[hi];
  if (x1 === x0) return ys[hi];
  return ys[lo] + ((ys[hi] - ys[lo]) * (x - x0)) / (x1 - x0);
}
