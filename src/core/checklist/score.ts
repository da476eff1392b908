/**
 * Checklist scoring: each statement's rating as points from 0 to 3, and the weighted mean of the
 * rated statements' points divided by 3, as a fraction (0.5 = half way to "embedded" everywhere).
 *
 * Ratings are numbers 0-3 (numeric text accepted) or words, case and spaces ignored:
 * Not started 0, Developing / Emerging 1, Established / Secure 2, Embedded 3, Red 0, Amber 1.5,
 * Green 3. A blank rating means "not yet rated" and is left out. Weights are numbers >= 0; a blank
 * weight counts as 1.
 *
 * @example checklistScore([["Embedded"],["Developing"],[null]]) // (3 + 1) / 2 / 3 = 0.6667
 */
import { type Grid, cellAt, columnsOf, describePosition, describeValue, isBlank, normaliseWord, readScore, requireSameSize } from '../cells';
import { naError, valueError } from '../errors';

/** Rating words and their points, in the order the wizard offers them first. */
export const RATING_WORDS: ReadonlyArray<readonly [word: string, points: number]> = [
  ['Not started', 0],
  ['Developing', 1],
  ['Established', 2],
  ['Embedded', 3],
  ['Emerging', 1],
  ['Secure', 2],
  ['Red', 0],
  ['Amber', 1.5],
  ['Green', 3],
];

const POINTS = new Map<string, number>(RATING_WORDS.map(([w, p]) => [normaliseWord(w), p]));

const ALLOWED = 'a number from 0 to 3, or Not started, Developing, Established, Embedded (also Emerging, Secure, Red, Amber, Green)';

/**
 * One rating cell as points, or null when blank (not yet rated).
 * @throws GapsError('value') for any other value, naming it.
 */
export function ratingPoints(cell: unknown, where = ''): number | null {
  if (isBlank(cell)) return null;
  const at = where ? ` at ${where}` : '';
  if (typeof cell === 'number' || typeof cell === 'string') {
    const n = readScore(cell);
    if (!Number.isNaN(n)) {
      if (n < 0 || n > 3) throw valueError(`rating ${describeValue(cell)}${at} is outside 0 to 3: use ${ALLOWED}`);
      return n;
    }
    if (typeof cell === 'string') {
      const p = POINTS.get(normaliseWord(cell));
      if (p !== undefined) return p;
    }
  }
  throw valueError(`rating ${describeValue(cell)}${at} is not a rating: use ${ALLOWED}`);
}

/** Weighted mean of the rated statements' points / 3. */
export function checklistScore(ratings: Grid, weights?: Grid | null): number {
  const hasWeights = weights !== undefined && weights !== null && weights.length > 0;
  const n = hasWeights ? requireSameSize(['ratings', ratings], ['weights', weights as Grid]) : ratings.length * columnsOf(ratings);
  const rc = columnsOf(ratings);
  const wc = hasWeights ? columnsOf(weights as Grid) : 0;
  let sum = 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const p = ratingPoints(cellAt(ratings, k, rc), describePosition(k, rc));
    if (p === null) continue;
    let w = 1;
    if (hasWeights) {
      const wcell = cellAt(weights as Grid, k, wc);
      if (!isBlank(wcell)) {
        w = readScore(wcell);
        if (Number.isNaN(w) || w < 0) {
          throw valueError(`weight ${describeValue(wcell)} at ${describePosition(k, wc)} must be a number of 0 or more`);
        }
      }
    }
    sum += w * p;
    total += w;
  }
  if (total === 0) throw naError('no statements have been rated yet (or every rated statement has weight 0)');
  return sum / total / 3;
}
