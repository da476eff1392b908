#!/usr/bin/env node
/**
 * `npm start`: sideload into desktop Excel where it exists (Windows, macOS); anywhere else, serve
 * the browser preview, where the task pane runs against a sample workbook, and say so.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const wantPreview = process.env.CTG_PREVIEW === '1' || process.argv.includes('--preview');

function excelInstalled() {
  if (process.platform === 'darwin') return existsSync('/Applications/Microsoft Excel.app');
  if (process.platform === 'win32') return true; // office-addin-debugging reports clearly if Excel is missing
  return false;
}

function run(args, env = {}) {
  const child = spawn(npx, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (!wantPreview && excelInstalled()) {
  console.log('Starting Closing the Gap in desktop Excel (office-addin-debugging)...');
  run(['office-addin-debugging', 'start', 'manifest.xml', 'desktop']);
} else {
  console.log(`
  Desktop Excel is not available on this machine (${process.platform}), so Closing the Gap opens its
  browser preview instead: a synthetic sample tracker shown as a grid beside the real task pane,
  running entirely in the page (no pupil data leaves it).

    Open  http://127.0.0.1:3000/preview.html   once the build below says "compiled".
    Stop  with Ctrl+C.

  To use it in Excel on the web instead: upload assets/sample/closing-the-gap-sample.xlsx to OneDrive,
  then run  npx office-addin-debugging start manifest.xml web --document <the workbook's URL>
`);
  run(['webpack', 'serve', '--mode', 'development', '--env', 'preview'], { CTG_PREVIEW: '1' });
}
