/**
 * Opening and saving files in the page (loaded only when the user opens or saves a file, with the
 * readers it needs): nothing is sent anywhere; the file is read with the File API and saved with a
 * download link to an in-page blob.
 */
import type * as ExcelJS from 'exceljs';
import type { WorkbookModel } from '../../workbook/memoryModel';
import type { MemoryWorkbook } from '../../workbook/memoryWorkbook';
import { checkFile, damagedWorkbookMessage, OpenFileError } from './fileCheck';
import { csvRowsToSheet, guessDelimiter } from './csvImport';
import { modelFromExcel } from './excelImport';
import { excelFromModel } from './excelExport';

export type Progress = (message: string, fraction: number | null) => void;

type ExcelModule = { Workbook: new () => ExcelJS.Workbook };

/** Gives the page a turn to paint (progress, the busy spinner) before a long step. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function excelModule(): Promise<ExcelModule> {
  const mod = (await import(/* webpackChunkName: "xlsx" */ 'exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
  return mod.default?.Workbook ? mod.default : mod;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

type WorkerAnswer = { ok: true; model: WorkbookModel } | { ok: false; damaged: boolean; message: string };

/** Reads the workbook in a worker (the page stays responsive); null when workers are unavailable. */
function readInWorker(buffer: ArrayBuffer): Promise<WorkerAnswer> | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./xlsxReader.worker.ts', import.meta.url));
  } catch {
    return null;
  }
  return new Promise<WorkerAnswer>((resolve) => {
    worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      resolve({ ok: false, damaged: false, message: e.message || 'the reader stopped' });
      worker.terminate();
    };
    worker.postMessage(buffer, [buffer]);
  });
}

async function readInPage(buffer: ArrayBuffer): Promise<WorkerAnswer> {
  const excel = await excelModule();
  await yieldToPage();
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(buffer);
  } catch (e) {
    return { ok: false, damaged: true, message: e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e) };
  }
  return { ok: true, model: modelFromExcel(wb) };
}

async function readXlsx(file: File, progress: Progress): Promise<WorkbookModel> {
  progress(`Reading ${file.name} (${sizeText(file.size)}) in this page...`, null);
  const buffer = await file.arrayBuffer();
  const answer = await (readInWorker(buffer) ?? readInPage(buffer));
  if (!answer.ok) {
    if (answer.damaged) throw new OpenFileError(damagedWorkbookMessage(file.name, answer.message));
    throw new Error(answer.message);
  }
  const model = answer.model;
  if (model.sheets.length === 0) throw new OpenFileError(`"${file.name}" has no sheets to show. Open it in Excel or LibreOffice, check it holds your data, save and open it again.`);
  return model;
}

async function readCsv(file: File, head: Uint8Array, progress: Progress): Promise<WorkbookModel> {
  const Papa = (await import(/* webpackChunkName: "csv" */ 'papaparse')).default;
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 65_536));
  const delimiter = guessDelimiter(text.replace(/^\uFEFF/, ''));
  const rows: string[][] = [];
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(file, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: 1024 * 1024,
      chunk: (result) => {
        for (const r of result.data) rows.push(r);
        const fraction = Math.min(1, result.meta.cursor / Math.max(1, file.size));
        progress(`Reading ${file.name}: ${Math.round(fraction * 100)}% of ${sizeText(file.size)}, ${rows.length.toLocaleString('en-GB')} rows`, fraction);
      },
      complete: () => resolve(),
      error: (e) => reject(new OpenFileError(`"${file.name}" could not be read (${e.message}). Export it again as CSV (UTF-8) and open the new file.`)),
    });
  });
  await yieldToPage();
  const sheet = csvRowsToSheet(rows, file.name);
  return { sheets: [sheet], activeSheet: sheet.name, selection: null, state: {} };
}

/**
 * Reads a file the user chose or dropped into a workbook model; throws an `OpenFileError` with what to
 * do when the file cannot be opened.
 */
export async function readWorkbookFile(file: File, progress: Progress): Promise<WorkbookModel> {
  const head = new Uint8Array(await file.slice(0, 1024 * 1024).arrayBuffer());
  const kind = checkFile(file.name, file.size, head);
  return kind === 'xlsx' ? readXlsx(file, progress) : readCsv(file, head, progress);
}

type SaveAnswer = { ok: true; bytes: ArrayBuffer } | { ok: false; message: string };

/** Writes the file in a worker (the page stays responsive); null when workers are unavailable. */
function writeInWorker(workbook: MemoryWorkbook): Promise<SaveAnswer> | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./xlsxWriter.worker.ts', import.meta.url));
  } catch {
    return null;
  }
  const model = workbook.toJSON();
  const shown: Record<string, unknown[][]> = {};
  for (const sheet of model.sheets) shown[sheet.name] = workbook.displayValues(sheet.name);
  return new Promise<SaveAnswer>((resolve) => {
    worker.onmessage = (e: MessageEvent<SaveAnswer>) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      resolve({ ok: false, message: e.message || 'the writer stopped' });
      worker.terminate();
    };
    worker.postMessage({ model, shown });
  });
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(workbook: MemoryWorkbook): Promise<ArrayBuffer> {
  const inWorker = writeInWorker(workbook);
  if (inWorker) {
    const answer = await inWorker;
    if (answer.ok) return answer.bytes;
    // A worker that fails (an old browser, a blocked worker) leaves the writing to the page.
  }
  const excel = await excelModule();
  await yieldToPage();
  return (await excelFromModel(excel, workbook).xlsx.writeBuffer()) as ArrayBuffer;
}

/** Saves the workbook as an .xlsx download (built in the page; nothing is uploaded). Returns its size. */
export async function downloadWorkbook(workbook: MemoryWorkbook, fileName: string): Promise<number> {
  const bytes = await workbookBytes(workbook);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return bytes.byteLength;
}

export { OpenFileError };
