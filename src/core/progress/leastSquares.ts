/**
 * The least-squares line y = intercept + slope x through paired values (NaN pairs skipped).
 * Accumulated in one pass with Welford-style co-moments for accuracy.
 *
 * @example leastSquares([1, 2, 3], [2, 4, 6]) // { intercept: 0, slope: 2, n: 3 } (R: lm(y ~ x))
 */
export interface Line {
  intercept: number;
  slope: number;
  n: number;
}

export function leastSquares(x: ArrayLike<number>, y: ArrayLike<number>): Line {
  let n = 0, mx = 0, my = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b) continue;
    n++;
    const dx = a - mx;
    mx += dx / n;
    my += (b - my) / n;
    sxx += dx * (a - mx);
    sxy += dx * (b - my);
  }
  const slope = sxx > 0 ? sxy / sxx : NaN;
  return { intercept: my - slope * mx, slope, n };
}
