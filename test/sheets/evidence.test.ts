import {
  citeGapReport,
  citeInterventions,
  datedSheets,
  gapFigures,
  impactFigures,
  registerFigures,
} from '../../src/sheets/evidence';
import type { CellValue, WorkbookPort } from '../../src/workbook/port';
import { findEvidence } from '../../src/jobs/evidence';

/** The values of a gap report as a colleague might leave it: a header block, then a table per group. */
const GAP_REPORT: CellValue[][] = [
  ['Gap analysis'],
  ['Data', 'table Tracker on sheet Year 9'],
  ['Made', '2026-11-22 09:12'],
  [],
  ['Assessment', 'Group', 'Group n', 'Others n', 'Gap', 'CI lower', 'CI upper', "Hedges' g", 'Gap index'],
  ['Maths', 'Disadvantaged', 14, 98, 0.52, 0.1, 0.94, 0.41, 1.9],
  ['English', 'Disadvantaged', 14, 98, '0.31', -0.12, 0.74, 0.22, 1.1],
  ['Science', 'Disadvantaged', 13, 97, 'n/a', null, null, null, null],
  ['Maths', 'SEND', 9, 103, 0.9, 0.2, 1.6, 0.7, 3],
  [],
  ['Back on Track'],
  ['Pupil', 'Gap to threshold'],
  ['P01', 3],
];

describe('finding the reports to cite', () => {
  test('recognises gap reports and impact sheets by name, latest first, a second copy the same day before the first', () => {
    const found = datedSheets([
      'Year 9',
      'Gap report 2026-09-01',
      'Gap report 2026-11-22',
      'Gap report 2026-11-22 (2)',
      'Gap report 2026-11-22 Year 8',
      'Impact Reading tutoring 2026-07-10',
      'Impact Maths catch-up 2026-11-01',
      'Gap reports',
      'Checklist',
    ]);
    expect(found.gapReports.map((g) => g.name)).toEqual(['Gap report 2026-11-22 (2)', 'Gap report 2026-11-22', 'Gap report 2026-11-22 Year 8', 'Gap report 2026-09-01']);
    expect(found.gapReports.find((g) => g.name.endsWith('Year 8'))?.label).toBe('Year 8');
    expect(found.impacts.map((g) => [g.label, g.date])).toEqual([
      ['Maths catch-up', '2026-11-01'],
      ['Reading tutoring', '2026-07-10'],
    ]);
  });
});

describe("reading a gap report's headline figures", () => {
  test("takes the disadvantaged group's gaps with their intervals and sizes, leaving out gaps that are not numbers", () => {
    expect(gapFigures(GAP_REPORT)).toEqual([
      { measure: 'Maths', assessment: null, group: 'Disadvantaged', gap: 0.52, lower: 0.1, upper: 0.94, n: 14, nOthers: 98 },
      { measure: 'English', assessment: null, group: 'Disadvantaged', gap: 0.31, lower: -0.12, upper: 0.74, n: 14, nOthers: 98 },
    ]);
  });

  test('cites only the headline table: prior-band sub-groups and later tables are left out', () => {
    const v: CellValue[][] = [
      ['Headline comparisons'],
      ['Assessment', 'Effect size', 'Effect size low', 'Effect size high', 'Subject', 'Group', 'Disadvantaged n', 'Others n', 'Gap (points)', 'CI lower', 'CI upper'],
      ['Ma Sum', 0.4, 0.1, 0.7, 'Maths', 'Disadvantaged vs others', 20, 160, 0.61, 0.2, 1.02],
      ['Reading Sum', 0.2, -0.1, 0.5, 'Reading', 'Disadvantaged vs others (Low prior band)', 8, 30, 5.4, 1, 9],
      [],
      ['All comparisons'],
      ['Subject', 'Point', 'Assessment', 'Comparison', 'Focus n', 'Comparison n', 'Gap', 'CI lower', 'CI upper'],
      ['Maths', 'Aut', 'Ma Aut', 'Disadvantaged vs others', 20, 160, 0.9, 0.4, 1.4],
    ];
    expect(gapFigures(v)).toEqual([{ measure: 'Maths', assessment: 'Ma Sum', group: 'Disadvantaged vs others', gap: 0.61, lower: 0.2, upper: 1.02, n: 20, nOthers: 160 }]);
    expect(citeGapReport({ sheet: 'Gap report 2026-11-22 Year9', date: '2026-11-22', figures: gapFigures(v) })).toBe(
      'Gap report 2026-11-22 Year9, disadvantaged vs others: Maths (Ma Sum) gap 0.61 (95% CI 0.20 to 1.02; 20 disadvantaged, 160 others).',
    );
  });

  test('a report without a group column gives every row', () => {
    const v: CellValue[][] = [['Subject', 'Gap', 'Lower 95%', 'Upper 95%'], ['Reading', 4.2, 1.1, 7.3]];
    expect(gapFigures(v)).toEqual([{ measure: 'Reading', assessment: null, group: null, gap: 4.2, lower: 1.1, upper: 7.3, n: null, nOthers: null }]);
  });

  test('nothing recognisable gives no figures', () => {
    expect(gapFigures([['Gap analysis'], ['Notes only']])).toEqual([]);
    expect(gapFigures([])).toEqual([]);
  });

  test('the citation names the report and its figures', () => {
    expect(citeGapReport({ sheet: 'Gap report 2026-11-22', date: '2026-11-22', figures: gapFigures(GAP_REPORT) })).toBe(
      'Gap report 2026-11-22, disadvantaged: Maths gap 0.52 (95% CI 0.10 to 0.94; 14 disadvantaged, 98 others); English gap 0.31 (95% CI -0.12 to 0.74; 14 disadvantaged, 98 others).',
    );
    expect(citeGapReport({ sheet: 'Gap report 2026-11-22', date: '2026-11-22', figures: [] })).toBe(
      'Gap report 2026-11-22: see the sheet for the gaps by subject and group.',
    );
  });
});

describe('reading intervention evaluations', () => {
  const REGISTER: CellValue[][] = [
    ['Interventions register'],
    [],
    ['Intervention', 'Evaluated', 'Start', 'Pupils', 'Effect size', 'Lower', 'Upper', 'EEF months', 'Verdict'],
    ['Reading tutoring', '2026-07-10', '2026-01-05', 12, 0.31, -0.05, 0.67, 4, 'Promising'],
    ['Maths catch-up', 46327, '2026-09-01', 8, -0.1, -0.6, 0.4, -1, 'No evidence'],
    [null, null, null, null, null, null, null, null, null],
  ];

  test('takes one evaluation per register row with its date, effect size, interval and months', () => {
    expect(registerFigures(REGISTER)).toEqual([
      { name: 'Reading tutoring', date: '2026-07-10', effect: 0.31, lower: -0.05, upper: 0.67, months: 4, sheet: 'Interventions register' },
      { name: 'Maths catch-up', date: '2026-11-01', effect: -0.1, lower: -0.6, upper: 0.4, months: -1, sheet: 'Interventions register' },
    ]);
  });

  test("reads an impact sheet label by label, taking the intervention's full name from its title", () => {
    const v: CellValue[][] = [
      ['Intervention impact: Reading tutoring'],
      ['intervention n', 12],
      ['Effect size', 0.3123],
      ['CI lower', -0.05],
      ['CI upper', 0.67],
      ['EEF months', 4],
    ];
    expect(impactFigures(v, { name: 'Impact Reading tutor 2026-07-10', date: '2026-07-10', copy: 1, label: 'Reading tutor' })).toEqual({
      name: 'Reading tutoring',
      date: '2026-07-10',
      effect: 0.3123,
      lower: -0.05,
      upper: 0.67,
      months: 4,
      sheet: 'Impact Reading tutor 2026-07-10',
    });
  });

  test('the citation gives each evaluation in a sentence', () => {
    expect(citeInterventions(registerFigures(REGISTER))).toBe(
      "Reading tutoring (evaluated 2026-07-10): effect size 0.31 (95% CI -0.05 to 0.67), about 4 months' additional progress. " +
        "Maths catch-up (evaluated 2026-11-01): effect size -0.10 (95% CI -0.60 to 0.40), about 1 month less progress.",
    );
  });

  /** A workbook holding these sheets, that records which ones were read. */
  function fakeWorkbook(sheets: Record<string, CellValue[][]>): { port: WorkbookPort; read: string[] } {
    const read: string[] = [];
    const unused = () => Promise.reject(new Error('not used'));
    const port: WorkbookPort = {
      kind: 'memory',
      listSheets: async () => Object.keys(sheets).map((name) => ({ name, visible: true })),
      listTables: async () => [],
      readData: unused,
      readSheetValues: async (name) => {
        read.push(name);
        return sheets[name] ?? null;
      },
      writeSheet: unused,
      ownsSheet: async () => false,
      loadState: async () => null,
      saveState: async () => undefined,
      activateSheet: async () => undefined,
    };
    return { port, read };
  }

  test('finds the latest gap report and the register, reading only those', async () => {
    const { port, read } = fakeWorkbook({
      'Gap report 2026-09-01': [['Gap analysis']],
      'Gap report 2026-11-22': GAP_REPORT,
      'Interventions register': REGISTER,
      'Impact Reading tutoring 2026-07-10': [],
      Pupils: [['x']],
    });
    const e = await findEvidence(port);
    expect(read).toEqual(['Gap report 2026-11-22', 'Interventions register']);
    expect(e.gapReport?.figures[0]).toMatchObject({ measure: 'Maths', gap: 0.52 });
    expect(e.interventions.map((f) => f.name)).toEqual(['Maths catch-up', 'Reading tutoring']);
  });

  test('without a register, reads the latest impact sheets; with no reports at all, finds nothing', async () => {
    const { port } = fakeWorkbook({ 'Impact Reading tutoring 2026-07-10': [['Effect size', 0.2]] });
    const e = await findEvidence(port);
    expect(e.gapReport).toBeNull();
    expect(e.interventions).toEqual([{ name: 'Reading tutoring', date: '2026-07-10', effect: 0.2, lower: null, upper: null, months: null, sheet: 'Impact Reading tutoring 2026-07-10' }]);
    expect(await findEvidence(fakeWorkbook({ Pupils: [] }).port)).toEqual({ gapReport: null, interventions: [] });
  });
});
