/**
 * Axis ticks a reader can use, for the preview's charts: round steps of 1, 2 or 5 times a power of
 * ten covering [lo, hi], about `target` of them, with the axis widened to the outer ticks, and the
 * tick labels written with the decimals the step needs (so 0, 2.5, 5 rather than 0.0, 2.5, 5.0).
 *
 * @example niceTicks(-6.9, 14) // { lo: -10, hi: 15, ticks: [-10, -5, 0, 5, 10, 15], decimals: 0 }
 */
export interface Ticks {
  lo: number;
  hi: number;
  ticks: number[];
  decimals: number;
}

export function niceTicks(lo: number, hi: number, target = 5): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { lo: 0, hi: 1, ticks: [0, 1], decimals: 0 };
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const rough = (hi - lo) / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  // Multiples of the step, rounded so 0.1 * 3 shows as 0.3 (and -0 as 0).
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / power === 2.5 ? 1 : 0));
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(decimals)) + 0);
  return { lo: ticks[0], hi: ticks[ticks.length - 1], ticks, decimals };
}
