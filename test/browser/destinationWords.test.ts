/**
 * A destination word the add-in does not recognise is never counted as "unknown" without the user
 * choosing it: on the attendance and destinations screen and on the gap analysis screen, Run waits
 * until the user says what the word means, and the message names the word and how many pupils have
 * it. A colleague's "Gap year" typed into the sample's Year 9 Destination column stands for an MIS's
 * own wording.
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { BROWSER_TIMEOUT, expectNoAxeViolations, openPreview, sampleTable, type PreviewSession } from './harness';
import { columnLetters } from '../../src/workbook/a1';

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

/** Types "Gap year" over the first pupil's destination on sheet Year 9 (its table starts at A1). */
async function typeGapYear(): Promise<void> {
  const year9 = sampleTable('Year 9');
  const address = `${columnLetters(year9.headers.indexOf('Destination'))}2`;
  await page.getByTestId('sheet-tab-Year 9').click();
  await page.locator(`[data-testid="preview-grid"] [data-cell="${address}"]`).click();
  await page.keyboard.type('Gap year');
  await page.keyboard.press('Enter');
}

test('attendance and destinations: an unrecognised word stops Run, named, until its meaning is chosen', async () => {
  await s.goto();
  await typeGapYear();
  await page.getByTestId('job-outcomes').click();
  await page.getByTestId('oc-data-table').click();
  await page.getByRole('option', { name: /Year ?9/ }).first().click();
  await page.getByTestId('oc-destination-problem').waitFor();
  await expect(page.getByTestId('oc-destination-problem').textContent()).resolves.toBe('Choose what "GAP YEAR" (1 pupil) means under "What each destination means", or untick the destination column.');
  await expect(page.getByTestId('oc-run').isEnabled()).resolves.toBe(false);
  await expectNoAxeViolations(page, 'the outcomes screen with an unrecognised destination word');
  // The unrecognised word is listed after the proposed ones.
  const selects = page.locator('[data-testid^="oc-destination-"]:not([data-testid="oc-destination-problem"])');
  await selects.last().selectOption('not sustained');
  await expect(page.getByTestId('oc-destination-problem').count()).resolves.toBe(0);
  await expect(page.getByTestId('oc-run').isEnabled()).resolves.toBe(true);
});

test('gap analysis: the same word stops Run with the outcomes field\'s message until its meaning is chosen', async () => {
  await s.goto();
  await typeGapYear();
  await page.getByTestId('job-gaps').click();
  await page.getByTestId('gap-data-table').click();
  await page.getByRole('option', { name: /Year ?9/ }).first().click();
  await page.getByTestId('gap-columns').waitFor();
  const field = page.getByTestId('gap-outcomes-field').locator('xpath=ancestor-or-self::div[contains(@class, "fui-Field")][1]');
  await expect(field.textContent()).resolves.toContain('Choose what "GAP YEAR" (1 pupil) means');
  await expect(page.getByTestId('gap-run').isEnabled()).resolves.toBe(false);
  const selects = page.locator('[data-testid^="gap-destination-"]');
  await selects.last().selectOption('unknown');
  await expect(field.textContent()).resolves.not.toContain('GAP YEAR');
  await expect(page.getByTestId('gap-run').isEnabled()).resolves.toBe(true);
});
