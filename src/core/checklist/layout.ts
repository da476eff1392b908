/**
 * Where things are on the Checklist and Checklist history sheets: the names, headers and first
 * rows that the sheet builder writes and the sheet reader looks for. The reader finds columns by
 * their header text, so colleagues may insert rows above or move columns without breaking it.
 */

/** Default name of the visible checklist sheet. */
export const CHECKLIST_SHEET = 'Checklist';
/** Default name of the visible history sheet. */
export const HISTORY_SHEET = 'Checklist history';
/** Key of the review in the add-in's saved state. */
export const STATE_KEY = 'checklist';

/** Column headers of the statements table, from column A. */
export const COLUMNS = ['Area', 'No.', 'Statement', 'Rating', 'Points', 'Evidence', 'Owner', 'Next action', 'Review date'] as const;
export type ColumnName = (typeof COLUMNS)[number];

/** 0-based column of a header as written. */
export function columnIndex(name: ColumnName): number {
  return COLUMNS.indexOf(name);
}

/** 0-based row of the statements table's header (row 4 in Excel). */
export const HEADER_ROW = 3;
/** 0-based row of the first statement (row 5 in Excel, so the eleven statements are rows 5-15). */
export const FIRST_ITEM_ROW = HEADER_ROW + 1;

/** Text in column A that starts the per-area scores below the statements (ends the statements). */
export const SCORES_TITLE = 'Scores by area';
/** Column A label of the overall score row. */
export const OVERALL_LABEL = 'Overall';

/** Header of the history sheet's snapshot table (its row is `HISTORY_HEADER_ROW`). */
export const HISTORY_FIRST_COLUMNS = ['Review date', 'Overall', 'Rated'] as const;
/** 0-based row of the history table's header. */
export const HISTORY_HEADER_ROW = 3;
