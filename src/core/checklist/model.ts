/**
 * The state of a checklist review: a rating, evidence, owner, next action and review date for each
 * statement, the school's own statements, and where the wizard is. Plain data that round-trips
 * through JSON (the add-in's saved state) and through the Checklist sheet (see `sheetCodec.ts`).
 *
 * What it is for: the wizard edits this state one statement at a time; the Checklist sheet and the
 * history snapshots are built from it; scores come from the core's `checklistScore`, so the
 * wizard, the sheet's `=GAPS.CHECKLISTSCORE` cell and the snapshots agree.
 */
import { isIsoDate } from '../dates';
import type { Grid } from '../cells';
import { isGapsError } from '../errors';
import { AREAS, ITEMS, type AreaId, type ChecklistArea } from './items';
import { checklistScore, ratingPoints } from './score';

/** The four ratings the wizard offers, lowest first (0, 1, 2 and 3 points). */
export const RATINGS = ['Not started', 'Developing', 'Established', 'Embedded'] as const;
export type RatingWord = (typeof RATINGS)[number];

/** Longest text Excel keeps in one cell is 32,767 characters; keep a margin. */
export const MAX_TEXT = 32000;
/** Longest title for a school's own statement. */
export const MAX_TITLE = 150;

export interface ItemResponse {
  /**
   * The rating: one of `RATINGS`, or another word the scoring accepts that a colleague typed in
   * the sheet ("Green", "Secure", "1.5"); null when not yet rated.
   */
  rating: string | null;
  evidence: string;
  owner: string;
  nextAction: string;
  /** "yyyy-mm-dd", or "" when none. */
  reviewDate: string;
}

/** A statement the school added itself. */
export interface CustomStatement {
  /** "custom-1", "custom-2"... never reused. */
  id: string;
  area: AreaId;
  title: string;
  text: string;
}

/** A statement as the wizard and the sheet show it: numbered, built in or the school's own. */
export interface Statement {
  id: string;
  /** 1-based position in the checklist (the sheet's "No." column). */
  number: number;
  area: AreaId;
  title: string;
  text: string;
  hint: string;
  evidenceFrom?: 'gaps' | 'intervention';
  custom: boolean;
}

export interface ChecklistState {
  version: 1;
  /** The wizard's current step: 0-based statement index, or the statement count for the summary. */
  step: number;
  responses: Record<string, ItemResponse>;
  custom: CustomStatement[];
  /**
   * What the add-in last wrote to the Checklist sheet, per statement id; a sheet value that differs
   * from it was edited by a colleague. Null before the sheet is first written.
   */
  written: Record<string, ItemResponse> | null;
  /** The Checklist sheet's actual name once written ("Checklist", or "Checklist (2)" if taken). */
  sheetName: string | null;
  /** The Checklist history sheet's actual name once written. */
  historySheet: string | null;
  /** When the review was last saved to the workbook ("yyyy-mm-dd hh:mm"), or null. */
  savedAt: string | null;
}

/** A review with nothing rated, at the first statement. */
export function emptyState(): ChecklistState {
  return { version: 1, step: 0, responses: {}, custom: [], written: null, sheetName: null, historySheet: null, savedAt: null };
}

/** A blank response. */
export function emptyResponse(): ItemResponse {
  return { rating: null, evidence: '', owner: '', nextAction: '', reviewDate: '' };
}

/** The response for a statement (blank when none yet). */
export function responseOf(state: ChecklistState, id: string): ItemResponse {
  return state.responses[id] ?? emptyResponse();
}

/** Every statement, the eleven built-in ones first, then the school's own, numbered from 1. */
export function statementsOf(state: ChecklistState): Statement[] {
  const out: Statement[] = ITEMS.map((it, i) => ({ ...it, number: i + 1, custom: false }));
  for (const c of state.custom) {
    out.push({ id: c.id, number: out.length + 1, area: c.area, title: c.title, text: c.text, hint: 'Your own statement: note what shows it is happening.', custom: true });
  }
  return out;
}

/**
 * A rating's points (0-3) by the core's scoring rule, null when blank, NaN for a word the rule does
 * not know (the caller reports it).
 *
 * @example pointsOf('Established') // 2
 * @example pointsOf('Amber')       // 1.5
 */
export function pointsOf(rating: string | null): number | null {
  if (rating === null || rating.trim() === '') return null;
  try {
    return ratingPoints(rating);
  } catch (e) {
    if (isGapsError(e)) return NaN;
    throw e;
  }
}

/**
 * The rating as stored: one of the four wizard words when it is one (any case), otherwise the text
 * as typed (trimmed); null when blank.
 *
 * @example normaliseRating(' embedded ') // "Embedded"
 */
export function normaliseRating(text: string | null): string | null {
  if (text === null) return null;
  const t = text.trim();
  if (t === '') return null;
  const hit = RATINGS.find((r) => r.toLowerCase() === t.toLowerCase());
  return hit ?? t;
}

/** The ids and messages of fields that need fixing; empty when the response is fine. */
export type ResponseProblems = Partial<Record<keyof ItemResponse, string>>;

/**
 * Checks one response: a rating the scoring understands, a real review date, texts that fit in a
 * cell. Messages say what to change.
 */
export function validateResponse(r: ItemResponse): ResponseProblems {
  const problems: ResponseProblems = {};
  if (r.rating !== null && Number.isNaN(pointsOf(r.rating) ?? 0)) {
    problems.rating = `"${r.rating}" is not a rating: choose Not started, Developing, Established or Embedded.`;
  }
  if (r.reviewDate !== '' && !isIsoDate(r.reviewDate)) {
    problems.reviewDate = `"${r.reviewDate}" is not a date: choose a date such as 2027-03-31.`;
  }
  for (const field of ['evidence', 'owner', 'nextAction'] as const) {
    if (r[field].length > MAX_TEXT) {
      problems[field] = `This is ${r[field].length.toLocaleString('en-GB')} characters; a cell holds ${MAX_TEXT.toLocaleString('en-GB')}. Shorten it or link to a document.`;
    }
  }
  return problems;
}

/** True for a real calendar date written "yyyy-mm-dd" (the rule lives in `core/dates.ts`). */
export { isIsoDate };

export interface CustomDraft {
  area: AreaId | '';
  title: string;
  text: string;
}

/** Problems with a new statement of the school's own, by field; empty when it can be added. */
export function validateCustom(draft: CustomDraft, state: ChecklistState): Partial<Record<keyof CustomDraft, string>> {
  const problems: Partial<Record<keyof CustomDraft, string>> = {};
  if (draft.area === '' || !AREAS.some((a) => a.id === draft.area)) problems.area = 'Choose the area this statement belongs to.';
  const title = draft.title.trim();
  if (title === '') problems.title = 'Give the statement a short title.';
  else if (title.length > MAX_TITLE) problems.title = `Keep the title under ${MAX_TITLE} characters; put the detail in the full wording.`;
  else if (statementsOf(state).some((s) => s.title.toLowerCase() === title.toLowerCase())) {
    problems.title = 'A statement with this title is already in the checklist.';
  }
  if (draft.text.length > MAX_TEXT) problems.text = `Keep the wording under ${MAX_TEXT.toLocaleString('en-GB')} characters.`;
  return problems;
}

/** The state with the school's own statement added at the end (call `validateCustom` first). */
export function addCustom(state: ChecklistState, draft: CustomDraft): ChecklistState {
  if (draft.area === '') throw new Error('addCustom needs an area');
  const used = state.custom.map((c) => Number(c.id.replace('custom-', ''))).filter((n) => Number.isFinite(n));
  const id = `custom-${used.length === 0 ? 1 : Math.max(...used) + 1}`;
  const title = draft.title.trim();
  const text = draft.text.trim() === '' ? title : draft.text.trim();
  return { ...state, custom: [...state.custom, { id, area: draft.area, title, text }] };
}

/** The state with one statement's response changed. */
export function withResponse(state: ChecklistState, id: string, patch: Partial<ItemResponse>): ChecklistState {
  return { ...state, responses: { ...state.responses, [id]: { ...responseOf(state, id), ...patch } } };
}

/** The state at another step, kept within the first statement and the summary. */
export function withStep(state: ChecklistState, step: number): ChecklistState {
  const last = statementsOf(state).length;
  return { ...state, step: Math.max(0, Math.min(last, Math.trunc(Number.isFinite(step) ? step : 0))) };
}

export interface AreaScore {
  area: ChecklistArea;
  /** Statements in the area (built-in and the school's own). */
  statements: number;
  /** Statements with a rating the scoring understands. */
  rated: number;
  /** Mean points / 3 (0-1), null when nothing in the area is rated. */
  score: number | null;
}

export interface ChecklistScores {
  areas: AreaScore[];
  /** Every statement together. */
  overall: Omit<AreaScore, 'area'>;
}

/**
 * Per-area and overall scores: the mean of the rated statements' points divided by 3, computed by
 * the core's `checklistScore` (the function behind `=GAPS.CHECKLISTSCORE`). Unrated statements and
 * ratings the scoring does not know are left out; an area with nothing rated has no score.
 *
 * @example scoresOf(state with 'culture' Embedded, 'sets' Developing).areas[0].score // (3 + 1) / 2 / 3 = 0.6667
 */
export function scoresOf(state: ChecklistState): ChecklistScores {
  const all = statementsOf(state);
  const scoreOf = (list: Statement[]): Omit<AreaScore, 'area'> => {
    const grid: unknown[][] = [];
    for (const s of list) {
      const r = responseOf(state, s.id).rating;
      const p = pointsOf(r);
      if (p !== null && !Number.isNaN(p)) grid.push([r]);
    }
    return { statements: list.length, rated: grid.length, score: grid.length === 0 ? null : checklistScore(grid as Grid) };
  };
  const areas = AREAS.map((area) => ({ area, ...scoreOf(all.filter((s) => s.area === area.id)) }));
  return { areas, overall: scoreOf(all) };
}

/** How many statements have a usable rating. */
export function ratedCount(state: ChecklistState): number {
  return scoresOf(state).overall.rated;
}

/**
 * Reads saved state back, tolerating anything: a missing, damaged or older saved state gives a
 * fresh review plus a note, never a crash. Unknown fields are dropped; texts are kept as they are.
 */
export function parseState(json: string | null): { state: ChecklistState; note: string | null } {
  if (json === null || json.trim() === '') return { state: emptyState(), note: null };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { state: emptyState(), note: 'The saved checklist could not be read, so the wizard starts afresh; the Checklist sheet, if there is one, is read below.' };
  }
  if (!raw || typeof raw !== 'object') return { state: emptyState(), note: 'The saved checklist was empty, so the wizard starts afresh.' };
  const o = raw as Record<string, unknown>;
  const state = emptyState();
  state.custom = Array.isArray(o.custom) ? o.custom.flatMap(readCustom) : [];
  state.responses = readResponses(o.responses);
  state.written = o.written && typeof o.written === 'object' ? readResponses(o.written) : null;
  state.sheetName = typeof o.sheetName === 'string' ? o.sheetName : null;
  state.historySheet = typeof o.historySheet === 'string' ? o.historySheet : null;
  state.savedAt = typeof o.savedAt === 'string' ? o.savedAt : null;
  return { state: withStep(state, typeof o.step === 'number' ? o.step : 0), note: null };
}

/** The state as saved text. */
export function serialiseState(state: ChecklistState): string {
  return JSON.stringify(state);
}

function readCustom(c: unknown): CustomStatement[] {
  if (!c || typeof c !== 'object') return [];
  const o = c as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.title !== 'string' || !AREAS.some((a) => a.id === o.area)) return [];
  return [{ id: o.id, area: o.area as AreaId, title: o.title, text: typeof o.text === 'string' ? o.text : o.title }];
}

function readResponses(v: unknown): Record<string, ItemResponse> {
  const out: Record<string, ItemResponse> = {};
  if (!v || typeof v !== 'object') return out;
  for (const [id, r] of Object.entries(v as Record<string, unknown>)) {
    if (!r || typeof r !== 'object') continue;
    const o = r as Record<string, unknown>;
    const text = (x: unknown) => (typeof x === 'string' ? x : '');
    out[id] = {
      rating: typeof o.rating === 'string' ? normaliseRating(o.rating) : null,
      evidence: text(o.evidence),
      owner: text(o.owner),
      nextAction: text(o.nextAction),
      reviewDate: text(o.reviewDate),
    };
  }
  return out;
}
