/**
 * Opening and saving files in the page (loaded only when the user opens or saves a file, with the
 * readers it needs): nothing is sent anywhere; the file is read with the File API and saved with a
 * download link to an in-page blob.
 */
import type { WorkbookModel } from '../../workbook/memoryModel';
import type { MemoryWorkbook } from '../../workbook/memoryWorkbook';
import { checkFile, OpenFileError, readWorkbookModel } from './fileCheck';
import { csvRowsToSheet, guessDelimiter } from './csvImport';
import { readXlsxAnswer, type XlsxAnswer } from './xlsxRead';
import { keptSheets, xlsxFromModel, type ExcelModule, type OriginalFile } from './excelExport';
import type { SaveRequest } from './xlsxWriter.worker';

export type Progress = (message: string, fraction: number | null) => void;

/** A file read: its workbook model and, for an .xlsx, its bytes (saving keeps the user's sheets from them). */
export interface OpenedFile {
  model: WorkbookModel;
  bytes: Uint8Array | null;
}

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

type WorkerAnswer = XlsxAnswer;

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
    // A copy goes to the worker: the page keeps the file's bytes for saving.
    const copy = buffer.slice(0);
    worker.postMessage(copy, [copy]);
  });
}

async function readInPage(buffer: ArrayBuffer): Promise<WorkerAnswer> {
  await yieldToPage();
  return readXlsxAnswer(buffer);
}

async function readXlsx(file: File, progress: Progress): Promise<OpenedFile> {
  progress(`Reading ${file.name} (${sizeText(file.size)}) in this page...`, null);
  const buffer = await file.arrayBuffer();
  const model = readWorkbookModel(file.name, await (readInWorker(buffer) ?? readInPage(buffer)));
  return { model, bytes: new Uint8Array(buffer) };
}

async function readCsv(file: File, head: Uint8Array, progress: Progress): Promise<OpenedFile> {
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
  return { model: { sheets: [sheet], activeSheet: sheet.name, selection: null, state: {} }, bytes: null };
}

/**
 * Reads a file the user chose or dropped into a workbook model; throws an `OpenFileError` with what to
 * do when the file cannot be opened.
 */
export async function readWorkbookFile(file: File, progress: Progress): Promise<OpenedFile> {
  const head = new Uint8Array(await file.slice(0, 1024 * 1024).arrayBuffer());
  const kind = checkFile(file.name, file.size, head);
  return kind === 'xlsx' ? readXlsx(file, progress) : readCsv(file, head, progress);
}

type SaveAnswer = { ok: true; bytes: ArrayBuffer } | { ok: false; message: string };

/** The .xlsx file each workbook was opened from, with its model as read (see `keptSheets`). */
const opened = new WeakMap<MemoryWorkbook, { bytes: Uint8Array; model: WorkbookModel }>();

/** Remembers the file a workbook was opened from, so saving keeps the user's sheets as they were in it. */
export function rememberFile(workbook: MemoryWorkbook, file: OpenedFile): void {
  if (file.bytes) opened.set(workbook, { bytes: file.bytes, model: file.model });
}

/** What to write: the model (without the cells of the sheets kept from the file), shown values, the file. */
function saveRequest(workbook: MemoryWorkbook): SaveRequest {
  const model = workbook.toJSON();
  const source = opened.get(workbook);
  const original: OriginalFile | undefined = source ? { bytes: source.bytes, kept: keptSheets(source.model, model, (name) => workbook.displayValues(name)) } : undefined;
  const shown: Record<string, SaveRequest['shown'][string]> = {};
  for (const sheet of model.sheets) {
    if (original && sheet.name in original.kept) {
      // Written from the file: its cells need not travel.
      sheet.values = [];
      continue;
    }
    shown[sheet.name] = workbook.displayValues(sheet.name);
  }
  return { model, shown, original };
}

/** Writes the file in a worker (the page stays responsive); null when workers are unavailable. */
function writeInWorker(request: SaveRequest): Promise<SaveAnswer> | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./xlsxWriter.worker.ts', import.meta.url));
  } catch {
    return null;
  }
  return new Promise<SaveAnswer>((resolve) => {
    worker.onmessage = (e: MessageEvent<SaveAnswer>) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      resolve({ ok: false, message: e.message || 'the writer stopped' });
      worker.terminate();
    };
    worker.postMessage(request);
  });
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(workbook: MemoryWorkbook): Promise<Uint8Array> {
  const request = saveRequest(workbook);
  const inWorker = writeInWorker(request);
  if (inWorker) {
    const answer = await inWorker;
    if (answer.ok) return new Uint8Array(answer.bytes);
    // A worker that fails (an old browser, a blocked worker) leaves the writing to the page.
  }
  const excel = await excelModule();
  await yieldToPage();
  return xlsxFromModel(excel, { toJSON: () => request.model, displayValues: (name) => request.shown[name] ?? [] }, request.original);
}

/** Saves the workbook as an .xlsx download (built in the page; nothing is uploaded). Returns its size. */
export async function downloadWorkbook(workbook: MemoryWorkbook, fileName: string): Promise<number> {
  const bytes = await workbookBytes(workbook);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
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
