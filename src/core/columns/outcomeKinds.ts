/**
 * Outcome columns beyond test scores, guessed from headers and confirmed by values, so a leader
 * confirms the guess as they do for assessments: attendance (a percentage, or sessions attended and
 * sessions possible), persistent absence (a yes/no flag), suspensions and exclusions (a count per
 * pupil, or a yes/no flag for "any"), a destination (category words, mapped to sustained / not
 * sustained / NEET / unknown by the user), and how long pupils were eligible for free school meals
 * (a percentage of their time, or terms eligible and terms in school).
 *
 * @example detectOutcomeColumns(["UPN", "Attendance %", "Suspensions"], [["A1", "95%", 0]]).map((c) => c.kind)
 * // ["attendance", "suspensions"]
 */
import { FLAG_INVALID, readFlag, readScore, type Grid } from '../cells';
import { readShare } from '../outcomes/share';
import { isMissingOutcome } from '../outcomes/notApplicable';
import { headerWords } from './headers';
import { PROFILE_ROWS } from './values';

export type OutcomeKind =
  | 'attendance'
  | 'sessionsPossible'
  | 'sessionsAttended'
  | 'persistentAbsence'
  | 'suspensions'
  | 'exclusions'
  | 'destination'
  | 'fsmShare'
  | 'fsmTerms'
  | 'termsInSchool';

/** Every outcome kind, in the order the screen lists them. */
export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  'attendance', 'sessionsPossible', 'sessionsAttended', 'persistentAbsence', 'suspensions', 'exclusions', 'destination', 'fsmShare', 'fsmTerms', 'termsInSchool',
];

/** Plain-words names for the kinds (used by the screen and the report). */
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  attendance: 'Attendance (%)',
  sessionsPossible: 'Sessions possible',
  sessionsAttended: 'Sessions attended',
  persistentAbsence: 'Persistent absence (yes/no)',
  suspensions: 'Suspensions',
  exclusions: 'Exclusions',
  destination: 'Destination',
  fsmShare: 'Share of time on free school meals (%)',
  fsmTerms: 'Terms eligible for free school meals',
  termsInSchool: 'Terms in school',
};

export interface OutcomeColumn {
  index: number;
  header: string;
  kind: OutcomeKind;
  /** Why, in plain words. */
  reason: string;
}

/** The column chosen for each outcome kind (absent = not used). */
export type OutcomeChoice = Partial<Record<OutcomeKind, number>>;

interface Rule {
  kind: OutcomeKind;
  pattern: RegExp;
}

/** Tried in order: the more specific first ("sessions possible" before "attendance"). */
const RULES: Rule[] = [
  { kind: 'sessionsPossible', pattern: /\b(sessions? possible|possible sessions?|possible marks?|possible)\b/ },
  { kind: 'sessionsAttended', pattern: /\b(sessions? attended|attended sessions?|sessions? present|present marks?|attended)\b/ },
  { kind: 'persistentAbsence', pattern: /\b(persistent(ly)? absen(t|ce)|pa flag)\b/ },
  { kind: 'fsmTerms', pattern: /\b(fsm|free school meals?) terms?\b|\bterms? (on |eligible |of )?(fsm|free school meals?)\b/ },
  { kind: 'termsInSchool', pattern: /\bterms? (in|at) school\b|\bterms? on roll\b/ },
  { kind: 'fsmShare', pattern: /\b(fsm|free school meals?) (share|percent|pct|% of time|of time|time)\b|\b(fsm|free school meals?)\b.*\btime\b|\btime (on|eligible for) (fsm|free school meals?)\b/ },
  { kind: 'attendance', pattern: /\b(attendance|attend|att %|att|attendance %|attendance percent(age)?)\b/ },
  { kind: 'suspensions', pattern: /\b(suspensions?|suspended|fixed term exclusions?|fte|fixed term)\b/ },
  { kind: 'exclusions', pattern: /\b(exclusions?|excluded|permanent exclusions?|pex)\b/ },
  { kind: 'destination', pattern: /\b(destinations?|post 16|next step|leaver destination|neet)\b/ },
];

/** The outcome kind a header names, or undefined (used by column detection to keep these out of assessments). */
export function outcomeKindOfHeader(header: string): OutcomeKind | undefined {
  const w = headerWords(header).replace(/ \* /g, ' ');
  const withPct = headerWords(header, '%');
  if (/\bfsm\b.*%|\bfree school meals?\b.*%/.test(withPct) && !/terms?/.test(withPct)) return 'fsmShare';
  return RULES.find((r) => r.pattern.test(w))?.kind;
}

interface Shape {
  filled: number;
  whole: number;
  shares: number;
  flags: number;
}

function shapeOf(rows: Grid, index: number): Shape {
  const s: Shape = { filled: 0, whole: 0, shares: 0, flags: 0 };
  const end = Math.min(rows.length, PROFILE_ROWS);
  for (let r = 0; r < end; r++) {
    const cell = rows[r]?.[index];
    if (isMissingOutcome(cell)) continue;
    s.filled++;
    const x = readScore(cell);
    if (x === x && x >= 0 && Number.isInteger(x)) s.whole++;
    const sh = readShare(cell);
    if (sh.share === sh.share) s.shares++;
    if (readFlag(cell) !== FLAG_INVALID) s.flags++;
  }
  return s;
}

const MOSTLY = 0.8;

/** One column's outcome kind, or null when it is not an outcome (or its values do not fit the header). */
function detectOne(index: number, header: string, rows: Grid): OutcomeColumn | null {
  const kind = outcomeKindOfHeader(header);
  if (!kind) return null;
  const s = shapeOf(rows, index);
  const done = (reason: string): OutcomeColumn => ({ index, header, kind, reason });
  const mostly = (k: number) => s.filled === 0 || k >= MOSTLY * s.filled;
  switch (kind) {
    case 'attendance':
    case 'fsmShare':
      return mostly(s.shares) ? done(`The header "${header}" reads as ${OUTCOME_KIND_LABELS[kind].toLowerCase()}; the cells are percentages (95%, 95 or 0.95).`) : null;
    case 'sessionsPossible':
    case 'sessionsAttended':
    case 'fsmTerms':
    case 'termsInSchool':
      return mostly(s.whole) ? done(`The header "${header}" reads as ${OUTCOME_KIND_LABELS[kind].toLowerCase()}; the cells are whole numbers.`) : null;
    case 'persistentAbsence':
      return mostly(s.flags) ? done(`The header "${header}" reads as persistent absence; the cells are yes/no values.`) : null;
    case 'suspensions':
    case 'exclusions':
      if (mostly(s.whole)) return done(`The header "${header}" reads as ${kind}; the cells are counts per pupil (0 for none).`);
      return mostly(s.flags) ? done(`The header "${header}" reads as ${kind}; the cells are yes/no values (any ${kind === 'suspensions' ? 'suspension' : 'exclusion'}).`) : null;
    case 'destination':
      return done(`The header "${header}" reads as a destination; confirm what each word means below.`);
  }
}

/**
 * The outcome columns found, in column order (columns that are not outcomes are left out).
 *
 * @param headers the header row
 * @param rows the data rows as read (the first 2,000 are looked at)
 */
export function detectOutcomeColumns(headers: readonly string[], rows: Grid): OutcomeColumn[] {
  const out: OutcomeColumn[] = [];
  headers.forEach((h, i) => {
    const c = detectOne(i, String(h ?? ''), rows);
    if (c) out.push(c);
  });
  return out;
}

/** The first column found for each kind: the choice the screen proposes. */
export function defaultOutcomeChoice(columns: readonly OutcomeColumn[]): OutcomeChoice {
  const choice: OutcomeChoice = {};
  for (const c of columns) if (choice[c.kind] === undefined) choice[c.kind] = c.index;
  return choice;
}
