/**
 * Switching the data picker to another kind of source ("A table" to "A sheet") clears what was read
 * from the old source, on the attendance and destinations, trust view and gap trend screens, as on
 * the gap analysis and intervention screens (issue 12, item 7: "each new choice clears what no
 * longer applies"). Without it, step 2 kept the old table's columns under a sheet not yet chosen.
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { BROWSER_TIMEOUT, expectNoAxeViolations, openPreview, type PreviewSession } from './harness';

jest.setTimeout(180_000);

let s: PreviewSession;
let page: Page;

beforeAll(async () => {
  s = await openPreview({ viewport: { width: 1440, height: 900 } });
  page = s.page;
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
}, BROWSER_TIMEOUT);

/** Opens a screen, reads a table with its data picker, and waits for what step 2 shows. */
async function readTable(job: string, prefix: string, table: RegExp, step2: string): Promise<void> {
  await s.goto();
  await page.getByTestId(job).click();
  await page.getByTestId(`${prefix}-data-table`).click();
  await page.getByRole('option', { name: table }).first().click();
  await page.getByTestId(step2).waitFor();
}

/** Switches to "A sheet" and checks step 2 and the description of the old table are gone. */
async function switchToSheet(prefix: string, step2: string): Promise<void> {
  await page.getByTestId(`${prefix}-data-kind-sheet`).check();
  await page.waitForTimeout(200);
  await expect(page.getByTestId(step2).count()).resolves.toBe(0);
  await expect(page.getByTestId(`${prefix}-data-description`).count()).resolves.toBe(0);
  await expectNoAxeViolations(page, `the ${prefix} screen after switching to "A sheet"`);
}

test('attendance and destinations: "A table" to "A sheet" takes away the old columns and result', async () => {
  await readTable('job-outcomes', 'oc', /Year ?9/, 'oc-disadvantaged');
  await page.getByTestId('oc-run').click();
  await page.getByTestId('oc-result').waitFor();
  await switchToSheet('oc', 'oc-disadvantaged');
  await expect(page.getByTestId('oc-result').count()).resolves.toBe(0);
});

test('trust view: "A table" to "A sheet" takes away the old columns', async () => {
  await readTable('job-trust', 'trust', /TrustY11/, 'trust-school');
  await switchToSheet('trust', 'trust-school');
});

test('gap trend, one table with a cohort-year column: "A table" to "A sheet" takes away the old columns', async () => {
  await s.goto();
  await page.getByTestId('job-trend').click();
  await page.getByTestId('trend-mode-one').click();
  await page.getByTestId('trend-data-table').click();
  await page.getByRole('option', { name: /Y11/ }).first().click();
  await page.getByTestId('trend-outcome').waitFor();
  await switchToSheet('trend', 'trend-outcome');
});
