/**
 * Reads the Checklist sheet's values back into the review, so colleagues without the add-in can
 * rate statements, add evidence or change owners in the sheet itself.
 *
 * What it is for: the sheet is the shared copy of the review. The wizard merges it into its saved
 * state each time it opens and before each save: a value a colleague changed in the sheet (it
 * differs from what the add-in last wrote there) wins over the saved state; a value nobody touched
 * leaves the wizard's newer answer in place.
 *
 * Tolerant of what people do to spreadsheets: columns are found by their header text (inserted
 * columns or rows above do not matter), blank rows are skipped, a rating word the scoring does not
 * know is reported with its row and left unrated, a deleted statement row makes that statement
 * unrated again (noted), and a new row with an area and a statement becomes one of the school's own
 * statements. Nothing here throws on a cell's content.
 */
import { isBlank, readScore } from '../core/cells';
import { areaByName } from '../core/checklist/items';
import { readDateCell } from '../core/dates';
import { COLUMNS, SCORES_TITLE, type ColumnName } from '../core/checklist/layout';
import {
  MAX_TITLE,
  addCustom,
  normaliseRating,
  pointsOf,
  responseOf,
  statementsOf,
  type ChecklistState,
  type ItemResponse,
  type Statement,
} from '../core/checklist/model';

/** The response fields a colleague may edit in the sheet, with their column headers. */
const EDITABLE: ReadonlyArray<[keyof ItemResponse, ColumnName]> = [
  ['rating', 'Rating'],
  ['evidence', 'Evidence'],
  ['owner', 'Owner'],
  ['nextAction', 'Next action'],
  ['reviewDate', 'Review date'],
];

/** One statement row found on the sheet. */
export interface SheetRow {
  /** 1-based Excel row, for messages. */
  row: number;
  /** The fields present on the sheet (a deleted column leaves its field out). */
  values: Partial<ItemResponse>;
}

/** A row that looks like a new statement typed in by a colleague. */
export interface NewStatementRow {
  row: number;
  areaName: string;
  title: string;
  text: string;
  values: Partial<ItemResponse>;
}

export interface SheetReading {
  /** Statement id -> its row. */
  rows: Map<string, SheetRow>;
  /** Rows a colleague added as new statements (area + statement text, no known number). */
  added: NewStatementRow[];
  /** Things the user should know, each naming the row to look at. */
  notes: string[];
  /** False when the sheet exists but its header row could not be found (nothing was read). */
  headerFound: boolean;
}

/** Finds the header row (within the first 50 rows): the one holding "Rating" and "No." or "Statement". */
function findHeader(values: ReadonlyArray<ReadonlyArray<unknown>>): { row: number; cols: Map<ColumnName, number> } | null {
  for (let r = 0; r < Math.min(values.length, 50); r++) {
    const cols = new Map<ColumnName, number>();
    values[r].forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const t = cell.trim().toLowerCase();
      const name = COLUMNS.find((h) => h.toLowerCase() === t || h.toLowerCase().replace('.', '') === t);
      if (name && !cols.has(name)) cols.set(name, c);
    });
    if (cols.has('Rating') && (cols.has('No.') || cols.has('Statement'))) return { row: r, cols };
  }
  return null;
}

function text(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.replace(/^'(?=[=+\-@])/, ''); // the text guard the sheet builder adds
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim().toLowerCase();
}

/**
 * Reads the sheet's values (its used range from A1, as `readSheetValues` returns it) against the
 * review's statements. Null values (no such sheet) read as nothing found.
 */
export function readChecklistSheet(values: ReadonlyArray<ReadonlyArray<unknown>> | null, state: ChecklistState): SheetReading | null {
  if (values === null) return null;
  const header = findHeader(values);
  const reading: SheetReading = { rows: new Map(), added: [], notes: [], headerFound: true };
  if (!header) {
    reading.headerFound = false;
    reading.notes.push(
      'The Checklist sheet no longer has its header row (Area, No., Statement, Rating...), so nothing could be read from it. Saving writes it again from the wizard.',
    );
    return reading;
  }
  const { cols } = header;
  const missing = EDITABLE.filter(([, h]) => !cols.has(h)).map(([, h]) => h);
  if (missing.length > 0) {
    reading.notes.push(`The Checklist sheet has no ${missing.join(', ')} column: the wizard kept its own answers for ${missing.length === 1 ? 'it' : 'them'}.`);
  }
  const statements = statementsOf(state);
  const byNumber = new Map<number, Statement>(statements.map((s) => [s.number, s]));
  const byTitle = new Map<string, Statement>();
  for (const s of statements) {
    byTitle.set(s.title.toLowerCase(), s);
    byTitle.set(firstLine(s.text), s);
  }
  const cell = (row: ReadonlyArray<unknown>, name: ColumnName): unknown => {
    const c = cols.get(name);
    return c === undefined ? null : row[c];
  };

  for (let r = header.row + 1; r < values.length; r++) {
    const row = values[r];
    const areaCell = text(cell(row, 'Area')).trim();
    if (areaCell.toLowerCase() === SCORES_TITLE.toLowerCase()) break;
    const statementText = text(cell(row, 'Statement')).trim();
    const editable = EDITABLE.map(([, h]) => cell(row, h));
    if (isBlank(cell(row, 'No.')) && statementText === '' && editable.every(isBlank)) continue; // a blank row

    const excelRow = r + 1;
    const values_: Partial<ItemResponse> = {};
    const num = readScore(cell(row, 'No.'));
    let target = Number.isInteger(num) ? byNumber.get(num) : undefined;
    if (target && statementText !== '' && !matchesStatement(statementText, target)) {
      // The number points at another statement than the text: trust the text when it names one.
      const byText = byTitle.get(firstLine(statementText));
      if (byText) target = byText;
    }
    if (!target && statementText !== '') target = byTitle.get(firstLine(statementText));

    for (const [field, h] of EDITABLE) {
      if (!cols.has(h)) continue;
      const v = cell(row, h);
      if (field === 'rating') {
        values_.rating = readRating(v, excelRow, target, reading.notes);
      } else if (field === 'reviewDate') {
        const d = readDateCell(v);
        if (d.iso === null && d.text !== '') {
          reading.notes.push(`Row ${excelRow} of the Checklist sheet has the review date "${d.text}", which is not a date: enter it as 2027-03-31 or 31/03/2027.`);
        }
        values_.reviewDate = d.iso ?? d.text;
      } else {
        values_[field] = text(v);
      }
    }

    if (!target) {
      const area = areaByName(areaCell);
      if (statementText !== '' && area) {
        const first = statementText.split('\n')[0].trim();
        const title = first.length > MAX_TITLE ? `${first.slice(0, MAX_TITLE - 3).trimEnd()}...` : first;
        reading.added.push({ row: excelRow, areaName: area.name, title, text: statementText, values: values_ });
      } else {
        reading.notes.push(
          `Row ${excelRow} of the Checklist sheet has entries but no statement the checklist knows` +
            (statementText !== '' && !area ? ` (its area "${areaCell}" is not one of the seven areas)` : '') +
            ': it was left out. To add a statement of your own, give it an area and a statement, or use "Add our own statement".',
        );
      }
      continue;
    }
    if (reading.rows.has(target.id)) {
      reading.notes.push(`Row ${excelRow} of the Checklist sheet repeats statement ${target.number} (${target.title}): only its first row (row ${reading.rows.get(target.id)?.row}) was read.`);
      continue;
    }
    reading.rows.set(target.id, { row: excelRow, values: values_ });
  }
  return reading;
}

function matchesStatement(cellText: string, s: Statement): boolean {
  const first = firstLine(cellText);
  return first === s.title.toLowerCase() || first === firstLine(s.text);
}

function readRating(v: unknown, excelRow: number, target: Statement | undefined, notes: string[]): string | null {
  if (isBlank(v)) return null;
  const raw = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : null;
  const rating = raw === null ? null : normaliseRating(raw);
  const points = rating === null ? NaN : pointsOf(rating);
  if (points === null || !Number.isNaN(points)) return rating;
  const shown = typeof v === 'string' ? `"${v.trim()}"` : raw ?? 'an error value';
  notes.push(
    `Row ${excelRow} of the Checklist sheet${target ? ` (statement ${target.number}, ${target.title})` : ''} has the rating ${shown}, ` +
      'which is not one the checklist knows (Not started, Developing, Established, Embedded): it is left unrated until a rating is chosen.',
  );
  return null;
}

export interface MergeResult {
  state: ChecklistState;
  /** What the user should know: colleagues' edits taken in, rows deleted, values not understood. */
  notes: string[];
  /** Statement numbers whose answers came from the sheet. */
  changedFromSheet: number[];
}

/**
 * Merges what the sheet holds into the review. For each statement and field: when the sheet's
 * value differs from what the add-in last wrote there (`state.written`), a colleague changed it and
 * the sheet wins; otherwise the review's own (possibly newer) answer stays. A statement the add-in
 * had written whose row is gone is unrated again, its other answers kept. New statements typed into
 * the sheet are added as the school's own. A null reading (no sheet) changes nothing.
 */
export function mergeSheet(state: ChecklistState, reading: SheetReading | null): MergeResult {
  if (reading === null) return { state, notes: [], changedFromSheet: [] };
  const notes = [...reading.notes];
  const changed = new Set<number>();
  let next: ChecklistState = { ...state, responses: { ...state.responses } };

  for (const add of reading.added) {
    const area = areaByName(add.areaName);
    if (!area) continue;
    const title = uniqueTitle(next, add.title);
    next = addCustom(next, { area: area.id, title, text: add.text });
    const s = statementsOf(next)[statementsOf(next).length - 1];
    next.responses[s.id] = { ...responseOf(next, s.id), ...add.values };
    changed.add(s.number);
    notes.push(`Row ${add.row} of the Checklist sheet adds a statement of your own, "${title}" (${area.name}): it is now statement ${s.number}.`);
  }

  for (const s of statementsOf(state)) {
    const row = reading.rows.get(s.id);
    const mine = responseOf(next, s.id);
    const base = state.written?.[s.id];
    if (!row) {
      if (reading.headerFound && base !== undefined && (mine.rating !== null || base.rating !== null)) {
        next.responses[s.id] = { ...mine, rating: null };
        notes.push(
          `Statement ${s.number} (${s.title}) is no longer on the Checklist sheet (its row was deleted), so it is unrated again. ` +
            'Its evidence and actions are kept here; saving puts the row back.',
        );
      }
      continue;
    }
    const merged: ItemResponse = { ...mine };
    for (const [field] of EDITABLE) {
      if (!(field in row.values)) continue;
      const fromSheet = row.values[field] ?? null;
      const baseValue = base ? base[field] : undefined;
      const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '') === (b ?? '');
      if (baseValue === undefined ? !same(fromSheet, mine[field]) : !same(fromSheet, baseValue)) {
        if (field === 'rating') merged.rating = fromSheet;
        else merged[field] = fromSheet ?? '';
        if (!same(fromSheet, mine[field])) changed.add(s.number);
      }
    }
    const touched = EDITABLE.some(([f]) => (merged[f] ?? '') !== (mine[f] ?? ''));
    if (touched || s.id in next.responses) next.responses[s.id] = merged;
  }
  if (changed.size > 0) {
    const list = [...changed].sort((a, b) => a - b);
    notes.unshift(`Read in changes made on the Checklist sheet to statement${list.length === 1 ? '' : 's'} ${list.join(', ')}.`);
  }
  return { state: next, notes, changedFromSheet: [...changed].sort((a, b) => a - b) };
}

function uniqueTitle(state: ChecklistState, title: string): string {
  const taken = new Set(statementsOf(state).map((s) => s.title.toLowerCase()));
  if (!taken.has(title.toLowerCase())) return title;
  for (let i = 2; ; i++) {
    const t = `${title} (${i})`;
    if (!taken.has(t.toLowerCase())) return t;
  }
}
