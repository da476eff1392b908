import { buildGapReport, gapReportName } from '../../src/sheets/gapReport';
import { analyseGaps, type GapReportOptions } from '../../src/core/gaps/analysis';
import type { Block, CellValue, TableData } from '../../src/workbook/port';

/*
 * Expected values checked in R 4 (Rscript), with
 *   pp  <- c(1,1,0,0,1,0,0,1,0,0,1,0)
 *   aut <- c(3, 4+1/3, 5, 6-1/3, 2, 7, 4, NA, 6, 5+1/3, 3+2/3, 5)
 *   sum <- c(4, 4, 5+1/3, 6, 3-1/3, 7, 5, 4, 6+1/3, 6, 4+1/3, 5)
 * and for each of aut, sum: d <- x[pp==1 & !is.na(x)]; o <- x[pp==0 & !is.na(x)];
 *   t.test(o, d)$conf.int; g = (1 - 3/(4*(n1+n2)-9)) * (mean(o)-mean(d)) / pooled sd;
 *   gap index 20*(mean(rank others) - mean(rank disadvantaged))/n; mean(o>=4) - mean(d>=4);
 *   mean(sum - aut, na.rm=TRUE) = 0.424242424242424.
 */
const R = {
  aut: { nd: 4, no: 7, md: 3.25, mo: 5.428571428571429, gap: 2.178571428571429, lo: 0.685933817079243, hi: 3.671209040063615, g: 2.081407017602964, gi: 9.285714285714285, tg: 0.75 },
  sum: { nd: 5, no: 7, md: 3.8, mo: 5.809523809523809, gap: 2.009523809523809, lo: 1.102690500700257, hi: 2.916357118347362, g: 2.62579039889118, gi: 10, tg: 0.2 },
  cohortProgress: 0.424242424242424,
};

const HEADERS = ['UPN', 'Forename', 'Surname', 'Form', 'PP', 'SEND', 'Gender', 'Band', 'Eng Aut', 'Eng Sum'];
const ROWS: CellValue[][] = [
  ['P01', 'Ava', 'Ali', '9A', 'Y', 'N', 'F', 'Low', 3, 4],
  ['P02', 'Ben', 'Bell', '9A', 'Y', 'K', 'M', 'Low', '4+', '4'],
  ['P03', 'Cal', 'Cole', '9A', null, 'N', 'F', 'High', '5', '5+'],
  ['P04', 'Dee', 'Diaz', '9A', '', 'E', 'M', 'High', '6-', 6],
  ['P05', 'Eve', 'Ellis', '9B', 'Y', null, 'F', 'Low', 2, '3-'],
  ['P06', 'Fin', 'Ford', '9B', null, 'N', 'M', 'High', 7, 7],
  ['P07', 'Gus', 'Gray', '9B', null, 'N', 'F', 'Low', '4', 5],
  ['P08', 'Hal', 'Hunt', '9B', 'Y', 'K', 'M', 'Low', 'ABS', '4'],
  ['P09', 'Ida', 'Ince', '9C', null, 'N', 'F', 'High', 6, '6+'],
  ['P10', 'Jon', 'Jones', '9C', null, 'N', 'M', 'High', '5+', 6],
  ['P11', 'Kay', 'King', '9C', 'Y', 'N', 'F', 'Low', '4-', '4+'],
  ['P12', 'Lee', 'Long', '9C', null, 'N', 'M', 'High', 5, 5],
];

function data(rows: CellValue[][] = ROWS): TableData {
  return { description: 'table Year9 on sheet Year 9', address: "'Year 9'!A1:J13", headers: HEADERS, rows };
}

const OPTIONS: GapReportOptions = {
  columns: { disadvantaged: 4, send: 5, gender: 6, priorBand: 7, id: 0, names: [1, 2], form: 3 },
  assessments: [
    { index: 9, scale: 'gcse' },
    { index: 8, scale: 'gcse' },
  ],
  threshold: 4,
};

const NOW = new Date(2026, 10, 22, 14, 5);

function findBlock(blocks: Block[], firstCell: string): Block {
  const b = blocks.find((x) => x.values[0]?.[0] === firstCell && x.values.length > 1);
  if (!b) throw new Error(`no block starting with ${firstCell}`);
  return b;
}

describe('analyseGaps', () => {
  const a = analyseGaps(data(), OPTIONS);
  const dis = a.results.filter((r) => r.kind === 'disadvantaged');

  test('the disadvantaged gap per assessment matches R: n, means, gap, Welch interval, g, gap index, threshold gap', () => {
    expect(dis.map((r) => r.header)).toEqual(['Eng Aut', 'Eng Sum']);
    for (const [r, e] of [[dis[0], R.aut], [dis[1], R.sum]] as const) {
      const s = r.summary;
      expect([s.nDisadvantaged, s.nOther]).toEqual([e.nd, e.no]);
      expect(s.meanDisadvantaged).toBeCloseTo(e.md, 10);
      expect(s.meanOther).toBeCloseTo(e.mo, 10);
      expect(s.gap).toBeCloseTo(e.gap, 10);
      expect(s.ciLower).toBeCloseTo(e.lo, 8);
      expect(s.ciUpper).toBeCloseTo(e.hi, 8);
      expect(s.hedgesG).toBeCloseTo(e.g, 10);
      expect(s.gapIndex).toBeCloseTo(e.gi, 10);
      expect(r.thresholdGap).toBeCloseTo(e.tg, 12);
    }
  });

  test('assessment points are put in time order and the change in the gap is since the previous point', () => {
    expect(dis[0].change).toBeNull();
    expect(dis[1].changeFrom).toBe('Aut');
    expect(dis[1].change).toBeCloseTo(R.sum.gap - R.aut.gap, 10);
  });

  test('a grade the scale does not know is left out and named in the note', () => {
    expect(dis[0].summary.leftOut).toBe(1);
    expect(dis[0].note).toContain('"ABS"');
  });

  test('groups under 6 pupils are flagged in the note', () => {
    expect(dis[0].summary.smallGroup).toBe(true);
    expect(dis[0].note).toMatch(/only 4 pupils in the disadvantaged group/);
  });

  test('SEND compares every code other than blank/N with the rest; gender compares boys with girls', () => {
    const send = a.results.find((r) => r.kind === 'send' && r.header === 'Eng Sum');
    expect([send?.summary.nDisadvantaged, send?.summary.nOther]).toEqual([3, 9]);
    // SEND rows P02, P04, P08 score 4, 6, 4 on Eng Sum.
    expect(send?.summary.meanDisadvantaged).toBeCloseTo(14 / 3, 12);
    const gender = a.results.find((r) => r.kind === 'gender' && r.header === 'Eng Sum');
    expect(gender?.comparison).toBe('Boys vs girls');
    expect([gender?.summary.nDisadvantaged, gender?.summary.nOther]).toEqual([6, 6]);
  });

  test('prior bands each get their own disadvantaged gap, low band first', () => {
    const bands = a.results.filter((r) => r.kind === 'priorBand' && r.header === 'Eng Sum');
    expect(bands.map((r) => r.comparison)).toEqual(['Disadvantaged vs others (Low prior band)', 'Disadvantaged vs others (High prior band)']);
    // High band has no disadvantaged pupil: no gap, and the note says why.
    expect(Number.isNaN(bands[1].summary.gap)).toBe(true);
    expect(bands[1].note).toMatch(/No gap/);
  });

  test('Back on Track lists disadvantaged pupils below the threshold at the latest point or behind the average progress', () => {
    expect(a.backOnTrack.map((b) => [b.id, b.name, b.form])).toEqual([
      ['P02', 'Ben Bell', '9A'],
      ['P05', 'Eve Ellis', '9B'],
    ]);
    expect(a.backOnTrack[0].reason).toMatch(/Progress since Eng Aut -0.33, below the cohort's average \+0.42/);
    expect(a.backOnTrack[0].cohortProgress).toBeCloseTo(R.cohortProgress, 12);
    expect(a.backOnTrack[1].reason).toMatch(/^Below 4 on Eng Sum \(latest\): 2.67$/);
  });

  test('the data is not changed', () => {
    const frozen = ROWS.map((r) => Object.freeze([...r]) as CellValue[]);
    Object.freeze(frozen);
    expect(() => analyseGaps(data(frozen), OPTIONS)).not.toThrow();
  });
});

describe('analyseGaps: messy input gets a message saying what to fix', () => {
  test('a disadvantaged cell that is not yes/no names the column, the value and the row', () => {
    const rows = ROWS.map((r) => [...r]);
    rows[4][4] = 'Maybe';
    expect(() => analyseGaps(data(rows), OPTIONS)).toThrow(/"PP" holds "Maybe" in data row 5/);
  });

  test('no assessment chosen', () => {
    expect(() => analyseGaps(data(), { ...OPTIONS, assessments: [] })).toThrow(/at least one assessment/);
  });

  test('no pupils', () => {
    expect(() => analyseGaps(data([]), OPTIONS)).toThrow(/no pupils/);
  });

  test('a column index outside the data', () => {
    expect(() => analyseGaps(data(), { ...OPTIONS, columns: { disadvantaged: 40 } })).toThrow(/disadvantaged column is not in the data/);
  });

  test('a confidence level outside (0, 1)', () => {
    expect(() => analyseGaps(data(), { ...OPTIONS, confidence: 95 })).toThrow(/between 0 and 1/);
  });

  test('no disadvantaged pupils at all still gives a report, with the reason in the note', () => {
    const rows = ROWS.map((r) => [...r.slice(0, 4), null, ...r.slice(5)]);
    const a = analyseGaps(data(rows), { ...OPTIONS, columns: { disadvantaged: 4 } });
    expect(Number.isNaN(a.results[0].summary.gap)).toBe(true);
    expect(a.results[0].note).toMatch(/No gap: needs at least one disadvantaged pupil/);
  });
});

describe('buildGapReport', () => {
  const spec = buildGapReport(data(), OPTIONS, NOW);

  test('a new sheet named "Gap report" and the date', () => {
    expect(spec.name).toBe('Gap report 2026-11-22');
    expect(gapReportName(NOW)).toBe(spec.name);
    expect(spec.mode).toBe('new');
  });

  test('the header names the data, the time and the settings', () => {
    const cells = spec.blocks.flatMap((b) => b.values.flat()).map(String);
    expect(spec.blocks[0].values[0][0]).toBe('Gap analysis');
    expect(cells).toContain("table Year9 on sheet Year 9 ('Year 9'!A1:J13), 12 pupils");
    expect(cells).toContain('2026-11-22 14:05');
    expect(cells).toContain('marked in "PP"');
    expect(cells.some((c) => c.includes('Eng Sum 4'))).toBe(true);
  });

  test('the results table holds the core numbers, greys small groups and holds no formulas', () => {
    const t = findBlock(spec.blocks, 'Subject');
    expect(t.table?.name).toBe('GapResults');
    const head = t.values[0];
    const first = t.values[1];
    expect(first[head.indexOf('Comparison')]).toBe('Disadvantaged vs others');
    expect(first[head.indexOf('Gap')] as number).toBeCloseTo(R.aut.gap, 10);
    expect(first[head.indexOf('CI lower')] as number).toBeCloseTo(R.aut.lo, 8);
    expect(first[head.indexOf('Threshold gap (points of %)')] as number).toBeCloseTo(R.aut.tg, 12);
    expect(t.rowTones?.[1]).toBe('muted');
    expect(t.rowTones?.[0]).toBeNull();
    const all = spec.blocks.flatMap((b) => b.values.flat());
    expect(all.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    expect(all.some((v) => typeof v === 'number' && !Number.isFinite(v))).toBe(false);
  });

  test('the chart shows the disadvantaged gap per assessment with error bars from the interval half-widths', () => {
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts![0];
    const head = findBlock(spec.blocks, 'Assessment');
    expect(chart.data).toEqual({ row: head.row, col: 0, rows: 3, cols: 2 });
    expect(chart.errorBars).toEqual({ plusCol: 2, minusCol: 2 });
    expect(chart.interval).toEqual({ lowerCol: 3, upperCol: 4 });
    expect(head.values[0].slice(3, 5)).toEqual(['CI lower', 'CI upper']);
    expect(head.values[1][0]).toBe('Eng Aut');
    expect(head.values[1][2] as number).toBeCloseTo((R.aut.hi - R.aut.lo) / 2, 8);
  });

  test('the Back on Track list is a native table with id, name, form and reason', () => {
    const b = findBlock(spec.blocks, 'ID');
    expect(b.table?.name).toBe('BackOnTrack');
    expect(b.values.map((r) => r[0])).toEqual(['ID', 'P02', 'P05']);
    expect(b.values[1][1]).toBe('Ben Bell');
  });

  test('the same inputs give the same sheet', () => {
    expect(buildGapReport(data(), OPTIONS, NOW)).toEqual(spec);
  });
});

describe('buildGapReport measures', () => {
  it('shows every measure by default, and only the chosen ones when some are left out', () => {
    const all = findBlock(buildGapReport(data(), OPTIONS, NOW).blocks, 'Subject');
    expect(all.values[0]).toEqual(expect.arrayContaining(["Hedges' g", 'Gap index', 'Threshold gap (points of %)']));
    const some = findBlock(buildGapReport(data(), { ...OPTIONS, measures: { gapIndex: false, threshold: false } }, NOW).blocks, 'Subject');
    expect(some.values[0]).toContain("Hedges' g");
    expect(some.values[0]).not.toContain('Gap index');
    expect(some.values[0].filter((h) => String(h).includes('threshold') || h === 'Threshold')).toEqual([]);
    // The gap, its interval and the sizes stay, with the same numbers in the same rows.
    const col = (b: Block, h: string) => b.values.map((r) => r[b.values[0].indexOf(h)]);
    for (const h of ['Focus n', 'Gap', 'CI lower', 'CI upper', "Hedges' g"]) expect(col(some, h)).toEqual(col(all, h));
    expect(some.numberFormat).toHaveLength(some.values[0].length);
  });

  it('says in the header which measures were shown', () => {
    const spec = buildGapReport(data(), { ...OPTIONS, measures: { effectSize: false } }, NOW);
    const line = spec.blocks.flatMap((b) => b.values).find((r) => r[0] === 'Measures');
    expect(line?.[1]).toBe('Gap with its interval; Gap index (-10 to 10); Gap in the share at or above the threshold');
  });
});
