/**
 * Analysis of covariance with one covariate: the (weighted) least-squares fit
 * y = a + b x + c t (t = 1 for the treated pupils, 0 for the others), and the standard error of c
 * three ways: the classical one (as R's `lm` and `confint`), the HC1 sandwich (as R's
 * `sandwich::vcovHC(fit, type = "HC1")`, which also holds for `lm(weights = w)`), the HC3 sandwich
 * (`type = "HC3"`: each residual over 1 - its leverage, robust to a few heavily weighted pupils), and the CR1
 * cluster-robust one (as `sandwich::vcovCL(fit, cluster = g)`, whose default adjustment is
 * G / (G - 1) x (N - 1) / (N - k)).
 *
 * What it is for: the EEF's effect size is the intervention coefficient of a regression of the
 * post-test on the pre-test; a matched comparison group enters the same fit with match weights.
 *
 * Method: by the Frisch-Waugh-Lovell theorem, c = sum(w r y) / sum(w r^2), where r is t with the
 * (weighted) fit on 1 and x removed, and every variance of c reduces to sums over r and the full
 * residuals e: classical s^2 / sum(w r^2) with s^2 = sum(w e^2) / (N - k); HC1
 * N / (N - k) sum(w^2 e^2 r^2) / sum(w r^2)^2; HC3 sum(w^2 e^2 r^2 / (1 - h)^2) / sum(w r^2)^2; CR1 adj sum_g (sum_{i in g} w e r)^2 / sum(w r^2)^2.
 * Values are centred on their weighted means first, so large scores lose no precision. Sums run in
 * the order given: a caller that needs a result independent of row order passes the pupils in a
 * canonical order.
 * When x has no spread it is dropped, as R's `lm` does (k = 2: c is the weighted difference in y).
 *
 * Errors: none; `ok` is false with a `reason` when the fit is impossible (no treated or no other
 * pupil, x tells the two groups apart exactly, or too few pupils for any residual degree of freedom).
 *
 * @example ancova([1, 2, 3, 4, 5], [2, 3, 5, 4, 7], [1, 1, 0, 0, 0]).c // R: coef(lm(y ~ x + t))["t"]
 */

export interface AncovaFit {
  ok: boolean;
  /** Why the fit is impossible (empty when ok). */
  reason: string;
  /** Pupils with a positive weight. */
  n: number;
  /** Coefficients estimated (3, or 2 when x has no spread). */
  k: number;
  /** Residual degrees of freedom, n - k. */
  df: number;
  /** Coefficient of t (the adjusted difference) and of x. */
  c: number;
  b: number;
  /** Classical standard error of c (lm / confint). */
  se: number;
  /** HC1 sandwich standard error of c. */
  seHC1: number;
  /** HC3 sandwich standard error of c (residuals over 1 - leverage); NaN when a pupil has leverage 1. */
  seHC3: number;
  /**
   * Standard error of c with the weights as fixed counts of re-use and one common error variance per
   * pupil: s0^2 sum(w^2 r^2) / sum(w r^2)^2, s0^2 = sum(e^2) / (n - k) (unweighted). With a comparison
   * pupil re-used many times its residual is near 0 and the HC1 sandwich misses its noise; this does not
   * (the homoscedastic variance of matching with replacement, Abadie and Imbens 2006).
   */
  seReuse: number;
  /** CR1 cluster-robust standard error of c (NaN without clusters, or with fewer than 2 clusters). */
  seCR1: number;
  /** Number of clusters (0 without clusters). */
  clusters: number;
}

const FAILED = (n: number, reason: string): AncovaFit => ({
  ok: false, reason, n, k: 3, df: n - 3, c: NaN, b: NaN, se: NaN, seHC1: NaN, seHC3: NaN, seReuse: NaN, seCR1: NaN, clusters: 0,
});

/**
 * @param y outcome per pupil; @param x covariate; @param t 1 (or true) for treated pupils;
 * @param w optional weights (missing = 1; pupils with weight 0 are left out);
 * @param cluster optional cluster id per pupil for the CR1 standard error;
 * @param robust compute the sandwich standard errors without weights or clusters too (they always are
 *   with either); otherwise an unweighted fit gives only the classical one (NaN for the others).
 */
export function ancova(
  y: ArrayLike<number>,
  x: ArrayLike<number>,
  t: ArrayLike<number | boolean>,
  w?: ArrayLike<number> | null,
  cluster?: ArrayLike<string | number> | null,
  robust = false,
): AncovaFit {
  const len = y.length;
  const wt = (i: number) => (w ? w[i] : 1);
  const tv = (i: number) => (t[i] ? 1 : 0);
  let sw = 0, mx = 0, my = 0, mt = 0, n = 0, n1 = 0, n0 = 0;
  for (let i = 0; i < len; i++) {
    const wi = wt(i);
    if (!(wi > 0)) continue;
    n += 1;
    if (tv(i)) n1 += 1; else n0 += 1;
    sw += wi;
    mx += wi * x[i];
    my += wi * y[i];
    mt += wi * tv(i);
  }
  if (n1 === 0) return FAILED(n, 'there are no intervention pupils');
  if (n0 === 0) return FAILED(n, 'there are no comparison pupils');
  mx /= sw; my /= sw; mt /= sw;
  let sxx = 0, sxt = 0, stt = 0, sxy = 0, sty = 0, syy = 0;
  for (let i = 0; i < len; i++) {
    const wi = wt(i);
    if (!(wi > 0)) continue;
    const dx = x[i] - mx, dy = y[i] - my, dt = tv(i) - mt;
    sxx += wi * dx * dx;
    sxt += wi * dx * dt;
    stt += wi * dt * dt;
    sxy += wi * dx * dy;
    sty += wi * dt * dy;
    syy += wi * dy * dy;
  }
  // x without spread (relative to its size) is dropped, as lm does.
  const scale = Math.max(1, Math.abs(mx));
  const useX = sxx > 1e-24 * scale * scale * sw;
  const k = useX ? 3 : 2;
  const df = n - k;
  let b = 0, c: number, srr: number, slope = 0;
  if (useX) {
    const det = sxx * stt - sxt * sxt;
    if (!(det > 1e-12 * sxx * stt)) {
      return FAILED(n, 'the pre-test tells the two groups apart exactly (every intervention pupil has one score and every comparison pupil another), so it cannot be adjusted for');
    }
    c = (sxx * sty - sxt * sxy) / det;
    b = (stt * sxy - sxt * sty) / det;
    srr = det / sxx;
    slope = sxt / sxx;
  } else {
    c = sty / stt;
    srr = stt;
  }
  if (df < 1) return { ...FAILED(n, `needs at least ${k + 1} pupils with both scores to estimate the interval`), k, df, c, b };
  if (!w && !cluster && !robust) {
    // Classical standard error only: the residual sum of squares from the cross-products, no third pass.
    const rss = Math.max(0, syy - b * sxy - c * sty);
    return { ok: true, reason: '', n, k, df, c, b, se: Math.sqrt(rss / df / srr), seHC1: NaN, seHC3: NaN, seReuse: NaN, seCR1: NaN, clusters: 0 };
  }

  // Leverage h = w (1 / sw + z' M^-1 z), z = (dx, dt), M the centred cross-products (x dropped: z = dt).
  const det2 = sxx * stt - sxt * sxt;
  const lev = (wi: number, dx: number, dt: number) =>
    wi * (1 / sw + (useX ? (stt * dx * dx - 2 * sxt * dx * dt + sxx * dt * dt) / det2 : (dt * dt) / stt));
  let see = 0, meat = 0, meat3 = 0, ee = 0, wwrr = 0;
  const groups = cluster ? new Map<string | number, number>() : null;
  for (let i = 0; i < len; i++) {
    const wi = wt(i);
    if (!(wi > 0)) continue;
    const dx = x[i] - mx, dt = tv(i) - mt;
    const e = y[i] - my - b * dx - c * dt;
    const r = dt - slope * dx;
    see += wi * e * e;
    ee += e * e;
    wwrr += wi * wi * r * r;
    meat += wi * wi * e * e * r * r;
    const h = lev(wi, dx, dt);
    meat3 += h < 1 - 1e-10 ? (wi * wi * e * e * r * r) / ((1 - h) * (1 - h)) : (e * e > 0 ? Infinity : 0);
    if (groups && cluster) {
      const g = cluster[i];
      groups.set(g, (groups.get(g) ?? 0) + wi * e * r);
    }
  }
  const se = Math.sqrt(see / df / srr);
  const seHC1 = Math.sqrt(((n / df) * meat) / (srr * srr));
  let seCR1 = NaN;
  let clusters = 0;
  if (groups) {
    clusters = groups.size;
    if (clusters >= 2) {
      let s = 0;
      for (const u of groups.values()) s += u * u;
      const adj = (clusters / (clusters - 1)) * ((n - 1) / df);
      seCR1 = Math.sqrt((adj * s) / (srr * srr));
    }
  }
  const seReuse = Math.sqrt(((ee / df) * wwrr) / (srr * srr));
  const seHC3 = Number.isFinite(meat3) ? Math.sqrt(meat3 / (srr * srr)) : NaN;
  return { ok: true, reason: '', n, k, df, c, b, se, seHC1, seHC3, seReuse, seCR1, clusters };
}
