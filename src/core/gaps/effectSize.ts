/**
 * Effect size of the difference between two groups: (mean1 - mean2) / pooled SD (n - 1 weighting).
 * "g" (default) applies Hedges' correction J = 1 - 3 / (4 (n1 + n2) - 9); "d" is Cohen's d with no
 * correction; "glass" divides by the SD of group2 (the comparison group) only.
 *
 * References: Hedges & Olkin (1985); Glass (1976); EEF reports Hedges' g.
 *
 * @example effectSize([[3],[4],[5]], [[1],[2],[3]], 'd') // (4 - 2) / 1 = 2
 */
import { type Grid, cellAt, columnsOf, readScore } from '../cells';
import { div0Error, naError } from '../errors';
import { Moments } from '../stats/moments';
import { hedgesJ, pooledSd } from '../stats/pooled';

export type EffectSizeMethod = 'g' | 'd' | 'glass';

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
  const a = momentsOfGrid(group1);
  const b = momentsOfGrid(group2);
  if (a.n === 0) throw naError('group1 has no scores');
  if (b.n === 0) throw naError('group2 has no scores');
  return effectSizeOf(a, b, method);
}

/** Effect size from two groups' moments. */
export function effectSizeOf(a: Moments, b: Moments, method: EffectSizeMethod = 'g'): number {
  const diff = a.mean() - b.mean();
  if (method === 'glass') {
    if (b.n < 2) throw naError(`group2 needs at least 2 scores for its standard deviation (it has ${b.n})`);
    const s = b.sd();
    if (!(s > 0)) throw div0Error('every score in group2 is the same, so its standard deviation is 0');
    return diff / s;
  }
  const sp = pooledSd(a, b);
  if (Number.isNaN(sp)) throw naError('needs at least 3 scores across the two groups to measure the spread');
  if (!(sp > 0)) throw div0Error('every score is the same, so the pooled standard deviation is 0');
  const d = diff / sp;
  return method === 'd' ? d : hedgesJ(a.n + b.n - 2) * d;
}
