/**
 * One cohort's gap as an estimate with a standard error and Welch-Satterthwaite degrees of freedom:
 * gap = mean(other) - mean(disadvantaged), SE = sqrt(s_o^2/n_o + s_d^2/n_d).
 *
 * What it is for: the building block of every comparison over years (./gapDifference.ts,
 * ./pooledGap.ts) and across schools (./shrinkage.ts). Keeping df beside SE lets two gaps be
 * compared with a t interval rather than a normal one when cohorts are small.
 *
 * Reference: Welch (1947); the SE and df are those of R's t.test(other, disadvantaged)
 * ($stderr, $parameter).
 *
 * @throws `#N/A` when a group has fewer than 2 pupils (no spread to measure).
 * @example gapEstimate(momentsOf([110, 95, 107, 99]), momentsOf([104, 98, 101, 88])) // { gap: 5, se: 4.9117, df: 6 } (R: t.test(o, d)$stderr, $parameter)
 */
import { tooFewForSpread } from '../gaps/messages';
import type { Moments } from '../stats/moments';

export interface GapEstimate {
  /** mean(other) - mean(disadvantaged) */
  gap: number;
  se: number;
  /** Welch-Satterthwaite df; Infinity for an estimate known only by its SE (normal interval). */
  df: number;
  nDisadvantaged: number;
  nOther: number;
}

export function gapEstimate(other: Moments, disadvantaged: Moments): GapEstimate {
  if (disadvantaged.n < 2) throw tooFewForSpread('disadvantaged', disadvantaged.n);
  if (other.n < 2) throw tooFewForSpread('other', other.n);
  const vo = other.variance() / other.n;
  const vd = disadvantaged.variance() / disadvantaged.n;
  const se2 = vo + vd;
  const den = (vo * vo) / (other.n - 1) + (vd * vd) / (disadvantaged.n - 1);
  return {
    gap: other.mean() - disadvantaged.mean(),
    se: Math.sqrt(se2),
    df: den > 0 ? (se2 * se2) / den : other.n + disadvantaged.n - 2,
    nDisadvantaged: disadvantaged.n,
    nOther: other.n,
  };
}
