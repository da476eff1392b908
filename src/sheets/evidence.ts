/**
 * Evidence from the workbook's own reports, for the checklist statements about using data and
 * about evaluating impact.
 *
 * What it is for: a leader rating "we use data to track disadvantaged pupils" can cite the latest
 * gap report, and one rating "we evaluate impact" can cite the latest intervention evaluations,
 * with their dates and headline figures, in one click. The figures are read from the sheets'
 * values (whatever a colleague left there), never recomputed, so the citation says what the
 * sheet says.
 *
 * Sheets are recognised by name: "Gap report YYYY-MM-DD" (title "Gap analysis"), "Impact <name>
 * YYYY-MM-DD" and the "Interventions register". Columns are found by their header words, so the
 * reader survives changes in the reports' layout; anything it cannot read is left out of the
 * citation rather than guessed.
 */
import { readScore } from '../core/cells';
import { readDateCell } from '../core/dates';
import { monthsWords } from '../core/interventions/criteria';
import type { CellValue } from '../workbook/port';

import { REGISTER_SHEET } from './interventionReport';
import { fixed } from '../core/numberText';
export { REGISTER_SHEET };

const GAP_REPORT_NAME = /^Gap report (\d{4}-\d{2}-\d{2})(?: (?!\(\d+\)$)(.+?))?(?: \((\d+)\))?$/i;
const IMPACT_NAME = /^Impact (.+?) (\d{4}-\d{2}-\d{2})(?: \((\d+)\))?$/i;

/** A sheet found by its dated name. */
export interface DatedSheet {
  name: string;
  date: string;
  /** The " (2)" suffix Excel-style naming adds for a second report the same day; 1 without. */
  copy: number;
  /** For impact sheets: the intervention's name; for gap reports: the data's name, when the name has it. */
  label?: string;
}

/** A gap headline read from a gap report. */
export interface GapFigure {
  /** The subject, or the assessment when the report has no subject column ("Maths"). */
  measure: string;
  /** The assessment column, when the report names it beside the subject ("Ma Sum"). */
  assessment: string | null;
  /** The group compared, when the report says ("Disadvantaged vs others"). */
  group: string | null;
  gap: number;
  lower: number | null;
  upper: number | null;
  /** Group sizes, when the report gives them. */
  n: number | null;
  nOthers: number | null;
}

export interface GapReportEvidence {
  sheet: string;
  date: string;
  figures: GapFigure[];
}

export interface InterventionFigure {
  name: string;
  date: string;
  effect: number | null;
  lower: number | null;
  upper: number | null;
  months: number | null;
  /** The sheet the figures came from. */
  sheet: string;
}

export interface WorkbookEvidence {
  gapReport: GapReportEvidence | null;
  /** Latest evaluations first (at most `MAX_EVALUATIONS`). */
  interventions: InterventionFigure[];
}

/** Evaluations cited at most. */
export const MAX_EVALUATIONS = 3;
/** Gap figures cited at most. */
export const MAX_GAP_FIGURES = 8;

/** Sheets named like a gap report or an impact evaluation, latest first (by date, then copy). */
export function datedSheets(names: readonly string[]): { gapReports: DatedSheet[]; impacts: DatedSheet[] } {
  const gapReports: DatedSheet[] = [];
  const impacts: DatedSheet[] = [];
  for (const name of names) {
    const g = GAP_REPORT_NAME.exec(name.trim());
    if (g) gapReports.push({ name, date: g[1], copy: g[3] ? Number(g[3]) : 1, ...(g[2] ? { label: g[2] } : {}) });
    const m = IMPACT_NAME.exec(name.trim());
    if (m) impacts.push({ name, date: m[2], copy: m[3] ? Number(m[3]) : 1, label: m[1] });
  }
  const latestFirst = (a: DatedSheet, b: DatedSheet) => (a.date === b.date ? b.copy - a.copy : a.date < b.date ? 1 : -1);
  return { gapReports: gapReports.sort(latestFirst), impacts: impacts.sort(latestFirst) };
}

type Rows = ReadonlyArray<ReadonlyArray<CellValue | unknown>>;

function lower(cell: unknown): string {
  return typeof cell === 'string' ? cell.trim().toLowerCase() : '';
}

function numberAt(row: ReadonlyArray<unknown>, c: number): number | null {
  if (c < 0) return null;
  const x = readScore(row[c]);
  return Number.isNaN(x) ? null : x;
}

const DISADVANTAGED = /disadv|fsm|pupil premium|\bpp\b/i;
/** Sub-group rows (within a prior band) are not headline rows. */
const SUBGROUP = /band|within/i;

interface GapColumns {
  measure: number;
  assessment: number;
  group: number;
  gap: number;
  lower: number;
  upper: number;
  n: number;
  nOthers: number;
}

function gapColumns(words: string[]): GapColumns | null {
  const gap = words.findIndex((w) => /^gap\b/.test(w) && !/index|%|threshold|change|percentage/.test(w));
  const ci = (side: string) => {
    const exact = words.findIndex((w) => new RegExp(`^(ci|95% ci|interval)? ?${side}`).test(w));
    return exact >= 0 ? exact : words.findIndex((w) => w.includes(side) && !/effect|index|change/.test(w));
  };
  const lo = ci('lower');
  const hi = ci('upper');
  if (gap < 0 || lo < 0 || hi < 0) return null;
  const subject = words.findIndex((w) => /^subject/.test(w));
  const assessment = words.findIndex((w) => /assessment|measure|column|score/.test(w));
  const measure = subject >= 0 ? subject : assessment >= 0 ? assessment : 0;
  return {
    measure,
    assessment: subject >= 0 && assessment >= 0 ? assessment : -1,
    group: words.findIndex((w) => /group|comparison/.test(w) && !/size|\bn\b|mean/.test(w)),
    gap,
    lower: lo,
    upper: hi,
    n: words.findIndex((w) => /^(disadvantaged|focus|group) n$/.test(w)),
    nOthers: words.findIndex((w) => /^(others|other|comparison) n$/.test(w)),
  };
}

/**
 * The headline gaps in a gap report's values: the rows of the first table with a gap column and
 * its interval's lower and upper limits (the report's headline table: disadvantaged vs others at
 * the latest point of each subject), for the disadvantaged group where the report names groups,
 * leaving out sub-groups (prior bands), in the report's order.
 *
 * @example gapFigures([["Assessment","Group","Gap","CI lower","CI upper"],["Maths","Disadvantaged",0.52,0.1,0.94]])
 * // [{ measure: "Maths", assessment: null, group: "Disadvantaged", gap: 0.52, lower: 0.1, upper: 0.94, n: null, nOthers: null }]
 */
export function gapFigures(values: Rows): GapFigure[] {
  const out: GapFigure[] = [];
  let cols: GapColumns | null = null;
  for (const row of values) {
    const header = gapColumns(row.map(lower));
    if (header) {
      if (out.length > 0) break; // the headline table is the first one with figures
      cols = header;
      continue;
    }
    if (!cols) continue;
    const g = numberAt(row, cols.gap);
    const label = row[cols.measure];
    if (g === null || typeof label !== 'string' || label.trim() === '') continue;
    const groupText = cols.group >= 0 && typeof row[cols.group] === 'string' ? (row[cols.group] as string).trim() : null;
    if (groupText !== null && groupText !== '' && (!DISADVANTAGED.test(groupText) || SUBGROUP.test(groupText))) continue;
    const assessment = cols.assessment >= 0 && typeof row[cols.assessment] === 'string' ? (row[cols.assessment] as string).trim() : '';
    out.push({
      measure: label.trim(),
      assessment: assessment || null,
      group: groupText || null,
      gap: g,
      lower: numberAt(row, cols.lower),
      upper: numberAt(row, cols.upper),
      n: numberAt(row, cols.n),
      nOthers: numberAt(row, cols.nOthers),
    });
  }
  return out;
}

/**
 * Evaluations in the register's values: one per row under a header with the intervention's name
 * and its effect size (date, interval and months when the register has them).
 */
export function registerFigures(values: Rows, sheet = REGISTER_SHEET): InterventionFigure[] {
  const out: InterventionFigure[] = [];
  let cols: { name: number; date: number; effect: number; lower: number; upper: number; months: number } | null = null;
  for (const row of values) {
    const words = row.map(lower);
    const effect = words.findIndex((w) => /effect/.test(w) && !/lower|upper/.test(w));
    const name = words.findIndex((w) => /intervention|^name$|programme/.test(w) && !/\bn\b|pupils|cost/.test(w));
    if (effect >= 0 && name >= 0 && !cols) {
      cols = {
        name,
        date: words.findIndex((w) => /date|evaluated|when/.test(w) && !/start|end|from|to$/.test(w)),
        effect,
        lower: words.findIndex((w) => /lower/.test(w)),
        upper: words.findIndex((w) => /upper/.test(w)),
        months: words.findIndex((w) => /month/.test(w)),
      };
      if (cols.date < 0) cols.date = words.findIndex((w) => /date|end/.test(w));
      continue;
    }
    if (!cols) continue;
    const nameCell = row[cols.name];
    if (typeof nameCell !== 'string' || nameCell.trim() === '') continue;
    const date = cols.date >= 0 ? readDateCell(row[cols.date]) : { iso: null, text: '' };
    out.push({
      name: nameCell.trim(),
      date: date.iso ?? date.text,
      effect: numberAt(row, cols.effect),
      lower: numberAt(row, cols.lower),
      upper: numberAt(row, cols.upper),
      months: numberAt(row, cols.months),
      sheet,
    });
  }
  return out;
}

/**
 * An evaluation's figures from an impact sheet's label/value rows ("Effect size" | 0.31,
 * "CI lower" | -0.05, "EEF months" | 4): the first number to the right of each label.
 */
export function impactFigures(values: Rows, sheet: DatedSheet): InterventionFigure {
  const find = (re: RegExp): number | null => {
    for (const row of values) {
      for (let c = 0; c < row.length; c++) {
        if (re.test(lower(row[c]))) {
          for (let k = c + 1; k < row.length; k++) {
            const x = numberAt(row, k);
            if (x !== null) return x;
          }
        }
      }
    }
    return null;
  };
  // The title says the intervention's full name ("Intervention impact: Reading tutoring"); the
  // sheet's name may be cut short to fit Excel's 31 characters.
  const title = values.length > 0 && typeof values[0][0] === 'string' ? /^[^:]*impact:\s*(.+)$/i.exec(values[0][0].trim()) : null;
  return {
    name: title ? title[1] : (sheet.label ?? sheet.name),
    date: sheet.date,
    effect: find(/^effect size|^hedges/),
    lower: find(/^(ci|95% ci|interval)? ?lower/),
    upper: find(/^(ci|95% ci|interval)? ?upper/),
    months: find(/months/),
    sheet: sheet.name,
  };
}

function fmt(x: number): string {
  return fixed(x, 2);
}

function interval(lo: number | null, hi: number | null): string {
  return lo !== null && hi !== null ? ` (95% CI ${fmt(lo)} to ${fmt(hi)})` : '';
}

/**
 * The citation added to a statement's evidence: each headline row with its assessment, group,
 * interval and group sizes.
 *
 * @example citeGapReport({ sheet: "Gap report 2026-11-22", date: "2026-11-22", figures: [maths 0.52, 0.10-0.94, 14 and 98] })
 * // "Gap report 2026-11-22, disadvantaged vs others: Maths (Ma Sum) gap 0.52 (95% CI 0.10 to 0.94; 14 disadvantaged, 98 others)."
 */
export function citeGapReport(e: GapReportEvidence): string {
  if (e.figures.length === 0) return `${e.sheet}: see the sheet for the gaps by subject and group.`;
  const group = e.figures[0].group ? e.figures[0].group.toLowerCase() : 'disadvantaged vs others';
  const parts = e.figures.slice(0, MAX_GAP_FIGURES).map((f) => {
    const what = f.assessment && f.assessment !== f.measure ? `${f.measure} (${f.assessment})` : f.measure;
    const inside = [f.lower !== null && f.upper !== null ? `95% CI ${fmt(f.lower)} to ${fmt(f.upper)}` : '', f.n !== null && f.nOthers !== null ? `${f.n} disadvantaged, ${f.nOthers} others` : '']
      .filter(Boolean)
      .join('; ');
    return `${what} gap ${fmt(f.gap)}${inside ? ` (${inside})` : ''}`;
  });
  return `${e.sheet}, ${group}: ${parts.join('; ')}.`;
}

/** EEF months in words: "about 4 months' additional progress", "about 1 month less progress". */
function monthsText(m: number): string {
  if (m === 0) return 'no additional progress in EEF months';
  const n = Math.abs(m);
  return m > 0 ? `about ${monthsWords(n)} additional progress` : `about ${n} ${n === 1 ? 'month' : 'months'} less progress`;
}

/** The citation of intervention evaluations, one sentence each. */
export function citeInterventions(list: readonly InterventionFigure[]): string {
  return list
    .slice(0, MAX_EVALUATIONS)
    .map((f) => {
      const when = f.date ? ` (evaluated ${f.date})` : '';
      if (f.effect === null) return `${f.name}${when}: see sheet "${f.sheet}".`;
      const months = f.months !== null ? `, ${monthsText(f.months)}` : '';
      return `${f.name}${when}: effect size ${fmt(f.effect)}${interval(f.lower, f.upper)}${months}.`;
    })
    .join(' ');
}
