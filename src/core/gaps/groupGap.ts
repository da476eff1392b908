/**
 * The gap for any group: mean of comparison pupils minus mean of pupils whose group equals `focus`
 * (trimmed, case-insensitive; 7 matches "7"). With no comparison, every other pupil with a score
 * is compared (including those with a blank group).
 *
 * @example groupGap([[90],[100],[110]], [["K"],["N"],["N"]], "k") // 105 - 90 = 15
 * @throws `#VALUE!` unequal ranges, a blank focus, or a comparison equal to the focus; `#N/A` naming
 *   the group (focus or comparison) that has no pupil with a score.
 */
import { type Grid, cellAt, columnsOf, describeValue, isBlank, readLabel, readScore, requireSameSize } from '../cells';
import { naError, valueError } from '../errors';
import { labelReader } from './labels';
import { finiteResult } from './messages';

function label(name: string, value: unknown): string {
  const l = readLabel(value);
  if (l === '') throw valueError(`${name} must name a group as it appears in the groups range (e.g. "K" or 7), but it is ${describeValue(value)}`);
  return l;
}

export function groupGap(scores: Grid, groups: Grid, focus: unknown, comparison?: unknown): number {
  const n = requireSameSize(['scores', scores], ['groups', groups]);
  const f = label('focus', focus);
  const c = comparison === undefined || isBlank(comparison) ? null : label('comparison', comparison);
  if (c === f) throw valueError(`comparison and focus are both "${f}": name a different group to compare with, or leave comparison out to compare with every other pupil`);
  const sc = columnsOf(scores);
  const gc = columnsOf(groups);
  const groupLabel = labelReader();
  let nf = 0, nc = 0, sf = 0, sC = 0;
  for (let k = 0; k < n; k++) {
    const x = readScore(cellAt(scores, k, sc));
    if (x !== x) continue;
    const g = groupLabel(cellAt(groups, k, gc));
    if (g === f) { nf++; sf += x; } else if (c === null || g === c) { nc++; sC += x; }
  }
  if (nf === 0) throw naError(`no pupil with a score is in the focus group "${f}"`);
  if (nc === 0) throw naError(c === null ? `no pupil with a score is outside the focus group "${f}"` : `no pupil with a score is in the comparison group "${c}"`);
  return finiteResult(sC / nc - sf / nf);
}
