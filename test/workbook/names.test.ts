/** Sheet names Excel accepts (1-31 characters, no [ ] : * ? / \, unique case-insensitively), worked out by hand. */
import { sanitiseSheetName, sheetNameText, uniqueSheetName } from '../../src/workbook/names';
import { gapReportName } from '../../src/sheets/gapReport';
import { impactSheetName } from '../../src/sheets/interventionReport';

describe('uniqueSheetName', () => {
  it('keeps a free name, and numbers a taken one case-insensitively', () => {
    expect(uniqueSheetName('Gap report 2026-11-23', ['Year 9'])).toBe('Gap report 2026-11-23');
    expect(uniqueSheetName('Gap report 2026-11-23', ['gap REPORT 2026-11-23'])).toBe('Gap report 2026-11-23 (2)');
    expect(uniqueSheetName('Gap report 2026-11-23', ['Gap report 2026-11-23', 'Gap report 2026-11-23 (2)'])).toBe('Gap report 2026-11-23 (3)');
  });

  it('shortens the words before a date, never the date, to fit a copy number in 31 characters', () => {
    const first = impactSheetName('Year 9 reading tutoring', new Date(2026, 10, 23));
    expect(first).toBe('Impact Year 9 readin 2026-11-23'); // 31 characters
    const second = uniqueSheetName(first, [first]);
    expect(second).toBe('Impact Year 9 re 2026-11-23 (2)'); // 31 characters: "Impact Year 9 re" + " 2026-11-23" + " (2)"
    expect(second.length).toBeLessThanOrEqual(31);
    expect(uniqueSheetName(first, [first, second])).toBe('Impact Year 9 re 2026-11-23 (3)');
  });

  it('shortens a long name without a date from the end', () => {
    const long = 'A very long sheet name for a report';
    expect(uniqueSheetName(long, [sanitiseSheetName(long)])).toBe('A very long sheet name for (2)');
  });
});

describe('sanitiseSheetName', () => {
  it('replaces slashes and colons, drops other forbidden characters and end apostrophes, cuts to 31', () => {
    expect(sanitiseSheetName('Gap report 22/11/2026')).toBe('Gap report 22-11-2026');
    expect(sanitiseSheetName("'Set [3]: *maths?'")).toBe('Set 3- maths');
    expect(sanitiseSheetName('x'.repeat(40))).toBe('x'.repeat(31));
    expect(sanitiseSheetName('history')).toBe('History (2)');
    expect(sanitiseSheetName('   ')).toBe('Sheet');
  });
});

describe('one sheet-name rule for every report name', () => {
  it('cleans a data name and an intervention name the way it cleans a whole sheet name', () => {
    expect(sheetNameText(" 'Set [3]: *maths?' ")).toBe('Set 3- maths');
    expect(sheetNameText("St Mary's 9/10")).toBe("St Mary's 9-10");
    expect(gapReportName(new Date(2026, 10, 22), 'Y9/10')).toBe('Gap report 2026-11-22 Y9-10');
    expect(gapReportName(new Date(2026, 10, 22), "'[*]'")).toBe('Gap report 2026-11-22');
    expect(impactSheetName('Y7/8 reading', new Date(2026, 10, 22))).toBe('Impact Y7-8 reading 2026-11-22');
    expect(impactSheetName('Reading', new Date(2026, 10, 22), 'Set 9/1')).toBe('Impact Readi Set 9-1 2026-11-22');
  });
});
