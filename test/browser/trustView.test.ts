/**
 * Trust view in a real browser, on the built preview with the task pane narrowed to 320 px: choose
 * the sample's trust table, accept the detected columns, add contextual value added, make the view;
 * the pane names the schools outside the limits as the core finds them, and the report sheet draws
 * the funnel plot as a scatter chart with its limit lines. Driven by the keyboard where it matters.
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { ARTIFACTS, BROWSER_TIMEOUT, openPreview, sampleTable, type PreviewSession } from './harness';
import { trustFunnel } from '../../src/core/trends';
import { gradeValue } from '../../src/core/grades/scales';
import { readFlag, FLAG_TRUE } from '../../src/core/cells';

let s: PreviewSession;
/** Where the screenshots of the funnel chart go ($SHOTS_DIR, default test-artifacts/). */
const SHOTS = process.env.SHOTS_DIR ?? ARTIFACTS;

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

test(
  "on KS2 scaled scores the pane proposes that scale, the view's figures are the core's on those points, and the funnel chart shows at 1440 x 900 and beside a 320-px pane",
  async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    await s.goto();
    await page.getByTestId('job-trust').click();
    await page.getByTestId('trust-data-table').click();
    await page.getByRole('option', { name: /TrustY11/ }).click();
    await page.getByTestId('trust-outcome').waitFor();
    // The sample's outcome, Attainment 8, is a score; choosing KS2 Scaled brings its scale's name.
    await expect(page.getByTestId('trust-scale').textContent()).resolves.toContain('9-1 or score');
    await page.getByTestId('trust-outcome').click();
    await page.getByRole('option', { name: 'KS2 Scaled', exact: true }).click();
    await expect(page.getByTestId('trust-scale').getAttribute('data-scale-name')).resolves.toBe('KS2 scaled scores');
    await expect(page.getByText('Read as KS2 scaled scores: every gap, limit and shrunken gap is in its points').count()).resolves.toBe(1);

    await page.getByTestId('trust-run').click();
    await page.getByTestId('trust-result').waitFor();
    const t = sampleTable('TrustY11');
    const [school, pp, ks2] = ['School', 'PP', 'KS2 Scaled'].map((h) => t.headers.indexOf(h));
    const core = trustFunnel(
      t.rows.map((r) => String(r[school])),
      t.rows.map((r) => readFlag(r[pp]) === FLAG_TRUE),
      Float64Array.from(t.rows, (r) => gradeValue(r[ks2], 'gcse') ?? NaN),
    );
    await expect(page.getByTestId('trust-result').textContent()).resolves.toContain(`Trust gap ${core.gapView.target.toFixed(2)} points over ${core.schools.length} schools`);

    // The report's gap chart, its axis in the scale's units, beside the pane at its usual width.
    const chart = page.locator('[data-testid="preview-chart"][data-kind="scatter"]').first();
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.textContent()).resolves.toContain('Gap (points, KS2 scaled scores)');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'trust-funnel-1440x900.png') });
    await chart.screenshot({ path: path.join(SHOTS, 'trust-funnel-chart.png') });
    // And beside the pane narrowed to 320 px.
    await page.getByTestId('preview-taskpane').evaluate((el) => {
      (el as HTMLElement).style.width = '320px';
      (el as HTMLElement).style.flex = '0 0 320px';
    });
    await chart.scrollIntoViewIfNeeded();
    const overflow = await page.getByTestId('preview-taskpane').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'trust-funnel-pane-320.png') });
    expect(s.outsideRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  },
  2 * BROWSER_TIMEOUT,
);
