/**
 * The "Attendance and outcomes" report: for each outcome (attendance, persistent and severe
 * absence, suspensions, exclusions, destinations) the disadvantaged pupils' figure, the others',
 * the gap (disadvantaged minus others) with its interval, the ratio of rates, the chance check
 * and a note on small groups; the long-term / some-of-the-time split when it was made; and the
 * disadvantaged pupils who are persistently absent.
 *
 * The numbers are the core's (src/core/outcomes/analysis.ts); this file only lays them out as values.
 */
import type { Block, CellValue, SheetSpec, TableData } from '../workbook/port';
import { GROUP_LABELS, OUTCOME_LABELS, type OutcomeAnalysis, type OutcomeResult } from '../core/outcomes/analysis';
import { SMALL_GROUP_SIZE } from '../core/gaps/gapSummary';
import { FORMATS, headerBlocks, headerHeight, isoDate, madeStamp, type HeaderLine, num } from './common';

/** "Outcomes YYYY-MM-DD" (a sheet name holds 31 characters) (the workbook adds " (2)" when the name is taken). */
export function outcomesReportName(now: Date): string {
  return `Outcomes ${isoDate(now)}`;
}

const METHOD: Record<OutcomeResult['statistic'], string> = {
  mean: 'mean, Welch interval',
  rate: 'rate, Newcombe interval',
  count: 'per 100 pupils, Poisson interval',
};

const RESULT_HEADERS = [
  'Outcome', 'Group', 'Disadvantaged n', 'Others n', 'Disadvantaged', 'Others', 'Gap (disadvantaged minus others)', 'Gap lower', 'Gap upper',
  'Ratio of rates', 'Ratio lower', 'Ratio upper', 'p', 'Adjusted p', 'Clear of chance', 'Method', 'Note',
];

function resultRow(r: OutcomeResult): CellValue[] {
  return [
    OUTCOME_LABELS[r.measure], GROUP_LABELS[r.group], r.nDisadvantaged, r.nOther, num(r.valueDisadvantaged), num(r.valueOther), num(r.gap), num(r.lower), num(r.upper),
    num(r.ratio), num(r.ratioLower), Number.isFinite(r.ratioUpper) ? r.ratioUpper : null, num(r.p), num(r.adjustedP), r.clear ? 'Yes' : 'No', METHOD[r.statistic], r.note,
  ];
}

const RESULT_FORMATS = [null, null, FORMATS.integer, FORMATS.integer, FORMATS.oneDp, FORMATS.oneDp, '+0.0;-0.0;0.0', FORMATS.oneDp, FORMATS.oneDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, '0.000', '0.000', null, null, null];

/** The report sheet from an analysis. */
export function buildOutcomesReport(analysis: OutcomeAnalysis, data: TableData, used: { disadvantaged: string; columns: string[] }, now: Date): SheetSpec {
  const lines: HeaderLine[] = [
    ['Data', `${data.description} (${data.address}), ${data.rows.length} pupils`],
    ['Made', madeStamp(now)],
    ['Disadvantaged pupils', `marked in "${used.disadvantaged}"`],
    ['Outcome columns', used.columns.join('; ')],
    ['Confidence level', `${Math.round(analysis.confidence * 1000) / 10}%`],
    ['Method', 'Gap = disadvantaged minus others, in percentage points (attendance and rates) or per 100 pupils (counts). Persistent absence = 10% or more of sessions missed, severe = 50% or more'],
    ['Chance', 'Benjamini-Hochberg across every comparison on this sheet: "Clear of chance" = adjusted p at most 0.05'],
    ['Small groups', `Groups under ${SMALL_GROUP_SIZE} pupils are greyed and noted: read their intervals, not just the gap`],
  ];
  if (analysis.longTermCounts) {
    const c = analysis.longTermCounts;
    lines.push(['Long-term disadvantage', `${c['long-term']} long-term (90%+ of their time on free school meals), ${c['some of the time']} some of the time, ${c.never + c.unknown} not recorded`]);
  }
  const subtitle = 'Attendance, suspensions and destinations of disadvantaged pupils and their peers';
  const blocks: Block[] = headerBlocks('Attendance and outcomes', lines, subtitle);
  let row = headerHeight(lines.length, subtitle) + 1;

  if (analysis.notes.length > 0) {
    blocks.push({ row, col: 0, values: analysis.notes.map((n) => [n]), style: 'warning' });
    row += analysis.notes.length + 1;
  }

  blocks.push({ row, col: 0, values: [['Headlines']], style: 'subtitle' });
  row += 1;
  blocks.push({ row, col: 0, values: analysis.headlines.map((h) => [h]), style: 'note' });
  row += analysis.headlines.length + 1;

  blocks.push({ row, col: 0, values: [['Outcomes by group']], style: 'subtitle' });
  row += 1;
  const values: CellValue[][] = [RESULT_HEADERS, ...analysis.results.map(resultRow)];
  blocks.push({
    row,
    col: 0,
    values,
    headerStyle: 'header',
    numberFormat: RESULT_FORMATS,
    table: { name: 'Outcomes' },
    rowTones: [null, ...analysis.results.map((r) => (r.small ? ('muted' as const) : null))],
  });
  row += values.length + 1;

  blocks.push({ row, col: 0, values: [['Disadvantaged pupils who are persistently absent']], style: 'subtitle' });
  row += 1;
  if (analysis.persistentlyAbsent.length === 0) {
    blocks.push({ row, col: 0, values: [['None (or no attendance column was chosen).']], style: 'muted' });
  } else {
    const list: CellValue[][] = [['Pupil', 'Name', 'Attendance', 'Time on free school meals'], ...analysis.persistentlyAbsent.map((p) => [p.id, p.name, p.attendance, p.length ?? ''])];
    blocks.push({ row, col: 0, values: list, headerStyle: 'header', numberFormat: [null, null, '0.0%', null], table: { name: 'PersistentAbsence' } });
  }

  return {
    name: outcomesReportName(now),
    mode: 'new',
    blocks,
    columnWidths: [190, 200, 80, 60, 80, 60, 90, 60, 60, 60, 60, 60, 50, 60, 60, 150, 260],
    freezeRows: 0,
    printLandscape: true,
  };
}
