/**
 * Editing cells in the browser preview, as a data manager trying a formula would: on the sample's
 * "Try the formulas" sheet, type a few scores and flags into empty cells, type `=GAPS.FSMGAP(...)`
 * over them, and see the value the core's fsmGap gives for the same cells; then type an unreadable
 * flag and see #VALUE! with the reason quoting it. Escape leaves a cell as it was.
 *
 * Needs a build first (`npm run build`) and Debian's Chromium at /usr/bin/chromium.
 */
import { BROWSER_TIMEOUT, openPreview, type PreviewSession } from './harness';
import { fsmGap } from '../../src/core/gaps';
import type { Grid } from '../../src/core/cells';

let s: PreviewSession;

beforeAll(async () => {
  s = await openPreview();
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
}, BROWSER_TIMEOUT);

const SHEET = 'Try the formulas';

const cell = (address: string) => s.page.locator(`[data-testid="preview-grid"] [data-cell="${address}"]`);
const cellText = async (address: string) => (await cell(address).textContent()) ?? '';
const address = async () => (await s.page.getByTestId('preview-address').textContent()) ?? '';
const formulaBar = () => s.page.getByTestId('preview-formula');

/** Types `values` down a column from `start` (e.g. "L2"), each committed with Enter (which moves down). */
async function typeDown(start: string, values: string[]): Promise<void> {
  await cell(start).click();
  for (const v of values) {
    await s.page.keyboard.type(v);
    await s.page.keyboard.press('Enter');
  }
}

/** What the core's fsmGap gives, or the message of the error it throws. */
function coreFsmGap(scores: Grid, flags: Grid): { value: number } | { message: string } {
  try {
    return { value: fsmGap(scores, flags) };
  } catch (e) {
    return { message: (e as Error).message };
  }
}

test(
  'typing scores, flags and a GAPS.FSMGAP formula shows the core\'s gap; an unreadable flag shows #VALUE! and why',
  async () => {
    const { page } = s;
    await page.getByRole('tab', { name: SHEET, exact: true }).click();
    await expect(page.getByTestId('preview-grid').getAttribute('data-sheet')).resolves.toBe(SHEET);
    // Columns L and M and cell L7 are empty on this sheet.
    for (const a of ['L2', 'L3', 'L4', 'L5', 'M2', 'M3', 'M4', 'M5', 'L7']) await expect(cellText(a)).resolves.toBe('');

    // Scores typed on the cells: Enter stores each and moves down a row, as in Excel.
    await typeDown('L2', ['100', 'ABS', '90', '80']);
    await expect(address()).resolves.toBe('L6');
    await expect(cellText('L2')).resolves.toBe('100');
    await expect(cellText('L3')).resolves.toBe('ABS');
    // A number is stored as a number (right-aligned), text as text.
    await expect(cell('L2').evaluate((el) => getComputedStyle(el).textAlign)).resolves.toBe('right');
    await expect(cell('L3').evaluate((el) => getComputedStyle(el).textAlign)).resolves.toBe('left');

    // Flags: the first typed in the formula bar, the rest on the cells.
    await cell('M2').click();
    await formulaBar().click();
    await page.keyboard.type('Y');
    await page.keyboard.press('Enter');
    await expect(address()).resolves.toBe('M3');
    await typeDown('M3', ['N', 'Y', 'N']);
    await expect(cellText('M2')).resolves.toBe('Y');
    await expect(cellText('M5')).resolves.toBe('N');

    // The formula, typed on L7 (double-click opens the cell's editor).
    await cell('L7').dblclick();
    await expect(page.getByTestId('preview-cell-editor').isVisible()).resolves.toBe(true);
    await page.keyboard.type('=GAPS.FSMGAP(L2:L5,M2:M5)');
    await expect(formulaBar().inputValue()).resolves.toBe('=GAPS.FSMGAP(L2:L5,M2:M5)');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preview-cell-editor').count()).resolves.toBe(0);

    // Hand arithmetic: disadvantaged (Y) pupils score 100 and 90, mean 95; the others (N) score "ABS"
    // (absent: left out) and 80, mean 80; the gap is others minus disadvantaged = 80 - 95 = -15.
    const expected = coreFsmGap([[100], ['ABS'], [90], [80]], [['Y'], ['N'], ['Y'], ['N']]);
    expect(expected).toEqual({ value: -15 });
    await expect(cellText('L7')).resolves.toBe(String((expected as { value: number }).value));
    await cell('L7').click();
    await expect(formulaBar().inputValue()).resolves.toBe('=GAPS.FSMGAP(L2:L5,M2:M5)');
    await expect(page.getByTestId('preview-cell-message').count()).resolves.toBe(0);
    await s.screenshot('preview-editing-formula');

    // A flag the functions cannot read: the formula shows #VALUE! and, selected, the reason quoting it.
    await typeDown('M4', ['maybe']);
    await expect(cellText('M4')).resolves.toBe('maybe');
    await expect(cellText('L7')).resolves.toBe('#VALUE!');
    const failed = coreFsmGap([[100], ['ABS'], [90], [80]], [['Y'], ['N'], ['maybe'], ['N']]);
    expect('message' in failed).toBe(true);
    const reason = `GAPS.FSMGAP: ${(failed as { message: string }).message}`;
    expect(reason).toContain('"maybe"');
    await cell('L7').click();
    await expect(page.getByTestId('preview-cell-message').textContent()).resolves.toBe(reason);
    await expect(cell('L7').getAttribute('title')).resolves.toBe(reason);
    await s.screenshot('preview-editing-error');

    // Putting the flag right brings the gap back.
    await typeDown('M4', ['Y']);
    await expect(cellText('L7')).resolves.toBe('-15');

    expect(s.pageErrors).toEqual([]);
    expect(s.outsideRequests()).toEqual([]);
  },
  BROWSER_TIMEOUT,
);

test(
  'Escape cancels an edit on the cell and in the formula bar; F2 opens a cell with its content; an apostrophe keeps text; clicking away stores the edit',
  async () => {
    const { page } = s;
    await cell('L2').click();
    await page.keyboard.type('555');
    await expect(page.getByTestId('preview-cell-editor').inputValue()).resolves.toBe('555');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('preview-cell-editor').count()).resolves.toBe(0);
    await expect(cellText('L2')).resolves.toBe('100');
    await expect(address()).resolves.toBe('L2');

    await formulaBar().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('=GAPS.NOSUCH()');
    await expect(cellText('L2')).resolves.toBe('=GAPS.NOSUCH()');
    await page.keyboard.press('Escape');
    await expect(cellText('L2')).resolves.toBe('100');
    await expect(formulaBar().inputValue()).resolves.toBe('100');
    await expect(cellText('L7')).resolves.toBe('-15');

    // F2 edits the selected cell starting from what it holds; the grid keeps the keyboard afterwards.
    await cell('L3').click();
    await page.keyboard.press('F2');
    await expect(page.getByTestId('preview-cell-editor').inputValue()).resolves.toBe('ABS');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await expect(address()).resolves.toBe('M3');

    // A leading apostrophe keeps numeric text as text, as in Excel; the bar shows the apostrophe.
    await typeDown('N3', ["'007"]);
    await expect(cellText('N3')).resolves.toBe('007');
    await expect(cell('N3').evaluate((el) => getComputedStyle(el).textAlign)).resolves.toBe('left');
    await cell('N3').click();
    await expect(formulaBar().inputValue()).resolves.toBe("'007");

    // Clicking away from the formula bar (here, into the task pane) stores what was typed.
    await cell('N2').click();
    await formulaBar().click();
    await page.keyboard.type('Year 9 tutoring');
    await page.getByTestId('preview-taskpane').click({ position: { x: 10, y: 10 } });
    await expect(cellText('N2')).resolves.toBe('Year 9 tutoring');

    // Selecting by dragging still works after editing, for the task pane to read.
    await cell('L2').hover();
    await page.mouse.down();
    await cell('M5').hover();
    await page.mouse.up();
    await expect(address()).resolves.toBe('L2:M5');

    expect(s.pageErrors).toEqual([]);
    expect(s.outsideRequests()).toEqual([]);
  },
  BROWSER_TIMEOUT,
);
