/**
 * The Pupil Premium statement jobs: find the evidence (latest gap report, the interventions
 * register, the checklist review), and draft or re-draft the statement sheet, keeping what the
 * user typed or changed there. The tiers the user confirmed and what the add-in last drafted are
 * saved in the workbook's state, so they travel with the file.
 */
import type { CellValue, WorkbookPort } from '../workbook/port';
import { datedSheets, REGISTER_SHEET } from '../sheets/evidence';
import { loadChecklist } from './checklist';
import { statementsOf } from '../core/checklist/model';
import { draftStatement, latestPerIntervention, type ChecklistAction, type EvaluationEvidence, type GapEvidence, type StatementModel } from '../core/ppStatement/statement';
import { guessTier, isTier, type Tier, type TierGuess } from '../core/ppStatement/tiers';
import { buildStatementSheet, gapEvidence, pupilsOf, readStatementSheet, registerEvidence, PP_STATE_KEY, PP_STATEMENT_SHEET, type Drafted } from '../sheets/ppStatement';
import { isoDate } from '../sheets/common';

export interface StatementState {
  version: 1;
  sheetName: string | null;
  tiers: Record<string, Tier>;
  drafted: Drafted | null;
}

export function parseStatementState(json: string | null): StatementState {
  const empty: StatementState = { version: 1, sheetName: null, tiers: {}, drafted: null };
  if (!json) return empty;
  try {
    const raw = JSON.parse(json) as Partial<StatementState>;
    const tiers: Record<string, Tier> = {};
    for (const [k, v] of Object.entries(raw.tiers ?? {})) if (isTier(v)) tiers[k] = v;
    const drafted = raw.drafted && typeof raw.drafted === 'object' ? (raw.drafted as Drafted) : null;
    return { version: 1, sheetName: typeof raw.sheetName === 'string' ? raw.sheetName : null, tiers, drafted };
  } catch {
    return empty;
  }
}

export interface StatementEvidence {
  gapReport: { sheet: string; date: string } | null;
  gaps: GapEvidence[];
  pupils: { total: number; disadvantaged: number; source: string } | null;
  evaluations: EvaluationEvidence[];
  actions: ChecklistAction[];
  checklistSheet: string | null;
  /** One per intervention: its tier (confirmed or guessed) and the guess. */
  interventions: Array<{ name: string; tier: Tier; confirmed: boolean; guess: TierGuess }>;
  state: StatementState;
  /** Whether a statement sheet the add-in made is already in the workbook. */
  drafted: boolean;
}

/** Reads what the statement is drafted from. */
export async function findStatementEvidence(port: WorkbookPort): Promise<StatementEvidence> {
  const state = parseStatementState(await port.loadState(PP_STATE_KEY));
  const names = (await port.listSheets()).map((s) => s.name);
  const { gapReports } = datedSheets(names);
  let gapReport: StatementEvidence['gapReport'] = null;
  let gaps: GapEvidence[] = [];
  for (const g of gapReports) {
    const values = await port.readSheetValues(g.name);
    if (!values) continue;
    gapReport = { sheet: g.name, date: g.date };
    gaps = gapEvidence(values);
    break;
  }
  const p = pupilsOf(gaps);
  const pupils = p && gapReport ? { ...p, source: `the data of the gap report "${gapReport.sheet}"` } : null;

  let evaluations: EvaluationEvidence[] = [];
  const register = names.find((n) => n.trim().toLowerCase() === REGISTER_SHEET.toLowerCase());
  if (register) {
    const values = await port.readSheetValues(register);
    if (values) evaluations = registerEvidence(values);
  }

  const checklist = await loadChecklist(port);
  const actions: ChecklistAction[] = statementsOf(checklist.state)
    .map((s) => ({ s, r: checklist.state.responses[s.id] }))
    .filter(({ r }) => r !== undefined && r.nextAction.trim() !== '')
    .map(({ s, r }) => ({ statement: s.title, action: r.nextAction.trim(), owner: r.owner.trim(), reviewDate: r.reviewDate }));

  const interventions = latestPerIntervention(evaluations).map((e) => {
    const guess = guessTier(e.name);
    const confirmed = Object.prototype.hasOwnProperty.call(state.tiers, e.name);
    return { name: e.name, tier: confirmed ? state.tiers[e.name] : guess.tier, confirmed, guess };
  });
  const sheetName = state.sheetName ?? PP_STATEMENT_SHEET;
  const drafted = await port.ownsSheet(sheetName);
  return { gapReport, gaps, pupils, evaluations, actions, checklistSheet: checklist.state.sheetName, interventions, state, drafted };
}

export interface StatementRun {
  sheetName: string;
  model: StatementModel;
  /** Lines where the user's change was kept. */
  kept: string[];
  /** Input lines still blank. */
  toFill: string[];
  redrafted: boolean;
}

/**
 * Drafts the statement (or re-drafts it), with the tiers the user confirmed (by intervention name).
 * A re-draft rewrites only the add-in's sheet, keeping the user's cells; a sheet of the school's
 * own with the same name is never touched (the statement gets a sheet beside it).
 */
export async function draftPupilPremiumStatement(port: WorkbookPort, tiers: Record<string, Tier>, now: Date = new Date()): Promise<StatementRun> {
  const ev = await findStatementEvidence(port);
  const state: StatementState = { ...ev.state, tiers: { ...ev.state.tiers, ...tiers } };
  const model = draftStatement({ pupils: ev.pupils, gapReport: ev.gapReport, gaps: ev.gaps, evaluations: ev.evaluations, actions: ev.actions, tiers: state.tiers });
  const name = state.sheetName ?? PP_STATEMENT_SHEET;
  const owned = await port.ownsSheet(name);
  const previous = owned ? readStatementSheet((await port.readSheetValues(name)) as CellValue[][] | null) : null;
  const sources = [
    ev.gapReport ? `the gap report "${ev.gapReport.sheet}"` : 'no gap report',
    ev.evaluations.length > 0 ? `the "${REGISTER_SHEET}" (${ev.evaluations.length} evaluation${ev.evaluations.length === 1 ? '' : 's'})` : 'no interventions register',
    ev.checklistSheet ? `the checklist review ("${ev.checklistSheet}")` : 'no checklist review',
  ].join(', ');
  const built = buildStatementSheet(model, previous, owned ? state.drafted : null, { name, mode: owned ? 'replace' : 'new', draftedAt: isoDate(now), sources });
  const written = await port.writeSheet(built.spec);
  await port.saveState(PP_STATE_KEY, JSON.stringify({ ...state, sheetName: written.sheetName, drafted: built.drafted } satisfies StatementState));
  return { sheetName: written.sheetName, model, kept: built.kept, toFill: built.toFill, redrafted: owned };
}

/** Saves the tiers the user confirmed without drafting. */
export async function saveTiers(port: WorkbookPort, tiers: Record<string, Tier>): Promise<void> {
  const state = parseStatementState(await port.loadState(PP_STATE_KEY));
  await port.saveState(PP_STATE_KEY, JSON.stringify({ ...state, tiers: { ...state.tiers, ...tiers } }));
}
