/**
 * Funnel-plot control limits (Spiegelhalter 2005): for each unit size n, the range in which a
 * unit's statistic falls by chance alone when every unit is like the overall.
 *
 * What it is for: the trust view plots each school's figure against its number of pupils; schools
 * outside the 95% limits (z 1.96) are worth a look, outside 99.8% (z 3.09) are unusual beyond
 * reasonable doubt. Small schools get wide limits, so they are not singled out for noise.
 *
 * - Mean-type statistic (a mean score, a gap): overall +- z sd / sqrt(n).
 * - Proportion: the exact binomial limits with Spiegelhalter's interpolation: r = the p-quantile of
 *   Binomial(n, overall), a = (F(r) - p) / (F(r) - F(r - 1)), limit = (r - a) / n, for
 *   p = (1 - confidence)/2 and (1 + confidence)/2.
 *
 * Reference: D. J. Spiegelhalter (2005), "Funnel plots for comparing institutional performance",
 * Statistics in Medicine 24, 1185-1202 (Appendix A.1.1 for proportions).
 *
 * @throws `#VALUE!` n not a positive number, sd below 0, an overall proportion outside 0..1, a
 *   confidence outside (0, 1).
 * @example funnelLimits(25, 100, 15, 0.95) // { lower: 94.1201, upper: 105.8799 } (R: 100 + c(-1, 1) * qnorm(0.975) * 15 / sqrt(25))
 * @example funnelLimitsProportion(50, 0.3, 0.95) // { lower: 0.1661, upper: 0.4201 } (R: by hand from qbinom, pbinom)
 */
import { valueError } from '../errors';
import { requireConfidence } from '../outcomes/confidence';
import { binomialCdf, binomialQuantile } from '../outcomes/quantiles';
import { zFor } from '../outcomes/wilson';

export interface Limits {
  lower: number;
  upper: number;
}

function checkN(n: number): void {
  if (!(n > 0) || !Number.isFinite(n)) throw valueError(`each n must be a number of pupils above 0, but one is ${n}`);
}

/** Limits for a mean-type statistic with this overall value and pupil-level standard deviation. */
export function funnelLimits(n: number, overall: number, sd: number, confidence = 0.95): Limits {
  requireConfidence(confidence);
  checkN(n);
  if (!Number.isFinite(overall)) throw valueError(`overall must be a number, but it is ${overall}`);
  if (!(sd >= 0) || !Number.isFinite(sd)) throw valueError(`sd must be a standard deviation of 0 or more, but it is ${sd}`);
  const half = (zFor(confidence) * sd) / Math.sqrt(n);
  return { lower: overall - half, upper: overall + half };
}

function binomialLimit(p: number, n: number, theta: number): number {
  const r = binomialQuantile(p, n, theta);
  const fr = binomialCdf(r, n, theta);
  const frm1 = r > 0 ? binomialCdf(r - 1, n, theta) : 0;
  const a = fr > frm1 ? (fr - p) / (fr - frm1) : 0;
  return Math.min(1, Math.max(0, (r - a) / n));
}

/** Limits for a proportion (0..1) among n pupils, with Spiegelhalter's exact binomial interpolation. */
export function funnelLimitsProportion(n: number, overall: number, confidence = 0.95): Limits {
  requireConfidence(confidence);
  checkN(n);
  if (!Number.isInteger(n)) throw valueError(`each n must be a whole number of pupils for a proportion, but one is ${n}`);
  if (!(overall >= 0 && overall <= 1)) throw valueError(`overall must be a proportion from 0 to 1 (0.3 = 30%), but it is ${overall}`);
  const a = (1 - confidence) / 2;
  return { lower: binomialLimit(a, n, overall), upper: binomialLimit(1 - a, n, overall) };
}
