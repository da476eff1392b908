/**
 * The impact of an intervention from a pre-test and a post-test, in the EEF's terms.
 *
 * Pupils with both scores count; N = n1 + n2 (intervention, comparison). S, the standardiser, is the
 * reference SD when one is given (e.g. 15 for a standardised test), else the SD (n - 1) of the
 * post-test over the pupils counted.
 * - method "ancova" (default, as in the EEF's trials): least squares post = a + b pre + c T;
 *   effect g = J c / S, J = 1 - 3 / (4N - 9); interval J (c +- t SE(c)) / S, t with N - 3 df
 *   (R: `lm(post ~ pre + T)`, `confint`).
 * - method "gain" (Morris 2008, d_ppc2): effect = J x (gain difference) / pooled within-group SD of
 *   the pre-test (or the reference SD), J = 1 - 3 / (4 (N - 2) - 1); interval effect +- t x
 *   sqrt(J^2 (s_gain^2 / s_pre^2)(1/n1 + 1/n2) + effect^2 / (2 (N - 2))), s^2 pooled within-group
 *   variances (s_pre replaced by the reference SD when given), t with N - 2 df. A group chosen for
 *   low pre-test scores rises anyway (regression to the mean) and a gain score does not remove that,
 *   which is why this is not the default.
 * - no comparison pupils (either method): effect = J x mean gain / S, J = 1 - 3 / (4 (n - 1) - 1);
 *   interval J (mean gain +- t sd(gain) / sqrt(n)) / S, t with n - 1 df; the note says there is no
 *   comparison group and that the gain includes the progress pupils make anyway.
 * Months from the EEF table.
 *
 * Reference: S. B. Morris (2008), "Estimating effect sizes from pretest-posttest-control group
 * designs", Organizational Research Methods 11(2); EEF, "Statistical analysis guidance for EEF
 * evaluations" (2018): ANCOVA on the pre-test, effect over the outcome's SD, Hedges' correction.
 */
import { valueError } from '../errors';
import { type Grid, cellAt, columnsOf, readScore, requireSameSize, flagOrThrow } from '../cells';
import { Moments } from '../stats/moments';
import { tQuantile } from '../stats/distributions';
import { hedgesJ, pooledSd } from '../stats/pooled';
import { ancova } from '../stats/ancova';
import { eefMonths } from './eefMonths';

const SMALL = 6;
const TOO_LARGE = 'the scores are too large to calculate with: check that the ranges hold test scores';

export type ImpactMethod = 'ancova' | 'gain';
export const IMPACT_METHODS: readonly ImpactMethod[] = ['ancova', 'gain'];

export type ImpactField =
  | 'interventionGain'
  | 'comparisonGain'
  | 'effectSize'
  | 'ciLower'
  | 'ciUpper'
  | 'months';

/** Where the standardiser came from. */
export type StandardiserSource = 'reference' | 'post-test SD' | 'pooled pre-test SD';

export interface InterventionImpact {
  interventionN: number;
  comparisonN: number;
  interventionGain: number;
  comparisonGain: number;
  effectSize: number;
  ciLower: number;
  ciUpper: number;
  months: number;
  design: 'comparison' | 'single-group';
  /** The method used ("ancova" or "gain"); with no comparison group both are the single-group gain. */
  method: ImpactMethod;
  /** Plain-words design note: the method and the standardiser, small groups, an interval that crosses zero. */
  note: string;
  interventionPreMean: number;
  interventionPostMean: number;
  comparisonPreMean: number;
  comparisonPostMean: number;
  /** Pooled within-group SD of the pre-test (the intervention group's alone without a comparison). */
  preSd: number;
  /** The SD the effect is divided by, and where it came from. */
  standardiser: { value: number; source: StandardiserSource };
  /** ANCOVA only: the adjusted difference c in score points (NaN otherwise). */
  adjustedDifference: number;
  /** Degrees of freedom of the t quantile (NaN when no interval). */
  df: number;
  confidence: number;
  /** Why each NaN statistic could not be computed (empty when everything was). */
  unavailable: Partial<Record<ImpactField, string>>;
}

export interface ImpactOptions {
  /** "ancova" (default) or "gain". */
  method?: ImpactMethod;
  /** A reference SD to divide by (e.g. 15 for a standardised test); null/undefined = from the data. */
  referenceSd?: number | null;
}

/**
 * @param pre each pupil's pre-test score; @param post their post-test score (same size);
 * @param flags whether each pupil received the intervention (every cell must be a yes/no flag);
 * @param confidence level of the interval, strictly between 0 and 1;
 * @param options method ("ancova" default, or "gain") and an optional reference SD (above 0).
 * @throws GapsError('value') for ranges of different sizes, a cell that is not a flag (quoted with its
 *   position), a confidence outside (0, 1), an unknown method or a reference SD that is not above 0.
 *   Statistics the pupils cannot support are NaN with a reason in `unavailable` rather than errors,
 *   so the other rows still show.
 * @example interventionImpact(pre, post, flags) // { interventionN: 7, comparisonN: 7, effectSize: ..., method: 'ancova', ... }
 */
export function interventionImpact(pre: Grid, post: Grid, flags: Grid, confidence = 0.95, options: ImpactOptions = {}): InterventionImpact {
  if (!(confidence > 0 && confidence < 1)) {
    throw valueError(`confidence must be a fraction between 0 and 1, such as 0.95 for a 95% interval, but it is ${confidence}`);
  }
  const method = options.method ?? 'ancova';
  if (!IMPACT_METHODS.includes(method)) {
    throw valueError(`method must be "ancova" (the EEF's adjusted estimate, the default) or "gain" (comparing gains), but it is "${String(method)}"`);
  }
  const refSd = options.referenceSd ?? null;
  if (refSd !== null && !(typeof refSd === 'number' && Number.isFinite(refSd) && refSd > 0)) {
    throw valueError(`reference_sd must be a standard deviation above 0, such as 15 for a standardised test, but it is ${String(refSd)}; leave it blank to use the post-test's SD`);
  }
  const n = requireSameSize(['pre', pre], ['post', post], ['intervention', flags]);
  const pc = columnsOf(pre);
  const qc = columnsOf(post);
  const fc = columnsOf(flags);
  const iPre = new Moments(), iPost = new Moments(), iGain = new Moments();
  const cPre = new Moments(), cPost = new Moments(), cGain = new Moments();
  const allPost = new Moments();
  const xs = new Float64Array(n), ys = new Float64Array(n), ts = new Uint8Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(cellAt(flags, k, fc), 'intervention', k, fc);
    const a = readScore(cellAt(pre, k, pc));
    const b = readScore(cellAt(post, k, qc));
    if (a !== a || b !== b) continue;
    allPost.add(b);
    xs[m] = a; ys[m] = b; ts[m] = f ? 1 : 0; m += 1;
    if (f) { iPre.add(a); iPost.add(b); iGain.add(b - a); } else { cPre.add(a); cPost.add(b); cGain.add(b - a); }
  }

  const unavailable: InterventionImpact['unavailable'] = {};
  const na = (fields: ImpactField[], why: string) => {
    for (const f of fields) if (!(f in unavailable)) unavailable[f] = why;
  };
  const n1 = iGain.n;
  const n2 = cGain.n;
  const N = n1 + n2;
  const design: InterventionImpact['design'] = n2 > 0 ? 'comparison' : 'single-group';
  const effectFields: ImpactField[] = ['effectSize', 'ciLower', 'ciUpper', 'months'];
  const ciFields: ImpactField[] = ['ciLower', 'ciUpper'];
  const tOf = (df: number) => tQuantile(1 - (1 - confidence) / 2, df);

  if (n1 === 0) na(['interventionGain', ...effectFields], 'no intervention pupil has both a pre-test and a post-test score');
  if (n2 === 0) na(['comparisonGain'], 'there are no comparison pupils (everyone with both scores received the intervention)');

  let effect = NaN, lo = NaN, hi = NaN, df = NaN, c = NaN;
  const preSd = design === 'comparison' ? pooledSd(iPre, cPre) : iPre.sd();
  const postSd = allPost.sd();
  let standardiser: InterventionImpact['standardiser'] =
    refSd !== null ? { value: refSd, source: 'reference' } : { value: postSd, source: 'post-test SD' };
  const noSpread = (what: string) => `every ${what} score is the same, so there is no spread to standardise by: give a reference_sd (such as 15 for a standardised test)`;
  const checkS = (S: number, what: string, need: string): boolean => {
    if (Number.isNaN(S)) { na(effectFields, need); return false; }
    if (!(S > 0)) { na(effectFields, noSpread(what)); return false; }
    return true;
  };

  if (n1 > 0 && design === 'single-group') {
    const S = standardiser.value;
    if (n1 < 2) na(effectFields, 'needs at least 2 intervention pupils with both scores to measure the spread');
    else if (checkS(S, 'post-test', 'needs at least 2 pupils with both scores to measure the post-test spread')) {
      const J = hedgesJ(n1 - 1);
      effect = (J * iGain.mean()) / S;
      df = n1 - 1;
      const half = (tOf(df) * iGain.sd()) / Math.sqrt(n1);
      lo = (J * (iGain.mean() - half)) / S;
      hi = (J * (iGain.mean() + half)) / S;
    }
  } else if (n1 > 0 && method === 'ancova') {
    const S = standardiser.value;
    const fit = ancova(ys.subarray(0, m), xs.subarray(0, m), ts.subarray(0, m));
    if (checkS(S, 'post-test', 'needs at least 2 pupils with both scores to measure the post-test spread')) {
      if (!fit.ok && Number.isNaN(fit.c)) na(effectFields, fit.reason);
      else {
        const J = 1 - 3 / (4 * N - 9);
        c = fit.c;
        effect = (J * c) / S;
        if (!fit.ok) na(ciFields, fit.reason);
        else {
          df = fit.df;
          const half = tOf(df) * fit.se;
          lo = (J * (c - half)) / S;
          hi = (J * (c + half)) / S;
        }
      }
    }
  } else if (n1 > 0) {
    if (refSd === null) standardiser = { value: preSd, source: 'pooled pre-test SD' };
    const S = standardiser.value;
    if (checkS(S, 'pre-test', 'needs at least 3 pupils with both scores across the two groups to measure the pre-test spread')) {
      const J = hedgesJ(N - 2);
      effect = (J * (iGain.mean() - cGain.mean())) / S;
      df = N - 2;
      const sGain2 = (iGain.sumSquares() + cGain.sumSquares()) / (N - 2);
      const se = Math.sqrt(J * J * (sGain2 / (S * S)) * (1 / n1 + 1 / n2) + (effect * effect) / (2 * (N - 2)));
      lo = effect - tOf(df) * se;
      hi = effect + tOf(df) * se;
    }
  }
  // Scores near the limit of double precision (never real test scores) overflow: say so, never show Infinity.
  if (!Number.isNaN(effect) && !(Number.isFinite(effect) && (Number.isNaN(lo) || (Number.isFinite(lo) && Number.isFinite(hi))))) {
    na(effectFields, TOO_LARGE);
    effect = lo = hi = NaN;
  }
  const finite = (field: ImpactField, x: number): number => {
    if (Number.isFinite(x) || Number.isNaN(x)) return x;
    na([field], TOO_LARGE);
    return NaN;
  };

  const sdWords = standardiser.source === 'reference'
    ? `the reference SD (${standardiser.value})`
    : standardiser.source === 'pooled pre-test SD' ? 'the pooled pre-test SD' : 'the SD of the post-test over these pupils';
  const notes: string[] = [];
  if (n1 === 0 && n2 === 0) {
    notes.push('No pupil has both a pre-test and a post-test score: check that the ranges hold the scores.');
  } else if (design === 'single-group') {
    notes.push(
      `No comparison group (single-group design): the intervention group's mean gain over ${sdWords}, Hedges-corrected. ` +
        'The gain includes the progress pupils make anyway, so it cannot show that the intervention caused it.',
    );
  } else if (n1 === 0) {
    notes.push(`Comparison design, but no pupil with both scores is flagged as receiving the intervention (${n2} comparison pupil${n2 === 1 ? '' : 's'}): check the intervention column.`);
  } else if (method === 'ancova') {
    notes.push(
      `Method "ancova" (EEF): the post-test difference against ${n2} pupil${n2 === 1 ? '' : 's'} who did not receive it, adjusted for the pre-test by regression, over ${sdWords}, Hedges-corrected.`,
    );
  } else {
    notes.push(
      `Method "gain" (Morris d_ppc2): the gain difference against ${n2} pupil${n2 === 1 ? '' : 's'} who did not receive it, over ${sdWords}, Hedges-corrected. ` +
        'A group chosen for low pre-test scores rises anyway, and comparing gains does not remove that: "ancova" does.',
    );
  }
  if (n1 > 0 && n1 < SMALL) notes.push(`Small intervention group (${n1} pupil${n1 === 1 ? '' : 's'}).`);
  if (n2 > 0 && n2 < SMALL) notes.push(`Small comparison group (${n2} pupil${n2 === 1 ? '' : 's'}).`);
  if (lo < 0 && hi > 0) notes.push('The interval includes zero: these results are also consistent with no effect at all.');

  return {
    interventionN: n1,
    comparisonN: n2,
    interventionGain: finite('interventionGain', iGain.mean()),
    comparisonGain: finite('comparisonGain', cGain.mean()),
    effectSize: effect,
    ciLower: lo,
    ciUpper: hi,
    months: Number.isNaN(effect) ? NaN : eefMonths(effect),
    design,
    method,
    note: notes.join(' '),
    interventionPreMean: iPre.mean(),
    interventionPostMean: iPost.mean(),
    comparisonPreMean: cPre.mean(),
    comparisonPostMean: cPost.mean(),
    preSd,
    standardiser,
    adjustedDifference: c,
    df,
    confidence,
    unavailable,
  };
}
