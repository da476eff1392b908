/**
 * First guesses for the evaluation form's column choices, from the headers and a look at the
 * values: the pre-test and post-test by their names ("Reading Pre", "KS2 baseline", "Post test"),
 * who received the intervention as a yes/no column that is not a disadvantage marker, the
 * disadvantaged column as gap analysis chooses it (PP or Disadvantaged before FSM6 before FSM) and a
 * name or id for listing matched pairs.
 * The leader can change every guess; nothing is evaluated until they press Evaluate.
 */
import { FLAG_INVALID, FLAG_TRUE, readFlag, readScore, type Grid } from '../cells';
import { defaultDisadvantaged, detectColumns } from './detect';
import { headerWords, splitCamelCase } from './headers';

export interface InterventionColumnGuess {
  pre: number | null;
  post: number | null;
  intervention: number | null;
  disadvantaged: number | null;
  label: number | null;
}

const PRE = /\b(pre|baseline|before|start|autumn|entry)\b/i;
const POST = /\b(post|after|end|final|summer|exit)\b/i;
// Patterns run on `words(header)`, where a digit after a letter is a word of its own ("e 6").
const DISADVANTAGED = /^(pp|fsm|fsm ?6|ever ?6|e ?6|disadvantaged|disadv|pupil premium)$/i;
const LABEL = /^(name|pupil|pupil name|student|student name|upn|id|pupil id|student id|admission no)$/i;
const SAMPLE = 200;

/** The header's words as column detection reads them, with camelCase split first ("ReadingPre"). */
function words(header: string): string {
  return headerWords(splitCamelCase(header));
}

/** How the first rows of a column look: share of scores, of valid flags, whether any flag is yes. */
function profile(rows: Grid, c: number): { scores: number; flags: boolean; anyYes: boolean; zeroOne: boolean } {
  const n = Math.min(rows.length, SAMPLE);
  let scores = 0;
  let flags = true;
  let anyYes = false;
  let zeroOne = true;
  for (let k = 0; k < n; k++) {
    const v = rows[k][c];
    const s = readScore(v);
    if (!Number.isNaN(s)) {
      scores += 1;
      if (s !== 0 && s !== 1) zeroOne = false;
    }
    const f = readFlag(v);
    if (f === FLAG_INVALID) flags = false;
    if (f === FLAG_TRUE) anyYes = true;
  }
  return { scores: n > 0 ? scores / n : 0, flags: flags && zeroOne, anyYes, zeroOne };
}

export function guessInterventionColumns(headers: readonly string[], rows: Grid): InterventionColumnGuess {
  const guess: InterventionColumnGuess = { pre: null, post: null, intervention: null, disadvantaged: null, label: null };
  const profiles = headers.map((_, c) => profile(rows, c));
  guess.disadvantaged = defaultDisadvantaged(detectColumns([...headers], rows));
  const scoreLike = (c: number) => profiles[c].scores >= 0.5 && !profiles[c].zeroOne;
  headers.forEach((h, c) => {
    const w = words(h);
    if (guess.pre === null && PRE.test(w) && scoreLike(c)) guess.pre = c;
    else if (guess.post === null && POST.test(w) && scoreLike(c)) guess.post = c;
    if (guess.label === null && LABEL.test(w)) guess.label = c;
  });
  // Who received it: a yes/no column with some yeses that is not the disadvantaged column.
  const intervention = headers.findIndex(
    (h, c) => c !== guess.disadvantaged && profiles[c].flags && profiles[c].anyYes && !DISADVANTAGED.test(words(h)) && !/\b(sen|send|eal|gender|sex|lac|cla)\b/i.test(words(h)),
  );
  guess.intervention = intervention >= 0 ? intervention : null;
  return guess;
}
