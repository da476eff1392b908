import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { loadSampleWorkbook } from '../../src/preview/sampleLoader';
import { readFlag, readScore, FLAG_TRUE } from '../../src/core/cells';
import { dosDateTime, fixZipDates } from '../../scripts/zipDates';

const SAMPLE = path.resolve(__dirname, '../../assets/sample');

describe('the sample workbook', () => {
  test('opens with three year groups, three Year 11 cohorts and a trust as sheets and tables, and the formulas sheet', async () => {
    const wb = loadSampleWorkbook();
    expect(wb.getSheetNames()).toEqual(['Year 7', 'Year 8', 'Year 9', 'Y11 2023', 'Y11 2024', 'Y11 2025', 'Trust Y11 2025', 'Try the formulas']);
    await expect(wb.listTables()).resolves.toEqual([
      { name: 'Year7', sheet: 'Year 7', rowCount: 180 },
      { name: 'Year8', sheet: 'Year 8', rowCount: 180 },
      { name: 'Year9', sheet: 'Year 9', rowCount: 180 },
      { name: 'Y11_2023', sheet: 'Y11 2023', rowCount: 150 },
      { name: 'Y11_2024', sheet: 'Y11 2024', rowCount: 150 },
      { name: 'Y11_2025', sheet: 'Y11 2025', rowCount: 150 },
      { name: 'TrustY11', sheet: 'Trust Y11 2025', rowCount: 709 },
    ]);
  });

  test('has the MIS columns, a disadvantaged share near a quarter to a third, and messy cells', async () => {
    const data = await loadSampleWorkbook().readData({ kind: 'table', name: 'Year9' });
    for (const h of ['UPN', 'FSM6', 'PP', 'SEND', 'KS2 Scaled', 'Set', 'Ma Aut', 'Tutoring', 'Reading Pre', 'Reading Post']) expect(data.headers).toContain(h);
    const pp = data.headers.indexOf('PP');
    const share = data.rows.filter((r) => readFlag(r[pp]) === FLAG_TRUE).length / data.rows.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.36);
    const cells = data.rows.flat();
    expect(cells).toContain('ABS');
    expect(cells.some((c) => typeof c === 'string' && /^ \d+$/.test(c))).toBe(true);
    const upn = data.headers.indexOf('UPN');
    expect(data.rows.every((r) => /^[A-Z]\d{12}$/.test(String(r[upn])))).toBe(true);
  });

  test('the preview computes the formulas sheet: FSMGAP equals a hand computation on Year 9', async () => {
    const wb = loadSampleWorkbook();
    const data = await wb.readData({ kind: 'table', name: 'Year9' });
    const post = data.headers.indexOf('Reading Post');
    const fsm = data.headers.indexOf('FSM6');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const scored = data.rows.filter((r) => !Number.isNaN(readScore(r[post])));
    const others = scored.filter((r) => readFlag(r[fsm]) !== FLAG_TRUE).map((r) => readScore(r[post]));
    const dis = scored.filter((r) => readFlag(r[fsm]) === FLAG_TRUE).map((r) => readScore(r[post]));
    const values = (await wb.readSheetValues('Try the formulas')) ?? [];
    const row = values.findIndex((r) => r[0] === 'GAPS.FSMGAP');
    expect(values[row][2]).toBeCloseTo(mean(others) - mean(dis), 10);
    const summary = values.findIndex((r) => r[0] === 'GAPS.GAPSUMMARY');
    expect(values[summary][2]).toBe('Disadvantaged n');
    expect(values[summary][3]).toBe(dis.length);
  });

  test('the JSON stays small and the xlsx holds the tables and live GAPS formulas', async () => {
    expect(fs.statSync(path.join(SAMPLE, 'tracker.json')).size).toBeLessThan(1024 * 1024);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(SAMPLE, 'closing-the-gap-sample.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Year 7', 'Year 8', 'Year 9', 'Y11 2023', 'Y11 2024', 'Y11 2025', 'Trust Y11 2025', 'Try the formulas']);
    const formulas: string[] = [];
    book.getWorksheet('Try the formulas')?.eachRow((row) => row.eachCell((cell) => {
      if (cell.formula) formulas.push(cell.formula);
    }));
    // Stored as Excel stores an add-in's function (_xldudf_NAMESPACE_NAME), never as an unknown dotted name.
    expect(formulas.filter((f) => /GAPS\./.test(f))).toEqual([]);
    const names = new Set(formulas.map((f) => /^_xldudf_GAPS_([A-Z]+)\(/.exec(f)?.[1]));
    for (const n of ['FSMGAP', 'GAPINDEX', 'THRESHOLDGAP', 'GROUPGAP', 'GAPSUMMARY', 'PROGRESSDELTA', 'PROGRESSGAP', 'VALUEADDED', 'GRADEPOINTS', 'EFFECTSIZE', 'INTERVENTIONIMPACT', 'EEFMONTHS', 'CHECKLISTSCORE', 'REPRESENTATION']) {
      expect(names).toContain(n);
    }
    const y9 = book.getWorksheet('Year 9');
    expect(y9?.getCell('A1').value).toBe('UPN');
    expect(y9?.rowCount).toBe(181);
  }, 60_000); // reads the whole sample .xlsx: seconds on a loaded 2-core machine
});

describe('the sample file is the same bytes on every run', () => {
  const xlsx = (): Buffer => fs.readFileSync(path.join(SAMPLE, 'closing-the-gap-sample.xlsx'));

  test('the committed xlsx already carries the fixed entry date (22 November 2026), so regenerating it changes nothing', () => {
    const file = xlsx();
    expect(fixZipDates(file, new Date(Date.UTC(2026, 10, 22))).equals(file)).toBe(true);
  });

  test('re-dating changes only the time and date fields and leaves a workbook Excel can open', async () => {
    const file = xlsx();
    const redated = fixZipDates(file, new Date(Date.UTC(2030, 0, 2, 3, 4, 6)));
    let changed = 0;
    for (let i = 0; i < file.length; i++) if (file[i] !== redated[i]) changed += 1;
    expect(redated.length).toBe(file.length);
    expect(changed).toBeGreaterThan(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(redated.buffer.slice(redated.byteOffset, redated.byteOffset + redated.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Year 7', 'Year 8', 'Year 9', 'Y11 2023', 'Y11 2024', 'Y11 2025', 'Trust Y11 2025', 'Try the formulas']);
  });

  test('MS-DOS dates count years from 1980 and seconds in twos', () => {
    // 2026-11-22 00:00:00 -> ((2026-1980) << 9) | (11 << 5) | 22 = 23926; 03:04:06 -> (3 << 11) | (4 << 5) | 3 = 6275
    expect(dosDateTime(new Date(Date.UTC(2026, 10, 22)))).toEqual({ time: 0, date: 23926 });
    expect(dosDateTime(new Date(Date.UTC(2030, 0, 2, 3, 4, 6)))).toEqual({ time: 6275, date: (50 << 9) | (1 << 5) | 2 });
  });

  test('bytes that are not a zip are refused with a message', () => {
    expect(() => fixZipDates(Buffer.from('not a zip at all, just some text that is long enough'), new Date())).toThrow(/Not a zip file/);
  });
});
