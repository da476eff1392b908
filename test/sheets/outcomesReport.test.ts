import { analyseOutcomes } from '../../src/core/outcomes/analysis';
import { buildOutcomesReport } from '../../src/sheets/outcomesReport';
import type { TableData } from '../../src/workbook/port';

const OTHERS = [98, 96, 94, 99, 89, 97, 92, 95];

/** Disadvantaged pupils with these attendances against eight others. */
function data(disadvantaged: number[]): TableData {
  const rows = [...disadvantaged.map((a, i) => [`D${i + 1}`, 'Y', a]), ...OTHERS.map((a, i) => [`O${i + 1}`, null, a])];
  return { headers: ['UPN', 'PP', 'Attendance %'], rows, description: 'sheet "Year 9"', address: `'Year 9'!A1:C${rows.length + 1}` };
}

function outcomesTable(d: TableData) {
  const analysis = analyseOutcomes(d, { disadvantaged: 1, columns: { attendance: 2 }, idColumn: 0 });
  const spec = buildOutcomesReport(analysis, d, { disadvantaged: 'PP', columns: ['Attendance: "Attendance %"'] }, new Date(Date.UTC(2026, 11, 3)));
  return { analysis, table: spec.blocks.find((b) => b.table?.name === 'Outcomes') };
}

describe('the Outcomes table of the "Attendance and outcomes" report', () => {
  it('greys the rows of a group under the small-group size (6), leaving its header row plain', () => {
    const { analysis, table } = outcomesTable(data([92, 85, 97, 70]));
    expect(analysis.results.length).toBeGreaterThan(0);
    expect(analysis.results.every((r) => r.nDisadvantaged === 4)).toBe(true);
    expect(table?.rowTones).toEqual([null, ...analysis.results.map(() => 'muted')]);
  });

  it('greys no row when both groups have 6 pupils or more', () => {
    const { analysis, table } = outcomesTable(data([92, 85, 97, 70, 88, 91]));
    expect(analysis.results.every((r) => r.nDisadvantaged === 6)).toBe(true);
    expect(table?.rowTones).toEqual([null, ...analysis.results.map(() => null)]);
  });
});
