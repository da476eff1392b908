/**
 * How a gap changed between two assessment points, with an interval, over the pupils who have
 * both scores: the gap before, the gap after, and the change (after - before). The change equals
 * the progress gap, mean progress (after - before) of others minus that of disadvantaged pupils,
 * so its interval is the two-sample interval on per-pupil progress (others minus disadvantaged),
 * Welch's with the small-group floor (stats/welch.ts, smallGroupInterval). Positive = the gap
 * widened.
 *
 * Reference: Welch (1947); Hsu (1938). R: t.test(after[o] - before[o], after[d] - before[d]).
 *
 * @example gapChangeOf([100,100,100,100], [101,103,106,108], [true,true,false,false]).change // 7 - 2 = 5
 */
import { type Grid, cellAt, columnsOf, readScore, requireSameSize } from '../cells';
import { valueError } from '../errors';
import { Moments } from '../stats/moments';
import { smallGroupInterval } from '../stats/welch';
import { FLAG_CODE_BLANK, FLAG_CODE_FLAGGED, FLAG_CODE_UNKNOWN, blankFlagNote, readFlagColumn, type BlankFlags } from './flags';
import { NO_DISADVANTAGED, NO_OTHERS, TOO_LARGE, tooFewForSpread } from './messages';
import { smallGroupNote } from './gapSummary';

export type ChangeWord = 'narrowed' | 'widened' | 'no clear change';

/**
 * The word for a change in a gap from its interval: "widened" when the whole interval is above 0,
 * "narrowed" when it is below 0, else "no clear change" (also when there is no interval).
 *
 * @example changeWord(-3.1, -0.4) // "narrowed"
 */
export function changeWord(lower: number, upper: number): ChangeWord {
  if (lower > 0) return 'widened';
  if (upper < 0) return 'narrowed';
  return 'no clear change';
}

export type GapChangeField = 'gapBefore' | 'gapAfter' | 'change' | 'ciLower' | 'ciUpper' | 'df' | 'p';

export interface GapChange {
  nDisadvantaged: number;
  nOther: number;
  /** Mean before of others minus mean before of disadvantaged pupils (pupils with both scores). */
  gapBefore: number;
  gapAfter: number;
  /** gapAfter - gapBefore (= PROGRESSGAP); positive = widened. */
  change: number;
  ciLower: number;
  ciUpper: number;
  df: number;
  p: number;
  floored: boolean;
  /** "narrowed", "widened" or "no clear change" from the interval; '' when there is no interval. */
  word: ChangeWord | '';
  /** Pupils with both scores and a blank flag (counted as not disadvantaged, or left out). */
  blankFlags: number;
  note: string;
  confidence: number;
  unavailable: Partial<Record<GapChangeField, string>>;
}

class Pair {
  before = new Moments();
  after = new Moments();
  progress = new Moments();
  add(b: number, a: number): void {
    this.before.add(b);
    this.after.add(a);
    this.progress.add(a - b);
  }
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw valueError(`confidence must be a fraction between 0 and 1, such as 0.95 for a 95% interval, but it is ${confidence}`);
}

/** The change from plain numbers: one entry per pupil (NaN = missing score; flagged = disadvantaged). */
export function gapChangeOf(before: ArrayLike<number>, after: ArrayLike<number>, flagged: ArrayLike<boolean>, confidence = 0.95): GapChange {
  checkConfidence(confidence);
  if (before.length !== after.length || before.length !== flagged.length) {
    throw valueError(`before has ${before.length} pupils, after ${after.length} and disadvantaged ${flagged.length}: give one entry per pupil in each`);
  }
  const d = new Pair();
  const o = new Pair();
  for (let i = 0; i < before.length; i++) {
    const b = before[i];
    const a = after[i];
    if (b - b !== 0 || a - a !== 0) continue;
    (flagged[i] ? d : o).add(b, a);
  }
  return judge(d, o, confidence);
}

/** The change from ranges: before and after scores and the disadvantaged flag, same sizes. */
export function gapChange(before: Grid, after: Grid, flags: Grid, confidence = 0.95, blanks: BlankFlags = 'not disadvantaged'): GapChange {
  checkConfidence(confidence);
  const n = requireSameSize(['before', before], ['after', after], ['disadvantaged', flags]);
  const column = readFlagColumn(flags, blanks);
  const bc = columnsOf(before);
  const ac = columnsOf(after);
  const d = new Pair();
  const o = new Pair();
  let blankFlags = 0;
  for (let k = 0; k < n; k++) {
    const b = readScore(cellAt(before, k, bc));
    const a = readScore(cellAt(after, k, ac));
    if (b !== b || a !== a) continue;
    const code = column.codes[k];
    if (code === FLAG_CODE_BLANK || code === FLAG_CODE_UNKNOWN) blankFlags++;
    if (code === FLAG_CODE_UNKNOWN) continue;
    (code === FLAG_CODE_FLAGGED ? d : o).add(b, a);
  }
  const r = judge(d, o, confidence);
  r.blankFlags = blankFlags;
  const blankNote = blankFlagNote(blankFlags, column, blanks);
  if (blankNote) r.note = `${r.note} ${blankNote}`;
  return r;
}

function judge(d: Pair, o: Pair, confidence: number): GapChange {
  const unavailable: GapChange['unavailable'] = {};
  const na = (field: GapChangeField, why: string) => {
    if (!(field in unavailable)) unavailable[field] = why;
    return NaN;
  };
  const nd = d.progress.n;
  const no = o.progress.n;
  const missing = nd === 0 ? NO_DISADVANTAGED.replace('with a score', 'with both scores') : no === 0 ? NO_OTHERS.replace('with a score', 'with both scores') : '';
  let gapBefore = NaN, gapAfter = NaN, change = NaN, ciLower = NaN, ciUpper = NaN, df = NaN, p = NaN;
  let floored = false;
  if (missing) {
    for (const f of ['gapBefore', 'gapAfter', 'change', 'ciLower', 'ciUpper', 'df', 'p'] as const) na(f, missing);
  } else {
    gapBefore = o.before.mean() - d.before.mean();
    gapAfter = o.after.mean() - d.after.mean();
    change = o.progress.mean() - d.progress.mean();
    const few = nd < 2 ? tooFewForSpread('disadvantaged', nd).message.replace('with a score', 'with both scores') : no < 2 ? tooFewForSpread('other', no).message.replace('with a score', 'with both scores') : '';
    if (few) {
      for (const f of ['ciLower', 'ciUpper', 'df', 'p'] as const) na(f, few);
    } else {
      const ci = smallGroupInterval(o.progress, d.progress, confidence);
      ({ lower: ciLower, upper: ciUpper, df, p, floored } = ci);
    }
  }
  const values = { gapBefore, gapAfter, change, ciLower, ciUpper, df, p };
  for (const f of Object.keys(values) as GapChangeField[]) {
    if (values[f] - values[f] !== 0 && !(f in unavailable)) values[f] = na(f, TOO_LARGE);
  }
  const hasInterval = !Number.isNaN(values.ciLower);
  const word: ChangeWord | '' = hasInterval ? changeWord(values.ciLower, values.ciUpper) : '';
  const pct = `${Math.round(confidence * 1000) / 10}%`;
  let note: string;
  if (word === 'widened') note = `The gap widened: the whole ${pct} interval for the change is above zero.`;
  else if (word === 'narrowed') note = `The gap narrowed: the whole ${pct} interval for the change is below zero.`;
  else if (word === 'no clear change') note = `No clear change: the ${pct} interval for the change includes zero, so a change this size could be chance.`;
  else note = 'Too few pupils to tell whether the gap changed: each group needs at least 2 pupils with both scores.';
  const small = smallGroupNote(nd, no);
  if (small) note = `${note} ${small}`;
  if (floored) note = `${note} The interval is kept no narrower than a pooled-spread interval, as a small or uniform group cannot show its own spread.`;
  return { nDisadvantaged: nd, nOther: no, ...values, floored, word, blankFlags: 0, note, confidence, unavailable };
}
