/**
 * Trust view in a real browser, on the built preview with the task pane narrowed to 320 px: choose
 * the sample's trust table, accept the detected columns, add contextual value added, make the view;
 * the pane names the schools outside the limits as the core finds them, and the report sheet draws
 * the funnel plot as a scatter chart with its limit lines. Driven by the keyboard where it matters.
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import { BROWSER_TIMEOUT, openPreview, sampleTable, type PreviewSession } from './harness';
import { trustFunnel } from '../../src/core/trends';
import { gradeValue } from '../../src/core/grades/scales';
import { readFlag, FLAG_TRUE } from '../../src/core/cells';

let s: PreviewSession;

beforeAll(async () => {
  s = await openPreview();
  await s.page.getByTestId('preview-taskpane').evaluate((el) => {
    (el as HTMLElement).style.width = '320px';
    (el as HTMLElement).style.flex = '0 0 320px';
  });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
}, BROWSER_TIMEOUT);

function expectedOutside(): string[] {
  const t = sampleTable('TrustY11');
  const [school, pp, a8] = ['School', 'PP', 'Attainment 8'].map((h) => t.headers.indexOf(h));
  const f = trustFunnel(
    t.rows.map((r) => String(r[school])),
    t.rows.map((r) => readFlag(r[pp]) === FLAG_TRUE),
    Float64Array.from(t.rows, (r) => gradeValue(r[a8], 'gcse') ?? NaN),
  );
  return f.schools.filter((x) => x.gapView?.outside || x.othersView?.outside).map((x) => x.school);
}

test(
  "the trust view names the schools outside the funnel's limits and draws the funnel as a scatter chart",
  async () => {
    const { page } = s;
    const card = page.getByTestId('job-trust');
    await card.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('trust-data-table').click();
    await page.getByRole('option', { name: /TrustY11/ }).click();
    await page.getByTestId('trust-school').waitFor();
    await expect(page.getByTestId('trust-school').textContent()).resolves.toContain('School');
    await expect(page.getByTestId('trust-disadvantaged').textContent()).resolves.toContain('PP');
    await expect(page.getByTestId('trust-outcome').textContent()).resolves.toContain('Attainment 8');
    await page.getByTestId('trust-cva').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('trust-prior').textContent()).resolves.toContain('KS2 Scaled');
    // Nothing in the narrow pane is wider than the pane.
    const overflow = await page.getByTestId('preview-taskpane').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await s.screenshot('trust-view-columns-320', 'preview-taskpane');

    await page.getByTestId('trust-run').click();
    await page.getByTestId('trust-result').waitFor();
    const named = await page.getByTestId('trust-outside-school').allTextContents();
    const expected = expectedOutside();
    expect(expected.length).toBeGreaterThan(0);
    expect(named.map((t) => t.split(':')[0])).toEqual(expected);
    await expect(page.getByTestId('trust-result').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await s.screenshot('trust-view-taskpane-320', 'preview-taskpane');

    // The report: two scatter charts, each with school points and five lines (average, four limits).
    const charts = page.locator('[data-testid="preview-chart"][data-kind="scatter"]');
    await expect(charts.count()).resolves.toBe(2);
    await expect(charts.first().locator('circle').count()).resolves.toBe(7);
    await expect(charts.first().locator('[data-testid="preview-scatter-line"]').count()).resolves.toBe(5);
    await charts.first().scrollIntoViewIfNeeded();
    await charts.first().screenshot({ path: `${(await s.screenshot('trust-view-report')).replace(/trust-view-report\.png$/, '')}trust-funnel-chart.png` });
    expect(s.outsideRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  },
  BROWSER_TIMEOUT,
);
