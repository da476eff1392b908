import { csvCell, csvTextToSheet, excelSerial, guessDelimiter } from '../../../src/preview/open/csvImport';
import { OpenFileError } from '../../../src/preview/open/fileCheck';

// Excel serial numbers of dates: R `as.numeric(as.Date("2012-09-01") - as.Date("1899-12-30"))` gives 41153,
// and `as.Date("2013-01-31") - as.Date("1899-12-30")` 41305.
describe('CSV exports as a sheet', () => {
  it('reads a SIMS-style export: BOM, commas, quoted fields with commas, blank trailing rows', () => {
    const text = '\uFEFFUPN,Surname,PP,DOB,Ma Aut\r\n"A123456789012","Smith, Jo",Y,01/09/2012,6\r\n"B123",O\'Neil,N,31/01/2013,4.5\r\n\r\n,,,,\r\n\r\n';
    const sheet = csvTextToSheet(text, 'Year 9 export.csv');
    expect(sheet.name).toBe('Year 9 export');
    expect(sheet.values).toEqual([
      ['UPN', 'Surname', 'PP', 'DOB', 'Ma Aut'],
      ['A123456789012', 'Smith, Jo', 'Y', 41153, 6],
      ['B123', "O'Neil", 'N', 41305, 4.5],
    ]);
    expect(sheet.formats).toEqual([{ row: 1, col: 3, rows: 2, cols: 1, numberFormat: 'dd/mm/yyyy' }]);
    expect(sheet.freezeRows).toBe(1);
  });

  it('reads an Arbor/Bromcom-style export with ";" separators and no BOM, and a quoted ";" inside a field', () => {
    const text = 'Pupil;FSM6;Reading\n"Lee; Sam";TRUE;102\nAsh;FALSE;97\n';
    expect(guessDelimiter(text)).toBe(';');
    const sheet = csvTextToSheet(text, 'arbor.csv');
    expect(sheet.values).toEqual([
      ['Pupil', 'FSM6', 'Reading'],
      ['Lee; Sam', 'TRUE', 102],
      ['Ash', 'FALSE', 97],
    ]);
  });

  it('keeps identifiers with leading zeros, formula-like text and grades as text', () => {
    expect(csvCell('007').value).toBe('007');
    expect(csvCell('0.5').value).toBe(0.5);
    expect(csvCell('=SUM(A1)').value).toBe("'=SUM(A1)");
    expect(csvCell('4-').value).toBe('4-');
    expect(csvCell('31/02/2013').value).toBe('31/02/2013');
    expect(csvCell('2013-01-31')).toEqual({ value: 41305, isDate: true });
    expect(excelSerial(2013, 2, 29)).toBeNull();
  });

  it('ignores a trailing separator on every row', () => {
    const sheet = csvTextToSheet('a,b,\n1,2,\n3,4,\n', 'x.csv');
    expect(sheet.values).toEqual([['a', 'b'], [1, 2], [3, 4]]);
  });

  it('refuses rows with a different number of fields, naming the rows and saying what to do', () => {
    const text = 'UPN,PP,Ma\nA1,Y,5\nA2,Smith, Jo,N,4\nA3,N\nA4,Y,6\n';
    expect(() => csvTextToSheet(text, 'bad.csv')).toThrow(OpenFileError);
    expect(() => csvTextToSheet(text, 'bad.csv')).toThrow(/row 3 has more fields than the 3 headings, and row 4 has fewer fields.*Export again with text in quotes/);
  });

  it('refuses a file with no rows', () => {
    expect(() => csvTextToSheet('\n\n', 'empty.csv')).toThrow(/has no rows of data/);
  });
});
