/**
 * Gap analysis split by year group in a real browser, on the built preview: the sample's Year 7, 8
 * and 9 pupils as one CSV export (the columns the three tables share), opened in the page; the pane
 * proposes "Year" without choosing it, the user takes the proposal and runs. The pane and the
 * report sheet (saved as .xlsx and read back with ExcelJS) hold a set of rows for all pupils and for
 * each year, whose disadvantaged gaps and intervals are the core's gapSummaryOf on that year's pupils.
 * Screenshots of the pane at 320 px and of the report at 1440 x 900 go to $SHOTS_DIR (default
 * test-artifacts/).
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ARTIFACTS, BROWSER_TIMEOUT, openPreview, sampleTable, type PreviewSession } from './harness';
import { gapSummaryOf, type GapSummary } from '../../src/core/gaps/gapSummary';
import { gradeValue } from '../../src/core/grades/scales';

const SHOTS = process.env.SHOTS_DIR ?? ARTIFACTS;
const YEARS = ['7', '8', '9'];
const ASSESSMENTS = ['Eng Sum', 'Ma Sum', 'Sci Sum'];

let s: PreviewSession;
let dir: string;

/** The sample's three year groups, on the columns all three tables share, in one block. */
function stacked(): { headers: string[]; rows: Array<Array<string | number | boolean | null>> } {
  const tables = ['Year7', 'Year8', 'Year9'].map(sampleTable);
  const headers = tables[0].headers.filter((h) => tables.every((t) => t.headers.includes(h)));
  const rows = tables.flatMap((t) => t.rows.map((r) => headers.map((h) => r[t.headers.indexOf(h)])));
  return { headers, rows };
}

/** The core's disadvantaged gap (PP flag, 9-1 grades) over the pupils of one year, or of all when null. */
function expectedGap(year: string | null, assessment: string): GapSummary {
  const { headers, rows } = stacked();
  const [y, pp, a] = ['Year', 'PP', assessment].map((h) => headers.indexOf(h));
  const pupils = rows.filter((r) => year === null || String(r[y]) === year);
  const points = pupils.map((r) => gradeValue(r[a], 'gcse') ?? NaN);
  const flagged = pupils.map((r) => r[pp] === 'Y');
  return gapSummaryOf(points.filter((_, i) => flagged[i]), points.filter((_, i) => !flagged[i]), 0.95, { smallGroups: 'floor' });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctg-split-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  s = await openPreview({ viewport: { width: 1440, height: 900 } });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, BROWSER_TIMEOUT);


/**
 * A number as the report sheet stores it under its two-decimal format: a negative that would show as
 * "-0.00" (e.g. a lower limit of -0.002) is written as 0, so no cell shows "-0.00".
 */
function asWritten(x: number): number {
  return x < 0 && x > -0.005 ? 0 : x;
}

test(
  "split by Year: the pane proposes Year without choosing it, and the report's rows for each year are the core's on that year",
  async () => {
    const { page } = s;
    const { headers, rows } = stacked();
    expect(headers).toContain('Year');
    const file = path.join(dir, 'ks3-export.csv');
    fs.writeFileSync(file, Papa.unparse([headers, ...rows.map((r) => r.map((c) => (c === null ? '' : c)))]));
    await page.getByTestId('preview-open-input').setInputFiles(file);
    await page.getByTestId('preview-status').filter({ hasText: 'Opened ks3-export.csv:' }).waitFor({ timeout: 30_000 });

    await page.getByTestId('preview-taskpane').evaluate((el) => {
      (el as HTMLElement).style.width = '320px';
      (el as HTMLElement).style.flex = '0 0 320px';
    });
    await page.getByTestId('job-gaps').click();
    await page.getByTestId('gap-data-kind-sheet').click();
    await page.getByTestId('gap-data-sheet').click();
    await page.getByRole('option', { name: 'ks3-export' }).click();
    await page.getByTestId('gap-columns').waitFor();
    await expect(page.getByTestId('gap-data-description').textContent()).resolves.toContain(`${rows.length} pupils`);

    // Proposed, not chosen: the field still reads "(none)" until the user takes the proposal.
    await expect(page.getByTestId('gap-split').textContent()).resolves.toContain('(none)');
    await expect(page.getByTestId('gap-split-proposed').textContent()).resolves.toContain('"Year" looks like the year group (7, 8, 9)');
    await page.getByTestId('gap-split-use-proposed').scrollIntoViewIfNeeded();
    await page.getByTestId('preview-taskpane').screenshot({ path: path.join(SHOTS, 'split-pane-proposal-320.png') });
    await page.getByTestId('gap-split-use-proposed').click();
    await expect(page.getByTestId('gap-split').textContent()).resolves.toContain('Year');
    await expect(page.getByTestId('gap-split-values').textContent()).resolves.toContain('3 values (7, 8, 9)');
    const overflow = await page.getByTestId('preview-taskpane').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('gap-split').scrollIntoViewIfNeeded();
    await page.getByTestId('preview-taskpane').screenshot({ path: path.join(SHOTS, 'split-pane-choice-320.png') });

    await page.getByTestId('gap-run').click();
    await page.getByTestId('gap-success').waitFor({ timeout: 60_000 });
    const sheetName = /sheet '([^']+)'/.exec((await page.getByTestId('gap-success').textContent()) ?? '')?.[1] ?? '';
    expect(sheetName).toMatch(/^Gaps by Year \d{4}-\d{2}-\d{2}/);

    // The pane: all pupils, then each year, each with the core's gap at the latest point.
    const parts = page.getByTestId('gap-split-part');
    await expect(parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).resolves.toEqual(['All pupils', ...YEARS]);
    for (const [k, year] of [null, ...YEARS].entries()) {
      for (const a of ASSESSMENTS) {
        const e = expectedGap(year, a);
        const item = parts.nth(k).getByTestId(`gap-split-headline-${headers.indexOf(a)}`);
        expect(Number(await item.getAttribute('data-gap'))).toBeCloseTo(e.gap, 12);
        expect(Number(await item.getAttribute('data-lower'))).toBeCloseTo(e.ciLower, 12);
        expect(Number(await item.getAttribute('data-upper'))).toBeCloseTo(e.ciUpper, 12);
      }
    }
    await page.getByTestId('gap-result').scrollIntoViewIfNeeded();
    await page.getByTestId('preview-taskpane').screenshot({ path: path.join(SHOTS, 'split-pane-result-320.png') });
    await page.screenshot({ path: path.join(SHOTS, 'split-report-pane-320.png') });

    // The report sheet, at the full 1440 x 900 window with the pane at its usual width.
    await page.getByTestId('preview-taskpane').evaluate((el) => {
      (el as HTMLElement).style.width = '';
      (el as HTMLElement).style.flex = '';
    });
    await expect(page.getByTestId('preview-grid').getAttribute('data-sheet')).resolves.toBe(sheetName);
    await page.screenshot({ path: path.join(SHOTS, 'split-report-1440x900.png') });

    // Saved and read back: a block per part, titled, whose headline rows carry the core's numbers.
    const saved = path.join(dir, 'saved.xlsx');
    const download = page.waitForEvent('download');
    await page.getByTestId('preview-save-xlsx').click();
    await (await download).saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheet = wb.getWorksheet(sheetName);
    expect(sheet).toBeDefined();
    const grid: unknown[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, n) => {
      grid[n - 1] = (row.values as unknown[]).slice(1);
    });
    const titles = [`All pupils (${rows.length})`, ...YEARS.map((y) => `Year ${y} (${rows.filter((r) => String(r[headers.indexOf('Year')]) === y).length} pupils)`)];
    const at = titles.map((t) => grid.findIndex((r) => r?.[0] === t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    at.forEach((start, k) => {
      const end = k + 1 < at.length ? at[k + 1] : grid.length;
      const year = k === 0 ? null : YEARS[k - 1];
      for (const a of ASSESSMENTS) {
        // The first row naming the assessment in the part is its latest-point table (H..L: n, n, gap, CI).
        const row = grid.slice(start, end).find((r) => r?.[0] === a) as unknown[];
        const e = expectedGap(year, a);
        expect(row[7]).toBe(e.nDisadvantaged);
        expect(row[8]).toBe(e.nOther);
        expect(row[9] as number).toBeCloseTo(asWritten(e.gap), 12);
        expect(row[10] as number).toBeCloseTo(asWritten(e.ciLower), 12);
        expect(row[11] as number).toBeCloseTo(asWritten(e.ciUpper), 12);
      }
    });
    expect(s.outsideRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  },
  4 * BROWSER_TIMEOUT,
);
