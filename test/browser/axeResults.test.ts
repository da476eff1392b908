/**
 * axe-core on every screen's results and error states, not only its first state: a gap report
 * written, a column refused, an intervention's verdict, a trend, the trust view's funnel, the
 * attendance report, a saved checklist and a drafted Pupil Premium statement, each at Excel's
 * narrowest task pane (320 px) and at full width. A state whose markup breaks a WCAG rule (a result
 * region without a name, a live message that hides focusable content, a clipped label) fails here.
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { BROWSER_TIMEOUT, expectNoAxeViolations, openPreview, type PreviewSession } from './harness';

jest.setTimeout(240_000);

let s: PreviewSession;
let page: Page;

beforeAll(async () => {
  s = await openPreview({ viewport: { width: 1440, height: 900 } });
  page = s.page;
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
}, BROWSER_TIMEOUT);

/** A fresh preview, at `width` px of task pane when given (Excel's narrowest is 320). */
async function fresh(width?: number): Promise<void> {
  await s.goto();
  if (width) await page.addStyleTag({ content: `[data-testid="preview-taskpane"] { width: ${width}px !important; }` });
  await page.getByTestId('job-gaps').waitFor();
}

const home = () => page.getByRole('button', { name: 'Back to home' }).click();

async function pick(testId: string, option: RegExp | string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function gapReport(): Promise<void> {
  await page.getByTestId('job-gaps').click();
  await pick('gap-data-table', /Year ?9/);
  await page.getByTestId('gap-columns').waitFor();
  await page.getByTestId('gap-run').click();
  await page.getByTestId('gap-success').waitFor();
}

async function evaluation(name: string): Promise<void> {
  await page.getByTestId('job-intervention').click();
  await pick('iv-data-table', /Year ?9/);
  await page.getByTestId('iv-pre').waitFor();
  await page.getByTestId('iv-name').fill(name);
  await page.getByTestId('iv-evaluate').click();
  await page.getByTestId('iv-result').waitFor();
}

describe.each([
  ['at 320 px', 320],
  ['at full width', undefined],
])('axe-core finds no violation in results and errors, %s', (_, width) => {
  test('a gap report written: the headlines, the chance note and the report sheet', async () => {
    await fresh(width);
    await gapReport();
    await expectNoAxeViolations(page, 'the gap analysis result');
  });

  test('a column refused on choice, then an intervention verdict', async () => {
    await fresh(width);
    await page.getByTestId('job-intervention').click();
    await pick('iv-data-table', /Year ?9/);
    await page.getByTestId('iv-pre').waitFor();
    await pick('iv-pre', 'Surname');
    await page.getByText(/^"Surname" holds no scores/).waitFor();
    await expectNoAxeViolations(page, 'the intervention screen with a refused column');
    await pick('iv-pre', 'Reading Pre');
    await page.getByTestId('iv-name').fill('Reading tutoring');
    await page.getByTestId('iv-evaluate').click();
    await page.getByTestId('iv-result').waitFor();
    await expectNoAxeViolations(page, 'the intervention verdict');
  });

  test('a gap trend over three years', async () => {
    await fresh(width);
    await page.getByTestId('job-trend').click();
    for (const y of ['2023', '2024', '2025']) await page.getByTestId(`trend-source-Y11_${y}`).click();
    await page.getByTestId('trend-outcome').waitFor();
    await page.getByTestId('trend-run').click();
    await page.getByTestId('trend-result').waitFor();
    await expectNoAxeViolations(page, 'the gap trend result');
  });

  test("the trust view's funnel and its named schools", async () => {
    await fresh(width);
    await page.getByTestId('job-trust').click();
    await pick('trust-data-table', /TrustY11/);
    await page.getByTestId('trust-school').waitFor();
    await page.getByTestId('trust-run').click();
    await page.getByTestId('trust-result').waitFor();
    await expectNoAxeViolations(page, 'the trust view result');
  });

  test('the attendance and destinations report', async () => {
    await fresh(width);
    await page.getByTestId('job-outcomes').click();
    await pick('oc-data-table', /Year ?9/);
    await page.getByTestId('oc-kind-sessionsPossible').waitFor();
    await page.getByTestId('oc-run').click();
    await page.getByTestId('oc-result').waitFor();
    await expectNoAxeViolations(page, 'the outcomes result');
  });

  test('a checklist saved, then a Pupil Premium statement drafted from it', async () => {
    await fresh(width);
    await gapReport();
    await home();
    await evaluation('Reading tutoring');
    await home();
    await page.getByTestId('job-checklist').click();
    await page.getByTestId('checklist-step-label').waitFor();
    await page.getByTestId('checklist-rating').getByLabel('Developing', { exact: true }).check();
    await page.getByTestId('checklist-save').click();
    await page.getByTestId('checklist-saved').waitFor();
    await expectNoAxeViolations(page, 'the checklist after saving');
    await home();
    await page.getByTestId('job-pupilPremium').click();
    await page.getByTestId('pp-found').waitFor();
    await expectNoAxeViolations(page, 'the statement screen with what it found');
    await page.getByTestId('pp-draft').click();
    await page.getByTestId('pp-done').waitFor();
    await expectNoAxeViolations(page, 'the statement drafted');
  });
});

test('an error state: blank cells chosen as the data give a warning that passes axe-core', async () => {
  await fresh(320);
  // A blank cell of the sheet in view, selected in the grid.
  const blank = await page.evaluate(() => {
    const cells = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="preview-grid"] [data-cell]'));
    const text = (a: string) => (document.querySelector(`[data-testid="preview-grid"] [data-cell="${a}"]`)?.textContent ?? 'x').trim();
    return (
      cells
        .map((c) => c.dataset.cell ?? '')
        .find((a) => {
          const m = /^([A-Z]+)(\d+)$/.exec(a);
          return !!m && [0, 1, 2].every((k) => text(`${m[1]}${Number(m[2]) + k}`) === '');
        }) ?? null
    );
  });
  expect(blank).not.toBeNull();
  // Two rows of blank cells (one cell alone would read the data around it, as Excel's current region).
  await page.locator(`[data-testid="preview-grid"] [data-cell="${blank}"]`).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.getByTestId('job-gaps').click();
  await page.getByTestId('gap-data-kind-selection').check();
  const read = page.getByTestId('gap-read-selection');
  if (await read.count()) await read.click();
  await page.getByTestId('gap-no-rows').waitFor();
  await expect(page.getByTestId('gap-no-rows').textContent()).resolves.toContain('The selected cells are empty');
  await expectNoAxeViolations(page, 'the gap analysis with blank cells chosen');
});
