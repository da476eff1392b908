/**
 * The sheets an intervention evaluation writes: one "Impact <name> <date>" sheet per evaluation,
 * and the "Interventions register" that lists every evaluation, one row each, so leaders can
 * compare interventions side by side over the years.
 *
 * Both hold values (and the built-in HYPERLINK for the register's link), never GAPS formulas, so a
 * colleague without the add-in can read them. Builders are pure: they return a `SheetSpec`.
 */
import type { Block, CellValue, ChartSpec, SheetSpec, TableData } from '../workbook/port';
import { textCell } from '../workbook/cellText';
import { MAX_SHEET_NAME, sheetNameText } from '../workbook/names';
import { valueError } from '../core/errors';
import type { EffectFigures, InterventionEvaluation, PupilRef } from '../core/interventions/evaluate';
import type { CriterionStatus } from '../core/interventions/criteria';
import { SMALL_GROUP_SIZE as SMALL_GROUP } from '../core/gaps/gapSummary';
import { readDateCell } from '../core/dates';
import { FORMATS, headerBlocks, headerHeight, isoDate, madeStamp, todayCell, dateCell, dateLine, type HeaderLine, num, chartOfTable, smallGroupTone } from './common';
import { fixed } from '../core/numberText';

/** Name of the register sheet. */
export const REGISTER_SHEET = 'Interventions register';

const GENERIC_DATA = /^(data|pupils|sheet ?\d*|table ?\d*)$/i;

/** Letters and digits only, lower case: "Year 9" and "Year9" say the same. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * "Impact <name> YYYY-MM-DD", without the characters Excel forbids, within 31 characters. With the
 * data's name (e.g. the sheet "Year 8"), that name goes in too unless the intervention's name already
 * says it, so same-day evaluations of several year groups get names that tell them apart
 * ("Impact Readin Year 8 2026-12-01"); the intervention's name is shortened first.
 */
export function impactSheetName(name: string, now: Date, dataName?: string | null): string {
  const date = isoDate(now);
  const room = MAX_SHEET_NAME - 'Impact '.length - 1 - date.length;
  let clean = sheetNameText(name);
  const data = sheetNameText(dataName ?? '');
  // Names that say nothing about the pupils ("Data", "Sheet1", "Table1") are left out.
  if (data !== '' && !GENERIC_DATA.test(data) && !squash(clean).includes(squash(data))) {
    const dataPart = data.length > room - 5 ? data.slice(0, Math.max(1, room - 5)).trim() : data;
    const namePart = clean.slice(0, Math.max(0, room - dataPart.length - 1)).replace(/[\s\-_.,&+]+$/, '');
    clean = namePart === '' ? dataPart : `${namePart} ${dataPart}`;
  }
  const short = clean.length > room ? clean.slice(0, room).trim() : clean;
  return short === '' ? `Impact ${date}` : `Impact ${short} ${date}`;
}

/** The first sheet row (1-based) of a block's address such as "'Year 9'!A1:AB181", or null. */
function topRow(address: string): number | null {
  const m = /!\$?[A-Za-z]{1,3}\$?(\d+)/.exec(address) ?? /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(address);
  return m ? Number(m[1]) : null;
}

/** How a pupil is named in the lists: their label, else the sheet row they are on. */
function pupilName(p: PupilRef, top: number | null): string {
  if (p.label) return p.label;
  return top !== null ? `Row ${top + 1 + p.row}` : `Data row ${p.row + 1}`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

const MODE_WORDS = { rest: 'every other pupil', flagged: 'pupils flagged in a column', matched: 'matched on the pre-test' } as const;

/**
 * The evaluation sheet: header (data, when, settings, design), verdict, groups with a chart,
 * effect sizes, gap, cost, what was left out, and the matched pairs when matching was used.
 */
export function buildInterventionSheet(e: InterventionEvaluation, source: Pick<TableData, 'description' | 'address'>, now: Date, dataName?: string | null): SheetSpec {
  const top = topRow(source.address);
  const lines: HeaderLine[] = [
    ['Data', `${source.description} (${source.address})`],
    ['Made', madeStamp(now)],
    ['Intervention', `pupils marked in "${e.columns.intervention}" (${e.received} pupil${e.received === 1 ? '' : 's'})`],
    ['Start', e.start ? dateLine(e.start) : 'not given'],
    ['End', e.end ? dateLine(e.end) : 'not given'],
    ['Pre-test / post-test', `"${e.columns.pre}" / "${e.columns.post}"`],
    ['Comparison', `${MODE_WORDS[e.comparisonMode]}${e.tolerance !== null ? ` (tolerance ${e.tolerance} points, fixed beforehand)` : ''}`],
    ['Design', e.designText],
    ['Disadvantaged column', e.columns.disadvantaged ? `"${e.columns.disadvantaged}"` : 'not chosen'],
    ['Success criterion', e.criterionText ?? 'none set'],
    ['Set / class column', e.clusterColumn ? `"${e.clusterColumn}" (pupils taught together are not independent: see "Be careful")` : 'not chosen'],
    ['Confidence level', pct(e.confidence)],
    ['Method', methodWords(e)],
    ['Standardiser', standardiserWords(e)],
  ];
  const blocks: Block[] = headerBlocks(`Intervention impact: ${e.name}`, lines);
  let row = headerHeight(lines.length) + 1;

  // Verdict.
  const v = e.verdict;
  const verdictRows: CellValue[][] = [['Verdict', verdictLine(e)], ['In words', v.headline], ['Strength of evidence', strengthWords(e)]];
  for (const c of v.caveats) verdictRows.push(['Be careful', c]);
  if (v.forWhom) verdictRows.push(['For whom', v.forWhom]);
  if (v.worth) verdictRows.push(['Worth the cost?', v.worth]);
  for (const w of e.warnings) verdictRows.push(['Check the data', w]);
  blocks.push({ row, col: 0, values: [['Did it work?']], style: 'subtitle' });
  row += 1;
  blocks.push({
    row,
    col: 0,
    values: verdictRows,
    wrap: true,
    rowTones: verdictRows.map((r) => (r[0] === 'Verdict' ? verdictTone(e) : r[0] === 'Check the data' || r[0] === 'Be careful' ? 'warning' : null)),
  });
  row += verdictRows.length + 1;

  // Headline figures as label/value rows (read back by the checklist's evidence finder).
  const o = e.overall;
  const headline: CellValue[][] = [
    ['Effect size', num(o.effectSize)],
    ['CI lower', num(o.ciLower)],
    ['CI upper', num(o.ciUpper)],
    ["EEF months' progress", num(o.months)],
    ['Pupils: intervention / comparison', `${o.interventionN} / ${o.design === 'comparison' ? o.comparisonN : 'none'}`],
  ];
  blocks.push({ row, col: 0, values: headline.slice(0, 3), numberFormat: [null, FORMATS.signedTwoDp] });
  blocks.push({ row: row + 3, col: 0, values: headline.slice(3), numberFormat: [null, '+0;-0;0'] });
  row += headline.length;
  const ci = o.clusterInterval;
  if (ci) {
    const clusterRows: CellValue[][] = [
      [`Allowing for the ${ci.clusters} groups in "${e.clusterColumn}" (cluster-robust CR1): CI lower`, num(ci.lower)],
      ['Allowing for the groups (cluster-robust CR1): CI upper', num(ci.upper)],
    ];
    blocks.push({ row, col: 0, values: clusterRows, numberFormat: [null, FORMATS.signedTwoDp] });
    row += clusterRows.length;
  }
  row += 1;

  // Groups, with the chart beside them.
  const groupRows: CellValue[][] = [['Group', 'Pre-test mean', 'Post-test mean', 'Mean gain', 'Pupils']];
  for (const g of e.groups) groupRows.push([g.name, num(g.preMean), num(g.postMean), num(g.gain), g.n]);
  blocks.push({ row, col: 0, values: [['Groups (pupils with both scores)']], style: 'subtitle' });
  row += 1;
  const groupsAt = row;
  blocks.push({
    row,
    col: 0,
    values: groupRows,
    headerStyle: 'header',
    numberFormat: [null, FORMATS.oneDp, FORMATS.oneDp, FORMATS.signedTwoDp, FORMATS.integer],
    table: { name: 'ImpactGroups' },
    rowTones: groupRows.map((r, i) => (i > 0 ? smallGroupTone(r[4] as number) : null)),
  });
  const charts: ChartSpec[] = [
    chartOfTable({ row: groupsAt, rows: groupRows.length, cols: 3 }, { type: 'columnClustered', title: 'Mean pre-test and post-test by group', at: { row: groupsAt, col: 6 }, width: 420, height: 240, yAxisTitle: 'Mean score' }),
  ];
  row += Math.max(groupRows.length + 1, 14);

  // Effect sizes.
  const effectRows: CellValue[][] = [
    ['Who', 'Intervention pupils', 'Comparison pupils', 'Effect size', 'CI lower', 'CI upper', "EEF months' progress", 'Baseline difference (g)', 'Baseline check', 'Note'],
    effectRow('All intervention pupils', e.overall),
  ];
  if (e.disadvantaged) effectRows.push(effectRow('Disadvantaged in intervention', e.disadvantaged));
  blocks.push({ row, col: 0, values: [[`Effect size with ${pct(e.confidence)} confidence interval`]], style: 'subtitle' });
  row += 1;
  blocks.push({
    row,
    col: 0,
    values: effectRows,
    headerStyle: 'header',
    numberFormat: [null, FORMATS.integer, FORMATS.integer, FORMATS.signedTwoDp, FORMATS.signedTwoDp, FORMATS.signedTwoDp, '+0;-0;0', FORMATS.signedTwoDp, null, null],
    table: { name: 'ImpactEffects' },
    rowTones: effectRows.map((r, i) => (i > 0 ? smallGroupTone(r[1] as number, typeof r[2] === 'number' ? r[2] : Infinity) : null)),
    wrap: true,
  });
  row += effectRows.length + 1;

  // Gap and cost.
  if (e.gap) {
    blocks.push({ row, col: 0, values: [['Disadvantaged gap (others minus disadvantaged, all analysed pupils)']], style: 'subtitle' });
    row += 1;
    const gapRows: CellValue[][] = [
      ['Gap at pre-test', num(e.gap.pre)],
      ['Gap at post-test', num(e.gap.post)],
      ['Narrowed by (points)', num(e.gap.narrowing)],
    ];
    if (e.gapInterval) {
      gapRows.push([`Narrowed by: ${pct(e.confidence)} CI lower`, num(e.gapInterval.lower)], [`Narrowed by: ${pct(e.confidence)} CI upper`, num(e.gapInterval.upper)]);
    }
    blocks.push({ row, col: 0, values: gapRows, numberFormat: [null, FORMATS.signedTwoDp] });
    row += gapRows.length + 1;
  }
  if (e.cost) {
    blocks.push({ row, col: 0, values: [['Cost']], style: 'subtitle' });
    row += 1;
    const costRows: CellValue[][] = [
      ['Total cost', e.cost.total],
      ['Pupils who received it', e.received],
      ['Cost per pupil', e.cost.perPupil],
      ['EEF cost band', e.cost.band],
      ['Cost per pupil per month of progress', e.cost.perMonth ?? 'no months of progress to set it against'],
    ];
    blocks.push({ row, col: 0, values: costRows });
    for (const r of [0, 2, 4]) {
      const v = costRows[r][1];
      // A whole-pound total as "£2,400"; costs per pupil (and a total with pence) as "£133.33".
      if (typeof v === 'number') blocks.push({ row: row + r, col: 1, values: [[v]], numberFormat: r === 0 && Number.isInteger(v) ? FORMATS.money : FORMATS.currency });
    }
    row += costRows.length + 1;
  }

  // What was left out.
  const lo = e.leftOut;
  blocks.push({ row, col: 0, values: [['Pupils left out']], style: 'subtitle' });
  row += 1;
  const leftRows: CellValue[][] = [
    [`No "${e.columns.pre}" score`, lo.missingPre],
    [`  of which text, not a score`, lo.preText],
    [`No "${e.columns.post}" score`, lo.missingPost],
    [`  of which text, not a score`, lo.postText],
    ['Both scores but in neither group', lo.outsideGroups],
  ];
  if (e.matching) leftRows.push(['Intervention pupils without a matched partner', e.matching.unmatched.length]);
  blocks.push({ row, col: 0, values: leftRows, numberFormat: [null, FORMATS.integer] });
  row += leftRows.length + 1;

  // Matched pairs and unmatched pupils.
  if (e.matching) {
    const m = e.matching;
    const b = m.balance;
    blocks.push({ row, col: 0, values: [[`Matched design (tolerance ${m.tolerance} points)`]], style: 'subtitle' });
    row += 1;
    const effective = b.effectiveComparisonSize ?? o.effectiveComparisonN ?? NaN;
    const balanceRows: CellValue[][] = [
      ['Matched intervention pupils', b.pairs],
      ['Intervention pupils without a match', m.unmatched.length],
      ['Comparison pupils used', b.comparisonPupils ?? (o.design === 'comparison' ? o.comparisonN : 0)],
      ['Effective comparison size (Kish)', num(effective)],
      ['Pre-test difference before matching (g)', num(b.standardisedDifferenceBefore ?? NaN)],
      ['Pre-test difference after matching (g)', num(b.standardisedDifference)],
      ['Mean pre-test, matched intervention pupils', num(b.interventionMean)],
      ['Mean pre-test, matched comparison pupils (weighted)', num(b.comparisonMean)],
      ['Largest difference within a pair', num(b.maxDifference)],
    ];
    blocks.push({ row, col: 0, values: balanceRows, numberFormat: [null, FORMATS.twoDp] });
    blocks.push({ row, col: 1, values: balanceRows.slice(0, 3).map((r) => [r[1]]), numberFormat: FORMATS.integer });
    row += balanceRows.length;
    blocks.push({ row, col: 0, values: [[matchedScope(e)]], style: 'note' });
    row += 2;
    if (m.pairs.length > 0) {
      const pairRows: CellValue[][] = [['Intervention pupil', 'Pre-test', 'Comparison pupil', 'Pre-test ', 'Difference']];
      for (const p of m.pairs) pairRows.push([pupilName(p.intervention, top), p.interventionPre, pupilName(p.comparison, top), p.comparisonPre, p.difference]);
      blocks.push({ row, col: 0, values: pairRows, headerStyle: 'header', table: { name: 'ImpactPairs' }, numberFormat: [null, null, null, null, FORMATS.twoDp] });
      row += pairRows.length + 1;
    }
    if (m.unmatched.length > 0) {
      const unRows: CellValue[][] = [['Unmatched intervention pupil', 'Pre-test', 'Why']];
      for (const u of m.unmatched) unRows.push([pupilName(u, top), num(u.pre), u.reason]);
      blocks.push({ row, col: 0, values: unRows, headerStyle: 'header', table: { name: 'ImpactUnmatched' } });
      row += unRows.length + 1;
    }
  }

  return {
    name: impactSheetName(e.name, now, dataName),
    mode: 'new',
    blocks,
    charts,
    columnWidths: [230, 110, 120, 90, 80, 80, 110, 120, 150, 260],
    printLandscape: true,
    tabTone: 'neutral',
    activate: true,
  };
}

/** "For the 12 matched intervention pupils, not for the 2 without a match." */
function matchedScope(e: InterventionEvaluation): string {
  const m = e.matching;
  if (!m || m.balance.pairs === 0) return 'No intervention pupil found a match, so there is no matched estimate.';
  const n = m.balance.pairs;
  const u = m.unmatched.length;
  return `The estimate is for the ${n} matched intervention pupil${n === 1 ? '' : 's'}` + (u > 0 ? `, not for the ${u} without a match.` : ' (every intervention pupil found a match).');
}

/** How the effect was estimated, by design. */
export function methodWords(e: InterventionEvaluation): string {
  const tail = 'Hedges-corrected, divided by the standardiser below; months from the EEF table; baseline check as the What Works Clearinghouse';
  if (e.design === 'single-group') return `No comparison group: the intervention pupils' mean gain, ${tail}`;
  if (e.comparisonMode === 'matched') {
    return `Weighted ANCOVA (EEF convention) on the matched pupils: the post-test fitted on the pre-test and the intervention, comparison pupils weighted by their matches; the intervention's coefficient, ${tail}`;
  }
  return `ANCOVA (EEF convention): the post-test fitted on the pre-test and the intervention; the intervention's coefficient, ${tail}`;
}

/** The standardiser's value and where it came from. */
export function standardiserWords(e: InterventionEvaluation): string {
  const s = e.standardiser;
  if (!s) return 'not recorded';
  const value = Number.isFinite(s.value) ? fixed(s.value, 2) : 'none';
  return s.source === 'reference' ? `${value}: ${s.description}` : `${value}: the whole cohort's post-test SD, ${s.description}`;
}

/** The criterion's verdict in the three words the register uses, or null without a criterion. */
export function verdictWords(e: InterventionEvaluation): CriterionStatus | null {
  if (!e.criterion) return null;
  const status = e.verdict.status ?? e.judgement?.status ?? null;
  if (status) return status;
  const met = e.judgement?.met ?? null;
  // No estimate, or nothing to judge against: the honest answer is that we cannot tell yet.
  return met === true ? 'met' : met === false ? 'not met' : "can't tell yet";
}

/** "Met, limited evidence", "Can't tell yet, weak evidence", "No success criterion set, moderate evidence". */
export function verdictLine(e: InterventionEvaluation): string {
  const w = verdictWords(e);
  const head = w === null ? 'No success criterion set' : w.charAt(0).toUpperCase() + w.slice(1);
  return `${head}, ${e.verdict.strength} evidence`;
}

function verdictTone(e: InterventionEvaluation): 'good' | 'bad' | 'warning' {
  const w = verdictWords(e);
  if (w === 'met' && e.verdict.strength !== 'weak') return 'good';
  if (w === 'not met') return 'bad';
  return 'warning';
}

/** The strength of evidence, with reasons that agree with the checks above it. */
export function strengthWords(e: InterventionEvaluation): string {
  const s = e.verdict.strength;
  if (s === 'moderate') {
    const b = e.overall.baseline;
    const start = b.status === 'equivalent' ? b.message.replace(/\.$/, '') : 'the starting levels could not be checked';
    return `Moderate: a comparison group, at least ${SMALL_GROUP} pupils in each group and an interval clear of zero; ${start}. Still not a randomised trial.`;
  }
  if (s === 'limited') return 'Limited: a comparison group, but the result is uncertain for the reasons under "Be careful"';
  return 'Weak: treat this as a lead to follow up, not as proof (see "Be careful")';
}

function effectRow(label: string, f: EffectFigures): CellValue[] {
  return [
    label,
    f.interventionN,
    f.design === 'comparison' ? f.comparisonN : 'none',
    num(f.effectSize),
    num(f.ciLower),
    num(f.ciUpper),
    num(f.months),
    num(f.baseline.effectSize),
    f.baseline.message,
    f.note,
  ];
}

// ---------------------------------------------------------------------------------------------
// The register

/**
 * The register's columns, in order. "Verdict" holds the criterion's verdict in three words (met /
 * not met / can't tell yet) beside "Strength of evidence"; "Summary" the verdict in a sentence.
 * "Notes" belongs to the school: it is never overwritten.
 */
export const REGISTER_COLUMNS = [
  'Evaluated',
  'Intervention',
  'Data',
  'Start',
  'End',
  'Design',
  'Intervention pupils',
  'Comparison pupils',
  'Effect size',
  'CI lower',
  'CI upper',
  "EEF months' progress",
  'Cost per pupil',
  'EEF cost band',
  'Success criterion',
  'Verdict',
  'Strength of evidence',
  'Summary',
  'Sheet',
  'Notes',
] as const;

/**
 * The earlier register's "Criterion met" column (yes / no / cannot judge from the interval) and what
 * each value says in the three words "Verdict" now holds.
 */
const EARLIER_CRITERION_COLUMN = 'Criterion met';
const EARLIER_VERDICT: Record<string, CriterionStatus> = { yes: 'met', no: 'not met', 'cannot judge': "can't tell yet" };

const REGISTER_FORMATS: Record<string, string> = {
  Evaluated: FORMATS.date,
  Start: FORMATS.date,
  End: FORMATS.date,
  'Intervention pupils': FORMATS.integer,
  'Comparison pupils': FORMATS.integer,
  'Effect size': FORMATS.signedTwoDp,
  'CI lower': FORMATS.signedTwoDp,
  'CI upper': FORMATS.signedTwoDp,
  "EEF months' progress": '+0;-0;0',
  'Cost per pupil': FORMATS.currency,
};

/** Row of the register sheet where the table starts (title and note above it). */
const REGISTER_TABLE_ROW = 3;

function sameHeader(a: CellValue, b: string): boolean {
  return typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();
}

/** The built-in HYPERLINK to a sheet of this workbook, showing the sheet's name. */
export function sheetLink(sheetName: string): string {
  const target = `#'${sheetName.replace(/'/g, "''")}'!A1`;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${q(target)},${q(sheetName)})`;
}

/**
 * The register with one more row: every earlier row read back from the existing sheet, in order,
 * with every column kept (including columns colleagues added and their notes), then this evaluation.
 *
 * A register written by the earlier version (with "Criterion met" and a sentence under "Verdict")
 * is read the same way, its two columns renamed to what they hold now ("Verdict" in three words,
 * "Summary"), so no row or value is lost.
 *
 * @param existing the register's used range as read (`readSheetValues`), or null when the add-in
 *   has no register yet (then the sheet is created with mode 'new').
 * @param dataText the cohort's data, for the "Data" column (e.g. "table Year9 on sheet Year 9").
 * @throws GapsError('value') when the existing sheet has lost its header row.
 */
export function buildRegister(existing: CellValue[][] | null, e: InterventionEvaluation, sheetName: string, now: Date, dataText?: string | null): SheetSpec {
  let headers: string[] = [...REGISTER_COLUMNS];
  let earlier: CellValue[][] = [];
  if (existing && existing.some((r) => r.some((c) => c !== null && c !== ''))) {
    const h = existing.findIndex((r) => r.length > 0 && sameHeader(r[0], REGISTER_COLUMNS[0]));
    if (h < 0) {
      throw valueError(
        `The "${REGISTER_SHEET}" sheet no longer has its header row ("${REGISTER_COLUMNS[0]}" in column A), so its rows cannot be kept safely: ` +
          'restore the header row, or rename that sheet so a new register is started. The evaluation sheet itself was written.',
      );
    }
    const theirHeaders = existing[h].map((c, i) => (typeof c === 'string' && c.trim() !== '' ? c.trim() : c === null || c === '' ? '' : String(c)) || `Column ${i + 1}`);
    // A register from the earlier version: its "Verdict" held the sentence (now "Summary") and
    // "Criterion met" the verdict as yes / no / cannot judge (now "Verdict", in three words).
    const earlierAt = theirHeaders.findIndex((t) => sameHeader(t, EARLIER_CRITERION_COLUMN));
    const translate = earlierAt >= 0 && !theirHeaders.some((t) => sameHeader(t, 'Summary'));
    if (translate) {
      const sentenceAt = theirHeaders.findIndex((t) => sameHeader(t, 'Verdict'));
      if (sentenceAt >= 0) theirHeaders[sentenceAt] = 'Summary';
      theirHeaders[earlierAt] = 'Verdict';
    }
    // Their columns in their order, then any of ours they lack.
    const lastUsed = theirHeaders.reduce((last, t, i) => (existing.slice(h + 1).some((r) => r[i] !== null && r[i] !== '') || !/^Column \d+$/.test(t) ? i : last), -1);
    headers = theirHeaders.slice(0, lastUsed + 1);
    for (const c of REGISTER_COLUMNS) if (!headers.some((x) => sameHeader(x, c))) headers.push(c);
    const body = existing.slice(h + 1);
    let end = body.length;
    while (end > 0 && body[end - 1].every((c) => c === null || c === '')) end -= 1;
    earlier = body.slice(0, end).map((r) => headers.map((_, i) => (i < r.length ? (r[i] ?? null) : null)));
    if (translate) {
      for (const r of earlier) {
        const v = r[earlierAt];
        const words = typeof v === 'string' ? EARLIER_VERDICT[v.trim().toLowerCase()] : undefined;
        if (words) r[earlierAt] = words;
      }
    }
  }

  const col = (name: string) => headers.findIndex((x) => sameHeader(x, name));
  const sheetCol = col('Sheet');
  // Text read back is written back as that text (one reading "=..." stays text); a link read back
  // arrives as its shown text: write it again as a link.
  // Dates an earlier version wrote as text become date cells like the new row's.
  const dateCols = headers.map((h, i) => (REGISTER_FORMATS[REGISTER_COLUMNS.find((c) => sameHeader(h, c)) ?? ''] === FORMATS.date ? i : -1)).filter((i) => i >= 0);
  for (const r of earlier) {
    const v = r[sheetCol];
    r.forEach((x, i) => {
      const iso = dateCols.includes(i) && typeof x === 'string' ? readDateCell(x).iso : null;
      if (iso !== null) r[i] = dateCell(iso);
      else if (typeof x === 'string' && i !== sheetCol) r[i] = textCell(x);
    });
    if (typeof v === 'string' && v.trim() !== '' && !v.startsWith('=')) r[sheetCol] = sheetLink(v.trim());
  }

  const o = e.overall;
  const mine: Record<(typeof REGISTER_COLUMNS)[number], CellValue> = {
    Evaluated: todayCell(now),
    Intervention: textCell(e.name),
    Data: dataText === undefined || dataText === null ? null : textCell(dataText),
    Start: e.start === null ? null : dateCell(e.start),
    End: e.end === null ? null : dateCell(e.end),
    Design: e.designText,
    'Intervention pupils': o.interventionN,
    'Comparison pupils': o.design === 'comparison' ? o.comparisonN : 0,
    'Effect size': num(o.effectSize),
    'CI lower': num(o.ciLower),
    'CI upper': num(o.ciUpper),
    "EEF months' progress": num(o.months),
    'Cost per pupil': e.cost ? num(e.cost.perPupil) : null,
    'EEF cost band': e.cost ? e.cost.band : null,
    'Success criterion': e.criterionText,
    Verdict: verdictWords(e),
    'Strength of evidence': e.verdict.strength,
    Summary: e.verdict.headline,
    Sheet: sheetLink(sheetName),
    Notes: null,
  };
  const newRow = headers.map((hd) => {
    const key = REGISTER_COLUMNS.find((c) => sameHeader(hd, c));
    return key ? mine[key] : null;
  });

  const values: CellValue[][] = [headers, ...earlier, newRow];
  return {
    name: REGISTER_SHEET,
    mode: existing ? 'replace' : 'new',
    blocks: [
      { row: 0, col: 0, values: [[REGISTER_SHEET]], style: 'title' },
      {
        row: 1,
        col: 0,
        values: [['One row per intervention evaluated, newest last. The Notes column is yours: the add-in keeps what you write there.']],
        style: 'note',
      },
      {
        row: REGISTER_TABLE_ROW,
        col: 0,
        values,
        headerStyle: 'header',
        table: { name: 'InterventionsRegister' },
        numberFormat: headers.map((hd) => REGISTER_FORMATS[REGISTER_COLUMNS.find((c) => sameHeader(hd, c)) ?? ''] ?? null),
      },
    ],
    columnWidths: headers.map((hd) => (sameHeader(hd, 'Summary') || sameHeader(hd, 'Design') ? 280 : sameHeader(hd, 'Notes') ? 220 : 100)),
    freezeRows: REGISTER_TABLE_ROW + 1,
    activate: false,
    // Notes and the columns colleagues added, on the rows already there, are theirs: left as they are.
    userCells: headers
      .map((hd, c) => ({ hd, c }))
      .filter(({ hd }) => sameHeader(hd, 'Notes') || !REGISTER_COLUMNS.some((x) => sameHeader(hd, x)))
      .map(({ c }) => ({ row: REGISTER_TABLE_ROW + 1, col: c, rows: earlier.length, cols: 1 }))
      .filter((a) => a.rows > 0),
  };
}
