/**
 * Writes the .xlsx in a worker, so saving a large workbook never freezes the page: receives the
 * workbook's model and the values each sheet shows, answers with the file's bytes.
 */
import type * as ExcelJS from 'exceljs';
import type { CellValue } from '../../workbook/port';
import type { WorkbookModel } from '../../workbook/memoryModel';
import { excelFromModel } from './excelExport';

type ExcelModule = { Workbook: new () => ExcelJS.Workbook };
export interface SaveRequest {
  model: WorkbookModel;
  shown: Record<string, CellValue[][]>;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<SaveRequest>) => void) | null; postMessage(data: unknown, transfer?: Transferable[]): void };

scope.onmessage = (e) => {
  void (async () => {
    try {
      const mod = (await import(/* webpackChunkName: "xlsx" */ 'exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
      const excel = mod.default?.Workbook ? mod.default : mod;
      const { model, shown } = e.data;
      const written = (await excelFromModel(excel, { toJSON: () => model, displayValues: (name) => shown[name] ?? [] }).xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
      // exceljs gives a Uint8Array (a Buffer) or an ArrayBuffer: send a plain ArrayBuffer.
      const bytes = written instanceof ArrayBuffer ? written : (written.slice().buffer as ArrayBuffer);
      scope.postMessage({ ok: true, bytes }, [bytes]);
    } catch (err) {
      scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
