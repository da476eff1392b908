/**
 * Suspensions per 100 pupils for disadvantaged and other pupils, each with its exact Poisson
 * interval, and their difference (disadvantaged - other, Wald) and ratio (exact conditional), from a
 * column of each pupil's number of suspensions.
 *
 * What it is for: GAPS.SUSPENSIONRATE and the suspension rows of the gap analysis. The share of
 * pupils with at least one suspension is a yes/no outcome (GAPS.RATEGAP); this counts every
 * suspension, as the DfE's "suspension rate" does.
 *
 * Reference: ./poisson.ts (R: poisson.test).
 *
 * @throws `#VALUE!` unequal ranges, a count that is negative or not whole, a flag that is not yes/no;
 *   `#N/A` when either group has no pupil with a count.
 * @example suspensionRates([[0], [2], [1], [0], [0], [1]], [["Y"], ["Y"], ["Y"], ["N"], ["N"], ["N"]])
 *   // disadvantaged 100 per 100 pupils (3 in 3), other 33.3 (1 in 3); ratio 3, CI 0.24 to 157.5 (R: poisson.test(c(3, 1), c(3, 3)))
 */
import { type Grid, cellAt, columnsOf, describePosition, describeValue, readScore, requireSameSize, flagOrThrow } from '../cells';
import { naError, valueError } from '../errors';
import { smallGroupNote } from '../gaps';
import { comparePoissonRates, poissonRate, type PoissonRate, type RateComparison } from './poisson';
import { requireConfidence } from './confidence';

export interface SuspensionRates {
  disadvantaged: PoissonRate;
  other: PoissonRate;
  comparison: RateComparison;
  /** Count cells left out (blank, words). */
  leftOut: number;
  note: string;
}

export function suspensionRates(counts: Grid, flags: Grid, confidence = 0.95): SuspensionRates {
  requireConfidence(confidence);
  const n = requireSameSize(['counts', counts], ['disadvantaged', flags]);
  const cc = columnsOf(counts);
  const fc = columnsOf(flags);
  let nd = 0, no = 0, xd = 0, xo = 0, leftOut = 0;
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(cellAt(flags, k, fc), 'disadvantaged', k, fc);
    const cell = cellAt(counts, k, cc);
    const x = readScore(cell);
    if (x !== x) {
      leftOut++;
      continue;
    }
    if (x < 0 || !Number.isInteger(x)) {
      throw valueError(`counts holds ${describeValue(cell)} at ${describePosition(k, cc)} of the range: a number of suspensions is a whole number of 0 or more`);
    }
    if (f) {
      nd++;
      xd += x;
    } else {
      no++;
      xo += x;
    }
  }
  if (nd === 0) throw naError('needs at least one disadvantaged pupil with a count (0 for none): check the flag column marks them (Y, Yes, TRUE, 1, FSM, PP)');
  if (no === 0) throw naError('needs at least one pupil who is not disadvantaged with a count (0 for none)');
  return {
    disadvantaged: poissonRate(xd, nd, confidence),
    other: poissonRate(xo, no, confidence),
    comparison: comparePoissonRates(xd, nd, xo, no, confidence),
    leftOut,
    note: smallGroupNote(nd, no),
  };
}
