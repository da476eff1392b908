/**
 * The EEF's conversion of an effect size into months of additional progress, and its cost bands.
 *
 * The effect size is rounded to 2 decimal places first, the way Excel's ROUND does (0.185 becomes
 * 0.19), then looked up; the sign is kept (a negative effect is months lost).
 *
 * Reference: Education Endowment Foundation, Teaching and Learning Toolkit, "Guide to the Toolkit"
 * (months' progress table, and cost ratings per pupil per year).
 *
 * @example eefMonths(0.18)  // 2
 * @example eefMonths(0.185) // 3 (0.185 rounds to 0.19)
 * @example eefMonths(-0.3)  // -4
 */
import { valueError } from '../errors';

/** Lower bound, in hundredths of an SD, of each month from 0 to 12. */
const MONTH_FROM = [0, 2, 10, 19, 27, 36, 45, 53, 62, 70, 79, 88, 96];

/**
 * |x| rounded to 2 dp, in hundredths, as Excel's ROUND would: Excel works to 15 significant digits,
 * so 0.185 (stored as 0.18499999999999999) rounds to 0.19, while 0.1849999999 stays 0.18.
 */
function hundredths(x: number): number {
  return Math.round(parseFloat((Math.abs(x) * 100).toPrecision(15)));
}

export function eefMonths(effectSize: number): number {
  if (!Number.isFinite(effectSize)) throw valueError('effect_size must be a number, such as 0.25');
  const h = hundredths(effectSize);
  let months = 0;
  for (let m = MONTH_FROM.length - 1; m >= 0; m--) {
    if (h >= MONTH_FROM[m]) {
      months = m;
      break;
    }
  }
  return effectSize < 0 && months > 0 ? -months : months; // never -0
}

export interface CostBand {
  /** 1 (very low) to 5 (very high). */
  band: number;
  /** E.g. "Very low (up to £80 per pupil per year)". */
  label: string;
}

const BANDS: ReadonlyArray<[upTo: number, label: string]> = [
  [80, 'Very low (up to £80 per pupil per year)'],
  [200, 'Low (£81 to £200 per pupil per year)'],
  [720, 'Moderate (£201 to £720 per pupil per year)'],
  [1200, 'High (£721 to £1,200 per pupil per year)'],
  [Infinity, 'Very high (over £1,200 per pupil per year)'],
];

/** The EEF cost band for a cost per pupil per year in pounds. */
export function eefCostBand(costPerPupil: number): CostBand {
  if (!Number.isFinite(costPerPupil) || costPerPupil < 0) throw valueError('the cost per pupil must be a number of pounds, 0 or more');
  const i = BANDS.findIndex(([upTo]) => costPerPupil <= upTo);
  return { band: i + 1, label: BANDS[i][1] };
}
