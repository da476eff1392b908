/**
 * What kind of file the user chose, from its first bytes (not its name alone), and the refusals
 * for files the preview cannot open: each message says what to do instead.
 */
import type { WorkbookModel } from '../../workbook/memoryModel';
import type { XlsxAnswer } from './xlsxRead';

/** The largest file the preview opens: bigger exports make the page slow to the point of freezing. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

export type FileKind = 'xlsx' | 'csv';

/** A file the preview refuses, with a message for the user. */
export class OpenFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenFileError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: old .xls, and also an .xlsx saved with a password (encrypted package). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" in UTF-16LE, the stream an encrypted Office file holds. */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const word = 'EncryptionInfo';
  const limit = Math.min(bytes.length, 1 << 20) - word.length * 2;
  outer: for (let i = 0; i < limit; i++) {
    for (let k = 0; k < word.length; k++) {
      if (bytes[i + 2 * k] !== word.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The kind of a file from its name, size and first bytes (up to the first megabyte); throws an
 * `OpenFileError` saying what to do for an empty, too large, old-format, password-protected or
 * unknown file.
 */
export function checkFile(name: string, size: number, head: Uint8Array): FileKind {
  const lower = name.toLowerCase();
  if (size === 0 || head.length === 0) {
    throw new OpenFileError(`"${name}" is empty (0 bytes). Export the data again from your MIS or Excel and open the new file.`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new OpenFileError(
      `"${name}" is ${megabytes(size)}; the preview opens files up to ${megabytes(MAX_FILE_BYTES)}. Export only the year group or the columns ` +
        'you need (pupil, disadvantaged flag, assessments), or save just that sheet as CSV, and open that file.',
    );
  }
  if (startsWith(head, OLE2)) {
    if (hasEncryptionInfo(head)) {
      throw new OpenFileError(
        `"${name}" is protected with a password, so it cannot be read here. Open it in Excel or LibreOffice, remove the password ` +
          '(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and open the saved copy.',
      );
    }
    throw new OpenFileError(
      `"${name}" is an old Excel 97-2003 workbook (.xls), which the preview cannot read. Open it in Excel or LibreOffice and save it as ` +
        '"Excel Workbook (.xlsx)" or as CSV, then open that file.',
    );
  }
  if (startsWith(head, ZIP)) {
    if (lower.endsWith('.ods')) {
      throw new OpenFileError(`"${name}" is a LibreOffice spreadsheet (.ods). Save it as "Excel 2007-365 (.xlsx)" and open that file.`);
    }
    return 'xlsx';
  }
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || lower.endsWith('.xls')) {
    throw new OpenFileError(
      `"${name}" is not a readable Excel workbook: the file is damaged or only part of it was saved. Export or download it again, or ` +
        'open it in Excel or LibreOffice and save a new copy as .xlsx.',
    );
  }
  // Text: a CSV (or tab-separated) export. Binary content (NUL bytes) is something else.
  const probe = head.subarray(0, 4096);
  if (probe.includes(0)) {
    throw new OpenFileError(`"${name}" is neither an Excel workbook (.xlsx) nor a CSV file. Export your data as .xlsx or CSV and open that file.`);
  }
  return 'csv';
}

/** The message for a workbook whose reading failed part-way (a damaged zip or sheet). */
export function damagedWorkbookMessage(name: string, detail: string): string {
  return (
    `"${name}" could not be read as an Excel workbook (${detail}). The file may be damaged or only partly downloaded: open it in Excel ` +
    'or LibreOffice and save a new copy as .xlsx, or export it again, then open that copy.'
  );
}

/**
 * The model of an .xlsx file as read (in a worker or the page), or an `OpenFileError` saying what to
 * do: for a damaged file, or one with no sheets. A failure that is not the file's (a worker that
 * stopped) is thrown as a plain error.
 */
export function readWorkbookModel(name: string, answer: XlsxAnswer): WorkbookModel {
  if (!answer.ok) {
    if (answer.damaged) throw new OpenFileError(damagedWorkbookMessage(name, answer.message));
    throw new Error(answer.message);
  }
  if (answer.model.sheets.length === 0) throw new OpenFileError(`"${name}" has no sheets to show. Open it in Excel or LibreOffice, check it holds your data, save and open it again.`);
  return answer.model;
}
