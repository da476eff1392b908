/**
 * Writes the .xlsx in a worker, so saving a large workbook never freezes the page: receives the
 * workbook's model, the values each sheet shows and the file it was opened from (if any), answers
 * with the file's bytes.
 */
import type { CellValue } from '../../workbook/port';
import type { WorkbookModel } from '../../workbook/memoryModel';
import { xlsxFromModel, type ExcelModule, type OriginalFile } from './excelExport';

export interface SaveRequest {
  model: WorkbookModel;
  shown: Record<string, CellValue[][]>;
  original?: OriginalFile;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<SaveRequest>) => void) | null; postMessage(data: unknown, transfer?: Transferable[]): void };

scope.onmessage = (e) => {
  void (async () => {
    try {
      const mod = (await import(/* webpackChunkName: "xlsx" */ 'exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
      const excel = mod.default?.Workbook ? mod.default : mod;
      const { model, shown, original } = e.data;
      const written = await xlsxFromModel(excel, { toJSON: () => model, displayValues: (name: string) => shown[name] ?? [] }, original);
      const bytes = written.byteOffset === 0 && written.byteLength === written.buffer.byteLength ? (written.buffer as ArrayBuffer) : (written.slice().buffer as ArrayBuffer);
      scope.postMessage({ ok: true, bytes }, [bytes]);
    } catch (err) {
      scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
