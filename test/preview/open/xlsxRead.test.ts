/**
 * The preview's own .xlsx reader against an independent one: every kind of cell a school's file
 * holds (shared strings with rich text, inline strings, booleans, errors, formulas with cached
 * results, dates under date formats, in both date systems) reads as exceljs reads the same bytes;
 * a sheet written by hand in the shapes exceljs never writes (inline rich text, phonetic guides,
 * prefixed elements, cells without references) reads as LibreOffice reads it (headless, to CSV).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { modelFromXlsx, readXlsxAnswer } from '../../../src/preview/open/xlsxRead';
import { checkFile, readWorkbookModel } from '../../../src/preview/open/fileCheck';
import { keptSheets, xlsxFromModel } from '../../../src/preview/open/excelExport';
import { MemoryWorkbook } from '../../../src/workbook/memoryWorkbook';
import { shownValue } from '../../../src/workbook/cellText';
import type { CellValue } from '../../../src/workbook/port';

/** Excel's day 0 of the 1900 date system (from 1 March 1900 on), in ms since 1970. */
const DAY0 = Date.UTC(1899, 11, 30);

/** A cell as exceljs reads it, as the value the preview should show: text, number, boolean or error text. */
function exceljsShown(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return (v.getTime() - DAY0) / 86_400_000;
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if (typeof o.error === 'string') return o.error;
    if ('formula' in o || 'sharedFormula' in o) return exceljsShown(o.result as ExcelJS.CellValue);
    if (typeof o.text === 'string') return o.text;
  }
  return v as CellValue;
}

/** Every kind of cell, in column A; the formulas' cached results as Excel would have saved them. */
async function cellKinds(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Cells');
  const cells: Array<[ExcelJS.CellValue, string?]> = [
    ['plain text'],
    [
      {
        richText: [
          { text: 'Rich ', font: { bold: true } },
          { text: 'text', font: { italic: true } },
        ],
      },
    ],
    [true],
    [false],
    [{ error: '#N/A' } as ExcelJS.CellErrorValue],
    [{ error: '#DIV/0!' } as ExcelJS.CellErrorValue],
    [{ formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue],
    [{ formula: '"a"&"b"', result: 'ab' } as ExcelJS.CellFormulaValue],
    [{ formula: '1=1', result: true } as ExcelJS.CellFormulaValue],
    [
      {
        formula: '1/0',
        result: { error: '#DIV/0!' },
      } as unknown as ExcelJS.CellFormulaValue,
    ],
    [new Date(Date.UTC(2026, 10, 22)), 'dd/mm/yyyy'],
    [new Date(Date.UTC(2026, 10, 22, 14, 5)), 'yyyy-mm-dd hh:mm'],
    [
      {
        formula: 'DATE(2027,3,31)',
        result: new Date(Date.UTC(2027, 2, 31)),
      } as ExcelJS.CellFormulaValue,
      'd mmm yyyy',
    ],
    ['=not a formula'],
    ["'quoted"],
    [3.25, '0.00'],
    ['Año 9 & <b> "quoted"'],
    ['  spaced  '],
    ['line one\nline two'],
    [1234567.891],
  ];
  cells.forEach(([value, numFmt], i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function exceljsRead(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('the preview reads each kind of cell as exceljs reads the same file', () => {
  test.each([false, true])('with the 1904 date system %p', async (date1904) => {
    const bytes = await cellKinds(date1904);
    const other = await exceljsRead(bytes);
    expect(other.properties.date1904).toBe(date1904);
    const ws = other.getWorksheet('Cells');
    const wb = new MemoryWorkbook(modelFromXlsx(bytes));
    const values = wb.getSheet('Cells')?.values ?? [];
    expect(values.length).toBe(ws?.rowCount);
    // Each row holds one cell, in column A.
    ws?.eachRow((row, r) =>
      row.eachCell((xl) => {
        const got = shownValue(values[r - 1][0]);
        const want = exceljsShown(xl.value);
        if (typeof want === 'number') expect([xl.address, got]).toEqual([xl.address, expect.closeTo(want, 9)]);
        else expect([xl.address, got]).toEqual([xl.address, want]);
        // Number formats as exceljs reads them ("General" is none).
        const format = wb.cellFormat('Cells', r - 1, 0).numberFormat;
        expect([xl.address, format ?? 'General']).toEqual([xl.address, xl.numFmt ?? 'General']);
      }),
    );
    // Formulas are kept beside their cached results, as the file writes them.
    const formulas = wb.getSheet('Cells')?.importedFormulas ?? [];
    const want: Array<[number, string]> = [];
    ws?.eachRow((row, r) => {
      if (row.getCell(1).formula) want.push([r - 1, `=${row.getCell(1).formula}`]);
    });
    expect(formulas.map((f) => [f.row, f.formula])).toEqual(want);
    expect(want.length).toBe(5);
    // Text that looks like a formula or starts with an apostrophe stays that text.
    expect(values[13][0]).toBe("'=not a formula");
    expect(wb.displayValue('Cells', 13, 0)).toBe('=not a formula');
    expect(values[14][0]).toBe("''quoted");
  });

  it("puts a 1904 file's dates on the same days as the 1900 file's (Python: date(2026,11,22) - date(1899,12,30) = 46348 days)", async () => {
    const a = modelFromXlsx(await cellKinds(false)).sheets[0].values;
    const b = modelFromXlsx(await cellKinds(true)).sheets[0].values;
    expect(b).toEqual(a);
    expect(a[10][0]).toBe(46348);
    // And the raw file really holds the other serial: 46348 - 1462 in the 1904 file.
    const sheet = strFromU8(unzipSync(await cellKinds(true))['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<v>44886</v>');
  });
});

/** An exceljs-written package with its first sheet's XML replaced. */
async function withSheetXml(sheetXml: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hand').getCell('A1').value = 'placeholder';
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheetXml);
  for (const [path, text] of Object.entries(extra)) parts[path] = strToU8(text);
  return zipSync(parts);
}

/** A workbook's first sheet as LibreOffice reads it (headless, converted to UTF-8 CSV). */
function libreOfficeCsv(bytes: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'ctg-lo-'));
  try {
    writeFileSync(join(dir, 'in.xlsx'), bytes);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, join(dir, 'in.xlsx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const text = readFileSync(join(dir, 'in.csv'), 'utf8');
    return text
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .map((line) => line.split(','));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a sheet in shapes other writers use', () => {
  it('reads inline strings with rich runs, prefixed elements, cells without references and attributes in other quotes and spacing as LibreOffice does', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="${ns}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>UPN</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Read </x:t></x:r><x:r><x:t>score</x:t></x:r></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c t="inlineStr"><x:is><x:t>P1</x:t></x:is></x:c><x:c><x:v>104</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c r=\'E2\' t=\'inlineStr\'><x:is><x:t>single quotes</x:t></x:is></x:c><x:c r = "F2"\n s="0"><x:v>7</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="B4"><x:v>98.5</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Tom &amp; Jo</x:t></x:is></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const bytes = await withSheetXml(xml);
    const lo = libreOfficeCsv(bytes);
    const values = modelFromXlsx(bytes).sheets[0].values;
    const asText = (v: CellValue) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(shownValue(v)));
    const width = Math.max(...lo.map((r) => r.length));
    expect(values.map((r) => Array.from({ length: width }, (_, c) => asText(r[c] ?? null)))).toEqual(lo.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '')));
    expect(values[0][1]).toBe('Read score');
    expect(values[3][2]).toBe('Tom & Jo');
    expect(values[1].slice(4)).toEqual(['single quotes', 7]);
  }, 180_000);

  it('leaves phonetic guides out of shared strings, as LibreOffice does', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const strings =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="2" uniqueCount="2">` +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><r><t>Year </t></r><r><rPr><i/></rPr><t>9</t></r></si></sst>';
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>';
    const bytes = await withSheetXml(xml, { 'xl/sharedStrings.xml': strings });
    const parts = unzipSync(bytes);
    // exceljs writes its own shared strings part; when it has none, the part is listed in the package here.
    let types = strFromU8(parts['[Content_Types].xml']);
    if (!types.includes('sharedStrings')) {
      types = types.replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
      parts['[Content_Types].xml'] = strToU8(types);
      const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']).replace(
        '</Relationships>',
        '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      );
      parts['xl/_rels/workbook.xml.rels'] = strToU8(rels);
    }
    const fixed = zipSync(parts);
    expect(modelFromXlsx(fixed).sheets[0].values).toEqual([libreOfficeCsv(fixed)[0]]);
  }, 180_000);
});

/**
 * Opens a file's bytes as the page does (`readWorkbookFile` in openFile.ts, which also hands the
 * reading to a worker): its kind from its first bytes, then the reader, then the message.
 */
async function readWorkbookFile(file: { bytes: Uint8Array; name: string }): Promise<unknown> {
  if (checkFile(file.name, file.bytes.length, file.bytes.subarray(0, 1024 * 1024)) !== 'xlsx') throw new Error('read as CSV');
  return readWorkbookModel(file.name, readXlsxAnswer(file.bytes));
}
const picked = (bytes: Uint8Array, name: string) => ({ bytes, name });

describe('a file that cannot be read', () => {
  it('when cut short (a partial download), says it is damaged and to save or export a new copy', async () => {
    const whole = await cellKinds(false);
    await expect(readWorkbookFile(picked(whole.subarray(0, Math.floor(whole.length / 2)), 'tracker.xlsx'))).rejects.toThrow(
      /"tracker\.xlsx" could not be read as an Excel workbook \(.+\)\. The file may be damaged or only partly downloaded: open it in Excel or LibreOffice and save a new copy/,
    );
  });

  it('when a zip holds no workbook, says the same', async () => {
    const notAWorkbook = zipSync({ 'readme.txt': strToU8('hello') });
    await expect(readWorkbookFile(picked(notAWorkbook, 'export.xlsx'))).rejects.toThrow(/"export\.xlsx" could not be read as an Excel workbook \(.+\)\. The file may be damaged/);
  });

  it("when a sheet's XML is broken, says so rather than opening it empty", async () => {
    const broken = await withSheetXml('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>');
    await expect(readWorkbookFile(picked(broken, 'cut.xlsx'))).rejects.toThrow(/"cut\.xlsx" could not be read as an Excel workbook/);
  });

  it('when protected with a password (an encrypted package in an OLE2 file), says how to remove the password', async () => {
    // The compound-file signature and the "EncryptionInfo" stream name (UTF-16LE) Excel writes for a
    // password-protected workbook (MS-OFFCRYPTO 2.3.4); no tool here writes a real one.
    const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1016).fill(0)];
    const name = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);
    const file = Uint8Array.from([...head, ...name, ...new Array(4096).fill(0)]);
    await expect(readWorkbookFile(picked(file, 'locked.xlsx'))).rejects.toThrow(/"locked\.xlsx" is protected with a password.*remove the password/);
  });
});

describe('a 1904-system file saved from the preview', () => {
  it("keeps its dates on their days: the user's sheet, an edited date and a new sheet's dates, read back by exceljs", async () => {
    const file = new ExcelJS.Workbook();
    file.properties.date1904 = true;
    const ws = file.addWorksheet('Dates');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 10, 22));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('A2').value = new Date(Date.UTC(2026, 10, 23));
    ws.getCell('A2').numFmt = 'dd/mm/yyyy';
    ws.getCell('B1').value = 5;
    const bytes = new Uint8Array(await file.xlsx.writeBuffer());
    const model = modelFromXlsx(bytes);
    const wb = new MemoryWorkbook(model);
    // 1 Jan 2027 is serial 46388 (Python: (date(2027,1,1) - date(1899,12,30)).days).
    wb.setCell('Dates', 1, 0, 46388);
    await wb.writeSheet({
      name: 'Report',
      mode: 'new',
      blocks: [
        {
          row: 0,
          col: 0,
          values: [['Run on', 46388]],
          numberFormat: [null, 'dd/mm/yyyy'],
        },
        { row: 1, col: 0, values: [['Pupils', 7]] },
      ],
    });
    const saved = await xlsxFromModel(ExcelJS, wb, {
      bytes,
      kept: keptSheets(model, wb.toJSON(), (n) => wb.displayValues(n)),
    });
    const back = await exceljsRead(saved);
    expect(back.properties.date1904).toBe(true);
    expect(back.getWorksheet('Dates')?.getCell('A1').value).toEqual(new Date(Date.UTC(2026, 10, 22)));
    expect(back.getWorksheet('Dates')?.getCell('A2').value).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(back.getWorksheet('Dates')?.getCell('B1').value).toBe(5);
    expect(back.getWorksheet('Report')?.getCell('B1').value).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(back.getWorksheet('Report')?.getCell('B2').value).toBe(7);
    // And reopened in the preview, the same serials.
    const again = modelFromXlsx(saved);
    expect(again.sheets.find((s) => s.name === 'Dates')?.values.map((r) => r[0])).toEqual([46348, 46388]);
    expect(again.sheets.find((s) => s.name === 'Report')?.values[0]).toEqual(['Run on', 46388]);
  });
});
