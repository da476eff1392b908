/**
 * The GAPS custom functions. Each export's JSDoc is what Excel shows as the function's help, and
 * each body is a thin adapter: read the arguments, call `src/core/`, return numbers or spills, and
 * turn any failure into a `CustomFunctions.Error` through `guard`. Help for every function is in
 * the formula reference of README.md (and help.html, which the @helpurl tags open).
 *
 * How cells are read, everywhere: a score is a number or numeric text (blank, words, TRUE/FALSE
 * and error values are left out); a flag is Y/Yes/TRUE/1/FSM/PP... or N/No/FALSE/0/blank; anything
 * else in a flag range is #VALUE! quoting the value and its row.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import './runtimeStandIn';
import { asGrid, isBlank, type Grid } from '../core/cells';
import { effectSize as coreEffectSize, fsmGap as coreFsmGap, gapIndex as coreGapIndex, gapSummary as coreGapSummary, groupGap as coreGroupGap, progressGap as coreProgressGap, representation as coreRepresentation, thresholdGap as coreThresholdGap } from '../core/gaps';
import type { GapSummaryField } from '../core/gaps';
import { progressDelta as coreProgressDelta, valueAdded as coreValueAdded } from '../core/progress';
import { gradePoints as coreGradePoints, parseScaleName, tableScale, type GradeScale } from '../core/grades';
import { IMPACT_METHODS, interventionImpact as coreInterventionImpact, type ImpactField } from '../core/interventions/impact';
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
 * Turns a core spill into Excel's cells in place (the core's arrays are fresh): null -> "", errors ->
 * their Excel error. An empty spill (no cells were given) is one #N/A cell saying so, since Excel
 * cannot show an empty array.
 */
function spillCells(excelName: string, cells: (number | null | GapsError)[][]): Cell[][] {
  if (cells.length === 0 || cells[0].length === 0) return [[excelError(ErrorCodes.na, `${excelName}: the range has no cells: select the pupils' cells`)]];
  const out = cells as unknown as Cell[][];
  for (const row of cells) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null) (row as unknown as Cell[])[c] = '';
      else if (v instanceof GapsError) (row as unknown as Cell[])[c] = toExcelError(excelName, v);
    }
  }
  return out;
}

/**
 * The FSM gap: the mean score of other pupils minus the mean score of disadvantaged pupils. A positive gap means disadvantaged pupils are behind. Example: scores 104, 98, 110, 95 with flags Y, Y, N, N give 102.5 (others) - 101 (disadvantaged) = 1.5.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#fsmgap
 * @param scores Pupils' scores, one cell per pupil (numbers or numbers stored as text; blanks and words such as ABS are left out).
 * @param disadvantaged The disadvantaged flag for the same pupils, in the same order (Y/N, Yes/No, TRUE/FALSE, 1/0, FSM, PP; blank = not disadvantaged).
 * @returns Mean of other pupils minus mean of disadvantaged pupils.
 */
export function fsmGap(scores: any[][], disadvantaged: any[][]): number | ExcelError {
  return guard('GAPS.FSMGAP', () => coreFsmGap(asGrid(scores), asGrid(disadvantaged)));
}

/**
 * The DfE-style gap index: ranks all pupils with a score (ties share their average rank) and returns 20 x (mean rank of others - mean rank of disadvantaged) / number of pupils, from -10 to 10. 0 = no gap; 10 = every disadvantaged pupil ranks below every other pupil. Example: scores 1, 2, 3, 4 with flags Y, Y, N, N give 10.
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
 * The threshold gap: the share of other pupils scoring at or above a threshold minus the share of disadvantaged pupils, as a fraction (0.22 = 22 percentage points; format the cell as a percentage). Example: grades 5, 3, 4, 6 with flags Y, Y, N, N and threshold 4 give 1 - 0.5 = 0.5.
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
 * The gap for any group: the mean score of the comparison pupils minus the mean of pupils whose group is `focus` (matched ignoring case and spaces). Without a comparison, every other pupil is compared. Example: scores 90, 100, 110 with SEND codes K, N, N and focus "K" give 105 - 90 = 15.
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
 * A whole gap at once, spilled as two columns (label, value): disadvantaged n; other n; disadvantaged mean; other mean; gap; gap CI lower; gap CI upper (Welch interval); Hedges' g; gap index; cells left out; a note that flags groups of fewer than 6 pupils. A value that cannot be worked out (say an interval for a single pupil) is #N/A saying why. Example: scores 104, 98, ABS, 110, 95, 101, 88, 107, 99 and a blank with flags Y, Y, Y, N, N, Y, Y, N, N, N spill 4, 4, 97.75, 102.75, 5, -7.02, 17.02, 0.63, 3.75, 2 and a small-group note.
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
 * Each pupil's progress: current - baseline - expected, spilled in the shape of `current`. A pupil missing either score gets a blank. Example: baseline 4, current 6, expected 1 gives 1.
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
  return Array.isArray(r) ? spillCells(name, r) : [[r]];
}

/**
 * The progress gap: mean progress (current - baseline) of other pupils minus that of disadvantaged pupils, over pupils with both scores. Positive = disadvantaged pupils progress less. Example: baseline 100, 100, 100, current 104, 101, 106, flags Y, Y, N give 6 - 2.5 = 3.5.
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
 * Value added per pupil: the result minus the result expected from prior attainment, spilled in the shape of `current`. Expected comes from the least-squares line of current on baseline over the cohort, or from a two-column table (prior attainment ascending, expected outcome) by linear interpolation, clamped at its ends. Example: baseline 1, 2, 3 and current 2, 5, 6 give -0.33, 0.67, -0.33.
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
  return Array.isArray(r) ? spillCells(name, r) : [[r]];
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
 * Grades as points, spilled in the shape of the range: numbers pass through; "gcse" reads 9-1 and U (0) with + and - as a third of a grade; "letter" reads A* to G and U as DfE points; "nc" reads National Curriculum levels (4c = 25, 4b = 27, 4a = 29, W = 3; a plain level such as 4 counts as 4b); "ta" reads WTS 1, EXS 2, GDS 3; or give a two-column table of grades and points. Blank stays blank; an unknown grade is #N/A naming it. Example: "5+" gives 5.33.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#gradepoints
 * @param grades The grades to convert.
 * @param [scale] "gcse" (default), "letter", "nc", "ta", or a two-column range of grade and points.
 * @returns Points for each grade.
 */
export function gradePoints(grades: any[][], scale?: any[][]): any[][] {
  const name = 'GAPS.GRADEPOINTS';
  const r = guard(name, () => coreGradePoints(asGrid(grades), scaleArg(scale)));
  return Array.isArray(r) ? spillCells(name, r) : [[r]];
}

/**
 * Effect size of the difference between two groups: (mean1 - mean2) / pooled standard deviation. Method "g" (default) is Hedges' g with the small-sample correction the EEF uses; "d" is Cohen's d; "glass" divides by the standard deviation of group2. Example: group1 3, 4, 5 and group2 1, 2, 3 with "d" give 2.
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
 * An intervention's impact from a pre-test and a post-test, spilled as 9 label/value rows: intervention n; comparison n; intervention mean gain; comparison mean gain; effect size; CI lower; CI upper; EEF months' progress; a design note naming the method and the standardiser. Only pupils with both scores count. Method "ancova" (default, as the EEF's trials): the intervention coefficient of a regression of the post-test on the pre-test, over the post-test SD of these pupils (or reference_sd), Hedges-corrected, with a t interval. Method "gain": the gain difference over the pooled pre-test SD (Morris 2008). With no comparison pupils it reports the group's own gain and the note says the gain includes progress pupils make anyway; a value that cannot be worked out is #N/A saying why. Example: pre 98, 102, 95, 110, 101, post 103, 104, 99, 113, 108, all flagged Y, spill 5, 0, 4.2, #N/A, 0.63, 0.27, 0.99, 8 and a note saying there is no comparison group.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#interventionimpact
 * @param pre Each pupil's pre-test score.
 * @param post Each pupil's post-test score, same size.
 * @param intervention Whether each pupil received the intervention (Y/N, TRUE/FALSE, 1/0); the others are the comparison group.
 * @param [confidence] Confidence level of the interval, as a fraction; default 0.95.
 * @param [method] "ancova" (default: adjusted for the pre-test, the EEF's estimate) or "gain" (difference in gains over the pre-test SD).
 * @param [reference_sd] A standard deviation to divide by, such as 15 for a standardised test; default the post-test SD of the pupils counted (pooled pre-test SD for "gain").
 * @returns 9 rows of label and value.
 */
export function interventionImpact(pre: any[][], post: any[][], intervention: any[][], confidence?: any, method?: any, reference_sd?: any): any[][] {
  const name = 'GAPS.INTERVENTIONIMPACT';
  const r = guard(name, () =>
    coreInterventionImpact(asGrid(pre), asGrid(post), asGrid(intervention), confidenceArg(confidence), {
      method: optionalChoice('method', method, IMPACT_METHODS, 'ancova'),
      referenceSd: isBlank(single('reference_sd', reference_sd))
        ? null
        : requiredNumber('reference_sd', reference_sd, { min: 0, exclusive: true, hint: 'a standard deviation above 0, such as 15 for a standardised test (leave it blank to use the post-test SD)' }),
    }),
  );
  if (!('effectSize' in r)) return [[r]];
  return IMPACT_ROWS.map(([label, field]) => {
    const v = r[field];
    return [label, typeof v === 'number' ? numberOr(name, v, r.unavailable[field as ImpactField]) : v];
  });
}

/**
 * Months of additional progress for an effect size, from the Education Endowment Foundation's table (the effect size is rounded to 2 decimal places first; the sign is kept). Example: 0.25 gives 3; -0.3 gives -4.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#eefmonths
 * @param effect_size The effect size (e.g. Hedges' g).
 * @returns Months' progress, from -12 to 12.
 */
export function eefMonths(effect_size: any): number | ExcelError {
  return guard('GAPS.EEFMONTHS', () => coreEefMonths(requiredNumber('effect_size', effect_size, { hint: 'a number such as 0.25' })));
}

/**
 * The checklist score: the weighted mean of each rated statement's points divided by 3, as a fraction (format as a percentage). Ratings: 0-3, Not started 0, Developing or Emerging 1, Established or Secure 2, Embedded 3, or Red 0, Amber 1.5, Green 3. Blank ratings are not yet rated and are left out. Example: Embedded, Developing and a blank give (3 + 1) / 2 / 3 = 0.67.
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
 * Representation of disadvantaged pupils in a group (a set or class): their share among pupils in that group divided by their share in the whole cohort. 1 = in proportion; below 1 = under-represented (common in top sets). Rows with a blank group are not counted. Example: flags Y, N, Y, N with sets 1, 1, 2, 2 and group 1 give 1.
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
