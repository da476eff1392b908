/**
 * The checklist jobs: loading (resume), saving and snapshotting a checklist review in the workbook, through the `WorkbookPort` only.
 *
 * The review lives in two places that travel with the file: the add-in's saved state (where the
 * wizard was, the school's own statements, what was last written to the sheet) and the visible
 * Checklist sheet that colleagues read and edit. Loading reads both and merges colleagues' sheet
 * edits in; saving merges again (a co-author may have edited since), writes the sheet in one
 * batch, then saves the state. The add-in rewrites only sheets it created: a user's own sheet
 * called "Checklist" is left alone and the review gets a sheet of its own beside it.
 */
import type { WorkbookPort } from '../workbook/port';
import { CHECKLIST_SHEET, HISTORY_SHEET, STATE_KEY } from '../core/checklist/layout';
import { parseState, serialiseState, type ChecklistState } from '../core/checklist/model';
import { mergeSheet, readChecklistSheet } from '../sheets/checklistCodec';
import {
  buildChecklistSheet,
  buildHistorySheet,
  readHistory,
  snapshotOf,
  withSnapshot,
  writtenResponses,
  type Snapshot,
} from '../sheets/checklistSheet';
import { isoDate, isoDateTime } from '../sheets/common';

export interface Loaded {
  state: ChecklistState;
  /** Things the user should know: edits read from the sheet, rows not understood, lost state. */
  notes: string[];
}

/** Reads the sheet (when the add-in owns it) and merges colleagues' edits into the state. */
async function syncFromSheet(port: WorkbookPort, state: ChecklistState): Promise<Loaded> {
  const name = state.sheetName ?? CHECKLIST_SHEET;
  if (!(await port.ownsSheet(name))) {
    const notes = state.sheetName
      ? [`The sheet "${state.sheetName}" is no longer in the workbook (deleted or renamed). The review is kept here; saving writes a new Checklist sheet.`]
      : [];
    return { state: { ...state, sheetName: null, written: state.sheetName ? null : state.written }, notes };
  }
  const values = await port.readSheetValues(name);
  const merged = mergeSheet({ ...state, sheetName: name }, readChecklistSheet(values, { ...state, sheetName: name }));
  return { state: merged.state, notes: merged.notes };
}

/** The review as saved in this workbook, with colleagues' edits on the Checklist sheet read in. */
export async function loadChecklist(port: WorkbookPort): Promise<Loaded> {
  const { state, note } = parseState(await port.loadState(STATE_KEY));
  const synced = await syncFromSheet(port, state);
  return { state: synced.state, notes: note ? [note, ...synced.notes] : synced.notes };
}

/** Saves where the wizard is (state only: quick, no sheet is written). */
export async function saveProgress(port: WorkbookPort, state: ChecklistState): Promise<void> {
  await port.saveState(STATE_KEY, serialiseState(state));
}

export interface Saved extends Loaded {
  /** The Checklist sheet's name. */
  sheetName: string;
}

/** Saves the review: merges the sheet's latest edits, rewrites the Checklist sheet, saves the state. */
export async function saveChecklist(port: WorkbookPort, state: ChecklistState, now: Date = new Date()): Promise<Saved> {
  const synced = await syncFromSheet(port, state);
  const owned = synced.state.sheetName !== null;
  const savedAt = isoDateTime(now);
  const written = await port.writeSheet(
    buildChecklistSheet(synced.state, { name: synced.state.sheetName ?? CHECKLIST_SHEET, mode: owned ? 'replace' : 'new', savedAt }),
  );
  const next: ChecklistState = { ...synced.state, written: writtenResponses(synced.state), sheetName: written.sheetName, savedAt };
  await port.saveState(STATE_KEY, serialiseState(next));
  return { state: next, notes: synced.notes, sheetName: written.sheetName };
}

export interface SnapshotSaved extends Saved {
  history: Snapshot[];
  historySheet: string;
  /** True when today's snapshot replaced one already taken today. */
  replacedToday: boolean;
}

/**
 * Saves the review, then adds today's scores to the Checklist history sheet (earlier rows kept;
 * a second snapshot on the same day replaces that day's row).
 */
export async function saveSnapshot(port: WorkbookPort, state: ChecklistState, now: Date = new Date()): Promise<SnapshotSaved> {
  const saved = await saveChecklist(port, state, now);
  const name = saved.state.historySheet ?? HISTORY_SHEET;
  const owned = await port.ownsSheet(name);
  const earlier = owned ? readHistory(await port.readSheetValues(name)) : [];
  const notes = [...saved.notes];
  if (!owned && saved.state.historySheet) {
    notes.push(`The sheet "${saved.state.historySheet}" is no longer in the workbook, so the history starts again with this review.`);
  }
  const snap = snapshotOf(saved.state, isoDate(now));
  const history = withSnapshot(earlier, snap);
  const written = await port.writeSheet(buildHistorySheet(history, { name: owned ? name : HISTORY_SHEET, mode: owned ? 'replace' : 'new' }));
  const next: ChecklistState = { ...saved.state, historySheet: written.sheetName };
  await port.saveState(STATE_KEY, serialiseState(next));
  return {
    ...saved,
    state: next,
    notes,
    history,
    historySheet: written.sheetName,
    replacedToday: earlier.some((h) => h.date === snap.date),
  };
}
