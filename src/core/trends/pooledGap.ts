/**
 * A gap pooled over several cohorts (a three-year gap for a school with a handful of disadvantaged
 * pupils a year), by one of two documented methods:
 *
 * - "pupils" (default): every cohort's pupils are put together and the gap and its Welch interval
 *   are those of the pooled groups, as the DfE's three-year averages pool pupils. Each pupil counts
 *   once, so a big year weighs more.
 * - "inverse-variance": each year's gap is weighted by 1/SE^2 (the fixed-effect meta-analysis
 *   estimate); SE = 1/sqrt(sum of weights) and a normal interval. A noisy year weighs less.
 *
 * What it is for: a steadier figure than any single small year; read beside the yearly gaps, since
 * pooling hides a trend.
 *
 * Reference: Borenstein et al. (2009), Introduction to Meta-Analysis, ch. 11 (inverse variance);
 * Welch (1947). "pupils" matches R's t.test(c(o1, o2, o3), c(d1, d2, d3)); "inverse-variance" matches
 * metafor::rma(yi, sei = se, method = "FE").
 *
 * @throws `#N/A` when a group has fewer than 2 pupils over all cohorts ("pupils") or in any cohort
 *   ("inverse-variance"); `#VALUE!` no cohorts or a confidence outside (0, 1).
 * @example pooledGap([{ other: [110, 95, 107, 99, 104, 101], disadvantaged: [98, 88, 101, 92] },
 *   { other: [103, 99, 112, 108, 97], disadvantaged: [100, 96, 104, 99, 93] }, { other: [105, 100, 98, 111], disadvantaged: [97, 101, 90] }])
 *   // gap 6.6833, CI 2.5840 to 10.7826 (R: t.test(c(o1, o2, o3), c(d1, d2, d3))); 'inverse-variance': 6.7760, 2.5634 to 10.9886
 */
import { valueError } from '../errors';
import { requireConfidence } from '../outcomes/confidence';
import { Moments, momentsOf } from '../stats/moments';
import { twoSidedQuantile } from './gapDifference';
import { gapEstimate, type GapEstimate } from './gapEstimate';

export type PoolMethod = 'pupils' | 'inverse-variance';

export interface Cohort {
  /** Scores of other pupils. */
  other: ArrayLike<number>;
  /** Scores of disadvantaged pupils. */
  disadvantaged: ArrayLike<number>;
}

export interface PooledGap extends GapEstimate {
  lower: number;
  upper: number;
  method: PoolMethod;
  /** Each cohort's own gap, in the order given. */
  cohorts: GapEstimate[];
}

function merged(cohorts: readonly Cohort[], key: keyof Cohort): Moments {
  const m = new Moments();
  for (const c of cohorts) {
    const xs = c[key];
    for (let i = 0; i < xs.length; i++) if (xs[i] === xs[i]) m.add(xs[i]);
  }
  return m;
}

/** A cohort's own gap; with fewer than 2 pupils in a group its SE and df are NaN (pooling still works). */
function cohortOrNaN(c: Cohort): GapEstimate {
  const o = momentsOf(c.other);
  const d = momentsOf(c.disadvantaged);
  if (o.n < 2 || d.n < 2) return { gap: o.mean() - d.mean(), se: NaN, df: NaN, nDisadvantaged: d.n, nOther: o.n };
  return gapEstimate(o, d);
}

export function pooledGap(cohorts: readonly Cohort[], method: PoolMethod = 'pupils', confidence = 0.95): PooledGap {
  requireConfidence(confidence);
  if (cohorts.length === 0) throw valueError('needs at least one cohort of pupils');
  const each = method === 'inverse-variance' ? cohorts.map((c) => gapEstimate(momentsOf(c.other), momentsOf(c.disadvantaged))) : [];
  let est: GapEstimate;
  if (method === 'pupils') {
    est = gapEstimate(merged(cohorts, 'other'), merged(cohorts, 'disadvantaged'));
  } else {
    let sw = 0, swg = 0;
    for (const e of each) {
      const w = 1 / (e.se * e.se);
      sw += w;
      swg += w * e.gap;
    }
    est = {
      gap: swg / sw,
      se: 1 / Math.sqrt(sw),
      df: Infinity,
      nDisadvantaged: each.reduce((a, e) => a + e.nDisadvantaged, 0),
      nOther: each.reduce((a, e) => a + e.nOther, 0),
    };
  }
  const half = twoSidedQuantile(confidence, est.df) * est.se;
  const cohortsOut = method === 'pupils' ? cohorts.map(cohortOrNaN) : each;
  return { ...est, lower: est.gap - half, upper: est.gap + half, method, cohorts: cohortsOut };
}
