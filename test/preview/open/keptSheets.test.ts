/**
 * A workbook opened from an .xlsx and saved: the user's sheets come back as the file had them
 * (fonts, fills, merged cells, number formats, conditional formats, data validation, notes), with
 * only the cells edited in the preview changed; the add-in's sheets are added beside them. The saved
 * file is read back with exceljs, an independent reader, and compared with the file as generated.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { modelFromXlsx } from '../../../src/preview/open/xlsxRead';
import { keptSheets, xlsxFromModel } from '../../../src/preview/open/excelExport';
import { patchSheet } from '../../../src/preview/open/xlsxMerge';
import { storedParts, StoredPart } from '../../../src/preview/open/ooxml';
import { STATE_SHEET } from '../../../src/preview/open/stateSheet';
import { MemoryWorkbook } from '../../../src/workbook/memoryWorkbook';
import { runGapAnalysis } from '../../../src/jobs/gapAnalysis';

const PP = ['Y', 'N', 'N', 'Y', 'N', 'Y', 'N', 'N', 'Y', 'N'];
const MA = [3, 6, 5, 4, 7, 4, 6, 5, 3, 8];

/** A tracker with formatting of every kind on its pupils' sheet, and a styled notes sheet. */
async function styledTracker(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pupils', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = 'Year 11 tracker';
  ws.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF1F3864' } };
  ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  ws.getRow(2).values = ['UPN', 'PP', 'Ma', 'Attendance'];
  ws.getRow(2).font = { bold: true };
  PP.forEach((pp, i) => {
    ws.getRow(i + 3).values = [`P${i + 1}`, pp, MA[i], 0.9 + i / 100];
    ws.getCell(i + 3, 4).numFmt = '0.0%';
  });
  ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  ws.getCell('B3').note = 'Checked with the office';
  ws.getCell('B4').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Y,N"'] };
  ws.addConditionalFormatting({ ref: 'C3:C12', rules: [{ type: 'cellIs', operator: 'lessThan', priority: 1, formulae: ['4'], style: { font: { color: { argb: 'FF9C0006' } } } }] });
  ws.getColumn(1).width = 12;
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Signed off';
  notes.getCell('A1').font = { italic: true, name: 'Arial', size: 10 };
  notes.getCell('B1').value = new Date(Date.UTC(2026, 5, 30));
  notes.getCell('B1').numFmt = 'dd mmm yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function openAndSave(bytes: Uint8Array, work: (wb: MemoryWorkbook) => Promise<void>): Promise<{ saved: Uint8Array; wb: MemoryWorkbook }> {
  const model = modelFromXlsx(bytes);
  const wb = new MemoryWorkbook(model);
  await work(wb);
  const saved = await xlsxFromModel(ExcelJS, wb, { bytes, kept: keptSheets(model, wb.toJSON(), (name) => wb.displayValues(name)) });
  return { saved, wb };
}

/** Every cell of a sheet as exceljs reads it: address, value, and its whole style. */
function cellsOf(ws: ExcelJS.Worksheet | undefined): Array<[string, unknown, unknown]> {
  const out: Array<[string, unknown, unknown]> = [];
  ws?.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => out.push([cell.address, cell.value, JSON.parse(JSON.stringify(cell.style))])));
  return out;
}

const runGaps = (wb: MemoryWorkbook) =>
  runGapAnalysis(wb, { kind: 'range', address: 'Pupils!A2:D12' }, ['UPN', 'PP', 'Ma', 'Attendance'], { columns: { disadvantaged: 1, id: 0 }, assessments: [{ index: 2, scale: 'gcse' }], confidence: 0.95 }, new Date(Date.UTC(2026, 6, 1, 9)));

describe('the user\'s own sheets saved from a file opened in the preview', () => {
  it('come back with their fonts, fills, merged cells, number formats, notes, validation and conditional formats, beside the add-in\'s sheets', async () => {
    const original = await styledTracker();
    const { saved, wb } = await openAndSave(original, async (w) => {
      await w.writeSheet({ name: 'Gap report', mode: 'new', blocks: [{ row: 0, col: 0, values: [['Gap', -1.5]], headerStyle: 'header', numberFormat: '0.00' }], tabTone: 'good' });
    });
    const before = await read(original);
    const after = await read(saved);
    expect(after.worksheets.map((w) => w.name)).toEqual(['Pupils', 'Notes', 'Gap report', STATE_SHEET]);
    for (const name of ['Pupils', 'Notes']) {
      const a = cellsOf(before.getWorksheet(name));
      expect(a.length).toBeGreaterThan(1);
      expect(cellsOf(after.getWorksheet(name))).toEqual(a);
    }
    const pupils = after.getWorksheet('Pupils');
    // Spelled out, so the test says what "unchanged" covers.
    expect(pupils?.getCell('A1').font).toEqual(expect.objectContaining({ bold: true, size: 14 }));
    expect(pupils?.getCell('A1').fill).toEqual(expect.objectContaining({ fgColor: { argb: 'FFFFF2CC' } }));
    expect(pupils?.getCell('C1').isMerged).toBe(true);
    expect(pupils?.getCell('C1').master.address).toBe('A1');
    expect(pupils?.getCell('D3').numFmt).toBe('0.0%');
    expect(pupils?.getCell('B3').note).toBe('Checked with the office');
    expect(pupils?.getCell('B4').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"Y,N"'] }));
    expect((pupils as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings).toHaveLength(1);
    expect(pupils?.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 2 }));
    expect(pupils?.getColumn(1).width).toBe(12);
    expect(after.getWorksheet('Notes')?.getCell('A1').font).toEqual(expect.objectContaining({ italic: true, name: 'Arial', size: 10 }));

    // The sheet parts themselves are the file's, byte for byte.
    const partsBefore = unzipSync(original);
    const partsAfter = unzipSync(saved);
    expect(Buffer.from(partsAfter['xl/worksheets/sheet1.xml']).equals(Buffer.from(partsBefore['xl/worksheets/sheet1.xml']))).toBe(true);
    // Copied as the file compressed them, not inflated and deflated again.
    const storedBefore = storedParts(original)?.get('xl/worksheets/sheet1.xml');
    const storedAfter = storedParts(saved)?.get('xl/worksheets/sheet1.xml');
    expect(storedBefore).toBeInstanceOf(StoredPart);
    expect(Buffer.from((storedAfter as StoredPart).data).equals(Buffer.from((storedBefore as StoredPart).data))).toBe(true);

    // The add-in's sheet keeps its own look: header style, number format, tab colour.
    const report = after.getWorksheet('Gap report');
    expect(report?.getCell('B1').value).toBe(-1.5);
    expect(report?.getCell('A1').font?.bold).toBe(true);
    expect(report?.getCell('B1').numFmt).toBe('0.00');
    expect(report?.properties.tabColor).toBeDefined();
    expect(after.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
    // And the file opens again in the preview as the same workbook.
    const again = new MemoryWorkbook(modelFromXlsx(saved));
    expect(again.getSheetNames()).toEqual(wb.getSheetNames());
    expect(await again.ownsSheet('Gap report')).toBe(true);
    expect(again.getSheet('Pupils')?.values).toEqual(wb.getSheet('Pupils')?.values);
  });

  it('change only in the cells edited in the preview, which keep their formats', async () => {
    const original = await styledTracker();
    const { saved } = await openAndSave(original, async (w) => {
      w.setCell('Pupils', 2, 2, 9); // C3: filled red in the file
      w.setCell('Pupils', 3, 1, null); // B4: emptied (it has a validation)
      w.setCell('Pupils', 4, 5, 'new note'); // F5: a new cell right of the row's last
      w.setCell('Pupils', 14, 0, 'Total'); // A15: a new row below the data
      w.setCell('Notes', 0, 2, '=GAPS.FSMGAP(Pupils!C3:C12,Pupils!B3:B12)'); // C1: a formula
    });
    const before = await read(original);
    const after = await read(saved);
    const edited = new Set(['Pupils!C3', 'Pupils!B4', 'Pupils!F5', 'Pupils!A15', 'Notes!C1']);
    for (const name of ['Pupils', 'Notes']) {
      for (const [address, value, style] of cellsOf(before.getWorksheet(name))) {
        if (edited.has(`${name}!${address}`)) continue;
        const cell = after.getWorksheet(name)?.getCell(address);
        expect([address, cell?.value, JSON.parse(JSON.stringify(cell?.style))]).toEqual([address, value, style]);
      }
    }
    const pupils = after.getWorksheet('Pupils');
    expect(pupils?.getCell('C3').value).toBe(9);
    expect(pupils?.getCell('C3').fill).toEqual(expect.objectContaining({ fgColor: { argb: 'FFFFC7CE' } }));
    expect(pupils?.getCell('B4').value).toBeNull();
    expect(pupils?.getCell('F5').value).toBe('new note');
    expect(pupils?.getCell('A15').value).toBe('Total');
    expect(after.getWorksheet('Notes')?.getCell('C1').formula).toBe('_xldudf_GAPS_FSMGAP(Pupils!C3:C12,Pupils!B3:B12)');
    // The merge, the note and the validation are still there.
    expect(pupils?.getCell('C1').isMerged).toBe(true);
    expect(pupils?.getCell('B3').note).toBe('Checked with the office');
  });

  it('keep a report the add-in wrote into the file earlier when it is unchanged, and write it anew when rerun', async () => {
    const original = await styledTracker();
    const first = await openAndSave(original, async (w) => {
      await runGaps(w);
    });
    const report = first.wb.getSheetNames().find((n) => n.startsWith('Gap report')) as string;
    expect(report).toBeDefined();
    // Reopened and saved without change: the report is the saved file's own part.
    const again = await openAndSave(first.saved, async () => undefined);
    const kept = await read(again.saved);
    expect(kept.worksheets.map((w) => w.name)).toEqual(['Pupils', 'Notes', report, STATE_SHEET]);
    expect(cellsOf(kept.getWorksheet(report))).toEqual(cellsOf((await read(first.saved)).getWorksheet(report)));
    // Rerun on changed data: the report is replaced, once.
    const rerun = await openAndSave(first.saved, async (w) => {
      w.setCell('Pupils', 2, 2, 9);
      await runGaps(w);
    });
    const names = (await read(rerun.saved)).worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('Gap report'))).toHaveLength(rerun.wb.getSheetNames().filter((n) => n.startsWith('Gap report')).length);
    expect(names).toEqual([...rerun.wb.getSheetNames(), STATE_SHEET]);
  });
});

describe('patching a sheet\'s cells', () => {
  const sheet = (data: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${data}</worksheet>`;
  it('puts new cells and rows in order and keeps everything else as it was', () => {
    const xml = sheet('<sheetData><row r="2" spans="1:2"><c r="A2" s="3"><v>1</v></c><c r="C2"><v>2</v></c></row><row r="5"/></sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>');
    const out = patchSheet(xml, [
      { row: 1, col: 1, cell: { value: 'b' } },
      { row: 1, col: 0, cell: { value: 7 } },
      { row: 0, col: 0, cell: { value: true } },
      { row: 4, col: 0, cell: { value: 5 } },
      { row: 9, col: 3, cell: { value: 'x<y' } },
    ]);
    expect(out).toBe(
      sheet(
        '<sheetData><row r="1"><c r="A1" t="b"><v>1</v></c></row>' +
          '<row r="2"><c r="A2" s="3"><v>7</v></c><c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="C2"><v>2</v></c></row>' +
          '<row r="5"><c r="A5"><v>5</v></c></row>' +
          '<row r="10"><c r="D10" t="inlineStr"><is><t>x&lt;y</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>',
      ),
    );
  });
  it('opens an empty sheetData', () => {
    expect(patchSheet(sheet('<sheetData/>'), [{ row: 0, col: 1, cell: { value: 2 } }])).toBe(sheet('<sheetData><row r="1"><c r="B1"><v>2</v></c></row></sheetData>'));
  });
});

describe('the parts of a file as it holds them', () => {
  it('inflate to what fflate\'s own unzip reads, for every part of the file and of a file saved from it', async () => {
    const original = await styledTracker();
    const { saved } = await openAndSave(original, async (w) => {
      w.setCell('Pupils', 2, 2, 9);
    });
    for (const bytes of [original, saved]) {
      const parts = storedParts(bytes);
      const expected = unzipSync(bytes);
      const names = Object.keys(expected).filter((n) => !n.endsWith('/'));
      expect([...(parts?.keys() ?? [])].sort()).toEqual(names.sort());
      for (const name of names) expect([name, Buffer.from((parts?.get(name) as StoredPart).inflated()).equals(Buffer.from(expected[name]))]).toEqual([name, true]);
    }
  });

  it('are not taken from a file that is no plain zip (then the whole file is unzipped)', () => {
    expect(storedParts(Uint8Array.from([1, 2, 3]))).toBeNull();
    expect(storedParts(new Uint8Array(100))).toBeNull();
  });
});
