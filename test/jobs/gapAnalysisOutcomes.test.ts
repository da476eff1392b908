import * as fs from 'fs';
import * as path from 'path';
import { runGapAnalysis } from '../../src/jobs/gapAnalysis';
import { analyseOutcomes } from '../../src/core/outcomes/analysis';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';

/** The sample workbook's Year 9 block (assets/sample/tracker.json), header row first. */
function year9(): CellValue[][] {
  const model = JSON.parse(fs.readFileSync(path.join(__dirname, '../../assets/sample/tracker.json'), 'utf8')) as {
    sheets: Array<{ name: string; values: CellValue[][]; tables: Array<{ row: number; col: number; rows: number; cols: number }> }>;
  };
  const sheet = model.sheets.find((s) => s.name === 'Year 9');
  if (!sheet) throw new Error('no Year 9 sheet in the sample');
  const t = sheet.tables[0];
  return sheet.values.slice(t.row, t.row + t.rows).map((r) => Array.from({ length: t.cols }, (_, c) => r[t.col + c] ?? null));
}

/** The rows of the report table whose header row holds every one of `headers`. */
function tableOf(values: CellValue[][], headers: string[]): { header: CellValue[]; rows: CellValue[][] } {
  const h = values.findIndex((r) => headers.every((x) => r.includes(x)));
  expect(h).toBeGreaterThanOrEqual(0);
  const end = values.findIndex((r, i) => i > h && r.every((c) => c === null || c === ''));
  return { header: values[h], rows: values.slice(h + 1, end < 0 ? undefined : end) };
}

describe('gap analysis job with outcome columns, on the sample', () => {
  const values = year9();
  const headers = values[0].map(String);
  const col = (h: string) => headers.indexOf(h);
  const outcomes = { sessionsPossible: col('Sessions Possible'), sessionsAttended: col('Sessions Attended'), suspensions: col('Suspensions'), fsmShare: col('FSM % of Time') };
  const options = {
    columns: { disadvantaged: col('PP'), id: col('UPN'), names: [col('Forename'), col('Surname')] },
    assessments: ['Eng Aut', 'Eng Sum', 'Ma Aut', 'Ma Sum'].map((h) => ({ index: col(h), scale: 'gcse' as const })),
    outcomes: { columns: outcomes },
  };

  it('writes the outcomes beside attainment, with the outcomes analysis\'s figures, the report\'s verdicts and persistent absence on Back on Track', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values }]);
    const run = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 9' }, headers, options, new Date(Date.UTC(2026, 2, 2, 9)));
    const sheet = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    const { header, rows } = tableOf(sheet, ['Outcome', 'Group', 'Gap (disadvantaged minus others)', 'Verdict']);
    const own = analyseOutcomes({ headers, rows: values.slice(1) }, { disadvantaged: col('PP'), columns: outcomes });
    expect(rows).toHaveLength(own.results.length);
    const at = (r: CellValue[], name: string) => r[header.indexOf(name)];
    const row = (outcome: string, group: string) => rows.find((r) => at(r, 'Outcome') === outcome && at(r, 'Group') === group) as CellValue[];

    // R: att <- 100 * d$Sessions.Attended / d$Sessions.Possible; t.test(att[pp], att[!pp])
    const att = row('Attendance (%)', 'All disadvantaged');
    expect(at(att, 'Disadvantaged n')).toBe(51);
    expect(at(att, 'Gap (disadvantaged minus others)') as number).toBeCloseTo(-4.30329460574698, 9);
    expect(at(att, 'Gap lower') as number).toBeCloseTo(-7.06638606542453, 6);
    expect(at(att, 'Gap upper') as number).toBeCloseTo(-1.54020314606944, 6);
    expect(at(att, 'Verdict')).toBe('clear gap');
    // R: Newcombe by hand from prop.test(28, 51) and prop.test(31, 129) Wilson limits.
    const pa = row('Persistent absence (10%+ missed)', 'All disadvantaged');
    expect(at(pa, 'Gap (disadvantaged minus others)') as number).toBeCloseTo(30.8709530323757, 9);
    expect(at(pa, 'Gap lower') as number).toBeCloseTo(15.1354141012212, 5);
    expect(at(pa, 'Gap upper') as number).toBeCloseTo(45.278299463095, 5);
    // The long-term split is there, against the same others.
    expect(at(row('Attendance (%)', 'Long-term disadvantaged (90%+ of their time)'), 'Gap (disadvantaged minus others)') as number).toBeCloseTo(-8.18704207074182, 9);
    // Every row is the outcomes analysis's figure, and its adjusted p the report's.
    own.results.forEach((r, i) => {
      expect(at(rows[i], 'Disadvantaged n')).toBe(r.nDisadvantaged);
      expect(at(rows[i], 'Others') as number).toBeCloseTo(r.valueOther, 12);
      expect(at(rows[i], 'Adjusted p (BH)') as number).toBeCloseTo(run.analysis.outcomes!.results[i].adjustedP, 12);
      expect(at(rows[i], 'Verdict')).toBe(run.analysis.outcomes!.results[i].verdict);
    });

    // The header counts them among the comparisons, and names the columns.
    const line = (label: string) => String(sheet.find((r) => r[0] === label)?.[1] ?? '');
    expect(line('Allowance for chance')).toContain(`${run.analysis.chance.comparisons} comparisons made (gaps, changes and outcomes)`);
    expect(line('Outcomes beside attainment')).toBe('"Sessions Possible", "Sessions Attended", "Suspensions", "FSM % of Time"');
    expect(line('Long-term disadvantage')).toMatch(/^17 long-term/);

    // Back on Track: the pupil with the lowest attendance (60.3%) is listed with that reason.
    const bot = tableOf(sheet, ['ID', 'Name', 'Subjects', 'Why']);
    const pupil = bot.rows.find((r) => r[bot.header.indexOf('ID')] === 'D151851207250') as CellValue[];
    expect(String(pupil[bot.header.indexOf('Subjects')])).toContain('Attendance');
    expect(String(pupil[bot.header.indexOf('Why')])).toContain('Attendance: persistently absent, 60.3% of sessions attended');
    expect(bot.rows.filter((r) => String(r[bot.header.indexOf('Subjects')]).includes('Attendance'))).toHaveLength(28);
  });

  it('without outcome columns the report has no outcomes table and its header says "gaps and changes"', async () => {
    const wb = MemoryWorkbook.withSheets([{ name: 'Year 9', values }]);
    const run = await runGapAnalysis(wb, { kind: 'sheet', name: 'Year 9' }, headers, { ...options, outcomes: undefined }, new Date(Date.UTC(2026, 2, 2, 9)));
    const sheet = (await wb.readSheetValues(run.sheetName)) as CellValue[][];
    expect(sheet.some((r) => r.includes('Gap (disadvantaged minus others)'))).toBe(false);
    expect(String(sheet.find((r) => r[0] === 'Allowance for chance')?.[1])).toContain('comparisons made (gaps and changes)');
    expect(run.analysis.outcomes).toBeNull();
  });
});
