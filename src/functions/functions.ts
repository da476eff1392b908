/**
 * The GAPS custom functions. Each export's JSDoc is what Excel shows as the function's help, and
 * each body is a thin adapter: read the arguments, call `src/core/`, return numbers or spills, and
 * turn any failure into a `CustomFunctions.Error` through `guard`.
 *
 * Help for every function: see the formula reference in README.md.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { guard, type ExcelError } from './excelErrors';

// ---- Gap measures (FSMGAP, GAPINDEX, THRESHOLDGAP, GROUPGAP, GAPSUMMARY, PROGRESSGAP, EFFECTSIZE, REPRESENTATION) ----
// (gap-measures section start)

// (gap-measures section end)

// ---- Progress, grades, interventions and checklist (PROGRESSDELTA, VALUEADDED, GRADEPOINTS, INTERVENTIONIMPACT, EEFMONTHS, CHECKLISTSCORE) ----
// (progress-section start)

// (progress-section end)

/** @internal keeps the shared imports referenced while sections are empty. */
export type AdapterResult<T> = T | ExcelError;
void guard;
