/**
 * The impact of an intervention from a pre-test and a post-test, in the EEF's terms.
 *
 * With comparison pupils (those not flagged): effect = J x (mean gain of intervention - mean gain
 * of comparison) / pooled SD of the pre-test, J = 1 - 3 / (4 (n1 + n2 - 2) - 1) — Morris (2008),
 * d_ppc2. With no comparison pupils: mean gain / SD of the pre-test, J = 1 - 3 / (4 (n - 1) - 1),
 * and the note says there is no comparison group. Interval: effect +- z x sqrt((n1 + n2) / (n1 n2)
 * + effect^2 / (2 (n1 + n2))), single group sqrt(1 / n + effect^2 / (2 n)). Months from the EEF table.
 * Only pupils with both scores count.
 *
 * Reference: S. B. Morris (2008), "Estimating effect sizes from pretest-posttest-control group
 * designs", Organizational Research Methods 11(2).
 */
import { valueError } from '../errors';
import { type Grid, FLAG_INVALID, FLAG_TRUE, cellAt, columnsOf, invalidFlagError, readFlag, readScore, requireSameSize } from '../cells';
import { Moments } from '../stats/moments';
import { normalQuantile } from '../stats/distributions';
import { hedgesJ, pooledSd } from '../stats/pooled';
import { eefMonths } from './eefMonths';

const SMALL = 6;
const TOO_LARGE = 'the scores are too large to calculate with: check that the ranges hold test scores';

export type ImpactField =
  | 'interventionGain'
  | 'comparisonGain'
  | 'effectSize'
  | 'ciLower'
  | 'ciUpper'
  | 'months';

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
  /** Plain-words design note: the design, small groups, an interval that crosses zero. */
  note: string;
  interventionPreMean: number;
  interventionPostMean: number;
  comparisonPreMean: number;
  comparisonPostMean: number;
  /** SD of the pre-test used as the standardiser (pooled over both groups in the comparison design). */
  preSd: number;
  confidence: number;
  /** Why each NaN statistic could not be computed (empty when everything was). */
  unavailable: Partial<Record<ImpactField, string>>;
}

/**
 * @param pre each pupil's pre-test score; @param post their post-test score (same size);
 * @param flags whether each pupil received the intervention (every cell must be a yes/no flag);
 * @param confidence level of the interval, strictly between 0 and 1.
 * @throws GapsError('value') for ranges of different sizes, a cell that is not a flag (quoted with its
 *   position) or a confidence outside (0, 1). Statistics the pupils cannot support are NaN with a
 *   reason in `unavailable` rather than errors, so the other rows still show.
 * @example interventionImpact(pre, post, flags) // { interventionN: 5, comparisonN: 0, effectSize: 0.5968, months: 7, design: 'single-group', ... }
 */
export function interventionImpact(pre: Grid, post: Grid, flags: Grid, confidence = 0.95): InterventionImpact {
  if (!(confidence > 0 && confidence < 1)) {
    throw valueError(`confidence must be a fraction between 0 and 1, such as 0.95 for a 95% interval, but it is ${confidence}`);
  }
  const n = requireSameSize(['pre', pre], ['post', post], ['intervention', flags]);
  const pc = columnsOf(pre);
  const qc = columnsOf(post);
  const fc = columnsOf(flags);
  const iPre = new Moments(), iPost = new Moments(), iGain = new Moments();
  const cPre = new Moments(), cPost = new Moments(), cGain = new Moments();
  for (let k = 0; k < n; k++) {
    const fcell = cellAt(flags, k, fc);
    const f = readFlag(fcell);
    if (f === FLAG_INVALID) throw invalidFlagError('intervention', fcell, k, fc);
    const a = readScore(cellAt(pre, k, pc));
    const b = readScore(cellAt(post, k, qc));
    if (a !== a || b !== b) continue;
    if (f === FLAG_TRUE) { iPre.add(a); iPost.add(b); iGain.add(b - a); } else { cPre.add(a); cPost.add(b); cGain.add(b - a); }
  }

  const unavailable: InterventionImpact['unavailable'] = {};
  const na = (fields: ImpactField[], why: string) => {
    for (const f of fields) if (!(f in unavailable)) unavailable[f] = why;
  };
  const n1 = iGain.n;
  const n2 = cGain.n;
  const design: InterventionImpact['design'] = n2 > 0 ? 'comparison' : 'single-group';
  const effectFields: ImpactField[] = ['effectSize', 'ciLower', 'ciUpper', 'months'];

  if (n1 === 0) na(['interventionGain', ...effectFields], 'no intervention pupil has both a pre-test and a post-test score');
  if (n2 === 0) na(['comparisonGain'], 'there are no comparison pupils (everyone with both scores received the intervention)');

  let effect = NaN;
  let preSd = NaN;
  let se = NaN;
  if (n1 > 0) {
    if (design === 'comparison') {
      preSd = pooledSd(iPre, cPre);
      if (Number.isNaN(preSd)) na(effectFields, 'needs at least 3 pupils with both scores across the two groups to measure the pre-test spread');
      else if (!(preSd > 0)) na(effectFields, 'every pre-test score is the same, so there is no spread to standardise the gain by');
      else {
        effect = (hedgesJ(n1 + n2 - 2) * (iGain.mean() - cGain.mean())) / preSd;
        se = Math.sqrt((n1 + n2) / (n1 * n2) + (effect * effect) / (2 * (n1 + n2)));
      }
    } else {
      preSd = iPre.sd();
      if (n1 < 2) na(effectFields, 'needs at least 2 intervention pupils with both scores to measure the pre-test spread');
      else if (!(preSd > 0)) na(effectFields, 'every pre-test score is the same, so there is no spread to standardise the gain by');
      else {
        effect = (hedgesJ(n1 - 1) * iGain.mean()) / preSd;
        se = Math.sqrt(1 / n1 + (effect * effect) / (2 * n1));
      }
    }
  }
  // Scores near the limit of double precision (never real test scores) overflow: say so, never show Infinity.
  if (!Number.isNaN(effect) && !(Number.isFinite(effect) && Number.isFinite(se))) {
    na(effectFields, TOO_LARGE);
    effect = NaN;
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const ciLower = Number.isNaN(effect) ? NaN : effect - z * se;
  const ciUpper = Number.isNaN(effect) ? NaN : effect + z * se;
  const finite = (field: ImpactField, x: number): number => {
    if (Number.isFinite(x) || Number.isNaN(x)) return x;
    na([field], TOO_LARGE);
    return NaN;
  };

  const notes: string[] = [];
  if (n1 === 0 && n2 === 0) {
    notes.push('No pupil has both a pre-test and a post-test score: check that the ranges hold the scores.');
  } else if (design === 'single-group') {
    notes.push(
      'No comparison group (single-group design): this is the intervention group\'s own gain over the pre-test SD, and pupils usually improve anyway, so it cannot show that the intervention caused it.',
    );
  } else if (n1 === 0) {
    notes.push(`Comparison design, but no pupil with both scores is flagged as receiving the intervention (${n2} comparison pupil${n2 === 1 ? '' : 's'}): check the intervention column.`);
  } else {
    notes.push(`Comparison design: the intervention group's gain against ${n2} pupil${n2 === 1 ? '' : 's'} who did not receive it, over the pooled pre-test SD (Hedges-corrected).`);
  }
  if (n1 > 0 && n1 < SMALL) notes.push(`Small intervention group (${n1} pupil${n1 === 1 ? '' : 's'}).`);
  if (n2 > 0 && n2 < SMALL) notes.push(`Small comparison group (${n2} pupil${n2 === 1 ? '' : 's'}).`);
  if (ciLower < 0 && ciUpper > 0) notes.push('The interval includes zero: these results are also consistent with no effect at all.');

  return {
    interventionN: n1,
    comparisonN: n2,
    interventionGain: finite('interventionGain', iGain.mean()),
    comparisonGain: finite('comparisonGain', cGain.mean()),
    effectSize: effect,
    ciLower,
    ciUpper,
    months: Number.isNaN(effect) ? NaN : eefMonths(effect),
    design,
    note: notes.join(' '),
    interventionPreMean: iPre.mean(),
    interventionPostMean: iPost.mean(),
    comparisonPreMean: cPre.mean(),
    comparisonPostMean: cPost.mean(),
    preSd,
    confidence,
    unavailable,
  };
}
