/**
 * The gap report: a header that records the data, the reading of blank flags, the scales and
 * thresholds, the allowance for chance and, in bold, any column that cannot be read well; the
 * headline comparisons (disadvantaged vs others at the latest point of each subject) with a chart of
 * their gaps as effect sizes and intervals; every comparison with its sizes, means, gap and interval,
 * adjusted p-value and verdict ("clear gap", "no clear gap", "too few pupils to tell"), Hedges' g,
 * the gap index (a rank measure of overlap, or on national ranks when the user gave a national
 * reference, as the header then says) with its interval, the gap at the threshold in percentage
 * points, and the change since the previous point over the pupils with both scores (negative =
 * narrowed); when outcome columns are chosen, the outcomes beside attainment (attendance, persistent
 * and severe absence, suspensions, destinations, with the long-term / some-of-the-time split when
 * time on free school meals is chosen), each in the report's allowance for chance; and a "Back on
 * Track" list, one row per disadvantaged pupil behind similar starters, below the threshold at the
 * latest point or persistently absent, furthest behind first.
 *
 * The analysis itself is the core's (src/core/gaps/analysis.ts); this file only lays it out.
 * Every statistic comes from the core (`gapSummaryOf`, `gapChangeOf`, `thresholdGapOf`), on grades converted to points
 * with the core's scales, so the sheet shows the same numbers as the GAPS functions would. Cells
 * hold values, not GAPS formulas, so colleagues without the add-in can read the report.
 *
 * Comparisons (the gap is always "comparison mean minus focus mean": positive = focus group behind):
 * - disadvantaged vs other pupils (the disadvantaged column read as a yes/no flag);
 * - SEND (any code other than blank / N / None / No) vs pupils with no SEND;
 * - EAL vs not EAL (a yes/no flag);
 * - boys vs girls (M/Male/Boy vs F/Female/Girl; other values left out of this comparison);
 * - within each prior-attainment band, disadvantaged vs other pupils of that band.
 */
import type { Block, CellValue, ChartSpec, SheetSpec, TableData } from '../workbook/port';
import {
  analyseGaps,
  measuresOf,
  pointsText,
  type GapAnalysis,
  type GapMeasures,
  type GapReportOptions,
  type GapResult,
} from '../core/gaps/analysis';
import { SMALL_GROUP_SIZE as SMALL_GROUP } from '../core/gaps/gapSummary';
import { GROUP_LABELS, OUTCOME_LABELS } from '../core/outcomes/analysis';
import { MAX_SHEET_NAME, sanitiseSheetName, sheetNameText } from '../workbook/names';
import { FORMATS, headerBlocks, headerHeight, isoDate, madeStamp, type HeaderLine, num, chartOfTable } from './common';

export const MEASURE_LABELS: Record<keyof GapMeasures, string> = {
  effectSize: "Effect size (Hedges' g)",
  gapIndex: 'Gap index: rank overlap (-10 to 10)',
  threshold: 'Gap in the share at or above the threshold',
};

/**
 * "Gap report YYYY-MM-DD", with the data's name after it when given, cut to fit Excel's 31
 * characters ("Gap report 2026-12-01 Year 8"); the workbook adds " (2)" when the name is taken.
 */
export function gapReportName(now: Date, dataName?: string): string {
  const base = `Gap report ${isoDate(now)}`;
  const name = sheetNameText(dataName ?? '');
  if (name === '') return base;
  const room = MAX_SHEET_NAME - base.length - 1;
  const cut = name.slice(0, room).trim();
  return cut === '' ? base : sanitiseSheetName(`${base} ${cut}`);
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** A fraction as percentage points for a cell (0.25 -> 25), blank when not a number. */
function pp(x: number): CellValue {
  return Number.isFinite(x) ? x * 100 : null;
}

const TOO_FEW = 'too few pupils';

function changeText(r: GapResult): CellValue {
  if (!r.change) return null;
  if (r.changeWord === '') return TOO_FEW;
  return r.changeWord;
}

interface ResultColumn {
  header: string;
  format: string | null;
  /** The measure the column belongs to; always shown when absent. */
  measure?: keyof GapMeasures;
  value: (r: GapResult) => CellValue;
}

const RESULT_COLUMNS: ResultColumn[] = [
  { header: 'Subject', format: null, value: (r) => r.subject },
  { header: 'Point', format: null, value: (r) => r.point },
  { header: 'Assessment', format: null, value: (r) => r.header },
  { header: 'Comparison', format: null, value: (r) => r.comparison },
  { header: 'Headline', format: null, value: (r) => (r.headline ? 'headline' : '') },
  { header: 'Focus n', format: FORMATS.integer, value: (r) => r.summary.nDisadvantaged },
  { header: 'Comparison n', format: FORMATS.integer, value: (r) => r.summary.nOther },
  { header: 'Focus mean', format: FORMATS.twoDp, value: (r) => num(r.summary.meanDisadvantaged) },
  { header: 'Comparison mean', format: FORMATS.twoDp, value: (r) => num(r.summary.meanOther) },
  { header: 'Gap', format: FORMATS.signedTwoDp, value: (r) => num(r.summary.gap) },
  { header: 'CI lower', format: FORMATS.twoDp, value: (r) => num(r.summary.ciLower) },
  { header: 'CI upper', format: FORMATS.twoDp, value: (r) => num(r.summary.ciUpper) },
  { header: 'Adjusted p (BH)', format: '0.000', value: (r) => num(r.adjustedP) },
  { header: 'Verdict', format: null, value: (r) => r.verdict },
  { header: "Hedges' g", format: FORMATS.twoDp, measure: 'effectSize', value: (r) => num(r.summary.hedgesG) },
  { header: 'Gap index (rank overlap)', format: '0.0', measure: 'gapIndex', value: (r) => num(r.gapIndex.value) },
  { header: 'Gap index lower', format: '0.0', measure: 'gapIndex', value: (r) => num(r.gapIndex.lower) },
  { header: 'Gap index upper', format: '0.0', measure: 'gapIndex', value: (r) => num(r.gapIndex.upper) },
  { header: 'Threshold', format: 'General', measure: 'threshold', value: (r) => r.threshold },
  { header: 'Focus at/above threshold', format: FORMATS.percent, measure: 'threshold', value: (r) => num(r.focusAtThreshold) },
  { header: 'Comparison at/above threshold', format: FORMATS.percent, measure: 'threshold', value: (r) => num(r.othersAtThreshold) },
  { header: 'Threshold gap (percentage points)', format: '+0.0;-0.0;0.0', measure: 'threshold', value: (r) => pp(r.thresholdGap) },
  { header: 'Previous point', format: null, value: (r) => r.changeFrom },
  { header: 'Change in gap (negative = narrowed)', format: FORMATS.signedTwoDp, value: (r) => (r.change ? num(r.change.change) : null) },
  { header: 'Change CI lower', format: FORMATS.twoDp, value: (r) => (r.change ? num(r.change.ciLower) : null) },
  { header: 'Change CI upper', format: FORMATS.twoDp, value: (r) => (r.change ? num(r.change.ciUpper) : null) },
  { header: 'Change', format: null, value: changeText },
  { header: 'Pupils with both scores', format: null, value: (r) => (r.change ? `${r.change.nDisadvantaged} + ${r.change.nOther}` : null) },
  { header: 'Cells left out', format: FORMATS.integer, value: (r) => r.summary.leftOut },
  { header: 'Note', format: null, value: (r) => r.note },
];

/**
 * The report sheet for a gap analysis of `data` (as read by the workbook) with `options`, made at
 * `now`. Pure: the same inputs give the same sheet.
 */
export function buildGapReport(data: TableData, options: GapReportOptions, now: Date, dataName?: string): SheetSpec {
  return buildGapReportFrom(analyseGaps(data, options), data, options, now, dataName);
}

function blankLine(a: GapAnalysis): string {
  const b = a.blankFlags;
  if (!b.ambiguous && b.reading === 'unknown') return `${b.blanks} blank ${b.blanks === 1 ? 'flag' : 'flags'}: read as unknown, and those pupils left out, as chosen for the whole data (your choice)`;
  if (!b.ambiguous) return b.blanks > 0 ? `${b.blanks} blank ${b.blanks === 1 ? 'flag' : 'flags'} read as not disadvantaged (the column marks disadvantaged pupils and leaves the rest blank)` : 'none';
  const cells = `${b.blanks} blank ${b.blanks === 1 ? 'flag' : 'flags'}, while the column also holds explicit "${b.negativeExample}"`;
  return b.reading === 'unknown' ? `${cells}: read as unknown, and those pupils left out of the disadvantaged comparisons (your choice)` : `${cells}: counted as not disadvantaged (your choice)`;
}

/** The gap index column's header: on national ranks when the report uses a national reference. */
export const NATIONAL_INDEX_HEADER = 'Gap index (national ranks)';

/** The header line on the national reference: what it holds, where it came from, which assessments it ranks. */
function referenceLine(a: GapAnalysis): string {
  const r = a.reference;
  if (!r) return '';
  const used = r.used.length > 0 ? `ranks pupils nationally for ${r.used.join(', ')}` : 'ranks no assessment (none is on its scale)';
  const notUsed = r.notUsed.map((x) => `not used for ${x.header}: ${x.why}`).join('; ');
  return (
    `${r.holds} (${r.source}): the gap index ${used}, as the DfE's index does, ` +
    `20 x (mean national percentile of the comparison group - of the focus group), with a Welch interval on the percentiles${notUsed ? `; ${notUsed}` : ''}`
  );
}

function chanceLine(a: GapAnalysis): string {
  const c = a.chance;
  const q = pct(c.q);
  const expected = `With no real gaps, about ${Math.round(c.expectedByChance * 10) / 10} of the ${c.comparisons} would look like gaps by chance; only what survives is marked "clear gap".`;
  if (c.parts !== undefined) {
    return (
      `Over the whole split report (all pupils and each of the ${c.parts - 1} groups): ${c.comparisons} comparisons made (${a.outcomes ? 'gaps, changes and outcomes' : 'gaps and changes'}). The ${c.headline} headline ${c.headline === 1 ? 'comparison' : 'comparisons'} of all pupils ` +
      `(disadvantaged vs others at the latest point of each subject) ${c.headline === 1 ? 'is' : 'are'} judged on ${c.headline === 1 ? 'its' : 'their'} own interval; the other ${c.adjusted}, each group's latest-point gaps among them, ` +
      `are adjusted together for their number (Benjamini-Hochberg, false discovery rate ${q}). ${expected}`
    );
  }
  return (
    `${c.comparisons} comparisons made (${a.outcomes ? 'gaps, changes and outcomes' : 'gaps and changes'}). The ${c.headline} headline ${c.headline === 1 ? 'comparison' : 'comparisons'} (disadvantaged vs others at the latest point of each subject) ` +
    `${c.headline === 1 ? 'is' : 'are'} judged on ${c.headline === 1 ? 'its' : 'their'} own interval; the other ${c.adjusted} are adjusted for their number (Benjamini-Hochberg, false discovery rate ${q}). ${expected}`
  );
}

const OUTCOME_HEADERS = [
  'Outcome', 'Group', 'Disadvantaged n', 'Others n', 'Disadvantaged', 'Others', 'Gap (disadvantaged minus others)', 'Gap lower', 'Gap upper',
  'Ratio of rates', 'Ratio lower', 'Ratio upper', 'Adjusted p (BH)', 'Verdict', 'Method', 'Note',
];
const OUTCOME_FORMATS = [null, null, FORMATS.integer, FORMATS.integer, FORMATS.oneDp, FORMATS.oneDp, '+0.0;-0.0;0.0', FORMATS.oneDp, FORMATS.oneDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, '0.000', null, null, null];
const OUTCOME_METHOD = { mean: 'mean %, Welch interval', rate: 'rate %, Newcombe interval', count: 'per 100 pupils, Poisson interval' } as const;

/** The outcomes beside attainment: their notes and one row per comparison; returns the next free row. */
function outcomeBlocks(analysis: GapAnalysis, blocks: Block[], start: number): number {
  const o = analysis.outcomes;
  if (!o) return start;
  let row = start;
  blocks.push({ row, col: 0, values: [['Attendance and other outcomes beside attainment']], style: 'subtitle' });
  row += 1;
  const notes = [
    'Gap = disadvantaged minus others, in percentage points (attendance and rates) or per 100 pupils (counts): a negative attendance gap, or a positive absence or suspension gap, means disadvantaged pupils fare worse. ' +
      'Persistent absence = 10% or more of sessions missed, severe = 50% or more. Each comparison is one more in the allowance for chance above.',
    ...o.notes,
  ];
  blocks.push({ row, col: 0, values: notes.map((n) => [n]), style: 'note' });
  row += notes.length;
  const values: CellValue[][] = [
    OUTCOME_HEADERS,
    ...o.results.map((r) => [
      OUTCOME_LABELS[r.measure], GROUP_LABELS[r.group], r.nDisadvantaged, r.nOther,
      num(r.valueDisadvantaged), num(r.valueOther), r.tooFew ? null : num(r.gap), r.tooFew ? null : num(r.lower), r.tooFew ? null : num(r.upper),
      r.tooFew ? null : num(r.ratio), r.tooFew ? null : num(r.ratioLower), r.tooFew || !Number.isFinite(r.ratioUpper) ? null : r.ratioUpper,
      num(r.adjustedP), r.verdict, OUTCOME_METHOD[r.statistic], r.note,
    ]),
  ];
  blocks.push({
    row,
    col: 0,
    values,
    headerStyle: 'header',
    numberFormat: OUTCOME_FORMATS,
    table: { name: 'GapOutcomes' },
    rowTones: [null, ...o.results.map((r) => (r.tooFew ? ('muted' as const) : null))],
  });
  return row + values.length + 1;
}

/** The report sheet from an analysis already made (the task pane shows the same analysis). */
export function buildGapReportFrom(analysis: GapAnalysis, data: TableData, options: GapReportOptions, now: Date, dataName?: string): SheetSpec {
  const { results, backOnTrack: bot, confidence, checks } = analysis;
  const thresholds = checks.map((k) => `${k.header} ${k.threshold === null ? 'none' : pointsText(k.threshold)}`).join(', ');
  const scales = checks.map((k) => `${k.header}: ${k.scaleName}`).join('; ');
  const hard = checks.filter((k) => k.unreadable.warning !== '');
  const national = analysis.reference !== null;
  const lines: HeaderLine[] = [
    ['Data', `${data.description} (${data.address}), ${data.rows.length} pupils`],
    ['Made', madeStamp(now)],
    ['Disadvantaged pupils', `marked in "${analysis.used.disadvantaged}"`],
    ['Blank flags', blankLine(analysis)],
    ['Other comparisons', analysis.used.groups.length > 0 ? analysis.used.groups.join('; ') : 'none chosen'],
    ['Assessments and scales', scales],
    ['Thresholds (points)', thresholds],
    ['Confidence level', pct(confidence)],
    ['Allowance for chance', chanceLine(analysis)],
    ['Measures', ['Gap with its interval', ...(Object.keys(MEASURE_LABELS) as Array<keyof GapMeasures>).filter((k) => measuresOf(options)[k]).map((k) => (k === 'gapIndex' && national ? 'Gap index: national ranks (-10 to 10)' : MEASURE_LABELS[k]))].join('; ')],
    ...(national ? ([['National reference', referenceLine(analysis)]] as Array<[string, string]>) : []),
    [
      'Method',
      "Gap = comparison mean minus focus mean (positive = focus group behind); Welch interval, no narrower than a pooled-spread one for small groups (Hsu's df); Hedges' g with pooled SD; " +
        (national
          ? 'the gap index ranks pupils nationally with the national reference (see above), 0 = no gap, 10 = a mean national percentile 50 points below the comparison group\'s; '
          : 'the gap index is a rank measure of how much the groups overlap (10 = no overlap), not of how far apart they are, with its interval (Newcombe); ') +
        'change in gap over the pupils with both scores (negative = narrowed), Welch interval on their progress',
    ],
    ['Small groups', `A group under ${SMALL_GROUP} pupils, or with no spread, says "too few pupils to tell" and is greyed: its interval is kept no narrower than a pooled one`],
  ];
  if (analysis.outcomes) {
    const o = analysis.outcomes;
    lines.splice(lines.findIndex((l) => l[0] === 'Thresholds (points)') + 1, 0, ['Outcomes beside attainment', o.columns.map((h) => `"${h}"`).join(', ')]);
    if (o.longTermCounts) {
      const n = o.longTermCounts;
      lines.splice(lines.findIndex((l) => l[0] === 'Outcomes beside attainment') + 1, 0, ['Long-term disadvantage', `${n['long-term']} long-term (90%+ of their time on free school meals), ${n['some of the time']} some of the time, ${n.never + n.unknown} not recorded`]);
    }
  }
  const subtitle = 'Attainment gaps between disadvantaged pupils and their peers';
  const blocks: Block[] = headerBlocks('Gap analysis', lines, subtitle);
  let row = headerHeight(lines.length, subtitle);
  // Columns that cannot be read well are said in bold, before any number.
  for (const k of hard) {
    blocks.push({ row, col: 0, values: [[`Warning: ${k.unreadable.warning}`]], style: 'subtitle' });
    row += 1;
  }
  for (const k of checks.filter((x) => x.balanceWarning !== '')) {
    blocks.push({ row, col: 0, values: [[`Threshold: ${k.header}: ${k.balanceWarning}`]], style: 'warning' });
    row += 1;
  }
  row += 1;

  // Headline: disadvantaged vs others at the latest point of each subject, as effect sizes on one axis.
  // In a group of a split report these rows are adjusted for chance with the rest (analysis.chance.parts).
  const headline = results.filter((r) => r.latest);
  const headTitle = headline.every((r) => r.headline) ? 'Headline comparisons' : 'Latest point (adjusted for chance with the rest of the split report)';
  blocks.push({ row, col: 0, values: [[`${headTitle}: disadvantaged vs others at the latest point of each subject`]], style: 'subtitle' });
  row += 1;
  const headAt = row;
  const headRows: CellValue[][] = [
    ['Assessment', 'Effect size', 'Effect size half-width', 'Effect size low', 'Effect size high', 'Subject', 'Group', 'Disadvantaged n', 'Others n', 'Gap (points)', 'CI lower', 'CI upper', 'Verdict', 'Note'],
  ];
  for (const r of headline) {
    const s = r.summary;
    const g = r.tooFew ? NaN : s.hedgesG;
    headRows.push([
      r.header,
      num(g),
      r.tooFew ? null : num((r.effectUpper - r.effectLower) / 2),
      r.tooFew ? null : num(r.effectLower),
      r.tooFew ? null : num(r.effectUpper),
      r.subject,
      'Disadvantaged vs others',
      s.nDisadvantaged,
      s.nOther,
      num(s.gap),
      num(s.ciLower),
      num(s.ciUpper),
      r.verdict,
      r.note,
    ]);
  }
  blocks.push({
    row,
    col: 0,
    values: headRows,
    headerStyle: 'header',
    numberFormat: [null, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, null, null, FORMATS.integer, FORMATS.integer, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, null, null],
    table: { name: 'GapHeadline' },
    rowTones: headline.reduce<Array<'muted' | null>>((t, r) => [...t, r.tooFew ? 'muted' : null], [null]),
  });
  const charts: ChartSpec[] = [
    chartOfTable({ row: headAt, rows: headRows.length, cols: 2 }, {
      type: 'columnClustered',
      title: 'Disadvantaged gap as an effect size, with its interval',
      at: { row: headAt + headRows.length + 2, col: 0 },
      width: Math.max(480, 90 * headline.length + 60),
      height: 260,
      errorBars: { plusCol: 2, minusCol: 2 },
      interval: { lowerCol: 3, upperCol: 4 },
      yAxisTitle: 'Effect size (SDs)',
    }),
  ];
  row += headRows.length + 1;
  blocks.push({
    row,
    col: 0,
    values: [["Effect size: the gap in pooled standard deviations (Hedges' g), so subjects on different scales share one axis; 0.2 is small, 0.5 medium, 0.8 large."]],
    style: 'note',
  });
  row += 2 + Math.ceil(260 / 15) + 1;

  // Every comparison.
  blocks.push({ row, col: 0, values: [['All comparisons']], style: 'subtitle' });
  row += 1;
  const measures = measuresOf(options);
  const shown = RESULT_COLUMNS.filter((c) => !c.measure || measures[c.measure]);
  const headerOf = (c: ResultColumn) => (national && c.header === 'Gap index (rank overlap)' ? NATIONAL_INDEX_HEADER : c.header);
  const resultRows: CellValue[][] = [shown.map(headerOf), ...results.map((r) => shown.map((c) => c.value(r)))];
  blocks.push({
    row,
    col: 0,
    values: resultRows,
    headerStyle: 'header',
    numberFormat: shown.map((c) => c.format),
    table: { name: 'GapResults' },
    rowTones: results.reduce<Array<'muted' | null>>((t, r) => [...t, r.tooFew ? 'muted' : null], [null]),
  });
  row += resultRows.length + 1;

  if (analysis.outcomes) row = outcomeBlocks(analysis, blocks, row);

  // Back on Track.
  blocks.push({ row, col: 0, values: [['Back on Track: disadvantaged pupils to follow up']], style: 'subtitle' });
  row += 1;
  blocks.push({
    row,
    col: 0,
    values: [
      [
        'Disadvantaged pupils behind pupils with similar starting points by at least a step that matters on the scale (a third of a grade on 9-1, 3 points on scaled or standardised scores), ' +
          'or below the threshold at the latest point' +
          (analysis.outcomes && analysis.outcomes.persistentlyAbsent > 0 ? ', or persistently absent (10% or more of sessions missed: one step; severe, 50% or more: two)' : '') +
          '. One row per pupil; "how far behind" counts those steps, added over the subjects, furthest behind first.',
      ],
      ...analysis.backOnTrackNotes.map((n) => [n]),
    ],
    style: 'note',
  });
  row += 1 + analysis.backOnTrackNotes.length;
  if (bot.length === 0) {
    blocks.push({ row, col: 0, values: [['No disadvantaged pupil is behind similar starters or below the threshold.']], style: 'good' });
  } else {
    const botRows: CellValue[][] = [['ID', 'Name', 'Form', 'Subjects', 'How far behind (steps)', 'Why']];
    for (const b of bot) {
      botRows.push([b.id || `Data row ${b.row + 1}`, b.name, b.form, b.subjects.map((x) => x.subject).join(', '), num(b.behind), b.subjects.map((x) => x.reason).join('. ')]);
    }
    blocks.push({
      row,
      col: 0,
      values: botRows,
      headerStyle: 'header',
      numberFormat: [FORMATS.text, null, null, null, FORMATS.oneDp, null],
      table: { name: 'BackOnTrack' },
    });
  }

  return {
    name: gapReportName(now, dataName),
    mode: 'new',
    blocks,
    charts,
    columnWidths: [110, 95, 90, 200, 70, 80, 80, 90, 90, 70, 70, 70, 80, 110, 70, 70, 70, 70, 70, 90, 90, 100, 80, 100, 80, 80, 110, 90, 70, 360],
    printLandscape: true,
    tabTone: 'neutral',
    activate: true,
  };
}
