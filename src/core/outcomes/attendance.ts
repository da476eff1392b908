/**
 * Reads an attendance column into each pupil's share of possible sessions attended (0 to 1).
 *
 * What it is for: attendance arrives as a percentage ("95%", "95", 95), a fraction (0.95), or as
 * sessions attended and sessions possible in two columns. This reads all of them with one rule
 * (./share.ts), says which cells were left out, and stops with a clear message at a value that
 * cannot be attendance (above 100%, below 0, more sessions attended than possible).
 *
 * Reference: DfE, "Working together to improve school attendance" (2024): attendance is the share of
 * possible sessions attended.
 *
 * @throws `#VALUE!` unequal ranges, an impossible value (quoted with its position).
 * @example readAttendance([["95%"], [0.9], ["n/a"], [88]]).shares // [0.95, 0.9, NaN, 0.88], leftOut 1
 * @example readAttendance([[180]], [[190]]).shares // [0.9473684]
 */
import { type Grid, cellAt, columnsOf, describePosition, describeValue, readScore, requireSameSize, cellCount } from '../cells';
import { valueError } from '../errors';
import { readShare } from './share';

export interface AttendanceReading {
  /** Each pupil's attendance as a share, in row-major order; NaN where left out. */
  shares: Float64Array;
  /** Cells left out (blank, "n/a", words, no possible sessions). */
  leftOut: number;
  /** Plain-words notes about the scale ('' when there is nothing to say). */
  note: string;
}

function impossible(name: string, cell: unknown, k: number, cols: number, why: string): Error {
  return valueError(`${name} holds ${describeValue(cell)} at ${describePosition(k, cols)} of the range, which ${why}: attendance is a share of possible sessions, from 0% to 100%`);
}

/** Attendance from one column of percentages or fractions, or from sessions attended and possible. */
export function readAttendance(attendance: Grid, possible: Grid | null = null): AttendanceReading {
  const n = possible && cellCount(possible) > 0 ? requireSameSize(['attendance', attendance], ['possible', possible]) : cellCount(attendance);
  const ac = columnsOf(attendance);
  const shares = new Float64Array(n);
  let leftOut = 0;
  if (possible && cellCount(possible) > 0) {
    const pc = columnsOf(possible);
    for (let k = 0; k < n; k++) {
      const acell = cellAt(attendance, k, ac);
      const pcell = cellAt(possible, k, pc);
      const a = readScore(acell);
      const p = readScore(pcell);
      if (a !== a || p !== p || p === 0) {
        shares[k] = NaN;
        leftOut++;
        continue;
      }
      if (a < 0) throw valueError(`attendance holds ${describeValue(acell)} at ${describePosition(k, ac)} of the range: sessions attended cannot be below 0`);
      if (p < 0) throw valueError(`possible holds ${describeValue(pcell)} at ${describePosition(k, pc)} of the range: possible sessions cannot be below 0`);
      if (a > p) {
        throw valueError(
          `attendance holds ${describeValue(acell)} at ${describePosition(k, ac)} of the range but only ${describeValue(pcell)} sessions were possible: ` +
            'check that attended and possible are the right way round',
        );
      }
      shares[k] = a / p;
    }
    return { shares, leftOut, note: '' };
  }
  let fractions = 0;
  let percents = 0;
  let ones = 0;
  for (let k = 0; k < n; k++) {
    const cell = cellAt(attendance, k, ac);
    const r = readShare(cell);
    if (r.impossible) throw impossible('attendance', cell, k, ac, r.impossible);
    if (r.share !== r.share) {
      shares[k] = NaN;
      leftOut++;
      continue;
    }
    shares[k] = r.share;
    if (r.ambiguous) ones++;
    else if (r.fraction && r.share > 0) fractions++;
    else if (!r.fraction && r.share > 0.01 && !(typeof cell === 'string' && cell.includes('%'))) percents++;
  }
  const notes: string[] = [];
  if (fractions > 0 && percents > 0) {
    notes.push(`The column mixes fractions (${fractions} cell${fractions === 1 ? '' : 's'} from 0 to 1, read as 0.95 = 95%) and percentages (${percents} above 1): check they are on one scale.`);
  }
  if (ones > 0) notes.push(`${ones} cell${ones === 1 ? ' holds' : 's hold'} exactly 1, read as 100% (not 1%).`);
  return { shares, leftOut, note: notes.join(' ') };
}

/** Persistent absence: 10% or more of possible sessions missed (attendance 90% or less). */
export const PERSISTENT_ABSENCE = 0.1;
/** Severe absence: 50% or more of possible sessions missed. */
export const SEVERE_ABSENCE = 0.5;

// Attendance shares come from division (171/190 = 0.9 less a rounding step), so the comparison
// allows for that; no real attendance figure lies within 1e-9 of a threshold.
const EPS = 1e-9;

/**
 * True when a pupil missed 10% or more of possible sessions.
 * @example isPersistentlyAbsent(0.9) // true
 * @example isPersistentlyAbsent(0.905) // false
 */
export function isPersistentlyAbsent(share: number): boolean {
  return 1 - share >= PERSISTENT_ABSENCE - EPS;
}

/**
 * True when a pupil missed 50% or more of possible sessions.
 * @example isSeverelyAbsent(0.5) // true
 */
export function isSeverelyAbsent(share: number): boolean {
  return 1 - share >= SEVERE_ABSENCE - EPS;
}


export interface AbsenceFlags {
  /** Per pupil: true when persistently absent, false when not, null when attendance is missing. */
  persistent: Array<boolean | null>;
  /** Per pupil: true when severely absent, false when not, null when attendance is missing. */
  severe: Array<boolean | null>;
}

/**
 * Each pupil's persistent- and severe-absence flags from attendance already read, for a yes/no
 * column (the Back on Track list, GAPS.RATEGAP on persistent absence).
 *
 * @example absenceFlags(readAttendance([["88%"], [0.97], ["n/a"], [45]]).shares)
 *   // { persistent: [true, false, null, true], severe: [false, false, null, true] }
 */
export function absenceFlags(shares: ArrayLike<number>): AbsenceFlags {
  const persistent: Array<boolean | null> = [];
  const severe: Array<boolean | null> = [];
  for (let i = 0; i < shares.length; i++) {
    const s = shares[i];
    persistent.push(s === s ? isPersistentlyAbsent(s) : null);
    severe.push(s === s ? isSeverelyAbsent(s) : null);
  }
  return { persistent, severe };
}
