/**
 * The Pupil Premium statement in a real browser, on the built preview with the task pane at 320 px:
 * a gap analysis of Year 9, two evaluations and a checklist review through their own screens, then
 * the statement screen shows what it found, the tiers to confirm, drafts the sheet, and a re-draft
 * keeps the school name typed into the sheet. Every request stays on the local server.
 * Needs `npm run build:test` first and Debian's Chromium at /usr/bin/chromium.
 */
import { BROWSER_TIMEOUT, openPreview, type PreviewSession } from './harness';

jest.setTimeout(180_000);

let s: PreviewSession;

beforeAll(async () => {
  s = await openPreview();
  await s.page.addStyleTag({ content: '[data-testid="preview-taskpane"]{width:320px !important;min-width:320px !important;max-width:320px !important;box-sizing:border-box !important}' });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
}, BROWSER_TIMEOUT);

const home = () => s.page.getByRole('button', { name: 'Back to home' }).click();
const cell = (address: string) => s.page.locator(`[data-testid="preview-grid"] [data-cell="${address}"]`);

async function evaluate(name: string): Promise<void> {
  const { page } = s;
  await page.getByTestId('job-intervention').click();
  await page.getByTestId('iv-data-table').click();
  await page.getByRole('option', { name: /Year ?9/ }).first().click();
  await page.getByTestId('iv-pre').waitFor();
  await page.getByTestId('iv-name').fill(name);
  await page.getByTestId('iv-evaluate').click();
  await page.getByTestId('iv-result').waitFor();
  await home();
}

test('draft the statement from a gap analysis, two evaluations and a checklist review; a re-draft keeps the typed school name', async () => {
  const { page } = s;
  await expect(page.getByTestId('preview-taskpane').evaluate((el) => el.getBoundingClientRect().width)).resolves.toBe(320);

  await page.getByTestId('job-gaps').click();
  await page.getByTestId('gap-data-table').click();
  await page.getByRole('option', { name: /Year ?9/ }).first().click();
  await page.getByTestId('gap-columns').waitFor();
  await page.getByTestId('gap-run').click();
  await page.getByTestId('gap-success').waitFor();
  await home();

  await evaluate('Reading tutoring');
  await evaluate('Attendance mentoring');

  await page.getByTestId('job-checklist').click();
  await page.getByTestId('checklist-step-label').waitFor();
  await page.getByTestId('checklist-rating').getByLabel('Developing', { exact: true }).check();
  await page.getByTestId('checklist-next-action').fill('Training for all staff on expectations of disadvantaged pupils');
  await page.getByTestId('checklist-save').click();
  await page.getByTestId('checklist-saved').waitFor();
  await home();

  // The statement screen: reached from its home card with the keyboard.
  await page.getByTestId('job-pupilPremium').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('pp-found').waitFor();
  const found = (await page.getByTestId('pp-found').textContent()) ?? '';
  expect(found).toMatch(/Gap report "Gap report \d{4}-\d{2}-\d{2}[^"]*": \d+ of its \d+ disadvantaged gaps are clear/);
  expect(found).toContain('2 evaluations in the interventions register');
  expect(found).toContain('1 next action');
  await expect(page.getByTestId('pp-tier').count()).resolves.toBe(2);
  await expect(page.getByTestId('pp-tier').nth(1).textContent()).resolves.toContain('Guessed: its name mentions "attendance"');
  await s.screenshot('pp-statement-found', 'preview-taskpane');

  // Confirm the mentoring as a wider strategy (the guess) and the tutoring as teaching, then draft.
  await page.getByTestId('pp-tier').nth(0).getByLabel('Teaching', { exact: true }).check();
  await page.getByTestId('pp-draft').click();
  await page.getByTestId('pp-done').waitFor();
  await expect(page.getByTestId('pp-done').textContent()).resolves.toContain('"Pupil Premium statement"');
  await expect(page.getByTestId('pp-tofill').textContent()).resolves.toContain('School name');
  await expect(page.getByTestId('preview-grid').getAttribute('data-sheet')).resolves.toBe('Pupil Premium statement');
  await s.screenshot('pp-statement-drafted', 'preview-taskpane');
  await s.screenshot('pp-statement-sheet');

  // Type the school name into its yellow cell (column C of line S1), then re-draft.
  const s1 = page.locator('[data-testid="preview-grid"] [data-cell^="A"]', { hasText: /^S1$/ }).first();
  const row = ((await s1.getAttribute('data-cell')) ?? '').slice(1);
  await cell(`C${row}`).click();
  await page.keyboard.type('Hillside Academy');
  await page.keyboard.press('Enter');
  await expect(cell(`C${row}`).textContent()).resolves.toBe('Hillside Academy');

  await expect(page.getByTestId('pp-draft').textContent()).resolves.toBe('Re-draft the statement');
  await page.getByTestId('pp-draft').click();
  await page.getByTestId('pp-done').getByText('Re-drafted', { exact: true }).waitFor();
  await expect(cell(`C${row}`).textContent()).resolves.toBe('Hillside Academy');
  await expect(page.getByTestId('pp-tofill').textContent()).resolves.not.toContain('School name');
  await s.screenshot('pp-statement-redrafted', 'preview-taskpane');

  expect(s.outsideRequests()).toEqual([]);
});
