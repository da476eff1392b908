/**
 * The trust view: each school's disadvantaged gap (and, as a second view, its disadvantaged pupils'
 * mean against the trust's other pupils) beside its number of disadvantaged pupils, with the trust
 * average and funnel-plot control limits at 95% and 99.8% (./funnel.ts), the schools outside the
 * limits on either side, and each school's gap shrunk toward the trust average (./shrinkage.ts).
 *
 * What it is for: "which of our schools serve disadvantaged pupils unusually well, and which need
 * support?", without ranking a school with 4 disadvantaged pupils first by luck.
 *
 * - **Gap view**: a school's gap = mean(other) - mean(disadvantaged) of its own pupils (positive =
 *   disadvantaged behind), Welch SE (./gapEstimate.ts). Target = the trust's gap over all pupils.
 *   Limits at n disadvantaged pupils: target +- z s sqrt(1/n + 1/(n r)), s the trust's pooled
 *   within-group SD and r = trust others / trust disadvantaged (each school's others taken in the
 *   trust's proportion), i.e. `funnelLimits(n, target, s sqrt(1 + 1/r))`. Below the lower limit = a
 *   smaller gap than chance allows: a school to learn from; above the upper = a school to support.
 * - **Against the trust's others**: mean(school's disadvantaged) - mean(all the trust's other pupils)
 *   (negative = behind); target = the trust's disadvantaged mean minus its others' mean; limits
 *   `funnelLimits(n, target, s_d)`, s_d the SD of the trust's disadvantaged pupils. Above the upper
 *   limit = to learn from.
 *
 * Reference: Spiegelhalter (2005), Statistics in Medicine 24, 1185-1202; DerSimonian and Laird (1986).
 *
 * @throws `#VALUE!` unequal lists, a flag that is not yes/no, fewer than 2 schools with pupils in both
 *   groups; `#N/A` when the trust has fewer than 2 pupils in a group.
 * @example trustFunnel(['A','A','B','B'], [true,false,true,false], [3,5,4,6]).gapView.target // 2
 */
import { valueError } from '../errors';
import { Moments } from '../stats/moments';
import { funnelLimits, type Limits } from './funnel';
import { gapEstimate } from './gapEstimate';
import { twoSidedQuantile } from './gapDifference';
import { shrink } from './shrinkage';
import { requireConfidence } from '../outcomes/confidence';

/** z for the funnel's two limits (Spiegelhalter: about 95% and 99.8%). */
export const FUNNEL_LEVELS = [0.95, 0.998] as const;

export type Side = 'learn from' | 'support';

export interface Outside {
  side: Side;
  /** The widest limits it is outside: 0.998 or 0.95. */
  level: number;
}

export interface SchoolPoint {
  /** The plotted statistic for this view. */
  value: number;
  limits95: Limits;
  limits998: Limits;
  outside: Outside | null;
}

export interface SchoolFigures {
  school: string;
  nDisadvantaged: number;
  nOther: number;
  meanDisadvantaged: number;
  meanOther: number;
  /** Own gap, other minus disadvantaged; NaN when a group is empty. */
  gap: number;
  se: number;
  /** Welch interval of the gap at the analysis's confidence (NaN when a group has under 2 pupils). */
  lower: number;
  upper: number;
  /** Gap shrunk toward the trust average (NaN when the school has no SE). */
  shrunken: number;
  /** Shrinkage factor B (1 = its own figure, 0 = the trust average). */
  factor: number;
  gapView: SchoolPoint | null;
  othersView: SchoolPoint | null;
}

export interface FunnelView {
  /** The trust's value the limits are centred on. */
  target: number;
  /** The pupil-level SD the limits use. */
  sd: number;
  /** Limit lines at these numbers of disadvantaged pupils, for the chart. */
  curve: Array<{ n: number; lower95: number; upper95: number; lower998: number; upper998: number }>;
}

export interface TrustFunnel {
  schools: SchoolFigures[];
  gapView: FunnelView;
  othersView: FunnelView;
  trust: { nDisadvantaged: number; nOther: number; meanDisadvantaged: number; meanOther: number };
  /** Between-school variance of the gaps (DerSimonian-Laird) and the average they shrink to. */
  tau2: number;
  shrinkTarget: number;
  confidence: number;
}

function point(value: number, n: number, target: number, sd: number, learnBelow: boolean): SchoolPoint | null {
  if (!Number.isFinite(value) || n < 1) return null;
  const limits95 = funnelLimits(n, target, sd, FUNNEL_LEVELS[0]);
  const limits998 = funnelLimits(n, target, sd, FUNNEL_LEVELS[1]);
  let outside: Outside | null = null;
  const below = (l: Limits) => value < l.lower;
  const above = (l: Limits) => value > l.upper;
  if (below(limits95) || above(limits95)) {
    const low = below(limits95);
    const side: Side = low === learnBelow ? 'learn from' : 'support';
    outside = { side, level: (low ? below(limits998) : above(limits998)) ? FUNNEL_LEVELS[1] : FUNNEL_LEVELS[0] };
  }
  return { value, limits95, limits998, outside };
}

/** Limit lines from a little below the smallest school (at least 2 pupils) to a little above the largest. */
function curve(minN: number, maxN: number, target: number, sd: number): FunnelView['curve'] {
  const bottom = Math.max(2, Math.floor(minN * 0.8));
  const top = Math.max(bottom + 1, Math.ceil(maxN * 1.1));
  const ns = new Set<number>();
  for (let k = 0; k <= 40; k++) ns.add(Math.round(Math.exp(Math.log(bottom) + ((Math.log(top) - Math.log(bottom)) * k) / 40)));
  return [...ns].sort((a, b) => a - b).map((n) => {
    const a = funnelLimits(n, target, sd, FUNNEL_LEVELS[0]);
    const b = funnelLimits(n, target, sd, FUNNEL_LEVELS[1]);
    return { n, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper };
  });
}

/**
 * The funnel figures from each pupil's school, disadvantaged flag and outcome (NaN = missing, left
 * out). Schools appear in the order first met.
 */
export function trustFunnel(schools: readonly string[], disadvantaged: readonly boolean[], outcome: ArrayLike<number>, confidence = 0.95): TrustFunnel {
  requireConfidence(confidence);
  const n = schools.length;
  if (disadvantaged.length !== n || outcome.length !== n) {
    throw valueError(`there are ${n} schools but ${disadvantaged.length} flags and ${outcome.length} outcomes: give one of each per pupil`);
  }
  const by = new Map<string, { d: Moments; o: Moments }>();
  const allD = new Moments();
  const allO = new Moments();
  for (let i = 0; i < n; i++) {
    const x = outcome[i];
    if (x !== x) continue;
    const s = schools[i];
    let e = by.get(s);
    if (!e) by.set(s, (e = { d: new Moments(), o: new Moments() }));
    if (disadvantaged[i]) {
      e.d.add(x);
      allD.add(x);
    } else {
      e.o.add(x);
      allO.add(x);
    }
  }
  const trustGap = gapEstimate(allO, allD); // #N/A when the trust has too few in a group
  const pooledSd = Math.sqrt(((allD.n - 1) * allD.variance() + (allO.n - 1) * allO.variance()) / (allD.n + allO.n - 2));
  const ratio = allO.n / allD.n;
  const gapSd = pooledSd * Math.sqrt(1 + 1 / ratio);
  const othersTarget = allD.mean() - allO.mean();
  const sdD = Math.sqrt(allD.variance());

  const figures: SchoolFigures[] = [];
  for (const [school, { d, o }] of by) {
    const gap = d.n > 0 && o.n > 0 ? o.mean() - d.mean() : NaN;
    let se = NaN, lower = NaN, upper = NaN;
    if (d.n >= 2 && o.n >= 2) {
      const est = gapEstimate(o, d);
      se = est.se;
      const half = twoSidedQuantile(confidence, est.df) * est.se;
      lower = gap - half;
      upper = gap + half;
    }
    figures.push({
      school,
      nDisadvantaged: d.n,
      nOther: o.n,
      meanDisadvantaged: d.n > 0 ? d.mean() : NaN,
      meanOther: o.n > 0 ? o.mean() : NaN,
      gap,
      se,
      lower,
      upper,
      shrunken: NaN,
      factor: NaN,
      gapView: point(gap, d.n, trustGap.gap, gapSd, true),
      othersView: d.n > 0 ? point(d.mean() - allO.mean(), d.n, othersTarget, sdD, false) : null,
    });
  }
  const usable = figures.filter((f) => f.se > 0);
  if (usable.length < 2) throw valueError(`needs at least 2 schools with 2 or more disadvantaged and 2 or more other pupils each (found ${usable.length}): check the school column`);
  const sh = shrink(usable.map((f) => f.gap), usable.map((f) => f.se));
  usable.forEach((f, k) => {
    f.shrunken = sh.shrunken[k];
    f.factor = sh.factors[k];
  });
  const sizes = figures.map((f) => f.nDisadvantaged).filter((x) => x > 0);
  const minN = Math.min(...sizes);
  const maxN = Math.max(...sizes);
  return {
    schools: figures,
    gapView: { target: trustGap.gap, sd: gapSd, curve: curve(minN, maxN, trustGap.gap, gapSd) },
    othersView: { target: othersTarget, sd: sdD, curve: curve(minN, maxN, othersTarget, sdD) },
    trust: { nDisadvantaged: allD.n, nOther: allO.n, meanDisadvantaged: allD.mean(), meanOther: allO.mean() },
    tau2: sh.tau2,
    shrinkTarget: sh.overall,
    confidence,
  };
}
