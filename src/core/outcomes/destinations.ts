/**
 * Proposes how each destination word in a column maps to the four categories the DfE's destination
 * measures use: sustained (education, apprenticeship or employment), not sustained, NEET (not in
 * education, employment or training) and unknown.
 *
 * What it is for: schools record destinations in their own words ("Sixth form", "FE college",
 * "Apprenticeship", "NEET", "Not known"). The add-in proposes a mapping and lists the words it
 * could not place; the user confirms or corrects it before any rate is worked out
 * (`applyDestinationMapping`).
 *
 * Reference: DfE, "Key stage 4 destination measures" methodology (sustained = two terms of activity).
 *
 * @throws `applyDestinationMapping`: `#VALUE!` for a word the confirmed mapping does not hold.
 * @example proposeDestinationMapping([["Sixth form"], ["NEET"], ["Gap year"], ["sixth form"]])
 *   // { mapping: [{ word: 'SIXTH FORM', category: 'sustained', count: 2 }, { word: 'NEET', category: 'NEET', count: 1 }], unmapped: ['GAP YEAR'] }
 */
import { type Grid, cellAt, cellCount, columnsOf, describePosition, describeValue, readLabel } from '../cells';
import { valueError } from '../errors';

export type DestinationCategory = 'sustained' | 'not sustained' | 'NEET' | 'unknown';

/** Rules in priority order: the first pattern that matches the normalised word wins. */
const RULES: Array<[RegExp, DestinationCategory]> = [
  [/\bNOT SUSTAINED\b|\bNON SUSTAINED\b|\bUNSUSTAINED\b|\bDROPPED OUT\b|\bLEFT COURSE\b/, 'not sustained'],
  [/\bNEET\b|\bNOT IN EDUCATION\b|\bUNEMPLOYED\b|\bNO ACTIVITY\b|\bNOT IN EET\b/, 'NEET'],
  [/\bUNKNOWN\b|\bNOT KNOWN\b|\bNOT CAPTURED\b|\bNO DATA\b|\bNOT RECORDED\b|\bMOVED AWAY\b|\bEMIGRATED\b|^N\/?K$|^TBC$/, 'unknown'],
  [
    /\bSUSTAINED\b|\bSIXTH FORM\b|\b6TH FORM\b|\bCOLLEGE\b|\bFE\b|\bFURTHER EDUCATION\b|\bHIGHER EDUCATION\b|\bHE\b|\bUNIVERSITY\b|\bUNI\b|\bAPPRENTICE(SHIP)?\b|\bEMPLOY(ED|MENT)\b|\bTRAINING\b|\bEDUCATION\b|\bEET\b|\bSCHOOL\b|\bJOB\b|\bWORK\b|\bT LEVEL\b|\bA LEVELS?\b|\bBTEC\b/,
    'sustained',
  ],
];

/** The proposed category for one word, or undefined when no rule places it. */
export function proposeCategory(word: string): DestinationCategory | undefined {
  const w = readLabel(word).replace(/[-_]+/g, ' ');
  for (const [re, cat] of RULES) if (re.test(w)) return cat;
  return undefined;
}

export interface DestinationProposal {
  /** Each distinct word (upper-cased, trimmed) with its proposed category and how many pupils have it. */
  mapping: Array<{ word: string; category: DestinationCategory; count: number }>;
  /** Distinct words no rule places, for the user to map. */
  unmapped: string[];
}

/** Proposes a category for each distinct non-blank word in the range, in order of first appearance. */
export function proposeDestinationMapping(destinations: Grid): DestinationProposal {
  const n = cellCount(destinations);
  const cols = columnsOf(destinations);
  const seen = new Map<string, { word: string; category: DestinationCategory | undefined; count: number }>();
  for (let k = 0; k < n; k++) {
    const w = readLabel(cellAt(destinations, k, cols));
    if (w === '') continue;
    const hit = seen.get(w);
    if (hit) hit.count++;
    else seen.set(w, { word: w, category: proposeCategory(w), count: 1 });
  }
  const mapping: DestinationProposal['mapping'] = [];
  const unmapped: string[] = [];
  for (const e of seen.values()) {
    if (e.category === undefined) unmapped.push(e.word);
    else mapping.push({ word: e.word, category: e.category, count: e.count });
  }
  return { mapping, unmapped };
}

/**
 * Each pupil's category under a mapping the user confirmed (words matched as `readLabel` reads
 * them); blank cells are null (no destination recorded).
 */
export function applyDestinationMapping(destinations: Grid, mapping: ReadonlyMap<string, DestinationCategory>): Array<DestinationCategory | null> {
  const n = cellCount(destinations);
  const cols = columnsOf(destinations);
  const out: Array<DestinationCategory | null> = new Array(n);
  for (let k = 0; k < n; k++) {
    const cell = cellAt(destinations, k, cols);
    const w = readLabel(cell);
    if (w === '') {
      out[k] = null;
      continue;
    }
    const cat = mapping.get(w);
    if (cat === undefined) {
      throw valueError(`destinations holds ${describeValue(cell)} at ${describePosition(k, cols)}, which the confirmed mapping does not place: map it to sustained, not sustained, NEET or unknown`);
    }
    out[k] = cat;
  }
  return out;
}
