/**
 * The attendance gap: mean attendance of other pupils minus that of disadvantaged pupils, with a
 * Welch interval, and the persistent-absence and severe-absence rates of both groups with the
 * persistent-absence gap and its Newcombe interval.
 *
 * What it is for: GAPS.ATTENDANCEGAP and the attendance rows of the gap analysis. Both gaps are
 * signed so that a positive value means disadvantaged pupils fare worse: attendance as
 * other - disadvantaged, persistent absence as disadvantaged - other.
 *
 * Reference: Welch (1947) through src/core/stats/welch.ts (R: t.test(other, disadvantaged));
 * Newcombe (1998) method 10 (./newcombe.ts). Persistent absence = 10% or more of sessions missed.
 *
 * @throws `#VALUE!` unequal ranges, an impossible attendance, a flag that is not yes/no, a confidence
 *   outside (0, 1); `#N/A` when either group has no pupil with an attendance figure.
 * @example attendanceGap([["95%"],[0.88],[92],[0.97],["n/a"],[99]], [["Y"],["Y"],["Y"],["N"],["N"],["N"]]).gap
 *   // 0.98 - 0.9166667 = 0.0633333
 */
import { type Grid, cellAt, columnsOf, requireSameSize, flagOrThrow } from '../cells';
import { naError } from '../errors';
import { smallGroupNote, type MeanGap } from '../gaps';
import { Moments } from '../stats/moments';
import { welchInterval } from '../stats/welch';
import { isPersistentlyAbsent, isSeverelyAbsent, readAttendance } from './attendance';
import { requireConfidence } from './confidence';
import { newcombeDifference } from './newcombe';
import { NO_DISADVANTAGED_OUTCOME, NO_OTHER_OUTCOME } from './rateGap';

/** Means are of attendance as a share (0.94 = 94%); a positive gap = disadvantaged pupils attend less. */
export interface AttendanceGap extends MeanGap {
  persistentDisadvantaged: number;
  persistentOther: number;
  /** persistentDisadvantaged - persistentOther (positive = disadvantaged pupils more often persistently absent). */
  persistentGap: number;
  persistentLower: number;
  persistentUpper: number;
  severeDisadvantaged: number;
  severeOther: number;
  leftOut: number;
  confidence: number;
  /** Small-group and scale notes ('' when there is nothing to say). */
  note: string;
  /** Why each NaN statistic could not be computed. */
  unavailable: Partial<Record<'ciLower' | 'ciUpper', string>>;
}

export function attendanceGap(attendance: Grid, flags: Grid, possible: Grid | null = null, confidence = 0.95): AttendanceGap {
  requireConfidence(confidence);
  const read = readAttendance(attendance, possible);
  const n = requireSameSize(['attendance', attendance], ['disadvantaged', flags]);
  const fc = columnsOf(flags);
  const dis = new Moments();
  const oth = new Moments();
  let paD = 0, paO = 0, saD = 0, saO = 0;
  for (let k = 0; k < n; k++) {
    const f = flagOrThrow(cellAt(flags, k, fc), 'disadvantaged', k, fc);
    const s = read.shares[k];
    if (s !== s) continue;
    const pa = isPersistentlyAbsent(s) ? 1 : 0;
    const sa = isSeverelyAbsent(s) ? 1 : 0;
    if (f) {
      dis.add(s);
      paD += pa;
      saD += sa;
    } else {
      oth.add(s);
      paO += pa;
      saO += sa;
    }
  }
  if (dis.n === 0) throw naError(NO_DISADVANTAGED_OUTCOME.replace('an outcome', 'an attendance figure'));
  if (oth.n === 0) throw naError(NO_OTHER_OUTCOME.replace('an outcome', 'an attendance figure'));
  const w = welchInterval(oth, dis, confidence);
  const pg = newcombeDifference(paD, dis.n, paO, oth.n, confidence);
  const unavailable: AttendanceGap['unavailable'] = {};
  if (w.lower !== w.lower) {
    const why = `the interval needs at least 2 pupils with an attendance figure in each group (disadvantaged ${dis.n}, other ${oth.n})`;
    unavailable.ciLower = why;
    unavailable.ciUpper = why;
  }
  const note = [smallGroupNote(dis.n, oth.n), read.note].filter((x) => x !== '').join(' ');
  return {
    nDisadvantaged: dis.n,
    nOther: oth.n,
    meanDisadvantaged: dis.mean(),
    meanOther: oth.mean(),
    gap: w.diff,
    ciLower: w.lower,
    ciUpper: w.upper,
    df: w.df,
    persistentDisadvantaged: paD / dis.n,
    persistentOther: paO / oth.n,
    persistentGap: pg.diff,
    persistentLower: pg.lower,
    persistentUpper: pg.upper,
    severeDisadvantaged: saD / dis.n,
    severeOther: saO / oth.n,
    leftOut: read.leftOut,
    confidence,
    note,
    unavailable,
  };
}
