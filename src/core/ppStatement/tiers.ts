/**
 * The three tiers of the DfE Pupil Premium strategy statement's activity (the EEF's tiered
 * approach): high-quality teaching, targeted academic support, and wider strategies.
 *
 * What it is for: every intervention in the register goes under one tier. The user confirms the
 * tier in the task pane; until then a default is guessed from the intervention's name, with the
 * words that led to it, so the guess is never silent.
 *
 * @example guessTier('Reading tutoring') // { tier: 'targeted', reason: 'its name mentions "reading"' }
 */

export type Tier = 'teaching' | 'targeted' | 'wider';

export const TIERS: readonly Tier[] = ['teaching', 'targeted', 'wider'];

/** The template's heading for each tier. */
export const TIER_LABELS: Record<Tier, string> = {
  teaching: 'Teaching (for example, professional development, recruitment and retention)',
  targeted: 'Targeted academic support (for example, tutoring, one-to-one support, structured interventions)',
  wider: 'Wider strategies (for example, related to attendance, behaviour, wellbeing)',
};

/** Short names for the pane. */
export const TIER_SHORT: Record<Tier, string> = {
  teaching: 'Teaching',
  targeted: 'Targeted academic support',
  wider: 'Wider strategies',
};

const WORDS: Array<[Tier, RegExp]> = [
  ['wider', /\b(attendance|absence|breakfast|mentor\w*|behaviour|wellbeing|well-being|pastoral|parent\w*|famil\w*|trips?|uniform|music|enrichment|counsell\w*|social|emotional|sport\w*|clubs?|careers)\b/i],
  ['teaching', /\b(cpd|professional development|training|coaching|recruit\w*|retention|quality first|whole[- ]class|whole[- ]school|curriculum|mastery|feedback|metacogniti\w*|instruction|teaching)\b/i],
  ['targeted', /\b(tutor\w*|tuition|catch[- ]up|small[- ]group|one[- ]to[- ]one|1:1|booster|intervention|phonics|reading|read\w*|literacy|numeracy|maths|withdrawal|boost\w*)\b/i],
];

export interface TierGuess {
  tier: Tier;
  /** Why, in plain words, for the pane. */
  reason: string;
}

/** The default tier for an intervention, from the words in its name (targeted support when none match). */
export function guessTier(name: string): TierGuess {
  for (const [tier, re] of WORDS) {
    const m = re.exec(name);
    if (m) return { tier, reason: `its name mentions "${m[0].toLowerCase()}"` };
  }
  return { tier: 'targeted', reason: 'no word in its name points to a tier, and most evaluated interventions are support for a group of pupils' };
}

/** True for one of the three tier words (for reading saved choices). */
export function isTier(x: unknown): x is Tier {
  return x === 'teaching' || x === 'targeted' || x === 'wider';
}
