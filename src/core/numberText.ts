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

/**
 * An amount of money in pounds as a sentence shows it: thousands separated, pence only when there
 * are any (or always, with `pence`, for costs per pupil).
 *
 * @example pounds(12400) // "£12,400"
 * @example pounds(2400 / 18) // "£133.33"
 * @example pounds(1225, true) // "£1,225.00"
 */
export function pounds(x: number, pence = false): string {
  const d = !pence && showsAsZero(x - Math.round(x), 2) ? 0 : 2;
  const text = Math.abs(Number(fixed(x, d))).toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
  return `${x < 0 && !showsAsZero(x, d) ? '-' : ''}£${text}`;
}
