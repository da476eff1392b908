import {
  buildInterventionSheet,
  buildRegister,
  impactSheetName,
  REGISTER_COLUMNS,
  REGISTER_SHEET,
  sheetLink,
} from '../../src/sheets/interventionReport';
import type { InterventionEvaluation } from '../../src/core/interventions/evaluate';
import type { Block, CellValue, SheetSpec } from '../../src/workbook/port';
import { GapsError } from '../../src/core/errors';
import { datedSheets, impactFigures, registerFigures } from '../../src/sheets/evidence';

const NOW = new Date(2026, 10, 22, 14, 5);
const SOURCE = { description: 'table Year9 on sheet Year 9', address: "'Year 9'!A1:K31" };

/** A finished evaluation, as `evaluateIntervention` returns it, with round numbers. */
function evaluation(over: Partial<InterventionEvaluation> = {}): InterventionEvaluation {
  const effect = {
    design: 'comparison' as const,
    interventionN: 8,
    comparisonN: 8,
    effectSize: 0.31,
    ciLower: 0.05,
    ciUpper: 0.57,
    months: 4,
    note: '',
    available: true,
    baseline: { effectSize: 0.02, status: 'equivalent' as const, message: 'The groups started level (pre-test difference 0.02 SD).' },
  };
  return {
    name: 'Reading tutoring',
    start: '2026-01-05',
    end: '2026-07-17',
    confidence: 0.95,
    columns: { pre: 'Reading Pre', post: 'Reading Post', intervention: 'Tutoring', disadvantaged: 'PP', comparison: null },
    comparisonMode: 'matched',
    tolerance: 3,
    design: 'comparison',
    designText: 'Matched comparison group: each pupil paired with a non-participant whose pre-test was within 3 points',
    received: 9,
    analysed: 16,
    groups: [
      { name: 'Intervention', n: 8, preMean: 95, postMean: 101, gain: 6 },
      { name: 'Matched comparison', n: 8, preMean: 95.2, postMean: 99, gain: 3.8 },
      { name: 'Disadvantaged in intervention', n: 4, preMean: 93, postMean: 99.5, gain: 6.5 },
    ],
    overall: effect,
    disadvantaged: { ...effect, interventionN: 4, effectSize: 0.4, ciLower: -0.1, ciUpper: 0.9, months: 5 },
    gap: { pre: 4, post: 2.5, narrowing: 1.5 },
    cost: { total: 1800, perPupil: 200, band: 'Low', perMonth: 50 },
    criterion: { kind: 'months', atLeast: 3 },
    criterionText: "at least 3 months' additional progress",
    judgement: { met: true, observed: "4 months' additional progress" },
    verdict: {
      headline: "Met the success criterion (at least 3 months' additional progress): 4 months' additional progress.",
      met: true,
      strength: 'limited',
      caveats: ['1 intervention pupil has no matched partner and is left out of the estimate.'],
      forWhom: 'Disadvantaged pupils in the intervention (4): effect size 0.40.',
      worth: '£200.00 per pupil (EEF cost band: Low).',
    },
    matching: {
      tolerance: 3,
      pairs: [
        { intervention: { row: 0, label: 'Amy B' }, comparison: { row: 5, label: 'Ben C' }, interventionPre: 95, comparisonPre: 96, difference: 1 },
        { intervention: { row: 2, label: null }, comparison: { row: 7, label: null }, interventionPre: 90, comparisonPre: 90, difference: 0 },
      ],
      unmatched: [{ row: 4, label: null, pre: 70, reason: 'no comparison pupil within the tolerance' }],
      balance: { pairs: 2, interventionMean: 92.5, comparisonMean: 93, standardisedDifference: -0.1, maxDifference: 1, meanDifference: 0.5 },
    },
    leftOut: { preText: 1, postText: 0, missingPre: 2, missingPost: 1, outsideGroups: 10, example: '"ABS"' },
    warnings: ['1 score cell held text rather than a score (such as "ABS") and was left out: 1 in "Reading Pre", 0 in "Reading Post".'],
    ...over,
  };
}

/** The sheet as a grid of values, as a workbook would hold it after writing the blocks. */
function render(spec: SheetSpec): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const b of spec.blocks) {
    b.values.forEach((r, i) =>
      r.forEach((v, j) => {
        const row = (grid[b.row + i] ??= []);
        row[b.col + j] = v;
      }),
    );
  }
  let width = 0;
  for (let i = 0; i < grid.length; i++) width = Math.max(width, grid[i] ? grid[i].length : 0);
  return Array.from({ length: grid.length }, (_, i) => Array.from({ length: width }, (_, j) => grid[i]?.[j] ?? null));
}

function findRow(grid: CellValue[][], first: string): CellValue[] | undefined {
  return grid.find((r) => r[0] === first);
}

describe('impactSheetName', () => {
  it('is "Impact <name> <date>" within Excel\'s 31 characters, without forbidden characters', () => {
    expect(impactSheetName('Reading', NOW)).toBe('Impact Reading 2026-11-22');
    const long = impactSheetName('Year 9 reading: tutoring [small groups] / phonics?', NOW);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).toBe('Impact Year 9 readin 2026-11-22');
    expect(long).not.toMatch(/[:\\/?*[\]]/);
    expect(impactSheetName("'''", NOW)).toBe('Impact 2026-11-22');
  });
});

describe('buildInterventionSheet', () => {
  const spec = buildInterventionSheet(evaluation(), SOURCE, NOW);
  const grid = render(spec);

  it('writes a new sheet named after the intervention and the day', () => {
    expect(spec.mode).toBe('new');
    expect(spec.name).toBe('Impact Reading tutor 2026-11-22'); // Excel allows 31 characters
  });

  it('writes money with thousands separators: a whole-pound total as "£#,##0", a cost per pupil with pence', () => {
    const total = spec.blocks.find((b) => b.values.length === 1 && b.values[0][0] === 1800);
    const perPupil = spec.blocks.find((b) => b.values.length === 1 && b.values[0][0] === 200 && b.col === 1);
    expect(total?.numberFormat).toBe('£#,##0');
    expect(perPupil?.numberFormat).toBe('£#,##0.00');
  });

  it('says in its header what data, when, which settings and which design', () => {
    expect(grid[0][0]).toBe('Intervention impact: Reading tutoring');
    expect(findRow(grid, 'Data')?.[1]).toBe("table Year9 on sheet Year 9 ('Year 9'!A1:K31)");
    // A date cell, not text: Python (date(2026,11,22) - date(1899,12,30)).days = 46348, 14:05 = 845/1440.
    expect(findRow(grid, 'Made')?.[1]).toBeCloseTo(46348 + 845 / 1440, 9);
    expect(spec.blocks.find((b) => b.values[0]?.[0] === 'Made')?.numberFormat).toEqual([null, 'yyyy-mm-dd hh:mm']);
    // Start and End are date cells too. Python: (date(2026,1,5) - date(1899,12,30)).days = 46027,
    // (date(2026,7,17) - date(1899,12,30)).days = 46220.
    expect(findRow(grid, 'Start')?.[1]).toBe(46027);
    expect(findRow(grid, 'End')?.[1]).toBe(46220);
    expect(spec.blocks.find((b) => b.values[0]?.[0] === 'End')?.numberFormat).toEqual([null, 'yyyy-mm-dd']);
    expect(findRow(grid, 'Comparison')?.[1]).toBe('matched on the pre-test (tolerance 3 points, fixed beforehand)');
    expect(findRow(grid, 'Design')?.[1]).toMatch(/^Matched comparison group/);
    expect(findRow(grid, 'Success criterion')?.[1]).toBe("at least 3 months' additional progress");
  });

  it('puts the verdict, its caveats, who it worked for and the cost first', () => {
    expect(findRow(grid, 'Verdict')?.[1]).toBe('Met, limited evidence');
    expect(findRow(grid, 'In words')?.[1]).toMatch(/^Met the success criterion/);
    expect(findRow(grid, 'Strength of evidence')?.[1]).toMatch(/^Limited/);
    expect(findRow(grid, 'Be careful')?.[1]).toMatch(/no matched partner/);
    expect(findRow(grid, 'For whom')?.[1]).toMatch(/Disadvantaged pupils/);
    expect(findRow(grid, 'Worth the cost?')?.[1]).toMatch(/£200.00 per pupil/);
    expect(findRow(grid, 'Check the data')?.[1]).toMatch(/"ABS"/);
  });

  it('tabulates the groups and draws their pre and post means from that table', () => {
    const table = spec.blocks.find((b) => b.table?.name === 'ImpactGroups') as Block;
    expect(table.values).toEqual([
      ['Group', 'Pre-test mean', 'Post-test mean', 'Mean gain', 'Pupils'],
      ['Intervention', 95, 101, 6, 8],
      ['Matched comparison', 95.2, 99, 3.8, 8],
      ['Disadvantaged in intervention', 93, 99.5, 6.5, 4],
    ]);
    expect(table.rowTones).toEqual([null, null, null, 'muted']); // 4 pupils: a small group
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts![0];
    expect(chart.type).toBe('columnClustered');
    expect(chart.data).toEqual({ row: table.row, col: 0, rows: 4, cols: 3 });
  });

  it('gives the effect with its interval and months for everyone and for disadvantaged pupils', () => {
    const table = spec.blocks.find((b) => b.table?.name === 'ImpactEffects') as Block;
    expect(table.values[1].slice(0, 8)).toEqual(['All intervention pupils', 8, 8, 0.31, 0.05, 0.57, 4, 0.02]);
    expect(table.values[2].slice(0, 7)).toEqual(['Disadvantaged in intervention', 4, 8, 0.4, -0.1, 0.9, 5]);
    expect(findRow(grid, 'Effect size')?.[1]).toBe(0.31);
    expect(findRow(grid, "EEF months' progress")?.[1]).toBe(4);
  });

  it('shows the cost, the gap and what was left out', () => {
    expect(findRow(grid, 'Cost per pupil')?.[1]).toBe(200);
    expect(findRow(grid, 'EEF cost band')?.[1]).toBe('Low');
    expect(findRow(grid, 'Cost per pupil per month of progress')?.[1]).toBe(50);
    expect(findRow(grid, 'Narrowed by (points)')?.[1]).toBe(1.5);
    expect(findRow(grid, 'No "Reading Pre" score')?.[1]).toBe(2);
  });

  it('lists the matched pairs by name, or by sheet row when there is no name, and the unmatched pupils', () => {
    const pairs = spec.blocks.find((b) => b.table?.name === 'ImpactPairs') as Block;
    // data row 2 of a table whose header is on sheet row 1 is sheet row 4
    expect(pairs.values.slice(1)).toEqual([
      ['Amy B', 95, 'Ben C', 96, 1],
      ['Row 4', 90, 'Row 9', 90, 0],
    ]);
    const unmatched = spec.blocks.find((b) => b.table?.name === 'ImpactUnmatched') as Block;
    expect(unmatched.values[1]).toEqual(['Row 6', 70, 'no comparison pupil within the tolerance']);
  });

  it('leaves out the matching, cost and gap sections when they do not apply, and blanks an effect that could not be estimated', () => {
    const bare = evaluation({
      matching: null,
      cost: null,
      gap: null,
      disadvantaged: null,
      overall: { ...evaluation().overall, effectSize: NaN, ciLower: NaN, ciUpper: NaN, months: NaN, available: false, note: 'too few pupils' },
    });
    const s = buildInterventionSheet(bare, SOURCE, NOW);
    const g = render(s);
    expect(s.blocks.some((b) => b.table?.name === 'ImpactPairs')).toBe(false);
    expect(findRow(g, 'Cost per pupil')).toBeUndefined();
    expect(findRow(g, 'Effect size')?.[1]).toBeNull();
  });

  it('holds values only, never GAPS formulas', () => {
    const formulas = grid.flat().filter((v) => typeof v === 'string' && v.startsWith('='));
    expect(formulas).toEqual([]);
  });

  it('is recognised and read by the checklist evidence finder', () => {
    const found = datedSheets([spec.name]).impacts;
    expect(found).toHaveLength(1);
    const f = impactFigures(grid, found[0]);
    expect(f).toMatchObject({ name: 'Reading tutoring', effect: 0.31, lower: 0.05, upper: 0.57, months: 4 });
  });
});

describe('buildRegister', () => {
  it('creates the register as a new sheet with one row and a link to the evaluation sheet', () => {
    const spec = buildRegister(null, evaluation(), 'Impact Reading tutoring 2026-11-22', NOW);
    expect(spec.name).toBe(REGISTER_SHEET);
    expect(spec.mode).toBe('new');
    const table = spec.blocks.find((b) => b.table) as Block;
    expect(table.values[0]).toEqual([...REGISTER_COLUMNS]);
    expect(table.values).toHaveLength(2);
    const row = Object.fromEntries(REGISTER_COLUMNS.map((c, i) => [c, table.values[1][i]]));
    // Dates are Excel serials under the date format; R: as.numeric(as.Date(c("2026-11-22", "2026-01-05")) - as.Date("1899-12-30")).
    expect(row).toMatchObject({
      Evaluated: 46348,
      Intervention: 'Reading tutoring',
      Start: 46027,
      'Intervention pupils': 8,
      'Comparison pupils': 8,
      'Effect size': 0.31,
      "EEF months' progress": 4,
      'Cost per pupil': 200,
      'EEF cost band': 'Low',
      Verdict: 'met',
      'Strength of evidence': 'limited',
      Summary: "Met the success criterion (at least 3 months' additional progress): 4 months' additional progress.",
      Sheet: '=HYPERLINK("#\'Impact Reading tutoring 2026-11-22\'!A1","Impact Reading tutoring 2026-11-22")',
      Notes: null,
    });
  });

  it('keeps earlier rows in order, with colleagues\' notes and extra columns, and adds the new one last', () => {
    const first = buildRegister(null, evaluation({ name: 'Phonics catch-up' }), 'Impact Phonics catch-up 2025-07-01', new Date(2025, 6, 1));
    const second = buildRegister(render(first), evaluation({ name: 'Maths mastery' }), 'Impact Maths mastery 2026-02-01', new Date(2026, 1, 1));
    // As Excel gives it back: the link shows as its text; a colleague adds a note and a column.
    const readBack = render(second).map((r) => r.map((v) => (typeof v === 'string' && v.startsWith('=HYPERLINK') ? /,"(.*)"\)$/.exec(v)![1] : v)));
    const header = readBack.findIndex((r) => r[0] === 'Evaluated');
    const notes = readBack[header].indexOf('Notes');
    readBack[header + 1][notes] = 'Stopped: staff left';
    readBack[header].push('Owner');
    readBack.forEach((r, i) => i !== header && r.push(i === header + 2 ? 'Mrs Khan' : null));
    const frozen = readBack.map((r) => Object.freeze([...r]));

    const third = buildRegister(frozen as CellValue[][], evaluation(), 'Impact Reading tutoring 2026-11-22', NOW);
    expect(third.mode).toBe('replace');
    const table = third.blocks.find((b) => b.table) as Block;
    const h = table.values[0] as string[];
    expect(h).toEqual([...REGISTER_COLUMNS, 'Owner']);
    const names = table.values.slice(1).map((r) => r[h.indexOf('Intervention')]);
    expect(names).toEqual(['Phonics catch-up', 'Maths mastery', 'Reading tutoring']);
    expect(table.values[1][h.indexOf('Notes')]).toBe('Stopped: staff left');
    expect(table.values[2][h.indexOf('Owner')]).toBe('Mrs Khan');
    expect(table.values[1][h.indexOf('Sheet')]).toBe(sheetLink('Impact Phonics catch-up 2025-07-01'));
    expect(table.values[1][h.indexOf('Evaluated')]).toBe(45839); // R: as.numeric(as.Date("2025-07-01") - as.Date("1899-12-30"))
  });

  it('an earlier version\'s register with dates as text gets them back as date cells, and evidence reads both forms', () => {
    const first = render(buildRegister(null, evaluation({ name: 'Phonics catch-up' }), 'Impact Phonics catch-up 2025-07-01', new Date(2025, 6, 1)));
    const header = first.findIndex((r) => r[0] === 'Evaluated');
    const at = (name: string) => first[header].indexOf(name);
    // As an earlier version wrote it: ISO text (Excel reads a marked text cell back without its apostrophe).
    const old = first.map((r, i) => (i === header + 1 ? r.map((v, c) => (c === at('Evaluated') ? '2025-07-01' : c === at('Start') ? '2025-01-06' : v)) : r));
    expect(registerFigures(old)[0].date).toBe('2025-07-01');
    expect(registerFigures(first)[0].date).toBe('2025-07-01');
    const next = buildRegister(old, evaluation(), 'Impact Reading tutoring 2026-11-22', NOW);
    const table = next.blocks.find((b) => b.table) as Block;
    const h = table.values[0] as string[];
    // Python: (date(2025,7,1) - date(1899,12,30)).days = 45839; (date(2025,1,6) - date(1899,12,30)).days = 45663.
    expect(table.values[1][h.indexOf('Evaluated')]).toBe(45839);
    expect(table.values[1][h.indexOf('Start')]).toBe(45663);
    expect(table.values[2][h.indexOf('Evaluated')]).toBe(46348);
    const formats = table.numberFormat as Array<string | null>;
    expect(['Evaluated', 'Start', 'End'].map((c) => formats[h.indexOf(c)])).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd', 'yyyy-mm-dd']);
  });

  it('refuses to overwrite a register whose header row has gone, rather than lose its rows', () => {
    const mangled: CellValue[][] = [['Interventions register'], ['Phonics', 0.2]];
    expect(() => buildRegister(mangled, evaluation(), 'Impact X 2026-11-22', NOW)).toThrow(GapsError);
    expect(() => buildRegister(mangled, evaluation(), 'Impact X 2026-11-22', NOW)).toThrow(/header row/);
  });

  it('quotes sheet names with apostrophes and quotes correctly in the link', () => {
    expect(sheetLink("Impact St Mary's 2026-11-22")).toBe('=HYPERLINK("#\'Impact St Mary\'\'s 2026-11-22\'!A1","Impact St Mary\'s 2026-11-22")');
    expect(sheetLink('Impact "Read" 2026')).toBe('=HYPERLINK("#\'Impact ""Read"" 2026\'!A1","Impact ""Read"" 2026")');
  });

  it('is read by the checklist evidence finder, one evaluation per row', () => {
    const spec = buildRegister(null, evaluation(), 'Impact Reading tutoring 2026-11-22', NOW);
    const figures = registerFigures(render(spec));
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ name: 'Reading tutoring', effect: 0.31, lower: 0.05, upper: 0.57, months: 4 });
  });
});

describe('the evaluation sheet: design, standardiser and wording that agree with the checks', () => {
  const matched = evaluation({
    standardiser: { value: 12.3, source: 'cohort post-test SD', description: 'the post-test SD of all 120 pupils with both scores (12.30)' },
    matching: {
      ...evaluation().matching!,
      balance: {
        pairs: 2, interventionMean: 92.5, comparisonMean: 93, standardisedDifference: -0.1, standardisedDifferenceBefore: -0.8,
        comparisonPupils: 3, effectiveComparisonSize: 2.5, maxDifference: 1, meanDifference: 0.5,
      },
    },
  });
  const grid = render(buildInterventionSheet(matched, SOURCE, NOW, 'Year 9'));

  it('names the method, the standardiser and where it came from', () => {
    expect(findRow(grid, 'Method')?.[1]).toMatch(/^Weighted ANCOVA \(EEF convention\) on the matched pupils/);
    expect(findRow(grid, 'Standardiser')?.[1]).toBe("12.30: the whole cohort's post-test SD, the post-test SD of all 120 pupils with both scores (12.30)");
  });

  it('shows the matched design: effective size, balance before and after, the unmatched, and whom the estimate is for', () => {
    expect(findRow(grid, 'Effective comparison size (Kish)')?.[1]).toBe(2.5);
    expect(findRow(grid, 'Pre-test difference before matching (g)')?.[1]).toBe(-0.8);
    expect(findRow(grid, 'Pre-test difference after matching (g)')?.[1]).toBe(-0.1);
    expect(findRow(grid, 'Intervention pupils without a match')?.[1]).toBe(1);
    expect(findRow(grid, 'Comparison pupils used')?.[1]).toBe(3);
    expect(grid.flat()).toContain('The estimate is for the 2 matched intervention pupils, not for the 1 without a match.');
  });

  it('puts the data\'s name in the sheet name within 31 characters, unless the name already says it', () => {
    expect(impactSheetName('Reading tutoring', NOW, 'Year 9')).toBe('Impact Readin Year 9 2026-11-22'); // 31 characters: the data's name kept whole
    expect(impactSheetName('Reading tutoring', NOW, 'Year 9').length).toBeLessThanOrEqual(31);
    expect(impactSheetName('Year 9 reading tutoring', NOW, 'Year 9')).toBe(impactSheetName('Year 9 reading tutoring', NOW));
    expect(impactSheetName('Reading', NOW, 'Data')).toBe('Impact Reading 2026-11-22');
    expect(impactSheetName('Reading', NOW, 'A very long sheet name indeed').length).toBeLessThanOrEqual(31);
    expect(datedSheets([impactSheetName('Reading tutoring', NOW, 'Year 9')]).impacts).toHaveLength(1);
  });

  it('never says the groups started level when the check could not tell', () => {
    const unknown = evaluation({
      verdict: { ...evaluation().verdict, strength: 'moderate' },
      overall: { ...evaluation().overall, baseline: { effectSize: NaN, status: 'unknown', message: 'Too few pupils, or no spread in the pre-test, to check that the groups started level.' } },
    });
    const words = findRow(render(buildInterventionSheet(unknown, SOURCE, NOW)), 'Strength of evidence')?.[1] as string;
    expect(words).toMatch(/the starting levels could not be checked/);
    expect(words).not.toMatch(/started level/);
    const level = findRow(render(buildInterventionSheet(evaluation({ verdict: { ...evaluation().verdict, strength: 'moderate' } }), SOURCE, NOW)), 'Strength of evidence')?.[1];
    expect(level).toMatch(/The groups started level \(pre-test difference 0\.02 SD\)/);
  });

  it('prints the verdict words from the interval, and "can\'t tell yet" when there is no estimate', () => {
    const straddles = evaluation({ judgement: { met: null, observed: 'x', status: "can't tell yet" }, verdict: { ...evaluation().verdict, met: null, status: "can't tell yet", strength: 'weak' } });
    expect(findRow(render(buildInterventionSheet(straddles, SOURCE, NOW)), 'Verdict')?.[1]).toBe("Can't tell yet, weak evidence");
    const none = evaluation({ judgement: { met: null, observed: 'no estimate', status: null }, verdict: { ...evaluation().verdict, met: null, status: null } });
    expect(findRow(render(buildInterventionSheet(none, SOURCE, NOW)), 'Verdict')?.[1]).toBe("Can't tell yet, limited evidence");
    const unset = evaluation({ criterion: null, criterionText: null, judgement: null });
    expect(findRow(render(buildInterventionSheet(unset, SOURCE, NOW)), 'Verdict')?.[1]).toBe('No success criterion set, limited evidence');
  });
});

describe('impactSheetName with the data\'s name', () => {
  it('leaves the data\'s name out when the intervention\'s name already says it, spaces aside', () => {
    expect(impactSheetName('Year 9 reading tutoring', NOW, 'Year9')).toBe('Impact Year 9 readin 2026-11-22');
  });
});
