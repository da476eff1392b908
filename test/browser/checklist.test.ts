/**
 * The checklist wizard in a real browser, on the built preview (dist/preview.html: the task pane on
 * an in-memory workbook): complete a few statements, save, save and reopen the workbook, resume at
 * the same step, and find the Checklist sheet with its score. Every request must stay on the local
 * server. Needs `npm run build` first and Debian's Chromium at /usr/bin/chromium.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

const DIST = path.resolve(__dirname, '../../dist');
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

jest.setTimeout(120_000);

let server: http.Server;
let base: string;
let browser: Browser;
let page: Page;
const outside: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
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

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'checklist.png'), fullPage: true });
  expect(outside).toEqual([]);
});
