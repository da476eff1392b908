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
 * Intervals with the small-group floor (both disadvantaged groups are under 6): in R,
 *   floorci <- function(o, d) { nd <- length(d); no <- length(o); vd <- var(d); vo <- var(o)
 *     pooled <- ((nd-1)*vd + (no-1)*vo)/(nd+no-2); fd <- nd < 6 || vd == 0; fo <- no < 6 || vo == 0
 *     if (fd) vd <- max(vd, pooled); if (fo) vo <- max(vo, pooled)
 *     df <- min(if (fd) nd-1 else Inf, if (fo) no-1 else Inf); se <- sqrt(vd/nd + vo/no)
 *     g <- mean(o)-mean(d); c(g - qt(.975,df)*se, g + qt(.975,df)*se) }
 * change Aut -> Sum over pupils with both: floorci(prog[pp==0 & both], prog[pp==1 & both]), prog = sum - aut;
 * effect interval = floorci(...) * J / pooled sd; Back on Track: resid(lm(sum ~ aut)).
 */
const R = {
  aut: { nd: 4, no: 7, md: 3.25, mo: 5.428571428571429, gap: 2.178571428571429, lo: 0.2345223335790367, hi: 4.1226205235638211, g: 2.081407017602964, gi: 9.285714285714285, tg: 0.75 },
  sum: { nd: 5, no: 7, md: 3.8, mo: 5.809523809523809, gap: 2.009523809523809, lo: 0.83676330505625551, hi: 3.18228431399136369, g: 2.62579039889118, gi: 10, tg: 0.2 },
  change: { change: -0.119047619047619, lo: -1.132814992468651, hi: 0.894719754373412 },
  effectSum: { lo: 1.09337597402333, hi: 4.15820482375903 },
  residualP02: -0.805169,
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

  test('assessment points are put in time order and the change in the gap is over the pupils with both scores, with its interval', () => {
    expect(dis[0].change).toBeNull();
    expect(dis[1].changeFrom).toBe('Aut');
    const c = dis[1].change!;
    // P08 has no Aut score, so 4 disadvantaged and 7 others have both.
    expect([c.nDisadvantaged, c.nOther]).toEqual([4, 7]);
    expect(c.change).toBeCloseTo(R.change.change, 10);
    expect(c.ciLower).toBeCloseTo(R.change.lo, 8);
    expect(c.ciUpper).toBeCloseTo(R.change.hi, 8);
    expect(dis[1].changeWord).toBe('no clear change');
  });

  test('the gap interval in standard deviations is the floored interval times J over the pooled SD', () => {
    expect(dis[1].effectLower).toBeCloseTo(R.effectSum.lo, 8);
    expect(dis[1].effectUpper).toBeCloseTo(R.effectSum.hi, 8);
  });

  test('only the latest point of each subject, disadvantaged vs others, is a headline', () => {
    expect(a.results.filter((r) => r.headline).map((r) => [r.header, r.comparison])).toEqual([['Eng Sum', 'Disadvantaged vs others']]);
  });

  test('a grade the scale does not know is left out and named in the note', () => {
    expect(dis[0].summary.leftOut).toBe(1);
    expect(dis[0].note).toContain('"ABS"');
  });

  test('groups under 6 pupils say "too few pupils to tell", naming the group', () => {
    expect(dis[0].summary.smallGroup).toBe(true);
    expect(dis[0].tooFew).toBe(true);
    expect(dis[0].verdict).toBe('too few pupils to tell');
    expect(dis[0].clear).toBe(false);
    expect(dis[0].note).toMatch(/Too few pupils to tell: only 4 pupils \(Disadvantaged\)/);
    const send = a.results.find((r) => r.kind === 'send' && r.header === 'Eng Sum')!;
    expect(send.note).toMatch(/only 3 pupils \(SEND\)/);
    expect(send.note).not.toMatch(/disadvantaged/i);
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

  test('Back on Track lists disadvantaged pupils behind similar starters by a third of a grade or below the threshold, furthest behind first', () => {
    // P05 is 4 - 2.67 = 1.33 below the threshold (4 steps of a third); P02 is 0.81 behind the line (2.4 steps);
    // P01 (+0.32) and P11 (+0.09) are above the line and at or above 4.
    expect(a.backOnTrack.map((b) => [b.id, b.name, b.form])).toEqual([
      ['P05', 'Eve Ellis', '9B'],
      ['P02', 'Ben Bell', '9A'],
    ]);
    expect(a.backOnTrack[1].subjects[0].shortfall).toBeCloseTo(-R.residualP02, 5);
    // One pupil's start as the grade it is on 9-1 (4.33 points is "4+").
    expect(a.backOnTrack[1].subjects[0].reason).toMatch(/^Eng: 0.81 points behind pupils who started at 4\+ on Eng Aut$/);
    expect(a.backOnTrack[0].subjects[0].reason).toMatch(/below 4 on Eng Sum \(3-\)/);
    expect(a.backOnTrack[0].behind).toBeCloseTo((4 - (3 - 1 / 3)) * 3, 10);
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
    expect(a.results[0].note).toMatch(/No gap: no pupils with a score \(Disadvantaged\)/);
    expect(a.results[0].note).not.toMatch(/only 0/);
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
    // "Made" is a date cell: the serial of 2026-11-22 14:05 under a date-and-time format. Python:
    // (date(2026,11,22) - date(1899,12,30)).days = 46348, and 14:05 is 845/1440 of a day.
    const made = spec.blocks.find((b) => b.values[0]?.[0] === 'Made');
    expect(made?.values[0][1]).toBeCloseTo(46348 + 845 / 1440, 9);
    expect(made?.numberFormat).toEqual([null, 'yyyy-mm-dd hh:mm']);
    expect(cells).not.toContain('2026-11-22 14:05');
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
    expect(first[head.indexOf('Threshold gap (percentage points)')] as number).toBeCloseTo(R.aut.tg * 100, 10);
    expect(first[head.indexOf('Verdict')]).toBe('too few pupils to tell');
    expect(t.rowTones?.[1]).toBe('muted');
    expect(t.rowTones?.[0]).toBeNull();
    const all = spec.blocks.flatMap((b) => b.values.flat());
    expect(all.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    expect(all.some((v) => typeof v === 'number' && !Number.isFinite(v))).toBe(false);
  });

  test('the chart shows the headline gaps as effect sizes; rows too small to tell are left blank, not drawn', () => {
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts![0];
    const head = findBlock(spec.blocks, 'Assessment');
    expect(chart.data).toEqual({ row: head.row, col: 0, rows: 2, cols: 2 });
    expect(chart.errorBars).toEqual({ plusCol: 2, minusCol: 2 });
    expect(chart.interval).toEqual({ lowerCol: 3, upperCol: 4 });
    expect(chart.title.length).toBeLessThanOrEqual(68);
    expect(head.values[0].slice(0, 5)).toEqual(['Assessment', 'Effect size', 'Effect size half-width', 'Effect size low', 'Effect size high']);
    expect(head.values[1][0]).toBe('Eng Sum');
    // Eng Sum has 5 disadvantaged pupils: too few to tell, so nothing is drawn for it.
    expect(head.values[1].slice(1, 5)).toEqual([null, null, null, null]);
    expect(head.values[1][head.values[0].indexOf('CI lower')] as number).toBeCloseTo(R.sum.lo, 8);
    expect(head.values[1][head.values[0].indexOf('Verdict')]).toBe('too few pupils to tell');
  });

  test('the Back on Track list is a native table, one row per pupil listing the subjects, furthest behind first', () => {
    const b = findBlock(spec.blocks, 'ID');
    expect(b.table?.name).toBe('BackOnTrack');
    expect(b.values[0]).toEqual(['ID', 'Name', 'Form', 'Subjects', 'How far behind (steps)', 'Why']);
    expect(b.values.map((r) => r[0])).toEqual(['ID', 'P05', 'P02']);
    expect(b.values[2][1]).toBe('Ben Bell');
    expect(b.values[2][3]).toBe('Eng');
  });

  test('the header records the blank flags, the allowance for chance and the method of the gap index', () => {
    const lines = new Map(spec.blocks.flatMap((x) => x.values).filter((r) => r.length === 2).map((r) => [String(r[0]), String(r[1])]));
    expect(lines.get('Blank flags')).toMatch(/^7 blank flags read as not disadvantaged/);
    const c = analyseGaps(data(), OPTIONS).chance;
    expect(lines.get('Allowance for chance')).toContain(`${c.comparisons} comparisons made`);
    expect(lines.get('Allowance for chance')).toContain(`about ${Math.round(c.expectedByChance * 10) / 10} of the ${c.comparisons} would look like gaps by chance`);
    expect(lines.get('Method')).toMatch(/rank measure of how much the groups overlap/);
    expect(lines.get('Assessments and scales')).toBe('Eng Sum: GCSE 9-1 grades; Eng Aut: GCSE 9-1 grades');
  });

  test('the same inputs give the same sheet', () => {
    expect(buildGapReport(data(), OPTIONS, NOW)).toEqual(spec);
  });
});

describe('buildGapReport measures', () => {
  it('shows every measure by default, and only the chosen ones when some are left out', () => {
    const all = findBlock(buildGapReport(data(), OPTIONS, NOW).blocks, 'Subject');
    expect(all.values[0]).toEqual(expect.arrayContaining(["Hedges' g", 'Gap index (rank overlap)', 'Gap index lower', 'Gap index upper', 'Threshold gap (percentage points)']));
    const some = findBlock(buildGapReport(data(), { ...OPTIONS, measures: { gapIndex: false, threshold: false } }, NOW).blocks, 'Subject');
    expect(some.values[0]).toContain("Hedges' g");
    expect(some.values[0].filter((h) => String(h).startsWith('Gap index'))).toEqual([]);
    expect(some.values[0].filter((h) => /threshold/i.test(String(h)))).toEqual([]);
    // The gap, its interval and the sizes stay, with the same numbers in the same rows.
    const col = (b: Block, h: string) => b.values.map((r) => r[b.values[0].indexOf(h)]);
    for (const h of ['Focus n', 'Gap', 'CI lower', 'CI upper', "Hedges' g"]) expect(col(some, h)).toEqual(col(all, h));
    expect(some.numberFormat).toHaveLength(some.values[0].length);
  });

  it('says in the header which measures were shown', () => {
    const spec = buildGapReport(data(), { ...OPTIONS, measures: { effectSize: false } }, NOW);
    const line = spec.blocks.flatMap((b) => b.values).find((r) => r[0] === 'Measures');
    expect(line?.[1]).toBe('Gap with its interval; Gap index: rank overlap (-10 to 10); Gap in the share at or above the threshold');
  });
});
