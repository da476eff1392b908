/**
 * The gap report: for each assessment chosen and each group comparison, the group sizes, means,
 * the gap with its confidence interval, Hedges' g, the gap index, the gap in the share of pupils at
 * or above a threshold, and how the gap changed since the subject's previous assessment point;
 * a chart of the disadvantaged gap per assessment with its interval; and a "Back on Track" list of
 * disadvantaged pupils below the threshold at the latest point, or making less progress than the
 * cohort on average.
 *
 * The analysis itself is the core's (src/core/gaps/analysis.ts); this file only lays it out.
 * Every statistic comes from the core (`gapSummary`, `thresholdGap`), on grades converted to points
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
import { scaleLabel } from '../core/grades/scales';
import {
  analyseGaps,
  measuresOf,
  pointsText,
  thresholdFor,
  type GapAnalysis,
  type GapMeasures,
  type GapReportOptions,
  type GapResult,
} from '../core/gaps/analysis';
import { SMALL_GROUP_SIZE as SMALL_GROUP } from '../core/gaps/gapSummary';
import { FORMATS, headerBlocks, headerHeight, isoDate, isoDateTime, num } from './common';

export const MEASURE_LABELS: Record<keyof GapMeasures, string> = {
  effectSize: "Effect size (Hedges' g)",
  gapIndex: 'Gap index (-10 to 10)',
  threshold: 'Gap in the share at or above the threshold',
};

/** "Gap report YYYY-MM-DD" (the workbook adds " (2)" when the name is taken). */
export function gapReportName(now: Date): string {
  return `Gap report ${isoDate(now)}`;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
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
  { header: 'Focus n', format: FORMATS.integer, value: (r) => r.summary.nDisadvantaged },
  { header: 'Comparison n', format: FORMATS.integer, value: (r) => r.summary.nOther },
  { header: 'Focus mean', format: FORMATS.twoDp, value: (r) => num(r.summary.meanDisadvantaged) },
  { header: 'Comparison mean', format: FORMATS.twoDp, value: (r) => num(r.summary.meanOther) },
  { header: 'Gap', format: FORMATS.signedTwoDp, value: (r) => num(r.summary.gap) },
  { header: 'CI lower', format: FORMATS.twoDp, value: (r) => num(r.summary.ciLower) },
  { header: 'CI upper', format: FORMATS.twoDp, value: (r) => num(r.summary.ciUpper) },
  { header: "Hedges' g", format: FORMATS.twoDp, measure: 'effectSize', value: (r) => num(r.summary.hedgesG) },
  { header: 'Gap index', format: '0.0', measure: 'gapIndex', value: (r) => num(r.summary.gapIndex) },
  { header: 'Threshold', format: 'General', measure: 'threshold', value: (r) => r.threshold },
  { header: 'Focus at/above threshold', format: FORMATS.percent, measure: 'threshold', value: (r) => num(r.focusAtThreshold) },
  { header: 'Comparison at/above threshold', format: FORMATS.percent, measure: 'threshold', value: (r) => num(r.othersAtThreshold) },
  { header: 'Threshold gap (points of %)', format: FORMATS.signedPercentPoints, measure: 'threshold', value: (r) => num(r.thresholdGap) },
  { header: 'Change in gap since previous point', format: FORMATS.signedTwoDp, value: (r) => (r.change === null ? null : num(r.change)) },
  { header: 'Previous point', format: null, value: (r) => r.changeFrom },
  { header: 'Cells left out', format: FORMATS.integer, value: (r) => r.summary.leftOut },
  { header: 'Note', format: null, value: (r) => r.note },
];


/**
 * The report sheet for a gap analysis of `data` (as read by the workbook) with `options`, made at
 * `now`. Pure: the same inputs give the same sheet.
 */
export function buildGapReport(data: TableData, options: GapReportOptions, now: Date): SheetSpec {
  return buildGapReportFrom(analyseGaps(data, options), data, options, now);
}

/** The report sheet from an analysis already made (the task pane shows the same analysis). */
export function buildGapReportFrom(analysis: GapAnalysis, data: TableData, options: GapReportOptions, now: Date): SheetSpec {
  const { results, backOnTrack: bot, confidence } = analysis;
  const thresholds = options.assessments.map((a) => `${data.headers[a.index]} ${pointsText(thresholdFor(a, options))}`).join(', ');
  const scales = options.assessments.map((a) => `${data.headers[a.index]}: ${scaleLabel(a.scale).replace(/^the /, '')}`).join('; ');
  const lines: Array<[string, string]> = [
    ['Data', `${data.description} (${data.address}), ${data.rows.length} pupils`],
    ['Made', isoDateTime(now)],
    ['Disadvantaged pupils', `marked in "${analysis.used.disadvantaged}"`],
    ['Other comparisons', analysis.used.groups.length > 0 ? analysis.used.groups.join('; ') : 'none chosen'],
    ['Assessments and scales', scales],
    ['Thresholds (points)', thresholds],
    ['Confidence level', pct(confidence)],
    ['Measures', ['Gap with its interval', ...(Object.keys(MEASURE_LABELS) as Array<keyof GapMeasures>).filter((k) => measuresOf(options)[k]).map((k) => MEASURE_LABELS[k])].join('; ')],
    ['Method', "Gap = comparison mean minus focus mean (positive = focus group behind); Welch interval; Hedges' g with pooled SD; gap index from average ranks (-10 to 10)"],
    ['Small groups', `Groups under ${SMALL_GROUP} pupils are greyed and noted: read their intervals, not just the gap`],
  ];
  const subtitle = 'Attainment gaps between disadvantaged pupils and their peers';
  const blocks: Block[] = headerBlocks('Gap analysis', lines, subtitle);
  let row = headerHeight(lines.length, subtitle) + 1;

  // Headline: the disadvantaged gap per assessment, with a chart and its interval.
  const headline = results.filter((r) => r.kind === 'disadvantaged');
  blocks.push({ row, col: 0, values: [['Disadvantaged gap by assessment']], style: 'subtitle' });
  row += 1;
  const headAt = row;
  const headRows: CellValue[][] = [['Assessment', 'Gap', 'CI half-width', 'CI lower', 'CI upper', 'Disadvantaged n', 'Others n', 'Note']];
  for (const r of headline) {
    const s = r.summary;
    headRows.push([r.header, num(s.gap), num((s.ciUpper - s.ciLower) / 2), num(s.ciLower), num(s.ciUpper), s.nDisadvantaged, s.nOther, r.note]);
  }
  blocks.push({
    row,
    col: 0,
    values: headRows,
    headerStyle: 'header',
    numberFormat: [null, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.integer, FORMATS.integer, null],
    table: { name: 'GapHeadline' },
    rowTones: headline.reduce<Array<'muted' | null>>((t, r) => [...t, r.summary.smallGroup ? 'muted' : null], [null]),
  });
  const charts: ChartSpec[] = [
    {
      type: 'columnClustered',
      title: 'Disadvantaged gap by assessment (others minus disadvantaged), with its interval',
      data: { row: headAt, col: 0, rows: headRows.length, cols: 2 },
      seriesBy: 'columns',
      at: { row: headAt, col: 9 },
      width: 480,
      height: 260,
      errorBars: { plusCol: 2, minusCol: 2 },
      interval: { lowerCol: 3, upperCol: 4 },
      yAxisTitle: 'Gap (points)',
    },
  ];
  row += Math.max(headRows.length + 1, 15);

  // Every comparison.
  blocks.push({ row, col: 0, values: [['All comparisons']], style: 'subtitle' });
  row += 1;
  const measures = measuresOf(options);
  const shown = RESULT_COLUMNS.filter((c) => !c.measure || measures[c.measure]);
  const resultRows: CellValue[][] = [shown.map((c) => c.header), ...results.map((r) => shown.map((c) => c.value(r)))];
  blocks.push({
    row,
    col: 0,
    values: resultRows,
    headerStyle: 'header',
    numberFormat: shown.map((c) => c.format),
    table: { name: 'GapResults' },
    rowTones: results.reduce<Array<'muted' | null>>((t, r) => [...t, r.summary.smallGroup ? 'muted' : null], [null]),
  });
  row += resultRows.length + 1;

  // Back on Track.
  blocks.push({ row, col: 0, values: [['Back on Track: disadvantaged pupils to follow up']], style: 'subtitle' });
  row += 1;
  blocks.push({
    row,
    col: 0,
    values: [['Disadvantaged pupils below the threshold at the latest point of a subject, or whose progress from the first to the latest point is below the cohort average.']],
    style: 'note',
  });
  row += 1;
  if (bot.length === 0) {
    blocks.push({ row, col: 0, values: [['No disadvantaged pupil is below the threshold or behind the average progress.']], style: 'good' });
  } else {
    const botRows: CellValue[][] = [['ID', 'Name', 'Form', 'Subject', 'Latest assessment', 'Latest points', 'Progress', 'Cohort average progress', 'Reason']];
    for (const b of bot) {
      botRows.push([b.id || `Data row ${b.row + 1}`, b.name, b.form, b.subject, b.latest, b.latestScore, b.progress === null ? null : num(b.progress), b.cohortProgress === null ? null : num(b.cohortProgress), b.reason]);
    }
    blocks.push({
      row,
      col: 0,
      values: botRows,
      headerStyle: 'header',
      numberFormat: [FORMATS.text, null, null, null, null, FORMATS.twoDp, FORMATS.signedTwoDp, FORMATS.signedTwoDp, null],
      table: { name: 'BackOnTrack' },
    });
  }

  return {
    name: gapReportName(now),
    mode: 'new',
    blocks,
    charts,
    columnWidths: [110, 70, 110, 200, 70, 80, 80, 90, 70, 70, 70, 70, 70, 70, 90, 90, 90, 100, 80, 70, 360],
    printLandscape: true,
    tabTone: 'neutral',
    activate: true,
  };
}
