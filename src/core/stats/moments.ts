/**
 * Running count, mean and sum of squared deviations of a stream of numbers (Welford's method).
 *
 * What it is for: every mean, variance and standard deviation in the add-in is accumulated in one
 * pass over the cells, without storing the scores and without the cancellation error of the
 * "sum of squares" shortcut.
 *
 * Reference: B. P. Welford (1962), "Note on a method for calculating corrected sums of squares
 * and products", Technometrics 4(3).
 *
 * @example
 * const m = new Moments(); [2, 4, 4, 4, 5, 5, 7, 9].forEach((x) => m.add(x));
 * m.mean() // 5; m.variance() // 4.571428571428571 (n - 1 weighting)
 */
export class Moments {
  n = 0;
  private m = 0;
  private s = 0;

  add(x: number): void {
    this.n += 1;
    const d = x - this.m;
    this.m += d / this.n;
    this.s += d * (x - this.m);
  }

  /** Mean, or NaN with no values. */
  mean(): number {
    return this.n > 0 ? this.m : NaN;
  }

  /** Sum of squared deviations from the mean. */
  sumSquares(): number {
    return this.s;
  }

  /** Sample variance (n - 1 weighting), or NaN with fewer than two values. */
  variance(): number {
    return this.n > 1 ? Math.max(0, this.s) / (this.n - 1) : NaN;
  }

  /** Sample standard deviation (n - 1 weighting), or NaN with fewer than two values. */
  sd(): number {
    return Math.sqrt(this.variance());
  }
}

/** Moments of a plain list of numbers (NaN entries are skipped). */
export function momentsOf(values: ArrayLike<number>): Moments {
  const m = new Moments();
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x) m.add(x);
  }
  return m;
}
