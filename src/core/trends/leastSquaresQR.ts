/**
 * Multiple least squares by Householder QR: the coefficients b minimising |y - X b|^2, with the
 * residuals and the residual standard deviation.
 *
 * What it is for: contextual value added (./cva.ts) regresses an outcome on prior attainment and
 * several 0/1 context columns. QR works on X itself rather than on X'X (as a Cholesky solve of the
 * normal equations would), so prior attainment on a 100-scale beside 0/1 columns loses no accuracy.
 * A column that is constant or repeats others (every pupil EAL, say) is reported, not solved.
 *
 * Reference: G. H. Golub, C. F. Van Loan, Matrix Computations (4th ed.), 5.2 and 5.3; the
 * coefficients match R's lm (which also uses Householder QR).
 *
 * @throws `#VALUE!` fewer pupils than coefficients, or a column that is a combination of others
 *   (named by `names`).
 * @example leastSquaresQR([[1, 1], [1, 2], [1, 3]], [2, 5, 6]) // { coefficients: [0.3333, 2], residuals: [-0.3333, 0.6667, -0.3333], sigma: 0.8165 } (R: lm(c(2,5,6) ~ c(1,2,3)))
 */
import { valueError } from '../errors';

export interface LeastSquaresFit {
  coefficients: number[];
  residuals: Float64Array;
  /** sqrt(RSS / (N - p)); NaN when N = p. */
  sigma: number;
  /** Residual degrees of freedom, N - p. */
  dfResidual: number;
}

export function leastSquaresQR(rows: ReadonlyArray<ArrayLike<number>>, y: ArrayLike<number>, names?: readonly string[]): LeastSquaresFit {
  const n = rows.length;
  const p = n > 0 ? rows[0].length : 0;
  if (n < p || p === 0) throw valueError(`needs more pupils (${n}) than coefficients to fit (${p})`);
  // Column-major copy of X; qy accumulates Q'y.
  const a: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = rows[i][j];
    a.push(c);
  }
  const qy = Float64Array.from(y as ArrayLike<number>);
  const scale = a.map((c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)));
  for (let j = 0; j < p; j++) {
    const c = a[j];
    let norm = 0;
    for (let i = j; i < n; i++) norm += c[i] * c[i];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-10 * (scale[j] || 1))) {
      const what = names?.[j] ?? `column ${j + 1}`;
      throw valueError(`${what} is constant or a combination of the other columns, so its effect cannot be told apart: leave it out`);
    }
    const alpha = c[j] > 0 ? -norm : norm;
    // Householder vector v = x - alpha e1, stored in place of the column below the diagonal.
    const v0 = c[j] - alpha;
    let vnorm2 = v0 * v0;
    for (let i = j + 1; i < n; i++) vnorm2 += c[i] * c[i];
    c[j] = v0;
    const apply = (t: Float64Array): void => {
      let dot = 0;
      for (let i = j; i < n; i++) dot += c[i] * t[i];
      const f = (2 * dot) / vnorm2;
      for (let i = j; i < n; i++) t[i] -= f * c[i];
    };
    for (let k = j + 1; k < p; k++) apply(a[k]);
    apply(qy);
    c[j] = alpha; // R[j][j]
    for (let i = j + 1; i < n; i++) c[i] = 0;
  }
  // Back substitution R b = (Q'y)[0..p).
  const b = new Array<number>(p).fill(0);
  for (let j = p - 1; j >= 0; j--) {
    let s = qy[j];
    for (let k = j + 1; k < p; k++) s -= a[k][j] * b[k];
    b[j] = s / a[j][j];
  }
  const residuals = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let j = 0; j < p; j++) fit += rows[i][j] * b[j];
    const r = y[i] - fit;
    residuals[i] = r;
    rss += r * r;
  }
  const dfResidual = n - p;
  return { coefficients: b, residuals, sigma: dfResidual > 0 ? Math.sqrt(rss / dfResidual) : NaN, dfResidual };
}
