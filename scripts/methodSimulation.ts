/**
 * The engine of the method-validation simulation: simulated catch-up cohorts with a known effect,
 * run through the add-in's own estimators, to measure each method's mean estimate (against the
 * truth) and its interval's coverage.
 *
 * A cohort has 4n pupils (n per intervention group, 3n others). Pre-test ~ N(0, 1); the post-test
 * without the intervention is k (rho pre + sqrt(1 - rho^2) e), e ~ N(0, 1), so its SD is k and its
 * correlation with the pre-test is rho; the intervention adds `effect` x k, i.e. `effect` SDs of the
 * post-test. The intervention group is n pupils chosen at random, or the n lowest scorers on the
 * (noisy) pre-test, as a catch-up group is chosen: they then rise anyway (regression to the mean).
 *
 * Methods: "ancova" and "gain" are `interventionImpact` over the whole cohort (the formula
 * INTERVENTIONIMPACT); "matched" is the task pane's `evaluateIntervention` with a matched comparison
 * (nearest neighbour within `tolerance` pre-test points, with replacement, weighted ANCOVA).
 * A replication in which a method gives no estimate (e.g. nobody could be matched) is counted in
 * `failed` and left out of the means.
 *
 * Deterministic: every scenario draws from its own seeded generator.
 */
import { interventionImpact } from '../src/core/interventions/impact';
import { evaluateIntervention } from '../src/core/interventions/evaluate';
import { seededRandom } from './seededRandom';

export type Selection = 'random' | 'lowest';
export type SimMethod = 'ancova' | 'gain' | 'matched';

export interface Scenario {
  rho: number;
  /** Pupils in the intervention group. */
  n: number;
  /** Post-test SD over pre-test SD. */
  sdRatio: number;
  selection: Selection;
}

export interface MethodSummary {
  method: SimMethod;
  /** Replications with an estimate. */
  runs: number;
  failed: number;
  meanEstimate: number;
  bias: number;
  /** Monte Carlo standard error of the mean estimate. */
  biasSe: number;
  /** Share of intervals containing the truth. */
  coverage: number;
  /** Mean number of intervention pupils analysed (the matched ones for "matched"). */
  meanAnalysed: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  truth: number;
  reps: number;
  methods: MethodSummary[];
}

export interface SimulationOptions {
  reps: number;
  seed: number;
  /** True effect in SDs of the post-test. */
  effect?: number;
  /** Matching tolerance in pre-test SDs. */
  tolerance?: number;
  confidence?: number;
  methods?: SimMethod[];
}

function normalStream(seed: number): () => number {
  const u = seededRandom(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let a = u();
    while (a <= 1e-300) a = u();
    const b = u();
    const r = Math.sqrt(-2 * Math.log(a));
    spare = r * Math.sin(2 * Math.PI * b);
    return r * Math.cos(2 * Math.PI * b);
  };
}

/** One simulated cohort: pre, post and intervention flag per pupil. */
export function simulateCohort(s: Scenario, effect: number, z: () => number): { pre: number[]; post: number[]; flag: boolean[] } {
  const size = 4 * s.n;
  const pre: number[] = [];
  const post: number[] = [];
  const flag: boolean[] = new Array<boolean>(size).fill(false);
  const e = Math.sqrt(1 - s.rho * s.rho);
  for (let i = 0; i < size; i++) {
    const x = z();
    pre.push(x);
    post.push(s.sdRatio * (s.rho * x + e * z()));
  }
  let order: number[];
  if (s.selection === 'lowest') order = pre.map((_, i) => i).sort((a, b) => pre[a] - pre[b]);
  else {
    const keys = pre.map(() => z());
    order = pre.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
  }
  for (let j = 0; j < s.n; j++) {
    flag[order[j]] = true;
    post[order[j]] += effect * s.sdRatio;
  }
  return { pre, post, flag };
}

/** Runs one scenario. */
export function runScenario(s: Scenario, o: SimulationOptions, seed: number): ScenarioResult {
  const effect = o.effect ?? 0.2;
  const tolerance = o.tolerance ?? 0.25;
  const confidence = o.confidence ?? 0.95;
  const methods = o.methods ?? ['ancova', 'gain', 'matched'];
  const z = normalStream(seed);
  const acc = methods.map(() => ({ runs: 0, failed: 0, sum: 0, sum2: 0, covered: 0, analysed: 0 }));
  for (let r = 0; r < o.reps; r++) {
    const c = simulateCohort(s, effect, z);
    methods.forEach((m, i) => {
      let est = NaN, lo = NaN, hi = NaN, analysed = 0;
      if (m === 'matched') {
        const ev = evaluateIntervention({
          name: 'Simulated', headers: ['Pre', 'Post', 'Flag'], rows: c.pre.map((x, k) => [x, c.post[k], c.flag[k]]),
          columns: { pre: 0, post: 1, intervention: 2 }, comparisonMode: 'matched', tolerance, confidence,
        } as Parameters<typeof evaluateIntervention>[0]);
        if (ev.design === 'comparison' && ev.overall.available) {
          est = ev.overall.effectSize; lo = ev.overall.ciLower; hi = ev.overall.ciUpper; analysed = ev.overall.interventionN;
        }
      } else {
        const col = (xs: unknown[]) => xs.map((x) => [x]);
        const res = interventionImpact(col(c.pre), col(c.post), col(c.flag), confidence, { method: m });
        est = res.effectSize; lo = res.ciLower; hi = res.ciUpper; analysed = res.interventionN;
      }
      const a = acc[i];
      if (!(Number.isFinite(est) && Number.isFinite(lo) && Number.isFinite(hi))) {
        a.failed += 1;
        return;
      }
      a.runs += 1;
      a.sum += est;
      a.sum2 += est * est;
      a.analysed += analysed;
      if (lo <= effect && effect <= hi) a.covered += 1;
    });
  }
  return {
    scenario: s,
    truth: effect,
    reps: o.reps,
    methods: methods.map((m, i) => {
      const a = acc[i];
      const mean = a.sum / a.runs;
      const sd = Math.sqrt(Math.max(0, a.sum2 / a.runs - mean * mean) * (a.runs / Math.max(1, a.runs - 1)));
      return {
        method: m, runs: a.runs, failed: a.failed, meanEstimate: mean, bias: mean - effect,
        biasSe: sd / Math.sqrt(a.runs), coverage: a.covered / a.runs, meanAnalysed: a.analysed / a.runs,
      };
    }),
  };
}

/** Every scenario of the full validation: rho 0.3/0.6/0.9 x n 10/30/200 x SD ratio 1/1.8 x random/lowest. */
export function allScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const selection of ['random', 'lowest'] as const) {
    for (const rho of [0.3, 0.6, 0.9]) {
      for (const n of [10, 30, 200]) for (const sdRatio of [1, 1.8]) out.push({ rho, n, sdRatio, selection });
    }
  }
  return out;
}

/** Runs the scenarios, each with its own seed derived from `seed` and its position. */
export function runSimulation(scenarios: Scenario[], o: SimulationOptions): ScenarioResult[] {
  return scenarios.map((s, i) => runScenario(s, o, (o.seed * 7919 + i * 104729) >>> 0));
}
