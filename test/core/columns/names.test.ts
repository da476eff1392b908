/**
 * Pupils' names read "Forename Surname" whatever the order of the name columns in the data: the
 * sample (assets/sample/tracker.json) has Surname before Forename, as many MIS exports do. The
 * expected names are the sample's own cells, "<Forename> <Surname>", read here from the JSON.
 */
import * as fs from 'fs';
import * as path from 'path';
import { orderNameColumns } from '../../../src/core/columns/names';
import { analyseGaps } from '../../../src/core/gaps/analysis';
import { analyseOutcomes } from '../../../src/core/outcomes/analysis';
import type { CellValue } from '../../../src/workbook/port';

function year9(): { headers: string[]; rows: CellValue[][] } {
  const model = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../assets/sample/tracker.json'), 'utf8')) as {
    sheets: Array<{ name: string; values: CellValue[][]; tables: Array<{ row: number; col: number; rows: number; cols: number }> }>;
  };
  const sheet = model.sheets.find((s) => s.name === 'Year 9');
  if (!sheet) throw new Error('no Year 9 sheet in the sample');
  const t = sheet.tables[0];
  const block = sheet.values.slice(t.row, t.row + t.rows).map((r) => Array.from({ length: t.cols }, (_, c) => r[t.col + c] ?? null));
  return { headers: block[0].map((h) => String(h)), rows: block.slice(1) };
}

const data = year9();
const col = (h: string) => data.headers.indexOf(h);
/** The pupil of a data row as the list should name them: forename, then surname. */
const forenameSurname = (k: number) => `${String(data.rows[k][col('Forename')])} ${String(data.rows[k][col('Surname')])}`;

describe('orderNameColumns', () => {
  test('puts forenames first and surnames last, as the headers say; other name columns keep their place between', () => {
    expect(orderNameColumns(['Surname', 'Forename'], [0, 1])).toEqual([1, 0]);
    expect(orderNameColumns(['Last Name', 'First Name'], [0, 1])).toEqual([1, 0]);
    expect(orderNameColumns(['Family name', 'Middle', 'Given name'], [0, 1, 2])).toEqual([2, 1, 0]);
    expect(orderNameColumns(['Legal Surname', 'Preferred Forename'], [0, 1])).toEqual([1, 0]);
    expect(orderNameColumns(['UPN', 'SURNAME', 'forename'], [1, 2])).toEqual([2, 1]);
    // Already in order, or a single column: unchanged.
    expect(orderNameColumns(['Forename', 'Surname'], [0, 1])).toEqual([0, 1]);
    expect(orderNameColumns(['Name'], [0])).toEqual([0]);
  });

  test('does not change the list it is given', () => {
    const given = [0, 1];
    orderNameColumns(['Surname', 'Forename'], given);
    expect(given).toEqual([0, 1]);
  });
});

describe('lists of pupils name them "Forename Surname" though the sample has Surname first', () => {
  test('the sample has Surname before Forename', () => {
    expect(col('Surname')).toBeLessThan(col('Forename'));
  });

  test('Back on Track, with the name columns given in the data order', () => {
    const a = analyseGaps(data, {
      columns: { disadvantaged: col('PP'), id: col('UPN'), names: [col('Surname'), col('Forename')], form: col('Form') },
      assessments: ['Eng Aut', 'Eng Spr', 'Eng Sum', 'Ma Aut', 'Ma Spr', 'Ma Sum'].map((h) => ({ index: col(h), scale: 'gcse' as const })),
    });
    expect(a.backOnTrack.length).toBeGreaterThan(0);
    expect(a.backOnTrack.map((r) => r.name)).toEqual(a.backOnTrack.map((r) => forenameSurname(r.row)));
  });

  test('the persistently absent disadvantaged pupils of the outcomes analysis', () => {
    const o = analyseOutcomes(data, {
      disadvantaged: col('PP'),
      columns: { sessionsPossible: col('Sessions Possible'), sessionsAttended: col('Sessions Attended') },
      idColumn: col('UPN'),
      nameColumns: [col('Surname'), col('Forename')],
    });
    expect(o.persistentlyAbsent.length).toBeGreaterThan(0);
    expect(o.persistentlyAbsent.map((p) => p.name)).toEqual(o.persistentlyAbsent.map((p) => forenameSurname(p.row)));
  });
});
