/**
 * Empirical Bayes shrinkage of unit estimates (each school's gap) toward the overall value, with the
 * between-unit variance tau^2 estimated by DerSimonian and Laird's method of moments.
 *
 * w_i = 1/se_i^2; fixed-effect mean m = sum(w y)/sum(w); Q = sum(w (y - m)^2);
 * tau^2 = max(0, (Q - (k - 1)) / (sum(w) - sum(w^2)/sum(w))); overall = sum(w* y)/sum(w*) with
 * w* = 1/(se^2 + tau^2); shrunken_i = overall + B_i (y_i - overall), B_i = tau^2/(tau^2 + se_i^2).
 *
 * What it is for: a school with 4 disadvantaged pupils has a noisy gap; its shrunken estimate is
 * pulled toward the trust's average by as much as its noise, so it is not ranked first or last by
 * luck. A large school keeps nearly its own figure (B near 1). If the units differ no more than
 * chance predicts, tau^2 = 0 and every unit is shrunk to the overall.
 *
 * Reference: R. DerSimonian, N. Laird (1986), Controlled Clinical Trials 7, 177-188; matches
 * metafor's blup(rma(yi, sei = se, method = "DL"))$pred and $tau2.
 *
 * @throws `#VALUE!` fewer than 2 units, unequal lists, a standard error that is not above 0.
 * @example shrink([5, 2, 9], [1, 2, 3]) // { tau2: 3.4286, overall: 4.8140, shrunken: [4.9580, 3.5152, 5.9688] } (R: blup(rma(c(5,2,9), sei = c(1,2,3), method = "DL")))
 */
import { valueError } from '../errors';

export interface Shrinkage {
  /** Between-unit variance (DerSimonian-Laird). */
  tau2: number;
  /** The random-effects overall value the estimates are shrunk toward. */
  overall: number;
  /** The shrinkage factor B for each unit (0 = all the way to the overall, 1 = none). */
  factors: number[];
  /** Shrunken estimates, in the order given. */
  shrunken: number[];
}

export function shrink(estimates: readonly number[], ses: readonly number[]): Shrinkage {
  const k = estimates.length;
  if (ses.length !== k) throw valueError(`there are ${k} estimates but ${ses.length} standard errors: give one standard error per unit`);
  if (k < 2) throw valueError('shrinkage needs at least 2 units (schools or groups) to compare');
  let sw = 0, sw2 = 0, swy = 0;
  for (let i = 0; i < k; i++) {
    const y = estimates[i];
    const se = ses[i];
    if (!Number.isFinite(y)) throw valueError(`estimate ${i + 1} is not a number (${y})`);
    if (!(se > 0) || !Number.isFinite(se)) throw valueError(`standard error ${i + 1} must be above 0, but it is ${se}`);
    const w = 1 / (se * se);
    sw += w;
    sw2 += w * w;
    swy += w * y;
  }
  const m = swy / sw;
  let q = 0;
  for (let i = 0; i < k; i++) q += (estimates[i] - m) ** 2 / (ses[i] * ses[i]);
  const tau2 = Math.max(0, (q - (k - 1)) / (sw - sw2 / sw));
  let sws = 0, swsy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (ses[i] * ses[i] + tau2);
    sws += w;
    swsy += w * estimates[i];
  }
  const overall = swsy / sws;
  const factors = ses.map((se) => tau2 / (tau2 + se * se));
  const shrunken = estimates.map((y, i) => overall + factors[i] * (y - overall));
  return { tau2, overall, factors, shrunken };
}
