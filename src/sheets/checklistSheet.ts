/**
 * The Checklist and Checklist history sheets, built from a checklist review.
 *
 * The Checklist sheet is an ordinary, printable sheet that colleagues without the add-in can read
 * and edit: one row per statement (Area, No., Statement, Rating, Points, Evidence, Owner, Next
 * action, Review date), a Points formula per row that turns the rating word into points with a
 * lookup on a rating key beside the table (plain Excel), per-area scores as plain formulas, and an
 * overall score both as `=GAPS.CHECKLISTSCORE(...)` (live with the add-in) and as a plain
 * `=AVERAGE(...)/3` beside it. The history sheet keeps one dated row per review and a chart of
 * the area scores now against the previous review.
 *
 * Pure: builds `SheetSpec`s; the workbook layer writes them.
 */
import type { Block, CellValue, ChartSpec, SheetSpec } from '../workbook/port';
import { readScore } from '../core/cells';
import { AREAS, areaOf, type AreaId } from '../core/checklist/items';
import { readDateCell } from '../core/dates';
import {
  COLUMNS,
  FIRST_ITEM_ROW,
  HEADER_ROW,
  HISTORY_FIRST_COLUMNS,
  HISTORY_HEADER_ROW,
  OVERALL_LABEL,
  SCORES_TITLE,
  columnIndex,
} from '../core/checklist/layout';
import { cellAddress } from '../workbook/a1';
import { textCell } from '../workbook/cellText';
import { responseOf, scoresOf, statementsOf, type ChecklistState, type ItemResponse } from '../core/checklist/model';
import { ratingPoints } from '../core/checklist/score';
import { chartOfTable, dateCell, FORMATS, num } from './common';

/** Words listed in the sheet's rating key, so the Points formula works without the add-in. */
export const RATING_KEY_WORDS = ['Not started', 'Developing', 'Emerging', 'Established', 'Secure', 'Embedded', 'Red', 'Amber', 'Green'] as const;

/** 0-based column of the rating key (K), one blank column after the table. */
export const KEY_COL = COLUMNS.length + 1;

/** People's text for a cell (the one rule in `workbook/cellText.ts`). */
export const asCellText = textCell;

function ratingCell(rating: string | null): CellValue {
  if (rating === null) return null;
  const n = readScore(rating);
  return Number.isNaN(n) ? asCellText(rating) : n;
}

export interface ChecklistSheetOptions {
  /** The sheet's name ("Checklist" the first time, then the name it was given). */
  name: string;
  mode: 'new' | 'replace';
  /** Shown under the title, e.g. "2026-11-22 14:05". */
  savedAt: string;
  /** Make it the active sheet (default false: the wizard stays where the user is). */
  activate?: boolean;
}

/**
 * What the add-in writes for each statement, by id: the values the sheet will hold, so a later
 * read can tell colleagues' edits from the add-in's own (see `mergeSheet`).
 */
export function writtenResponses(state: ChecklistState): Record<string, ItemResponse> {
  const out: Record<string, ItemResponse> = {};
  for (const s of statementsOf(state)) out[s.id] = { ...responseOf(state, s.id) };
  return out;
}

/** The Checklist sheet for a review. */
export function buildChecklistSheet(state: ChecklistState, opts: ChecklistSheetOptions): SheetSpec {
  const statements = statementsOf(state);
  const n = statements.length;
  const first = FIRST_ITEM_ROW;
  const last = first + n - 1;
  const col = (name: (typeof COLUMNS)[number]) => columnIndex(name);
  const range = (name: (typeof COLUMNS)[number], abs = true) => `${cellAddress(first, col(name), abs)}:${cellAddress(last, col(name), abs)}`;
  const keyRange = `${cellAddress(first, KEY_COL, true)}:${cellAddress(first + RATING_KEY_WORDS.length - 1, KEY_COL + 1, true)}`;

  const blocks: Block[] = [
    { row: 0, col: 0, values: [['Closing-the-gap checklist']], style: 'title' },
    {
      row: 1,
      col: 0,
      values: [
        [
          'Rate each statement Not started, Developing, Established or Embedded. You can edit Rating, Evidence, Owner, ' +
            'Next action and Review date here: the Closing the Gap add-in reads your changes back. Points and scores update by themselves.',
        ],
      ],
      style: 'note',
    },
    { row: 2, col: 0, values: [[`Last saved from the add-in: ${opts.savedAt}`]], style: 'muted' },
    { row: HEADER_ROW, col: 0, values: [[...COLUMNS]], style: 'header', wrap: true },
  ];

  const fixed: CellValue[][] = [];
  const ratings: CellValue[][] = [];
  const points: CellValue[][] = [];
  const notes: CellValue[][] = [];
  statements.forEach((s, i) => {
    const r = responseOf(state, s.id);
    const d = cellAddress(first + i, col('Rating'));
    fixed.push([areaOf(s.area).name, s.number, textCell(`${s.title}\n${s.text}`)]);
    ratings.push([ratingCell(r.rating)]);
    points.push([
      `=IF(TRIM(${d})="","",IFERROR(VLOOKUP(TRIM(${d}),${keyRange},2,FALSE),IF(AND(ISNUMBER(${d}),${d}>=0,${d}<=3),${d},NA())))`,
    ]);
    notes.push([asCellText(r.evidence), asCellText(r.owner), asCellText(r.nextAction), r.reviewDate === '' ? null : dateCell(r.reviewDate)]);
  });
  if (n > 0) {
    blocks.push(
      { row: first, col: 0, values: fixed, wrap: true },
      { row: first, col: col('Rating'), values: ratings, style: 'input' },
      { row: first, col: col('Points'), values: points, numberFormat: '0.0' },
      { row: first, col: col('Evidence'), values: notes, style: 'input', wrap: true, numberFormat: [null, null, null, FORMATS.date] },
    );
  }

  // The rating key the Points formulas look up: the same points as GAPS.CHECKLISTSCORE.
  blocks.push({
    row: HEADER_ROW,
    col: KEY_COL,
    values: [['Rating key', 'Points'], ...RATING_KEY_WORDS.map((w) => [w, ratingPoints(w)] as CellValue[])],
    headerStyle: 'header',
    style: 'muted',
  });

  // Scores by area, then overall: plain formulas over the Points column.
  const s0 = last + 2;
  const area = range('Area');
  const pts = range('Points');
  const scoreRows: CellValue[][] = AREAS.map((a, i) => {
    const row = s0 + 2 + i;
    const name = cellAddress(row, 0);
    return [
      a.name,
      `=COUNTIFS(${area},${name},${pts},">=0")`,
      `=COUNTIF(${area},${name})`,
      `=IF(${cellAddress(row, 1)}=0,"",AVERAGEIFS(${pts},${area},${name})/3)`,
      null,
    ];
  });
  const overallRow = s0 + 2 + AREAS.length;
  scoreRows.push([
    OVERALL_LABEL,
    `=COUNT(${range('Points', false)})`,
    n,
    `=IF(${cellAddress(overallRow, 1)}=0,"",AVERAGE(${range('Points', false)})/3)`,
    `=GAPS.CHECKLISTSCORE(${range('Rating', false)})`,
  ]);
  blocks.push(
    { row: s0, col: 0, values: [[SCORES_TITLE]], style: 'subtitle' },
    {
      row: s0 + 1,
      col: 0,
      values: [['Area', 'Rated', 'Statements', 'Score', 'Score (GAPS add-in)'], ...scoreRows],
      headerStyle: 'header',
      numberFormat: [null, FORMATS.integer, FORMATS.integer, FORMATS.percent, FORMATS.percent],
      rowTones: [null, ...AREAS.map(() => null), 'neutral'],
      wrap: true,
    },
    {
      row: overallRow + 2,
      col: 0,
      values: [
        [
          'Score = mean points of the rated statements / 3 (Not started 0, Developing 1, Established 2, Embedded 3), so 100% means every ' +
            'rated statement is embedded. Unrated statements are left out. The Score column works in any Excel; the GAPS column needs the add-in.',
        ],
      ],
      style: 'note',
    },
  );

  return {
    name: opts.name,
    mode: opts.mode,
    blocks,
    conditionalFormats: [{ row: s0 + 2, col: 3, rows: AREAS.length + 1, cols: 1, kind: 'colorScale' }],
    columnWidths: [150, 32, 330, 85, 45, 250, 90, 200, 80, 15, 80, 45],
    freezeRows: HEADER_ROW + 1,
    printLandscape: true,
    tabTone: 'good',
    activate: opts.activate ?? false,
    // Rating to Review date are colleagues' cells: a link or formatting there survives a re-save.
    userCells: n > 0 ? [{ row: first, col: col('Rating'), rows: 1, cols: 1 }, { row: first, col: col('Evidence'), rows: 1, cols: 4 }].map((a) => ({ ...a, rows: n })) : [],
  };
}

/** One dated review in the history. */
export interface Snapshot {
  /** "yyyy-mm-dd", or the text in the date cell when a colleague typed something else. */
  date: string;
  /** Overall score 0-1, null when nothing was rated. */
  overall: number | null;
  /** Statements rated. */
  rated: number | null;
  areas: Partial<Record<AreaId, number | null>>;
}

/** The review's scores as a snapshot dated `date`. */
export function snapshotOf(state: ChecklistState, date: string): Snapshot {
  const scores = scoresOf(state);
  const areas: Partial<Record<AreaId, number | null>> = {};
  for (const a of scores.areas) areas[a.area.id] = a.score;
  return { date, overall: scores.overall.score, rated: scores.overall.rated, areas };
}

/** Title above the comparison block (ends the snapshot rows when reading the sheet back). */
export const COMPARISON_TITLE = 'Area scores: this review against the previous one';

/**
 * Reads the history sheet's rows back (tolerant: blank rows skipped, a score that is not a number
 * read as blank, columns found by header). Null values (no sheet) give no rows.
 */
export function readHistory(values: ReadonlyArray<ReadonlyArray<unknown>> | null): Snapshot[] {
  if (!values) return [];
  const headerRow = values.findIndex((row) => row.some((c) => typeof c === 'string' && c.trim().toLowerCase() === 'review date'));
  if (headerRow < 0) return [];
  const header = values[headerRow].map((c) => (typeof c === 'string' ? c.trim().toLowerCase() : ''));
  const at = (label: string) => header.indexOf(label.toLowerCase());
  const dateCol = at('review date');
  const out: Snapshot[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (typeof row[0] === 'string' && row[0].trim() === COMPARISON_TITLE) break;
    const d = readDateCell(row[dateCol]);
    if (d.text === '') continue;
    const score = (c: number) => {
      if (c < 0) return null;
      const x = readScore(row[c]);
      return Number.isNaN(x) ? null : x;
    };
    const areas: Partial<Record<AreaId, number | null>> = {};
    for (const a of AREAS) areas[a.id] = score(at(a.name));
    out.push({ date: d.iso ?? d.text, overall: score(at('overall')), rated: score(at('rated')), areas });
  }
  return out;
}

/**
 * The history with a new snapshot: earlier rows kept in their order, a snapshot of the same date
 * replaced (one row per review day), otherwise added at the end.
 */
export function withSnapshot(history: readonly Snapshot[], snap: Snapshot): Snapshot[] {
  const i = history.findIndex((h) => h.date === snap.date);
  if (i >= 0) return history.map((h, k) => (k === i ? snap : h));
  return [...history, snap];
}

/** The Checklist history sheet: one row per review and a chart of this review against the previous one. */
export function buildHistorySheet(history: readonly Snapshot[], opts: { name: string; mode: 'new' | 'replace'; activate?: boolean }): SheetSpec {
  const header = [...HISTORY_FIRST_COLUMNS, ...AREAS.map((a) => a.name)];
  const rows: CellValue[][] = history.map((h) => [dateCell(h.date), num(h.overall ?? NaN), num(h.rated ?? NaN), ...AREAS.map((a) => num(h.areas[a.id] ?? NaN))]);
  const blocks: Block[] = [
    { row: 0, col: 0, values: [['Checklist history']], style: 'title' },
    {
      row: 1,
      col: 0,
      values: [['One row per review, added by "Save review snapshot" in the checklist. Scores are the mean points of rated statements / 3.']],
      style: 'note',
    },
    {
      row: HISTORY_HEADER_ROW,
      col: 0,
      values: [header, ...rows],
      headerStyle: 'header',
      numberFormat: [FORMATS.date, FORMATS.percent, FORMATS.integer, ...AREAS.map(() => FORMATS.percent)],
      wrap: true,
    },
  ];
  const charts: ChartSpec[] = [];
  if (history.length > 0) {
    const now = history[history.length - 1];
    const prev = history.length > 1 ? history[history.length - 2] : null;
    const c0 = HISTORY_HEADER_ROW + rows.length + 2;
    const dataHeader: CellValue[] = ['Area', ...(prev ? [`Previous review (${prev.date})`] : []), `This review (${now.date})`];
    const data: CellValue[][] = AREAS.map((a) => [a.name, ...(prev ? [num(prev.areas[a.id] ?? NaN)] : []), num(now.areas[a.id] ?? NaN)]);
    blocks.push(
      { row: c0, col: 0, values: [[COMPARISON_TITLE]], style: 'subtitle' },
      { row: c0 + 1, col: 0, values: [dataHeader, ...data], headerStyle: 'header', numberFormat: [null, FORMATS.percent, FORMATS.percent] },
    );
    charts.push(
      chartOfTable({ row: c0 + 1, rows: AREAS.length + 1, cols: dataHeader.length }, {
        type: 'columnClustered',
        title: prev ? `Area scores: ${now.date} against ${prev.date}` : `Area scores: ${now.date}`,
        at: { row: c0 + AREAS.length + 3, col: 0 },
        width: 560,
        height: 300,
        yAxisTitle: 'Score (0-100%)',
        yAxisFormat: FORMATS.percent,
      }),
    );
  }
  return {
    name: opts.name,
    mode: opts.mode,
    blocks,
    charts,
    columnWidths: [90, 60, 50, ...AREAS.map(() => 95)],
    freezeRows: HISTORY_HEADER_ROW + 1,
    printLandscape: true,
    tabTone: 'neutral',
    activate: opts.activate ?? false,
  };
}
