/**
 * `npm run bench:preview`: how long the browser preview takes to open a school's export, run a gap
 * analysis on it and save the workbook as .xlsx, at 100,000 pupils (`--rows N` for another size).
 * Runs the preview's own conversions in Node (the .xlsx reader and writer and papaparse as the page
 * uses them, the gap analysis job on the in-memory workbook); the page adds the time to read the
 * file from disk and to pass the workbook to its worker. The .xlsx export is saved as the page saves
 * a file it opened: its own sheet kept from the file, the report added.
 *
 * Numbers only: nothing here asserts a time, because the machines are shared and noisy.
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { csvTextToSheet } from '../src/preview/open/csvImport';
import { modelFromXlsx } from '../src/preview/open/xlsxRead';
import { keptSheets, xlsxFromModel } from '../src/preview/open/excelExport';
import type { WorkbookModel } from '../src/workbook/memoryModel';
import { MemoryWorkbook } from '../src/workbook/memoryWorkbook';
import { runGapAnalysis } from '../src/jobs/gapAnalysis';
import { seededRandom } from '../scripts/seededRandom';

const arg = process.argv.indexOf('--rows');
const ROWS = arg >= 0 ? Number(process.argv[arg + 1]) : 100_000;
const HEADERS = ['UPN', 'Surname', 'Forename', 'Year', 'Form', 'PP', 'FSM6', 'SEN', 'EAL', 'Gender', 'DOB', 'Eng Aut', 'Ma Aut', 'Sci Aut', 'Eng Sum', 'Ma Sum', 'Sci Sum'];

function exportRows(): Array<Array<string | number>> {
  const rnd = seededRandom(20261202);
  const rows: Array<Array<string | number>> = [];
  for (let i = 0; i < ROWS; i++) {
    const pp = rnd() < 0.3;
    const grade = () => Math.max(1, Math.min(9, Math.round(5 + (rnd() - 0.5) * 6 - (pp ? 0.6 : 0))));
    const day = 1 + Math.floor(rnd() * 28);
    rows.push([`A${String(100000000000 + i)}`, `Surname${i}`, `Forename${i}`, 7 + (i % 5), `${7 + (i % 5)}${'ABCD'[i % 4]}`, pp ? 'Y' : 'N', rnd() < 0.25 ? 'Y' : 'N', rnd() < 0.15 ? 'K' : 'N', rnd() < 0.2 ? 'Y' : 'N', rnd() < 0.5 ? 'F' : 'M', `${String(day).padStart(2, '0')}/09/2012`, grade(), grade(), grade(), grade(), grade(), grade()]);
  }
  return rows;
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

async function analyseAndSave(wb: MemoryWorkbook, source: { kind: 'sheet' | 'table'; name: string }, opened?: { bytes: Uint8Array; model: WorkbookModel }): Promise<{ analyse: number; save: number; bytes: number }> {
  const options = { columns: { disadvantaged: HEADERS.indexOf('PP'), id: 0 }, assessments: [11, 12, 13, 14, 15, 16].map((index) => ({ index, scale: 'gcse' as const })), confidence: 0.95 };
  const [, analyse] = await time(() => runGapAnalysis(wb, source, HEADERS, options, new Date()));
  const [buffer, save] = await time(() => xlsxFromModel(ExcelJS, wb, opened && { bytes: opened.bytes, kept: keptSheets(opened.model, wb.toJSON(), (name) => wb.displayValues(name)) }));
  return { analyse, save, bytes: buffer.byteLength };
}

/** The export as an .xlsx (written by exceljs, as an MIS might); its cell objects are garbage once it returns. */
async function exportXlsx(rows: Array<Array<string | number>>): Promise<ArrayBuffer> {
  const source = new ExcelJS.Workbook();
  source.addWorksheet('Export').addTable({ name: 'Export', ref: 'A1', headerRow: true, columns: HEADERS.map((name) => ({ name })), rows });
  return (await source.xlsx.writeBuffer()) as ArrayBuffer;
}

async function main(): Promise<void> {
  const rows = exportRows();
  const csv = `\uFEFF${[HEADERS, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
  console.log(`Preview files at ${ROWS.toLocaleString('en-GB')} pupils x ${HEADERS.length} columns`);
  console.log('file                size      open      gap analysis   save .xlsx   saved size');

  const [sheet, openCsv] = await time(() => csvTextToSheet(csv, 'export.csv'));
  const fromCsv = new MemoryWorkbook({ sheets: [sheet], activeSheet: sheet.name, selection: null, state: {} });
  const c = await analyseAndSave(fromCsv, { kind: 'sheet', name: sheet.name });
  console.log(`CSV export      ${mb(Buffer.byteLength(csv)).padStart(9)}  ${sec(openCsv).padStart(8)}  ${sec(c.analyse).padStart(12)}  ${sec(c.save).padStart(11)}  ${mb(c.bytes).padStart(10)}`);

  const xlsx = await exportXlsx(rows);
  const bytes = new Uint8Array(xlsx);
  const [model, openXlsx] = await time(() => modelFromXlsx(bytes));
  const fromXlsx = new MemoryWorkbook(model);
  const x = await analyseAndSave(fromXlsx, { kind: 'table', name: 'Export' }, { bytes, model });
  console.log(`.xlsx workbook  ${mb(xlsx.byteLength).padStart(9)}  ${sec(openXlsx).padStart(8)}  ${sec(x.analyse).padStart(12)}  ${sec(x.save).padStart(11)}  ${mb(x.bytes).padStart(10)}`);
}

void main();
