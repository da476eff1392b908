/**
 * The gap analysis screen as a new user tries it (issue 12, items 7, 9 and 18): switching the data
 * picker to another kind of source clears the columns and the result read from the old one; a name
 * column chosen as the disadvantaged column is refused at once, naming the cell, and Run waits; the
 * assessments can be ticked or unticked all at once, with the keyboard too, and the buttons fit a
 * 320 px pane. axe-core runs on each of these states.
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { BROWSER_TIMEOUT, controlsOutside, expectNoAxeViolations, openPreview, sampleTable, type PreviewSession } from './harness';

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

/** The gap screen with table Year9 of the sample read and its columns shown. */
async function gapScreenWithYear9(): Promise<void> {
  await s.goto();
  await page.getByTestId('job-gaps').click();
  await page.getByTestId('gap-data-table').click();
  await page.getByRole('option', { name: /Year ?9/ }).first().click();
  await page.getByTestId('gap-columns').waitFor();
}

const assessmentBoxes = () => page.locator('[data-testid="gap-columns-assessments"] input[type="checkbox"]');
const ticked = () => assessmentBoxes().evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked));

describe('item 7: switching the kind of source clears what was read from the old one', () => {
  test('"A table" to "A sheet" takes away step 2 and the report written; a sheet then chosen shows its own columns', async () => {
    await gapScreenWithYear9();
    await page.getByTestId('gap-run').click();
    await page.getByTestId('gap-success').waitFor();
    await page.getByTestId('gap-data-kind-sheet').check();
    await page.waitForTimeout(200);
    await expect(page.getByTestId('gap-columns').count()).resolves.toBe(0);
    await expect(page.getByTestId('gap-data-description').count()).resolves.toBe(0);
    await expect(page.getByTestId('gap-success').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the gap screen after switching to "A sheet"');
    await page.getByTestId('gap-data-sheet').click();
    await page.getByRole('option', { name: 'Year 8', exact: true }).click();
    await page.getByTestId('gap-columns').waitFor();
    await expect(page.getByTestId('gap-data-description').textContent()).resolves.toMatch(/sheet Year 8/);
  });
});

describe('item 9: a column check on choice', () => {
  test('"Surname" as the disadvantaged column is refused at once, naming the cell, and Run waits until it is fixed', async () => {
    await gapScreenWithYear9();
    const year9 = sampleTable('Year9');
    const surname = year9.headers.indexOf('Surname');
    // Table Year9 starts at A1 (assets/sample/tracker.json): the first pupil's surname is in row 2.
    const cellName = `${String.fromCharCode(65 + surname)}2`;
    const first = String(year9.rows[0][surname]);
    await expect(page.getByTestId('gap-run').isEnabled()).resolves.toBe(true);
    await page.getByTestId('gap-columns-disadvantaged').click();
    await page.getByRole('option', { name: 'Surname', exact: true }).click();
    const field = page.getByTestId('gap-columns-disadvantaged').locator('xpath=ancestor::div[contains(@class, "fui-Field")][1]');
    await expect(field.textContent()).resolves.toContain(`"Surname" holds "${first}" in ${cellName}`);
    await expect(field.textContent()).resolves.not.toContain("reads as pupils' names");
    await expect(page.getByTestId('gap-run').isEnabled()).resolves.toBe(false);
    await expectNoAxeViolations(page, 'the gap screen with a name column as the disadvantaged column');
    await page.getByTestId('gap-columns-disadvantaged').click();
    await page.getByRole('option', { name: 'PP', exact: true }).click();
    await expect(field.textContent()).resolves.not.toContain('holds');
    await expect(page.getByTestId('gap-run').isEnabled()).resolves.toBe(true);
  });
});

describe('item 18: select all or none of the assessments', () => {
  test('Select none unticks every assessment and Run waits; Select all, reached with Tab, ticks them all', async () => {
    await gapScreenWithYear9();
    const n = await assessmentBoxes().count();
    expect(n).toBeGreaterThan(3);
    await page.getByTestId('gap-columns-assessments-none').click();
    await expect(ticked()).resolves.toEqual(Array(n).fill(false));
    await expect(page.getByTestId('gap-run').isEnabled()).resolves.toBe(false);
    await expect(page.getByText('Tick at least one assessment to analyse.').count()).resolves.toBe(1);
    // The keyboard alone: from "Select none", Shift+Tab reaches "Select all"; Enter ticks them all.
    await page.getByTestId('gap-columns-assessments-none').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('gap-columns-assessments-all');
    await page.keyboard.press('Enter');
    await expect(ticked()).resolves.toEqual(Array(n).fill(true));
    await expect(page.getByTestId('gap-run').isEnabled()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'the gap screen after Select all');
  });

  test('at a 320 px pane the two buttons sit above the list, inside the pane', async () => {
    await gapScreenWithYear9();
    await page.addStyleTag({ content: '[data-testid="preview-taskpane"] { width: 320px !important; }' });
    await page.waitForTimeout(200);
    const all = await page.getByTestId('gap-columns-assessments-all').boundingBox();
    const none = await page.getByTestId('gap-columns-assessments-none').boundingBox();
    const list = await page.getByTestId('gap-columns-assessments').boundingBox();
    expect(all && none && list).toBeTruthy();
    expect(all!.y + all!.height).toBeLessThanOrEqual(list!.y + 0.5);
    expect(Math.abs(all!.y - none!.y)).toBeLessThan(2);
    await expect(controlsOutside(page, '[data-testid="preview-taskpane"]')).resolves.toEqual([]);
    await s.screenshot('narrow-320-gap-select-all', 'preview-taskpane');
  });
});
