/**
 * The gap analysis: reads the flag and group columns of a table of pupils, splits them into the
 * comparisons asked for, runs the core's gap summary on each assessment, works out the change between
 * assessment points and lists the disadvantaged pupils to get back on track. Pure: plain values in,
 * a model out; the report sheet (src/sheets/gapReport.ts) only lays it out.
 */
import { FLAG_INVALID, FLAG_TRUE, describeValue, isBlank, readFlag, readLabel } from '../cells';
import { isConfidenceLevel, valueError } from '../errors';
import { gapSummary, type GapSummary } from './gapSummary';
import { thresholdGap } from './thresholdGap';
import { gradeValue, scaleLabel, type GradeScale } from '../grades/scales';
import { splitAssessmentHeader } from '../columns/points';

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
  /** Name columns (e.g. surname and forename), joined for the Back on Track list. */
  names?: number[];
  /** Form or class, for the Back on Track list. */
  form?: number | null;
}

/** One assessment column to analyse. */
export interface GapAssessment {
  index: number;
  /** How its cells become points (numbers pass through on every scale). */
  scale: GradeScale;
  /** Threshold in points for this column; default: the report's threshold. */
  threshold?: number;
}

export interface GapReportOptions {
  columns: GapReportColumns;
  assessments: GapAssessment[];
  /** Threshold in points for columns without their own (default 4: the GCSE standard pass). */
  threshold?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
  /** Measures shown beside each gap and its interval (default: all of them). */
  measures?: Partial<GapMeasures>;
}

/** The measures a report can show beside the gap, its interval and the group sizes and means. */
export interface GapMeasures {
  /** Hedges' g. */
  effectSize: boolean;
  /** The DfE-style gap index from ranks. */
  gapIndex: boolean;
  /** The shares at or above the threshold and their gap in percentage points. */
  threshold: boolean;
}


export type ComparisonKind = 'disadvantaged' | 'send' | 'eal' | 'gender' | 'priorBand';

/** One comparison on one assessment. */
export interface GapResult {
  subject: string;
  /** The assessment point ("Aut", "Pre"), or the header when it has none. */
  point: string;
  header: string;
  index: number;
  kind: ComparisonKind;
  /** "Disadvantaged vs others", "SEND vs no SEND", "Disadvantaged vs others (Low band)". */
  comparison: string;
  focus: string;
  others: string;
  summary: GapSummary;
  threshold: number;
  /** Share of the focus group / comparison group at or above the threshold (NaN when empty). */
  focusAtThreshold: number;
  othersAtThreshold: number;
  /** The core's threshold gap (fraction); NaN when a group has no scores. */
  thresholdGap: number;
  /** Gap now minus gap at the previous point of the same subject and comparison; null at the first point. */
  change: number | null;
  changeFrom: string | null;
  /** Cells of this column that were not grades on its scale, e.g. ["ABS", "X"] (up to 5). */
  unknownGrades: string[];
  note: string;
}

/** One disadvantaged pupil to get back on track in one subject. */
export interface BackOnTrackRow {
  row: number;
  id: string;
  name: string;
  form: string;
  subject: string;
  latest: string;
  latestScore: number | null;
  progress: number | null;
  cohortProgress: number | null;
  reason: string;
}

export interface GapAnalysis {
  results: GapResult[];
  backOnTrack: BackOnTrackRow[];
  confidence: number;
  /** Headers of the columns used, for the report header. */
  used: { disadvantaged: string; groups: string[] };
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

/** Each row's flag from a yes/no column; `#VALUE!` naming the column and row for anything else. */
function flagsOf(data: GapTable, index: number, what: string): boolean[] {
  return data.rows.map((r, i) => {
    const f = readFlag(r[index]);
    if (f === FLAG_INVALID) {
      throw valueError(
        `The ${what} column "${data.headers[index]}" holds ${describeValue(r[index])} in data row ${i + 1}, which is not a yes/no value ` +
          `(use Y/blank, Yes/No, TRUE/FALSE or 1/0): check that the right column is chosen, or correct that cell.`,
      );
    }
    return f === FLAG_TRUE;
  });
}

/** The default threshold in points: 4, the GCSE standard pass. */
export const DEFAULT_THRESHOLD = 4;

/** An assessment's threshold: its own, else the analysis's, else the default. */
export function thresholdFor(a: Pick<GapAssessment, 'threshold'>, options: Pick<GapReportOptions, 'threshold'>): number {
  return a.threshold ?? options.threshold ?? DEFAULT_THRESHOLD;
}

interface ColumnPoints {
  points: Array<number | null>;
  unknown: string[];
  unknownCount: number;
}

function pointsOf(data: GapTable, a: GapAssessment): ColumnPoints {
  const unknown = new Set<string>();
  let unknownCount = 0;
  const points = data.rows.map((r) => {
    const v = gradeValue(r[a.index], a.scale);
    if (v === undefined) {
      unknownCount++;
      if (unknown.size < 5) unknown.add(String(r[a.index]).trim());
      return null;
    }
    return v;
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

function comparisons(data: GapTable, c: GapReportColumns, disadvantaged: boolean[]): Comparison[] {
  const out: Comparison[] = [{ kind: 'disadvantaged', label: 'Disadvantaged vs others', focus: 'Disadvantaged', others: 'Others', member: disadvantaged }];
  if (c.send !== null && c.send !== undefined) {
    const i = c.send;
    out.push({ kind: 'send', label: 'SEND vs no SEND', focus: 'SEND', others: 'No SEND', member: data.rows.map((r) => !NOT_SEND.has(readLabel(r[i]))) });
  }
  if (c.eal !== null && c.eal !== undefined) {
    out.push({ kind: 'eal', label: 'EAL vs not EAL', focus: 'EAL', others: 'Not EAL', member: flagsOf(data, c.eal, 'EAL') });
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
        focus: `Disadvantaged, ${shown}`,
        others: `Others, ${shown}`,
        member: data.rows.map((r, k) => (readLabel(r[i]) === key ? disadvantaged[k] : null)),
      });
    }
  }
  return out;
}

function share(points: ReadonlyArray<number | null>, member: ReadonlyArray<boolean | null>, want: boolean, threshold: number): number {
  let n = 0;
  let hit = 0;
  for (let k = 0; k < points.length; k++) {
    const x = points[k];
    if (member[k] !== want || x === null) continue;
    n++;
    if (x >= threshold) hit++;
  }
  return n === 0 ? NaN : hit / n;
}

function noteFor(s: GapSummary, p: ColumnPoints, scale: GradeScale, comparison: Comparison): string {
  const parts: string[] = [];
  if (s.note) parts.push(s.note);
  if (Number.isNaN(s.gap) && s.unavailable.gap) parts.push(`No gap: ${s.unavailable.gap.replace('disadvantaged pupil', `${comparison.focus.toLowerCase()} pupil`)}.`);
  else if (Number.isNaN(s.ciLower) && s.unavailable.ciLower) parts.push(`No interval: ${s.unavailable.ciLower}.`);
  if (p.unknownCount > 0) {
    parts.push(`${p.unknownCount} cell${p.unknownCount === 1 ? ' was' : 's were'} not a grade on ${scaleLabel(scale)} and left out (${p.unknown.map((u) => `"${u}"`).join(', ')}).`);
  }
  return parts.join(' ');
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
  for (const a of options.assessments) {
    checkColumn(data, a.index, 'assessment');
    const t = thresholdFor(a, options);
    if (!Number.isFinite(t)) throw valueError(`The threshold for "${data.headers[a.index]}" must be a number of points.`);
  }

  const disadvantaged = flagsOf(data, c.disadvantaged, 'disadvantaged');
  const comps = comparisons(data, c, disadvantaged);

  // Assessments in subject order (first appearance), then time order within a subject.
  const subjects = new Map<string, Array<{ a: GapAssessment; subject: string; point: string; order: number }>>();
  for (const a of options.assessments) {
    const s = splitAssessmentHeader(data.headers[a.index]);
    const key = s.subject.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const list = subjects.get(key) ?? [];
    list.push({ a, subject: s.subject, point: s.label, order: s.order });
    subjects.set(key, list);
  }
  const ordered = [...subjects.values()].map((list) => list.sort((x, y) => x.order - y.order || x.a.index - y.a.index));

  const results: GapResult[] = [];
  const pointsByIndex = new Map<number, ColumnPoints>();
  for (const list of ordered) {
    const previous = new Map<string, GapResult>();
    for (const { a, subject, point } of list) {
      const p = pointsOf(data, a);
      pointsByIndex.set(a.index, p);
      const threshold = thresholdFor(a, options);
      for (const comp of comps) {
        const scores: Array<[number | null]> = [];
        const flags: Array<[boolean]> = [];
        for (let k = 0; k < p.points.length; k++) {
          const m = comp.member[k];
          if (m === null) continue;
          scores.push([p.points[k]]);
          flags.push([m]);
        }
        const summary = gapSummary(scores, flags, confidence);
        const both = summary.nDisadvantaged > 0 && summary.nOther > 0;
        const prev = previous.get(comp.label);
        const change = prev && Number.isFinite(prev.summary.gap) && Number.isFinite(summary.gap) ? summary.gap - prev.summary.gap : null;
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
          threshold,
          focusAtThreshold: share(p.points, comp.member, true, threshold),
          othersAtThreshold: share(p.points, comp.member, false, threshold),
          thresholdGap: both ? thresholdGap(scores, flags, threshold) : NaN,
          change,
          changeFrom: prev ? prev.point : null,
          unknownGrades: p.unknown,
          note: noteFor(summary, p, a.scale, comp),
        };
        results.push(r);
        previous.set(comp.label, r);
      }
    }
  }

  return {
    results,
    backOnTrack: backOnTrack(data, options, disadvantaged, ordered, pointsByIndex),
    confidence,
    used: { disadvantaged: data.headers[c.disadvantaged], groups: comps.slice(1).map((x) => x.label) },
  };
}

function mean(xs: number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** A number of points as text, rounded to 2 decimals: "4", "3.25". */
export function pointsText(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function signed(x: number): string {
  const r = Math.round(x * 100) / 100;
  return r > 0 ? `+${r}` : String(r);
}

function backOnTrack(
  data: GapTable,
  options: GapReportOptions,
  disadvantaged: boolean[],
  ordered: Array<Array<{ a: GapAssessment; subject: string; point: string }>>,
  points: Map<number, ColumnPoints>,
): BackOnTrackRow[] {
  const c = options.columns;
  const text = (r: Cell[], i: number | null | undefined) => (i === null || i === undefined || isBlank(r[i]) ? '' : String(r[i]).trim());
  const out: BackOnTrackRow[] = [];
  for (const list of ordered) {
    const first = list[0];
    const last = list[list.length - 1];
    const threshold = thresholdFor(last.a, options);
    const latest = (points.get(last.a.index) as ColumnPoints).points;
    const start = (points.get(first.a.index) as ColumnPoints).points;
    const hasProgress = list.length > 1;
    const progressOf = (k: number) => {
      const x = latest[k];
      const y = start[k];
      return hasProgress && x !== null && y !== null ? x - y : null;
    };
    const all: number[] = [];
    for (let k = 0; k < latest.length; k++) {
      const g = progressOf(k);
      if (g !== null) all.push(g);
    }
    const cohort = mean(all);
    for (let k = 0; k < data.rows.length; k++) {
      if (!disadvantaged[k]) continue;
      const reasons: string[] = [];
      const score = latest[k];
      if (score !== null && score < threshold) reasons.push(`Below ${pointsText(threshold)} on ${last.a.index === first.a.index ? data.headers[last.a.index] : `${data.headers[last.a.index]} (latest)`}: ${pointsText(score)}`);
      const g = progressOf(k);
      if (g !== null && cohort !== null && g < cohort) reasons.push(`Progress since ${data.headers[first.a.index]} ${signed(g)}, below the cohort's average ${signed(cohort)}`);
      if (reasons.length === 0) continue;
      const r = data.rows[k];
      out.push({
        row: k,
        id: text(r, c.id),
        name: (c.names ?? []).map((i) => text(r, i)).filter((s) => s !== '').join(' '),
        form: text(r, c.form),
        subject: last.subject,
        latest: data.headers[last.a.index],
        latestScore: score,
        progress: g,
        cohortProgress: hasProgress ? cohort : null,
        reason: reasons.join('; '),
      });
    }
  }
  return out;
}

/** The measures a report shows: every one unless the options leave some out. */
export function measuresOf(options: GapReportOptions): GapMeasures {
  return { effectSize: true, gapIndex: true, threshold: true, ...options.measures };
}
