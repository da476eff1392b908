/**
 * Success criteria for an intervention, set before the results are known, and the judgement of a
 * result against them.
 *
 * What it is for: the guidance on closing gaps asks leaders to agree, before an intervention
 * starts, what success will look like and how it will be measured. The task pane offers three kinds
 * of criterion in a small form, and the evaluation says in plain words whether each was met:
 * - `months`: at least N months' additional progress (EEF scale, 0 to 12);
 * - `effect`: an effect size of at least X (EEF reports Hedges' g; 0.2 is a common bar);
 * - `gapClosed`: the gap in mean score between disadvantaged pupils and the others narrowed by at
 *   least N points between the pre-test and the post-test, among pupils with both scores.
 *
 * Effect sizes are compared after rounding to 2 decimal places, as the EEF months table does, so a
 * result shown as 0.20 meets "at least 0.2".
 *
 * With an interval (the evaluation always gives one) the verdict is judged on the whole interval, in
 * words a leader can use: 'met' (all of it reaches the criterion), 'not met' (all of it falls short),
 * "can't tell yet" (it straddles the criterion). Months use the EEF months of each end of the
 * effect-size interval; the gap criterion uses the interval of the change in the gap.
 *
 * Errors: `parseCriterion` throws `#VALUE!` with what to type when the form is not filled in
 * sensibly; `criterionProblem` returns the same message (or null) for a form field.
 *
 * @example parseCriterion({ kind: 'months', value: '3' }) // { kind: 'months', atLeast: 3 }
 * @example describeCriterion({ kind: 'gapClosed', points: 2 }) // "the disadvantaged gap narrows by at least 2 points"
 */
import { readScore } from '../cells';
import { isGapsError, valueError } from '../errors';
import { eefMonths } from './eefMonths';

export type SuccessCriterion =
  | { kind: 'months'; atLeast: number }
  | { kind: 'effect'; atLeast: number }
  | { kind: 'gapClosed'; points: number };

export type CriterionKind = SuccessCriterion['kind'];

/** The form as the task pane holds it: a kind ('none' for no criterion) and the typed value. */
export interface CriterionForm {
  kind: CriterionKind | 'none';
  value: unknown;
}

/** What the form offers, in the order shown, with the words around the number. */
export const CRITERION_KINDS: ReadonlyArray<{ kind: CriterionKind | 'none'; label: string; unit: string; example: string }> = [
  { kind: 'none', label: 'No success criterion set', unit: '', example: '' },
  { kind: 'months', label: "Months' additional progress, at least", unit: 'months', example: '3' },
  { kind: 'effect', label: 'Effect size, at least', unit: '', example: '0.2' },
  { kind: 'gapClosed', label: 'Disadvantaged gap narrows by at least', unit: 'points', example: '2' },
];

/**
 * The criterion in the form, or null when 'none' is chosen.
 *
 * @throws GapsError('value') "Months' additional progress must be a whole number from 0 to 12, such as 3, but it is "lots""
 */
export function parseCriterion(form: CriterionForm): SuccessCriterion | null {
  const x = readScore(form.value);
  const typed = describeTyped(form.value);
  switch (form.kind) {
    case 'none':
      return null;
    case 'months':
      if (!Number.isInteger(x) || x < 0 || x > 12) {
        throw valueError(`Months' additional progress must be a whole number from 0 to 12, such as 3, but it is ${typed}`);
      }
      return { kind: 'months', atLeast: x };
    case 'effect':
      if (!Number.isFinite(x) || x <= 0 || x > 2) {
        throw valueError(`The effect size to reach must be a number above 0 and at most 2, such as 0.2, but it is ${typed}`);
      }
      return { kind: 'effect', atLeast: x };
    case 'gapClosed':
      if (!Number.isFinite(x) || x <= 0) {
        throw valueError(`The number of points the gap should narrow by must be above 0, such as 2, but it is ${typed}`);
      }
      return { kind: 'gapClosed', points: x };
    default:
      throw valueError(`Unknown kind of success criterion "${String((form as { kind: unknown }).kind)}": choose one from the list`);
  }
}

/** The message to show under the form field, or null when the form is fine. */
export function criterionProblem(form: CriterionForm): string | null {
  try {
    parseCriterion(form);
    return null;
  } catch (e) {
    if (isGapsError(e)) return e.message;
    throw e;
  }
}

function describeTyped(value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return 'empty';
  return typeof value === 'string' ? `"${value.trim()}"` : String(value);
}

/** "1 month's", "3 months'" (the possessive of a number of months). */
export function monthsWords(months: number): string {
  return Math.abs(months) === 1 ? `${months} month's` : `${months} months'`;
}

/** The criterion in words, for the report and the verdict. */
export function describeCriterion(c: SuccessCriterion): string {
  switch (c.kind) {
    case 'months':
      return `at least ${monthsWords(c.atLeast)} additional progress`;
    case 'effect':
      return `an effect size of at least ${c.atLeast}`;
    case 'gapClosed':
      return `the disadvantaged gap narrows by at least ${c.points} point${c.points === 1 ? '' : 's'}`;
  }
}

/** The results a criterion is judged against. */
export interface CriterionEvidence {
  /** EEF months' additional progress (NaN when no effect could be estimated). */
  months: number;
  /** The effect size (NaN when none). */
  effectSize: number;
  /** Gap in the pre-test minus gap in the post-test (others minus disadvantaged); null without a disadvantaged column. */
  gapNarrowing: number | null;
  /** The effect size's confidence interval; without it the point estimate alone is judged. */
  ciLower?: number;
  ciUpper?: number;
  /** The interval of the gap's narrowing over the same pupils. */
  gapLower?: number;
  gapUpper?: number;
}

/** The verdict in words a leader can use. */
export type CriterionStatus = 'met' | 'not met' | "can't tell yet";

export interface CriterionJudgement {
  /** True when met, false when not, null when the evidence needed is missing or the interval straddles the criterion. */
  met: boolean | null;
  /** What was observed, in words ("4 months' additional progress"). */
  observed: string;
  /**
   * With an interval: 'met' (the whole interval reaches the criterion), 'not met' (the whole
   * interval falls short), "can't tell yet" (it straddles); null when there is no estimate.
   */
  status?: CriterionStatus | null;
}

function fromInterval(low: number, high: number, reaches: (x: number) => boolean): CriterionStatus {
  if (reaches(low)) return 'met';
  if (!reaches(high)) return 'not met';
  return "can't tell yet";
}

function judged(status: CriterionStatus, observed: string): CriterionJudgement {
  return { met: status === 'met' ? true : status === 'not met' ? false : null, observed, status };
}

const hasInterval = (a: number | undefined, b: number | undefined): a is number => Number.isFinite(a) && Number.isFinite(b);

/**
 * Whether the evidence meets the criterion. With an interval it is judged against the whole
 * interval (met / not met / can't tell yet); without one, the point estimate alone.
 *
 * @example judgeCriterion({ kind: 'months', atLeast: 3 }, { months: 4, effectSize: 0.3, gapNarrowing: null })
 * // { met: true, observed: "4 months' additional progress" }
 * @example judgeCriterion({ kind: 'effect', atLeast: 0.2 }, { months: 4, effectSize: 0.3, gapNarrowing: null, ciLower: 0.05, ciUpper: 0.55 })
 * // { met: null, status: "can't tell yet", observed: 'an effect size of 0.30 (interval 0.05 to 0.55)' }
 */
export function judgeCriterion(c: SuccessCriterion, e: CriterionEvidence): CriterionJudgement {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  switch (c.kind) {
    case 'months': {
      if (!Number.isFinite(e.months)) return { met: null, observed: 'no estimate of months of progress', status: null };
      const observed = `${monthsWords(e.months)} additional progress`;
      if (hasInterval(e.ciLower, e.ciUpper)) {
        const lo = eefMonths(e.ciLower), hi = eefMonths(e.ciUpper as number);
        return judged(fromInterval(lo, hi, (m) => m >= c.atLeast), `${observed} (interval ${lo} to ${hi} months)`);
      }
      return { met: e.months >= c.atLeast, observed };
    }
    case 'effect': {
      if (!Number.isFinite(e.effectSize)) return { met: null, observed: 'no estimate of the effect size', status: null };
      const rounded = r2(e.effectSize);
      const observed = `an effect size of ${rounded.toFixed(2)}`;
      if (hasInterval(e.ciLower, e.ciUpper)) {
        return judged(
          fromInterval(r2(e.ciLower), r2(e.ciUpper as number), (x) => x >= c.atLeast),
          `${observed} (interval ${r2(e.ciLower).toFixed(2)} to ${r2(e.ciUpper as number).toFixed(2)})`,
        );
      }
      return { met: rounded >= c.atLeast, observed };
    }
    case 'gapClosed': {
      const g = e.gapNarrowing;
      if (g === null || !Number.isFinite(g)) return { met: null, observed: 'no measure of the disadvantaged gap (choose the disadvantaged column)', status: null };
      const r = r2(g);
      const words = r >= 0 ? `the gap narrowed by ${r} point${r === 1 ? '' : 's'}` : `the gap widened by ${-r} point${r === -1 ? '' : 's'}`;
      if (hasInterval(e.gapLower, e.gapUpper)) {
        return judged(fromInterval(r2(e.gapLower), r2(e.gapUpper as number), (x) => x >= c.points), `${words} (interval ${r2(e.gapLower)} to ${r2(e.gapUpper as number)} points)`);
      }
      return { met: r >= c.points, observed: words };
    }
  }
}
