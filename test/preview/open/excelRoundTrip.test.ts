import ExcelJS from 'exceljs';
import { modelFromXlsx } from '../../../src/preview/open/xlsxRead';
import { chartNote, keptSheets, xlsxFromModel } from '../../../src/preview/open/excelExport';
import { STATE_SHEET } from '../../../src/preview/open/stateSheet';
import { STATE_SHEET as EXCEL_STATE_SHEET } from '../../../src/office/excelWorkbook';
import { MemoryWorkbook } from '../../../src/workbook/memoryWorkbook';
import { runGapAnalysis } from '../../../src/jobs/gapAnalysis';
import type { CellValue } from '../../../src/workbook/port';
import type { WorkbookModel } from '../../../src/workbook/memoryModel';

/** A school's tracker as a real .xlsx: a table with dates and a formula, a notes sheet, a hidden sheet. */
async function schoolFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Year 9', { views: [{ state: 'frozen', ySplit: 1 }] });
  const pp = ['Y', 'N', 'Y', 'N', 'N', 'Y', 'N', 'N'];
  const ma = [4, 6, 3, 7, 5, 4, 6, 5];
  ws.addTable({
    name: 'Year9',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'UPN' }, { name: 'PP' }, { name: 'DOB' }, { name: 'Ma Sum' }, { name: 'Ma x2' }],
    rows: pp.map((f, i) => [`P${i + 1}`, f, new Date(Date.UTC(2012, 8, 1 + i)), ma[i], { formula: `D${i + 2}*2`, result: ma[i] * 2 }]),
  });
  for (let r = 2; r <= 9; r++) ws.getCell(r, 3).numFmt = 'dd/mm/yyyy';
  ws.getColumn(1).width = 14;
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Checked by';
  notes.getCell('B1').value = 'J. Bloggs';
  notes.getCell('A2').value = 'Total';
  notes.getCell('B2').value = { formula: "SUM('Year 9'!D2:D9)", result: 40 };
  notes.getCell('A3').value = "'quoted";
  notes.getCell('A4').value = 0.25;
  notes.getCell('A4').numFmt = '0%';
  wb.addWorksheet('Lookups', { state: 'hidden' }).getCell('A1').value = 'Y';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Files opened in the preview, by workbook: saving keeps the user's sheets from them, as the page does. */
const openedFrom = new WeakMap<MemoryWorkbook, { bytes: Uint8Array; model: WorkbookModel }>();

async function load(buffer: Buffer | ArrayBuffer): Promise<MemoryWorkbook> {
  const bytes = new Uint8Array(buffer);
  const model = modelFromXlsx(bytes);
  const wb = new MemoryWorkbook(model);
  openedFrom.set(wb, { bytes, model });
  return wb;
}

async function save(wb: MemoryWorkbook): Promise<Buffer> {
  const from = openedFrom.get(wb);
  const original = from ? { bytes: from.bytes, kept: keptSheets(from.model, wb.toJSON(), (name) => wb.displayValues(name)) } : undefined;
  return Buffer.from(await xlsxFromModel(ExcelJS, wb, original));
}

const options = { columns: { disadvantaged: 1, id: 0 }, assessments: [{ index: 3, scale: 'gcse' as const }], confidence: 0.95 };

describe('an Excel workbook opened in the preview', () => {
  it('reads every sheet, the table, dates as date serials, formulas with their cached results', async () => {
    const wb = await load(await schoolFile());
    expect(wb.getSheetNames()).toEqual(['Year 9', 'Notes', 'Lookups']);
    expect(wb.getSheet('Lookups')?.visibility).toBe('hidden');
    const y9 = wb.getSheet('Year 9');
    expect(y9?.tables).toEqual([expect.objectContaining({ name: 'Year9', row: 0, col: 0, rows: 9, cols: 5 })]);
    // 1 Sept 2012 is serial 41153: R `as.numeric(as.Date("2012-09-01") - as.Date("1899-12-30"))`.
    expect(y9?.values[1]).toEqual(['P1', 'Y', 41153, 4, 8]);
    expect(wb.cellFormat('Year 9', 1, 2).numberFormat).toBe('dd/mm/yyyy');
    expect(y9?.freezeRows).toBe(1);
    expect(y9?.importedFormulas?.[0]).toEqual({ row: 1, col: 4, formula: '=D2*2', result: 8 });
    expect(wb.displayValue('Notes', 1, 1)).toBe(40);
    expect(wb.displayValue('Notes', 2, 0)).toBe("'quoted");
    const tables = await wb.listTables();
    expect(tables).toEqual([{ name: 'Year9', sheet: 'Year 9', rowCount: 8 }]);
  });

  it('reads a workbook in the 1904 date system (an old Mac file) with its dates on the days Excel shows', async () => {
    const file = new ExcelJS.Workbook();
    file.properties.date1904 = true;
    const ws = file.addWorksheet('Dates');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 10, 22));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('B1').value = 44886;
    ws.getCell('B1').numFmt = 'd mmm yyyy';
    ws.getCell('C1').value = 44886; // a plain number is no date and is not moved
    const buffer = Buffer.from(await file.xlsx.writeBuffer());
    // The file holds 1904-system serials: 22 Nov 2026 is 44886 (Python: (date(2026,11,22) - date(1904,1,1)).days).
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(raw.properties.date1904).toBe(true);
    const wb = await load(buffer);
    // In the preview every serial is a 1900-system one: 46348 (Python: (date(2026,11,22) - date(1899,12,30)).days).
    expect(wb.getSheet('Dates')?.values[0]).toEqual([46348, 46348, 44886]);
    expect(wb.cellFormat('Dates', 0, 1).numberFormat).toBe('d mmm yyyy');
  });

  it('saves the user\'s sheets back cell for cell beside a gap report, with the state on a very hidden sheet', async () => {
    const original = await schoolFile();
    const wb = await load(original);
    const run = await runGapAnalysis(wb, { kind: 'table', name: 'Year9' }, ['UPN', 'PP', 'DOB', 'Ma Sum', 'Ma x2'], options, new Date(Date.UTC(2026, 0, 5, 9)));
    const saved = await save(wb);

    // Read the saved file with exceljs directly: the user's sheets hold the same cells as the original.
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(original as unknown as ArrayBuffer);
    const after = new ExcelJS.Workbook();
    await after.xlsx.load(saved as unknown as ArrayBuffer);
    for (const name of ['Year 9', 'Notes', 'Lookups']) {
      const a = before.getWorksheet(name);
      const b = after.getWorksheet(name);
      expect(b).toBeDefined();
      const cells: Array<[string, unknown, string]> = [];
      a?.eachRow((row) => row.eachCell((cell) => cells.push([cell.address, cell.value, cell.numFmt])));
      for (const [address, value, numFmt] of cells) {
        const cell = b?.getCell(address);
        expect([address, cell?.value]).toEqual([address, value]);
        expect([address, cell?.numFmt]).toEqual([address, numFmt]);
      }
      expect(b?.state).toBe(a?.state);
    }
    expect(after.getWorksheet('Year 9')?.getTables().length).toBe(1);
    expect(after.getWorksheet('Year 9')?.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(after.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
    expect(STATE_SHEET).toBe(EXCEL_STATE_SHEET);

    // Reopened, the report is the same and still the add-in's own.
    const again = await load(saved);
    expect(again.getSheetNames()).toEqual([...wb.getSheetNames()]);
    expect(await again.ownsSheet(run.sheetName)).toBe(true);
    // The same cells, plus a note where each chart stood.
    const reread = (await again.readSheetValues(run.sheetName)) as CellValue[][];
    const notes = reread.flat().filter((v) => typeof v === 'string' && v.includes('charts are not saved from the browser preview'));
    expect(notes.length).toBe(wb.getSheet(run.sheetName)?.charts.length);
    const withoutNotes = reread.map((r) => r.map((v) => (notes.includes(v) ? null : v)));
    const written = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    expect(withoutNotes.slice(0, written.length).map((r) => r.slice(0, written[0].length))).toEqual(written);
    const report = again.getSheet(run.sheetName);
    expect(report?.columnWidths.length).toBeGreaterThan(0);
    expect(report?.formats.some((f) => f.numberFormat)).toBe(true);
  });

  it("wraps the report's column headers, so a long header is read whole in its narrow column (exceljs reads the saved file)", async () => {
    const wb = await load(await schoolFile());
    const run = await runGapAnalysis(wb, { kind: 'table', name: 'Year9' }, ['UPN', 'PP', 'DOB', 'Ma Sum', 'Ma x2'], options, new Date(Date.UTC(2026, 0, 5, 9)));
    const after = new ExcelJS.Workbook();
    await after.xlsx.load((await save(wb)) as unknown as ArrayBuffer);
    const sheet = after.getWorksheet(run.sheetName);
    // The headline table's header row: the row whose first cell is "Assessment".
    let headerRow = 0;
    sheet?.eachRow((row, n) => {
      if (headerRow === 0 && row.getCell(1).value === 'Assessment') headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const header = sheet?.getRow(headerRow);
    const wrapped: boolean[] = [];
    header?.eachCell((cell) => wrapped.push(cell.alignment?.wrapText === true));
    expect(wrapped.length).toBeGreaterThan(3);
    expect(wrapped.every(Boolean)).toBe(true);
    expect(sheet?.getRow(headerRow + 1).getCell(2).alignment?.wrapText).not.toBe(true);
  });

  it('replaces a chart by a note that points at its data', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'S', values: [['Group', 'Score'], ['PP', 4], ['Other', 5]] }]);
    await wb.writeSheet({
      name: 'Chart sheet',
      mode: 'new',
      blocks: [{ row: 0, col: 0, values: [['Group', 'Score'], ['PP', 4], ['Other', 5]] }],
      charts: [{ type: 'columnClustered', title: 'Scores', data: { row: 0, col: 0, rows: 3, cols: 2 }, at: { row: 0, col: 4 } }],
    });
    const again = await load(await save(wb));
    const values = (await again.readSheetValues('Chart sheet')) as CellValue[][];
    expect(values[0][4]).toBe(chartNote({ type: 'columnClustered', title: 'Scores', data: { row: 0, col: 0, rows: 3, cols: 2 }, at: { row: 0, col: 4 } }));
    expect(String(values[0][4])).toContain('A1:B3');
  });
});

describe('the add-in\'s own formulas in a file', () => {
  it('are saved as Excel saves them and computed again when the file is reopened', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'S', values: [['Score', 'Flag'], [4, 'Y'], [6, 'N'], [5, 'Y'], [7, 'N'], [null, null], ['=GAPS.FSMGAP(A2:A5,B2:B5)', null]] }]);
    const shown = wb.displayValue('S', 6, 0);
    const saved = await save(wb);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(saved as unknown as ArrayBuffer);
    expect(raw.getWorksheet('S')?.getCell('A7').formula).toBe('_xldudf_GAPS_FSMGAP(A2:A5,B2:B5)');
    expect((raw.getWorksheet('S')?.getCell('A7').value as { result?: unknown }).result).toBe(shown);
    const again = await load(saved);
    expect(again.getSheet('S')?.values[6][0]).toBe('=GAPS.FSMGAP(A2:A5,B2:B5)');
  });
});
