/**
 * Attendance and destinations in a real browser, on the built preview with the task pane 320 px wide:
 * choose Year 9 of the sample, check the outcome columns and destination meanings it proposes, run
 * from the keyboard, and check the headlines are the core's analysis of the sample's own table.
 * Needs `npm run build` first and Debian's Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { openPreview, sampleTable, type PreviewSession } from './harness';
import { analyseOutcomes } from '../../src/core/outcomes/analysis';
import { proposeDestinationMapping } from '../../src/core/outcomes/destinations';

jest.setTimeout(120_000);

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreview({ page: null, viewport: { width: 1200, height: 1000 } });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

test('Year 9 attendance, suspensions and destinations: columns proposed, report written, headlines as the core computes them', async () => {
  await session.goto();
  // The narrowest task pane Excel shows.
  await page.addStyleTag({ content: '[data-testid="preview-taskpane"] { width: 320px !important; }' });
  await page.getByTestId('job-outcomes').click();
  await page.getByTestId('oc-data-table').click();
  await page.getByRole('option', { name: /Year ?9/ }).first().click();
  await page.getByTestId('oc-kind-sessionsPossible').waitFor();

  const sample = sampleTable('Year 9');
  const col = (h: string) => sample.headers.indexOf(h);
  await expect(page.getByTestId('oc-kind-sessionsPossible').inputValue()).resolves.toBe(String(col('Sessions Possible')));
  await expect(page.getByTestId('oc-kind-sessionsAttended').inputValue()).resolves.toBe(String(col('Sessions Attended')));
  await expect(page.getByTestId('oc-kind-suspensions').inputValue()).resolves.toBe(String(col('Suspensions')));
  await expect(page.getByTestId('oc-kind-fsmShare').inputValue()).resolves.toBe(String(col('FSM % of Time')));
  await expect(page.getByTestId('oc-disadvantaged').inputValue()).resolves.toBe(String(col('PP')));
  // The destination words, each with a proposed meaning.
  const proposal = proposeDestinationMapping(sample.rows.map((r) => [r[col('Destination')]]));
  expect(proposal.unmapped).toEqual([]);
  await expect(page.getByTestId('oc-destination-0').inputValue()).resolves.toBe(proposal.mapping[0].category);
  await page.getByTestId('oc-kind-fsmShare').scrollIntoViewIfNeeded();
  await session.screenshot('outcomes-columns', 'preview-taskpane');

  // Run from the keyboard.
  await page.getByTestId('oc-run').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('oc-result').waitFor();

  const expected = analyseOutcomes(sample, {
    disadvantaged: col('PP'),
    columns: { sessionsPossible: col('Sessions Possible'), sessionsAttended: col('Sessions Attended'), suspensions: col('Suspensions'), destination: col('Destination'), fsmShare: col('FSM % of Time') },
    destinationMapping: Object.fromEntries(proposal.mapping.map((m) => [m.word, m.category])),
  });
  const shown = await page.getByTestId('oc-result').locator('li').allTextContents();
  expect(shown).toEqual(expected.headlines);
  await expect(page.getByTestId('oc-persistent').textContent()).resolves.toContain(`${expected.persistentlyAbsent.length} disadvantaged pupils`);
  const sheet = /sheet "([^"]+)"/.exec((await page.getByTestId('oc-sheet').textContent()) ?? '')?.[1] ?? '';
  expect(sheet).toMatch(/^Outcomes \d{4}-\d{2}-\d{2}$/);

  await page.getByTestId('oc-result').scrollIntoViewIfNeeded();
  await session.screenshot('outcomes-result', 'preview-taskpane');
  // Nothing in the task pane is wider than the pane.
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector('main[aria-label="Closing the Gap"]');
    return pane ? pane.scrollWidth - pane.clientWidth : NaN;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  expect(session.outsideRequests()).toEqual([]);
  expect(session.pageErrors).toEqual([]);
});
