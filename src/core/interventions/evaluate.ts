/**
 * The whole evaluation of an intervention: did it work, for whom, and was it worth the cost?
 *
 * What it is for: the task pane's "Intervention impact" job. From a table of pupils with a pre-test,
 * a post-test and a column marking who received the intervention, it builds the comparison the
 * leader chose (every other pupil, pupils flagged in a column, or a matched group), estimates the
 * effect as the EEF's trials do (ANCOVA: the intervention coefficient of a least-squares fit of the
 * post-test on the pre-test, Hedges-corrected with J = 1 - 3 / (4N - 9), divided by the whole
 * cohort's post-test SD, i.e. every pupil in the data with both scores, or by a reference SD the
 * user gives, never by a selected subgroup's SD), repeats it for the disadvantaged pupils inside the
 * intervention, checks that the groups started level, works out the cost, and judges the success
 * criterion against the interval (met / not met / can't tell yet) with the strength of evidence.
 * A matched comparison enters the same fit as weighted least squares (intervention pupils weigh 1,
 * comparison pupils their match weights); its interval uses the larger of the HC1 sandwich SE and the
 * re-use SE (one error variance per pupil, so a comparison pupil matched many times counts with its
 * full noise, which HC1 misses when its residual is forced near 0); with a set/class column the
 * verdict warns that pupils taught together are not independent and a CR1 cluster-robust interval
 * is given beside the usual one. Pupils enter every sum in a canonical order (group, pre-test,
 * post-test), so the result does not depend on the order of the rows.
 *
 * Rules it follows:
 * - Cells are read with the one cell reader (`src/core/cells.ts`): scores that are blank or text
 *   are left out and counted; a flag column holding anything but yes/no values is refused.
 * - Only pupils with both a pre-test and a post-test score are analysed.
 * - Baseline equivalence follows the What Works Clearinghouse bands: the pre-test difference between
 *   the analysed groups (weighted for a matched group) is "equivalent" up to 0.05 SD, "adjusted" up to
 *   0.25 (the estimate adjusts for the pre-test, but not for the reasons the school chose those
 *   pupils that the pre-test does not show), and "not equivalent" above 0.25.
 * - The gap criterion uses every analysed pupil in the data: (mean of others minus mean of
 *   disadvantaged) at the pre-test minus the same at the post-test, i.e. the disadvantaged pupils'
 *   mean gain minus the others', over the same pupils, with a Welch interval.
 * - Cost per pupil divides a total cost by every pupil marked as receiving the intervention (with
 *   or without scores); cost per month of progress is given only when months are above 0.
 *
 * Errors: `#VALUE!` for settings to fix (see `formProblems`), a flag column that is not yes/no
 * (quoting the value and its row), no pupil marked as receiving the intervention, or a pupil marked
 * both as receiving it and as a comparison; `#N/A` when fewer than two pupils, or no intervention
 * pupil, have both scores.
 *
 * Reference: EEF, "DIY Evaluation Guide" (2013) and "Teaching and Learning Toolkit" (months and
 * cost bands); What Works Clearinghouse Procedures and Standards Handbook 5.0 (baseline equivalence);
 * S. B. Morris (2008), "Estimating effect sizes from pretest-posttest-control group designs".
 */
import { describeValue, FLAG_INVALID, FLAG_TRUE, readFlag, readLabel, readScore, isBlank, type Grid } from '../cells';
import { naError, isConfidenceLevel, valueError } from '../errors';
import { momentsOf } from '../stats/moments';
import { ancova } from '../stats/ancova';
import { tQuantile } from '../stats/distributions';
import { sortFloat64 } from '../stats/sortFloat64';
import { welchInterval } from '../stats/welch';
import { eefMonths } from './eefMonths';
import { eefCostBand } from './eefMonths';
import { matchComparison, type MatchBalance, type UnmatchedReason } from './matching';
import { hedgesG } from './standardisedDifference';
import { describeCriterion, judgeCriterion, monthsWords, parseCriterion, type CriterionJudgement, type SuccessCriterion } from './criteria';
import { SMALL_GROUP_SIZE as SMALL_GROUP } from '../gaps/gapSummary';
import { formProblems, readCost, type ComparisonMode, type FormField, type InterventionForm } from './form';
import { fixed, pounds } from '../numberText';

/** Baseline differences (Hedges' g) up to this are equivalent without adjustment (WWC). */
export const BASELINE_EQUIVALENT = 0.05;
/** Baseline differences above this are not equivalent, whatever the adjustment (WWC). */
export const BASELINE_LIMIT = 0.25;
/** Share of pupils whose score fell, at or above which swapped columns are suspected. */
const SWAPPED_SHARE = 0.8;

export interface EvaluationInput extends InterventionForm {
  /** Header text per column (for messages and the report). */
  headers: readonly string[];
  /** Data rows without the header row. */
  rows: Grid;
  /** Optional column naming each pupil (name or id) in the matched-pairs list. */
  labelColumn?: number | null;
  /** Confidence level of the interval, default 0.95. */
  confidence?: number;
  /** A reference SD to standardise by (e.g. 15 for a standardised test); blank = the cohort's post-test SD. */
  referenceSd?: unknown;
  /** Optional set/class column: pupils taught together are not independent (caveat and a cluster-robust interval). */
  clusterColumn?: number | null;
}

/** What the effect is divided by, and where it came from (shown on the sheet). */
export interface Standardiser {
  value: number;
  source: 'reference' | 'cohort post-test SD';
  /** In words, e.g. "the post-test SD of all 120 pupils with both scores (12.3)". */
  description: string;
}

/** A pupil in the lists of the report: data row (0-based, header excluded) and a label. */
export interface PupilRef {
  row: number;
  /** The label column's value (name or id), or null without a label column or with a blank label. */
  label: string | null;
}

export interface GroupFigures {
  name: string;
  n: number;
  preMean: number;
  postMean: number;
  /** Mean of post minus pre. */
  gain: number;
}

export type BaselineStatus = 'equivalent' | 'adjusted' | 'not-equivalent' | 'unknown' | 'no-comparison';

export interface Baseline {
  /** Hedges' g of the pre-test, intervention minus comparison (NaN when not computable). */
  effectSize: number;
  status: BaselineStatus;
  message: string;
}

/** The effect estimate for one intervention group against the comparison. */
export interface EffectFigures {
  design: 'comparison' | 'single-group';
  interventionN: number;
  comparisonN: number;
  effectSize: number;
  ciLower: number;
  ciUpper: number;
  months: number;
  /** The core's design note (e.g. no comparison group), or why no effect could be estimated. */
  note: string;
  /** False when the effect could not be estimated (then the numbers are NaN). */
  available: boolean;
  baseline: Baseline;
  /** The adjusted difference in score points (the ANCOVA coefficient). */
  adjustedDifference?: number;
  /** Kish's effective comparison size (the comparison's count when unweighted). */
  effectiveComparisonN?: number;
  /** Cluster-robust (CR1) interval when a set/class column was chosen (null otherwise or when not computable). */
  clusterInterval?: { lower: number; upper: number; clusters: number } | null;
}

export interface CostFigures {
  total: number;
  perPupil: number;
  /** EEF cost band for the cost per pupil. */
  band: string;
  /** Cost per pupil per month of additional progress; null when months are not above 0. */
  perMonth: number | null;
}

export interface MatchedPairRow {
  intervention: PupilRef;
  comparison: PupilRef;
  interventionPre: number;
  comparisonPre: number;
  difference: number;
  /** Comparison pupils equally near who share this pupil's weight (the one listed is the earliest row). */
  partners?: number;
}

export interface UnmatchedRow extends PupilRef {
  pre: number;
  reason: UnmatchedReason;
}

export interface MatchingFigures {
  tolerance: number;
  pairs: MatchedPairRow[];
  unmatched: UnmatchedRow[];
  balance: MatchBalance;
}

export type EvidenceStrength = 'moderate' | 'limited' | 'weak';

export interface Verdict {
  /** One sentence: the answer against the success criterion (or the effect when none was set). */
  headline: string;
  /** Whether the criterion was met (null: none set, no estimate, or the interval straddles it). */
  met: boolean | null;
  /** The criterion's verdict from the interval: 'met', 'not met', "can't tell yet" (null: none set or no estimate). */
  status?: CriterionJudgement['status'];
  /** How much weight the design can bear. Never 'strong': a school evaluation is not a trial. */
  strength: EvidenceStrength;
  /** Each reason to be careful, in plain words. */
  caveats: string[];
  /** For disadvantaged pupils in the intervention, in one sentence (null without that column). */
  forWhom: string | null;
  /** Cost in one sentence (null without a cost). */
  worth: string | null;
}

export interface LeftOut {
  /** Pre-test cells holding text that is not a score ("ABS"), left out. */
  preText: number;
  postText: number;
  /** Pupils without a pre-test or without a post-test score (blank or text). */
  missingPre: number;
  missingPost: number;
  /** Pupils with both scores in neither the intervention nor the comparison group. */
  outsideGroups: number;
  /** An example of the text left out, for the message. */
  example: string | null;
}

export interface InterventionEvaluation {
  name: string;
  start: string | null;
  end: string | null;
  confidence: number;
  columns: { pre: string; post: string; intervention: string; disadvantaged: string | null; comparison: string | null };
  comparisonMode: ComparisonMode;
  tolerance: number | null;
  /** Design actually used (may fall back to single-group), and in words. */
  design: 'comparison' | 'single-group';
  designText: string;
  /** Pupils marked as receiving the intervention (with or without scores). */
  received: number;
  /** Pupils analysed in all (both scores, in one of the groups). */
  analysed: number;
  /** Intervention, comparison (if any), disadvantaged in the intervention (if the column was chosen). */
  groups: GroupFigures[];
  overall: EffectFigures;
  /** Disadvantaged pupils in the intervention against the same comparison (null without the column). */
  disadvantaged: EffectFigures | null;
  /** Gap between disadvantaged and others over all analysed pupils (null without the column). */
  gap: { pre: number; post: number; narrowing: number } | null;
  cost: CostFigures | null;
  criterion: SuccessCriterion | null;
  criterionText: string | null;
  judgement: CriterionJudgement | null;
  /** The standardiser of every effect size in this evaluation. */
  standardiser?: Standardiser;
  /** Header of the set/class column, when one was chosen. */
  clusterColumn?: string | null;
  /** Interval of the gap's narrowing over the same pupils (null without the disadvantaged column). */
  gapInterval?: { lower: number; upper: number } | null;
  verdict: Verdict;
  matching: MatchingFigures | null;
  leftOut: LeftOut;
  /** Things that look wrong but do not stop the evaluation (swapped columns, text in scores). */
  warnings: string[];
}

const FIELD_ORDER: FormField[] = ['name', 'pre', 'post', 'intervention', 'comparison', 'tolerance', 'dates', 'cost', 'criterion'];

/**
 * Evaluates an intervention (see the module comment).
 *
 * @example
 * evaluateIntervention({ headers, rows, name: 'Reading tutoring', columns: { pre: 0, post: 1, intervention: 2 },
 *   comparisonMode: 'rest', cost: 1200, costPer: 'total', criterion: { kind: 'months', value: 3 } })
 * // { design: 'comparison', overall: { effectSize: ..., months: ... }, verdict: { headline: ... }, ... }
 */
export function evaluateIntervention(input: EvaluationInput): InterventionEvaluation {
  const problems = formProblems(input);
  const first = FIELD_ORDER.find((f) => problems[f] !== undefined);
  if (first) throw valueError(problems[first] as string);

  const confidence = input.confidence ?? 0.95;
  if (!isConfidenceLevel(confidence)) throw valueError(`The confidence level must be a fraction between 0 and 1, such as 0.95, but it is ${confidence}`);

  const { headers, rows } = input;
  const width = headers.length;
  const cols = input.columns;
  const pre = cols.pre as number;
  const post = cols.post as number;
  const flagCol = cols.intervention as number;
  const disCol = cols.disadvantaged ?? null;
  const compCol = input.comparisonMode === 'flagged' ? (cols.comparison ?? null) : input.comparisonMode === 'matched' ? (cols.comparison ?? null) : null;
  const clusterCol = input.clusterColumn ?? null;
  for (const c of [pre, post, flagCol, disCol, compCol, input.labelColumn ?? null, clusterCol]) {
    if (c !== null && (!Number.isInteger(c) || c < 0 || c >= width)) {
      throw valueError(`Column ${c + 1} is not in the data (it has ${width} columns): choose the columns again`);
    }
  }
  const name = (i: number) => headers[i] ?? `Column ${i + 1}`;

  let referenceSd: number | null = null;
  if (!isBlank(input.referenceSd) && input.referenceSd !== undefined) {
    referenceSd = readScore(input.referenceSd);
    if (!(referenceSd > 0) || !Number.isFinite(referenceSd)) {
      throw valueError(
        `The reference SD must be a standard deviation above 0, such as 15 for a standardised test, but it is ${describeValue(input.referenceSd)}: ` +
          "type one or leave it blank to use the cohort's post-test SD",
      );
    }
  }

  const n = rows.length;
  if (n === 0) throw naError('The data has no pupils: choose a table or range with a header row and pupils below it');

  // One pass over the rows: scores, flags, what was left out.
  const preScores = new Float64Array(n);
  const postScores = new Float64Array(n);
  const inIntervention = new Array<boolean>(n);
  const inComparisonColumn = new Array<boolean>(n);
  const isDisadvantaged = new Array<boolean>(n);
  const leftOut: LeftOut = { preText: 0, postText: 0, missingPre: 0, missingPost: 0, outsideGroups: 0, example: null };
  let received = 0;
  for (let k = 0; k < n; k++) {
    const row = rows[k];
    const a = readScore(row[pre]);
    const b = readScore(row[post]);
    preScores[k] = a;
    postScores[k] = b;
    if (Number.isNaN(a)) {
      leftOut.missingPre += 1;
      if (!isBlank(row[pre])) {
        leftOut.preText += 1;
        leftOut.example ??= describeValue(row[pre]);
      }
    }
    if (Number.isNaN(b)) {
      leftOut.missingPost += 1;
      if (!isBlank(row[post])) {
        leftOut.postText += 1;
        leftOut.example ??= describeValue(row[post]);
      }
    }
    inIntervention[k] = flagCell(row[flagCol], k, name(flagCol), 'who received the intervention');
    if (inIntervention[k]) received += 1;
    inComparisonColumn[k] = compCol !== null ? flagCell(row[compCol], k, name(compCol), 'the comparison pupils') : false;
    isDisadvantaged[k] = disCol !== null ? flagCell(row[disCol], k, name(disCol), 'disadvantaged pupils') : false;
    if (inIntervention[k] && inComparisonColumn[k] && input.comparisonMode === 'flagged') {
      throw valueError(
        `Row ${k + 1} of the data is marked both in "${name(flagCol)}" and in the comparison column "${name(compCol as number)}": ` +
          'a pupil cannot be in both groups; correct the marks',
      );
    }
  }
  if (received === 0) {
    throw valueError(`No pupil is marked in "${name(flagCol)}": choose the column that marks who received the intervention (Y for each pupil)`);
  }

  const complete = (k: number) => !Number.isNaN(preScores[k]) && !Number.isNaN(postScores[k]);
  let completeCount = 0;
  const seekers: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!complete(k)) continue;
    completeCount += 1;
    if (inIntervention[k]) seekers.push(k);
  }
  if (completeCount < 2) {
    throw naError(
      `Only ${completeCount} pupil${completeCount === 1 ? ' has' : 's have'} both a "${name(pre)}" and a "${name(post)}" score: ` +
        'an evaluation needs at least two pupils with both scores',
    );
  }
  if (seekers.length === 0) {
    throw naError(
      `None of the ${received} pupil${received === 1 ? '' : 's'} marked in "${name(flagCol)}" has both a "${name(pre)}" and a "${name(post)}" score: ` +
        'check the score columns chosen',
    );
  }

  // The standardiser: the whole cohort's post-test SD (sorted first, so it does not depend on row order).
  const cohortPost = new Float64Array(completeCount);
  for (let k = 0, j = 0; k < n; k++) if (complete(k)) cohortPost[j++] = postScores[k];
  sortFloat64(cohortPost);
  const cohortSd = momentsOf(cohortPost).sd();
  const standardiser: Standardiser =
    referenceSd !== null
      ? { value: referenceSd, source: 'reference', description: `the reference SD you gave (${referenceSd})` }
      : { value: cohortSd, source: 'cohort post-test SD', description: `the post-test SD of all ${completeCount} pupils with both scores (${cohortSd.toFixed(2)})` };
  const clusterOf = clusterCol !== null ? rows.map((r) => readLabelText(r[clusterCol])) : null;

  // The comparison group, and the intervention pupils analysed against it.
  const warnings: string[] = [];
  let weights: Float64Array | null = null;
  let disWeights: Float64Array | null = null;
  let interventionRows = seekers;
  let comparisonRows: number[] = [];
  let matching: MatchingFigures | null = null;
  let fallbackNote: string | null = null;
  const labelOf = (k: number): string | null => {
    const lc = input.labelColumn;
    const text = lc !== null && lc !== undefined ? readLabelText(rows[k][lc]) : '';
    return text !== '' ? text : null;
  };
  const ref = (k: number): PupilRef => ({ row: k, label: labelOf(k) });

  if (input.comparisonMode === 'rest') {
    for (let k = 0; k < n; k++) if (complete(k) && !inIntervention[k]) comparisonRows.push(k);
    if (comparisonRows.length === 0) {
      fallbackNote = `Every pupil with both scores is in the intervention, so there is no one to compare with: this is a single-group evaluation.`;
    }
  } else if (input.comparisonMode === 'flagged') {
    for (let k = 0; k < n; k++) if (complete(k) && !inIntervention[k] && inComparisonColumn[k]) comparisonRows.push(k);
    if (comparisonRows.length === 0) {
      fallbackNote = `No pupil marked in "${name(compCol as number)}" has both scores, so there is no one to compare with: this is a single-group evaluation.`;
    }
  } else {
    const tolerance = readScore(input.tolerance);
    const pool: number[] = [];
    for (let k = 0; k < n; k++) if (complete(k) && !inIntervention[k] && (compCol === null || inComparisonColumn[k])) pool.push(k);
    const candidates = [...seekers, ...pool].sort((x, y) => x - y);
    const result = matchComparison(
      candidates.map((k) => preScores[k]),
      candidates.map((k) => inIntervention[k]),
      tolerance,
    );
    weights = new Float64Array(n);
    candidates.forEach((k, i) => { (weights as Float64Array)[k] = result.weights[i]; });
    if (disCol !== null) {
      const sub = candidates.filter((k) => !inIntervention[k] || isDisadvantaged[k]);
      const r2 = matchComparison(sub.map((k) => preScores[k]), sub.map((k) => inIntervention[k]), tolerance);
      disWeights = new Float64Array(n);
      sub.forEach((k, i) => { (disWeights as Float64Array)[k] = r2.weights[i]; });
    }
    matching = {
      tolerance,
      pairs: result.pairs.map((q) => {
        const i = candidates[q.intervention];
        const c = candidates[q.comparison];
        return { intervention: ref(i), comparison: ref(c), interventionPre: preScores[i], comparisonPre: preScores[c], difference: q.difference, partners: q.partners };
      }),
      unmatched: result.unmatched.map((u) => ({ ...ref(candidates[u.index]), pre: preScores[candidates[u.index]], reason: u.reason })),
      balance: result.balance,
    };
    if (result.pairs.length > 0) {
      interventionRows = result.pairs.map((q) => candidates[q.intervention]);
      comparisonRows = pool.filter((k) => (weights as Float64Array)[k] > 0);
    } else {
      fallbackNote =
        `No pupil outside the intervention had a pre-test within ${tolerance} point${tolerance === 1 ? '' : 's'} of an intervention pupil, ` +
        'so there is no matched comparison: this is a single-group evaluation. A larger tolerance, fixed before looking at results, may find pairs.';
    }
  }
  const design: 'comparison' | 'single-group' = comparisonRows.length > 0 ? 'comparison' : 'single-group';
  const inAnalysis = new Set([...interventionRows, ...comparisonRows]);
  leftOut.outsideGroups = completeCount - inAnalysis.size;

  // Effects: everyone in the intervention, then its disadvantaged pupils, against the same comparison.
  const ctx: EffectContext = { pre: preScores, post: postScores, confidence, standardiser, clusters: clusterOf };
  const overall = effectFor(interventionRows, comparisonRows, weights, ctx, fallbackNote);
  if (matching && overall.available) {
    overall.note = [overall.note, `The estimate is for the ${interventionRows.length} matched intervention pupil${interventionRows.length === 1 ? '' : 's'}` +
      (matching.unmatched.length > 0 ? `, not the ${matching.unmatched.length} without a match.` : '.')].filter((x) => x).join(' ');
    overall.baseline = baselineFrom(matching.balance.standardisedDifference);
  }
  const groups: GroupFigures[] = [groupFigures('Intervention', interventionRows, preScores, postScores)];
  if (design === 'comparison') groups.push(groupFigures(comparisonLabel(input.comparisonMode), comparisonRows, preScores, postScores));

  let disadvantaged: EffectFigures | null = null;
  let gap: InterventionEvaluation['gap'] = null;
  let gapInterval: InterventionEvaluation['gapInterval'] = null;
  if (disCol !== null) {
    const disRows = interventionRows.filter((k) => isDisadvantaged[k]);
    groups.push(groupFigures('Disadvantaged in intervention', disRows, preScores, postScores));
    const disComparison = disWeights ? comparisonRows.filter((k) => (disWeights as Float64Array)[k] > 0) : comparisonRows;
    const disMatched = disWeights ? disRows.filter((k) => (disWeights as Float64Array)[k] > 0) : disRows;
    disadvantaged =
      disMatched.length > 0
        ? effectFor(disMatched, disComparison, disWeights, ctx, fallbackNote)
        : unavailableEffect(
          design, 0, comparisonRows.length,
          disRows.length > 0 ? 'No disadvantaged pupil in the intervention has a comparison pupil within the tolerance.' : 'No disadvantaged pupil in the intervention has both scores.',
        );
    const gf = gapFigures(n, complete, isDisadvantaged, preScores, postScores, confidence);
    gap = gf ? { pre: gf.pre, post: gf.post, narrowing: gf.narrowing } : null;
    gapInterval = gf ? gf.interval : null;
  }

  // Cost.
  const amount = readCost(input.cost);
  let cost: CostFigures | null = null;
  if (amount !== null) {
    const perPupil = input.costPer === 'pupil' ? amount : amount / received;
    const total = input.costPer === 'pupil' ? amount * received : amount;
    const months = overall.months;
    cost = { total, perPupil, band: eefCostBand(perPupil).label, perMonth: overall.available && months > 0 ? perPupil / months : null };
  }

  // Criterion.
  const criterion = input.criterion ? parseCriterion(input.criterion) : null;
  const judgement = criterion
    ? judgeCriterion(criterion, {
      months: overall.months,
      effectSize: overall.effectSize,
      gapNarrowing: gap ? gap.narrowing : null,
      ciLower: overall.ciLower,
      ciUpper: overall.ciUpper,
      gapLower: gapInterval ? gapInterval.lower : undefined,
      gapUpper: gapInterval ? gapInterval.upper : undefined,
    })
    : null;

  // Warnings that do not block.
  if (leftOut.preText + leftOut.postText > 0) {
    const cells = leftOut.preText + leftOut.postText;
    warnings.push(
      `${cells} score cell${cells === 1 ? '' : 's'} held text rather than a score (such as ${leftOut.example}) and ${cells === 1 ? 'was' : 'were'} left out: ` +
        `${leftOut.preText} in "${name(pre)}", ${leftOut.postText} in "${name(post)}".`,
    );
  }
  warnings.push(...suspiciousScores(groups.slice(0, design === 'comparison' ? 2 : 1), [...inAnalysis], preScores, postScores, name(pre), name(post)));

  const tolerance = input.comparisonMode === 'matched' ? readScore(input.tolerance) : null;
  const evaluation: InterventionEvaluation = {
    name: input.name.trim(),
    start: blankToNull(input.start),
    end: blankToNull(input.end),
    confidence,
    columns: {
      pre: name(pre),
      post: name(post),
      intervention: name(flagCol),
      disadvantaged: disCol !== null ? name(disCol) : null,
      comparison: compCol !== null ? name(compCol) : null,
    },
    comparisonMode: input.comparisonMode,
    tolerance,
    design,
    designText: designText(input.comparisonMode, design, tolerance, compCol !== null ? name(compCol) : null),
    received,
    analysed: inAnalysis.size,
    groups,
    overall,
    disadvantaged,
    gap,
    cost,
    criterion,
    criterionText: criterion ? describeCriterion(criterion) : null,
    judgement,
    standardiser,
    clusterColumn: clusterCol !== null ? name(clusterCol) : null,
    gapInterval,
    verdict: { headline: '', met: null, strength: 'weak', caveats: [], forWhom: null, worth: null },
    matching,
    leftOut,
    warnings,
  };
  evaluation.verdict = verdictOf(evaluation);
  return evaluation;
}

function blankToNull(s: string | null | undefined): string | null {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
}

function readLabelText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  return readLabel(cell);
}

/** A flag cell, refusing anything that is not yes/no (including scores, which read as "yes"). */
function flagCell(cell: unknown, k: number, header: string, what: string): boolean {
  const f = readFlag(cell);
  const score = typeof cell === 'number' || typeof cell === 'string' ? readScore(cell) : NaN;
  if (f === FLAG_INVALID || (!Number.isNaN(score) && score !== 0 && score !== 1)) {
    throw valueError(
      `"${header}" holds ${describeValue(cell)} in row ${k + 1} of the data, which is not a yes/no mark ` +
        `(use Y/N, Yes/No, TRUE/FALSE or 1/0): choose the column that marks ${what}`,
    );
  }
  return f === FLAG_TRUE;
}

function comparisonLabel(mode: ComparisonMode): string {
  return mode === 'matched' ? 'Matched comparison' : mode === 'flagged' ? 'Comparison (flagged)' : 'Comparison (all others)';
}

function designText(mode: ComparisonMode, design: 'comparison' | 'single-group', tolerance: number | null, compName: string | null): string {
  if (design === 'single-group') return 'Single group: no comparison group (weak evidence)';
  if (mode === 'matched') {
    return `Matched comparison group: each pupil paired with a non-participant whose pre-test was within ${tolerance} point${tolerance === 1 ? '' : 's'}` +
      (compName ? `, chosen from pupils marked in "${compName}"` : '');
  }
  if (mode === 'flagged') return `Comparison group: pupils marked in "${compName}"`;
  return 'Comparison group: every other pupil with both scores';
}

function groupFigures(label: string, ks: number[], pre: Float64Array, post: Float64Array): GroupFigures {
  const a = momentsOf(ks.map((k) => pre[k]));
  const b = momentsOf(ks.map((k) => post[k]));
  const g = momentsOf(ks.map((k) => post[k] - pre[k]));
  return { name: label, n: ks.length, preMean: a.mean(), postMean: b.mean(), gain: g.mean() };
}

function unavailableEffect(design: 'comparison' | 'single-group', n1: number, n2: number, note: string): EffectFigures {
  return {
    design,
    interventionN: n1,
    comparisonN: n2,
    effectSize: NaN,
    ciLower: NaN,
    ciUpper: NaN,
    months: NaN,
    note,
    available: false,
    baseline: { effectSize: NaN, status: design === 'comparison' ? 'unknown' : 'no-comparison', message: '' },
  };
}

interface EffectContext {
  pre: Float64Array;
  post: Float64Array;
  confidence: number;
  standardiser: Standardiser;
  /** Set/class label per data row, or null without that column. */
  clusters: string[] | null;
}

/** Rows in a canonical order (pre-test, post-test, weight), so sums do not depend on the order of the rows. */
function canonical(ks: number[], ctx: EffectContext, w: Float64Array | null): number[] {
  return [...ks].sort((x, y) => ctx.pre[x] - ctx.pre[y] || ctx.post[x] - ctx.post[y] || (w ? w[x] - w[y] : 0) ||
    (ctx.clusters ? (ctx.clusters[x] < ctx.clusters[y] ? -1 : ctx.clusters[x] > ctx.clusters[y] ? 1 : 0) : 0));
}

/**
 * The ANCOVA estimate for these pupils (intervention rows, comparison rows, optional match weights),
 * over the evaluation's standardiser; without comparison pupils, the single-group gain.
 */
function effectFor(iRows0: number[], cRows0: number[], w: Float64Array | null, ctx: EffectContext, fallbackNote: string | null): EffectFigures {
  const iRows = canonical(iRows0, ctx, null);
  const cRows = canonical(cRows0, ctx, w);
  const design: 'comparison' | 'single-group' = cRows.length > 0 ? 'comparison' : 'single-group';
  const S = ctx.standardiser.value;
  const tOf = (df: number) => tQuantile(1 - (1 - ctx.confidence) / 2, df);
  const fail = (why: string) => unavailableEffect(design, iRows.length, cRows.length, [fallbackNote, why].filter((x) => x).join(' '));
  if (!(S > 0)) return fail("Every post-test score is the same, so there is no spread to standardise by: give a reference SD (such as 15 for a standardised test).");
  const n1 = iRows.length;
  const small: string[] = [];
  if (n1 < SMALL_GROUP) small.push(`Small intervention group (${n1} pupil${n1 === 1 ? '' : 's'}).`);
  if (design === 'single-group') {
    if (n1 < 2) return fail('At least 2 intervention pupils with both scores are needed for an interval.');
    const g = momentsOf(iRows.map((k) => ctx.post[k] - ctx.pre[k]));
    const J = 1 - 3 / (4 * (n1 - 1) - 1);
    const half = (tOf(n1 - 1) * g.sd()) / Math.sqrt(n1);
    const effect = (J * g.mean()) / S;
    return {
      design, interventionN: n1, comparisonN: 0, effectSize: effect,
      ciLower: (J * (g.mean() - half)) / S, ciUpper: (J * (g.mean() + half)) / S, months: eefMonths(effect),
      note: [fallbackNote, `No comparison group: the intervention group's mean gain over ${ctx.standardiser.description}, Hedges-corrected. The gain includes the progress pupils make anyway.`, ...small].filter((x) => x).join(' '),
      available: true,
      baseline: baselineOf([], []),
      adjustedDifference: NaN,
      effectiveComparisonN: 0,
      clusterInterval: null,
    };
  }
  const ks = [...iRows, ...cRows];
  const y = ks.map((k) => ctx.post[k]);
  const x = ks.map((k) => ctx.pre[k]);
  const t = ks.map((_, i) => (i < n1 ? 1 : 0));
  const wt = w ? ks.map((k, i) => (i < n1 ? 1 : w[k])) : null;
  const cl = ctx.clusters ? ks.map((k) => (ctx.clusters as string[])[k]) : null;
  const fit = ancova(y, x, t, wt, cl);
  if (!fit.ok) return fail(`No interval could be estimated: ${fit.reason}.`);
  const N = ks.length;
  const J = 1 - 3 / (4 * N - 9);
  const se = w ? Math.max(fit.seHC1, fit.seReuse) : fit.se;
  const q = tOf(fit.df);
  const effect = (J * fit.c) / S;
  const lower = (J * (fit.c - q * se)) / S;
  const upper = (J * (fit.c + q * se)) / S;
  let sw = 0, sw2 = 0;
  if (wt) for (let i = n1; i < N; i++) { sw += wt[i]; sw2 += wt[i] * wt[i]; }
  const clusterInterval = cl && Number.isFinite(fit.seCR1)
    ? { lower: (J * (fit.c - tOf(fit.clusters - 1) * fit.seCR1)) / S, upper: (J * (fit.c + tOf(fit.clusters - 1) * fit.seCR1)) / S, clusters: fit.clusters }
    : null;
  if (cRows.length < SMALL_GROUP) small.push(`Small comparison group (${cRows.length} pupil${cRows.length === 1 ? '' : 's'}).`);
  const method = w
    ? 'Weighted ANCOVA on the matched pupils (weighted least squares; the interval allows for comparison pupils matched more than once)'
    : 'ANCOVA (EEF): the post-test difference adjusted for the pre-test by regression';
  return {
    design,
    interventionN: n1,
    comparisonN: cRows.length,
    effectSize: effect,
    ciLower: lower,
    ciUpper: upper,
    months: eefMonths(effect),
    note: [fallbackNote, `${method}, over ${ctx.standardiser.description}, Hedges-corrected.`, ...small].filter((x) => x).join(' '),
    available: Number.isFinite(effect) && Number.isFinite(lower) && Number.isFinite(upper),
    baseline: baselineOf(iRows.map((k) => ctx.pre[k]), cRows.map((k) => ctx.pre[k])),
    adjustedDifference: fit.c,
    effectiveComparisonN: wt ? (sw * sw) / sw2 : cRows.length,
    clusterInterval,
  };
}

const ADJUSTS_NOT_CHOICE =
  'The estimate adjusts for the pre-test, but it cannot adjust for reasons the school chose those pupils that the pre-test does not show.';

/** Baseline status from a standardised pre-test difference (intervention minus comparison). */
export function baselineFrom(g: number): Baseline {
  if (!Number.isFinite(g)) {
    return { effectSize: NaN, status: 'unknown', message: 'Too few pupils, or no spread in the pre-test, to check that the groups started level.' };
  }
  const size = Math.abs(g).toFixed(2);
  const side = g < 0 ? 'below' : 'above';
  if (Math.abs(g) <= BASELINE_EQUIVALENT) {
    return { effectSize: g, status: 'equivalent', message: `The groups started level (pre-test difference ${size} SD).` };
  }
  if (Math.abs(g) <= BASELINE_LIMIT) {
    return {
      effectSize: g,
      status: 'adjusted',
      message: `The intervention group started ${size} SD ${side} the comparison group on the pre-test. ${ADJUSTS_NOT_CHOICE}`,
    };
  }
  return {
    effectSize: g,
    status: 'not-equivalent',
    message:
      `The groups did not start level: the intervention group was ${size} SD ${side} the comparison group on the pre-test ` +
      `(more than ${BASELINE_LIMIT}), so the comparison is not like with like. ${ADJUSTS_NOT_CHOICE}`,
  };
}

/** Baseline equivalence of the pre-test between the groups (Hedges' g), in the What Works Clearinghouse's bands. */
export function baselineOf(interventionPre: number[], comparisonPre: number[]): Baseline {
  if (comparisonPre.length === 0) {
    return { effectSize: NaN, status: 'no-comparison', message: 'No comparison group, so there is no check that the groups started level.' };
  }
  return baselineFrom(hedgesG(interventionPre, comparisonPre));
}

function gapFigures(
  n: number,
  complete: (k: number) => boolean,
  dis: boolean[],
  pre: Float64Array,
  post: Float64Array,
  confidence: number,
): { pre: number; post: number; narrowing: number; interval: { lower: number; upper: number } | null } | null {
  const d: number[][] = [[], [], []];
  const o: number[][] = [[], [], []];
  for (let k = 0; k < n; k++) {
    if (!complete(k)) continue;
    const g = dis[k] ? d : o;
    g[0].push(pre[k]);
    g[1].push(post[k]);
    g[2].push(post[k] - pre[k]);
  }
  if (d[0].length === 0 || o[0].length === 0) return null;
  const sorted = (xs: number[]) => momentsOf(Float64Array.from(xs).sort());
  const gPre = sorted(o[0]).mean() - sorted(d[0]).mean();
  const gPost = sorted(o[1]).mean() - sorted(d[1]).mean();
  // The narrowing is the disadvantaged pupils' mean gain minus the others', over the same pupils.
  const w = welchInterval(sorted(d[2]), sorted(o[2]), confidence);
  return { pre: gPre, post: gPost, narrowing: gPre - gPost, interval: Number.isFinite(w.lower) ? { lower: w.lower, upper: w.upper } : null };
}

/**
 * Post-test below pre-test for nearly every pupil and in every group (swapped columns?), or identical
 * scores (the same data twice?). A genuine fall is possible, so this warns and does not block.
 */
function suspiciousScores(groups: GroupFigures[], ks: number[], pre: Float64Array, post: Float64Array, preName: string, postName: string): string[] {
  if (ks.length < 2) return [];
  if (ks.every((k) => pre[k] === post[k])) {
    return [`"${preName}" and "${postName}" hold the same score for every pupil: check that the post-test column is the later assessment.`];
  }
  const fell = ks.filter((k) => post[k] < pre[k]).length;
  if (fell >= SWAPPED_SHARE * ks.length && groups.every((g) => g.n > 0 && g.gain < 0)) {
    return [
      `${fell} of ${ks.length} pupils scored lower on "${postName}" than on "${preName}", in every group: ` +
        'check that the pre-test and post-test columns are not swapped.',
    ];
  }
  return [];
}

function fmt(x: number): string {
  return fixed(x, 2);
}

function verdictOf(e: InterventionEvaluation): Verdict {
  const o = e.overall;
  const caveats: string[] = [];
  let weak = false;
  let limited = false;
  const pct = `${Math.round(e.confidence * 100)}%`;

  if (o.design === 'single-group') {
    weak = true;
    caveats.push('There is no comparison group: pupils usually make progress anyway, so the gain alone cannot show that the intervention caused it.');
  }
  const small = [
    ['intervention', o.interventionN],
    ['comparison', o.design === 'comparison' ? o.comparisonN : Infinity],
  ] as const;
  for (const [label, size] of small) {
    if (size < SMALL_GROUP) {
      weak = true;
      caveats.push(`Only ${size} pupil${size === 1 ? '' : 's'} in the ${label} group (fewer than ${SMALL_GROUP}): one or two pupils can change the result.`);
    }
  }
  if (o.available && o.ciLower <= 0 && o.ciUpper >= 0) {
    limited = true;
    caveats.push(`The ${pct} confidence interval (${fmt(o.ciLower)} to ${fmt(o.ciUpper)}) includes zero: we cannot rule out no effect.`);
  }
  if (o.baseline.status === 'not-equivalent') {
    weak = true;
    caveats.push(o.baseline.message);
  } else if (o.baseline.status === 'adjusted') {
    limited = true;
    caveats.push(o.baseline.message);
  }
  if (e.matching && e.matching.unmatched.length > 0 && e.design === 'comparison') {
    const u = e.matching.unmatched.length;
    caveats.push(
      `${u} intervention pupil${u === 1 ? ' has' : 's have'} no matched partner and ${u === 1 ? 'is' : 'are'} left out of the estimate, ` +
        'which is for the matched pupils only.',
    );
  }
  if (e.clusterColumn) {
    limited = true;
    const ci = o.clusterInterval;
    caveats.push(
      `Pupils were taught in groups ("${e.clusterColumn}"): pupils in one group are not independent, so the usual interval is too narrow.` +
        (ci ? ` Allowing for the ${ci.clusters} groups (cluster-robust), the ${pct} interval is ${fmt(ci.lower)} to ${fmt(ci.upper)}; with few groups even this is optimistic.` : ''),
    );
  }
  const strength: EvidenceStrength = weak ? 'weak' : limited ? 'limited' : 'moderate';

  const estimate = o.available
    ? `effect size ${fmt(o.effectSize)} (${pct} CI ${fmt(o.ciLower)} to ${fmt(o.ciUpper)}), about ${monthsWords(o.months)} additional progress`
    : '';
  let headline: string;
  let met: boolean | null = null;
  const status = o.available && e.judgement ? (e.judgement.status ?? null) : null;
  if (!o.available) {
    headline = `No effect could be estimated: ${o.note || 'too few pupils with both scores'}`;
  } else if (!e.judgement || !e.criterionText) {
    headline = `No success criterion was set; ${estimate}.`;
  } else {
    met = e.judgement.met;
    const crit = `the success criterion (${e.criterionText})`;
    if (status === null && met === null) headline = `Could not judge ${crit}: ${e.judgement.observed}; ${estimate}.`;
    else if (status === "can't tell yet") headline = `Can't tell yet whether it met ${crit}: the interval includes values on both sides of it; ${e.judgement.observed}; ${estimate}.`;
    else if (met === false) headline = `Did not meet ${crit}: ${e.judgement.observed}; ${estimate}.`;
    else if (weak) headline = `The whole interval meets ${crit} (${e.judgement.observed}), but the design is too weak to be confident the intervention caused it.`;
    else headline = `Met ${crit}: ${e.judgement.observed}; ${estimate}.`;
  }

  let forWhom: string | null = null;
  if (e.disadvantaged) {
    const d = e.disadvantaged;
    forWhom = d.available
      ? `Disadvantaged pupils in the intervention (${d.interventionN}): effect size ${fmt(d.effectSize)} (${pct} CI ${fmt(d.ciLower)} to ${fmt(d.ciUpper)}), about ${monthsWords(d.months)} additional progress` +
        (d.interventionN < SMALL_GROUP ? `; fewer than ${SMALL_GROUP} pupils, so treat this with great caution.` : '.')
      : `Disadvantaged pupils in the intervention: no estimate (${d.note || 'too few pupils'}).`;
  }

  let worth: string | null = null;
  if (e.cost) {
    const c = e.cost;
    worth =
      `${pounds(c.perPupil, true)} per pupil (EEF cost band: ${c.band})` +
      (c.perMonth !== null ? `; ${pounds(c.perMonth, true)} per pupil for each month of additional progress.` : '; no months of additional progress to set the cost against.');
  }
  return { headline, met, status, strength, caveats, forWhom, worth };
}
