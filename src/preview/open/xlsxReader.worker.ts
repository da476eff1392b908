/**
 * Reads an .xlsx in a worker, so a large workbook never freezes the page: receives the file's bytes,
 * answers with the workbook model, or with the reader's error message.
 */
import { readXlsxAnswer } from './xlsxRead';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ArrayBuffer>) => void) | null; postMessage(data: unknown): void };

scope.onmessage = (e) => {
  scope.postMessage(readXlsxAnswer(e.data));
};
