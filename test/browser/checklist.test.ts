/**
 * The checklist wizard in a real browser, on the built preview (dist/preview.html: the task pane on
 * an in-memory workbook): complete a few statements, save, save and reopen the workbook, resume at
 * the same step, and find the Checklist sheet with its score. Every request must stay on the local
 * server. Needs `npm run build` first and Debian's Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { openPreview, type PreviewSession } from './harness';


jest.setTimeout(120_000);

let session: PreviewSession;
let base: string;
let page: Page;

beforeAll(async () => {
  // The shared harness: dist/ on a free local port, Debian's Chromium, every request recorded.
  session = await openPreview({ page: null });
  page = session.page;
  base = session.origin;
});

afterAll(async () => {
  await session?.close();
});

async function openChecklist(): Promise<void> {
  await page.getByTestId('job-checklist').click();
  await page.getByTestId('checklist-step-label').waitFor();
}

async function rate(rating: string, evidence: string): Promise<void> {
  await page.getByTestId('checklist-rating').getByLabel(rating, { exact: true }).check();
  await page.getByTestId('checklist-evidence').fill(evidence);
  await page.getByTestId('checklist-next').click();
}

test('complete a few statements, save, reopen the workbook and resume at the same step with the Checklist sheet scored', async () => {
  await page.goto(`${base}/preview.html`);
  await openChecklist();
  await expect(page.getByTestId('checklist-step-label').textContent()).resolves.toBe('Statement 1 of 11');
  await expect(page.getByTestId('checklist-area').textContent()).resolves.toBe('High expectations for every pupil');

  await rate('Embedded', 'Parent survey 2026: 92% agree');
  await rate('Developing', 'Lower sets taught by specialists in maths only');
  await expect(page.getByTestId('checklist-step-label').textContent()).resolves.toBe('Statement 3 of 11');
  await expect(page.getByTestId('evidence-offer').isVisible()).resolves.toBe(true);
  await page.getByTestId('checklist-owner').fill('Deputy head');

  await page.getByTestId('checklist-save').click();
  await page.getByTestId('checklist-saved').waitFor();
  await expect(page.getByTestId('checklist-saved').textContent()).resolves.toContain('Saved to the sheet "Checklist"');

  await page.getByRole('button', { name: /save and reopen/i }).click();
  await openChecklist();
  await expect(page.getByTestId('checklist-step-label').textContent()).resolves.toBe('Statement 3 of 11');
  await expect(page.getByTestId('checklist-owner').inputValue()).resolves.toBe('Deputy head');
  await page.getByTestId('checklist-back').click();
  await expect(page.getByTestId('checklist-evidence').inputValue()).resolves.toBe('Lower sets taught by specialists in maths only');

  // The Checklist sheet is in the workbook, with its overall score: (3 + 1) / 2 / 3 = 67%.
  const tab = page.getByRole('tab', { name: 'Checklist', exact: true });
  await expect(tab.count()).resolves.toBe(1);
  await tab.click();
  await page.getByText('Closing-the-gap checklist').first().waitFor();
  await expect(page.getByText('67%').count()).resolves.toBeGreaterThan(0);

  await session.screenshot('checklist');
  expect(session.outsideRequests()).toEqual([]);
});
