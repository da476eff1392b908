/**
 * The GAPS custom functions. Each export's JSDoc is what Excel shows as the function's help, and
 * each body is a thin adapter: read the arguments, call `src/core/`, return numbers or spills, and
 * turn any failure into a `CustomFunctions.Error` through `guard`. Help for every function is in
 * the formula reference of README.md (and help.html, which the @helpurl tags open). Excel's metadata
 * allows a description of at most 128 characters (function and parameter alike): the first line says
 * what the function gives; worked examples and details live on the help page.
 *
 * How cells are read, everywhere: a score is a number or numeric text (blank, words, TRUE/FALSE
 * and error values are left out); a flag is Y/Yes/TRUE/1/FSM/PP... or N/No/FALSE/0/blank; anything
 * else in a flag range is #VALUE! quoting the value and its row.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import './runtimeStandIn';
import { cellAt as cellAtK, cellCount as cellCountOf, columnsOf as columnsOfGrid, describeValue, flagOrThrow, isBlank, readLabel, readScore, requireSameSize as requireSameSizeOf, type Grid } from '../core/cells';
import { effectSize as coreEffectSize, fsmGap as coreFsmGap, gapChange as coreGapChange, gapIndex as coreGapIndex, gapSummary as coreGapSummary, groupGap as coreGroupGap, progressGap as coreProgressGap, representation as coreRepresentation, thresholdGap as coreThresholdGap } from '../core/gaps';
import type { GapChangeField } from '../core/gaps';
import { smallGroupNote } from '../core/gaps';
import { splitByFlag } from '../core/gaps/split';
import { attendanceGap as coreAttendanceGap, rateGap as coreRateGap, suspensionRates as coreSuspensionRates } from '../core/outcomes';
import { contextualValueAdded as coreCva, funnelLimits as coreFunnelLimits, funnelLimitsProportion as coreFunnelLimitsProportion, gapDifference as coreGapDifference, gapEstimate as coreGapEstimate, gapTrend as coreGapTrend, type GapChange as CoreGapChange } from '../core/trends';
import { progressDeltaSpill as coreProgressDelta, valueAddedSpill as coreValueAdded } from '../core/progress';
import { gradePointsSpill as coreGradePoints, parseScaleName, tableScale, type GradeScale } from '../core/grades';
import type { NumberSpill } from '../core/stats/scoreArrays';
import { IMPACT_METHODS, interventionImpact as coreInterventionImpact, type ImpactField } from '../core/interventions/impact';
import { eefMonths as coreEefMonths } from '../core/interventions/eefMonths';
import { checklistScore as coreChecklistScore } from '../core/checklist/score';
import { GapsError, valueError } from '../core/errors';
import { ArgReader, isZeroOption, optionalNumber, requiredNumber, single } from './args';
import { ErrorCodes, excelError, guard, toExcelError, type ExcelError } from './excelErrors';

type Cell = number | string | ExcelError;

/** A number, or the #N/A (with its reason) that stands in a spill for a statistic that could not be computed. */
function numberOr(excelName: string, value: number, why: string | undefined): number | ExcelError {
  return Number.isNaN(value) ? excelError(ErrorCodes.na, `${excelName}: ${why ?? 'not available for these pupils'}`) : value;
}

/**
 * A core result spilled as label/value rows, one per entry of `rows`: a statistic the pupils could
 * not support (NaN) is the #N/A that carries core's reason for it from `unavailable`.
 */
function labelRows<R extends { unavailable: object }>(excelName: string, result: R, rows: ReadonlyArray<readonly [label: string, field: keyof R & string]>): any[][] {
  const why = result.unavailable as Partial<Record<string, string>>;
  return rows.map(([label, field]) => {
    const v = result[field];
    return [label, typeof v === 'number' ? numberOr(excelName, v, why[field]) : v];
  });
}

/**
 * A core spill of numbers as Excel's cells, in fresh arrays: a number stays, NaN (a missing pupil)
 * is "", and a cell with an error in `errors` is its Excel error. An empty spill (no cells were
 * given) is one #N/A cell saying so, since Excel cannot show an empty array.
 */
function spillCells(excelName: string, spill: NumberSpill, errors?: ReadonlyMap<number, GapsError>): Cell[][] {
  const { values, rows, cols } = spill;
  if (rows === 0 || cols === 0) return [[excelError(ErrorCodes.na, `${excelName}: the range has no cells: select the pupils' cells`)]];
  const missing = (k: number): Cell => {
    const e = errors?.get(k);
    return e ? toExcelError(excelName, e) : '';
  };
  const out: Cell[][] = new Array(rows);
  if (cols === 1) {
    // One literal for number rows and another for the rest, so a number row stays an array of
    // plain doubles: a million-pupil column then costs one small array per pupil and no more.
    for (let r = 0; r < rows; r++) {
      const v = values[r];
      out[r] = v === v ? [v] : [missing(r)];
    }
    return out;
  }
  for (let r = 0, k = 0; r < rows; r++) {
    const o: Cell[] = new Array(cols);
    for (let c = 0; c < cols; c++, k++) {
      const v = values[k];
      o[c] = v === v ? v : missing(k);
    }
    out[r] = o;
  }
  return out;
}

/**
 * The FSM gap: mean score of other pupils minus mean score of disadvantaged pupils (positive = disadvantaged pupils are behind).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#fsmgap
 * @param scores Pupils' scores, one cell per pupil (numbers or numbers stored as text; blanks and words such as ABS are left out).
 * @param disadvantaged The disadvantaged flag for the same pupils, in the same order (Y/N, Yes/No, TRUE/FALSE, 1/0, FSM, PP; blank = no).
 * @returns Mean of other pupils minus mean of disadvantaged pupils.
 */
export function fsmGap(scores: any[][], disadvantaged: any[][]): number | ExcelError {
  return guard('GAPS.FSMGAP', () => {
    const a = new ArgReader();
    const [s, d] = a.ranges(scores, disadvantaged);
    return coreFsmGap(a.scores('scores', s), d);
  });
}

/**
 * DfE-style gap index from pupils' ranks, -10 to 10: 0 = no gap, 10 = every disadvantaged pupil ranks below every other.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#gapindex
 * @param scores Pupils' scores, one cell per pupil.
 * @param disadvantaged The disadvantaged flag for the same pupils (Y/N, TRUE/FALSE, 1/0...).
 * @param [reference] Optional national reference: a column of national scores, or a table of score and cumulative % at or below.
 * @returns The gap index, from -10 to 10.
 */
export function gapIndex(scores: any[][], disadvantaged: any[][], reference?: any[][]): number | ExcelError {
  return guard('GAPS.GAPINDEX', () => {
    const a = new ArgReader();
    const [s, d] = a.ranges(scores, disadvantaged);
    return coreGapIndex(a.scores('scores', s), d, a.optionalRange('reference', reference, "the school's own ranks"));
  });
}

/**
 * Share of other pupils at or above a threshold minus the share of disadvantaged pupils, as a fraction (format as %).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#thresholdgap
 * @param scores Pupils' scores or points, one cell per pupil.
 * @param disadvantaged The disadvantaged flag for the same pupils.
 * @param threshold The score that counts as reaching the standard, e.g. 4 for a GCSE standard pass or 100 for the KS2 expected standard.
 * @returns Share of others at or above the threshold minus share of disadvantaged pupils.
 */
export function thresholdGap(scores: any[][], disadvantaged: any[][], threshold: any): number | ExcelError {
  return guard('GAPS.THRESHOLDGAP', () => {
    const a = new ArgReader();
    const [s, d] = a.ranges(scores, disadvantaged);
    const sc = a.scores('scores', s);
    const hint = 'a number such as 4 (GCSE standard pass) or 100 (KS2 expected standard)';
    const t = requiredNumber('threshold', threshold, { hint });
    // Every score reaches 0 unless some are negative (progress), so a 0 says nothing: a blank cell read as 0.
    if (t === 0 && !sc.some((row) => row.some((cell) => readScore(cell) < 0))) {
      throw valueError(`threshold is 0, which every score here reaches, so the gap would always be 0 (a blank cell read as 0?): the threshold must be ${hint}`);
    }
    return coreThresholdGap(sc, d, t);
  });
}

/**
 * Mean score of the comparison pupils minus the mean of the focus group (e.g. SEND "K"); no comparison = all others.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#groupgap
 * @param scores Pupils' scores, one cell per pupil.
 * @param groups Each pupil's group (SEND code, EAL, gender, set...), in the same order.
 * @param focus The group to look at, e.g. "K" for SEN support.
 * @param [comparison] The group to compare with, e.g. "N"; leave out (or 0 when no pupil is in group 0) to compare with all others.
 * @returns Mean of the comparison pupils minus mean of the focus group.
 */
export function groupGap(scores: any[][], groups: any[][], focus: any, comparison?: any): number | ExcelError {
  return guard('GAPS.GROUPGAP', () => {
    const a = new ArgReader();
    const [s, g] = a.ranges(scores, groups);
    // A comparison of 0 where no pupil's group is 0 is a blank cell read as 0: compare with every other pupil.
    const blankComparison = isZeroOption('comparison', comparison ?? null) && !g.some((row) => row.some((cell) => readLabel(cell) === '0'));
    return coreGroupGap(a.scores('scores', s), g, single('focus', focus), blankComparison ? null : single('comparison', comparison ?? null));
  });
}

const SUMMARY_ROWS: Array<[label: string, field: keyof ReturnType<typeof coreGapSummary>]> = [
  ['Disadvantaged n', 'nDisadvantaged'],
  ['Other n', 'nOther'],
  ['Disadvantaged mean', 'meanDisadvantaged'],
  ['Other mean', 'meanOther'],
  ['Gap (other - disadvantaged)', 'gap'],
  ['Gap CI lower', 'ciLower'],
  ['Gap CI upper', 'ciUpper'],
  ["Hedges' g", 'hedgesG'],
  ['Gap index (rank overlap, -10 to 10)', 'gapIndex'],
  ['Cells left out', 'leftOut'],
  ['Note', 'note'],
];

/**
 * A whole gap at once, spilled as label/value rows: group sizes, means, gap and its Welch interval, Hedges' g, gap index.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#gapsummary
 * @param scores Pupils' scores, one cell per pupil.
 * @param disadvantaged The disadvantaged flag for the same pupils.
 * @param [confidence] Confidence level of the interval, as a fraction; default 0.95.
 * @returns 11 rows of label and value.
 */
export function gapSummary(scores: any[][], disadvantaged: any[][], confidence?: any): any[][] {
  const name = 'GAPS.GAPSUMMARY';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [s, d] = a.ranges(scores, disadvantaged);
    const c = a.confidence(confidence);
    const out = coreGapSummary(a.scores('scores', s), d, c, { smallGroups: 'floor', noteBlanks: true });
    return { ...out, note: a.note(out.note) };
  });
  if (!('gap' in r)) return [[r]];
  return labelRows(name, r, SUMMARY_ROWS);
}

const CHANGE_ROWS: Array<[label: string, field: GapChangeField | 'nDisadvantaged' | 'nOther' | 'note']> = [
  ['Disadvantaged n', 'nDisadvantaged'],
  ['Other n', 'nOther'],
  ['Gap before', 'gapBefore'],
  ['Gap after', 'gapAfter'],
  ['Change (after - before)', 'change'],
  ['CI lower', 'ciLower'],
  ['CI upper', 'ciUpper'],
  ['Note', 'note'],
];

/**
 * How the gap changed between two points over the same pupils, with its Welch interval and narrowed/widened/no clear change.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#gapchange
 * @param before Each pupil's score at the earlier point.
 * @param after Each pupil's score at the later point, same size.
 * @param disadvantaged The disadvantaged flag for the same pupils.
 * @param [confidence] Confidence level of the interval, as a fraction; default 0.95.
 * @returns 8 rows of label and value.
 */
export function gapChange(before: any[][], after: any[][], disadvantaged: any[][], confidence?: any): any[][] {
  const name = 'GAPS.GAPCHANGE';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [b, af, d] = a.ranges(before, after, disadvantaged);
    const c = a.confidence(confidence);
    const out = coreGapChange(a.scores('before', b), a.scores('after', af), d, c);
    return { ...out, note: a.note(out.note) };
  });
  if (!('change' in r)) return [[r]];
  return labelRows(name, r, CHANGE_ROWS);
}

/**
 * Each pupil's progress (current - baseline - expected), spilled in the shape of current; a missing score gives a blank.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#progressdelta
 * @param baseline Each pupil's starting score (e.g. the autumn assessment).
 * @param current Each pupil's latest score, same size as baseline.
 * @param [expected] Expected progress: one number for everyone, or a range with one expectation per pupil; default 0.
 * @returns Progress above (positive) or below (negative) expectation, per pupil.
 */
export function progressDelta(baseline: any[][], current: any[][], expected?: any[][]): any[][] {
  const name = 'GAPS.PROGRESSDELTA';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [b, c, e] = a.ranges(baseline, current, expected);
    const exp: number | Grid | null = e.length === 1 && e[0].length === 1 ? requiredNumber('expected', e[0][0], { hint: 'a number, or a range with one expectation per pupil' }) : e.length === 0 ? null : e;
    return coreProgressDelta(a.scores('baseline', b), a.scores('current', c), exp);
  });
  return 'values' in r ? spillCells(name, r) : [[r]];
}

/**
 * Mean progress (current - baseline) of other pupils minus that of disadvantaged pupils (positive = they progress less).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#progressgap
 * @param baseline Each pupil's starting score.
 * @param current Each pupil's latest score, same size.
 * @param disadvantaged The disadvantaged flag for the same pupils.
 * @returns Mean progress of others minus mean progress of disadvantaged pupils.
 */
export function progressGap(baseline: any[][], current: any[][], disadvantaged: any[][]): number | ExcelError {
  return guard('GAPS.PROGRESSGAP', () => {
    const a = new ArgReader();
    const [b, c, d] = a.ranges(baseline, current, disadvantaged);
    return coreProgressGap(a.scores('baseline', b), a.scores('current', c), d);
  });
}

/**
 * Each pupil's result minus the result expected from prior attainment (the cohort's trend line or your table), spilled.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#valueadded
 * @param baseline Each pupil's prior attainment (e.g. KS2 scaled score).
 * @param current Each pupil's result, same size.
 * @param [estimates] Optional two-column table: prior attainment (ascending) and the expected result for it.
 * @returns Residuals: result minus expected, per pupil.
 */
export function valueAdded(baseline: any[][], current: any[][], estimates?: any[][]): any[][] {
  const name = 'GAPS.VALUEADDED';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [b, c] = a.ranges(baseline, current);
    return coreValueAdded(a.scores('baseline', b), a.scores('current', c), a.optionalRange('estimates', estimates, "the cohort's own trend line"));
  });
  return 'values' in r ? spillCells(name, r) : [[r]];
}

function scaleArg(scale: unknown, a: ArgReader): GradeScale {
  const g = a.optionalRange('scale', scale, 'the default "gcse"');
  if (g === null) return 'gcse';
  if (g.length === 1 && g[0].length === 1) {
    const v = g[0][0];
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? 'gcse' : parseScaleName(v);
  }
  return tableScale(g);
}

/**
 * Grades as points, spilled: GCSE 9-1 (default), letter grades A*-U, NC levels, teacher assessment, or your own table.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#gradepoints
 * @param grades The grades to convert.
 * @param [scale] "gcse" (default), "letter", "nc", "ta", or a two-column range of grade and points.
 * @returns Points for each grade.
 */
export function gradePoints(grades: any[][], scale?: any[][]): any[][] {
  const name = 'GAPS.GRADEPOINTS';
  const r = guard(name, () => {
    const a = new ArgReader();
    return coreGradePoints(a.ranges(grades)[0], scaleArg(scale, a));
  });
  return 'values' in r ? spillCells(name, r, r.errors) : [[r]];
}

/**
 * Effect size of two groups: (mean1 - mean2) / pooled SD; method "g" (Hedges' g, default), "d" (Cohen's d) or "glass".
 * @customfunction
 * @helpurl https://localhost:3000/help.html#effectsize
 * @param group1 Scores of the first group (e.g. pupils who had the intervention).
 * @param group2 Scores of the second group (e.g. the comparison group).
 * @param [method] "g" (default), "d" or "glass".
 * @returns The standardised difference of means.
 */
export function effectSize(group1: any[][], group2: any[][], method?: any): number | ExcelError {
  return guard('GAPS.EFFECTSIZE', () => {
    // Two groups of pupils, not paired: each range is cut to its own used part.
    const a = new ArgReader();
    const g1 = a.scores('group1', a.ranges(group1)[0]);
    const g2 = a.scores('group2', a.ranges(group2)[0]);
    return coreEffectSize(g1, g2, a.choice('method', method ?? null, ['g', 'd', 'glass'] as const, 'g'));
  });
}

const IMPACT_ROWS: Array<[label: string, field: ImpactField | 'interventionN' | 'comparisonN' | 'note']> = [
  ['Intervention n', 'interventionN'],
  ['Comparison n', 'comparisonN'],
  ['Intervention mean gain', 'interventionGain'],
  ['Comparison mean gain', 'comparisonGain'],
  ['Effect size', 'effectSize'],
  ['CI lower', 'ciLower'],
  ['CI upper', 'ciUpper'],
  ['EEF months', 'months'],
  ['Design note', 'note'],
];

/**
 * An intervention's impact from pre- and post-tests (EEF ANCOVA by default, or gain), spilled as 9 rows with interval, months.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#interventionimpact
 * @param pre Each pupil's pre-test score.
 * @param post Each pupil's post-test score, same size.
 * @param intervention Whether each pupil received the intervention (Y/N, TRUE/FALSE, 1/0); the others are the comparison group.
 * @param [confidence] Confidence level of the interval, as a fraction; default 0.95.
 * @param [method] "ancova" (default: adjusted for the pre-test, the EEF's estimate) or "gain" (difference in gains over the pre-test SD).
 * @param [reference_sd] An SD to divide by, e.g. 15 for a standardised test; default the post-test SD of the pupils counted.
 * @returns 9 rows of label and value.
 */
export function interventionImpact(pre: any[][], post: any[][], intervention: any[][], confidence?: any, method?: any, reference_sd?: any): any[][] {
  const name = 'GAPS.INTERVENTIONIMPACT';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [b, p, t] = a.ranges(pre, post, intervention);
    const c = a.confidence(confidence);
    const m = a.choice('method', method ?? null, IMPACT_METHODS, 'ancova');
    const sd = single('reference_sd', reference_sd ?? null);
    const referenceSd =
      isBlank(sd) || a.zeroAsDefault('reference_sd', sd, 'the post-test SD')
        ? null
        : requiredNumber('reference_sd', sd, { min: 0, exclusive: true, hint: 'a standard deviation above 0, such as 15 for a standardised test (leave it blank to use the post-test SD)' });
    const out = coreInterventionImpact(a.scores('pre', b), a.scores('post', p), t, c, { method: m, referenceSd });
    return { ...out, note: a.note(out.note) };
  });
  if (!('effectSize' in r)) return [[r]];
  return labelRows(name, r, IMPACT_ROWS);
}

/**
 * Months of additional progress for an effect size, from the Education Endowment Foundation's table (the sign is kept).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#eefmonths
 * @param effect_size The effect size (e.g. Hedges' g).
 * @returns Months' progress, from -12 to 12.
 */
export function eefMonths(effect_size: any): number | ExcelError {
  return guard('GAPS.EEFMONTHS', () => coreEefMonths(requiredNumber('effect_size', effect_size, { hint: 'a number such as 0.25' })));
}

/**
 * Checklist score: weighted mean of the rated statements' points (0-3, Not started to Embedded, or RAG) over 3, as a fraction.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#checklistscore
 * @param ratings One rating per statement.
 * @param [weights] Optional weight per statement (a blank or 0 weight counts as 1).
 * @returns The score, from 0 to 1.
 */
export function checklistScore(ratings: any[][], weights?: any[][]): number | ExcelError {
  return guard('GAPS.CHECKLISTSCORE', () => {
    const a = new ArgReader();
    const [r, w] = a.ranges(ratings, weights);
    // A weight of 0 is a blank weight read as 0 by some Excel builds: it counts as 1, as a blank does
    // (to leave a statement out, leave it unrated).
    const weightGrid = w.length === 0 ? null : w.map((row) => row.map((cell) => (isZeroOption('weight', cell) ? null : cell)));
    return coreChecklistScore(r, weightGrid);
  });
}

/**
 * Disadvantaged pupils' share of a group (set, class) over their share of the cohort: 1 = in proportion, below 1 = under.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#representation
 * @param disadvantaged The disadvantaged flag for each pupil.
 * @param groups Each pupil's set or class, in the same order.
 * @param group The set or class to look at, e.g. 1 or "9X1".
 * @returns Share in the group divided by share in the cohort.
 */
export function representation(disadvantaged: any[][], groups: any[][], group: any): number | ExcelError {
  return guard('GAPS.REPRESENTATION', () => {
    const [d, g] = new ArgReader().ranges(disadvantaged, groups);
    return coreRepresentation(d, g, single('group', group));
  });
}

// ---- Outcomes beyond test scores (rates, attendance) and gaps over years and schools ----
// (Their imports sit here, beside the adapters that use them; imports are hoisted.)

const RATE_ROWS: Array<[label: string, field: 'nDisadvantaged' | 'nOther' | 'rateDisadvantaged' | 'rateOther' | 'gap' | 'ciLower' | 'ciUpper' | 'note']> = [
  ['Disadvantaged n', 'nDisadvantaged'],
  ['Other n', 'nOther'],
  ['Disadvantaged rate', 'rateDisadvantaged'],
  ['Other rate', 'rateOther'],
  ['Gap (other - disadvantaged)', 'gap'],
  ['Gap CI lower', 'ciLower'],
  ['Gap CI upper', 'ciUpper'],
  ['Note', 'note'],
];

/**
 * Gap in a yes/no outcome (persistent absence, suspension, destination): rates, gap and Newcombe interval, as label/value rows.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#rategap
 * @param outcomes The yes/no outcome for each pupil (Y/N, TRUE/FALSE, 1/0); blank or n/a = not known, left out.
 * @param disadvantaged The disadvantaged flag for the same pupils, in the same order.
 * @param [confidence] Confidence level of the interval, as a fraction; default 0.95.
 * @returns 8 rows of label and value.
 */
export function rateGap(outcomes: any[][], disadvantaged: any[][], confidence?: any): any[][] {
  const name = 'GAPS.RATEGAP';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [o, d] = a.ranges(outcomes, disadvantaged);
    const out = coreRateGap(o, d, a.confidence(confidence));
    return { ...out, note: a.note(out.note) };
  });
  if (!('gap' in r)) return [[r]];
  return RATE_ROWS.map(([label, field]) => [label, r[field]]);
}

type AttendanceField = Exclude<keyof ReturnType<typeof coreAttendanceGap>, 'unavailable' | 'df' | 'confidence'>;
const ATTENDANCE_ROWS: Array<[label: string, field: AttendanceField]> = [
  ['Disadvantaged n', 'nDisadvantaged'],
  ['Other n', 'nOther'],
  ['Disadvantaged mean attendance', 'meanDisadvantaged'],
  ['Other mean attendance', 'meanOther'],
  ['Attendance gap (other - disadvantaged)', 'gap'],
  ['Gap CI lower', 'ciLower'],
  ['Gap CI upper', 'ciUpper'],
  ['Disadvantaged persistent absence', 'persistentDisadvantaged'],
  ['Other persistent absence', 'persistentOther'],
  ['Persistent absence gap (disadvantaged - other)', 'persistentGap'],
  ['Persistent absence CI lower', 'persistentLower'],
  ['Persistent absence CI upper', 'persistentUpper'],
  ['Disadvantaged severe absence', 'severeDisadvantaged'],
  ['Other severe absence', 'severeOther'],
  ['Cells left out', 'leftOut'],
  ['Note', 'note'],
];

/**
 * Attendance gap: mean attendance with a Welch interval, and persistent and severe absence rates with their gaps.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#attendancegap
 * @param attendance Each pupil's attendance as a percentage or fraction, or the sessions attended when `possible` is given.
 * @param disadvantaged The disadvantaged flag for the same pupils, in the same order.
 * @param [possible] Sessions possible for each pupil, when `attendance` holds sessions attended.
 * @param [confidence] Confidence level of the intervals, as a fraction; default 0.95.
 * @returns 16 rows of label and value.
 */
export function attendanceGap(attendance: any[][], disadvantaged: any[][], possible?: any[][], confidence?: any): any[][] {
  const name = 'GAPS.ATTENDANCEGAP';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [att, d, p] = a.ranges(attendance, disadvantaged, possible);
    const sessions = a.optionalRange('possible', p, 'attendance as given (a percentage or fraction)');
    const out = coreAttendanceGap(att, d, sessions, a.confidence(confidence));
    return { ...out, note: a.note(out.note) };
  });
  if (!('gap' in r)) return [[r]];
  return labelRows(name, r, ATTENDANCE_ROWS);
}

/**
 * Funnel-plot control limits (Spiegelhalter 2005): a lower and an upper limit for each group size in n.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#funnellimits
 * @param n The number of pupils behind each school's (or group's) figure, one cell per school.
 * @param overall The overall value (the trust's mean or gap, or a proportion such as 0.3 when sd is empty).
 * @param sd The standard deviation of pupils' scores across the trust; leave empty for a proportion.
 * @param [confidence] 0.95 (default) or 0.998 for the outer limits, or any fraction.
 * @returns One row of lower and upper limit per n.
 */
export function funnelLimits(n: any[][], overall: any, sd: any, confidence?: any): any[][] {
  const name = 'GAPS.FUNNELLIMITS';
  const r = guard(name, () => {
    const a = new ArgReader();
    const c = a.confidence(confidence);
    const sdv = single('sd', sd);
    // An SD of 0 is no spread at all: with an overall proportion it is an empty sd cell read as 0.
    const overallValue = readScore(single('overall', overall));
    const zeroSd = isZeroOption('sd', sdv);
    if (zeroSd && !(overallValue >= 0 && overallValue <= 1)) {
      throw valueError('sd is 0, so every limit would be the overall value (a blank cell read as 0?): give the standard deviation of pupils\' scores across the trust, or leave sd empty for a proportion');
    }
    const proportion = isBlank(sdv) || zeroSd;
    const mean = requiredNumber('overall', overall, proportion ? { min: 0, max: 1, hint: 'a proportion from 0 to 1 (such as 0.3) when sd is empty' } : { hint: 'a number: the trust-wide mean or gap' });
    const s = proportion ? NaN : requiredNumber('sd', sdv, { min: 0, hint: 'a standard deviation of 0 or more, or empty for a proportion' });
    const g = a.ranges(n)[0];
    if (g.length === 0) throw valueError('n has no cells: select the number of pupils for each school');
    return g.map((row) =>
      row.flatMap((cell): Cell[] => {
        if (isBlank(cell)) return ['', ''];
        const size = readScore(cell);
        try {
          if (size !== size) throw valueError(`each n must be a number of pupils, but one is ${describeValue(cell)}`);
          const l = proportion ? coreFunnelLimitsProportion(size, mean, c) : coreFunnelLimits(size, mean, s, c);
          return [l.lower, l.upper];
        } catch (e) {
          const err = toExcelError(name, e);
          return [err, err];
        }
      }),
    );
  });
  return Array.isArray(r) ? r : [[r]];
}

/**
 * Change in the gap between two independent cohorts, with its interval and narrowed/widened/no clear change.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#gapdiff
 * @param scores1 The first cohort's scores, one cell per pupil.
 * @param disadvantaged1 The first cohort's disadvantaged flags, same size.
 * @param scores2 The second cohort's scores.
 * @param disadvantaged2 The second cohort's disadvantaged flags, same size.
 * @param [confidence] Confidence level of the interval, as a fraction; default 0.95.
 * @returns 11 rows of label and value.
 */
export function gapDiff(scores1: any[][], disadvantaged1: any[][], scores2: any[][], disadvantaged2: any[][], confidence?: any): any[][] {
  const name = 'GAPS.GAPDIFF';
  const r = guard(name, () => {
    const args = new ArgReader();
    const c = args.confidence(confidence);
    // Two cohorts: each cohort's pair of ranges is cut to its own used part.
    const [s1, d1] = args.ranges(scores1, disadvantaged1);
    const [s2, d2] = args.ranges(scores2, disadvantaged2);
    const a = splitByFlag(args.scores('scores1', s1), d1, { scores: 'scores1', flags: 'disadvantaged1' });
    const b = splitByFlag(args.scores('scores2', s2), d2, { scores: 'scores2', flags: 'disadvantaged2' });
    const cohort = (s: typeof a, which: string) => {
      try {
        return coreGapEstimate(s.other, s.flagged);
      } catch (e) {
        if (e instanceof GapsError) throw new GapsError(e.kind, `${which}: ${e.message}`);
        throw e;
      }
    };
    const g1 = cohort(a, 'cohort 1');
    const g2 = cohort(b, 'cohort 2');
    const d = coreGapDifference(g1, g2, c);
    const notes = [smallGroupNote(g1.nDisadvantaged, g1.nOther), smallGroupNote(g2.nDisadvantaged, g2.nOther)];
    const note = args.note(notes[0] || notes[1] ? `${notes[0] ? `Cohort 1: ${notes[0]} ` : ''}${notes[1] ? `Cohort 2: ${notes[1]}` : ''}`.trim() : '');
    return [
      ['Cohort 1 disadvantaged n', g1.nDisadvantaged],
      ['Cohort 1 other n', g1.nOther],
      ['Gap 1 (other - disadvantaged)', g1.gap],
      ['Cohort 2 disadvantaged n', g2.nDisadvantaged],
      ['Cohort 2 other n', g2.nOther],
      ['Gap 2 (other - disadvantaged)', g2.gap],
      ['Change (gap 2 - gap 1)', d.change],
      ['Change CI lower', d.lower],
      ['Change CI upper', d.upper],
      ['Verdict', d.word],
      ['Note', note],
    ] as any[][];
  });
  return Array.isArray(r) ? r : [[r]];
}


/**
 * Suspensions per 100 pupils for disadvantaged and other pupils, with exact Poisson intervals, their difference and ratio.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#suspensionrate
 * @param counts Each pupil's number of suspensions this year (0 for none).
 * @param disadvantaged The disadvantaged flag for the same pupils, in the same order.
 * @param [confidence] Confidence level of the intervals, as a fraction; default 0.95.
 * @returns 17 rows of label and value.
 */
export function suspensionRate(counts: any[][], disadvantaged: any[][], confidence?: any): any[][] {
  const name = 'GAPS.SUSPENSIONRATE';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [k, d] = a.ranges(counts, disadvantaged);
    const out = coreSuspensionRates(k, d, a.confidence(confidence));
    return { ...out, note: a.note(out.note) };
  });
  if (!('comparison' in r)) return [[r]];
  const { disadvantaged: d, other: o, comparison: c } = r;
  const ratioWhy = `${name}: there is no ratio when other pupils have no suspensions`;
  const finite = (x: number) => (Number.isFinite(x) ? x : excelError(ErrorCodes.na, ratioWhy));
  return [
    ['Disadvantaged n', d.exposure],
    ['Other n', o.exposure],
    ['Disadvantaged suspensions', d.count],
    ['Other suspensions', o.count],
    ['Disadvantaged rate per 100', d.rate],
    ['Disadvantaged CI lower', d.lower],
    ['Disadvantaged CI upper', d.upper],
    ['Other rate per 100', o.rate],
    ['Other CI lower', o.lower],
    ['Other CI upper', o.upper],
    ['Difference per 100 (disadvantaged - other)', c.difference],
    ['Difference CI lower', c.differenceLower],
    ['Difference CI upper', c.differenceUpper],
    ['Rate ratio (disadvantaged / other)', finite(c.ratio)],
    ['Ratio CI lower', finite(c.ratioLower)],
    ['Ratio CI upper', finite(c.ratioUpper)],
    ['Note', r.note],
  ];
}

/**
 * Contextual value added: each pupil's outcome minus that predicted from prior attainment and context columns.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#cva
 * @param outcome Each pupil's result, one cell per pupil in a column.
 * @param prior Each pupil's prior attainment (e.g. KS2 scaled score), same size.
 * @param context One row per pupil with one yes/no column per context (disadvantaged, SEND, EAL...).
 * @param [centre] Add this to every residual, e.g. 100 or 1000; default 0.
 * @returns Each pupil's residual (plus the centre).
 */
export function cva(outcome: any[][], prior: any[][], context: any[][], centre?: any): any[][] {
  const name = 'GAPS.CVA';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [y0, x0, ctx] = a.ranges(outcome, prior, context);
    const y = a.scores('outcome', y0);
    const x = a.scores('prior', x0);
    const n = requireSameSizeOf(['outcome', y], ['prior', x]);
    if (ctx.length !== n) throw valueError(`outcome has ${n} pupils but context has ${ctx.length} rows: give one row of context per pupil`);
    const c = optionalNumber('centre', centre, 0, { hint: 'a number such as 100 or 1000' });
    const yc = columnsOfGrid(y);
    const xc = columnsOfGrid(x);
    const q = columnsOfGrid(ctx);
    const ys = new Float64Array(n);
    const xs = new Float64Array(n);
    const rows: number[][] = [];
    for (let k = 0; k < n; k++) {
      ys[k] = readScore(cellAtK(y, k, yc));
      xs[k] = readScore(cellAtK(x, k, xc));
      const row: number[] = [];
      for (let j = 0; j < q; j++) row.push(flagOrThrow(ctx[k][j], 'context', k * q + j, q) ? 1 : 0);
      rows.push(row);
    }
    const fit = coreCva(ys, xs, rows, { contextNames: Array.from({ length: q }, (_, j) => `context column ${j + 1}`) });
    const out: Cell[][] = [];
    const cols = yc;
    for (let k = 0; k < cellCountOf(y); k++) {
      if (k % cols === 0) out.push([]);
      const v = fit.residuals[k];
      out[out.length - 1].push(v === v ? v + c : '');
    }
    return out;
  });
  return Array.isArray(r) ? r : [[r]];
}


/**
 * The disadvantaged gap year by year from one table with a year column, with changes and a pooled gap.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#gaptrend
 * @param scores Pupils' scores, one cell per pupil, all years together.
 * @param disadvantaged The disadvantaged flag for the same pupils.
 * @param years Each pupil's year or cohort (2023, 2024... or "2023-24"), same size.
 * @param [confidence] Confidence level of the intervals, as a fraction; default 0.95.
 * @returns A header row, one row per year, a first-to-last row and a pooled row, 10 columns.
 */
export function gapTrend(scores: any[][], disadvantaged: any[][], years: any[][], confidence?: any): any[][] {
  const name = 'GAPS.GAPTREND';
  const r = guard(name, () => {
    const a = new ArgReader();
    const [s, d, y] = a.ranges(scores, disadvantaged, years);
    return coreGapTrend(a.scores('scores', s), d, y, a.confidence(confidence));
  });
  if (!('years' in r)) return [[r]];
  const na = (why: string) => excelError(ErrorCodes.na, `${name}: ${why}`);
  const num = (v: number, why: string | undefined): Cell => (v === v ? v : na(why ?? 'not available for these pupils'));
  const noChange = 'the change needs at least 2 pupils in each group in both years';
  const changeCells = (c: CoreGapChange | undefined, first: boolean): any[] => (first ? ['', '', '', ''] : c ? [c.change, c.lower, c.upper, c.word] : [na(noChange), na(noChange), na(noChange), na(noChange)]);
  const out: any[][] = [['Year', 'Disadvantaged n', 'Other n', 'Gap (other - disadvantaged)', 'Gap CI lower', 'Gap CI upper', 'Change from previous year', 'Change CI lower', 'Change CI upper', 'Verdict']];
  r.years.forEach((y, i) => {
    out.push([y.year, y.nDisadvantaged, y.nOther, num(y.gap, y.why), num(y.lower, y.why), num(y.upper, y.why), ...changeCells(y.change, i === 0)]);
  });
  const firstLast = `${r.years[0].year} to ${r.years[r.years.length - 1].year}`;
  out.push([firstLast, '', '', '', '', '', ...changeCells(r.firstToLast, false)]);
  const p = r.pooled;
  out.push(['All years pooled', p.nDisadvantaged, p.nOther, num(p.gap, p.why), num(p.lower, p.why), num(p.upper, p.why), '', '', '', '']);
  return out;
}
