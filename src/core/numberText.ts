/**
 * How a number is shown to a fixed number of decimals, in sheets and in sentences: one rule, so no
 * cell or sentence the add-in writes says "-0.00" (or "-0.0", "-0%") for a value that rounds to zero.
 */

/**
 * True when `x` shown with `decimals` decimals is zero (e.g. -0.004 at 2 decimals), so it must be
 * shown, and written, as 0 rather than with a minus sign.
 */
export function showsAsZero(x: number, decimals: number): boolean {
  return Number.isFinite(x) && Number(Math.abs(x).toFixed(Math.max(0, Math.min(20, decimals)))) === 0;
}

/**
 * `x` with `decimals` decimals, never "-0.00": a value that rounds to zero is shown as 0.
 *
 * @example fixed(-0.004, 2) // "0.00"
 * @example fixed(-0.006, 2) // "-0.01"
 */
export function fixed(x: number, decimals: number): string {
  return (showsAsZero(x, decimals) ? 0 : x).toFixed(decimals);
}
