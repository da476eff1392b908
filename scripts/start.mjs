#!/usr/bin/env node
/**
 * `npm start`: sideload into desktop Excel where it exists (Windows, macOS); anywhere else (or with
 * CTG_PREVIEW=1 / --preview), serve the browser preview, where the real task pane runs against a
 * sample workbook in the page, and say so, then say again when it is ready to open.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = 3000;
const PREVIEW_URL = `http://127.0.0.1:${PORT}/preview.html`;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const wantPreview = process.env.CTG_PREVIEW === '1' || process.argv.includes('--preview');

function excelInstalled() {
  if (process.platform === 'darwin') return existsSync('/Applications/Microsoft Excel.app');
  if (process.platform === 'win32') return true; // office-addin-debugging says clearly if Excel is missing
  return false;
}

/** Runs `npx <args>` in this terminal; Ctrl+C or a kill stops it too, and its exit code becomes ours. */
function run(args, env = {}) {
  const child = spawn(npx, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  return child;
}

/** Whether something already listens on the preview's port (a preview left running, another server). */
function portInUse(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen(port, '127.0.0.1');
  });
}

/** Polls the preview page until the first build is served, then prints where to open it. */
async function announceWhenReady(child) {
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await globalThis.fetch(PREVIEW_URL);
      if (res.ok) {
        console.log(`\n  Ready: open ${PREVIEW_URL} in a browser. Stop with Ctrl+C.\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }
}

if (!wantPreview && excelInstalled()) {
  console.log('Starting Closing the Gap in desktop Excel (office-addin-debugging). Stop it with "npm run stop".');
  // office-addin-debugging starts package.json's "dev-server" script (https on the configured port) itself.
  run(['office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--dev-server-port', String(PORT)]);
} else if (await portInUse(PORT)) {
  console.error(`
  Port ${PORT} is already in use, so the preview cannot start.
  If a preview is already running, open ${PREVIEW_URL}; otherwise stop whatever uses port ${PORT}
  (its terminal, Ctrl+C) and run "npm start" again.
`);
  process.exit(1);
} else {
  const why = wantPreview ? 'You asked for the preview.' : `Desktop Excel is not available on this machine (${process.platform}).`;
  console.log(`
  ${why} Starting the Closing the Gap browser preview instead.

  The preview shows the real task pane working against a synthetic sample workbook held in the
  page: nothing is sent anywhere, and the GAPS formulas are computed in the page.

    Open  ${PREVIEW_URL}   (the first build takes a few seconds; "Ready" is printed below)
    Stop  with Ctrl+C in this terminal.

  To try it in Excel on the web instead: stop the preview, upload
  assets/sample/closing-the-gap-sample.xlsx to OneDrive or SharePoint, then run
    npx office-addin-debugging start manifest.xml web --document <the workbook's URL>
  (it serves the add-in at https://localhost:${PORT} with a development certificate; "npm run stop"
  ends it). On Windows or a Mac with Excel, "npm start" sideloads into desktop Excel.
`);
  const child = run(['webpack', 'serve', '--mode', 'development', '--env', 'preview'], { CTG_PREVIEW: '1' });
  void announceWhenReady(child);
}
