/**
 * The Pupil Premium strategy statement sheet: its writer (the statement model laid out in the DfE
 * template's order, one page wide when printed) and its reader (what a re-draft must keep).
 *
 * Column A holds each line's reference ("S1", "C2", "A3"); column F says who fills the line. Lines
 * the add-in fills are refreshed by a re-draft, except cells a user changed: the add-in remembers
 * what it drafted for each line (the job saves it in the workbook's state) and a cell that no
 * longer says that is the user's and is kept. Input cells (yellow) are never overwritten, and rows a
 * user added inside a section (no reference in column A) are kept in that section. Writing "you" in
 * column F claims a whole line. Formula cells (the share disadvantaged, the funding total) are
 * always rewritten.
 */
import { TIERS, TIER_LABELS, type Tier } from '../core/ppStatement/tiers';
import type { EvaluationEvidence, GapEvidence, StatementModel } from '../core/ppStatement/statement';
import { readScore } from '../core/cells';
import { readDateCell } from '../core/dates';
import { gapFigures, registerFigures } from './evidence';
import { REGISTER_SHEET } from './interventionReport';
import { FORMATS } from './common';
import type { Block, CellValue, SheetSpec } from '../workbook/port';

export const PP_STATEMENT_SHEET = 'Pupil Premium statement';
export const PP_STATE_KEY = 'ctg.ppStatement';

/** Rows repeated at the top of every printed page (title and column headings). */
export const PP_TITLE_ROWS = 2;
const HEADINGS: CellValue[] = ['Ref', 'Item', 'Detail', 'Figure', 'Challenges / note', 'Filled by'];
/** Content cells of a line: columns B to E. */
const WIDTH = 4;
const ADD_IN = 'add-in';
const YOU = 'you';
const YOU_KEPT = 'you (your change is kept)';

type Kind = 'owned' | 'input' | 'formula';

/** One line of the statement: a reference, four cells and what kind each cell is. */
export interface Line {
  ref: string;
  values: CellValue[];
  kinds: Kind[];
  formats?: Array<string | null>;
}

export type SectionId =
  | 'overview'
  | 'funding'
  | 'intent'
  | 'challenges'
  | 'outcomes'
  | Tier
  | 'review'
  | 'external';

const SECTION_TITLES: Record<SectionId, string> = {
  overview: 'School overview',
  funding: 'Funding overview',
  intent: 'Part A: statement of intent',
  challenges: 'Part A: challenges',
  outcomes: 'Part A: intended outcomes and success criteria',
  teaching: `Part A: activity this year. ${TIER_LABELS.teaching}`,
  targeted: `Part A: activity this year. ${TIER_LABELS.targeted}`,
  wider: `Part A: activity this year. ${TIER_LABELS.wider}`,
  review: 'Part B: review of outcomes in the previous academic year',
  external: 'Part B: externally provided programmes',
};
const SECTION_ORDER: SectionId[] = ['overview', 'funding', 'intent', 'challenges', 'outcomes', ...TIERS, 'review', 'external'];

/** What the sheet holds now, as read back. */
export interface StatementReading {
  lines: Map<string, { values: CellValue[]; filledBy: string; section: SectionId | null }>;
  /** Rows a user added (no reference), by section, in order. */
  added: Map<SectionId, CellValue[][]>;
}

/** What the add-in drafted for each owned line last time (saved in the workbook's state). */
export type Drafted = Record<string, CellValue[]>;

function str(c: unknown): string {
  return typeof c === 'string' ? c.trim() : c === null || c === undefined ? '' : String(c);
}

function blankRow(cells: readonly CellValue[]): boolean {
  return cells.every((c) => c === null || c === '');
}

/** Reads a statement sheet's values; null when there is no sheet. */
export function readStatementSheet(values: ReadonlyArray<ReadonlyArray<CellValue>> | null): StatementReading | null {
  if (values === null) return null;
  const lines: StatementReading['lines'] = new Map();
  const added: StatementReading['added'] = new Map();
  let section: SectionId | null = null;
  for (const row of values) {
    const a = str(row[0]);
    const heading = SECTION_ORDER.find((s) => SECTION_TITLES[s].toLowerCase() === a.toLowerCase());
    if (heading) {
      section = heading;
      continue;
    }
    const cells = Array.from({ length: WIDTH }, (_, i) => (row[i + 1] === undefined || row[i + 1] === '' ? null : (row[i + 1] as CellValue)));
    if (/^[A-Z]{1,2}\d+$/.test(a)) {
      lines.set(a, { values: cells, filledBy: str(row[WIDTH + 1]).toLowerCase(), section });
    } else if (a === '' && section !== null && !blankRow(cells) && !isSubHeading(cells) && !isEmptyNote(cells)) {
      const list = added.get(section) ?? [];
      list.push(cells);
      added.set(section, list);
    }
  }
  return { lines, added };
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const norm = (x: CellValue | undefined) => (x === undefined || x === null || x === '' ? '' : typeof x === 'number' ? String(Math.round(x * 1e9) / 1e9) : String(x).trim());
  return norm(a) === norm(b);
}

const SUB_HEADINGS: Partial<Record<SectionId, CellValue[]>> = {
  challenges: ['Challenge', 'Detail of the challenge', null, null],
  outcomes: ['Intended outcome', 'Success criteria', null, null],
  teaching: ['Activity', 'Evidence that supports this approach', 'Budgeted cost', 'Challenges addressed'],
  targeted: ['Activity', 'Evidence that supports this approach', 'Budgeted cost', 'Challenges addressed'],
  wider: ['Activity', 'Evidence that supports this approach', 'Budgeted cost', 'Challenges addressed'],
  review: ['Intervention', 'What happened', 'Verdict', null],
};

function isSubHeading(cells: readonly CellValue[]): boolean {
  return Object.values(SUB_HEADINGS).some((h) => h !== undefined && h.every((x, i) => same(x, cells[i])));
}

/** The statement's lines by section, before any merge. */
export function statementLines(model: StatementModel): Record<SectionId, Line[]> {
  const input = (ref: string, label: string, hint: string, format: string | null = null, at: 1 | 2 = 1): Line => {
    const values: CellValue[] = [label, null, null, hint || null];
    const kinds: Kind[] = ['owned', 'owned', 'owned', 'owned'];
    kinds[at] = 'input';
    const formats: Array<string | null> = [null, null, null, null];
    formats[at] = format;
    return { ref, values, kinds, formats };
  };
  const owned = (ref: string, values: CellValue[], formats?: Array<string | null>): Line => ({ ref, values, kinds: values.map(() => 'owned' as Kind), formats });
  const out = {} as Record<SectionId, Line[]>;
  const p = model.overview.pupils;
  out.overview = [
    ...model.overview.inputs.map((l) => input(l.ref, l.label, l.hint, l.kind === 'date' ? FORMATS.date : null)),
    owned('P1', ['Number of pupils', p ? `Pupils in ${p.source}` : 'No gap report yet: run a gap analysis, or type the number', null, null]),
    owned('P2', ['Disadvantaged pupils', p ? 'Marked as disadvantaged in the same data' : null, null, null]),
    { ref: 'P3', values: ['Proportion of pupils who are disadvantaged', 'Disadvantaged pupils divided by the number of pupils', null, null], kinds: ['owned', 'owned', 'formula', 'owned'], formats: [null, null, FORMATS.percent, null] },
  ];
  if (p) {
    out.overview[out.overview.length - 3].values[2] = p.total;
    out.overview[out.overview.length - 2].values[2] = p.disadvantaged;
  }
  out.funding = [
    ...model.funding.map((l) => input(l.ref, l.label, l.hint, FORMATS.money, 2)),
    { ref: 'F3', values: ['Total budget for this academic year', 'Allocation plus carried forward (a formula)', null, null], kinds: ['owned', 'owned', 'formula', 'owned'], formats: [null, null, FORMATS.money, null] },
  ];
  out.intent = [input(model.partA.intent.ref, model.partA.intent.label, model.partA.intent.hint)];
  out.challenges = model.partA.challenges.map((c) => owned(c.ref, [`Challenge ${c.ref.slice(1)}`, c.text, null, c.measure]));
  out.outcomes = model.partA.outcomes.map((o) => owned(o.ref, [o.outcome, o.criterion, null, null]));
  for (const t of TIERS) {
    out[t] = model.partA.activity[t].map((a) =>
      owned(a.ref, [a.name, `${a.evidence} Cost: ${a.costText}.`, a.budgetedCost, a.challenges], [null, null, FORMATS.money, null]),
    );
  }
  out.review = model.partB.reviews.map((r) => owned(r.ref, [r.name, r.text, r.verdict, null]));
  out.external = [input(model.partB.external.ref, model.partB.external.label, model.partB.external.hint)];
  return out;
}

export interface StatementBuild {
  spec: SheetSpec;
  /** What the add-in drafted for each line this time: save it for the next re-draft. */
  drafted: Drafted;
  /** Lines where a user's change was kept, by reference. */
  kept: string[];
  /** Input lines still blank, by label. */
  toFill: string[];
}

/**
 * The sheet for a statement model, keeping what the user typed or changed on the existing sheet.
 *
 * @param previous the existing sheet as read (`readStatementSheet`), or null for a first draft.
 * @param drafted what the add-in drafted last time (null when unknown: then only input cells and
 *   lines marked "you" are kept).
 */
export function buildStatementSheet(
  model: StatementModel,
  previous: StatementReading | null,
  drafted: Drafted | null,
  options: { name: string; mode: 'new' | 'replace'; draftedAt: string; sources: string },
): StatementBuild {
  const sections = statementLines(model);
  const nextDrafted: Drafted = {};
  const kept: string[] = [];
  const toFill: string[] = [];
  const blocks: Block[] = [
    { row: 0, col: 0, values: [['Pupil Premium strategy statement']], style: 'title' },
    { row: 1, col: 0, values: [HEADINGS], style: 'header' },
    {
      row: 2,
      col: 0,
      values: [
        [
          `Drafted by Closing the Gap on ${options.draftedAt} from ${options.sources}. Yellow cells are yours to fill in. Column F says who fills each line: ` +
            `lines marked "${ADD_IN}" are refreshed when the statement is re-drafted, except any cell you change (your change is kept and the line is marked "${YOU}"). ` +
            'Rows you add inside a section with column A blank are kept. The proportion and the total are formulas and are always rewritten.',
        ],
      ],
      style: 'note',
      wrap: true,
    },
  ];
  let row = 4;
  const refRow: Record<string, number> = {};
  for (const s of SECTION_ORDER) {
    blocks.push({ row, col: 0, values: [[SECTION_TITLES[s]]], style: 'subtitle' });
    row += 1;
    const sub = SUB_HEADINGS[s];
    if (sub) {
      blocks.push({ row, col: 1, values: [sub], style: 'header' });
      row += 1;
    }
    const lines = [...sections[s]];
    // Lines the user changed that the new draft no longer has stay where they were.
    for (const [ref, got] of previous?.lines ?? []) {
      if (got.section !== s || lines.some((l) => l.ref === ref)) continue;
      const before = drafted?.[ref];
      const changed = got.filledBy.startsWith(YOU) || (before !== undefined && got.values.some((v, i) => !same(v, before[i])));
      if (changed) lines.push({ ref, values: got.values, kinds: ['input', 'input', 'input', 'input'] });
    }
    if (lines.length === 0) {
      blocks.push({ row, col: 1, values: [[emptyNote(s)]], style: 'muted' });
      row += 1;
    }
    for (const line of lines) {
      const got = previous?.lines.get(line.ref);
      const before = drafted?.[line.ref];
      const claimed = got !== undefined && got.filledBy.startsWith(YOU) && line.kinds.some((k) => k === 'owned');
      let userChanged = claimed;
      const values = line.values.map((v, i) => {
        const kind = line.kinds[i];
        if (kind === 'input') return got ? got.values[i] : v;
        if (kind === 'formula' || !got) return v;
        if (claimed || (before !== undefined && !same(got.values[i], before[i]))) {
          userChanged = userChanged || !same(got.values[i], v);
          return got.values[i];
        }
        return v;
      });
      if (line.kinds.some((k) => k === 'owned')) nextDrafted[line.ref] = line.values.map((v, i) => (line.kinds[i] === 'owned' ? v : null));
      if (userChanged) kept.push(line.ref);
      refRow[line.ref] = row;
      const onlyInput = line.kinds.every((k) => k === 'input');
      const filledBy = onlyInput || line.kinds.every((k) => k !== 'owned') ? YOU : userChanged ? YOU_KEPT : line.kinds.includes('input') ? `${ADD_IN}; yellow cell: ${YOU}` : ADD_IN;
      line.kinds.forEach((k, i) => {
        if (k === 'input' && !onlyInput && (values[i] === null || values[i] === '')) toFill.push(String(line.values[0]));
      });
      blocks.push({ row, col: 0, values: [[line.ref]], style: 'muted' });
      line.kinds.forEach((k, i) => {
        blocks.push({
          row,
          col: i + 1,
          values: [[values[i] ?? null]],
          style: k === 'input' && !onlyInput ? 'input' : undefined,
          numberFormat: line.formats?.[i] ?? undefined,
          wrap: i === 1 || i === 0,
        });
      });
      blocks.push({ row, col: WIDTH + 1, values: [[filledBy]], style: 'muted' });
      row += 1;
    }
    for (const extra of previous?.added.get(s) ?? []) {
      blocks.push({ row, col: 1, values: [extra], wrap: true });
      blocks.push({ row, col: WIDTH + 1, values: [[YOU]], style: 'muted' });
      row += 1;
    }
    row += 1;
  }
  // Formulas, now that every line has its row.
  const at = (ref: string) => `D${refRow[ref] + 1}`;
  setFormula(blocks, refRow.P3, `=IF(N(${at('P1')})>0,N(${at('P2')})/N(${at('P1')}),"")`);
  setFormula(blocks, refRow.F3, `=N(${at('F1')})+N(${at('F2')})`);

  return {
    spec: {
      name: options.name,
      mode: options.mode,
      blocks,
      columnWidths: [34, 150, 290, 80, 110, 80],
      freezeRows: PP_TITLE_ROWS,
      printFitToWidth: true,
      printTitleRows: PP_TITLE_ROWS,
      tabTone: 'good',
    },
    drafted: nextDrafted,
    kept,
    toFill,
  };
}

function setFormula(blocks: Block[], row: number | undefined, formula: string): void {
  if (row === undefined) return;
  const b = blocks.find((x) => x.row === row && x.col === 3);
  if (b) b.values = [[formula]];
}

/** The add-in's own "nothing here yet" line, which is not a row of the user's. */
function isEmptyNote(cells: readonly CellValue[]): boolean {
  return cells.slice(1).every((c) => c === null || c === '') && SECTION_ORDER.some((s) => same(cells[0], emptyNote(s)));
}

function emptyNote(s: SectionId): string {
  switch (s) {
    case 'challenges':
      return 'No clear gap in the latest gap report (every interval reaches zero): write the challenges you see in rows below, leaving column A blank.';
    case 'outcomes':
      return 'No success criteria in the register and no next actions in the checklist yet.';
    case 'review':
      return 'No evaluations in the interventions register yet.';
    default:
      return 'Nothing in the register under this tier.';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the evidence sheets (by header words, so layout changes in those sheets are survived)

function lower(c: unknown): string {
  return typeof c === 'string' ? c.trim().toLowerCase() : '';
}

function numberOf(c: unknown): number | null {
  const x = readScore(c);
  return Number.isNaN(x) ? null : x;
}

const WHOLE_GROUP = /^(disadvantaged|fsm6?|pp|pupil premium)( pupils)?( vs\.? (all )?(other|others|other pupils|non-disadvantaged))?$/i;
const RATE_MEASURE = /absen|attend|suspen|exclu|\brate\b|%/i;

/**
 * The disadvantaged gaps in a gap report's values (`gapFigures`), each with its group sizes read
 * from the same row's "n" columns; a figure repeated in a later table is counted once, and gaps of a
 * sub-group of disadvantaged pupils (within a prior-attainment band or a set) are left out.
 */
export function gapEvidence(values: ReadonlyArray<ReadonlyArray<CellValue>>): GapEvidence[] {
  const out: GapEvidence[] = [];
  const key = (g: { gap: number; lower: number | null; upper: number | null }) => [g.gap, g.lower, g.upper].map((x) => (x === null ? '' : x.toFixed(6))).join('|');
  const seen = new Set<string>();
  for (const f of gapFigures(values)) {
    // The whole disadvantaged group against the rest; sub-groups (a prior band, a set) are not challenges of their own.
    if (f.group !== null && !WHOLE_GROUP.test(f.group)) continue;
    if (seen.has(key(f))) continue;
    seen.add(key(f));
    const sizes = sizesOf(values, f.measure, f.gap);
    out.push({ measure: f.measure, gap: f.gap, lower: f.lower, upper: f.upper, focusN: sizes.focusN, otherN: sizes.otherN, kind: RATE_MEASURE.test(f.measure) ? 'rate' : 'points' });
  }
  return out;
}

function sizesOf(values: ReadonlyArray<ReadonlyArray<CellValue>>, measure: string, gap: number): { focusN: number | null; otherN: number | null } {
  let header: string[] | null = null;
  for (const row of values) {
    const words = row.map(lower);
    if (words.some((w) => /^gap\b/.test(w))) {
      header = words;
      continue;
    }
    if (!header) continue;
    const g = header.findIndex((w) => /^gap$/.test(w));
    if (!row.some((c) => typeof c === 'string' && c.trim() === measure) || g < 0 || numberOf(row[g]) === null || Math.abs((numberOf(row[g]) as number) - gap) > 1e-9) continue;
    const focus = header.findIndex((w) => /^(focus|disadvantaged)( pupils)? n$/.test(w));
    const other = header.findIndex((w) => /^(comparison|others?)( pupils)? n$/.test(w));
    return { focusN: focus >= 0 ? numberOf(row[focus]) : null, otherN: other >= 0 ? numberOf(row[other]) : null };
  }
  return { focusN: null, otherN: null };
}

/** Pupils in the data a gap report analysed: the largest group sizes among its gaps. */
export function pupilsOf(gaps: readonly GapEvidence[]): { total: number; disadvantaged: number } | null {
  let best: { total: number; disadvantaged: number } | null = null;
  for (const g of gaps) {
    if (g.focusN === null || g.otherN === null) continue;
    const total = g.focusN + g.otherN;
    if (!best || total > best.total) best = { total, disadvantaged: g.focusN };
  }
  return best;
}

/**
 * The register's rows as evaluations for the statement: the figures `registerFigures` reads, with
 * the pupils, cost, strength of evidence, success criterion, whether it was met and the verdict
 * found by their header words (left blank when the register has no such column).
 */
export function registerEvidence(values: ReadonlyArray<ReadonlyArray<CellValue>>): EvaluationEvidence[] {
  const figures = registerFigures(values, REGISTER_SHEET);
  const h = values.findIndex((r) => r.some((c) => /effect/.test(lower(c))) && r.some((c) => /intervention|^name$|programme/.test(lower(c))));
  if (h < 0) return [];
  const words = values[h].map(lower);
  const col = (re: RegExp, not?: RegExp) => words.findIndex((w) => re.test(w) && !(not && not.test(w)));
  const c = {
    name: col(/intervention|^name$|programme/, /\bn\b|pupils|cost/),
    pupils: col(/intervention pupils|pupils in|^n$|intervention n/),
    cost: col(/cost per pupil|per pupil/),
    strength: col(/strength/),
    criterion: col(/criterion|criteria/, /met/),
    met: col(/met\b/),
    verdict: col(/verdict/),
  };
  const at = (row: ReadonlyArray<CellValue>, i: number) => (i >= 0 ? row[i] : null);
  const text = (v: CellValue | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const rows = values.slice(h + 1).filter((r) => text(at(r, c.name)) !== null);
  return figures.map((f, i) => {
    const r = rows[i] ?? [];
    const d = readDateCell(f.date);
    return {
      name: f.name,
      date: d.iso ?? f.date,
      effect: f.effect,
      months: f.months,
      pupils: numberOf(at(r, c.pupils)),
      costPerPupil: numberOf(at(r, c.cost)),
      strength: text(at(r, c.strength)),
      criterion: text(at(r, c.criterion)),
      criterionMet: text(at(r, c.met)),
      verdict: text(at(r, c.verdict)),
    };
  });
}
