/**
 * The gap analysis with a national reference, in a real browser on the built preview: type a column
 * of national 9-1 points beside the sample's Year 9 table, tick "Rank pupils nationally", read the
 * selected cells as the reference, run; the pane and the report say the gap index ranks pupils
 * nationally, and the report's index is the core's national index on the sample's own data (the
 * statistic itself is checked against R in test/jobs/gapAnalysisReference.test.ts).
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import { BROWSER_TIMEOUT, openPreview, sampleTable, type PreviewSession } from './harness';
import { gradeValue } from '../../src/core/grades/scales';
import { gapIndexNationalIntervalOf } from '../../src/core/gaps/gapIndex';
import { nationalReference } from '../../src/core/gaps/nationalReference';

let s: PreviewSession;

beforeAll(async () => {
  s = await openPreview();
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
}, BROWSER_TIMEOUT);

const NATIONAL = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 7, 7, 8, 9];

const cell = (a: string) => s.page.locator(`[data-testid="preview-grid"] [data-cell="${a}"]`);

test(
  'a column of national scores read from the selected cells makes the report rank pupils nationally, and both say so',
  async () => {
    const { page } = s;
    // The national column in AF, beside the Year 9 table (A to AD).
    await page.getByRole('tab', { name: 'Year 9', exact: true }).click();
    await cell('AF1').click();
    for (const v of ['National points', ...NATIONAL.map(String)]) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }

    await page.getByTestId('job-gaps').click();
    await page.getByTestId('gap-data-table').click();
    await page.getByRole('option', { name: /Year ?9/ }).first().click();
    await page.getByTestId('gap-columns').waitFor();

    // Asked for, a reference must be read before the run.
    await page.getByTestId('gap-national').click();
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('gap-ref-problem').textContent()).resolves.toContain('Choose the national reference');

    await cell('AF1').click();
    await cell(`AF${NATIONAL.length + 1}`).click({ modifiers: ['Shift'] });
    await page.getByTestId('gap-ref-kind-selection').click();
    await expect(page.getByTestId('gap-ref-description').textContent()).resolves.toContain('a column of 21 national scores from 1 to 9');
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(false);
    await s.screenshot('gap-analysis-national-reference', 'preview-taskpane');

    await page.getByTestId('gap-run').click();
    await page.getByTestId('gap-success').waitFor();
    await expect(page.getByTestId('gap-reference-result').textContent()).resolves.toMatch(/ranks pupils nationally with a column of 21 national scores from 1 to 9 for .*Eng Sum/);

    // The report: its gap index column is on national ranks, and its header names the reference.
    const header = page.locator('[data-testid="preview-grid"] [data-cell]', { hasText: /^Gap index \(national ranks\)$/ }).first();
    await header.waitFor();
    const letter = ((await header.getAttribute('data-cell')) ?? '').replace(/\d+$/, '');
    const line = page.locator('[data-testid="preview-grid"] [data-cell^="A"]', { hasText: /^National reference$/ }).first();
    const lineRow = ((await line.getAttribute('data-cell')) ?? '').slice(1);
    await expect(cell(`B${lineRow}`).textContent()).resolves.toMatch(/^a column of 21 national scores from 1 to 9 \(.*\): the gap index ranks pupils nationally for /);

    // The Eng Sum row for disadvantaged vs others carries the core's national index.
    const sample = sampleTable('Year9');
    const at = sample.headers.indexOf('Eng Sum');
    const pp = sample.headers.indexOf('PP');
    const points = sample.rows.map((r) => gradeValue(r[at], 'gcse') ?? NaN);
    const scored = (want: boolean) => points.filter((x, i) => x === x && (sample.rows[i][pp] === 'Y') === want);
    const ref = nationalReference([['National points'], ...NATIONAL.map((x) => [x])]);
    const expected = gapIndexNationalIntervalOf(scored(true), scored(false), ref);
    const engRows = await page.locator('[data-testid="preview-grid"] [data-cell^="C"]', { hasText: /^Eng Sum$/ }).evaluateAll((els) => els.map((e) => (e.getAttribute('data-cell') ?? '').slice(1)));
    let shown: string | null = null;
    for (const r of engRows) {
      if ((await cell(`D${r}`).textContent()) === 'Disadvantaged vs others') shown = await cell(`${letter}${r}`).textContent();
    }
    expect(shown).toBe(expected.index.toFixed(1));
    await s.screenshot('gap-analysis-report-national');

    expect(s.pageErrors.filter((e) => /NaN/.test(e))).toEqual([]);
    expect(s.outsideRequests()).toEqual([]);
  },
  BROWSER_TIMEOUT,
);
