/**
 * The gap analysis with a national reference, in a real browser on the built preview with the task
 * pane at Excel's narrowest (320 px): type a column of national 9-1 points beside the sample's
 * Year 9 table, tick "Rank pupils nationally"; Run waits for a reference, a reference of one value
 * says what to fix, the full column is read from the selected cells; the pane and the report say the
 * gap index ranks pupils nationally. A second run without the reference ranks within the school.
 * Both reports, saved as .xlsx and read back with ExcelJS, carry R's values for Eng Sum:
 *
 *   # y9.csv: the sample's Year 9 PP and Eng Sum columns (assets/sample/tracker.json)
 *   pts <- 9-1 grade with a trailing + / - as a third of a grade; ABS and blanks NA
 *   nat <- c(1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 7, 7, 8, 9)
 *   p2 <- function(x) sapply(x, function(v) mean(nat < v) + mean(nat == v) / 2)
 *   dd <- x[pp & !is.na(x)]; oo <- x[!pp & !is.na(x)]                 # 50 and 125 pupils
 *   20 * (mean(p2(oo)) - mean(p2(dd)))                                # 1.67047619047619
 *   t.test(20 * p2(oo), 20 * p2(dd))$conf.int                         # 0.253879848726724 3.08707253222566
 *   10 * mean(outer(oo, dd, function(a, b) sign(a - b)))              # 2.2928 (within the school)
 *
 * Every new state of the pane passes axe-core and keeps its controls inside the 320-px pane.
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { BROWSER_TIMEOUT, controlsOutside, expectNoAxeViolations, openPreview, type PreviewSession } from './harness';

let s: PreviewSession;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctg-gapref-'));
  s = await openPreview({ viewport: { width: 1440, height: 900 } });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, BROWSER_TIMEOUT);

const NATIONAL = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 7, 7, 8, 9];
const PANE = '[data-testid="preview-taskpane"]';

const cell = (a: string) => s.page.locator(`[data-testid="preview-grid"] [data-cell="${a}"]`);

async function selectCells(from: string, to: string): Promise<void> {
  await cell(from).click();
  await cell(to).click({ modifiers: ['Shift'] });
}

/** axe-core on the pane and every control inside the 320-px pane. */
async function paneOk(what: string): Promise<void> {
  await expectNoAxeViolations(s.page, what, PANE);
  await expect(controlsOutside(s.page, PANE)).resolves.toEqual([]);
}

/** The report sheets saved as .xlsx and read back, by name: rows of cell values. */
async function savedSheets(names: string[]): Promise<Map<string, unknown[][]>> {
  const file = path.join(dir, 'saved.xlsx');
  const download = s.page.waitForEvent('download');
  await s.page.getByTestId('preview-save-xlsx').click();
  await (await download).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown[][]>();
  for (const n of names) {
    const sheet = wb.getWorksheet(n);
    expect(sheet).toBeDefined();
    const grid: unknown[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, k) => {
      grid[k - 1] = (row.values as unknown[]).slice(1);
    });
    out.set(n, grid);
  }
  return out;
}

/** The disadvantaged-vs-others row of one assessment in a report's "All comparisons" table. */
function comparison(grid: unknown[][], assessment: string): { at: (name: string) => unknown; header: unknown[] } {
  const h = grid.findIndex((r) => r?.includes('Assessment') && r.includes('Comparison') && r.includes('Gap'));
  expect(h).toBeGreaterThanOrEqual(0);
  const header = grid[h];
  const row = grid.slice(h + 1).find((r) => r?.[header.indexOf('Assessment')] === assessment && r[header.indexOf('Comparison')] === 'Disadvantaged vs others');
  expect(row).toBeDefined();
  return { header, at: (name: string) => (row as unknown[])[header.indexOf(name)] };
}

const line = (grid: unknown[][], label: string) => String(grid.find((r) => r?.[0] === label)?.[1] ?? '');

/** Waits for the success message of a report other than `before` (its name followed by its closing quote). */
async function anotherReport(before: string): Promise<void> {
  await s.page.waitForFunction((prev) => {
    const el = document.querySelector('[data-testid="gap-success"]');
    return el !== null && !(el.textContent ?? '').includes(`'${prev}'`);
  }, before, { timeout: 60_000 });
}

async function reportName(): Promise<string> {
  await s.page.getByTestId('gap-success').waitFor({ timeout: 60_000 });
  return /sheet '([^']+)'/.exec((await s.page.getByTestId('gap-success').textContent()) ?? '')?.[1] ?? '';
}

test(
  'a national reference read from the selected cells makes the report rank pupils nationally (R), a bad one says what to fix, at 320 px',
  async () => {
    const { page } = s;
    await page.addStyleTag({ content: `${PANE} { width: 320px !important; }` });
    // The national column in AF, beside the Year 9 table (A to AD).
    await page.getByRole('tab', { name: 'Year 9', exact: true }).click();
    await cell('AF1').click();
    for (const v of ['National points', ...NATIONAL.map(String)]) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }

    await page.getByTestId('job-gaps').click();
    await page.getByTestId('gap-data-table').click();
    await page.getByRole('option', { name: /Year ?9/ }).first().click();
    await page.getByTestId('gap-columns').waitFor();

    // Asked for, a reference must be read before the run.
    await page.getByTestId('gap-national').click();
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('gap-ref-problem').textContent()).resolves.toBe('Choose the national reference and read it, or untick "Rank pupils nationally".');
    await paneOk('the gap analysis asking for a national reference');

    // One value is no reference: the pane says what is wrong and what to choose, and Run waits.
    await selectCells('AF1', 'AF2');
    await page.getByTestId('gap-ref-kind-selection').click();
    const warning = page.getByTestId('gap-ref-warning');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(
      /^The national reference \(.*AF1:AF2.*\) cannot be used: reference needs the national scores \(at least 2 numbers\), but it has 1\. Choose one column of national scores, or a table of score and cumulative percentage\.$/,
    );
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('gap-ref-problem').textContent()).resolves.toContain('Fix the national reference');
    await warning.scrollIntoViewIfNeeded();
    await s.screenshot('gap-analysis-national-reference-bad-320', 'preview-taskpane');
    await paneOk('the gap analysis with a national reference that cannot be used');

    // The whole column, read again from the selection.
    await selectCells('AF1', `AF${NATIONAL.length + 1}`);
    await page.getByTestId('gap-ref-read-selection').click();
    const description = page.getByTestId('gap-ref-description');
    await description.waitFor();
    await expect(description.textContent()).resolves.toMatch(/^Read a column of 21 national scores from 1 to 9\. It ranks .*Eng Sum.* nationally\./);
    await expect(page.getByTestId('gap-ref-warning').count()).resolves.toBe(0);
    await expect(page.getByTestId('gap-ref-problem').count()).resolves.toBe(0);
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(false);
    await description.scrollIntoViewIfNeeded();
    await s.screenshot('gap-analysis-national-reference-320', 'preview-taskpane');
    await paneOk('the gap analysis with a national reference read');

    await page.getByTestId('gap-run').click();
    const national = await reportName();
    await expect(page.getByTestId('gap-reference-result').textContent()).resolves.toMatch(/^The gap index ranks pupils nationally with a column of 21 national scores from 1 to 9 for .*Eng Sum/);
    await paneOk('the gap analysis result with a national reference');

    // Without the reference: the school's own ranks.
    await page.getByTestId('gap-national').click();
    await expect(page.getByTestId('gap-ref').count()).resolves.toBe(0);
    await page.getByTestId('gap-run').click();
    await anotherReport(national);
    const school = await reportName();
    expect(school).not.toBe(national);
    await expect(page.getByTestId('gap-reference-result').count()).resolves.toBe(0);

    const sheets = await savedSheets([national, school]);
    const n = sheets.get(national) as unknown[][];
    const w = sheets.get(school) as unknown[][];
    // The header says the index ranks pupils nationally, and with what.
    expect(line(n, 'National reference')).toMatch(/^a column of 21 national scores from 1 to 9 \(.*AF1:AF22.*\): the gap index ranks pupils nationally for .*Eng Sum/);
    expect(line(n, 'Measures')).toMatch(/Gap index: national ranks/);
    expect(line(w, 'National reference')).toBe('');

    // Eng Sum, disadvantaged vs others: R's national index and interval, and R's within-school index.
    const eng = comparison(n, 'Eng Sum');
    expect(eng.header).toContain('Gap index (national ranks)');
    expect(eng.at('Focus n')).toBe(50);
    expect(eng.at('Comparison n')).toBe(125);
    expect(eng.at('Gap index (national ranks)') as number).toBeCloseTo(1.67047619047619, 12);
    expect(eng.at('Gap index lower') as number).toBeCloseTo(0.253879848726724, 10);
    expect(eng.at('Gap index upper') as number).toBeCloseTo(3.08707253222566, 10);
    const within = comparison(w, 'Eng Sum');
    expect(within.header).toContain('Gap index (rank overlap)');
    expect(within.header).not.toContain('Gap index (national ranks)');
    expect(within.at('Gap index (rank overlap)') as number).toBeCloseTo(2.2928, 12);
    // The same gap in points, two different indices.
    expect(eng.at('Gap') as number).toBeCloseTo(within.at('Gap') as number, 12);
    expect(Math.abs((eng.at('Gap index (national ranks)') as number) - (within.at('Gap index (rank overlap)') as number))).toBeGreaterThan(0.5);

    expect(s.pageErrors.filter((e) => /NaN/.test(e))).toEqual([]);
    expect(s.outsideRequests()).toEqual([]);
  },
  4 * BROWSER_TIMEOUT,
);
