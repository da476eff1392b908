/**
 * The browser-test harness: serves the built add-in (dist/) from a tiny static server on a free
 * 127.0.0.1 port inside the test process, drives Debian's Chromium through playwright-core (never a
 * downloaded browser), records every request the page makes so a test can prove that nothing
 * leaves the local server, and saves screenshots to test-artifacts/.
 *
 * Usage in a test under test/browser/ (Jest project "browser"; build first with `npm run build`):
 *
 *   let s: PreviewSession;
 *   beforeAll(async () => { s = await openPreview(); }, BROWSER_TIMEOUT);
 *   afterAll(() => s?.close());
 *   test('...', async () => {
 *     await s.page.getByTestId('job-gaps').click();
 *     ...
 *     await s.screenshot('gap-report');
 *     expect(s.outsideRequests()).toEqual([]);
 *   }, BROWSER_TIMEOUT);
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const CHROMIUM = '/usr/bin/chromium';
/** Generous time for one browser test (launching Chromium, building the page, writing a report). */
export const BROWSER_TIMEOUT = 60_000;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A running static server for dist/. */
export interface StaticServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  close(): Promise<void>;
}

/** Fails with a clear message when the build is missing. */
export function requireBuild(page = 'preview.html'): void {
  if (!fs.existsSync(path.join(DIST, page))) {
    throw new Error(`dist/${page} is missing: run "npm run build" (or "npx webpack --mode development") before the browser tests.`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium ("apt-get install -y chromium"); the tests never download a browser.`);
  }
}

/** Serves `root` on a free port of 127.0.0.1 (GET and HEAD only; nothing outside `root`). */
export async function serveStatic(root = DIST): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Launches Debian's Chromium headless with flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PreviewSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The local server's origin, e.g. "http://127.0.0.1:41234". */
  origin: string;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Requested URLs that do not start with the local server's origin (data: and blob: allowed). */
  outsideRequests(): string[];
  /** Messages the page logged as errors, and uncaught exceptions. */
  pageErrors: string[];
  /** Saves a full-page screenshot (or of one element) to test-artifacts/<name>.png; returns its path. */
  screenshot(name: string, testId?: string): Promise<string>;
  /** Opens a page of dist/ (default preview.html) and waits for it to load. */
  goto(page?: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Page of dist/ to open first (default preview.html); null to open nothing. */
  page?: string | null;
  /** Viewport size (default 1400 x 900: the grid and the 360-px task pane side by side). */
  viewport?: { width: number; height: number };
}

/**
 * Starts the server and the browser and opens the preview. Throws, with what to do, when the build
 * or Chromium is missing.
 */
export async function openPreview(options: OpenOptions = {}): Promise<PreviewSession> {
  const first = options.page === undefined ? 'preview.html' : options.page;
  requireBuild(first ?? 'preview.html');
  const server = await serveStatic();
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (r) => {
      requests.push(r.url());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    const session: PreviewSession = {
      browser,
      context,
      page,
      origin: server.origin,
      requests,
      pageErrors,
      outsideRequests: () => requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')),
      async screenshot(name, testId) {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        const file = path.join(ARTIFACTS, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
        if (testId) await page.getByTestId(testId).screenshot({ path: file });
        else await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async goto(target = 'preview.html') {
        await page.goto(`${server.origin}/${target}`, { waitUntil: 'load' });
      },
      async close() {
        await browser?.close();
        await server.close();
      },
    };
    if (first) await session.goto(first);
    return session;
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}

/** A block of the sample workbook as the preview loads it: headers and data rows. */
export interface SampleBlock {
  headers: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

/**
 * A table of the bundled sample (assets/sample/tracker.json) by table name ("Year9") or by the
 * sheet it sits on ("Year 9"), read as the preview reads it: the table's header row, then its rows.
 */
export function sampleTable(name: string): SampleBlock {
  const file = path.join(ROOT, 'assets/sample/tracker.json');
  const model = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    sheets: Array<{ name: string; values: Array<Array<string | number | boolean | null>>; tables: Array<{ name: string; row: number; col: number; rows: number; cols: number }> }>;
  };
  for (const s of model.sheets) {
    const t = s.tables.find((x) => x.name === name) ?? (s.name === name ? s.tables[0] : undefined);
    if (!t) continue;
    const block = s.values.slice(t.row, t.row + t.rows).map((r) => Array.from({ length: t.cols }, (_, c) => r[t.col + c] ?? null));
    const [h, ...rows] = block;
    return { headers: h.map((x) => String(x ?? '')), rows };
  }
  throw new Error(`The sample workbook has no table or sheet called "${name}"`);
}

/** axe-core's script, read from node_modules (never fetched from the network). */
const AXE_SOURCE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe-core on the page as it is now (or inside `selector`) and throws, listing every violation
 * with the elements it found, when there is any. `what` names the screen or state in the message.
 */
export async function expectNoAxeViolations(page: Page, what: string, selector?: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: fs.readFileSync(AXE_SOURCE, 'utf8') });
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(sel ? { include: [sel] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, selector ?? null);
  if (violations.length > 0) {
    const lines = violations.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.split("\n").slice(1, 2).join(" ") ?? ""}`).join('\n')}`);
    throw new Error(`axe-core found ${violations.length} violation(s) on ${what}:\n${lines.join('\n')}`);
  }
}

/**
 * Controls inside `container` whose boxes leave it sideways (clipped or pushed out), as
 * "tag[testid or text]: left..right outside left..right" lines; empty when everything fits.
 */
export async function controlsOutside(page: Page, container: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [`no ${sel}`];
    const box = root.getBoundingClientRect();
    const out: string[] = [];
    const controls = root.querySelectorAll<HTMLElement>('button, input, select, textarea, label, [role="radio"], [role="combobox"], [role="tab"], a');
    for (const el of Array.from(controls)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const clippedText = el.scrollWidth > el.clientWidth + 1 && (style.overflow === 'hidden' || style.overflowX === 'hidden') && el.tagName !== 'INPUT';
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || clippedText) {
        const name = el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 40) ?? '';
        out.push(`${el.tagName.toLowerCase()}[${name}]: ${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(box.left)}..${Math.round(box.right)}${clippedText ? ' (text clipped)' : ''}`);
      }
    }
    return out;
  }, container);
}
