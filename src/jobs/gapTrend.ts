/**
 * The gap trend job: reads one outcome from several tables or sheets (one per year: Year 11 of 2023,
 * 2024, 2025) or from one table with a cohort-year column, runs the core's gap trend
 * (src/core/trends/gapTrend.ts) and the three-year pooled gap (pooledGap), looks up the national
 * figures the user entered, and writes a "Gap trend" report.
 */
import type { DataSource, TableData, WorkbookPort } from '../workbook/port';
import { FLAG_TRUE, readFlag, readLabel } from '../core/cells';
import { valueError } from '../core/errors';
import { gradeValue, type GradeScale } from '../core/grades/scales';
import { gapTrend, pooledGap, type PooledGap } from '../core/trends';
import { buildTrendReport, type TrendModel } from '../sheets/trendReport';
import { nationalFor, type NationalFigure } from '../sheets/nationalFigures';

export type { TrendModel } from '../sheets/trendReport';
import { loadNationalFigures } from './nationalFigures';

/** Where each year's pupils come from. Columns are named by header so tables of different years line up. */
export type TrendInput =
  | { kind: 'several'; sources: Array<{ source: DataSource; year: string }>; outcome: string; disadvantaged: string; scale: GradeScale }
  | { kind: 'one'; source: DataSource; yearColumn: string; outcome: string; disadvantaged: string; scale: GradeScale };

export interface TrendRun {
  sheetName: string;
  model: TrendModel;
}

function column(data: TableData, header: string, what: string): number {
  const i = data.headers.findIndex((h) => readLabel(h) === readLabel(header));
  if (i < 0) throw valueError(`${data.description} has no column "${header}" for the ${what}: give every year's data the same headers, or choose the column again.`);
  return i;
}

interface Pupils {
  scores: Array<[number | null]>;
  flags: Array<[unknown]>;
  years: Array<[string]>;
}

function addPupils(into: Pupils, data: TableData, input: TrendInput, year: string | null): void {
  const o = column(data, input.outcome, 'outcome');
  const d = column(data, input.disadvantaged, 'disadvantaged pupils');
  const y = year === null && input.kind === 'one' ? column(data, input.yearColumn, 'cohort year') : -1;
  for (const r of data.rows) {
    const label = year ?? (r[y] === null || r[y] === undefined ? '' : String(r[y]).trim());
    if (label === '') continue;
    const v = gradeValue(r[o], input.scale);
    into.scores.push([v === undefined ? null : v]);
    into.flags.push([r[d]]);
    into.years.push([label]);
  }
}

/** The trend from pupils already read (pure; the job and its tests share it). */
export function trendModel(pupils: Pupils, input: TrendInput, national: readonly NationalFigure[], sources: string[], confidence = 0.95): TrendModel {
  const trend = gapTrend(pupils.scores, pupils.flags, pupils.years, confidence);
  const byYear = new Map<string, { other: number[]; dis: number[] }>();
  pupils.years.forEach(([year], k) => {
    const x = pupils.scores[k][0];
    if (x === null) return;
    let b = byYear.get(year);
    if (!b) byYear.set(year, (b = { other: [], dis: [] }));
    (readFlag(pupils.flags[k][0]) === FLAG_TRUE ? b.dis : b.other).push(x);
  });
  const meanOf = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, v) => a + v, 0) / xs.length);
  const extras = trend.years.map((y) => {
    const b = byYear.get(y.year) ?? { other: [], dis: [] };
    return { year: y.year, meanDisadvantaged: meanOf(b.dis), meanOther: meanOf(b.other), national: nationalFor(national, input.outcome, y.year) };
  });
  const last3 = trend.years.slice(-3).map((y) => y.year);
  let pooled3: PooledGap | null = null;
  if (last3.length === 3) {
    const cohorts = last3.map((y) => byYear.get(y) ?? { other: [], dis: [] }).map((b) => ({ other: b.other, disadvantaged: b.dis }));
    try {
      pooled3 = pooledGap(cohorts, 'pupils', confidence);
    } catch {
      pooled3 = null; // too few pupils over three years: the report says so
    }
  }
  return { trend, pooled3, pooled3Years: last3, extras, outcome: input.outcome, disadvantaged: input.disadvantaged, sources };
}

/** Reads every source, works out the trend and writes the report. */
export async function runGapTrend(port: WorkbookPort, input: TrendInput, now: Date, report?: (p: { done: number; total: number; message: string }) => void): Promise<TrendRun> {
  const pupils: Pupils = { scores: [], flags: [], years: [] };
  const sources: string[] = [];
  const list = input.kind === 'several' ? input.sources : [{ source: input.source, year: null as string | null }];
  if (input.kind === 'several' && input.sources.length < 2) throw valueError('Choose at least two tables or sheets, one per year, to show a trend.');
  const seen = new Set<string>();
  for (const [k, item] of list.entries()) {
    report?.({ done: k, total: list.length + 2, message: 'Reading the data' });
    if (item.year !== null) {
      const y = item.year.trim();
      if (y === '') throw valueError('Give each table or sheet its year (e.g. 2024).');
      if (seen.has(readLabel(y))) throw valueError(`The year "${y}" is given to two sources: give each its own year.`);
      seen.add(readLabel(y));
    }
    const data = await port.readData(item.source);
    addPupils(pupils, data, input, item.year === null ? null : item.year.trim());
    sources.push(item.year === null ? `${data.description} (${data.address}), years from "${input.kind === 'one' ? input.yearColumn : ''}"` : `${item.year.trim()}: ${data.description} (${data.address})`);
  }
  report?.({ done: list.length, total: list.length + 2, message: 'Working out the trend' });
  const model = trendModel(pupils, input, await loadNationalFigures(port), sources);
  report?.({ done: list.length + 1, total: list.length + 2, message: 'Writing the report' });
  const written = await port.writeSheet(buildTrendReport(model, now));
  return { sheetName: written.sheetName, model };
}
