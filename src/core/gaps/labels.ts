/**
 * Group labels read through `readLabel` (trimmed, case-insensitive, 7 matches "7"), remembered per
 * raw text so a million-pupil column of a few set names is normalised a few times, not a million.
 *
 * @example const label = labelReader(); label(" 9x1 ") // "9X1"
 */
import { readLabel } from '../cells';

const CACHE_LIMIT = 4096;

/** A `readLabel` with a per-call memory of the text cells seen (bounded; numbers are not cached). */
export function labelReader(): (cell: unknown) => string {
  const seen = new Map<string, string>();
  return (cell: unknown): string => {
    if (typeof cell !== 'string') return readLabel(cell);
    const known = seen.get(cell);
    if (known !== undefined) return known;
    const label = readLabel(cell);
    if (seen.size < CACHE_LIMIT) seen.set(cell, label);
    return label;
  };
}
