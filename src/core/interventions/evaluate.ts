/**
 * The whole evaluation of an intervention: did it work, for whom, and was it worth the cost?
 *
 * What it is for: the task pane's "Intervention impact" job. From a table of pupils with a pre-test,
 * a post-test and a column marking who received the intervention, it builds the comparison the
 * leader chose (every other pupil, pupils flagged in a column, or a matched group), estimates the
 * effect with `interventionImpact` (EEF conventions: Hedges-corrected gain difference over the
 * pre-test SD, with a confidence interval and months' progress), repeats it for the disadvantaged
 * pupils inside the intervention, checks that the groups started level, works out the cost, and
 * writes a plain-words verdict against the success criterion that is honest about the design.
 *
 * Rules it follows:
 * - Cells are read with the one cell reader (`src/core/cells.ts`): scores that are blank or text
 *   are left out and counted; a flag column holding anything but yes/no values is refused.
 * - Only pupils with both a pre-test and a post-test score are analysed.
 * - Baseline equivalence follows the What Works Clearinghouse: the pre-test Hedges' g between the
 *   analysed groups is "equivalent" up to 0.05, "adjusted" (comparing gains accounts for it) up to
 *   0.25, and "not equivalent" above 0.25.
 * - The gap criterion uses every analysed pupil in the data: (mean of others minus mean of
 *   disadvantaged) at the pre-test minus the same at the post-test.
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
import { interventionImpact } from './impact';
import { eefCostBand } from './eefMonths';
import { matchComparison, type MatchBalance, type UnmatchedReason } from './matching';
import { hedgesG } from './standardisedDifference';
import { describeCriterion, judgeCriterion, monthsWords, parseCriterion, type CriterionJudgement, type SuccessCriterion } from './criteria';
import { SMALL_GROUP_SIZE as SMALL_GROUP } from '../gaps/gapSummary';
import { formProblems, readCost, type ComparisonMode, type FormField, type InterventionForm } from './form';

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
  /** Whether the criterion was met (null: none set, or no estimate). */
  met: boolean | null;
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
  for (const c of [pre, post, flagCol, disCol, compCol, input.labelColumn ?? null]) {
    if (c !== null && (!Number.isInteger(c) || c < 0 || c >= width)) {
      throw valueError(`Column ${c + 1} is not in the data (it has ${width} columns): choose the columns again`);
    }
  }
  const name = (i: number) => headers[i] ?? `Column ${i + 1}`;

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

  // The comparison group, and the intervention pupils analysed against it.
  const warnings: string[] = [];
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
    matching = {
      tolerance,
      pairs: result.pairs.map((q) => {
        const i = candidates[q.intervention];
        const c = candidates[q.comparison];
        return { intervention: ref(i), comparison: ref(c), interventionPre: preScores[i], comparisonPre: preScores[c], difference: q.difference };
      }),
      unmatched: result.unmatched.map((u) => ({ ...ref(candidates[u.index]), pre: preScores[candidates[u.index]], reason: u.reason })),
      balance: result.balance,
    };
    if (result.pairs.length > 0) {
      interventionRows = result.pairs.map((q) => candidates[q.intervention]);
      comparisonRows = result.pairs.map((q) => candidates[q.comparison]).sort((x, y) => x - y);
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
  const overall = effectFor(interventionRows, comparisonRows, preScores, postScores, confidence, fallbackNote);
  const groups: GroupFigures[] = [groupFigures('Intervention', interventionRows, preScores, postScores)];
  if (design === 'comparison') groups.push(groupFigures(comparisonLabel(input.comparisonMode), comparisonRows, preScores, postScores));

  let disadvantaged: EffectFigures | null = null;
  let gap: InterventionEvaluation['gap'] = null;
  if (disCol !== null) {
    const disRows = interventionRows.filter((k) => isDisadvantaged[k]);
    groups.push(groupFigures('Disadvantaged in intervention', disRows, preScores, postScores));
    disadvantaged =
      disRows.length > 0
        ? effectFor(disRows, comparisonRows, preScores, postScores, confidence, fallbackNote)
        : unavailableEffect(design, 0, comparisonRows.length, `No disadvantaged pupil in the intervention has both scores.`);
    gap = gapFigures(n, complete, isDisadvantaged, preScores, postScores);
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
    ? judgeCriterion(criterion, { months: overall.months, effectSize: overall.effectSize, gapNarrowing: gap ? gap.narrowing : null })
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

function column(values: number[]): number[][] {
  return values.map((v) => [v]);
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

/** Runs the core's impact estimate for these pupils (intervention first, then comparison). */
function effectFor(
  iRows: number[],
  cRows: number[],
  pre: Float64Array,
  post: Float64Array,
  confidence: number,
  fallbackNote: string | null,
): EffectFigures {
  const ks = [...iRows, ...cRows];
  const preGrid: Grid = column(ks.map((k) => pre[k]));
  const postGrid: Grid = column(ks.map((k) => post[k]));
  const flags: Grid = ks.map((_, i) => [i < iRows.length]);
  const design: 'comparison' | 'single-group' = cRows.length > 0 ? 'comparison' : 'single-group';
  let r: ReturnType<typeof interventionImpact>;
  try {
    r = interventionImpact(preGrid, postGrid, flags, confidence);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return unavailableEffect(design, iRows.length, cRows.length, message);
  }
  const available = Number.isFinite(r.effectSize);
  const why = r.unavailable.effectSize ?? null;
  const notes = [fallbackNote, r.note, why].filter((s): s is string => !!s && s.trim() !== '');
  const baseline = baselineOf(
    iRows.map((k) => pre[k]),
    cRows.map((k) => pre[k]),
  );
  return {
    design,
    interventionN: iRows.length,
    comparisonN: cRows.length,
    effectSize: available ? r.effectSize : NaN,
    ciLower: available ? r.ciLower : NaN,
    ciUpper: available ? r.ciUpper : NaN,
    months: available ? r.months : NaN,
    note: [...new Set(notes)].join(' '),
    available,
    baseline,
  };
}

/** Baseline equivalence of the pre-test between the groups, in the What Works Clearinghouse's bands. */
export function baselineOf(interventionPre: number[], comparisonPre: number[]): Baseline {
  if (comparisonPre.length === 0) {
    return { effectSize: NaN, status: 'no-comparison', message: 'No comparison group, so there is no check that the groups started level.' };
  }
  const g = hedgesG(interventionPre, comparisonPre);
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
      message: `The intervention group started ${size} SD ${side} the comparison group; comparing gains rather than final scores allows for this.`,
    };
  }
  return {
    effectSize: g,
    status: 'not-equivalent',
    message:
      `The groups did not start level: the intervention group was ${size} SD ${side} the comparison group on the pre-test ` +
      `(more than ${BASELINE_LIMIT}), so the comparison is not like with like.`,
  };
}

function gapFigures(
  n: number,
  complete: (k: number) => boolean,
  dis: boolean[],
  pre: Float64Array,
  post: Float64Array,
): InterventionEvaluation['gap'] {
  const dPre: number[] = [];
  const dPost: number[] = [];
  const oPre: number[] = [];
  const oPost: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!complete(k)) continue;
    if (dis[k]) {
      dPre.push(pre[k]);
      dPost.push(post[k]);
    } else {
      oPre.push(pre[k]);
      oPost.push(post[k]);
    }
  }
  if (dPre.length === 0 || oPre.length === 0) return null;
  const gPre = momentsOf(oPre).mean() - momentsOf(dPre).mean();
  const gPost = momentsOf(oPost).mean() - momentsOf(dPost).mean();
  return { pre: gPre, post: gPost, narrowing: gPre - gPost };
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
  return x.toFixed(2);
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
  }
  if (e.matching && e.matching.unmatched.length > 0 && e.design === 'comparison') {
    limited = true;
    const u = e.matching.unmatched.length;
    caveats.push(`${u} intervention pupil${u === 1 ? ' has' : 's have'} no matched partner and ${u === 1 ? 'is' : 'are'} left out of the estimate.`);
  }
  const strength: EvidenceStrength = weak ? 'weak' : limited ? 'limited' : 'moderate';

  const estimate = o.available
    ? `effect size ${fmt(o.effectSize)} (${pct} CI ${fmt(o.ciLower)} to ${fmt(o.ciUpper)}), about ${monthsWords(o.months)} additional progress`
    : '';
  let headline: string;
  let met: boolean | null = null;
  if (!o.available) {
    headline = `No effect could be estimated: ${o.note || 'too few pupils with both scores'}`;
  } else if (!e.judgement || !e.criterionText) {
    headline = `No success criterion was set; ${estimate}.`;
  } else {
    met = e.judgement.met;
    const crit = `the success criterion (${e.criterionText})`;
    if (met === null) headline = `Could not judge ${crit}: ${e.judgement.observed}; ${estimate}.`;
    else if (!met) headline = `Did not meet ${crit}: ${e.judgement.observed}; ${estimate}.`;
    else if (weak) headline = `On paper the estimate (${e.judgement.observed}) meets ${crit}, but the design is too weak to be confident the intervention caused it.`;
    else if (limited && o.ciLower <= 0) headline = `The estimate (${e.judgement.observed}) meets ${crit}, but we cannot rule out no effect.`;
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
      `£${c.perPupil.toFixed(2)} per pupil (EEF cost band: ${c.band})` +
      (c.perMonth !== null ? `; £${c.perMonth.toFixed(2)} per pupil for each month of additional progress.` : '; no months of additional progress to set the cost against.');
  }
  return { headline, met, strength, caveats, forWhom, worth };
}
