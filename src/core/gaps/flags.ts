/**
 * Reading a flag column with its blanks accounted for.
 *
 * A blank flag reads as "not disadvantaged" everywhere (DOMAIN.md). That is right for a column of
 * Y and blanks, where a blank is how the MIS writes "no". But when the same column also holds
 * explicit negatives (N, No, 0, FALSE...), a blank more likely means "not known", and counting
 * those pupils as not disadvantaged moves every gap. `readFlagColumn` counts the blanks and the
 * explicit negatives so a summary can say so, and can leave blank-flagged pupils out instead
 * (`blanks: 'unknown'`), the choice the task pane offers.
 *
 * @example readFlagColumn([["Y"],["N"],[""],[null]]).blanks // 2, with explicitNegatives 1 ("N")
 */
import { type Grid, cellAt, columnsOf, flagOrThrow, isBlank } from '../cells';
import { valueError } from '../errors';

/** How a blank flag is read: as "not disadvantaged" (today's reading) or as unknown (left out). */
export type BlankFlags = 'not disadvantaged' | 'unknown';

/** Per-pupil codes from `readFlagColumn`. */
export const FLAG_CODE_OTHER = 0;
export const FLAG_CODE_FLAGGED = 1;
export const FLAG_CODE_UNKNOWN = 2;
/** A blank flag read as "not disadvantaged". */
export const FLAG_CODE_BLANK = 3;

export interface FlagColumn {
  /** One code per cell (row-major): 1 flagged, 0 not flagged, 3 blank read as not flagged, 2 blank read as unknown. */
  codes: Uint8Array;
  /** Blank flag cells (empty, or spaces only). */
  blanks: number;
  /** Cells that say "no" in so many words or numbers (N, No, 0, FALSE...). */
  explicitNegatives: number;
  /** The first explicit negative as written, e.g. "N" or "0" ('' when there is none). */
  negativeExample: string;
  /** True when the column holds both blanks and explicit negatives, so a blank may mean "unknown". */
  blanksAmbiguous: boolean;
}

export function parseBlankFlags(value: unknown): BlankFlags {
  if (value === 'not disadvantaged' || value === 'unknown') return value;
  throw valueError(`blanks must be "not disadvantaged" or "unknown", but it is ${JSON.stringify(value)}`);
}

/** Reads every flag cell; `#VALUE!` quoting an unrecognised one. */
export function readFlagColumn(flags: Grid, blanks: BlankFlags = 'not disadvantaged', name = 'disadvantaged'): FlagColumn {
  const cols = columnsOf(flags);
  const n = flags.length * cols;
  const codes = new Uint8Array(n);
  let blankCount = 0;
  let negatives = 0;
  let example = '';
  for (let k = 0; k < n; k++) {
    const cell = cellAt(flags, k, cols);
    if (flagOrThrow(cell, name, k, cols)) {
      codes[k] = FLAG_CODE_FLAGGED;
    } else if (isBlank(cell)) {
      blankCount++;
      codes[k] = blanks === 'unknown' ? FLAG_CODE_UNKNOWN : FLAG_CODE_BLANK;
    } else {
      negatives++;
      if (example === '') example = typeof cell === 'string' ? cell.trim() : String(cell).toUpperCase();
      codes[k] = FLAG_CODE_OTHER;
    }
  }
  return { codes, blanks: blankCount, explicitNegatives: negatives, negativeExample: example, blanksAmbiguous: blankCount > 0 && negatives > 0 };
}

/**
 * The note for blank flags that were counted (pupils with a score), '' when the column has no
 * explicit negatives (a column of Y and blanks) or no blank was counted.
 */
export function blankFlagNote(counted: number, column: FlagColumn, blanks: BlankFlags): string {
  if (!column.blanksAmbiguous || counted === 0) return '';
  const what = `${counted} pupil${counted === 1 ? '' : 's'} with a blank flag`;
  const also = `the column also holds explicit "${column.negativeExample}"`;
  if (blanks === 'unknown') return `${what} ${counted === 1 ? 'was' : 'were'} left out as unknown, because ${also}.`;
  return `${what} ${counted === 1 ? 'was' : 'were'} counted as not disadvantaged, while ${also}: if a blank means "not known", fill those flags in or leave those pupils out.`;
}
