/**
 * A cell as a share of time, 0 to 1: attendance ("95%", "0.95", "95", 95) or the share of a pupil's
 * time in school spent eligible for free school meals.
 *
 * What it is for: one reading rule for every percentage column. Text ending in % is a percentage;
 * a number from 0 to 1 is a fraction; a number above 1 and up to 100 is a percentage. Blank, "n/a"
 * and other words are missing (left out). A value below 0 or above 100% cannot be a share and is
 * reported. Exactly 1 is read as 100% but is ambiguous (it could mean 1%), so it is marked.
 *
 * @example readShare("95%") // { share: 0.95 }
 * @example readShare(95)    // { share: 0.95 }
 * @example readShare(1)     // { share: 1, ambiguous: true }
 * @example readShare(104)   // { share: NaN, impossible: 'is more than 100%' }
 */
import { readScore } from '../cells';

export interface ShareReading {
  /** The share, 0 to 1; NaN when missing or impossible. */
  share: number;
  /** Why the value cannot be a share (negative, above 100%). */
  impossible?: string;
  /** True for a bare 1, which could mean 100% or 1%. */
  ambiguous?: boolean;
  /** True when the value was written as a fraction (0 to 1 without a % sign). */
  fraction?: boolean;
}

const MISSING: ShareReading = { share: NaN };

export function readShare(cell: unknown): ShareReading {
  let pct = false;
  let x: number;
  if (typeof cell === 'string' && cell.trim().endsWith('%')) {
    pct = true;
    x = readScore(cell.trim().slice(0, -1));
  } else {
    x = readScore(cell);
  }
  if (x !== x) return MISSING;
  if (x < 0) return { share: NaN, impossible: 'is below 0' };
  if (pct) return x > 100 ? { share: NaN, impossible: 'is more than 100%' } : { share: x / 100 };
  if (x > 100) return { share: NaN, impossible: 'is more than 100%' };
  if (x === 1) return { share: 1, ambiguous: true, fraction: true };
  if (x < 1) return { share: x, fraction: true };
  return { share: x / 100 };
}
