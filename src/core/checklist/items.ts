/**
 * The leaders' checklist for closing gaps: eleven statements under the seven areas of the
 * guidance note on closing attainment gaps for disadvantaged (FSM) pupils, phrased in the
 * add-in's own words.
 *
 * What it is for: the checklist wizard walks through these statements one at a time, and the
 * Checklist sheet lists them in this order, numbered 1 to 11. Each statement says what a school
 * doing this well looks like, with a hint about the evidence that shows it.
 *
 * Reference: "Closing gaps in attainment: a guidance note for school and college leaders",
 * its seven areas and its closing checklist (DOMAIN.md, "The checklist").
 */

/** The seven areas, in the order the guidance note gives them. */
export type AreaId = 'expectations' | 'identifying' | 'barriers' | 'choosing' | 'measuring' | 'implementing' | 'leadership';

export interface ChecklistArea {
  id: AreaId;
  /** The area's name as shown in the wizard and on the sheet. */
  name: string;
}

/** Where a statement's evidence can come from in the workbook itself. */
export type EvidenceSource = 'gaps' | 'intervention';

export interface ChecklistItem {
  /** Stable identifier kept in the saved state (never shown). */
  id: string;
  area: AreaId;
  /** A few words, for the step heading and lists. */
  title: string;
  /** The full statement, as rated. */
  text: string;
  /** What good evidence for this statement looks like. */
  hint: string;
  /** The add-in's own reports that can be cited as evidence, if any. */
  evidenceFrom?: EvidenceSource;
}

export const AREAS: readonly ChecklistArea[] = Object.freeze([
  { id: 'expectations', name: 'High expectations for every pupil' },
  { id: 'identifying', name: 'Knowing how disadvantaged pupils are doing' },
  { id: 'barriers', name: 'Understanding what holds progress back' },
  { id: 'choosing', name: 'Choosing strategies and interventions' },
  { id: 'measuring', name: 'Success criteria and measuring impact' },
  { id: 'implementing', name: 'Putting interventions into practice' },
  { id: 'leadership', name: "Leaders' roles and skills" },
] as const);

/** The eleven statements, grouped by area (the areas' order), numbered 1-11 in this order. */
export const ITEMS: readonly ChecklistItem[] = Object.freeze([
  {
    id: 'culture',
    area: 'expectations',
    title: 'A visible culture of high expectations',
    text:
      'Staff, pupils and parents can all see that the school expects every pupil to achieve highly, ' +
      'and the impartial information and guidance pupils get about their next steps reflects it.',
    hint: 'Pupil and parent survey results, careers guidance records, how targets for disadvantaged pupils compare with those of their classmates.',
  },
  {
    id: 'sets',
    area: 'expectations',
    title: 'Good teaching in every set',
    text:
      'Where pupils are set or grouped by ability, every group has the same access to high-quality ' +
      'teaching and learning.',
    hint: 'Who teaches each set, lesson visits by set, and how disadvantaged pupils are spread across sets (GAPS.REPRESENTATION).',
  },
  {
    id: 'data',
    area: 'identifying',
    title: 'Using data to track disadvantaged pupils',
    text:
      'The school uses its data for the whole school, for each year group and for each subject to ' +
      'find out how FSM pupils are doing and to follow their progress over time.',
    hint: 'The latest gap report (gaps by subject with their confidence intervals), how often the data is reviewed, and by whom.',
    evidenceFrom: 'gaps',
  },
  {
    id: 'bursary',
    area: 'identifying',
    title: 'Targeted funding reaches the most disadvantaged',
    text:
      'The rules for giving out bursaries and similar targeted awards have been thought through so ' +
      'that they find and reach the most disadvantaged pupils.',
    hint: 'The written criteria, who received an award compared with who was eligible, how eligibility is checked.',
  },
  {
    id: 'factors',
    area: 'barriers',
    title: 'Barriers inside the school identified',
    text:
      'With the involvement of all staff and after listening to pupils, the school has pinned down ' +
      'the main things within the school that widen the gap for FSM pupils.',
    hint: 'Pupil voice notes, staff meeting minutes, an analysis of attendance, behaviour, homework and setting by group.',
  },
  {
    id: 'strategies',
    area: 'choosing',
    title: 'Strategies chosen to fit our challenges',
    text:
      'The school weighs up the strengths of different strategies and interventions for disadvantaged ' +
      'pupils and has chosen the ones that answer the particular barriers it found.',
    hint: 'EEF Teaching and Learning Toolkit entries considered, cost per pupil, the reasons recorded in the Pupil Premium strategy statement.',
  },
  {
    id: 'goals',
    area: 'measuring',
    title: 'Ambitious goals agreed with pupils and families',
    text: 'Every FSM pupil has demanding achievement goals, agreed with the pupil and with their parents or carers.',
    hint: "Target-setting records, notes from parents' evenings, how targets compare with those of pupils with the same prior attainment.",
  },
  {
    id: 'impact',
    area: 'measuring',
    title: 'Impact monitored and evaluated',
    text:
      'The school checks what difference its interventions make, and uses more than one kind of ' +
      'evidence to judge it (results data, observation, pupil and staff views).',
    hint: 'Intervention evaluations with a comparison group and an effect size, the interventions register, pupil and staff feedback.',
    evidenceFrom: 'intervention',
  },
  {
    id: 'resourcing',
    area: 'implementing',
    title: 'Support planned and resourced',
    text:
      'The interventions the school has chosen are funded, carefully planned, and have the staff, ' +
      'time and space they need secured.',
    hint: 'Budget lines, timetables, training for the staff who deliver them, a named lead for each intervention.',
  },
  {
    id: 'champion',
    area: 'leadership',
    title: 'A senior leader champions the work',
    text: 'A named member of the senior leadership team is responsible for championing and driving forward the work for FSM pupils.',
    hint: "Job description, governors' minutes, the Pupil Premium strategy statement naming the lead.",
  },
  {
    id: 'planning',
    area: 'leadership',
    title: 'Part of self-evaluation and the development plan',
    text:
      "The strategy for closing gaps for FSM pupils is built into the school's self-evaluation and " +
      'its development plan rather than kept as a separate project.',
    hint: 'The self-evaluation and development plan sections, success criteria shared with governors, dates for review.',
  },
] as const satisfies readonly ChecklistItem[]);

/** The area with this id. */
export function areaOf(id: AreaId): ChecklistArea {
  const a = AREAS.find((x) => x.id === id);
  if (!a) throw new Error(`Unknown checklist area ${id}`);
  return a;
}

/**
 * The area whose name matches this text (trimmed, case-insensitive), or null.
 *
 * @example areaByName(" leaders' roles and skills ") // { id: 'leadership', ... }
 */
export function areaByName(text: string): ChecklistArea | null {
  const t = text.trim().toLowerCase();
  return AREAS.find((a) => a.name.toLowerCase() === t || a.id === t) ?? null;
}
