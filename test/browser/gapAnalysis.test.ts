/**
 * Gap analysis in a real browser, on the built preview (dist/preview.html: the task pane on the
 * in-memory sample workbook): choose the sample's Year 9 table, accept the detected columns, run;
 * the report sheet appears among the sheet tabs and its numbers are the ones the core's gapSummary
 * gives on the sample's own data. Every request stays on the local server.
 *
 * Needs a build first (`npm run build`) and Debian's Chromium at /usr/bin/chromium.
 */
import { BROWSER_TIMEOUT, openPreview, sampleTable, type PreviewSession } from './harness';
import { gapSummaryOf, type GapSummary } from '../../src/core/gaps/gapSummary';
import { gradeValue } from '../../src/core/grades/scales';

let s: PreviewSession;

beforeAll(async () => {
  s = await openPreview();
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
}, BROWSER_TIMEOUT);

/** The disadvantaged gap the core computes for one assessment of the sample's Year 9 table (PP flag, 9-1 grades). */
function expectedGap(assessment: string): { index: number; summary: GapSummary } {
  const sample = sampleTable('Year9');
  const index = sample.headers.indexOf(assessment);
  const pp = sample.headers.indexOf('PP');
  expect(index).toBeGreaterThanOrEqual(0);
  expect(pp).toBeGreaterThanOrEqual(0);
  const points = sample.rows.map((r) => gradeValue(r[index], 'gcse') ?? NaN);
  const flagged = sample.rows.map((r) => r[pp] === 'Y');
  return { index, summary: gapSummaryOf(points.filter((_, i) => flagged[i]), points.filter((_, i) => !flagged[i]), 0.95, { smallGroups: 'floor' }) };
}

/** How the report's "+0.00;-0.00;0.00" and "0.00" formats show a number. */
const signed2 = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x < 0 ? x.toFixed(2) : '0.00');
const fixed2 = (x: number) => x.toFixed(2);

/** The text of the grid cell at column `letter` on the row whose column A reads `label`. */
async function cellBeside(label: string, letter: string): Promise<string> {
  const a = s.page.locator('[data-testid="preview-grid"] [data-cell^="A"]', { hasText: new RegExp(`^${label}$`) }).first();
  const address = (await a.getAttribute('data-cell')) ?? '';
  const row = address.slice(1);
  return (await s.page.locator(`[data-testid="preview-grid"] [data-cell="${letter}${row}"]`).textContent()) ?? '';
}

test(
  'gap analysis of the Year 9 table writes a report sheet whose disadvantaged gaps and intervals are the core\'s',
  async () => {
    const { page } = s;
    await page.getByTestId('job-gaps').click();

    await page.getByTestId('gap-data-table').click();
    await page.getByRole('option', { name: /Year ?9/ }).first().click();
    await page.getByTestId('gap-columns').waitFor();
    await expect(page.getByTestId('gap-data-description').textContent()).resolves.toContain('180 pupils');
    // The detected disadvantaged column prefers PP over FSM6.
    await expect(page.getByTestId('gap-columns-disadvantaged').textContent()).resolves.toContain('PP');
    await expect(page.getByTestId(`gap-columns-assessment-${expectedGap('Eng Sum').index}`).isChecked()).resolves.toBe(true);
    await s.screenshot('gap-analysis-columns', 'preview-taskpane');

    await page.getByTestId('gap-run').click();
    await page.getByTestId('gap-success').waitFor();
    const message = (await page.getByTestId('gap-success').textContent()) ?? '';
    const sheetName = /sheet '([^']+)'/.exec(message)?.[1] ?? '';
    expect(sheetName).toMatch(/^Gap report \d{4}-\d{2}-\d{2}/);
    // The result is brought into view in the task pane.
    await expect(page.getByTestId('gap-success').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('gap-result').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await s.screenshot('gap-analysis-taskpane', 'preview-taskpane');

    // The on-screen headline per subject carries the core's numbers at full precision.
    for (const assessment of ['Eng Sum', 'Ma Sum', 'Sci Sum']) {
      const { index, summary } = expectedGap(assessment);
      const item = page.getByTestId(`gap-headline-${index}`);
      expect(Number(await item.getAttribute('data-gap'))).toBeCloseTo(summary.gap, 12);
      expect(Number(await item.getAttribute('data-lower'))).toBeCloseTo(summary.ciLower, 12);
      expect(Number(await item.getAttribute('data-upper'))).toBeCloseTo(summary.ciUpper, 12);
      await expect(item.textContent()).resolves.toContain(`${summary.nDisadvantaged} disadvantaged, ${summary.nOther} others`);
    }

    // The report sheet is a new tab, shown, with the same numbers in its headline table.
    await expect(page.getByRole('tab', { name: sheetName, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByTestId('preview-grid').getAttribute('data-sheet')).resolves.toBe(sheetName);
    // The headline table: disadvantaged vs others at the latest point of each subject.
    for (const assessment of ['Eng Sum', 'Ma Sum', 'Sci Sum']) {
      const { summary } = expectedGap(assessment);
      expect(Number.isFinite(summary.gap)).toBe(true);
      await expect(cellBeside(assessment, 'B')).resolves.toBe(signed2(summary.hedgesG));
      await expect(cellBeside(assessment, 'H')).resolves.toBe(String(summary.nDisadvantaged));
      await expect(cellBeside(assessment, 'I')).resolves.toBe(String(summary.nOther));
      await expect(cellBeside(assessment, 'J')).resolves.toBe(signed2(summary.gap));
      await expect(cellBeside(assessment, 'K')).resolves.toBe(fixed2(summary.ciLower));
      await expect(cellBeside(assessment, 'L')).resolves.toBe(fixed2(summary.ciUpper));
    }
    // One chart of the headline gaps as effect sizes, with an error bar for each subject.
    await expect(page.getByTestId('preview-chart').count()).resolves.toBe(1);
    const subjects = await page.locator('[data-testid^="gap-headline-"]').count();
    expect(subjects).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('preview-error-bar').count()).resolves.toBe(subjects);
    await s.screenshot('gap-analysis-report');

    expect(s.requests.length).toBeGreaterThan(0);
    expect(s.outsideRequests()).toEqual([]);
  },
  BROWSER_TIMEOUT,
);

test(
  'the gap report survives saving and reopening the workbook, and running again makes a second report',
  async () => {
    const { page } = s;
    const before = await page.getByRole('tab').allTextContents();
    const reports = before.filter((t) => t.startsWith('Gap report'));
    expect(reports).toHaveLength(1);

    await page.getByTestId('preview-save-reopen').click();
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(before);

    // The task pane starts again after reopening: run the same analysis once more.
    await page.getByTestId('job-gaps').click();
    await page.getByTestId('gap-data-table').click();
    await page.getByRole('option', { name: /Year ?9/ }).first().click();
    await page.getByTestId('gap-columns').waitFor();
    // This time without the gap index: the report's header says which measures it shows.
    await page.getByTestId('gap-measure-gapIndex').click();
    await page.getByTestId('gap-run').click();
    await page.getByTestId('gap-success').waitFor();
    await expect(cellBeside('Measures', 'B')).resolves.toBe("Gap with its interval; Effect size (Hedges' g); Gap in the share at or above the threshold");
    const after = (await page.getByRole('tab').allTextContents()).filter((t) => t.startsWith('Gap report'));
    expect(after).toHaveLength(2);
    expect(after[1]).toBe(`${after[0]} (2)`);

    expect(s.outsideRequests()).toEqual([]);
  },
  BROWSER_TIMEOUT,
);

test(
  'at 320 px, a PP column with explicit N and blanks asks what a blank means before running; the report records the answer',
  async () => {
    const { page } = s;
    await s.goto();
    await page.getByTestId('preview-taskpane').evaluate((el) => {
      (el as HTMLElement).style.width = '320px';
    });
    // Mark three pupils "N" in PP (column H of Year 9): the column now holds explicit N and blanks.
    const sample = sampleTable('Year9');
    const pp = sample.headers.indexOf('PP');
    expect(pp).toBe(7);
    const blanks = sample.rows.slice(3).filter((r) => r[pp] === null || r[pp] === '').length;
    await page.getByRole('tab', { name: 'Year 9', exact: true }).click();
    await page.locator('[data-testid="preview-grid"] [data-cell="H2"]').click();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.type('N');
      await page.keyboard.press('Enter');
    }

    await page.getByTestId('job-gaps').click();
    await page.getByTestId('gap-data-table').click();
    await page.getByRole('option', { name: /Year ?9/ }).first().click();
    await page.getByTestId('gap-columns').waitFor();
    const question = page.getByTestId('gap-blanks-field');
    await question.waitFor();
    await expect(question.textContent()).resolves.toContain(`${blanks} pupils have a blank in "PP", while the column also holds explicit "N"`);
    // No silent answer: Run waits for the choice.
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(true);
    // Everything in the question fits the 320-px pane.
    const pane = await page.getByTestId('preview-taskpane').boundingBox();
    for (const id of ['gap-blanks-not', 'gap-blanks-unknown', 'gap-run']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box && pane && box.x >= pane.x && box.x + box.width <= pane.x + pane.width + 0.5).toBe(true);
    }
    await question.scrollIntoViewIfNeeded();
    await s.screenshot('gap-analysis-blank-question-320', 'preview-taskpane');

    // Answered with the keyboard: Space picks the focused choice, the arrow moves to the next one.
    await page.getByTestId('gap-blanks-not').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('gap-blanks-not').isChecked()).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('gap-blanks-unknown').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(false);
    await page.getByTestId('gap-run').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('gap-success').waitFor();
    await expect(page.getByTestId('gap-blank-reading').textContent()).resolves.toContain(`${blanks} blank flags read as unknown`);
    await expect(page.getByTestId('gap-chance').textContent()).resolves.toMatch(/comparisons made/);
    const summary = (await page.getByTestId('gap-summary').textContent()) ?? '';
    expect(summary).not.toMatch(/n\/a|NaN|-0\.00/);
    await s.screenshot('gap-analysis-result-320', 'preview-taskpane');
    await expect(cellBeside('Blank flags', 'B')).resolves.toContain('read as unknown, and those pupils left out');
    await s.screenshot('gap-analysis-report-blanks');
    expect(s.pageErrors.filter((e) => /NaN/.test(e))).toEqual([]);
    expect(s.outsideRequests()).toEqual([]);
  },
  BROWSER_TIMEOUT,
);
