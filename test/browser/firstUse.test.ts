/**
 * The preview as a new user tries it: with axe-core on every screen's first state, the checklist and
 * the grid; with the keyboard only (F6 between the grid, the sheet tabs and the task pane); at
 * Excel's 320 px pane width (no control outside the pane, screenshots in test-artifacts/); and the
 * grid's Excel behaviours (Shift+click and Shift+Arrow extend, row numbers stay in view, text runs
 * over empty cells only). Every request must stay on the local server.
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { BROWSER_TIMEOUT, controlsOutside, expectNoAxeViolations, openPreview, type PreviewSession } from './harness';

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

const fresh = async () => {
  await s.goto();
  await page.getByTestId('job-gaps').waitFor();
};

/** Where the keyboard is: the data-testid (or data-region, or tag) of the focused element. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    return el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.getAttribute('data-region') ?? el.tagName;
  });
const regionOfFocus = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-region]')?.dataset.region ?? null);

/** Presses Tab (or Shift+Tab) until the focused element is inside `selector`; fails after `max` presses. */
async function tabTo(selector: string, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);
    if (here) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${max} presses of ${key} did not reach ${selector} (focus is on ${await focused()})`);
}

const address = async () => (await page.getByTestId('preview-address').textContent()) ?? '';
const cell = (a: string) => page.locator(`[data-testid="preview-grid"] [data-cell="${a}"]`);

describe('axe-core finds no violation', () => {
  test('on the home screen', async () => {
    await fresh();
    await expectNoAxeViolations(page, 'the home screen');
  });

  test('no focus box sits on the heading at load', async () => {
    await fresh();
    await expect(page.evaluate(() => document.activeElement?.tagName ?? null)).resolves.toBe('BODY');
  });

  test('on the checklist (a statement and the summary)', async () => {
    await fresh();
    await page.getByTestId('job-checklist').click();
    await page.getByTestId('checklist-step').waitFor();
    await expectNoAxeViolations(page, 'the checklist, first statement');
    for (let i = 0; i < 11; i++) await page.getByTestId('checklist-next').click();
    await page.getByTestId('checklist-summary').waitFor();
    await expectNoAxeViolations(page, 'the checklist summary');
  });

  test('on the preview grid with a selection', async () => {
    await fresh();
    await cell('B3').click();
    await expectNoAxeViolations(page, 'the preview grid');
  });

  test.each([
    ['gap analysis', 'job-gaps'],
    ['intervention impact', 'job-intervention'],
  ])('on the %s screen, first state', async (_, job) => {
    await fresh();
    await page.getByTestId(job).click();
    await page.getByRole('button', { name: 'Back to home' }).waitFor();
    await page.waitForTimeout(300);
    await expectNoAxeViolations(page, `the ${job} screen`);
  });
});

describe('the keyboard alone', () => {
  test('Tab stays in the grid; F6, Shift+F6 and Ctrl+F6 cycle the grid, the sheet tabs and the task pane', async () => {
    await fresh();
    await tabTo('[data-region="grid"]');
    const start = await address();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(regionOfFocus()).resolves.toBe('grid');
    expect(await address()).not.toBe(start);
    await page.keyboard.press('F6');
    await expect(regionOfFocus()).resolves.toBe('tabs');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).resolves.toBe('true');
    await page.keyboard.press('F6');
    await expect(regionOfFocus()).resolves.toBe('pane');
    await page.keyboard.press('F6');
    await expect(regionOfFocus()).resolves.toBe('grid');
    await page.keyboard.press('Shift+F6');
    await expect(regionOfFocus()).resolves.toBe('pane');
    await page.keyboard.press('Control+F6');
    await expect(regionOfFocus()).resolves.toBe('grid');
  });

  test('sheet tabs are buttons: arrows move between them and Enter opens a sheet', async () => {
    await fresh();
    await tabTo('[data-region="grid"]');
    await page.keyboard.press('F6');
    const before = await page.getByTestId('preview-grid').getAttribute('data-sheet');
    await page.keyboard.press('ArrowRight');
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(name).not.toBe(before);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preview-grid').getAttribute('data-sheet')).resolves.toBe(name);
  });

  test('from the first Tab: reach the pane, run a gap analysis, then complete a checklist review', async () => {
    await fresh();
    await page.keyboard.press('Tab');
    await tabTo('[data-region="grid"]');
    await page.keyboard.press('F6');
    await page.keyboard.press('F6');
    await expect(focused()).resolves.toBe('job-gaps');
    await page.keyboard.press('Enter');
    await page.getByTestId('gap-data-kind-table').waitFor();
    // Choose "A table" (the sample's first table), then Run.
    await tabTo('[data-testid="gap-data"] input[type="radio"]');
    for (let i = 0; i < 3 && !(await page.getByTestId('gap-data-kind-table').isChecked()); i++) await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('gap-data-kind-table').isChecked()).resolves.toBe(true);
    await tabTo('[data-testid="gap-data-table"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('gap-columns').waitFor();
    await tabTo('[data-testid="gap-run"]', 120);
    await page.keyboard.press('Enter');
    await page.getByTestId('gap-success').waitFor();

    await tabTo('button[aria-label="Back to home"]', 120, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await tabTo('[data-testid="job-checklist"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('checklist-step').waitFor();
    for (let i = 0; i < 11; i++) {
      // After Next the focus stays on Next: the rating is back up the pane.
      await tabTo('[data-testid="checklist-rating"]', 60, i === 0 ? 'Tab' : 'Shift+Tab');
      // Arrow keys choose within the group; the first arrow from no choice picks the second option.
      const presses = (i % 4) + 1;
      for (let k = 0; k < presses; k++) await page.keyboard.press('ArrowDown');
      await tabTo('[data-testid="checklist-next"]');
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('checklist-summary').waitFor();
    await tabTo('[data-testid="checklist-save"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('checklist-saved').waitFor();
    const overall = (await page.getByTestId('checklist-overall').textContent()) ?? '';
    expect(overall).toMatch(/%$/);
    expect(s.outsideRequests()).toEqual([]);
  });
});

describe('the checklist', () => {
  test('a rating and evidence typed but not saved are still there after Home', async () => {
    await fresh();
    await page.getByTestId('job-checklist').click();
    await page.getByTestId('checklist-rating').getByLabel('Established', { exact: true }).check();
    await page.getByTestId('checklist-evidence').fill('Attendance of disadvantaged pupils up 3 points');
    await page.getByRole('button', { name: 'Back to home' }).click();
    await page.getByTestId('job-checklist').click();
    await page.getByTestId('checklist-step').waitFor();
    await expect(page.getByTestId('checklist-rating').getByLabel('Established', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('checklist-evidence').inputValue()).resolves.toBe('Attendance of disadvantaged pupils up 3 points');
  });

  test('each rating says what it means for the statement', async () => {
    await fresh();
    await page.getByTestId('job-checklist').click();
    await page.getByTestId('checklist-step').waitFor();
    const title = (await page.getByTestId('checklist-title').textContent()) ?? '';
    const meanings = await page.getByTestId('checklist-rating-meaning').allTextContents();
    expect(meanings).toHaveLength(4);
    const words = title.replace(/^\d+\.\s*/, '').toLowerCase();
    for (const m of meanings) expect(m.toLowerCase()).toContain(words);
  });

  test('the pane links to the help page', async () => {
    await fresh();
    await page.getByTestId('job-checklist').click();
    await page.getByTestId('checklist-step').waitFor();
    await expect(page.locator('[data-testid="checklist-help"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('checklist-help').getAttribute('href')).resolves.toMatch(/help\.html/);
  });

  test('the summary jumps to any statement', async () => {
    await fresh();
    await page.getByTestId('job-checklist').click();
    for (let i = 0; i < 11; i++) await page.getByTestId('checklist-next').click();
    await page.getByTestId('checklist-summary').waitFor();
    await expect(page.locator('[data-testid="checklist-summary-statements"] button').count()).resolves.toBe(11);
    await page.getByTestId('checklist-summary-statements').getByRole('button').nth(4).click();
    await expect(page.getByTestId('checklist-step-label').textContent()).resolves.toBe('Statement 5 of 11');
  });

  test('the Checklist sheet shows computed points and scores, not formulas', async () => {
    await fresh();
    await page.getByTestId('job-checklist').click();
    await page.getByTestId('checklist-rating').getByLabel('Embedded', { exact: true }).check();
    await page.getByTestId('checklist-next').click();
    await page.getByTestId('checklist-rating').getByLabel('Developing', { exact: true }).check();
    await page.getByTestId('checklist-save').click();
    await page.getByTestId('checklist-saved').waitFor();
    await page.getByRole('tab', { name: 'Checklist', exact: true }).click();
    await page.getByText('Closing-the-gap checklist').first().waitFor();
    const texts = await page.locator('[data-testid="preview-grid"] [data-cell]').allTextContents();
    expect(texts.filter((t) => t.startsWith('='))).toEqual([]);
    // Points: Embedded 3, Developing 1 (shown with one decimal); overall (3 + 1) / 2 / 3 = 67%.
    await expect(cell('E5').textContent()).resolves.toBe('3.0');
    await expect(cell('E6').textContent()).resolves.toBe('1.0');
    await expect(page.getByText('67%').count()).resolves.toBeGreaterThan(1);
    await s.screenshot('checklist-sheet-computed', 'preview-grid');
  });
});

describe('each new choice clears what no longer applies', () => {
  const pickTable = async (name: RegExp) => {
    await page.getByTestId('gap-data-table').click();
    await page.getByRole('option', { name }).first().click();
    await page.getByTestId('gap-columns').waitFor();
  };

  test('on the gap screen, another table clears the last report written', async () => {
    await fresh();
    await page.getByTestId('job-gaps').click();
    await pickTable(/Year ?9/);
    await page.getByTestId('gap-run').click();
    await page.getByTestId('gap-success').waitFor();
    await pickTable(/Year ?8/);
    await expect(page.getByTestId('gap-success').count()).resolves.toBe(0);
    await expect(page.getByTestId('gap-data-description').textContent()).resolves.toMatch(/Year ?8/);
  });
});

describe('the grid behaves as Excel', () => {
  test('Shift+click and Shift+Arrow extend the selection from the active cell', async () => {
    await fresh();
    await cell('B3').click();
    await cell('D5').click({ modifiers: ['Shift'] });
    await expect(address()).resolves.toBe('B3:D5');
    await cell('C2').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(address()).resolves.toBe('C2:E3');
  });

  test('row numbers stay in view when the sheet scrolls sideways', async () => {
    await fresh();
    const scroller = page.locator('[data-region="grid"]');
    await scroller.evaluate((el) => (el.scrollLeft = 600));
    await page.waitForTimeout(100);
    const box = await scroller.boundingBox();
    const head = await page.locator('[data-row-head="3"]').boundingBox();
    expect(box && head).toBeTruthy();
    expect(Math.abs(head!.x - box!.x)).toBeLessThan(2);
  });

  test('text runs over an empty neighbour but stops at a filled one', async () => {
    await fresh();
    await page.getByRole('tab', { name: 'Try the formulas', exact: true }).click();
    const long = 'A long note that is wider than its cell';
    await cell('L20').click();
    await page.keyboard.type(long);
    await page.keyboard.press('Enter');
    await cell('L21').click();
    await page.keyboard.type(long);
    await page.keyboard.press('Enter');
    await cell('M21').click();
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    // Over the empty M22 but not over the filled N22: the run stops at the first cell that shows something.
    await cell('L22').click();
    await page.keyboard.type(`${long}, and wider than two cells as well`);
    await page.keyboard.press('Enter');
    await cell('N22').click();
    await page.keyboard.type('y');
    await page.keyboard.press('Enter');
    // The width the text is seen over: from the cell's left edge to where its text ends or is clipped.
    const width = (a: string) =>
      page.evaluate((addr) => {
        const c = document.querySelector<HTMLElement>(`[data-testid="preview-grid"] [data-cell="${addr}"]`);
        const text = c && document.createTreeWalker(c, NodeFilter.SHOW_TEXT).nextNode();
        if (!c || !text) return 0;
        const range = document.createRange();
        range.selectNodeContents(text);
        let right = range.getBoundingClientRect().right;
        for (let el = text.parentElement; el; el = el === c ? null : el.parentElement) {
          if (getComputedStyle(el).overflowX !== 'visible') right = Math.min(right, el.getBoundingClientRect().right);
        }
        return right - c.getBoundingClientRect().left;
      }, a);
    const cellW = (await cell('L20').boundingBox())!.width;
    expect(await width('L20')).toBeGreaterThan(cellW);
    expect(await width('L21')).toBeLessThanOrEqual(cellW);
    await expect(cell('M21').textContent()).resolves.toBe('x');
    const twoCells = (await cell('L22').boundingBox())!.width + (await cell('M22').boundingBox())!.width;
    expect(await width('L22')).toBeGreaterThan(cellW);
    expect(await width('L22')).toBeLessThanOrEqual(twoCells);
  });
});

describe('at a 320 px task pane', () => {
  const narrow = async () => {
    await page.addStyleTag({ content: '[data-testid="preview-taskpane"] { width: 320px !important; }' });
    await page.waitForTimeout(100);
  };
  const expectFits = async (what: string) => {
    const outside = await controlsOutside(page, '[data-testid="preview-taskpane"]');
    expect({ what, outside }).toEqual({ what, outside: [] });
  };

  test('home and the checklist fit: every control inside the pane', async () => {
    await fresh();
    await narrow();
    await expectFits('home');
    await s.screenshot('narrow-320-home', 'preview-taskpane');
    await page.getByTestId('job-checklist').click();
    await page.getByTestId('checklist-step').waitFor();
    await expectFits('checklist statement');
    await s.screenshot('narrow-320-checklist', 'preview-taskpane');
  });

  /** Radio labels of a word or two that break onto a second line (the wrapping the pane must avoid). */
  const wrappedChoices = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="preview-taskpane"] [role="radiogroup"] label'))
        .filter((l) => {
          const st = getComputedStyle(l);
          const text = l.getBoundingClientRect().height - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom);
          return (l.textContent ?? '').length <= 16 && text > 1.5 * parseFloat(st.lineHeight);
        })
        .map((l) => l.textContent),
    );

  test.each([
    ['gap analysis', 'job-gaps', 'gap-data-table', 'gap-columns'],
    ['intervention impact', 'job-intervention', 'iv-data-table', 'iv-pre'],
  ])('the %s screen fits, before and after choosing the data', async (name, job, table, next) => {
    await fresh();
    await narrow();
    await page.getByTestId(job).click();
    await page.getByRole('button', { name: 'Back to home' }).waitFor();
    await page.waitForTimeout(300);
    await s.screenshot(`narrow-320-${job}`, 'preview-taskpane');
    await expectFits(name);
    await expect(wrappedChoices()).resolves.toEqual([]);
    await page.getByTestId(table).click();
    await page.getByRole('option', { name: /Year ?9/ }).first().click();
    await page.getByTestId(next).waitFor();
    await page.waitForTimeout(300);
    await s.screenshot(`narrow-320-${job}-columns`);
    await expectFits(`${name} with its columns`);
    await expect(wrappedChoices()).resolves.toEqual([]);
    // Two fields side by side start level, even when one label wraps.
    const tops = await page.evaluate(() => {
      const pairs: string[] = [];
      for (const grid of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="preview-taskpane"] *'))) {
        const st = getComputedStyle(grid);
        if (st.display !== 'grid' || !st.gridTemplateColumns.includes(' ') || grid.children.length < 2) continue;
        const rowsOf = new Map<number, number[]>();
        for (const child of Array.from(grid.children) as HTMLElement[]) {
          const control = child.querySelector<HTMLElement>('button[role="combobox"], input:not([type="radio"]):not([type="checkbox"])');
          if (!control) continue;
          const r = child.getBoundingClientRect();
          const key = Math.round(r.top);
          rowsOf.set(key, [...(rowsOf.get(key) ?? []), Math.round(control.getBoundingClientRect().top)]);
        }
        for (const [row, ts] of rowsOf) if (ts.length > 1 && Math.max(...ts) - Math.min(...ts) > 2) pairs.push(`${row}: ${ts.join(', ')}`);
      }
      return pairs;
    });
    expect(tops).toEqual([]);
  });
});
