/**
 * The gap trend report: each year's disadvantaged gap with its interval and group sizes, the change
 * from year to year and from the first year to the last with the interval for a difference of two
 * independent cohorts' gaps (SE = sqrt(SE1^2 + SE2^2)) and its word (narrowed, widened, no clear
 * change), the gap pooled over the last three years, the gap to national other pupils where the
 * user has entered a national figure, and a line chart of the gaps with their intervals.
 *
 * Every number comes from the core (src/core/trends); this file only lays it out.
 */
import type { Block, CellValue, ChartSpec, SheetSpec } from '../workbook/port';
import type { GapChange, GapTrend, PooledGap } from '../core/trends';
import type { NationalFigure } from './nationalFigures';
import { SMALL_GROUP_SIZE } from '../core/gaps/gapSummary';
import { FORMATS, headerBlocks, headerHeight, isoDate, madeStamp, type HeaderLine, num, chartOfTable, smallGroupTone } from './common';

/** What a year adds to the core's trend: its means and the national figure entered for it. */
export interface TrendYearExtra {
  year: string;
  meanDisadvantaged: number;
  meanOther: number;
  national: NationalFigure | null;
}

/** The trend report's content, made by the gap trend job. */
export interface TrendModel {
  trend: GapTrend;
  /** The gap pooled over the last three years' pupils (null with fewer than 3 years or too few pupils). */
  pooled3: PooledGap | null;
  pooled3Years: string[];
  extras: TrendYearExtra[];
  outcome: string;
  disadvantaged: string;
  /** One line per source read, for the report header. */
  sources: string[];
}

/** "Gap trend YYYY-MM-DD" (the workbook adds " (2)" when the name is taken). */
export function trendReportName(now: Date): string {
  return `Gap trend ${isoDate(now)}`;
}

export const YEAR_HEADERS = [
  'Year', 'Gap', 'CI half-width', 'CI lower', 'CI upper', 'Disadvantaged n', 'Others n', 'Disadvantaged mean', 'Others mean',
  'National other pupils', 'Gap to national other pupils', 'Note',
] as const;

export const CHANGE_HEADERS = ['From', 'To', 'Gap then', 'Gap now', 'Change', 'CI lower', 'CI upper', 'In words'] as const;

function changeRow(from: string, to: string, c: GapChange): CellValue[] {
  return [from, to, num(c.gap1), num(c.gap2), num(c.change), num(c.lower), num(c.upper), c.word];
}

/** The report sheet for a trend model made at `now`. Pure. */
export function buildTrendReport(model: TrendModel, now: Date): SheetSpec {
  const { trend } = model;
  const pct = `${Math.round(trend.confidence * 1000) / 10}%`;
  const nationalUsed = model.extras.filter((e) => e.national && e.national.other !== null);
  const lines: HeaderLine[] = [
    ['Data', model.sources.join('; ')],
    ['Made', madeStamp(now)],
    ['Outcome', `"${model.outcome}"; disadvantaged pupils marked in "${model.disadvantaged}"`],
    ['Confidence level', pct],
    ['Method', 'Gap = others\' mean minus disadvantaged pupils\' mean (positive = disadvantaged behind), Welch interval; a change between two years treats them as independent cohorts: SE = sqrt(SE1² + SE2²), Welch-Satterthwaite df'],
    ['Words', '"narrowed" when the whole interval of the change is below 0, "widened" when it is above 0, otherwise "no clear change"'],
    ['National figures', nationalUsed.length > 0 ? nationalUsed.map((e) => `${e.year}: ${e.national?.other} (${e.national?.source || 'no source given'})`).join('; ') : `none entered for "${model.outcome}" (fill the National figures sheet to compare with national other pupils)`],
    ['Small groups', `Years with under ${SMALL_GROUP_SIZE} pupils in a group are greyed: read their intervals, not just the gap`],
  ];
  const subtitle = 'Has the disadvantaged gap closed over the years?';
  const blocks: Block[] = headerBlocks('Gap trend', lines, subtitle);
  let row = headerHeight(lines.length, subtitle) + 1;

  blocks.push({ row, col: 0, values: [['Gap by year']], style: 'subtitle' });
  row += 1;
  const yearsAt = row;
  const yearRows: CellValue[][] = [[...YEAR_HEADERS]];
  trend.years.forEach((y, k) => {
    const e = model.extras[k];
    const natOther = e.national?.other ?? null;
    yearRows.push([
      y.year, num(y.gap), num((y.upper - y.lower) / 2), num(y.lower), num(y.upper), y.nDisadvantaged, y.nOther,
      num(e.meanDisadvantaged), num(e.meanOther), natOther, natOther === null ? null : num(natOther - e.meanDisadvantaged), y.why ?? '',
    ]);
  });
  blocks.push({
    row,
    col: 0,
    values: yearRows,
    headerStyle: 'header',
    numberFormat: [FORMATS.text, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.integer, FORMATS.integer, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.signedTwoDp, null],
    table: { name: 'GapTrend' },
    rowTones: [null, ...trend.years.map((y) => smallGroupTone(y.nDisadvantaged, y.nOther))],
  });
  const charts: ChartSpec[] = [
    chartOfTable({ row: yearsAt, rows: yearRows.length, cols: 2 }, {
      type: 'lineMarkers',
      title: 'Disadvantaged gap by year (others minus disadvantaged), with its interval',
      at: { row: yearsAt, col: 13 },
      width: 420,
      height: 250,
      errorBars: { plusCol: 2, minusCol: 2 },
      interval: { lowerCol: 3, upperCol: 4 },
      yAxisTitle: 'Gap (points)',
    }),
  ];
  row += yearRows.length + 1;

  blocks.push({ row, col: 0, values: [['Change in the gap']], style: 'subtitle' });
  row += 1;
  const changeRows: CellValue[][] = [[...CHANGE_HEADERS]];
  for (let k = 1; k < trend.years.length; k++) {
    const c = trend.years[k].change;
    const from = trend.years[k - 1].year;
    const to = trend.years[k].year;
    changeRows.push(c ? changeRow(from, to, c) : [from, to, num(trend.years[k - 1].gap), num(trend.years[k].gap), null, null, null, 'no interval (a year has too few pupils)']);
  }
  if (trend.years.length > 2) {
    const first = trend.years[0].year;
    const last = trend.years[trend.years.length - 1].year;
    changeRows.push(trend.firstToLast ? changeRow(`${first} (first)`, `${last} (last)`, trend.firstToLast) : [`${first} (first)`, `${last} (last)`, null, null, null, null, null, 'no interval (a year has too few pupils)']);
  }
  blocks.push({
    row,
    col: 0,
    values: changeRows,
    headerStyle: 'header',
    numberFormat: [FORMATS.text, FORMATS.text, FORMATS.signedTwoDp, FORMATS.signedTwoDp, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, null],
    table: { name: 'GapChanges' },
  });
  row += changeRows.length;
  blocks.push({ row, col: 0, values: [['Change = later gap minus earlier gap: below 0 the gap is smaller. A change that is "no clear change" may still be real; the cohorts are too small to tell.']], style: 'note' });
  row += 2;

  blocks.push({ row, col: 0, values: [['Gap pooled over years']], style: 'subtitle' });
  row += 1;
  const pooledRows: CellValue[][] = [['Years', 'Gap', 'CI lower', 'CI upper', 'Disadvantaged n', 'Others n']];
  if (model.pooled3) {
    const p = model.pooled3;
    pooledRows.push([`Last three years (${model.pooled3Years.join(', ')})`, num(p.gap), num(p.lower), num(p.upper), p.nDisadvantaged, p.nOther]);
  } else {
    pooledRows.push([trend.years.length < 3 ? 'Last three years: needs three years of data' : 'Last three years: too few pupils', null, null, null, null, null]);
  }
  const all = trend.pooled;
  pooledRows.push([`All ${trend.years.length} years`, num(all.gap), num(all.lower), num(all.upper), all.nDisadvantaged, all.nOther]);
  blocks.push({
    row,
    col: 0,
    values: pooledRows,
    headerStyle: 'header',
    numberFormat: [null, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.integer, FORMATS.integer],
  });
  row += pooledRows.length;
  blocks.push({ row, col: 0, values: [["Every pupil of those years counts once (as the DfE's three-year averages pool pupils): steadier than one small year, but it hides a trend, so read it beside the years."]], style: 'note' });

  return {
    name: trendReportName(now),
    mode: 'new',
    blocks,
    charts,
    columnWidths: [150, 95, 80, 70, 70, 90, 70, 100, 90, 100, 110, 260],
    printLandscape: true,
    tabTone: 'neutral',
    activate: true,
  };
}
