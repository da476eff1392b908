/**
 * The Pupil Premium strategy statement as a plain model, in the order of the DfE template: school
 * overview, funding overview, Part A (statement of intent, challenges, intended outcomes, activity in
 * three tiers) and Part B (review of last year's outcomes, externally provided programmes).
 *
 * What it is for: the statement sheet is drafted from evidence the workbook already holds (the
 * latest gap report, the interventions register, the checklist review). This module decides the
 * words and figures; it knows nothing of cells. Every line has a stable reference ("C1", "T2") so a
 * re-draft can find the line a user edited, and says whether the add-in fills it (`owned`) or the
 * school does (`input`).
 *
 * Reference: DfE, "Pupil premium: strategy statement template" (published each year by 31
 * December); EEF, "The EEF guide to the pupil premium" (tiered approach).
 *
 * @example draftStatement({ pupils: null, gaps: [], evaluations: [], actions: [], tiers: {} }).partA.challenges
 * // [] (no clear gap: the challenges are left for the school to write)
 */
import { monthsWords } from '../interventions/criteria';
import { guessTier, TIERS, type Tier } from './tiers';
import { fixed, pounds } from '../numberText';

/** A gap from the latest gap report, with its interval and group sizes. */
export interface GapEvidence {
  measure: string;
  gap: number;
  lower: number | null;
  upper: number | null;
  /** Disadvantaged pupils counted, when the report says. */
  focusN: number | null;
  /** Other pupils counted, when the report says. */
  otherN: number | null;
  /** 'rate' for a yes/no outcome (attendance, suspensions): the gap is a fraction of pupils. */
  kind: 'points' | 'rate';
}

/** One evaluation from the interventions register. */
export interface EvaluationEvidence {
  name: string;
  /** "yyyy-mm-dd" or the date as written. */
  date: string;
  effect: number | null;
  months: number | null;
  pupils: number | null;
  costPerPupil: number | null;
  strength: string | null;
  criterion: string | null;
  /** The register's "Criterion met" word: yes, no, cannot judge, or blank. */
  criterionMet: string | null;
  verdict: string | null;
}

/** A next action from the checklist review. */
export interface ChecklistAction {
  statement: string;
  action: string;
  owner: string;
  reviewDate: string;
}

export interface StatementInputs {
  /** Pupils in the data the gap report analysed, and how many are disadvantaged. */
  pupils: { total: number; disadvantaged: number; source: string } | null;
  gapReport?: { sheet: string; date: string } | null;
  gaps: GapEvidence[];
  evaluations: EvaluationEvidence[];
  actions: ChecklistAction[];
  /** Tiers the user confirmed, by intervention name; the rest take `guessTier`. */
  tiers: Record<string, Tier>;
  /** Confidence level of the gap report's intervals (default 0.95). */
  confidence?: number;
}

/** A line the school fills in. */
export interface InputLine {
  ref: string;
  label: string;
  hint: string;
  /** What the cell holds when it is not text: a date (shown as a date) or an amount in pounds. */
  kind?: 'date' | 'money';
}

export interface Challenge {
  ref: string;
  measure: string;
  text: string;
}

export interface Outcome {
  ref: string;
  outcome: string;
  criterion: string;
}

export interface Activity {
  ref: string;
  name: string;
  tier: Tier;
  /** True when the user confirmed the tier; false when it is `guessTier`'s default. */
  confirmed: boolean;
  tierReason: string;
  budgetedCost: number | null;
  costText: string;
  evidence: string;
  challenges: string;
}

export type Verdict = 'met' | 'not met' | "can't tell yet";

export interface Review {
  ref: string;
  name: string;
  date: string;
  verdict: Verdict;
  text: string;
}

export interface StatementModel {
  overview: {
    inputs: InputLine[];
    pupils: { total: number; disadvantaged: number; share: number; source: string } | null;
  };
  funding: InputLine[];
  partA: {
    intent: InputLine;
    challenges: Challenge[];
    outcomes: Outcome[];
    activity: Record<Tier, Activity[]>;
  };
  partB: {
    reviews: Review[];
    external: InputLine;
  };
}

const OVERVIEW_INPUTS: InputLine[] = [
  { ref: 'S1', label: 'School name', hint: 'As it appears on Get Information about Schools' },
  { ref: 'S2', label: 'Academic years this statement covers', hint: 'For example 2025 to 2028 (the EEF suggests a three-year plan)' },
  { ref: 'S3', label: 'Date this statement was published', hint: 'By 31 December', kind: 'date' },
  { ref: 'S4', label: 'Date it will be reviewed', hint: '', kind: 'date' },
  { ref: 'S5', label: 'Statement authorised by', hint: 'Headteacher or principal' },
  { ref: 'S6', label: 'Pupil Premium lead', hint: '' },
  { ref: 'S7', label: 'Governor or trustee lead', hint: '' },
];

const FUNDING_INPUTS: InputLine[] = [
  { ref: 'F1', label: 'Pupil Premium funding allocation this academic year', hint: 'In pounds', kind: 'money' },
  { ref: 'F2', label: 'Pupil Premium funding carried forward from previous years', hint: 'In pounds; 0 if none', kind: 'money' },
];

function fmt(x: number): string {
  return fixed(x, 2);
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** A gap is clear when its whole interval is above zero: disadvantaged pupils are behind beyond chance. */
export function isClearGap(g: GapEvidence): boolean {
  return g.gap > 0 && g.lower !== null && g.lower > 0;
}

/**
 * One sentence for a challenge, with its figures, interval and group sizes.
 *
 * @example challengeText({ measure: 'Maths', gap: 0.52, lower: 0.1, upper: 0.94, focusN: 12, otherN: 40, kind: 'points' })
 * // "In Maths, disadvantaged pupils are 0.52 points behind other pupils (95% interval 0.10 to 0.94; 12 disadvantaged pupils and 40 others)."
 */
export function challengeText(g: GapEvidence, confidence = 0.95): string {
  const level = `${Math.round(confidence * 100)}%`;
  const interval = g.lower !== null && g.upper !== null ? `${level} interval ${g.kind === 'rate' ? `${pct(g.lower)} to ${pct(g.upper)}` : `${fmt(g.lower)} to ${fmt(g.upper)}`}` : 'no interval given';
  const sizes =
    g.focusN !== null && g.otherN !== null ? `; ${g.focusN} disadvantaged pupil${g.focusN === 1 ? '' : 's'} and ${g.otherN} other${g.otherN === 1 ? '' : 's'}` : '';
  const gap = g.kind === 'rate' ? `${Math.round(g.gap * 1000) / 10} percentage points behind other pupils` : `${fmt(g.gap)} points behind other pupils`;
  return `In ${g.measure}, disadvantaged pupils are ${gap} (${interval}${sizes}).`;
}

/** The register's "Criterion met" in the words Part B uses. */
export function verdictOf(criterionMet: string | null): Verdict {
  const t = (criterionMet ?? '').trim().toLowerCase();
  if (t === 'yes' || t === 'met' || t === 'true') return 'met';
  if (t === 'no' || t === 'not met' || t === 'false') return 'not met';
  return "can't tell yet";
}

const SUBJECTS: Array<[RegExp, RegExp]> = [
  [/\b(read\w*|phonics|literacy|english|eng|writing|spelling|oracy|vocabulary)\b/i, /\b(eng\w*|read\w*|lit\w*|writ\w*|phonics|spell\w*|gps)\b/i],
  [/\b(maths?|numeracy|mathematics|arithmetic)\b/i, /\b(ma|maths?|mathematics|num\w*|arith\w*)\b/i],
  [/\b(science|sci)\b/i, /\b(sci\w*)\b/i],
  [/\b(attendance|absence|breakfast)\b/i, /\b(attend\w*|absen\w*|absent)\b/i],
  [/\b(behaviour|suspension|exclusion)\b/i, /\b(suspen\w*|exclu\w*|behaviour)\b/i],
];

/** The challenges an intervention addresses: those whose measure is in the same subject as its name. */
export function challengesFor(name: string, challenges: readonly Challenge[]): string[] {
  const refs = new Set<string>();
  for (const [nameRe, measureRe] of SUBJECTS) {
    if (!nameRe.test(name)) continue;
    for (const c of challenges) if (measureRe.test(c.measure)) refs.add(c.ref);
  }
  return challenges.filter((c) => refs.has(c.ref)).map((c) => c.ref);
}

function money(x: number): string {
  return pounds(x);
}

function activityOf(e: EvaluationEvidence, ref: string, tiers: Record<string, Tier>, challenges: readonly Challenge[]): Activity {
  const guess = guessTier(e.name);
  const confirmed = Object.prototype.hasOwnProperty.call(tiers, e.name);
  const tier = confirmed ? tiers[e.name] : guess.tier;
  const budgetedCost = e.costPerPupil !== null && e.pupils !== null ? Math.round(e.costPerPupil * e.pupils * 100) / 100 : null;
  const costText =
    budgetedCost !== null && e.costPerPupil !== null
      ? `${money(budgetedCost)} (${money(e.costPerPupil)} per pupil for the ${e.pupils} pupils evaluated)`
      : e.costPerPupil !== null
        ? `${money(e.costPerPupil)} per pupil`
        : 'not recorded in the register';
  const evidenceParts: string[] = [];
  if (e.months !== null) evidenceParts.push(`Our evaluation (${e.date}): ${monthsWords(e.months)} additional progress${e.effect !== null ? `, effect size ${fmt(e.effect)}` : ''}`);
  else evidenceParts.push(`Our evaluation (${e.date}): no months' progress could be estimated`);
  if (e.strength) evidenceParts.push(`strength of evidence: ${e.strength}`);
  const refs = challengesFor(e.name, challenges);
  return {
    ref,
    name: e.name,
    tier,
    confirmed,
    tierReason: confirmed ? 'confirmed by you' : `guessed: ${guess.reason}`,
    budgetedCost,
    costText,
    evidence: `${evidenceParts.join('; ')}.`,
    challenges: refs.length > 0 ? refs.join(', ') : 'To confirm',
  };
}

/** The latest evaluation of each intervention (by date; later rows win a tie), in first-seen order. */
export function latestPerIntervention(evaluations: readonly EvaluationEvidence[]): EvaluationEvidence[] {
  const byName = new Map<string, EvaluationEvidence>();
  for (const e of evaluations) {
    const key = e.name.trim().toLowerCase();
    const had = byName.get(key);
    if (!had || had.date <= e.date) byName.set(key, e);
  }
  return [...byName.values()];
}

/** The statement drafted from the evidence: see the module comment. */
export function draftStatement(inputs: StatementInputs): StatementModel {
  const confidence = inputs.confidence ?? 0.95;
  const clear = inputs.gaps.filter(isClearGap).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'points' ? -1 : 1));
  const seen = new Set<string>();
  const challenges: Challenge[] = [];
  for (const g of clear) {
    const key = g.measure.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    challenges.push({ ref: `C${challenges.length + 1}`, measure: g.measure, text: challengeText(g, confidence) });
  }

  const latest = latestPerIntervention(inputs.evaluations);
  const outcomes: Outcome[] = [];
  for (const e of latest) {
    if (!e.criterion) continue;
    outcomes.push({ ref: `O${outcomes.length + 1}`, outcome: `Pupils in ${e.name} make more progress than similar pupils`, criterion: e.criterion });
  }
  for (const a of inputs.actions) {
    const who = [a.owner ? `led by ${a.owner}` : '', a.reviewDate ? `reviewed by ${a.reviewDate}` : ''].filter(Boolean).join(', ');
    outcomes.push({ ref: `O${outcomes.length + 1}`, outcome: a.statement, criterion: `${a.action}${who ? ` (${who})` : ''}` });
  }

  const activity: Record<Tier, Activity[]> = { teaching: [], targeted: [], wider: [] };
  latest.forEach((e, i) => {
    const a = activityOf(e, `A${i + 1}`, inputs.tiers, challenges);
    activity[a.tier].push(a);
  });
  for (const t of TIERS) activity[t].sort((a, b) => Number(a.ref.slice(1)) - Number(b.ref.slice(1)));

  const reviews: Review[] = latest.map((e, i) => {
    const verdict = verdictOf(e.criterionMet);
    const v = verdict === 'met' ? 'Met' : verdict === 'not met' ? 'Not met' : "Can't tell yet";
    // The register's own verdict already names the criterion and the figures; without one, say them here.
    const detail = e.verdict
      ? e.verdict
      : `${e.criterion ? `Success criterion: ${e.criterion}.` : 'No success criterion was set.'} ${e.months !== null ? `${monthsWords(e.months)} additional progress.` : "No months' progress could be estimated."}`;
    return { ref: `R${i + 1}`, name: e.name, date: e.date, verdict, text: `${v}. Evaluated ${e.date}. ${detail}` };
  });

  const pupils = inputs.pupils && inputs.pupils.total > 0 ? { ...inputs.pupils, share: inputs.pupils.disadvantaged / inputs.pupils.total } : null;

  return {
    overview: { inputs: OVERVIEW_INPUTS, pupils },
    funding: FUNDING_INPUTS,
    partA: {
      intent: { ref: 'I1', label: 'Statement of intent', hint: 'Your ultimate objectives for disadvantaged pupils and how this plan works towards them' },
      challenges,
      outcomes,
      activity,
    },
    partB: {
      reviews,
      external: { ref: 'E1', label: 'Externally provided programmes', hint: 'Programme and provider, for programmes bought in last year (optional)' },
    },
  };
}
