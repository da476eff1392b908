/**
 * taskpane.html opened where office.js cannot load (Microsoft's CDN unreachable, blocked here by
 * aborting the request): the page says so and links to the preview instead of staying blank.
 */
import { BROWSER_TIMEOUT, openPreview, type PreviewSession } from './harness';

let s: PreviewSession;
let blocked: string[] = [];
beforeAll(async () => {
  s = await openPreview({ page: null, viewport: { width: 360, height: 700 } });
  await s.page.route('**/appsforoffice.microsoft.com/**', (route) => {
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await s.goto('taskpane.html');
}, BROWSER_TIMEOUT);
afterAll(() => s?.close());

test('shows its own message and a link to the preview when office.js does not load', async () => {
  expect(blocked).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  const message = s.page.getByTestId('outside-excel');
  await message.waitFor({ state: 'visible', timeout: 10_000 });
  await expect(message.innerText()).resolves.toMatch(/Closing the Gap runs inside Excel\.[\s\S]*Office\.js[\s\S]*could not be loaded/);
  const link = s.page.getByRole('link', { name: 'the preview' });
  expect(await link.getAttribute('href')).toBe('preview.html');
  await s.screenshot('taskpane-without-office');
  // Nothing failed on the page apart from the blocked request itself.
  expect(s.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await link.click();
  await s.page.waitForURL(/\/preview\.html$/);
  blocked = [];
}, BROWSER_TIMEOUT);
