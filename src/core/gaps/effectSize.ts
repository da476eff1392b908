/**
 * Effect size of the difference between two groups: (mean1 - mean2) / pooled SD (n - 1 weighting).
 * "g" (default) applies Hedges' correction J = 1 - 3 / (4 (n1 + n2) - 9); "d" is Cohen's d with no
 * correction; "glass" divides by the SD of group2 (the comparison group) only.
 *
 * References: Hedges & Olkin (1985); Glass (1976); EEF reports Hedges' g.
 *
 * Scores are read as everywhere (blank, words, booleans and errors are left out).
 * @throws `#N/A` naming the group when it has no scores, or fewer than 2 for a standard deviation;
 *   `#DIV/0!` when there is no spread to divide by.
 *
 * @example effectSize([[3],[4],[5]], [[1],[2],[3]], 'd') // (4 - 2) / 1 = 2
 */
import { type Grid, cellAt, columnsOf, readScore } from '../cells';
import { div0Error, naError, valueError } from '../errors';
import { Moments } from '../stats/moments';
import { hedgesJ, pooledSd } from '../stats/pooled';
import { finiteResult } from './messages';

export type EffectSizeMethod = 'g' | 'd' | 'glass';

/** Count, mean and spread of the scores in a range (missing cells left out), in one pass. */
export function momentsOfGrid(grid: Grid): Moments {
  const m = new Moments();
  const cols = columnsOf(grid);
  const n = grid.length * cols;
  for (let k = 0; k < n; k++) {
    const x = readScore(cellAt(grid, k, cols));
    if (x === x) m.add(x);
  }
  return m;
}

export function effectSize(group1: Grid, group2: Grid, method: EffectSizeMethod = 'g'): number {
  return effectSizeOf(momentsOfGrid(group1), momentsOfGrid(group2), method);
}

function requireScores(name: string, m: Moments, needed: 1 | 2): void {
  if (m.n === 0) throw naError(`${name} has no scores`);
  if (m.n < needed) throw naError(`${name} needs at least 2 scores for a standard deviation (it has 1)`);
}

/**
 * Effect size from two groups' moments. For "g" and "d" each group needs 2 or more scores (each
 * contributes its own variance to the pooled SD, as in R's var()); "glass" needs 2 in group2 only.
 */
export function effectSizeOf(a: Moments, b: Moments, method: EffectSizeMethod = 'g'): number {
  if (method !== 'g' && method !== 'd' && method !== 'glass') throw valueError(`method must be "g", "d" or "glass", but it is "${String(method)}"`);
  requireScores('group1', a, method === 'glass' ? 1 : 2);
  requireScores('group2', b, 2);
  const diff = a.mean() - b.mean();
  if (method === 'glass') {
    const s = finiteResult(b.sd());
    if (!(s > 0)) throw div0Error('every score in group2 is the same, so its standard deviation is 0');
    return finiteResult(diff / s);
  }
  const sp = finiteResult(pooledSd(a, b));
  if (!(sp > 0)) throw div0Error('every score is the same within each group, so the pooled standard deviation is 0');
  const d = diff / sp;
  return finiteResult(method === 'd' ? d : hedgesJ(a.n + b.n - 2) * d);
}
