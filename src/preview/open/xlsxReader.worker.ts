/**
 * Reads an .xlsx in a worker, so a large workbook never freezes the page: receives the file's bytes,
 * answers with the workbook model, or with the reader's error message.
 */
import { modelFromXlsx } from './xlsxRead';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ArrayBuffer>) => void) | null; postMessage(data: unknown): void };

scope.onmessage = (e) => {
  try {
    scope.postMessage({ ok: true, model: modelFromXlsx(e.data) });
  } catch (err) {
    scope.postMessage({ ok: false, damaged: true, message: err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err) });
  }
};
