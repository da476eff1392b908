/**
 * What a column's values look like, for guessing its role when the header does not say: a yes/no
 * flag, SEND codes, scores or grades, small whole numbers. Cells are read with the one cell reader
 * (`src/core/cells.ts`), so "missing" means the same here as in every statistic.
 *
 * @example profileColumn([["Y"],[null],["Y"]], 0).flag // true
 */
import { FLAG_INVALID, FLAG_TRUE, isBlank, isNotSat, readFlag, readLabel, readScore, type Grid } from '../cells';
import { SCALE_NAMES, gradeValue } from '../grades/scales';

/** How many cells of a column are read to guess its role (enough for any year group). */
export const PROFILE_ROWS = 2000;

/** SEND codes schools export: N none, K SEN support, E EHC plan (and the older S, A, P codes). */
const SEND_CODES = new Set(['N', 'K', 'E', 'S', 'A', 'P', 'EHCP', 'EHC', 'SEN', 'SEN SUPPORT', 'NONE', 'NO', '']);
const SEND_MARKERS = new Set(['K', 'E', 'EHCP', 'EHC', 'SEN SUPPORT']);
const GENDER_WORDS = new Set(['M', 'F', 'MALE', 'FEMALE', 'BOY', 'GIRL', 'X', 'O', 'OTHER', 'U', 'NB']);

export interface ColumnProfile {
  /** Cells read that are not blank. */
  filled: number;
  /** Every non-blank cell is a yes/no flag, with at least one "yes" and not only numbers other than 0/1. */
  flag: boolean;
  /** Every non-blank cell is a SEND code and at least one is K or E. */
  send: boolean;
  /** Every non-blank cell is a gender word. */
  gender: boolean;
  /** Non-blank cells that say the pupil has no result (ABS, X, Not entered...: `isNotSat`). */
  notSat: number;
  /** Share of the other non-blank cells that are numbers (or numeric text). */
  numericShare: number;
  /** Share of the other non-blank cells that are numbers or grades on some named scale. */
  gradeShare: number;
  /** Number of distinct non-blank labels. */
  distinct: number;
}

/** Reads up to `PROFILE_ROWS` cells of column `index` and describes them. */
export function profileColumn(rows: Grid, index: number): ColumnProfile {
  let filled = 0;
  let flags = 0;
  let yes = 0;
  let bigNumbers = 0;
  let sendCodes = 0;
  let sendMarkers = 0;
  let genders = 0;
  let numeric = 0;
  let graded = 0;
  let notSat = 0;
  const labels = new Set<string>();
  const end = Math.min(rows.length, PROFILE_ROWS);
  for (let r = 0; r < end; r++) {
    const cell = rows[r]?.[index];
    if (isBlank(cell)) continue;
    filled++;
    const label = readLabel(cell);
    labels.add(label);
    const f = readFlag(cell);
    if (f !== FLAG_INVALID) {
      flags++;
      if (f === FLAG_TRUE) yes++;
    }
    const n = readScore(cell);
    if (isNotSat(cell)) notSat++;
    else if (!Number.isNaN(n)) {
      numeric++;
      graded++;
      if (n !== 0 && n !== 1) bigNumbers++;
    } else if (SCALE_NAMES.some((s) => gradeValue(cell, s) !== undefined)) {
      graded++;
    }
    if (SEND_CODES.has(label)) {
      sendCodes++;
      if (SEND_MARKERS.has(label)) sendMarkers++;
    }
    if (GENDER_WORDS.has(label)) genders++;
  }
  const share = (k: number) => (filled - notSat === 0 ? 0 : k / (filled - notSat));
  return {
    filled,
    notSat,
    flag: filled > 0 && flags === filled && yes > 0 && bigNumbers === 0,
    send: filled > 0 && sendCodes === filled && sendMarkers > 0,
    gender: filled > 0 && genders === filled && labels.size <= 4,
    numericShare: share(numeric),
    gradeShare: share(graded),
    distinct: labels.size,
  };
}
