/**
 * Representation of disadvantaged pupils in a group (a set, a class): their share among pupils of
 * that group divided by their share in the whole cohort. 1 = proportional, below 1 =
 * under-represented (e.g. in top sets), above 1 = over-represented. Rows with a blank group are not
 * counted as pupils (a selection's empty rows must not dilute the cohort).
 *
 * @example representation([["Y"],["N"],["Y"],["N"]], [[1],[1],[2],[2]], 1) // (1/2) / (2/4) = 1
 */
import { type Grid, cellAt, columnsOf, describeValue, readLabel, requireSameSize, flagOrThrow } from '../cells';
import { naError, valueError } from '../errors';
import { labelReader } from './labels';

export function representation(flags: Grid, groups: Grid, group: unknown): number {
  const n = requireSameSize(['disadvantaged', flags], ['groups', groups]);
  const target = readLabel(group);
  if (target === '') throw valueError(`group must name a group as it appears in the groups range (e.g. "Set 1" or 1), but it is ${describeValue(group)}`);
  const fc = columnsOf(flags);
  const gc = columnsOf(groups);
  const groupLabel = labelReader();
  let total = 0, totalDis = 0, inGroup = 0, disInGroup = 0;
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(cellAt(flags, k, fc), 'disadvantaged', k, fc);
    const g = groupLabel(cellAt(groups, k, gc));
    if (g === '') continue;
    const dis = f ? 1 : 0;
    total++;
    totalDis += dis;
    if (g === target) { inGroup++; disInGroup += dis; }
  }
  if (inGroup === 0) throw naError(`no pupil is in group "${target}"`);
  if (totalDis === 0) throw naError('there are no disadvantaged pupils in the cohort, so representation cannot be compared');
  return disInGroup / inGroup / (totalDis / total);
}
