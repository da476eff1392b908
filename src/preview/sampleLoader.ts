/**
 * The sample workbook for the browser preview: a synthetic tracker (three year groups as sheets
 * and tables, and a "Try the formulas" sheet) built by `npm run sample`, with the GAPS functions
 * computing its formulas.
 */
import sample from '../../assets/sample/tracker.json';
import { MemoryWorkbook, type WorkbookModel } from '../workbook/memoryWorkbook';
import { gapsFunctionRegistry } from './gapsRegistry';

/** A fresh copy of the sample workbook (changes to it never touch the bundled data). */
export function loadSampleWorkbook(): MemoryWorkbook {
  return MemoryWorkbook.fromJSON(sample as unknown as WorkbookModel, { functions: gapsFunctionRegistry() });
}
