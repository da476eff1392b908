import { runTrustView } from '../../src/jobs/trustView';
import { contextualValueAdded, trustFunnel } from '../../src/core/trends';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import { NATIONAL_SHEET } from '../../src/sheets/nationalFigures';
import type { CellValue } from '../../src/workbook/port';

// The three schools of test/core/trends/trust.test.ts (checked in R there): school B is below the
// gap's lower 95% limit (to learn from), school C above the upper one (to support).
const S = [...'AAAAAAAA', ...'BBBBBBB', ...'CCCCCC'];
const D = [1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0];
const Y = [40, 45, 38, 50, 52, 47, 55, 49, 44, 48, 51, 50, 46, 53, 49, 30, 35, 33, 52, 50, 54];
const PRIOR = [98, 101, 95, 104, 106, 100, 108, 103, 99, 102, 105, 104, 100, 107, 103, 92, 96, 94, 106, 104, 108];
const EAL = [0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1];
const HEADERS = ['School', 'UPN', 'PP', 'EAL', 'KS2 Scaled', 'Attainment 8'];
const VALUES: CellValue[][] = [HEADERS, ...S.map((s, i) => [s === 'A' ? 'Alder' : s === 'B' ? 'Beech' : 'Cedar', `P${i}`, D[i] ? 'Y' : '', EAL[i] ? 'Y' : 'N', PRIOR[i], Y[i]])];
const now = new Date(Date.UTC(2026, 0, 5, 9));
const options = { school: 0, disadvantaged: 2, outcome: 5, scale: 'gcse' as const };

function table(values: CellValue[][], firstHeader: string, second: string): { header: CellValue[]; rows: CellValue[][] } {
  const h = values.findIndex((r) => r[0] === firstHeader && r[1] === second);
  expect(h).toBeGreaterThanOrEqual(0);
  const rows: CellValue[][] = [];
  for (const r of values.slice(h + 1)) {
    if (r[0] === null || r[0] === '') break;
    rows.push(r);
  }
  return { header: values[h], rows };
}

describe('trust view job', () => {
  it("writes each school's gap, shrunken gap and limits as the core gives them, and names the schools outside", async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: VALUES }]);
    const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, options, now);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const core = trustFunnel(S.map((s) => (s === 'A' ? 'Alder' : s === 'B' ? 'Beech' : 'Cedar')), D.map(Boolean), Float64Array.from(Y));
    const { header, rows } = table(values, 'School', 'Disadvantaged n');
    expect(rows.map((r) => r[0])).toEqual(['Alder', 'Beech', 'Cedar']);
    rows.forEach((r, k) => {
      const c = core.schools[k];
      const at = (name: string) => r[header.indexOf(name)];
      expect(at('Gap')).toBeCloseTo(c.gap, 12);
      expect(at('Shrunken gap')).toBeCloseTo(c.shrunken, 12);
      expect(at('95% lower')).toBeCloseTo(c.gapView?.limits95.lower as number, 12);
      expect(at('99.8% upper')).toBeCloseTo(c.gapView?.limits998.upper as number, 12);
    });
    expect(rows[2][header.indexOf('Shrunken gap')]).toBeCloseTo(18.91833584757504, 8); // R, see the core test
    const out = table(values, 'School', 'View');
    expect(out.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Beech', 'Gap', 'To learn from'],
      ['Cedar', 'Gap', 'To support'],
    ]);
  });

  it('draws two funnel charts whose series point at the schools and the limit lines', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: VALUES }]);
    const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, options, now);
    const sheet = wb.getSheet(run.sheetName);
    const charts = sheet?.charts ?? [];
    expect(charts.map((c) => c.type)).toEqual(['scatter', 'scatter']);
    const values = sheet?.values ?? [];
    const [points, average, lower95] = charts[0].scatter ?? [];
    expect(points.style).toBe('markers');
    expect(values[points.row].slice(0, 1)).toEqual(['Alder']);
    expect(values[points.row][points.xCol]).toBe(3);
    expect(values[points.row][points.yCol]).toBeCloseTo(9.6, 12);
    expect(average.style).toBe('line');
    expect(values[average.row][average.yCol]).toBeCloseTo(run.model.funnel.gapView.target, 12);
    expect(lower95.style).toBe('dashed');
    expect(values[lower95.row][lower95.xCol]).toBe(2);
  });

  it('adds contextual value added per school, centred on 100, as the core fits it', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: VALUES }]);
    const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, { ...options, cva: { prior: 4, context: [2, 3], centre: 100 } }, now);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const fit = contextualValueAdded(Y, PRIOR, D.map((d, i) => [d, EAL[i]]), { groups: S.map((s) => (s === 'A' ? 'Alder' : s === 'B' ? 'Beech' : 'Cedar')), centre: 100 });
    const { header, rows } = table(values, 'School', 'Pupils');
    rows.forEach((r, k) => {
      expect(r[header.indexOf('Mean residual')]).toBeCloseTo(fit.groups[k].meanResidual, 12);
      expect(r[header.indexOf('CVA (centred on 100)')]).toBeCloseTo(100 + fit.groups[k].meanResidual, 12);
      expect(r[header.indexOf('CI lower')]).toBeCloseTo(fit.groups[k].lower, 12);
    });
    expect(values.flat().some((c) => typeof c === 'string' && c.includes('multilevel model fitted on every pupil nationally'))).toBe(true);
  });

  it("shows each school's gap to national other pupils from the figure the user entered", async () => {
    const national: CellValue[][] = [['National figures'], [], [], [], ['Measure', 'Year', 'National disadvantaged', 'National other pupils', 'Source'], ['Attainment 8', '2025', 35, 50, 'typed by the user']];
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: VALUES }, { name: NATIONAL_SHEET, values: national }]);
    const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, options, now);
    const values = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const { header, rows } = table(values, 'School', 'Disadvantaged n');
    expect(rows[0][header.indexOf('Gap to national other pupils')]).toBeCloseTo(50 - (40 + 45 + 38) / 3, 12);
  });

  it('refuses a disadvantaged column that is not yes/no, naming the row', async () => {
    const bad = VALUES.map((r) => r.slice());
    bad[4][2] = 'maybe';
    const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: bad }]);
    await expect(runTrustView(wb, { kind: 'sheet', name: 'Trust' }, HEADERS, options, now)).rejects.toThrow(/"maybe" in data row 4/);
  });

  // A trust table on KS2 scaled scores (80-120), one of them stored as text, one pupil absent ("A")
  // and one blank. Expected values from R 4 with metafor 4 (independent of the core):
  //   per school: mean(others) - mean(disadvantaged), Welch SE sqrt(var(o)/no + var(d)/nd);
  //   fit <- rma(yi = gap, sei = se, method = "DL"); blup(fit)$pred; fit$tau2;
  //   limits: target = mean(O) - mean(D) over the trust, s the pooled SD, r = nO / nD,
  //   target +- qnorm(0.975) (and qnorm(0.999)) * s * sqrt(1 + 1/r) / sqrt(nd).
  describe('on KS2 scaled scores', () => {
    const school = [...Array<string>(14).fill('Ash'), ...Array<string>(11).fill('Birch'), ...Array<string>(9).fill('Elm'), ...Array<string>(16).fill('Yew')];
    const pp = [1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1];
    const ks2 = [105, 107, 103, 106, 98, 101, 105, 97, 111, 97, 115, 103, 104, 107, 106, 109, 103, 104, 96, 103, 98, 111, 108, 98, 97, 106, 99, 96, 85, 90, 95, 108, 88, 102, 105, 104, 117, 100, 99, 105, 102, 107, 100, 112, 93, 108, 109, 102, 111, 90];
    const headers = ['School', 'UPN', 'PP', 'KS2 Maths Scaled'];
    const values: CellValue[][] = [
      headers,
      ...school.map((sc, i) => [sc, `P${i}`, pp[i] ? 'Y' : 'N', i === 3 ? String(ks2[i]) : ks2[i]]),
      ['Ash', 'P50', 'Y', 'A'],
      ['Birch', 'P51', 'N', null],
    ];
    const R = {
      gap: [6.33333333333333, -5.89285714285714, 1.35714285714286, 8.38095238095238],
      se: [2.25497685906544, 2.28077964352388, 10.8181473887709, 2.96579135600381],
      tau2: 51.2097909398091,
      overall: 2.68122576176201,
      shrunken: [6.00345017677819, -5.10220621046502, 2.27819936602139, 7.54545971471347],
      target: 2.25779967159278,
      lower95: [-3.85780260629295, -6.39096801187301, -9.97340488417868, -4.28005416772799],
      upper998: [11.9001358981081, 15.8941223360922, 21.5424721246235, 12.5658906909354],
    };

    it('gives each school its gap, shrunken gap and funnel limits in scaled-score points, as R and metafor do', async () => {
      const wb = MemoryWorkbook.withSheets([{ name: 'Trust KS2', values }]);
      const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust KS2' }, headers, { school: 0, disadvantaged: 2, outcome: 3, scale: 'gcse' }, now);
      const f = run.model.funnel;
      expect(f.schools.map((x) => x.school)).toEqual(['Ash', 'Birch', 'Elm', 'Yew']);
      f.schools.forEach((x, k) => {
        expect(x.gap).toBeCloseTo(R.gap[k], 10);
        expect(x.se).toBeCloseTo(R.se[k], 10);
        expect(x.shrunken).toBeCloseTo(R.shrunken[k], 10);
        expect(x.gapView?.limits95.lower).toBeCloseTo(R.lower95[k], 10);
        expect(x.gapView?.limits998.upper).toBeCloseTo(R.upper998[k], 10);
      });
      expect(f.tau2).toBeCloseTo(R.tau2, 8);
      expect(f.shrinkTarget).toBeCloseTo(R.overall, 10);
      expect(f.gapView.target).toBeCloseTo(R.target, 10);
      expect(run.model.scale).toEqual({ name: 'KS2 scaled scores', unreadable: 1, warning: '' });
      // The sheet: the schools table in scaled-score points, and the header names the scale.
      const sheet = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
      const { header, rows } = table(sheet, 'School', 'Disadvantaged n');
      rows.forEach((r, k) => {
        expect(r[header.indexOf('Gap')]).toBeCloseTo(R.gap[k], 10);
        expect(r[header.indexOf('Shrunken gap')]).toBeCloseTo(R.shrunken[k], 10);
        expect(r[header.indexOf('95% lower')]).toBeCloseTo(R.lower95[k], 10);
      });
      const text = sheet.flat().filter((c): c is string => typeof c === 'string');
      expect(text).toContain('"KS2 Maths Scaled", read as KS2 scaled scores; schools in "School"; disadvantaged pupils marked in "PP"');
      expect(text.some((c) => c.includes('(KS2 scaled scores); 1 cell not readable as KS2 scaled scores left out'))).toBe(true);
      expect(wb.getSheet(run.sheetName)?.charts?.[0].yAxisTitle).toBe('Gap (points, KS2 scaled scores)');
    });

    it('reads letter grades on the A*-G scale (A* 8.5 ... U 0), and warns in bold when the scale chosen cannot read the column', async () => {
      // The same pupils as letter grades: the gaps are R's means of the grades' points.
      const letter = (x: number) => (x >= 110 ? 'A*' : x >= 105 ? 'A' : x >= 100 ? 'B' : x >= 95 ? 'C' : x >= 90 ? 'D' : 'E');
      const points: Record<string, number> = { 'A*': 8.5, A: 7, B: 5.5, C: 4, D: 3, E: 2 };
      const grades = school.map((sc, i) => [sc, `P${i}`, pp[i] ? 'Y' : 'N', letter(ks2[i])]);
      const wb = MemoryWorkbook.withSheets([{ name: 'Trust', values: [headers, ...grades] }]);
      const run = await runTrustView(wb, { kind: 'sheet', name: 'Trust' }, headers, { school: 0, disadvantaged: 2, outcome: 3, scale: 'letter' }, now);
      expect(run.model.scale.name).toBe('A*-G grades');
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      run.model.funnel.schools.forEach((x) => {
        const of = (d: number) => grades.filter((g, i) => g[0] === x.school && pp[i] === d).map((g) => points[g[3]]);
        expect(x.gap).toBeCloseTo(mean(of(0)) - mean(of(1)), 12);
      });
      // On the 9-1 scale the letters cannot be read (A is not a 9-1 grade): the report says so in bold.
      const wrong = MemoryWorkbook.withSheets([{ name: 'Trust', values: [headers, ...grades.map((g, i) => (i % 2 === 0 ? [g[0], g[1], g[2], ks2[i] % 9] : g))] }]);
      const bad = await runTrustView(wrong, { kind: 'sheet', name: 'Trust' }, headers, { school: 0, disadvantaged: 2, outcome: 3, scale: 'gcse' }, now);
      expect(bad.model.scale.warning).toMatch(/^25 of 50 filled cells in "KS2 Maths Scaled" \(50%\) cannot be read as /);
      const sheet = (await wrong.readSheetValues(bad.sheetName)) as CellValue[][];
      expect(sheet.flat()).toContain(`Warning: ${bad.model.scale.warning}`);
    });
  });
});
