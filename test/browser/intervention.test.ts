/**
 * Intervention impact in a real browser, on the built preview (dist/preview.html: the task pane on
 * the in-memory sample workbook): evaluate "Tutoring" on Year 9's Reading Pre/Post with a matched
 * comparison group, check that the evaluation sheet and the interventions register appear, and that
 * the effect size shown is the one the core computes from the sample's own data. Every request must
 * stay on the local server. Needs `npm run build` first and Debian's Chromium at /usr/bin/chromium.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openPreview, type PreviewSession } from './harness';
import { evaluateIntervention } from '../../src/core/interventions/evaluate';
import { impactSheetName, verdictLine } from '../../src/sheets/interventionReport';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE_DIR = path.join(ROOT, 'assets/sample');

jest.setTimeout(120_000);

let session: PreviewSession;
let base: string;
let page: Page;

interface Block {
  headers: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

/**
 * The "Year 9" table of the sample JSON the preview loads: the first object found named "Year 9"
 * that holds headers and rows (or a values grid whose first row is the headers).
 */
function sampleYear9(): Block {
  const files = fs.existsSync(SAMPLE_DIR) ? fs.readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.json')) : [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): Block | null => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return null;
    seen.add(node);
    const o = node as Record<string, unknown>;
    if (o.name === 'Year 9') {
      if (Array.isArray(o.headers) && Array.isArray(o.rows)) return { headers: o.headers as string[], rows: o.rows as Block['rows'] };
      if (Array.isArray(o.values) && Array.isArray(o.values[0])) {
        const [h, ...rows] = o.values as Block['rows'];
        return { headers: h.map(String), rows };
      }
    }
    for (const v of Object.values(o)) {
      const hit = visit(v);
      if (hit) return hit;
    }
    return null;
  };
  for (const f of files) {
    const hit = visit(JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, f), 'utf8')));
    if (hit) return hit;
  }
  throw new Error(`No "Year 9" table found in the sample JSON under ${SAMPLE_DIR}`);
}

beforeAll(async () => {
  // The shared harness: dist/ on a free local port, Debian's Chromium, every request recorded.
  session = await openPreview({ page: null });
  page = session.page;
  base = session.origin;
});

afterAll(async () => {
  await session?.close();
});

async function pick(testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('evaluate Year 9 tutoring against a matched group: sheet and register written, effect as the core computes it', async () => {
  await page.goto(`${base}/preview.html`);
  await page.getByTestId('job-intervention').click();

  // The shared data picker: a table is the default kind when the workbook has tables.
  await pick('iv-data-table', /Year ?9/);
  await page.getByTestId('iv-pre').waitFor();
  await expect(page.getByTestId('iv-data-description').textContent()).resolves.toContain(`${sampleYear9().rows.length} pupils`);
  // Defaults guessed from the headers.
  await expect(page.getByTestId('iv-pre').textContent()).resolves.toContain('Reading Pre');
  await expect(page.getByTestId('iv-post').textContent()).resolves.toContain('Reading Post');
  await expect(page.getByTestId('iv-flag').textContent()).resolves.toContain('Tutoring');
  await page.getByTestId('iv-mode-matched').check();
  await page.getByTestId('iv-tolerance').fill('3');
  await page.getByTestId('iv-name').fill('Year 9 reading tutoring');
  await page.getByTestId('iv-cost-input').fill('2400');
  await page.getByTestId('iv-evaluate').click();
  await page.getByTestId('iv-result').waitFor();

  // The same evaluation in the core, on the sample's own Year 9 table.
  const sample = sampleYear9();
  const col = (h: string) => sample.headers.indexOf(h);
  const disadvantaged = ['PP', 'FSM6'].map(col).find((c) => c >= 0) ?? null;
  const expected = evaluateIntervention({
    headers: sample.headers,
    rows: sample.rows,
    name: 'Year 9 reading tutoring',
    columns: { pre: col('Reading Pre'), post: col('Reading Post'), intervention: col('Tutoring'), disadvantaged },
    comparisonMode: 'matched',
    tolerance: 3,
  });
  const shown = Number(await page.getByTestId('iv-effect').getAttribute('data-value'));
  expect(shown).toBeCloseTo(expected.overall.effectSize, 12);
  await expect(page.getByTestId('iv-effect').textContent()).resolves.toContain(expected.overall.effectSize.toFixed(2));
  await expect(page.getByTestId('iv-n').textContent()).resolves.toContain(`${expected.overall.interventionN} in the intervention`);

  const written = (await page.getByTestId('iv-sheets').textContent()) ?? '';
  const sheetName = /sheet "([^"]+)"/.exec(written)?.[1] ?? '';
  // Excel allows 31 characters in a sheet name, so the intervention's name is shortened to fit.
  const day = /(\d{4})-(\d{2})-(\d{2})$/.exec(sheetName);
  expect(day).not.toBeNull();
  expect(sheetName).toBe(impactSheetName('Year 9 reading tutoring', new Date(Number(day![1]), Number(day![2]) - 1, Number(day![3])), 'Year9'));
  expect(sheetName).toMatch(/^Impact Year 9 readin/);
  expect(written).toContain('"Interventions register"');

  await session.screenshot('intervention-result');

  // Both sheets are in the workbook.
  for (const name of [sheetName, 'Interventions register']) {
    const tab = page.getByRole('tab', { name, exact: true });
    await expect(tab.count()).resolves.toBe(1);
  }
  await page.getByRole('tab', { name: 'Interventions register', exact: true }).click();
  await page.getByText('Year 9 reading tutoring').first().waitFor();
  await session.screenshot('intervention-register');

  expect(session.outsideRequests()).toEqual([]);
});

test('at 320 px: a test column that is a name is refused at once, and the verdict in three words takes focus', async () => {
  await page.goto(`${base}/preview.html`);
  // Excel's narrowest task pane.
  await page.addStyleTag({ content: '[data-testid="preview-taskpane"] { width: 320px !important; }' });
  await page.getByTestId('job-intervention').click();
  await pick('iv-data-table', /Year ?9/);
  await page.getByTestId('iv-pre').waitFor();

  // "Surname" as the pre-test: the field says so at once, naming a cell, and Evaluate is disabled.
  await pick('iv-pre', 'Surname');
  const message = page.getByText(/^"Surname" holds no scores \([A-Z]+\d+ holds "/);
  await message.waitFor();
  await expect(message.textContent()).resolves.not.toMatch(/data row/);
  await expect(page.getByTestId('iv-evaluate').isDisabled()).resolves.toBe(true);
  await pick('iv-pre', 'Reading Pre');
  await expect(message.count()).resolves.toBe(0);

  await page.getByTestId('iv-mode-rest').check();
  await page.getByTestId('iv-reference-sd').fill('15');
  await pick('iv-cluster', 'Set');
  await page.getByTestId('iv-name').fill('Reading catch-up');
  await expect(page.getByTestId('iv-evaluate').isEnabled()).resolves.toBe(true);
  await page.getByTestId('iv-evaluate').click();
  await page.getByTestId('iv-result').waitFor();

  const sample = sampleYear9();
  const col = (h: string) => sample.headers.indexOf(h);
  const expected = evaluateIntervention({
    headers: sample.headers,
    rows: sample.rows,
    name: 'Reading catch-up',
    columns: { pre: col('Reading Pre'), post: col('Reading Post'), intervention: col('Tutoring'), disadvantaged: ['PP', 'FSM6'].map(col).find((c) => c >= 0) ?? null },
    comparisonMode: 'rest',
    referenceSd: '15',
    clusterColumn: col('Set'),
    criterion: { kind: 'months', value: '3' },
  });
  const words = (await page.getByTestId('iv-verdict-words').textContent()) ?? '';
  expect(words).toMatch(/^(Met|Not met|Can't tell yet), (moderate|limited|weak) evidence$/);
  expect(words).toBe(verdictLine(expected));
  await expect(page.getByTestId('iv-strength').textContent()).resolves.toBe(expected.verdict.strength);
  await expect(page.getByTestId('iv-standardiser').textContent()).resolves.toBe('15.00: the reference SD you gave (15)');
  await expect(page.getByTestId('iv-cluster-ci').count()).resolves.toBe(expected.overall.clusterInterval ? 1 : 0);
  // The result has focus, in view, and fits the pane.
  await expect(page.getByTestId('iv-result').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  const pane = await page.getByTestId('preview-taskpane').boundingBox();
  const result = await page.getByTestId('iv-result').boundingBox();
  expect(pane && result && result.x >= pane.x && result.x + result.width <= pane.x + pane.width + 0.5).toBe(true);
  expect(await page.getByTestId('iv-result').textContent()).not.toMatch(/NaN|n\/a to n\/a|-0\.00/);
  await session.screenshot('intervention-320-result');
  expect(session.pageErrors.filter((e) => /NaN/.test(e))).toEqual([]);
  expect(session.outsideRequests()).toEqual([]);
});

test('the steps are numbered as on the gap screen', async () => {
  await page.goto(`${base}/preview.html`);
  await page.getByTestId('job-intervention').click();
  await expect(page.getByRole('heading', { name: '1. Choose the data' }).count()).resolves.toBe(1);
  await pick('iv-data-table', /Year ?9/);
  await page.getByTestId('iv-pre').waitFor();
  for (const step of ['2. Scores and who received it', '3. Compared with', '4. About the intervention']) {
    await expect(page.getByRole('heading', { name: step }).count()).resolves.toBe(1);
  }
});

test('a changed setting clears the verdict; a new choice of source clears the form and the verdict', async () => {
  await page.goto(`${base}/preview.html`);
  await page.getByTestId('job-intervention').click();
  await pick('iv-data-table', /Year ?9/);
  await page.getByTestId('iv-pre').waitFor();
  await page.getByTestId('iv-mode-rest').check();
  await page.getByTestId('iv-name').fill('Reading catch-up');
  await page.getByTestId('iv-evaluate').click();
  await page.getByTestId('iv-result').waitFor();

  // A changed setting clears the verdict given for the settings before it.
  await page.getByTestId('iv-name').fill('Reading catch-up (spring)');
  await expect(page.getByTestId('iv-result').count()).resolves.toBe(0);
  await page.getByTestId('iv-evaluate').click();
  await page.getByTestId('iv-result').waitFor();

  // A new choice of source clears the form and the verdict.
  await page.getByTestId('iv-data-kind-sheet').check();
  await expect(page.getByTestId('iv-result').count()).resolves.toBe(0);
  await expect(page.getByTestId('iv-pre').count()).resolves.toBe(0);
});

test('"Selected cells" evaluated twice: the second run reads the cells first chosen, although the report moved the selection', async () => {
  await page.goto(`${base}/preview.html`);
  await page.getByTestId('job-intervention').click();
  await page.getByTestId('iv-data-kind-selection').check();
  await page.getByTestId('iv-pre').waitFor();
  const described = (await page.getByTestId('iv-data-description').textContent()) ?? '';
  await page.getByTestId('iv-mode-rest').check();
  await page.getByTestId('iv-name').fill('Selected tutoring');
  await page.getByTestId('iv-evaluate').click();
  await page.getByTestId('iv-result').waitFor();
  const first = await page.getByTestId('iv-effect').getAttribute('data-value');
  await page.getByTestId('iv-evaluate').click();
  await page.getByTestId('iv-reread').waitFor();
  await expect(page.getByTestId('iv-reread').textContent()).resolves.toMatch(/^Read the cells first chosen again \(.+\), not the cells selected now\.$/);
  await expect(page.getByTestId('iv-effect').getAttribute('data-value')).resolves.toBe(first);
  await expect(page.getByText(/columns of the data changed/).count()).resolves.toBe(0);
  await expect(page.getByTestId('iv-data-description').textContent()).resolves.toBe(described);
  await session.screenshot('intervention-selection-rerun');
});

test('keyboard: from the name field, Tab reaches Evaluate, Enter evaluates and focus lands on the result', async () => {
  await page.goto(`${base}/preview.html`);
  await page.addStyleTag({ content: '[data-testid="preview-taskpane"] { width: 320px !important; }' });
  await page.getByTestId('job-intervention').click();
  await pick('iv-data-table', /Year ?9/);
  await page.getByTestId('iv-name').focus();
  await page.keyboard.type(' by keyboard');
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.getByTestId('iv-evaluate').evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByTestId('iv-result').waitFor();
  await expect(page.getByTestId('iv-result').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await session.screenshot('intervention-keyboard-result');
});
