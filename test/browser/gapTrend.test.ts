/**
 * Gap trend in a real browser, on the built preview with the task pane narrowed to 320 px: tick the
 * sample's three Year 11 tables (their years are read from their names), make the trend; the pane
 * and the report sheet show each year's gap as the core's gapTrend gives it, with the change in words
 * and a line chart with error bars.
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import { BROWSER_TIMEOUT, openPreview, sampleTable, type PreviewSession } from './harness';
import { gapTrend } from '../../src/core/trends';
import { gradeValue } from '../../src/core/grades/scales';

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

function expected() {
  const scores: Array<[number | null]> = [];
  const flags: Array<[unknown]> = [];
  const years: Array<[string]> = [];
  for (const y of ['2023', '2024', '2025']) {
    const t = sampleTable(`Y11_${y}`);
    const [pp, a8] = ['PP', 'Attainment 8'].map((h) => t.headers.indexOf(h));
    for (const r of t.rows) {
      scores.push([gradeValue(r[a8], 'gcse') ?? null]);
      flags.push([r[pp]]);
      years.push([y]);
    }
  }
  return gapTrend(scores, flags, years);
}

test(
  "the gap trend of three Year 11 tables shows each year's gap as the core gives it, with the change in words",
  async () => {
    const { page } = s;
    await page.getByTestId('job-trend').click();
    for (const y of ['2023', '2024', '2025']) {
      await page.getByTestId(`trend-source-Y11_${y}`).click();
      await expect(page.getByTestId(`trend-year-Y11_${y}`).inputValue()).resolves.toBe(y);
    }
    await page.getByTestId('trend-outcome').waitFor();
    await expect(page.getByTestId('trend-outcome').textContent()).resolves.toContain('Attainment 8');
    const overflow = await page.getByTestId('preview-taskpane').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await s.screenshot('gap-trend-columns-320', 'preview-taskpane');

    await page.getByTestId('trend-run').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('trend-result').waitFor();
    const core = expected();
    const items = page.getByTestId('trend-year-row');
    await expect(items.count()).resolves.toBe(3);
    for (let k = 0; k < 3; k++) expect(Number(await items.nth(k).getAttribute('data-gap'))).toBeCloseTo(core.years[k].gap, 12);
    await expect(page.getByTestId('trend-word').textContent()).resolves.toContain(core.firstToLast?.word ?? 'missing');
    await s.screenshot('gap-trend-taskpane-320', 'preview-taskpane');

    const chart = page.locator('[data-testid="preview-chart"]');
    await expect(chart.count()).resolves.toBe(1);
    await expect(page.getByTestId('preview-error-bar').count()).resolves.toBe(3);
    await s.screenshot('gap-trend-report');
    expect(s.outsideRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  },
  BROWSER_TIMEOUT,
);
