/**
 * Guesses what each column of a pupil tracker holds, from its header and its values, so a leader
 * only confirms or corrects the guess instead of mapping twenty columns by hand.
 *
 * Headers are matched on whole words after lower-casing and turning punctuation into spaces
 * ("FSM6", "Ever 6", "PP", "Pupil Premium", "SEN Status", "KS2 Scaled", "Prior Band", "Reg Group").
 * Values confirm or overrule the header: a column whose header suggests a flag but whose cells are
 * not yes/no values is not offered as a flag; a column of N/K/E codes is SEND whatever its header;
 * a column of Y/blank with an unfamiliar header is described as a yes/no column; a column whose
 * values are mostly scores or grades is an assessment ("Eng Aut", "Maths Summer", "Reading Pre").
 *
 * @example detectColumns(["UPN", "PP", "Eng Aut"], [["A1", "Y", "5+"], ["A2", null, 6]]).map((c) => c.role)
 * // ["id", "disadvantaged", "assessment"]
 */
import type { Grid } from '../cells';
import { profileColumn, type ColumnProfile } from './values';
import type { ColumnRole, DetectedColumn } from './column';
import { outcomeKindOfHeader } from './outcomeKinds';
import { headerWords } from './headers';

export type { ColumnRole, DetectedColumn } from './column';

/** Share of non-blank cells that must be scores or grades for a column to count as an assessment. */
export const ASSESSMENT_SHARE = 0.8;
/** Share of scores or grades from which a column is still offered as an assessment, unticked with the reason, so a column with many unreadable cells does not vanish from the list. */
export const MOSTLY_SCORES = 0.5;

interface HeaderRule {
  role: ColumnRole;
  pattern: RegExp;
  what: string;
}

/**
 * Header rules in the order they are tried (more specific first: "Prior Band" before "Prior",
 * "Tutor Group" before "Tutoring", "Pupil Premium" before anything with "pupil").
 * Patterns run on `headerWords(header)`, where digits are split from letters ("fsm 6", "ks 2").
 */
const HEADER_RULES: HeaderRule[] = [
  { role: 'priorBand', pattern: /\b(prior( attainment)? band|pa band|ks 2 band|attainment band|prior group|band)\b/, what: 'a prior-attainment band' },
  { role: 'disadvantaged', pattern: /^(pp|pupil premium|pp eligible|pp status|disadvantaged|disadv|dis|fsm|fsm ?6|fsm ever ?6?|ever ?6|ever 6 fsm|e ?6|free school meals?)( flag| status| y n| eligible)?$|\b(pupil premium|disadvantaged|ever 6|free school meals?)\b/, what: 'disadvantaged pupils (Pupil Premium / FSM)' },
  { role: 'send', pattern: /^(sen|send|sen status|send status|sen code|sen need|sen provision|sen stage|senk|ehcp)( code| status)?$|\bspecial educational needs?\b/, what: 'SEND status' },
  { role: 'eal', pattern: /^eal( status| flag)?$|\benglish as an additional language\b|\bfirst language\b/, what: 'English as an additional language' },
  { role: 'id', pattern: /^(upn|uln|id|pupil id|student id|pupil no|adno|adm no|admission no|admission number|candidate no|candidate number|mis id|sims id|person id)$/, what: 'a pupil identifier' },
  { role: 'name', pattern: /^(name|surname|forename|first name|last name|family name|given name|legal surname|legal forename|preferred name|preferred forename|pupil name|student name|pupil|student|full name)$/, what: "pupils' names" },
  { role: 'year', pattern: /^(nc year|year|yr|year group|yeargroup|nc yr|curriculum year)$/, what: 'the year group' },
  { role: 'form', pattern: /^(form|form group|reg|reg group|registration|registration group|class|tutor|tutor group|house|form class)$/, what: 'the form or class' },
  { role: 'gender', pattern: /^(gender|sex|legal sex|m f)$/, what: 'gender' },
  { role: 'set', pattern: /^(set|teaching group|teaching set|maths set|english set|science set|ability set|group)$|\bset$/, what: 'the teaching set' },
  { role: 'intervention', pattern: /\b(tutoring|tutored|intervention|interventions|catch up|catchup|mentoring|mentored|nft|ntp|booster)\b/, what: 'an intervention' },
  { role: 'prior', pattern: /^(ks 2|ks 2 scaled|ks 2 scaled score|ks 2 ss|ks 2 aps|ks 2 average|ks 2 average scaled score|ks 2 combined|prior|prior attainment|prior attainment score|aps|ks 2 prior|ks 2 result|ks 2 reading|ks 2 maths|ks 2 rwm)$|^ks 2 (scaled|aps|average)/, what: 'prior attainment (KS2)' },
];

const ROLE_NEEDS_FLAGS: ReadonlySet<ColumnRole> = new Set(['disadvantaged', 'eal', 'intervention']);

function describeShare(p: ColumnProfile): string {
  const besides = p.notSat > 0 ? `, not counting ${p.notSat} marked absent or not entered` : '';
  return `${Math.round(p.gradeShare * 100)}% of its ${p.filled - p.notSat} filled cells are scores or grades${besides}`;
}

/** The role for one column. */
function detectOne(index: number, header: string, rows: Grid): DetectedColumn {
  const words = headerWords(header);
  const p = profileColumn(rows, index);
  const rule = words === '' ? undefined : HEADER_RULES.find((r) => r.pattern.test(words));
  const done = (role: ColumnRole, reason: string): DetectedColumn => ({ index, header, role, reason });

  if (rule) {
    if (ROLE_NEEDS_FLAGS.has(rule.role) && p.filled > 0 && !p.flag) {
      if (p.send && rule.role !== 'intervention') return done('send', `The header suggests ${rule.what}, but the values are SEND codes (N/K/E).`);
      return done('ignore', `The header suggests ${rule.what}, but the cells are not yes/no values (Y/blank, Yes/No, TRUE/FALSE, 1/0).`);
    }
    if (rule.role === 'prior' && p.filled > 0 && p.numericShare < ASSESSMENT_SHARE) {
      return done('ignore', `The header suggests ${rule.what}, but most cells are not numbers.`);
    }
    return done(rule.role, `The header "${header}" reads as ${rule.what}.`);
  }
  if (outcomeKindOfHeader(header)) return done('ignore', 'An outcome (attendance, suspensions, destinations or time on free school meals): used by "Attendance and destinations", not as an assessment.');
  if (p.filled === 0) return done('ignore', 'The column is empty.');
  if (p.send) return done('send', 'The values are SEND codes (N, K, E).');
  if (p.flag) return done('ignore', 'A yes/no column with an unfamiliar header: choose it as the disadvantaged or intervention column if that is what it marks.');
  if (p.gender) return done('gender', 'The values are M/F.');
  if (p.gradeShare >= ASSESSMENT_SHARE && p.distinct > 1) return done('assessment', `Assessment: ${describeShare(p)}.`);
  if (p.gradeShare >= MOSTLY_SCORES && p.distinct > 1) {
    return { ...done('ignore', `Not ticked: only ${describeShare(p)}. Tick it to analyse it once the column and its scale are checked; the other cells leave those pupils out.`), mostlyScores: true };
  }
  return done('ignore', p.gradeShare > 0 ? `Not used: only ${describeShare(p)}.` : 'Not used: text that is not a score, grade or yes/no value.');
}

/**
 * Every column's guessed role, in column order.
 *
 * @param headers the header row (one text per column)
 * @param rows the data rows, as read (only the first 2,000 are looked at)
 */
export function detectColumns(headers: string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): DetectedColumn[] {
  return headers.map((h, i) => detectOne(i, String(h ?? ''), rows));
}

/**
 * How strongly a header names the disadvantaged group: 3 for Pupil Premium / Disadvantaged,
 * 2 for FSM6 / Ever 6, 1 for FSM, 0 otherwise. Schools report on disadvantaged pupils (PP), of
 * whom FSM6 is the main part and current FSM a smaller part, so the broader column is preferred.
 */
export function disadvantagedRank(header: string): number {
  const w = headerWords(header);
  if (/\b(pp|pupil premium|disadvantaged|disadv|dis)\b/.test(w)) return 3;
  if (/\b(fsm ?6|ever ?6|e ?6|fsm ever)\b/.test(w)) return 2;
  if (/\b(fsm|free school meals?)\b/.test(w)) return 1;
  return 0;
}

/**
 * The column to use for disadvantaged pupils by default: among columns detected as disadvantaged,
 * PP / Disadvantaged before FSM6 / Ever 6 before FSM (leftmost on a tie); null when there is none.
 *
 * @example defaultDisadvantaged(detectColumns(["FSM", "FSM6", "PP"], rows)) // 2
 */
export function defaultDisadvantaged(columns: readonly DetectedColumn[]): number | null {
  let best: DetectedColumn | null = null;
  let bestRank = -1;
  for (const c of columns) {
    if (c.role !== 'disadvantaged') continue;
    const rank = disadvantagedRank(c.header);
    if (rank > bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  return best ? best.index : null;
}

/** The first column detected with a role, or null. */
export function firstOfRole(columns: readonly DetectedColumn[], role: ColumnRole): number | null {
  return columns.find((c) => c.role === role)?.index ?? null;
}

