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
import { asGrid, type Grid } from '../core/cells';
import { effectSize as coreEffectSize, fsmGap as coreFsmGap, gapIndex as coreGapIndex, gapSummary as coreGapSummary, groupGap as coreGroupGap, progressGap as coreProgressGap, representation as coreRepresentation, thresholdGap as coreThresholdGap } from '../core/gaps';
import type { GapSummaryField } from '../core/gaps';
import { progressDeltaSpill as coreProgressDelta, valueAddedSpill as coreValueAdded } from '../core/progress';
import { gradePointsSpill as coreGradePoints, parseScaleName, tableScale, type GradeScale } from '../core/grades';
import type { NumberSpill } from '../core/stats/scoreArrays';
import { interventionImpact as coreInterventionImpact, type ImpactField } from '../core/interventions/impact';
import { eefMonths as coreEefMonths } from '../core/interventions/eefMonths';
import { checklistScore as coreChecklistScore } from '../core/checklist/score';
import { GapsError } from '../core/errors';
import { confidenceArg, optionalChoice, requiredNumber, single } from './args';
import { ErrorCodes, excelError, guard, toExcelError, type ExcelError } from './excelErrors';

type Cell = number | string | ExcelError;

/** A number, or the #N/A (with its reason) that stands in a spill for a statistic that could not be computed. */
function numberOr(excelName: string, value: number, why: string | undefined): number | ExcelError {
  return Number.isNaN(value) ? excelError(ErrorCodes.na, `${excelName}: ${why ?? 'not available for these pupils'}`) : value;
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
  return guard('GAPS.FSMGAP', () => coreFsmGap(asGrid(scores), asGrid(disadvantaged)));
}

/**
 * DfE-style gap index from pupils' ranks, -10 to 10: 0 = no gap, 10 = every disadvantaged pupil ranks below every other.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#gapindex
 * @param scores Pupils' scores, one cell per pupil.
 * @param disadvantaged The disadvantaged flag for the same pupils (Y/N, TRUE/FALSE, 1/0...).
 * @returns The gap index, from -10 to 10.
 */
export function gapIndex(scores: any[][], disadvantaged: any[][]): number | ExcelError {
  return guard('GAPS.GAPINDEX', () => coreGapIndex(asGrid(scores), asGrid(disadvantaged)));
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
    const t = requiredNumber('threshold', threshold, { hint: 'a number such as 4 (GCSE standard pass) or 100 (KS2 expected standard)' });
    return coreThresholdGap(asGrid(scores), asGrid(disadvantaged), t);
  });
}

/**
 * Mean score of the comparison pupils minus the mean of the focus group (e.g. SEND "K"); no comparison = all others.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#groupgap
 * @param scores Pupils' scores, one cell per pupil.
 * @param groups Each pupil's group (SEND code, EAL, gender, set...), in the same order.
 * @param focus The group to look at, e.g. "K" for SEN support.
 * @param [comparison] The group to compare with, e.g. "N"; leave out to compare with every other pupil.
 * @returns Mean of the comparison pupils minus mean of the focus group.
 */
export function groupGap(scores: any[][], groups: any[][], focus: any, comparison?: any): number | ExcelError {
  return guard('GAPS.GROUPGAP', () => coreGroupGap(asGrid(scores), asGrid(groups), single('focus', focus), single('comparison', comparison ?? null)));
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
  ['Gap index', 'gapIndex'],
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
  const r = guard(name, () => coreGapSummary(asGrid(scores), asGrid(disadvantaged), confidenceArg(confidence)));
  if (!('gap' in r)) return [[r]];
  return SUMMARY_ROWS.map(([label, field]) => {
    const v = r[field];
    return [label, typeof v === 'number' ? numberOr(name, v, r.unavailable[field as GapSummaryField]) : v];
  });
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
    const e = asGrid(expected ?? null);
    const exp: number | Grid | null = e.length === 1 && e[0].length === 1 ? requiredNumber('expected', e[0][0], { hint: 'a number, or a range with one expectation per pupil' }) : e.length === 0 ? null : e;
    return coreProgressDelta(asGrid(baseline), asGrid(current), exp);
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
  return guard('GAPS.PROGRESSGAP', () => coreProgressGap(asGrid(baseline), asGrid(current), asGrid(disadvantaged)));
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
  const r = guard(name, () => coreValueAdded(asGrid(baseline), asGrid(current), estimates ? asGrid(estimates) : null));
  return 'values' in r ? spillCells(name, r) : [[r]];
}

function scaleArg(scale: unknown): GradeScale {
  const g = asGrid(scale ?? null);
  if (g.length === 0) return 'gcse';
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
  const r = guard(name, () => coreGradePoints(asGrid(grades), scaleArg(scale)));
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
  return guard('GAPS.EFFECTSIZE', () => coreEffectSize(asGrid(group1), asGrid(group2), optionalChoice('method', method ?? null, ['g', 'd', 'glass'] as const, 'g')));
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
 * An intervention's impact from pre- and post-tests, spilled as 9 rows: sizes, mean gains, effect size, interval, EEF months.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#interventionimpact
 * @param pre Each pupil's pre-test score.
 * @param post Each pupil's post-test score, same size.
 * @param intervention Whether each pupil received the intervention (Y/N, TRUE/FALSE, 1/0); the others are the comparison group.
 * @param [confidence] Confidence level of the interval, as a fraction; default 0.95.
 * @returns 9 rows of label and value.
 */
export function interventionImpact(pre: any[][], post: any[][], intervention: any[][], confidence?: any): any[][] {
  const name = 'GAPS.INTERVENTIONIMPACT';
  const r = guard(name, () => coreInterventionImpact(asGrid(pre), asGrid(post), asGrid(intervention), confidenceArg(confidence)));
  if (!('effectSize' in r)) return [[r]];
  return IMPACT_ROWS.map(([label, field]) => {
    const v = r[field];
    return [label, typeof v === 'number' ? numberOr(name, v, r.unavailable[field as ImpactField]) : v];
  });
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
 * @param [weights] Optional weight per statement (a blank weight counts as 1).
 * @returns The score, from 0 to 1.
 */
export function checklistScore(ratings: any[][], weights?: any[][]): number | ExcelError {
  return guard('GAPS.CHECKLISTSCORE', () => coreChecklistScore(asGrid(ratings), weights ? asGrid(weights) : null));
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
  return guard('GAPS.REPRESENTATION', () => coreRepresentation(asGrid(disadvantaged), asGrid(groups), single('group', group)));
}
