import { checkFile, MAX_FILE_BYTES } from '../../../src/preview/open/fileCheck';

const bytes = (...b: number[]) => Uint8Array.from(b);
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(text: string): number[] {
  return Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
}

describe('which files the preview opens', () => {
  it('takes a zip as a workbook and text as CSV, whatever the name says', () => {
    expect(checkFile('tracker.xlsx', 100, bytes(0x50, 0x4b, 0x03, 0x04, 1, 2))).toBe('xlsx');
    expect(checkFile('export.txt', 100, new TextEncoder().encode('UPN,PP\nA,Y\n'))).toBe('csv');
  });

  it('refuses an old .xls by its magic bytes, even when it is named .xlsx', () => {
    expect(() => checkFile('old.xlsx', 5000, bytes(...OLE2, 0, 0))).toThrow(/old Excel 97-2003 workbook.*save it as "Excel Workbook \(.xlsx\)"/);
  });

  it('refuses a password-protected workbook and says how to remove the password', () => {
    const head = bytes(...OLE2, ...new Array(600).fill(0), ...utf16('EncryptionInfo'), 0, 0);
    expect(() => checkFile('locked.xlsx', 5000, head)).toThrow(/protected with a password.*remove the password/);
  });

  it('refuses an empty file, a file over the limit, a damaged workbook and a binary file', () => {
    expect(() => checkFile('e.csv', 0, bytes())).toThrow(/is empty/);
    expect(() => checkFile('big.csv', 50 * 1024 * 1024, bytes(0x41))).toThrow(/is 50.0 MB; the preview opens files up to 40.0 MB\. Export only/);
    expect(MAX_FILE_BYTES).toBeLessThan(50 * 1024 * 1024);
    expect(() => checkFile('broken.xlsx', 10, bytes(1, 2, 3))).toThrow(/damaged or only part of it was saved/);
    expect(() => checkFile('photo.jpg', 10, bytes(0xff, 0xd8, 0, 0))).toThrow(/neither an Excel workbook/);
  });
});
