/**
 * One pass over a score range and a flag range, pupil by pupil: the moments of the flagged
 * (disadvantaged) and other pupils' scores (a pupil without a score is left out).
 *
 * Every flag cell is checked, including those whose score is blank, so choosing the wrong column
 * for the flags is caught. Optionally keeps each group's scores (for ranks) in typed arrays.
 */
import { type Grid, cellAt, columnsOf, readScore, requireSameSize, flagOrThrow } from '../cells';
import { Moments } from '../stats/moments';

export interface FlagSplit {
  /** Scores of pupils whose flag is true. */
  flagged: Moments;
  /** Scores of the other pupils. */
  other: Moments;
  /** With `keepValues`: the flagged pupils' scores. */
  flaggedValues?: Float64Array;
  /** With `keepValues`: the other pupils' scores. */
  otherValues?: Float64Array;
}

export interface SplitNames {
  scores: string;
  flags: string;
}

const DEFAULT_NAMES: SplitNames = { scores: 'scores', flags: 'disadvantaged' };

/** Splits scores by a flag range of the same size. */
export function splitByFlag(scores: Grid, flags: Grid, names: SplitNames = DEFAULT_NAMES, keepValues = false): FlagSplit {
  const n = requireSameSize([names.scores, scores], [names.flags, flags]);
  const sc = columnsOf(scores);
  const fc = columnsOf(flags);
  const flagged = new Moments();
  const other = new Moments();
  const fv = keepValues ? new Float64Array(n) : undefined;
  const ov = keepValues ? new Float64Array(n) : undefined;
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(cellAt(flags, k, fc), names.flags, k, fc);
    const x = readScore(cellAt(scores, k, sc));
    if (x !== x) continue;
    if (f) {
      if (fv) fv[flagged.n] = x;
      flagged.add(x);
    } else {
      if (ov) ov[other.n] = x;
      other.add(x);
    }
  }
  return {
    flagged,
    other,
    flaggedValues: fv?.subarray(0, flagged.n),
    otherValues: ov?.subarray(0, other.n),
  };
}
