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

/** Ratings already read; a sheet repeats a handful of spellings. */
const wordCache = new Map<string, number | undefined>();
const WORD_CACHE_LIMIT = 1024;

function wordPoints(text: string): number | undefined {
  if (wordCache.has(text)) return wordCache.get(text);
  const p = POINTS.get(normaliseWord(text));
  if (wordCache.size < WORD_CACHE_LIMIT) wordCache.set(text, p);
  return p;
}

const ALLOWED = 'a number from 0 to 3, or Not started, Developing, Established, Embedded (also Emerging, Secure, Red, Amber, Green)';

/**
 * One rating cell as points, or null when blank (not yet rated). `where` names the cell in a
 * message (a function is only called when there is one to give).
 * @throws GapsError('value') for any other value, naming it.
 */
export function ratingPoints(cell: unknown, where: string | (() => string) = ''): number | null {
  if (isBlank(cell)) return null;
  const at = () => {
    const w = typeof where === 'function' ? where() : where;
    return w ? ` at ${w}` : '';
  };
  if (typeof cell === 'number' || typeof cell === 'string') {
    const n = readScore(cell);
    if (!Number.isNaN(n)) {
      if (n < 0 || n > 3) throw valueError(`rating ${describeValue(cell)}${at()} is outside 0 to 3: use ${ALLOWED}`);
      return n;
    }
    if (typeof cell === 'string') {
      const p = wordPoints(cell);
      if (p !== undefined) return p;
    }
  }
  throw valueError(`rating ${describeValue(cell)}${at()} is not a rating: use ${ALLOWED}`);
}

/** The weight in one cell: a blank counts as 1; anything but a number >= 0 is `#VALUE!`. */
function weightAt(weights: Grid, k: number, wc: number): number {
  const cell = cellAt(weights, k, wc);
  if (isBlank(cell)) return 1;
  const w = typeof cell === 'number' || typeof cell === 'string' ? readScore(cell) : NaN;
  if (Number.isNaN(w) || w < 0) {
    throw valueError(`weight ${describeValue(cell)} at ${describePosition(k, wc)} must be a number of 0 or more (a blank weight counts as 1)`);
  }
  return w;
}

/**
 * Weighted mean of the rated statements' points / 3, from 0 (nothing started) to 1 (all embedded).
 *
 * @param ratings one rating per statement (see `ratingPoints`); blank = not yet rated, left out.
 * @param weights optional, the same size as `ratings`: numbers >= 0, a blank weight counting as 1.
 *   Every weight is checked, including those of statements not yet rated.
 * @throws GapsError('value') for an unknown rating or a bad weight (quoted with its position), or
 *   ranges of different sizes; GapsError('na') when no statement is rated (or the rated ones all
 *   have weight 0).
 * @example checklistScore([["Embedded"], ["Not started"]], [[2], [null]]) // (2 x 3 + 1 x 0) / 3 / 3 = 0.6667
 */
export function checklistScore(ratings: Grid, weights?: Grid | null): number {
  const hasWeights = weights !== undefined && weights !== null && weights.length > 0;
  const n = hasWeights ? requireSameSize(['ratings', ratings], ['weights', weights as Grid]) : ratings.length * columnsOf(ratings);
  const rc = columnsOf(ratings);
  const wc = hasWeights ? columnsOf(weights as Grid) : 0;
  let sum = 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const w = hasWeights ? weightAt(weights as Grid, k, wc) : 1;
    const p = ratingPoints(cellAt(ratings, k, rc), () => describePosition(k, rc));
    if (p === null) continue;
    sum += w * p;
    total += w;
  }
  if (total === 0) {
    throw naError(hasWeights && anyRated(ratings, n, rc)
      ? 'no statements have been rated yet with a weight above 0: every rated statement has weight 0'
      : 'no statements have been rated yet: give each statement a rating (0 to 3, or a word such as Developing)');
  }
  return sum / total / 3;
}

function anyRated(ratings: Grid, n: number, rc: number): boolean {
  for (let k = 0; k < n; k++) if (!isBlank(cellAt(ratings, k, rc))) return true;
  return false;
}
