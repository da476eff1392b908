/**
 * Contextual value added: each pupil's outcome minus the outcome predicted from prior attainment and
 * context (disadvantaged, SEND, EAL, gender, joined mid-phase as 0/1 columns), fitted by least squares
 * on the pupils given; and each group's (school's) mean residual with an interval, optionally centred
 * on 100 or 1000 as the DfE's CVA was.
 *
 * What it is for: comparing schools or groups whose intakes differ, on the trust's own data. The
 * DfE's CVA (2006-2010) was a multilevel model fitted nationally; this one is a single-level model
 * fitted on the data given, so its residuals say how a group did against similar pupils in this
 * data, not nationally.
 *
 * Model: outcome = b0 + b1 prior + c1 context1 + ... (./leastSquaresQR.ts). A group's interval is
 * mean residual +- z sigma / sqrt(n), sigma the model's residual standard deviation, as the DfE's
 * progress measures use a common spread; centred = centre + mean residual.
 *
 * Reference: DfE (2007), "A technical guide to contextual value added"; R: lm(outcome ~ prior + ...).
 *
 * @throws `#VALUE!` unequal lengths, a context value other than 0/1, a constant or repeated column,
 *   fewer pupils than coefficients.
 * @example contextualValueAdded([2, 5, 6, 9], [1, 2, 3, 4], [[0], [1], [0], [1]]).coefficients // [0, 2, 1] (R: lm(y ~ x + d))
 */
import { valueError } from '../errors';
import { requireConfidence } from '../outcomes/confidence';
import { zFor } from '../outcomes/wilson';
import { leastSquaresQR } from './leastSquaresQR';

export interface GroupResidual {
  group: string;
  n: number;
  meanResidual: number;
  lower: number;
  upper: number;
  /** centre + meanResidual (and the limits likewise) when a centre was given, else NaN. */
  centred: number;
}

export interface ContextualValueAdded {
  /** Intercept, prior attainment, then each context column in order. */
  coefficients: number[];
  /** One residual per pupil; NaN for a pupil missing the outcome, prior or a context value. */
  residuals: Float64Array;
  sigma: number;
  /** Pupils in the fit. */
  n: number;
  groups: GroupResidual[];
}

export interface CvaOptions {
  /** Each pupil's group (school, set...); omitted = one group of everyone. */
  groups?: readonly string[];
  /** 100 or 1000 (or any number) to centre group figures on; omitted = not centred. */
  centre?: number | null;
  confidence?: number;
  /** Names of the context columns, for messages. */
  contextNames?: readonly string[];
}

export function contextualValueAdded(outcome: ArrayLike<number>, prior: ArrayLike<number>, context: ReadonlyArray<ArrayLike<number>>, options: CvaOptions = {}): ContextualValueAdded {
  const confidence = requireConfidence(options.confidence ?? 0.95);
  const n = outcome.length;
  if (prior.length !== n || context.length !== n) {
    throw valueError(`outcome has ${n} pupils but prior has ${prior.length} and context ${context.length}: give one row per pupil`);
  }
  if (options.groups && options.groups.length !== n) throw valueError(`outcome has ${n} pupils but groups has ${options.groups.length}`);
  const q = n > 0 ? context[0].length : 0;
  const names = ['the intercept', 'prior', ...Array.from({ length: q }, (_, j) => options.contextNames?.[j] ?? `context column ${j + 1}`)];
  const rows: number[][] = [];
  const ys: number[] = [];
  const used: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = outcome[i];
    const x = prior[i];
    const c = context[i];
    if (c.length !== q) throw valueError(`pupil ${i + 1} has ${c.length} context values but the first has ${q}`);
    let ok = y === y && x === x;
    for (let j = 0; j < q && ok; j++) {
      const v = c[j];
      if (v !== v) ok = false;
      else if (v !== 0 && v !== 1) throw valueError(`${names[j + 2]} holds ${v} for pupil ${i + 1}: context columns are 0/1 (yes/no)`);
    }
    if (!ok) continue;
    rows.push([1, x, ...Array.from(c)]);
    ys.push(y);
    used.push(i);
  }
  const fit = leastSquaresQR(rows, ys, names);
  const residuals = new Float64Array(n).fill(NaN);
  used.forEach((i, k) => (residuals[i] = fit.residuals[k]));
  const z = zFor(confidence);
  const byGroup = new Map<string, { n: number; sum: number }>();
  for (const i of used) {
    const g = options.groups ? options.groups[i] : 'All pupils';
    const e = byGroup.get(g) ?? { n: 0, sum: 0 };
    e.n++;
    e.sum += residuals[i];
    byGroup.set(g, e);
  }
  const centre = options.centre ?? null;
  const groups: GroupResidual[] = [...byGroup.entries()].map(([group, e]) => {
    const mean = e.sum / e.n;
    const half = (z * fit.sigma) / Math.sqrt(e.n);
    return { group, n: e.n, meanResidual: mean, lower: mean - half, upper: mean + half, centred: centre === null ? NaN : centre + mean };
  });
  return { coefficients: fit.coefficients, residuals, sigma: fit.sigma, n: used.length, groups };
}
