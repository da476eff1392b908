/**
 * Reads an .xlsx in a worker, so a large workbook never freezes the page: receives the file's bytes,
 * answers with the workbook model, or with the reader's error message.
 */
import type * as ExcelJS from 'exceljs';
import { modelFromExcel } from './excelImport';

type ExcelModule = { Workbook: new () => ExcelJS.Workbook };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ArrayBuffer>) => void) | null; postMessage(data: unknown): void };

scope.onmessage = (e) => {
  void (async () => {
    try {
      const mod = (await import(/* webpackChunkName: "xlsx" */ 'exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
      const excel = mod.default?.Workbook ? mod.default : mod;
      const wb = new excel.Workbook();
      try {
        await wb.xlsx.load(e.data);
      } catch (err) {
        scope.postMessage({ ok: false, damaged: true, message: err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err) });
        return;
      }
      scope.postMessage({ ok: true, model: modelFromExcel(wb) });
    } catch (err) {
      scope.postMessage({ ok: false, damaged: false, message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
