/**
 * The outcomes analysis: over a table of pupils and the confirmed outcome columns, the right
 * statistic for each outcome, disadvantaged pupils against the others.
 *
 * - Attendance: mean attendance (%) of each group, the gap in percentage points with a Welch interval
 *   (p from Welch's t-test, as R's t.test).
 * - Persistent absence (10%+ of sessions missed), severe absence (50%+), any suspension, any
 *   exclusion, a sustained destination, NEET: the rate of each group, the gap in percentage points
 *   with Newcombe's hybrid score interval, the ratio of rates (log-scale interval), p from the
 *   two-proportion test without continuity correction (R: prop.test(..., correct = FALSE)).
 * - Suspension and exclusion counts: per 100 pupils with exact Poisson intervals, the difference and
 *   ratio of rates; p from the exact conditional test (R: poisson.test(c(x1, x2), c(n1, n2))).
 *
 * Every gap is "disadvantaged minus others". Groups under 6 pupils are flagged. The
 * Benjamini-Hochberg adjustment runs across every comparison in the analysis and marks which are
 * clear of chance (adjusted p at most 0.05). When a column of time (or terms) eligible for free
 * school meals is confirmed, each outcome is also compared for the long-term disadvantaged (90%+
 * of their time) and those disadvantaged some of the time, each against the same other pupils.
 */
import { FLAG_INVALID, FLAG_TRUE, describeValue, readFlag, readLabel, readScore, type Grid } from '../cells';
import { naError, valueError } from '../errors';
import { smallGroupNote } from '../gaps/gapSummary';
import { SMALL_GROUP } from '../smallGroup';
import { chanceAllowance } from '../stats/benjaminiHochberg';
import { Moments } from '../stats/moments';
import { welchInterval, welchPValue } from '../stats/welch';
import { logGamma } from '../stats/tDistribution';
import type { OutcomeChoice } from '../columns/outcomeKinds';
import { isPersistentlyAbsent, isSeverelyAbsent, readAttendance } from './attendance';
import { requireConfidence } from './confidence';
import type { DestinationCategory } from './destinations';
import { longTermSplit, type DisadvantageLength } from './longTerm';
import { newcombeDifference } from './newcombe';
import { isMissingOutcome, isNotApplicable } from './notApplicable';
import { comparePoissonRates, poissonRate } from './poisson';
import { rateRatio } from './rateRatio';
import { fixed } from '../numberText';

export interface OutcomeTable {
  headers: readonly string[];
  rows: Grid;
}

export interface OutcomeOptions {
  /** Column of the disadvantaged flag. */
  disadvantaged: number;
  /** The confirmed outcome columns. */
  columns: OutcomeChoice;
  /** The confirmed meaning of each destination word (upper-case words as `readLabel` gives them). */
  destinationMapping?: Readonly<Record<string, DestinationCategory>>;
  /** Pupil id and name columns, for the persistent-absence list. */
  idColumn?: number | null;
  nameColumns?: readonly number[];
  confidence?: number;
  /**
   * The disadvantaged flags as the caller has already read them, one per row (null = status unknown:
   * left out of both groups), e.g. the gap analysis after the user said what a blank means. When
   * given, the disadvantaged column is not read again.
   */
  flags?: ReadonlyArray<boolean | null>;
}

export type OutcomeMeasure = 'attendance' | 'persistent' | 'severe' | 'suspendedAny' | 'suspensionRate' | 'excludedAny' | 'exclusionRate' | 'sustained' | 'neet';
export type OutcomeGroup = 'all' | 'long-term' | 'some of the time';

export const OUTCOME_LABELS: Record<OutcomeMeasure, string> = {
  attendance: 'Attendance (%)',
  persistent: 'Persistent absence (10%+ missed)',
  severe: 'Severe absence (50%+ missed)',
  suspendedAny: 'Any suspension',
  suspensionRate: 'Suspensions per 100 pupils',
  excludedAny: 'Any exclusion',
  exclusionRate: 'Exclusions per 100 pupils',
  sustained: 'Sustained destination',
  neet: 'NEET',
};

export const GROUP_LABELS: Record<OutcomeGroup, string> = {
  all: 'All disadvantaged',
  'long-term': 'Long-term disadvantaged (90%+ of their time)',
  'some of the time': 'Disadvantaged some of the time',
};

/** One comparison: a group of disadvantaged pupils against the other pupils on one outcome. */
export interface OutcomeResult {
  measure: OutcomeMeasure;
  group: OutcomeGroup;
  /** 'mean' in %, 'rate' in %, 'count' per 100 pupils. */
  statistic: 'mean' | 'rate' | 'count';
  nDisadvantaged: number;
  nOther: number;
  valueDisadvantaged: number;
  valueOther: number;
  /** Disadvantaged minus others (percentage points, or per 100 pupils). */
  gap: number;
  lower: number;
  upper: number;
  /** Interval of each group's own value (Wilson or Poisson), NaN for means. */
  ratio: number;
  ratioLower: number;
  ratioUpper: number;
  p: number;
  adjustedP: number;
  /** Adjusted p at most 0.05: unlikely to be chance alone. */
  clear: boolean;
  small: boolean;
  note: string;
}

export interface PersistentAbsentee {
  /** 0-based data row. */
  row: number;
  id: string;
  name: string;
  /** Attendance as a share (0.87 = 87%). */
  attendance: number;
  length: DisadvantageLength | null;
}

export interface OutcomeAnalysis {
  results: OutcomeResult[];
  confidence: number;
  /** Plain-words findings for the screen, biggest clear gaps first. */
  headlines: string[];
  /** Notes on the data (cells left out, mixed scales, unsplit pupils). */
  notes: string[];
  persistentlyAbsent: PersistentAbsentee[];
  longTermCounts: Record<DisadvantageLength, number> | null;
}

// ----- p-values -----

/** erfc for x >= 0, fractional error under 1.2e-7 (Numerical Recipes' Chebyshev fit): enough for a p-value. */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(-x * x + poly);
}

/** Two-sided p of the two-proportion z-test (R: prop.test(c(x1, x2), c(n1, n2), correct = FALSE)). */
export function twoProportionP(x1: number, n1: number, x2: number, n2: number): number {
  const pool = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pool * (1 - pool) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return NaN;
  const z = (x1 / n1 - x2 / n2) / se;
  return erfc(Math.abs(z) / Math.SQRT2);
}

function dbinom(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

/** Two-sided exact binomial p, as R's binom.test (outcomes no likelier than the one seen). */
export function binomialTestP(x: number, n: number, p: number): number {
  if (n === 0) return 1;
  const d = dbinom(x, n, p) * (1 + 1e-7);
  let total = 0;
  for (let k = 0; k <= n; k++) {
    const dk = dbinom(k, n, p);
    if (dk <= d) total += dk;
  }
  return Math.min(1, total);
}

/** Two-sided p comparing two Poisson rates (R: poisson.test(c(x1, x2), c(t1, t2))). */
export function poissonTestP(x1: number, t1: number, x2: number, t2: number): number {
  return binomialTestP(x1, x1 + x2, t1 / (t1 + t2));
}

// ----- reading the columns -----

interface Pupil {
  dis: boolean;
  /** False when the pupil's status is unknown: in neither group. */
  known: boolean;
  length: DisadvantageLength | null;
}

function flagsOf(rows: Grid, col: number, name: string): Array<boolean | null> {
  return rows.map((r, k) => {
    const cell = r[col];
    if (isMissingOutcome(cell)) return null;
    const f = readFlag(cell);
    if (f === FLAG_INVALID) throw valueError(`The ${name} column holds ${describeValue(cell)} in data row ${k + 1}: use yes/no values (Y/blank, Yes/No, TRUE/FALSE, 1/0).`);
    return f === FLAG_TRUE;
  });
}

/** A count per pupil (a yes/no cell counts as 1 or 0); null for blank. */
function countsOf(rows: Grid, col: number, name: string): { counts: Array<number | null>; isCount: boolean } {
  let isCount = true;
  const counts = rows.map((r, k) => {
    const cell = r[col];
    if (isMissingOutcome(cell)) return null;
    const x = readScore(cell);
    if (x === x) {
      if (x < 0 || !Number.isInteger(x)) throw valueError(`The ${name} column holds ${describeValue(cell)} in data row ${k + 1}: give a whole number of 0 or more (or Y/N for any).`);
      return x;
    }
    const f = readFlag(cell);
    if (f === FLAG_INVALID) throw valueError(`The ${name} column holds ${describeValue(cell)} in data row ${k + 1}: give a count (0 for none) or Y/N.`);
    isCount = false;
    return f === FLAG_TRUE ? 1 : 0;
  });
  return { counts, isCount };
}

function column(rows: Grid, col: number): unknown[][] {
  return rows.map((r) => [r[col] ?? null]);
}

// ----- the comparisons -----

type Member = (p: Pupil) => boolean;

const GROUP_MEMBER: Record<OutcomeGroup, Member> = {
  all: (p) => p.dis,
  'long-term': (p) => p.dis && p.length === 'long-term',
  'some of the time': (p) => p.dis && p.length === 'some of the time',
};

function base(measure: OutcomeMeasure, group: OutcomeGroup, statistic: OutcomeResult['statistic'], nD: number, nO: number): Pick<OutcomeResult, 'measure' | 'group' | 'statistic' | 'nDisadvantaged' | 'nOther' | 'small' | 'note' | 'adjustedP' | 'clear'> {
  return { measure, group, statistic, nDisadvantaged: nD, nOther: nO, small: nD < SMALL_GROUP || nO < SMALL_GROUP, note: smallGroupNote(nD, nO), adjustedP: NaN, clear: false };
}

function meanResult(measure: OutcomeMeasure, group: OutcomeGroup, values: ArrayLike<number>, pupils: Pupil[], member: Member, confidence: number): OutcomeResult | null {
  const d = new Moments();
  const o = new Moments();
  for (let k = 0; k < pupils.length; k++) {
    const v = values[k];
    if (v !== v) continue;
    if (member(pupils[k])) d.add(v * 100);
    else if (!pupils[k].dis && pupils[k].known) o.add(v * 100);
  }
  if (d.n === 0 || o.n === 0) return null;
  const w = welchInterval(d, o, confidence);
  return {
    ...base(measure, group, 'mean', d.n, o.n),
    valueDisadvantaged: d.mean(),
    valueOther: o.mean(),
    gap: w.diff,
    lower: w.lower,
    upper: w.upper,
    ratio: NaN,
    ratioLower: NaN,
    ratioUpper: NaN,
    p: welchPValue(d, o),
  };
}

function rateResult(measure: OutcomeMeasure, group: OutcomeGroup, yes: ReadonlyArray<boolean | null>, pupils: Pupil[], member: Member, confidence: number): OutcomeResult | null {
  let nD = 0, nO = 0, xD = 0, xO = 0;
  for (let k = 0; k < pupils.length; k++) {
    const v = yes[k];
    if (v === null) continue;
    if (member(pupils[k])) {
      nD++;
      if (v) xD++;
    } else if (!pupils[k].dis && pupils[k].known) {
      nO++;
      if (v) xO++;
    }
  }
  if (nD === 0 || nO === 0) return null;
  const diff = newcombeDifference(xD, nD, xO, nO, confidence);
  const rr = rateRatio(xD, nD, xO, nO, confidence);
  return {
    ...base(measure, group, 'rate', nD, nO),
    valueDisadvantaged: (xD / nD) * 100,
    valueOther: (xO / nO) * 100,
    gap: diff.diff * 100,
    lower: diff.lower * 100,
    upper: diff.upper * 100,
    ratio: rr.ratio,
    ratioLower: rr.lower,
    ratioUpper: rr.upper,
    p: twoProportionP(xD, nD, xO, nO),
  };
}

function countResult(measure: OutcomeMeasure, group: OutcomeGroup, counts: ReadonlyArray<number | null>, pupils: Pupil[], member: Member, confidence: number): OutcomeResult | null {
  let nD = 0, nO = 0, xD = 0, xO = 0;
  for (let k = 0; k < pupils.length; k++) {
    const v = counts[k];
    if (v === null) continue;
    if (member(pupils[k])) {
      nD++;
      xD += v;
    } else if (!pupils[k].dis && pupils[k].known) {
      nO++;
      xO += v;
    }
  }
  if (nD === 0 || nO === 0) return null;
  const c = comparePoissonRates(xD, nD, xO, nO, confidence);
  return {
    ...base(measure, group, 'count', nD, nO),
    valueDisadvantaged: poissonRate(xD, nD, confidence).rate,
    valueOther: poissonRate(xO, nO, confidence).rate,
    gap: c.difference,
    lower: c.differenceLower,
    upper: c.differenceUpper,
    ratio: c.ratio,
    ratioLower: c.ratioLower,
    ratioUpper: c.ratioUpper,
    p: poissonTestP(xD, nD, xO, nO),
  };
}

function fmt(x: number, digits = 1): string {
  return fixed(x, digits);
}

/** One line in plain words for a result. */
export function describeResult(r: OutcomeResult): string {
  const who = r.group === 'all' ? 'Disadvantaged pupils' : r.group === 'long-term' ? 'Long-term disadvantaged pupils' : 'Pupils disadvantaged some of the time';
  const label = r.measure === 'neet' ? 'NEET' : OUTCOME_LABELS[r.measure].replace(/ \(.*\)$/, '').replace(/ per 100 pupils$/, '').toLowerCase();
  const unit = r.statistic === 'count' ? ' per 100 pupils' : '%';
  const gapUnit = r.statistic === 'count' ? ' per 100 pupils' : ' percentage points';
  const sign = r.gap > 0 ? 'higher' : 'lower';
  const chance = r.clear ? 'unlikely to be chance' : 'could be chance';
  const small = r.small ? ' (small group: read with care)' : '';
  return `${who}: ${label} ${fmt(r.valueDisadvantaged)}${unit} against ${fmt(r.valueOther)}${unit} for others, ${fmt(Math.abs(r.gap))}${gapUnit} ${sign}; ${chance}${small}.`;
}

/** The persistently absent disadvantaged pupils (the Back on Track list can add them). */
export function persistentlyAbsentDisadvantaged(
  attendance: ArrayLike<number>,
  disadvantaged: ReadonlyArray<boolean>,
  rows: Grid,
  idColumn: number | null | undefined,
  nameColumns: readonly number[] = [],
  lengths: ReadonlyArray<DisadvantageLength> | null = null,
): PersistentAbsentee[] {
  const out: PersistentAbsentee[] = [];
  for (let k = 0; k < attendance.length; k++) {
    const s = attendance[k];
    if (!disadvantaged[k] || s !== s || !isPersistentlyAbsent(s)) continue;
    const row = rows[k] ?? [];
    out.push({
      row: k,
      id: idColumn === null || idColumn === undefined ? '' : String(row[idColumn] ?? ''),
      name: nameColumns.map((c) => String(row[c] ?? '').trim()).filter((x) => x !== '').join(' '),
      attendance: s,
      length: lengths ? lengths[k] : null,
    });
  }
  return out.sort((a, b) => a.attendance - b.attendance || a.row - b.row);
}

function requireColumn(table: OutcomeTable, col: number | undefined, what: string): void {
  if (col === undefined) return;
  if (!(Number.isInteger(col) && col >= 0 && col < table.headers.length)) throw valueError(`The ${what} column (${col + 1}) is not in the data, which has ${table.headers.length} columns: choose the columns again.`);
}

/**
 * Every outcome comparison over the table.
 *
 * @example analyseOutcomes({ headers: ["PP", "Attendance"], rows }, { disadvantaged: 0, columns: { attendance: 1 } }).results[0].measure // "attendance"
 */
export function analyseOutcomes(table: OutcomeTable, options: OutcomeOptions): OutcomeAnalysis {
  const confidence = options.confidence ?? 0.95;
  requireConfidence(confidence);
  const cols = options.columns;
  requireColumn(table, options.disadvantaged, 'disadvantaged');
  for (const [k, c] of Object.entries(cols)) requireColumn(table, c, k);
  const rows = table.rows;
  const notes: string[] = [];

  if (options.flags && options.flags.length !== rows.length) throw valueError(`The disadvantaged flags hold ${options.flags.length} entries but the data has ${rows.length} pupils: give one flag per pupil.`);
  const disFlags = options.flags ?? flagsOf(rows, options.disadvantaged, table.headers[options.disadvantaged]);
  let lengths: DisadvantageLength[] | null = null;
  if (cols.fsmTerms !== undefined && cols.termsInSchool !== undefined) {
    lengths = longTermSplit(column(rows, cols.fsmTerms), column(rows, cols.termsInSchool)).lengths;
  } else if (cols.fsmShare !== undefined) {
    lengths = longTermSplit(column(rows, cols.fsmShare)).lengths;
  } else if (cols.fsmTerms !== undefined) {
    notes.push('Terms eligible for free school meals need the terms in school too, to tell long-term from some of the time: choose that column to split the disadvantaged group.');
  }
  // Without flags read by the caller a blank flag reads as not disadvantaged, as it always has here.
  const pupils: Pupil[] = disFlags.map((d, k) => ({ dis: d === true, known: d !== null || !options.flags, length: lengths ? lengths[k] : null }));
  if (lengths) {
    const unsplit = pupils.filter((p) => p.dis && p.length !== 'long-term' && p.length !== 'some of the time').length;
    if (unsplit > 0) notes.push(`${unsplit} disadvantaged pupil${unsplit === 1 ? ' has' : 's have'} no time on free school meals recorded (blank or 0%): they count in "all disadvantaged" but in neither long-term nor some of the time.`);
  }
  const groups: OutcomeGroup[] = lengths ? ['all', 'long-term', 'some of the time'] : ['all'];

  const results: OutcomeResult[] = [];
  const push = (r: OutcomeResult | null) => {
    if (r) results.push(r);
  };

  let shares: Float64Array | null = null;
  if (cols.sessionsAttended !== undefined && cols.sessionsPossible !== undefined) {
    shares = readAttendance(column(rows, cols.sessionsAttended), column(rows, cols.sessionsPossible)).shares;
  } else if (cols.attendance !== undefined) {
    const cleaned = rows.map((r) => [isNotApplicable(r[cols.attendance as number]) ? null : (r[cols.attendance as number] ?? null)]);
    const read = readAttendance(cleaned);
    shares = read.shares;
    if (read.note) notes.push(read.note);
  }
  if (shares) {
    const s = shares;
    const left = Array.from(s).filter((x) => x !== x).length;
    if (left > 0) notes.push(`${left} pupil${left === 1 ? ' has' : 's have'} no attendance figure (blank or n/a) and ${left === 1 ? 'is' : 'are'} left out of the attendance measures.`);
    const pa = Array.from(s, (x) => (x === x ? isPersistentlyAbsent(x) : null));
    const sa = Array.from(s, (x) => (x === x ? isSeverelyAbsent(x) : null));
    for (const g of groups) push(meanResult('attendance', g, s, pupils, GROUP_MEMBER[g], confidence));
    for (const g of groups) push(rateResult('persistent', g, pa, pupils, GROUP_MEMBER[g], confidence));
    for (const g of groups) push(rateResult('severe', g, sa, pupils, GROUP_MEMBER[g], confidence));
  } else if (cols.persistentAbsence !== undefined) {
    const pa = flagsOf(rows, cols.persistentAbsence, table.headers[cols.persistentAbsence]);
    for (const g of groups) push(rateResult('persistent', g, pa, pupils, GROUP_MEMBER[g], confidence));
  }

  const countMeasures: Array<['suspensions' | 'exclusions', OutcomeMeasure, OutcomeMeasure]> = [
    ['suspensions', 'suspendedAny', 'suspensionRate'],
    ['exclusions', 'excludedAny', 'exclusionRate'],
  ];
  for (const [kind, any, rate] of countMeasures) {
    const c = cols[kind];
    if (c === undefined) continue;
    const { counts, isCount } = countsOf(rows, c, table.headers[c]);
    const anyYes = counts.map((x) => (x === null ? null : x > 0));
    for (const g of groups) push(rateResult(any, g, anyYes, pupils, GROUP_MEMBER[g], confidence));
    if (isCount) for (const g of groups) push(countResult(rate, g, counts, pupils, GROUP_MEMBER[g], confidence));
  }

  if (cols.destination !== undefined) {
    const mapping = options.destinationMapping ?? {};
    const cats = rows.map((r, k): DestinationCategory | null => {
      const w = readLabel(r[cols.destination as number]);
      if (w === '') return null;
      const cat = mapping[w];
      if (cat === undefined) throw valueError(`The destination "${w}" (data row ${k + 1}) is not in the confirmed mapping: map it to sustained, not sustained, NEET or unknown.`);
      return cat;
    });
    const unknown = cats.filter((c) => c === 'unknown').length;
    if (unknown > 0) notes.push(`${unknown} destination${unknown === 1 ? ' is' : 's are'} unknown and left out of the destination rates.`);
    const known = (test: (c: DestinationCategory) => boolean) => cats.map((c) => (c === null || c === 'unknown' ? null : test(c)));
    for (const g of groups) push(rateResult('sustained', g, known((c) => c === 'sustained'), pupils, GROUP_MEMBER[g], confidence));
    for (const g of groups) push(rateResult('neet', g, known((c) => c === 'NEET'), pupils, GROUP_MEMBER[g], confidence));
  }

  if (results.length === 0) {
    if (!pupils.some((p) => p.dis)) throw naError('No pupil is marked disadvantaged: check the disadvantaged column marks them (Y, Yes, TRUE, 1).');
    throw naError('No outcome could be compared: choose at least one outcome column with figures for both disadvantaged and other pupils.');
  }

  const chance = chanceAllowance(results.map((r) => r.p));
  results.forEach((r, i) => {
    r.adjustedP = chance.adjusted[i];
    r.clear = chance.clear[i] === true;
  });

  const headlines = results
    .filter((r) => r.group === 'all')
    .sort((a, b) => Number(b.clear) - Number(a.clear) || a.p - b.p)
    .map(describeResult);
  if (lengths) {
    const lt = results.find((r) => r.group === 'long-term' && r.measure === 'attendance');
    const st = results.find((r) => r.group === 'some of the time' && r.measure === 'attendance');
    if (lt && st) headlines.push(`Attendance of long-term disadvantaged pupils ${fmt(lt.valueDisadvantaged)}%, of those disadvantaged some of the time ${fmt(st.valueDisadvantaged)}%, of others ${fmt(lt.valueOther)}%.`);
  }

  return {
    results,
    confidence,
    headlines,
    notes,
    persistentlyAbsent: shares ? persistentlyAbsentDisadvantaged(shares, pupils.map((p) => p.dis), rows, options.idColumn, options.nameColumns ?? [], lengths) : [],
    longTermCounts: lengths ? countLengths(pupils) : null,
  };
}

function countLengths(pupils: Pupil[]): Record<DisadvantageLength, number> {
  const c: Record<DisadvantageLength, number> = { 'long-term': 0, 'some of the time': 0, never: 0, unknown: 0 };
  for (const p of pupils) if (p.dis) c[p.length ?? 'unknown']++;
  return c;
}


