/**
 * The preview on the school's own files: open a generated .xlsx and a CSV export from disk, run a gap
 * analysis, save the workbook as .xlsx, open the saved file in the page again, and check the saved
 * report's numbers through LibreOffice (headless, converted to CSV) against the core's gapSummary on
 * the same pupils. Bad files give a message saying what to do. Every request stays on the local server.
 *
 * Needs a build first (`npm run build:test`), Debian's Chromium, and LibreOffice (`soffice`, Debian
 * package libreoffice-calc) for the LibreOffice check.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { BROWSER_TIMEOUT, openPreview, type PreviewSession } from './harness';
import { gapSummary } from '../../src/core/gaps/gapSummary';

let s: PreviewSession;
let dir: string;

/** 60 invented pupils: every third disadvantaged, Maths grades 1-9 lower on average for them. */
const PUPILS = Array.from({ length: 60 }, (_, i) => {
  const pp = i % 3 === 0;
  const grade = Math.max(1, Math.min(9, 5 + ((i * 7) % 5) - 2 - (pp ? 1 : 0)));
  return { upn: `T${String(1000 + i)}`, name: `Pupil ${i + 1}, Test`, pp, dob: new Date(Date.UTC(2011, 8, 1 + (i % 28))), grade };
});

function expected() {
  return gapSummary(PUPILS.map((p) => [p.grade]), PUPILS.map((p) => [p.pp]), 0.95);
}

async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Year 10', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addTable({
    name: 'Year10',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'UPN' }, { name: 'Name' }, { name: 'PP' }, { name: 'DOB' }, { name: 'Ma Sum' }],
    rows: PUPILS.map((p) => [p.upn, p.name, p.pp ? 'Y' : 'N', p.dob, p.grade]),
  });
  wb.addWorksheet('Notes').getCell('A1').value = 'Exported from the MIS';
  await wb.xlsx.writeFile(file);
}

function writeCsv(file: string): void {
  const rows = [['UPN', 'Name', 'PP', 'DOB', 'Ma Sum'], ...PUPILS.map((p) => [p.upn, p.name, p.pp ? 'Y' : 'N', p.dob.toISOString().slice(0, 10).split('-').reverse().join('/'), String(p.grade)])];
  // Arbor-style: BOM, ";" separators, every field quoted, blank rows at the end.
  fs.writeFileSync(file, `\uFEFF${Papa.unparse(rows, { delimiter: ';', quotes: true })}\r\n\r\n\r\n`);
}

async function openFile(file: string): Promise<string> {
  await s.page.getByTestId('preview-open-input').setInputFiles(file);
  await s.page.getByTestId('preview-status').filter({ hasText: `Opened ${path.basename(file)}:` }).waitFor({ timeout: 30_000 });
  return (await s.page.getByTestId('preview-status').textContent()) ?? '';
}

async function runGaps(pick: () => Promise<void>): Promise<string> {
  const { page } = s;
  await page.getByTestId('job-gaps').click();
  await pick();
  await page.getByTestId('gap-columns').waitFor();
  await expect(page.getByTestId('gap-columns-disadvantaged').textContent()).resolves.toContain('PP');
  await page.getByTestId('gap-run').click();
  await page.getByTestId('gap-success').waitFor({ timeout: 30_000 });
  const message = (await page.getByTestId('gap-success').textContent()) ?? '';
  return /sheet '([^']+)'/.exec(message)?.[1] ?? '';
}

async function save(file: string): Promise<void> {
  const download = s.page.waitForEvent('download');
  await s.page.getByTestId('preview-save-xlsx').click();
  await (await download).saveAs(file);
}

/** The report sheet of a saved file as LibreOffice reads it (every sheet converted to CSV, raw values). */
function libreOfficeSheet(file: string, sheet: string): string[][] {
  const out = path.join(dir, `lo-${path.basename(file, '.xlsx')}`);
  fs.mkdirSync(out, { recursive: true });
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], { stdio: 'pipe', timeout: 120_000 });
  const csv = fs.readdirSync(out).find((f) => f.endsWith(`-${sheet}.csv`));
  if (!csv) throw new Error(`LibreOffice wrote no CSV for sheet "${sheet}": ${fs.readdirSync(out).join(', ')}`);
  return Papa.parse<string[]>(fs.readFileSync(path.join(out, csv), 'utf8')).data;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctg-open-'));
  s = await openPreview();
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, BROWSER_TIMEOUT);

test('the banner says a file is read in the page and not uploaded', async () => {
  await expect(s.page.getByTestId('preview-banner').textContent()).resolves.toContain('read in this page and not uploaded');
});

test(
  'an .xlsx opens with its sheets and table, a gap analysis runs on it, the saved .xlsx reopens in the page and in LibreOffice with the same numbers',
  async () => {
    const { page } = s;
    const file = path.join(dir, 'Year 10 tracker.xlsx');
    await writeXlsx(file);
    await expect(openFile(file)).resolves.toContain('2 sheets');
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['Year 10', 'Notes']);

    const report = await runGaps(async () => {
      await page.getByTestId('gap-data-table').click();
      await page.getByRole('option', { name: /Year10/ }).first().click();
    });
    expect(report).toMatch(/^Gap report/);
    await s.screenshot('open-xlsx-report');

    const saved = path.join(dir, 'saved.xlsx');
    await save(saved);
    await expect(page.getByTestId('preview-status').textContent()).resolves.toMatch(/^Saved Year 10 tracker\.xlsx/);

    // Reopened in the page: the same sheets, the report among them.
    await openFile(saved);
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['Year 10', 'Notes', report]);

    // LibreOffice reads the saved report: the headline row (assessment, effect size and its interval,
    // subject, group, Disadvantaged n, Others n, gap, CI lower, CI upper) carries the core's numbers.
    const rows = libreOfficeSheet(saved, report);
    const row = rows.find((r) => r[0] === 'Ma Sum');
    expect(row).toBeDefined();
    const e = expected();
    expect(Number(row?.[9])).toBeCloseTo(e.gap, 9);
    expect(Number(row?.[10])).toBeCloseTo(e.ciLower, 9);
    expect(Number(row?.[11])).toBeCloseTo(e.ciUpper, 9);
    expect(Number(row?.[7])).toBe(e.nDisadvantaged);
    expect(Number(row?.[8])).toBe(e.nOther);
    // The user's sheet comes back cell for cell (LibreOffice's view of it).
    const user = libreOfficeSheet(saved, 'Year 10').filter((r) => r.some((x) => x !== ''));
    expect(user.length).toBe(PUPILS.length + 1);
    expect(user[1].slice(0, 3)).toEqual([PUPILS[0].upn, PUPILS[0].name, PUPILS[0].pp ? 'Y' : 'N']);
    expect(user.slice(1).map((r) => Number(r[4]))).toEqual(PUPILS.map((p) => p.grade));

    expect(s.outsideRequests()).toEqual([]);
  },
  4 * BROWSER_TIMEOUT,
);

test(
  'a CSV export (BOM, ";" separators, quoted fields, blank trailing rows) opens as a sheet and gives the same gap',
  async () => {
    const { page } = s;
    const file = path.join(dir, 'arbor-export.csv');
    writeCsv(file);
    await expect(openFile(file)).resolves.toContain(`1 sheet, ${PUPILS.length + 1} rows`);
    const report = await runGaps(async () => {
      await page.getByTestId('gap-data-kind-sheet').click();
      await page.getByTestId('gap-data-sheet').click();
      await page.getByRole('option', { name: 'arbor-export' }).click();
    });
    const e = expected();
    const headline = page.getByTestId('gap-headline-4'); // Ma Sum, the fifth column
    expect(Number(await headline.getAttribute('data-gap'))).toBeCloseTo(e.gap, 12);
    expect(report).toMatch(/^Gap report/);
    expect(s.outsideRequests()).toEqual([]);
  },
  2 * BROWSER_TIMEOUT,
);

test(
  'bad files each say what to do, and the page keeps working',
  async () => {
    const { page } = s;
    const cases: Array<{ name: string; bytes: Buffer; message: RegExp }> = [
      { name: 'old.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]), message: /Excel 97-2003.*save it as/ },
      { name: 'empty.csv', bytes: Buffer.alloc(0), message: /is empty/ },
      { name: 'broken.xlsx', bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]), message: /could not be read as an Excel workbook.*save a new copy/ },
      { name: 'ragged.csv', bytes: Buffer.from('UPN,PP,Ma\nA1,Y,5\nA2,Smith, Jo,N,4\n'), message: /row 3 has more fields than the 3 headings/ },
    ];
    for (const c of cases) {
      const file = path.join(dir, c.name);
      fs.writeFileSync(file, c.bytes);
      await page.getByTestId('preview-open-input').setInputFiles(file);
      const error = page.getByTestId('preview-open-error');
      await error.waitFor({ timeout: 30_000 });
      await expect(error.textContent()).resolves.toMatch(c.message);
      await page.getByTestId('preview-open-dismiss').click();
    }
    // The workbook open before is still there.
    await expect(page.getByTestId('preview-grid').count()).resolves.toBe(1);
    expect(s.outsideRequests()).toEqual([]);
  },
  2 * BROWSER_TIMEOUT,
);
