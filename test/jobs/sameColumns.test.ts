/** Every job reads the chosen data again before it runs, and stops when the columns changed. */
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import { readSameColumns, requireSameColumns } from '../../src/jobs/sameColumns';

describe('readSameColumns', () => {
  const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values: [['UPN', 'FSM', 'Maths'], ['A1', 'Y', 5]] }]);

  it('gives the data when the columns are the ones chosen', async () => {
    const data = await readSameColumns(wb, { kind: 'sheet', name: 'Year 9' }, ['UPN', 'FSM', 'Maths']);
    expect(data.rows).toEqual([['A1', 'Y', 5]]);
  });

  it('names the first column that changed, or says only that the columns changed when there are more or fewer', async () => {
    await expect(readSameColumns(wb, { kind: 'sheet', name: 'Year 9' }, ['UPN', 'PP', 'Maths'])).rejects.toThrow(
      'The columns of the data changed since it was chosen (column 2 was "PP" and is now "FSM"): choose the data again and check the columns.',
    );
    expect(() => requireSameColumns(['UPN', 'FSM'], ['UPN', 'FSM', 'Maths'])).toThrow('The columns of the data changed since it was chosen: choose the data again and check the columns.');
  });
});
