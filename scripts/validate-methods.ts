/**
 * Method validation: simulates catch-up cohorts with a known effect (0.2 SD of the post-test) and
 * prints, per scenario and method, the mean estimate against the truth, the bias and the coverage
 * of the 95% interval (see scripts/methodSimulation.ts for the design).
 *
 * Run: npm run validate:methods [-- reps]   (default 2,000 replications per scenario, seeded)
 */
import { allScenarios, runSimulation } from './methodSimulation';

const reps = Number(process.argv[2] ?? 2000);
const t0 = Date.now();
const results = runSimulation(allScenarios(), { reps, seed: 20261202 });
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`Method validation: ${reps} replications per scenario, true effect 0.2 SD of the post-test, 95% intervals.`);
console.log('Cohort of 4n pupils, n in the intervention; matching tolerance 0.25 pre-test SD.\n');
console.log('| selection | rho | n | post SD | method | mean estimate | bias | coverage | analysed | no estimate |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const s = r.scenario;
  for (const m of r.methods) {
    console.log(
      `| ${s.selection} | ${s.rho} | ${s.n} | ${s.sdRatio}x | ${m.method} | ${m.meanEstimate.toFixed(3)} | ${m.bias >= 0 ? '+' : ''}${m.bias.toFixed(3)} | ${pct(m.coverage)} | ${m.meanAnalysed.toFixed(1)} | ${m.failed} |`,
    );
  }
}
console.log(`\n${((Date.now() - t0) / 1000).toFixed(1)} s`);
