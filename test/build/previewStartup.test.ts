/**
 * The preview page starts without the file readers and writers: the scripts preview.html loads at
 * start hold none of the .xlsx reader (fflate, saxes, the sheetData scan), the CSV reader
 * (papaparse) or exceljs; they come in chunks of their own when a file is first opened or saved.
 * Checks the build in dist/ (`npm run build:test` first; npm test builds).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.CTG_DIST ?? path.join(ROOT, 'dist');

/** Text only each reader's code holds (found in its own source, not in the page's). */
const MARKERS: Array<[string, string]> = [
  ['fflate', 'invalid zip data'],
  ['saxes', 'unclosed tag'],
  ['the .xlsx reader', 'the workbook part is missing'],
  ['the .xlsx writer', 'charts are not saved from the browser preview'],
  ['papaparse', 'UndetectableDelimiter'],
  ['exceljs', 'sharedStrings'],
];

const startScripts = (): string[] => {
  const html = readFileSync(path.join(DIST, 'preview.html'), 'utf8');
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
};

describe('the preview page at start', () => {
  const built = existsSync(path.join(DIST, 'preview.html'));

  it('is built to check (run "npm run build:test" first; npm test does)', () => {
    expect(built).toBe(true);
    expect(startScripts()).toEqual(expect.arrayContaining(['preview.js', 'runtime.js']));
  });

  it('loads none of the file readers and writers, which are in chunks of their own', () => {
    const start = startScripts();
    const all = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    for (const [what, marker] of MARKERS) {
      const holders = all.filter((f) => readFileSync(path.join(DIST, f), 'utf8').includes(marker));
      // The marker is in the build (so the check can fail), and only outside the start-up scripts.
      expect([what, holders.length > 0]).toEqual([what, true]);
      expect([what, holders.filter((f) => start.includes(f))]).toEqual([what, []]);
    }
  });
});
