/**
 * The gap analysis: reads the flag and group columns of a table of pupils, splits them into the
 * comparisons asked for, runs the core's gap summary on each assessment, works out the change between
 * assessment points, makes the allowance for chance across the report and lists the disadvantaged
 * pupils to get back on track. Pure: plain values in, a model out; the report sheet
 * (src/sheets/gapReport.ts) only lays it out.
 *
 * What it says only what the data can support:
 * - Blank flags: when the disadvantaged column holds explicit negatives (N, No, 0...) and blanks, a
 *   blank may mean "not known"; the analysis refuses to guess and needs `blanks` ('not disadvantaged'
 *   or 'unknown': leave those pupils out). A column of Y and blanks keeps today's reading.
 * - Small groups: every interval uses the small-group floor (gapSummaryOf, smallGroupInterval), and a
 *   row with a group under 6 pupils or with no spread is "too few pupils to tell".
 * - Chance: the headline comparisons (disadvantaged vs others at the latest point of each subject)
 *   are judged on their own intervals; every other gap and every change is adjusted with
 *   Benjamini-Hochberg across the report (false discovery rate 1 - confidence), and only what
 *   survives is "clear".
 * - Thresholds follow the scale (thresholdForScale) and an unknown numeric scale gets none.
 * - Back on Track flags pupils behind pupils with similar starting points (backOnTrackOf) by at least
 *   a step that means something on the scale, or below the threshold at the latest point, and, when
 *   an attendance column is chosen, disadvantaged pupils who are persistently absent.
 * - Outcomes beyond test scores (attendance, persistent absence, suspensions, destinations, and the
 *   long-term / some-of-the-time split when time on free school meals is chosen) are the outcomes
 *   analysis's own comparisons (analyseOutcomes) over the same pupils and the same reading of blank
 *   flags; they join the report's Benjamini-Hochberg family, and a group under 6 pupils is "too few
 *   pupils to tell".
 * - The gap index ranks pupils within the school (10 x Cliff's delta, a measure of overlap) unless a
 *   national reference is given (`reference`: a column of national scores or a cumulative-percentage
 *   table, as GAPINDEX takes): then every assessment whose scores lie within the reference's range
 *   ranks its pupils nationally (gapIndexNationalIntervalOf), and one on another scale gets no index
 *   and a note saying why.
 */
import { FLAG_INVALID, describeValue, isBlank, readFlag, readLabel } from '../cells';
import { isConfidenceLevel, valueError } from '../errors';
import { gapSummaryOf, SMALL_GROUP_SIZE, type GapSummary } from './gapSummary';
import { gapChangeOf, changeWord, type ChangeWord, type GapChange } from './gapChange';
import { FLAG_CODE_FLAGGED, FLAG_CODE_UNKNOWN, readFlagColumn, type BlankFlags, type FlagColumn } from './flags';
import { thresholdGapOf } from './thresholdGap';
import { backOnTrackOf, MIN_SHORTFALL } from './backOnTrack';
import { numericScale, scaleName as numericScaleName, thresholdBalance, thresholdForScale, unreadableShare, type NumericScale, type ReadableShare } from './thresholds';
import { chanceAllowance } from '../stats/benjaminiHochberg';
import { hedgesJ } from '../stats/pooled';
import { THRESHOLDS } from '../columns/threshold';
import { gradeText, gradeValue, type GradeScale } from '../grades/scales';
import { splitAssessmentHeader, subjectKey } from '../columns/points';
import type { OutcomeChoice } from '../columns/outcomeKinds';
import { orderNameColumns } from '../columns/names';
import { analyseOutcomes, type OutcomeResult, type PersistentAbsentee } from '../outcomes/analysis';
import type { DestinationCategory } from '../outcomes/destinations';
import type { DisadvantageLength } from '../outcomes/longTerm';
import { isSeverelyAbsent } from '../outcomes/attendance';
import type { Grid } from '../cells';
import { describeReference, nationalReference, referenceFits, type NationalReference } from './nationalReference';
import { gapIndexNationalIntervalOf } from './gapIndex';

type Cell = string | number | boolean | null;

/** A table of pupils as read from a workbook: one header per column, one row per pupil. */
export interface GapTable {
  headers: string[];
  rows: Cell[][];
}

/** Which columns of the data hold what (0-based indexes; null or absent = not used). */
export interface GapReportColumns {
  /** The disadvantaged flag (PP / FSM6 / FSM). Required. */
  disadvantaged: number;
  /** SEND codes; when set, SEND pupils are compared with the rest. */
  send?: number | null;
  /** EAL flag; when set, EAL pupils are compared with the rest. */
  eal?: number | null;
  /** Gender; when set, boys are compared with girls. */
  gender?: number | null;
  /** Prior-attainment band; when set, the disadvantaged gap is shown within each band. */
  priorBand?: number | null;
  /** Pupil identifier, for the Back on Track list. */
  id?: number | null;
  /** Name columns (e.g. forename and surname), joined for the Back on Track list. */
  names?: number[];
  /** Form or class, for the Back on Track list. */
  form?: number | null;
}

/** One assessment column to analyse. */
export interface GapAssessment {
  index: number;
  /** How its cells become points (numbers pass through on every scale). */
  scale: GradeScale;
  /**
   * Threshold in points for this column; null = no threshold (no threshold gap); absent = the
   * report's threshold, else the scale's usual standard (`defaultThresholdOf`).
   */
  threshold?: number | null;
}

export interface GapReportOptions {
  columns: GapReportColumns;
  assessments: GapAssessment[];
  /** Threshold in points for columns without their own (default: each column's scale's standard). */
  threshold?: number;
  /** Confidence level of the intervals (default 0.95); 1 - confidence is the false discovery rate. */
  confidence?: number;
  /** Measures shown beside each gap and its interval (default: all of them). */
  measures?: Partial<GapMeasures>;
  /**
   * How a blank disadvantaged flag is read when the column also holds explicit negatives: required
   * then (the analysis refuses to guess); ignored for a column of Y and blanks, except that
   * 'unknown' is kept for one group of a split report (`splitGaps`), whose pupils may hold no
   * explicit negative while the whole data does.
   */
  blanks?: BlankFlags;
  /** Outcome columns shown beside attainment (attendance, suspensions...), as confirmed by the user. */
  outcomes?: GapOutcomeOptions;
  /**
   * A national reference for the gap index (as GAPS.GAPINDEX takes it): one column of national
   * scores, or a two-column table of score and cumulative percentage at or below it (a header row is
   * skipped). `description` says where it came from, for the report header. Null or absent: the
   * index ranks pupils within the school.
   */
  reference?: { cells: Grid; description: string } | null;
}

/** The gap index of one comparison, and which ranks it is on. */
export interface GapIndexResult {
  value: number;
  lower: number;
  upper: number;
  /**
   * 'school': ranks within the school (10 x Cliff's delta, Newcombe interval); 'national': national
   * percentiles from the reference (Welch interval on them); null: a reference was given but it is
   * for another scale than this assessment, so there is no index (the note says why).
   */
  ranks: 'school' | 'national' | null;
}

/** How the national reference was used, for the report header. */
export interface ReferenceUse {
  /** Where it came from (the source's description). */
  source: string;
  /** What it holds, in words ("a column of 600 national scores from 80 to 120"). */
  holds: string;
  /** Headers of the assessments ranked nationally. */
  used: string[];
  /** Assessments it could not rank, with why. */
  notUsed: Array<{ header: string; why: string }>;
}

/** The outcome columns of a gap analysis and, for a destination column, what each word means. */
export interface GapOutcomeOptions {
  columns: OutcomeChoice;
  /** The confirmed meaning of each destination word (needed when a destination column is chosen). */
  destinationMapping?: Readonly<Record<string, DestinationCategory>>;
}

/** One outcome comparison in the gap report: the outcomes analysis's result, judged with the report's allowance for chance. */
export interface OutcomeGapResult extends OutcomeResult {
  /** A group under 6 pupils, or no spread to tell from. */
  tooFew: boolean;
  verdict: GapVerdict;
}

/** The outcomes beside attainment in a gap analysis. */
export interface GapOutcomes {
  results: OutcomeGapResult[];
  /** Notes on the outcome data (cells left out, pupils with no time on free school meals recorded). */
  notes: string[];
  /** Headers of the outcome columns used. */
  columns: string[];
  longTermCounts: Record<DisadvantageLength, number> | null;
  /** Disadvantaged pupils who are persistently absent (they are on the Back on Track list). */
  persistentlyAbsent: number;
}

/** The measures a report can show beside the gap, its interval and the group sizes and means. */
export interface GapMeasures {
  /** Hedges' g. */
  effectSize: boolean;
  /** The gap index from ranks, a measure of overlap, with its interval. */
  gapIndex: boolean;
  /** The shares at or above the threshold and their gap in percentage points. */
  threshold: boolean;
}

export type ComparisonKind = 'disadvantaged' | 'send' | 'eal' | 'gender' | 'priorBand';

/** What a row can tell: a clear gap, no clear gap, or too few pupils to tell. */
export type GapVerdict = 'clear gap' | 'no clear gap' | 'too few pupils to tell' | 'no gap';

/** One comparison on one assessment. */
export interface GapResult {
  subject: string;
  /** The assessment point ("Aut", "Pre"), or the header when it has none. */
  point: string;
  header: string;
  index: number;
  kind: ComparisonKind;
  /** "Disadvantaged vs others", "SEND vs no SEND", "Disadvantaged vs others (Low prior band)". */
  comparison: string;
  focus: string;
  others: string;
  /** The gap summary with the small-group floor (gapSummaryOf over the two groups' points). */
  summary: GapSummary;
  /** The gap index the report shows: the summary's school-rank index, or the national one. */
  gapIndex: GapIndexResult;
  /** The gap's interval in pooled standard deviations (Hedges' g scale; NaN without spread). */
  effectLower: number;
  effectUpper: number;
  /** True for disadvantaged vs others at the latest point of the subject. */
  latest: boolean;
  /**
   * A headline comparison, judged on its own interval: the latest-point rows of the analysis, except
   * in the groups of a split report, where only the whole data's are (`allowForChanceAcross`).
   */
  headline: boolean;
  /** A group under 6 pupils, or a group with no spread. */
  tooFew: boolean;
  /** BH-adjusted p-value (NaN for headline rows and rows without a p-value). */
  adjustedP: number;
  /** True when the gap is clear: a headline whose interval excludes 0, or another row surviving BH. */
  clear: boolean;
  verdict: GapVerdict;
  threshold: number | null;
  /** Share of the focus group / comparison group at or above the threshold (NaN when empty or no threshold). */
  focusAtThreshold: number;
  othersAtThreshold: number;
  /** The core's threshold gap (fraction); NaN when a group has no scores or there is no threshold. */
  thresholdGap: number;
  /** The change since the previous point of the same subject and comparison, over pupils with both; null at the first point. */
  change: GapChange | null;
  /** The change's BH-adjusted p-value (NaN when there is no change or no p). */
  changeAdjustedP: number;
  /** "narrowed" / "widened" only when clear after the allowance for chance; '' when there is no change. */
  changeWord: ChangeWord | '';
  changeFrom: string | null;
  /** Cells of this column that were not grades on its scale, e.g. ["ABS", "X"] (up to 5). */
  unknownGrades: string[];
  note: string;
}

/** One subject in which a pupil is behind. */
export interface BehindIn {
  subject: string;
  latest: string;
  latestScore: number | null;
  /** How far behind pupils with similar starting points (points), null when not measured. */
  shortfall: number | null;
  /** The threshold at the latest point when the pupil is below it. */
  belowThreshold: number | null;
  /** How far behind, in steps of the scale's minimum shortfall (for ordering). */
  steps: number;
  reason: string;
  /** For persistent absence (subject "Attendance"): the pupil's attendance as a share (0.85 = 85%). */
  attendance?: number;
}

/** One disadvantaged pupil to get back on track, with every subject they are behind in. */
export interface BackOnTrackRow {
  row: number;
  id: string;
  name: string;
  form: string;
  subjects: BehindIn[];
  /** Sum of `steps` over the subjects: the list is ordered by it, largest first. */
  behind: number;
}

/** What was checked about one assessment column before analysing it. */
export interface AssessmentCheck {
  index: number;
  header: string;
  /** The scale in plain words ("GCSE 9-1 grades", "standardised scores", "NC levels"). */
  scaleName: string;
  threshold: number | null;
  thresholdReason: string;
  unreadable: ReadableShare;
  /** Warning when the threshold puts 95% of pupils on one side ('' otherwise). */
  balanceWarning: string;
}

export interface BlankFlagReading {
  /** Blank cells in the disadvantaged column. */
  blanks: number;
  explicitNegatives: number;
  negativeExample: string;
  /** True when the column holds both, so the choice was asked for. */
  ambiguous: boolean;
  /** The reading used ('not disadvantaged' for a column of Y and blanks). */
  reading: BlankFlags;
}

export interface ChanceSummary {
  /** Comparisons made (gaps and changes with a p-value). */
  comparisons: number;
  /** Headline comparisons, judged on their own intervals. */
  headline: number;
  /** Comparisons adjusted with Benjamini-Hochberg. */
  adjusted: number;
  /** Comparisons that would pass an unadjusted test by chance alone if no gap were real. */
  expectedByChance: number;
  /** False discovery rate of the adjustment (1 - confidence). */
  q: number;
  /** Set when the allowance spans a split report: the parts it spans (the whole data and each group). */
  parts?: number;
}

export interface GapAnalysis {
  results: GapResult[];
  backOnTrack: BackOnTrackRow[];
  /** Subjects Back on Track could not measure against similar starters, with why. */
  backOnTrackNotes: string[];
  confidence: number;
  chance: ChanceSummary;
  blankFlags: BlankFlagReading;
  checks: AssessmentCheck[];
  /** Headers of the columns used, for the report header. */
  used: { disadvantaged: string; groups: string[] };
  /** Outcomes beyond test scores, when outcome columns were chosen (null otherwise). */
  outcomes: GapOutcomes | null;
  /** The national reference and where it was used; null when none was given. */
  reference: ReferenceUse | null;
}

const NOT_SEND = new Set(['', 'N', 'NO', 'NONE', 'FALSE', '0', 'NOT SEN', 'NON SEN', 'NO SEN']);
const BOYS = new Set(['M', 'MALE', 'BOY', 'B']);
const GIRLS = new Set(['F', 'FEMALE', 'GIRL', 'G']);
const BAND_ORDER = ['LOW', 'L', 'LOWER', 'MIDDLE', 'MID', 'M', 'MIDDLE ATTAINER', 'HIGH', 'H', 'HIGHER', 'UPPER'];

function checkColumn(data: GapTable, index: number | null | undefined, what: string): void {
  if (index === null || index === undefined) return;
  if (!Number.isInteger(index) || index < 0 || index >= data.headers.length) {
    throw valueError(`The ${what} column is not in the data (it has ${data.headers.length} columns): choose the columns again.`);
  }
}

/** `#VALUE!` naming the column and row of the first cell that is not a yes/no value. */
function checkFlags(data: GapTable, index: number, what: string): void {
  data.rows.forEach((r, i) => {
    if (readFlag(r[index]) === FLAG_INVALID) {
      throw valueError(
        `The ${what} column "${data.headers[index]}" holds ${describeValue(r[index])} in data row ${i + 1}, which is not a yes/no value ` +
          `(use Y/blank, Yes/No, TRUE/FALSE or 1/0): check that the right column is chosen, or correct that cell.`,
      );
    }
  });
}

/** The flag column read with its blanks counted (`#VALUE!` for a cell that is not yes/no). */
function flagColumnOf(data: GapTable, index: number, what: string, blanks: BlankFlags): FlagColumn {
  checkFlags(data, index, what);
  return readFlagColumn(data.rows.map((r) => [r[index]]), blanks, what);
}

/**
 * How the disadvantaged column's blanks stand, for the task pane to ask before running: the count
 * of blanks and of explicit negatives, and whether the two are mixed.
 */
export function blankFlagsOf(data: GapTable, disadvantaged: number): FlagColumn {
  checkColumn(data, disadvantaged, 'disadvantaged');
  return flagColumnOf(data, disadvantaged, 'disadvantaged', 'not disadvantaged');
}

/** The plain name of a grade scale for one column, from its values ("standardised scores" for numbers near 100). */
export function scaleNameOf(scale: GradeScale, points: ArrayLike<number>): string {
  if (typeof scale === 'object') return 'your scale table';
  switch (scale) {
    case 'letter': return 'A*-G grades';
    case 'nc': return 'NC levels';
    case 'ta': return 'KS2 teacher assessments';
    default: {
      const n = numericScale(points);
      return n === 'unknown' ? 'scores' : numericScaleName(n);
    }
  }
}

/** The scale's usual standard for a column and why (null = none until the user sets one). */
export function defaultThresholdOf(scale: GradeScale, points: ArrayLike<number>): { threshold: number | null; reason: string } {
  if (typeof scale === 'object') return { threshold: null, reason: 'your own scale table has no standard the add-in knows, so there is no threshold gap until you set a threshold' };
  if (scale === 'letter') return { threshold: THRESHOLDS.letter, reason: 'grade C (4 points), the old GCSE pass' };
  if (scale === 'nc') return { threshold: THRESHOLDS.nc, reason: 'level 4b (27 points), the old KS2 expectation' };
  if (scale === 'ta') return { threshold: THRESHOLDS.ta, reason: 'EXS (2), working at the expected standard' };
  const t = thresholdForScale(numericScale(points));
  return { threshold: t.threshold, reason: t.reason };
}

/** The minimum shortfall worth acting on for a column (null when the scale gives none). */
function minShortfallOf(scale: GradeScale, points: ArrayLike<number>): number | null {
  if (typeof scale === 'object') return null;
  if (scale === 'letter') return 0.5; // a third of the 1.5-point step between letter grades
  if (scale === 'nc') return 2; // one sub-level
  if (scale === 'ta') return 1; // one step
  const n: NumericScale = numericScale(points);
  if (n === 'gcse') return MIN_SHORTFALL.gcse;
  if (n === 'ks2scaled') return MIN_SHORTFALL.scaled;
  if (n === 'standardised') return MIN_SHORTFALL.standardised;
  return null;
}

interface ColumnPoints {
  /** Points per pupil; NaN for a blank or unreadable cell. */
  points: Float64Array;
  unknown: string[];
  unknownCount: number;
}

function pointsOf(data: GapTable, a: GapAssessment): ColumnPoints {
  const unknown = new Set<string>();
  let unknownCount = 0;
  const points = new Float64Array(data.rows.length);
  data.rows.forEach((r, k) => {
    const v = gradeValue(r[a.index], a.scale);
    if (v === undefined) {
      unknownCount++;
      if (unknown.size < 5) unknown.add(String(r[a.index]).trim());
    }
    points[k] = v === undefined || v === null ? NaN : v;
  });
  return { points, unknown: [...unknown], unknownCount };
}

/** A comparison: which rows are in the focus group (true), the comparison group (false) or out (null). */
interface Comparison {
  kind: ComparisonKind;
  label: string;
  focus: string;
  others: string;
  member: Array<boolean | null>;
}

function comparisons(data: GapTable, c: GapReportColumns, disadvantaged: Array<boolean | null>): Comparison[] {
  const out: Comparison[] = [{ kind: 'disadvantaged', label: 'Disadvantaged vs others', focus: 'Disadvantaged', others: 'Others', member: disadvantaged }];
  if (c.send !== null && c.send !== undefined) {
    const i = c.send;
    out.push({ kind: 'send', label: 'SEND vs no SEND', focus: 'SEND', others: 'No SEND', member: data.rows.map((r) => !NOT_SEND.has(readLabel(r[i]))) });
  }
  if (c.eal !== null && c.eal !== undefined) {
    const flags = flagColumnOf(data, c.eal, 'EAL', 'not disadvantaged');
    out.push({ kind: 'eal', label: 'EAL vs not EAL', focus: 'EAL', others: 'Not EAL', member: Array.from(flags.codes, (x) => x === FLAG_CODE_FLAGGED) });
  }
  if (c.gender !== null && c.gender !== undefined) {
    const i = c.gender;
    out.push({
      kind: 'gender',
      label: 'Boys vs girls',
      focus: 'Boys',
      others: 'Girls',
      member: data.rows.map((r) => {
        const g = readLabel(r[i]);
        return BOYS.has(g) ? true : GIRLS.has(g) ? false : null;
      }),
    });
  }
  if (c.priorBand !== null && c.priorBand !== undefined) {
    const i = c.priorBand;
    const bands = new Map<string, string>();
    for (const r of data.rows) {
      if (isBlank(r[i])) continue;
      const key = readLabel(r[i]);
      if (!bands.has(key)) bands.set(key, String(r[i]).trim());
    }
    const rank = (k: string) => {
      const at = BAND_ORDER.indexOf(k);
      return at < 0 ? BAND_ORDER.length : at;
    };
    const keys = [...bands.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const key of keys) {
      const shown = bands.get(key) as string;
      out.push({
        kind: 'priorBand',
        label: `Disadvantaged vs others (${shown} prior band)`,
        focus: `Disadvantaged, ${shown} prior band`,
        others: `Others, ${shown} prior band`,
        member: data.rows.map((r, k) => (readLabel(r[i]) === key ? disadvantaged[k] : null)),
      });
    }
  }
  return out;
}

function pupils(n: number): string {
  return `${n} pupil${n === 1 ? '' : 's'}`;
}

/** "only 3 pupils (SEND)", "no pupils with a score (Boys)". */
function groupSize(n: number, group: string): string {
  return n === 0 ? `no pupils with a score (${group})` : `only ${pupils(n)} (${group})`;
}

interface Split {
  focus: number[];
  others: number[];
  /** Pupils of the comparison with no score (blank or unreadable). */
  noScore: number;
}

function split(points: Float64Array, member: ReadonlyArray<boolean | null>): Split {
  const focus: number[] = [];
  const others: number[] = [];
  let noScore = 0;
  for (let k = 0; k < points.length; k++) {
    const m = member[k];
    if (m === null) continue;
    const x = points[k];
    if (x !== x) {
      noScore++;
      continue;
    }
    (m ? focus : others).push(x);
  }
  return { focus, others, noScore };
}

function variance(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) * (x - m), 0) / (xs.length - 1);
}

/** The gap interval in pooled SDs with Hedges' correction, the scale of Hedges' g. */
function effectInterval(s: GapSummary, focus: readonly number[], others: readonly number[]): [number, number] {
  const df = focus.length + others.length - 2;
  if (df < 1 || !Number.isFinite(s.ciLower)) return [NaN, NaN];
  const sp = Math.sqrt(((focus.length - 1) * (variance(focus) || 0) + (others.length - 1) * (variance(others) || 0)) / df);
  if (!(sp > 0)) return [NaN, NaN];
  const f = hedgesJ(df) / sp;
  return [s.ciLower * f, s.ciUpper * f];
}

function share(points: Float64Array, member: ReadonlyArray<boolean | null>, want: boolean, threshold: number | null): number {
  if (threshold === null) return NaN;
  let n = 0;
  let hit = 0;
  for (let k = 0; k < points.length; k++) {
    const x = points[k];
    if (member[k] !== want || x !== x) continue;
    n++;
    if (x >= threshold) hit++;
  }
  return n === 0 ? NaN : hit / n;
}

function noteFor(s: GapSummary, p: ColumnPoints, scaleName: string, comp: Comparison, noSpread: boolean): string {
  const parts: string[] = [];
  const nf = s.nDisadvantaged;
  const no = s.nOther;
  if (nf === 0 || no === 0) {
    parts.push(`No gap: ${[nf === 0 ? groupSize(0, comp.focus) : '', no === 0 ? groupSize(0, comp.others) : ''].filter(Boolean).join(' and ')}.`);
  } else if (nf < SMALL_GROUP_SIZE || no < SMALL_GROUP_SIZE) {
    const small = [nf < SMALL_GROUP_SIZE ? groupSize(nf, comp.focus) : '', no < SMALL_GROUP_SIZE ? groupSize(no, comp.others) : ''].filter(Boolean).join(' and ');
    parts.push(`Too few pupils to tell: ${small}, fewer than ${SMALL_GROUP_SIZE}.`);
  } else if (noSpread) {
    parts.push('Too few pupils to tell: every pupil in a group has the same score, so the group shows no spread.');
  }
  if (s.floored && nf >= 2 && no >= 2) parts.push('The interval is kept no narrower than a pooled-spread interval.');
  if (p.unknownCount > 0) {
    parts.push(`${p.unknownCount} ${p.unknownCount === 1 ? 'cell was' : 'cells were'} not readable as ${scaleName} and left out (${p.unknown.map((u) => `"${u}"`).join(', ')}).`);
  }
  return parts.join(' ');
}

/** The checks of every assessment column: scale, threshold and why, unreadable share, balance. */
export function checkAssessments(data: GapTable, options: Pick<GapReportOptions, 'assessments' | 'threshold'>): AssessmentCheck[] {
  return options.assessments.map((a) => {
    checkColumn(data, a.index, 'assessment');
    const p = pointsOf(data, a);
    const header = data.headers[a.index];
    const name = scaleNameOf(a.scale, p.points);
    const t = thresholdOf(a, options, p.points);
    const unreadable = unreadableShare(
      data.rows.map((r) => r[a.index]),
      (cell) => {
        const v = gradeValue(cell, a.scale);
        return v === undefined || v === null ? NaN : v;
      },
      `"${header}"`,
      name,
    );
    return { index: a.index, header, scaleName: name, threshold: t.threshold, thresholdReason: t.reason, unreadable, balanceWarning: t.threshold === null ? '' : thresholdBalance(p.points, t.threshold).warning };
  });
}

function thresholdOf(a: GapAssessment, options: Pick<GapReportOptions, 'threshold'>, points: ArrayLike<number>): { threshold: number | null; reason: string } {
  if (a.threshold === null) return { threshold: null, reason: 'no threshold set' };
  const own = a.threshold ?? options.threshold;
  if (own !== undefined) {
    if (!Number.isFinite(own)) throw valueError(`The threshold must be a number of points, but it is ${own}.`);
    return { threshold: own, reason: `the threshold set (${pointsText(own)})` };
  }
  return defaultThresholdOf(a.scale, points);
}

/** An assessment's threshold: its own, else the analysis's, else its scale's standard (null = none). */
export function thresholdFor(data: GapTable, a: GapAssessment, options: Pick<GapReportOptions, 'threshold'>): number | null {
  return thresholdOf(a, options, pointsOf(data, a).points).threshold;
}

/** The message when blank flags must be explained before the analysis can run. */
export function blankQuestion(column: Pick<FlagColumn, 'blanks' | 'negativeExample'>, header: string): string {
  return `The disadvantaged column "${header}" has ${column.blanks} blank ${column.blanks === 1 ? 'cell' : 'cells'} as well as explicit "${column.negativeExample}": say whether a blank means "not disadvantaged" or "unknown" (leave those pupils out).`;
}

/** Runs every comparison on every assessment, in subject and time order. */
export function analyseGaps(data: GapTable, options: GapReportOptions): GapAnalysis {
  const c = options.columns;
  const confidence = options.confidence ?? 0.95;
  if (!isConfidenceLevel(confidence)) throw valueError(`The confidence level must be between 0 and 1 (e.g. 0.95), but it is ${confidence}.`);
  if (data.rows.length === 0) throw valueError('The data has headers but no pupils: choose a table or range with pupils in it.');
  checkColumn(data, c.disadvantaged, 'disadvantaged');
  for (const [k, what] of [[c.send, 'SEND'], [c.eal, 'EAL'], [c.gender, 'gender'], [c.priorBand, 'prior band'], [c.id, 'pupil ID'], [c.form, 'form']] as const) checkColumn(data, k, what);
  for (const k of c.names ?? []) checkColumn(data, k, 'name');
  if (options.assessments.length === 0) throw valueError('Choose at least one assessment column to analyse.');
  const checks = checkAssessments(data, options);
  const reference = readReference(options.reference);

  const probe = flagColumnOf(data, c.disadvantaged, 'disadvantaged', 'not disadvantaged');
  if (probe.blanksAmbiguous && options.blanks === undefined) throw valueError(blankQuestion(probe, data.headers[c.disadvantaged]));
  const reading: BlankFlags = probe.blanksAmbiguous ? (options.blanks as BlankFlags) : probe.blanks > 0 && options.blanks === 'unknown' ? 'unknown' : 'not disadvantaged';
  const flags = reading === 'unknown' ? flagColumnOf(data, c.disadvantaged, 'disadvantaged', 'unknown') : probe;
  const disadvantaged: Array<boolean | null> = Array.from(flags.codes, (x) => (x === FLAG_CODE_UNKNOWN ? null : x === FLAG_CODE_FLAGGED));
  const comps = comparisons(data, c, disadvantaged);

  // Assessments in subject order (first appearance), then time order within a subject.
  const subjects = new Map<string, Array<{ a: GapAssessment; subject: string; point: string; order: number }>>();
  for (const a of options.assessments) {
    const s = splitAssessmentHeader(data.headers[a.index]);
    const key = subjectKey(s.subject);
    const list = subjects.get(key) ?? [];
    list.push({ a, subject: s.subject, point: s.label, order: s.order });
    subjects.set(key, list);
  }
  const ordered = [...subjects.values()].map((list) => list.sort((x, y) => x.order - y.order || x.a.index - y.a.index));

  const results: GapResult[] = [];
  const referenceUse: ReferenceUse | null = reference && options.reference ? { source: options.reference.description, holds: describeReference(reference), used: [], notUsed: [] } : null;
  const pointsByIndex = new Map<number, ColumnPoints>();
  const checkOf = new Map(checks.map((k) => [k.index, k]));
  for (const list of ordered) {
    const previous = new Map<string, { r: GapResult; points: Float64Array }>();
    list.forEach(({ a, subject, point }, at) => {
      const p = pointsOf(data, a);
      pointsByIndex.set(a.index, p);
      const check = checkOf.get(a.index) as AssessmentCheck;
      const threshold = check.threshold;
      const fit = reference ? referenceFits(reference, p.points) : null;
      if (referenceUse && fit) {
        if (fit.fits) referenceUse.used.push(data.headers[a.index]);
        else referenceUse.notUsed.push({ header: data.headers[a.index], why: fit.why });
      }
      for (const comp of comps) {
        const sp = split(p.points, comp.member);
        const summary = gapSummaryOf(sp.focus, sp.others, confidence, { smallGroups: 'floor' });
        // Pupils in the comparison with no score, and (for the disadvantaged comparisons) pupils
        // with a score whose status is unknown.
        let unknownStatus = 0;
        if (comp.kind === 'disadvantaged') {
          for (let k = 0; k < p.points.length; k++) if (disadvantaged[k] === null && p.points[k] === p.points[k]) unknownStatus++;
        }
        summary.leftOut = sp.noScore + unknownStatus;
        const both = summary.nDisadvantaged > 0 && summary.nOther > 0;
        const noSpread = both && ((sp.focus.length >= 2 && variance(sp.focus) === 0) || (sp.others.length >= 2 && variance(sp.others) === 0));
        const tooFew = both && (summary.smallGroup || noSpread);
        const prev = previous.get(comp.label);
        let change: GapChange | null = null;
        if (prev) {
          const flagged: boolean[] = [];
          const before: number[] = [];
          const after: number[] = [];
          for (let k = 0; k < p.points.length; k++) {
            const m = comp.member[k];
            if (m === null) continue;
            flagged.push(m);
            before.push(prev.points[k]);
            after.push(p.points[k]);
          }
          change = gapChangeOf(before, after, flagged, confidence);
        }
        const [effectLower, effectUpper] = effectInterval(summary, sp.focus, sp.others);
        const index = reportGapIndex(summary, sp, reference, fit?.fits ?? false, confidence);
        const r: GapResult = {
          subject,
          point,
          header: data.headers[a.index],
          index: a.index,
          kind: comp.kind,
          comparison: comp.label,
          focus: comp.focus,
          others: comp.others,
          summary,
          gapIndex: index,
          effectLower,
          effectUpper,
          latest: comp.kind === 'disadvantaged' && at === list.length - 1,
          headline: comp.kind === 'disadvantaged' && at === list.length - 1,
          tooFew,
          adjustedP: NaN,
          clear: false,
          verdict: both ? 'no clear gap' : 'no gap',
          threshold,
          focusAtThreshold: share(p.points, comp.member, true, threshold),
          othersAtThreshold: share(p.points, comp.member, false, threshold),
          thresholdGap: both && threshold !== null ? thresholdGapOf(sp.focus, sp.others, threshold) : NaN,
          change,
          changeAdjustedP: NaN,
          changeWord: '',
          changeFrom: prev ? prev.r.point : null,
          unknownGrades: p.unknown,
          note: [noteFor(summary, p, check.scaleName, comp, noSpread), fit && !fit.fits ? `No gap index: ${fit.why}.` : ''].filter(Boolean).join(' '),
        };
        results.push(r);
        previous.set(comp.label, { r, points: p.points });
      }
    });
  }

  const outcomes = outcomesOf(data, options, disadvantaged, confidence);
  const chance = allowForChance(results, outcomes?.results ?? [], confidence);
  const bot = backOnTrack(data, options, disadvantaged, ordered, pointsByIndex, checkOf, outcomes?.absent ?? []);
  return {
    results,
    backOnTrack: bot.rows,
    backOnTrackNotes: bot.notes,
    confidence,
    chance,
    blankFlags: { blanks: flags.blanks, explicitNegatives: flags.explicitNegatives, negativeExample: flags.negativeExample, ambiguous: flags.blanksAmbiguous, reading },
    checks,
    used: { disadvantaged: data.headers[c.disadvantaged], groups: comps.slice(1).map((x) => x.label) },
    outcomes: outcomes ? outcomes.model : null,
    reference: referenceUse,
  };
}

/**
 * The outcomes beside attainment: the outcomes analysis over the same pupils, with the flags as this
 * analysis read them (pupils of unknown status in neither group). Null when no outcome column is chosen.
 */
function outcomesOf(
  data: GapTable,
  options: GapReportOptions,
  disadvantaged: Array<boolean | null>,
  confidence: number,
): { model: GapOutcomes; results: OutcomeGapResult[]; absent: PersistentAbsentee[] } | null {
  const o = options.outcomes;
  if (!o) return null;
  const chosen = Object.entries(o.columns).filter(([, i]) => i !== undefined) as Array<[string, number]>;
  if (chosen.length === 0) return null;
  const c = options.columns;
  const a = analyseOutcomes(data, {
    disadvantaged: c.disadvantaged,
    columns: o.columns,
    destinationMapping: o.destinationMapping,
    idColumn: c.id,
    nameColumns: c.names ?? [],
    confidence,
    flags: disadvantaged,
  });
  // The outcomes analysis's own allowance for chance is replaced by the report's (allowForChance).
  const results: OutcomeGapResult[] = a.results.map((r) => {
    const tooFew = r.small || !(r.upper > r.lower);
    const small = [r.nDisadvantaged < SMALL_GROUP_SIZE ? groupSize(r.nDisadvantaged, 'disadvantaged') : '', r.nOther < SMALL_GROUP_SIZE ? groupSize(r.nOther, 'others') : ''].filter(Boolean).join(' and ');
    const note = !tooFew ? r.note : r.small ? `Too few pupils to tell: ${small}, fewer than ${SMALL_GROUP_SIZE}.` : 'Too few pupils to tell: the groups show no spread to tell a gap from chance.';
    return { ...r, adjustedP: NaN, clear: false, tooFew, verdict: 'no clear gap', note };
  });
  const columns = [...new Set(chosen.map(([, i]) => i))].sort((x, y) => x - y).map((i) => data.headers[i]);
  return {
    model: { results, notes: a.notes, columns, longTermCounts: a.longTermCounts, persistentlyAbsent: a.persistentlyAbsent.length },
    results,
    absent: a.persistentlyAbsent,
  };
}

/**
 * The national reference read from the options (null when none), or `#VALUE!` saying what is wrong
 * with it and what to choose instead (the task pane shows the same message before running).
 */
export function readReference(given: GapReportOptions['reference']): NationalReference | null {
  if (!given) return null;
  try {
    return nationalReference(given.cells);
  } catch (e) {
    throw valueError(`The national reference (${given.description}) cannot be used: ${e instanceof Error ? e.message : String(e)}. Choose one column of national scores, or a table of score and cumulative percentage.`);
  }
}

/** The gap index a row shows: national with a reference that fits the column, none with one that does not, else the school's ranks. */
function reportGapIndex(summary: GapSummary, sp: Split, reference: NationalReference | null, fits: boolean, confidence: number): GapIndexResult {
  if (!reference) return { value: summary.gapIndex, lower: summary.gapIndexLower, upper: summary.gapIndexUpper, ranks: 'school' };
  if (!fits) return { value: NaN, lower: NaN, upper: NaN, ranks: null };
  if (sp.focus.length === 0 || sp.others.length === 0) return { value: NaN, lower: NaN, upper: NaN, ranks: 'national' };
  const n = gapIndexNationalIntervalOf(sp.focus, sp.others, reference, confidence);
  return { value: n.index, lower: n.lower, upper: n.upper, ranks: 'national' };
}

/**
 * The allowance for chance: headline rows are clear when their interval excludes 0; every other
 * gap and every change is adjusted together with Benjamini-Hochberg at q = 1 - confidence.
 */
function allowForChance(results: GapResult[], outcomes: OutcomeGapResult[], confidence: number): ChanceSummary {
  const q = 1 - confidence;
  const ps: number[] = [];
  const slots: Array<{ r: GapResult; what: 'gap' | 'change' } | { o: OutcomeGapResult; what: 'outcome' }> = [];
  let headline = 0;
  for (const r of results) {
    r.adjustedP = NaN;
    r.changeAdjustedP = NaN;
    r.changeWord = '';
    r.clear = false;
    if (r.headline) {
      if (r.summary.p === r.summary.p) headline++;
      r.clear = !r.tooFew && (r.summary.ciLower > 0 || r.summary.ciUpper < 0);
    } else if (r.summary.p === r.summary.p) {
      ps.push(r.summary.p);
      slots.push({ r, what: 'gap' });
    }
    if (r.change && r.change.p === r.change.p) {
      ps.push(r.change.p);
      slots.push({ r, what: 'change' });
    }
  }
  // Every outcome comparison is one more in the family: none is a headline.
  for (const o of outcomes) {
    if (o.p === o.p) {
      ps.push(o.p);
      slots.push({ o, what: 'outcome' });
    }
  }
  const allowance = chanceAllowance(ps, q, q);
  slots.forEach((slot, i) => {
    if (slot.what === 'outcome') {
      slot.o.adjustedP = allowance.adjusted[i];
      slot.o.clear = !slot.o.tooFew && allowance.clear[i];
      return;
    }
    const { r, what } = slot;
    if (what === 'gap') {
      r.adjustedP = allowance.adjusted[i];
      r.clear = !r.tooFew && allowance.clear[i];
    } else {
      r.changeAdjustedP = allowance.adjusted[i];
      const c = r.change as GapChange;
      r.changeWord = allowance.clear[i] ? changeWord(c.ciLower, c.ciUpper) : 'no clear change';
    }
  });
  for (const r of results) {
    if (r.change && r.changeWord === '') r.changeWord = r.change.word === '' ? '' : 'no clear change';
    if (r.verdict === 'no gap') continue;
    r.verdict = r.tooFew ? 'too few pupils to tell' : r.clear ? 'clear gap' : 'no clear gap';
  }
  for (const o of outcomes) o.verdict = o.tooFew ? 'too few pupils to tell' : o.clear ? 'clear gap' : 'no clear gap';
  const comparisons = headline + allowance.comparisons;
  return { comparisons, headline, adjusted: allowance.comparisons, expectedByChance: comparisons * q, q };
}

/**
 * The allowance for chance over a split report (the whole data first, then each group's), as over
 * one report: the whole data's headline comparisons are judged on their own intervals; every other
 * gap and change, each group's latest-point gaps among them, is adjusted together with
 * Benjamini-Hochberg. Rewrites each part's verdicts and chance summary in place.
 *
 * @throws `#VALUE!` when the parts were analysed at different confidence levels.
 */
export function allowForChanceAcross(parts: GapAnalysis[]): void {
  if (parts.length === 0) return;
  const confidence = parts[0].confidence;
  if (parts.some((a) => a.confidence !== confidence)) throw valueError('The parts of a split report must share one confidence level.');
  parts.forEach((a, k) => {
    for (const r of a.results) r.headline = k === 0 && r.latest;
  });
  const chance = allowForChance(parts.flatMap((a) => a.results), parts.flatMap((a) => a.outcomes?.results ?? []), confidence);
  for (const a of parts) a.chance = { ...chance, parts: parts.length };
}

/** A share as a percentage with one decimal: 0.8567 -> "85.7%". */
function percentText(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** A number of points as text, rounded to 2 decimals: "4", "3.25" (never "-0"). */
export function pointsText(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/**
 * One pupil's result as the grade it is on the column's scale ("B", "4b", "5+"); a column of plain
 * numbers outside 0-9 (scaled or standardised scores, marks) keeps its numbers. `looks` is what the
 * column's numbers look like (`numericScale`, worked out once per column, not once per pupil).
 */
function gradeOf(x: number, scale: GradeScale, looks: NumericScale): string {
  return scale === 'gcse' && looks !== 'gcse' ? pointsText(x) : gradeText(x, scale);
}

function backOnTrack(
  data: GapTable,
  options: GapReportOptions,
  disadvantaged: Array<boolean | null>,
  ordered: Array<Array<{ a: GapAssessment; subject: string; point: string }>>,
  points: Map<number, ColumnPoints>,
  checks: Map<number, AssessmentCheck>,
  absent: readonly PersistentAbsentee[],
): { rows: BackOnTrackRow[]; notes: string[] } {
  const c = options.columns;
  const text = (r: Cell[], i: number | null | undefined) => (i === null || i === undefined || isBlank(r[i]) ? '' : String(r[i]).trim());
  const byPupil = new Map<number, BehindIn[]>();
  const notes: string[] = [];
  for (const list of ordered) {
    const first = list[0];
    const last = list[list.length - 1];
    const latest = (points.get(last.a.index) as ColumnPoints).points;
    const start = (points.get(first.a.index) as ColumnPoints).points;
    const threshold = (checks.get(last.a.index) as AssessmentCheck).threshold;
    const min = minShortfallOf(last.a.scale, latest);
    let va: ReturnType<typeof backOnTrackOf> | null = null;
    if (list.length < 2) notes.push(`${last.subject}: one assessment point only, so progress from similar starting points is not measured.`);
    else if (min === null) notes.push(`${last.subject}: the scale has no step the add-in knows, so progress from similar starting points is not measured.`);
    else {
      try {
        va = backOnTrackOf(start, latest, min);
      } catch (e) {
        notes.push(`${last.subject}: progress from similar starting points is not measured (${e instanceof Error ? e.message : String(e)}).`);
      }
    }
    const step = min ?? 1;
    const startLooks = numericScale(start);
    const latestLooks = numericScale(latest);
    for (let k = 0; k < data.rows.length; k++) {
      if (disadvantaged[k] !== true) continue;
      const score = latest[k];
      const v = va?.pupils[k] ?? null;
      const below = threshold !== null && score === score && score < threshold;
      const behind = v !== null && v.flagged;
      if (!below && !behind) continue;
      const reasons: string[] = [];
      // One pupil's results as grades where the scale has them ("B", "4b", "5+"); differences as points.
      if (behind) reasons.push(`${pointsText((v as { shortfall: number }).shortfall)} points behind pupils who started at ${gradeOf(start[k], first.a.scale, startLooks)} on ${data.headers[first.a.index]}`);
      if (below) reasons.push(`below ${gradeOf(threshold as number, last.a.scale, latestLooks)} on ${data.headers[last.a.index]} (${gradeOf(score, last.a.scale, latestLooks)})`);
      const steps = Math.max(behind ? (v as { shortfall: number }).shortfall : 0, below ? (threshold as number) - score : 0) / step;
      const item: BehindIn = {
        subject: last.subject,
        latest: data.headers[last.a.index],
        latestScore: score === score ? score : null,
        shortfall: v ? v.shortfall : null,
        belowThreshold: below ? threshold : null,
        steps,
        reason: `${last.subject}: ${reasons.join('; ')}`,
      };
      const items = byPupil.get(k) ?? [];
      items.push(item);
      byPupil.set(k, items);
    }
  }
  // Persistent absence: the outcomes analysis's list (persistentlyAbsentDisadvantaged), one more
  // reason beside the subjects. It counts one step, severe absence (50%+ missed) two.
  const oc = options.outcomes?.columns;
  const attendanceHeader =
    oc?.sessionsAttended !== undefined && oc.sessionsPossible !== undefined ? `${data.headers[oc.sessionsAttended]} / ${data.headers[oc.sessionsPossible]}` : oc?.attendance !== undefined ? data.headers[oc.attendance] : '';
  for (const p of absent) {
    if (disadvantaged[p.row] !== true) continue;
    const severe = isSeverelyAbsent(p.attendance);
    const long = p.length === 'long-term' ? '; long-term disadvantaged (90%+ of their time on free school meals)' : '';
    const item: BehindIn = {
      subject: 'Attendance',
      latest: attendanceHeader,
      latestScore: null,
      shortfall: null,
      belowThreshold: null,
      steps: severe ? 2 : 1,
      reason: `Attendance: ${severe ? 'severely' : 'persistently'} absent, ${percentText(p.attendance)} of sessions attended (${percentText(1 - p.attendance)} missed; ${severe ? '50%' : '10%'} or more is ${severe ? 'severe' : 'persistent'} absence)${long}`,
      attendance: p.attendance,
    };
    const items = byPupil.get(p.row) ?? [];
    items.push(item);
    byPupil.set(p.row, items);
  }
  // Forename before surname, whatever the data's order (core/columns/names).
  const nameColumns = orderNameColumns(data.headers, c.names ?? []);
  const rows: BackOnTrackRow[] = [...byPupil.entries()].map(([k, subjects]) => {
    const r = data.rows[k];
    return {
      row: k,
      id: text(r, c.id),
      name: nameColumns.map((i) => text(r, i)).filter((s) => s !== '').join(' '),
      form: text(r, c.form),
      subjects,
      behind: subjects.reduce((s, x) => s + x.steps, 0),
    };
  });
  rows.sort((x, y) => y.behind - x.behind || x.row - y.row);
  return { rows, notes };
}

/** The measures a report shows: every one unless the options leave some out. */
export function measuresOf(options: GapReportOptions): GapMeasures {
  return { effectSize: true, gapIndex: true, threshold: true, ...options.measures };
}
