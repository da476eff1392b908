/**
 * Benjamini-Hochberg adjusted p-values: with m p-values sorted ascending, the i-th becomes
 * min over j >= i of (m / j) p_(j), capped at 1. A comparison is "clear" at a false discovery rate
 * q when its adjusted p-value is at most q. NaN entries are left as NaN and not counted in m,
 * as R's p.adjust(p, method = "BH") does with NA.
 *
 * What it is for: a report with forty comparisons would show a "gap" by chance alone; adjusting
 * keeps the expected share of false gaps among those called clear at q.
 *
 * Reference: Benjamini & Hochberg (1995), JRSS B 57(1).
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.2]) // [0.04, 0.04, 0.04, 0.2] (R: p.adjust(p, "BH"))
 */
import { valueError } from '../errors';

export function benjaminiHochberg(p: ArrayLike<number>): number[] {
  const out = new Array<number>(p.length).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (v !== v) continue;
    if (!(v >= 0 && v <= 1)) throw valueError(`p-values must be between 0 and 1, but entry ${i + 1} is ${v}`);
    idx.push(i);
  }
  idx.sort((a, b) => p[a] - p[b]);
  const m = idx.length;
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r];
    running = Math.min(running, (m / (r + 1)) * p[i]);
    out[i] = running;
  }
  return out;
}

export interface ChanceAllowance {
  /** Comparisons with a p-value (NaN entries are not counted). */
  comparisons: number;
  /** Benjamini-Hochberg adjusted p-values, one per entry (NaN stays NaN). */
  adjusted: number[];
  /** Whether each comparison is clear after the adjustment (adjusted p <= q). */
  clear: boolean[];
  /** Comparisons that would look like gaps by chance alone if there were none: comparisons x alpha. */
  expectedByChance: number;
}

/**
 * The allowance for chance across a report's comparisons: BH-adjusted p-values at false discovery
 * rate `q`, which comparisons are clear, and how many would pass an unadjusted test at `alpha` by
 * chance alone if no gap were real (a report of 42 comparisons at 5% expects 2.1).
 *
 * @example chanceAllowance([0.01, 0.04, 0.03, 0.2]).clear // [true, true, true, false]
 */
export function chanceAllowance(p: ArrayLike<number>, q = 0.05, alpha = 0.05): ChanceAllowance {
  if (!(q > 0 && q < 1)) throw valueError(`the false discovery rate must be a fraction between 0 and 1, such as 0.05, but it is ${q}`);
  if (!(alpha > 0 && alpha < 1)) throw valueError(`alpha must be a fraction between 0 and 1, such as 0.05, but it is ${alpha}`);
  const adjusted = benjaminiHochberg(p);
  const comparisons = adjusted.filter((v) => v === v).length;
  return { comparisons, adjusted, clear: adjusted.map((v) => v <= q), expectedByChance: comparisons * alpha };
}
