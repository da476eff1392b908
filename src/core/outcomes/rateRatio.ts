/**
 * The ratio of two rates (a relative risk) with Katz's log-scale interval:
 * exp(log(p1 / p2) +- z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)).
 *
 * What it is for: "disadvantaged pupils are 2.3 times as likely to be persistently absent", beside
 * the gap in percentage points, since a 5-point gap means more when the rates are 6% and 1%.
 *
 * Reference: D. Katz, J. Baptista, S. P. Azen, M. C. Pike (1978), "Obtaining confidence intervals
 * for the risk ratio in cohort studies", Biometrics 34, 469-474.
 *
 * @throws nothing: the ratio is NaN when either group is empty or p2 = 0, and the interval NaN when
 *   either group has no successes (the log-scale standard error is then infinite); `why` says which.
 * @example rateRatio(8, 10, 3, 10, 0.95) // { ratio: 2.6667, lower: 0.9848, upper: 7.2211 } (R: exp(log(0.8/0.3) + c(-1,1)*qnorm(0.975)*sqrt(1/8-1/10+1/3-1/10)))
 */
import { zFor } from './wilson';

export interface RatioInterval {
  ratio: number;
  lower: number;
  upper: number;
  /** Why the ratio or its interval is NaN, when it is. */
  why?: string;
}

export function rateRatio(x1: number, n1: number, x2: number, n2: number, confidence: number): RatioInterval {
  if (!(n1 > 0) || !(n2 > 0)) return { ratio: NaN, lower: NaN, upper: NaN, why: 'a group has no pupils' };
  if (x2 === 0) return { ratio: NaN, lower: NaN, upper: NaN, why: 'the second rate is 0, so the ratio has no value' };
  const ratio = x1 / n1 / (x2 / n2);
  if (x1 === 0) return { ratio, lower: NaN, upper: NaN, why: 'the first rate is 0, so the ratio has no log-scale interval' };
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  const z = zFor(confidence);
  return { ratio, lower: ratio * Math.exp(-z * se), upper: ratio * Math.exp(z * se) };
}
