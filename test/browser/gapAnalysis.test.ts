/**
 * Gap analysis in a real browser, on the built preview (dist/preview.html): choose the sample's
 * "Year9" table, accept the detected columns, run, and check that the report sheet appears among
 * the sheet tabs with the numbers the core computes from the sample's own data. Every request must
 * stay on the local server. Needs a build first (`npm run build`) and Debian's Chromium.
 */
import { BROWSER_TIMEOUT, openPreview, sampleTable, type PreviewSession } from './harness';
import { gapSummary } from '../../src/core/gaps/gapSummary';
import { gradeValue } from '../../src/core/grades/scales';
import { readFlag, FLAG_TRUE } from '../../src/core/cells';
import { formatNumber } from '../../src/preview/format';

let s: PreviewSession;

beforeAll(async () => {
  s = await openPreview();
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
});

/** The core's disadvantaged gap summary for one column of the sample's Year 9 table (PP column, GCSE points). */
function coreSummary(header: string) {
  const t = sampleTable('Year9');
  const c = t.headers.indexOf(header);
  const pp = t.headers.indexOf('PP');
  const scores = t.rows.map((r) => [gradeValue(r[c], 'gcse') ?? null]);
  const flags = t.rows.map((r) => [readFlag(r[pp]) === FLAG_TRUE]);
  return { index: c, summary: gapSummary(scores, flags, 0.95) };
}

test(
  'choose the Year 9 table, accept the detected columns and run: the report sheet holds the core gap and interval',
  async () => {
    const { page } = s;
    await page.getByTestId('job-gaps').click();
    await page.getByTestId('gap-data-table').click();
    await page.getByRole('option', { name: /Year9/ }).click();
    await page.getByTestId('gap-columns').waitFor();

    // The detected defaults: PP (preferred over FSM6) and the assessments ticked.
    await expect(page.getByTestId('gap-columns-disadvantaged').textContent()).resolves.toContain('PP');
    await expect(page.getByTestId('gap-columns-assessment-15').isChecked()).resolves.toBe(true);
    await s.screenshot('gap-analysis-columns', 'preview-taskpane');

    await page.getByTestId('gap-run').click();
    await page.getByTestId('gap-success').waitFor();
    const message = (await page.getByTestId('gap-success').textContent()) ?? '';
    const sheetName = /sheet '([^']+)'/.exec(message)?.[1] ?? '';
    expect(sheetName).toMatch(/^Gap report \d{4}-\d{2}-\d{2}( \(\d+\))?$/);

    // The report is a new sheet, shown in the workbook's tabs and active.
    await expect(page.getByRole('tab', { name: sheetName, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByTestId('preview-grid').getAttribute('data-sheet')).resolves.toBe(sheetName);

    // The task pane's headline equals the core on the sample's own data.
    const { index, summary } = coreSummary('Eng Sum');
    const item = page.getByTestId(`gap-headline-${index}`);
    expect(Number(await item.getAttribute('data-gap'))).toBeCloseTo(summary.gap, 12);
    expect(Number(await item.getAttribute('data-lower'))).toBeCloseTo(summary.ciLower, 12);
    expect(Number(await item.getAttribute('data-upper'))).toBeCloseTo(summary.ciUpper, 12);
    await expect(item.textContent()).resolves.toContain(`${summary.nDisadvantaged} disadvantaged, ${summary.nOther} others`);

    // The report sheet's headline table shows the same gap and interval in its cells.
    const label = page.locator('[data-cell^="A"]', { hasText: /^Eng Sum$/ }).first();
    const at = Number(/\d+$/.exec((await label.getAttribute('data-cell')) ?? '')?.[0]);
    const cellText = (col: string) => page.locator(`[data-cell="${col}${at}"]`).textContent();
    await expect(cellText('B')).resolves.toBe(formatNumber(summary.gap, '+0.00;-0.00;0.00'));
    await expect(cellText('D')).resolves.toBe(formatNumber(summary.ciLower, '0.00'));
    await expect(cellText('E')).resolves.toBe(formatNumber(summary.ciUpper, '0.00'));

    // The chart is drawn with an error bar per assessment.
    await expect(page.getByTestId('preview-chart').count()).resolves.toBe(1);
    await expect(page.getByTestId('preview-error-bar').count()).resolves.toBeGreaterThan(3);

    await s.screenshot('gap-analysis-taskpane', 'preview-taskpane');
    await s.screenshot('gap-analysis-report');

    expect(s.requests.length).toBeGreaterThan(0);
    expect(s.outsideRequests()).toEqual([]);
    for (const url of s.requests) expect(url.startsWith(`${s.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')).toBe(true);
  },
  BROWSER_TIMEOUT,
);

test(
  'running again makes another report sheet instead of touching the first',
  async () => {
    const { page } = s;
    const before = await page.getByRole('tab').count();
    await page.getByTestId('gap-run').click();
    await page.getByTestId('gap-success').waitFor();
    const message = (await page.getByTestId('gap-success').textContent()) ?? '';
    expect(message).toMatch(/sheet 'Gap report \d{4}-\d{2}-\d{2} \(2\)'/);
    await expect(page.getByRole('tab').count()).resolves.toBe(before + 1);
    expect(s.outsideRequests()).toEqual([]);
  },
  BROWSER_TIMEOUT,
);
