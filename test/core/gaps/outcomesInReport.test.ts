import * as fs from 'fs';
import * as path from 'path';
import { analyseGaps, type GapReportOptions } from '../../../src/core/gaps/analysis';
import { analyseOutcomes } from '../../../src/core/outcomes/analysis';
import { benjaminiHochberg } from '../../../src/core/stats/benjaminiHochberg';
import type { CellValue } from '../../../src/workbook/port';

/** The sample workbook's Year 9 table (assets/sample/tracker.json), as the workbook reads it. */
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
const col = (h: string) => {
  const i = data.headers.indexOf(h);
  if (i < 0) throw new Error(`no column ${h}`);
  return i;
};
const outcomeColumns = { sessionsPossible: col('Sessions Possible'), sessionsAttended: col('Sessions Attended'), suspensions: col('Suspensions'), fsmShare: col('FSM % of Time') };
const base: GapReportOptions = {
  columns: { disadvantaged: col('PP'), id: col('UPN'), names: [col('Forename'), col('Surname')], form: col('Form') },
  assessments: ['Eng Aut', 'Eng Spr', 'Eng Sum', 'Ma Aut', 'Ma Spr', 'Ma Sum'].map((h) => ({ index: col(h), scale: 'gcse' as const })),
};
const withOutcomes: GapReportOptions = { ...base, outcomes: { columns: outcomeColumns } };

describe('analyseGaps: outcomes beside attainment on the sample (Year 9)', () => {
  const a = analyseGaps(data, withOutcomes);
  const o = a.outcomes!;
  const find = (measure: string, group = 'all') => {
    const r = o.results.find((x) => x.measure === measure && x.group === group);
    if (!r) throw new Error(`no ${measure} ${group}`);
    return r;
  };

  test('the outcome comparisons are the outcomes analysis of the same pupils, measure by measure', () => {
    const own = analyseOutcomes(data, { disadvantaged: col('PP'), columns: outcomeColumns });
    expect(o.results.map((r) => [r.measure, r.group])).toEqual(own.results.map((r) => [r.measure, r.group]));
    own.results.forEach((r, i) => {
      const g = o.results[i];
      for (const k of ['nDisadvantaged', 'nOther', 'valueDisadvantaged', 'valueOther', 'gap', 'lower', 'upper', 'ratio', 'ratioLower', 'ratioUpper', 'p'] as const) {
        if (Number.isNaN(r[k])) expect(g[k]).toBeNaN();
        else expect(g[k]).toBeCloseTo(r[k], 12);
      }
    });
    expect(o.columns).toEqual(['Sessions Possible', 'Sessions Attended', 'Suspensions', 'FSM % of Time']);
    expect(o.longTermCounts?.['long-term']).toBe(17);
  });

  test('the attendance gap and its Welch interval are R t.test on the sample', () => {
    // R: d <- read.csv("year9.csv"); pp <- d$PP == "Y"; att <- 100 * d$Sessions.Attended / d$Sessions.Possible
    //    t.test(att[pp], att[!pp])
    const r = find('attendance');
    expect(r.nDisadvantaged).toBe(51);
    expect(r.nOther).toBe(129);
    expect(r.valueDisadvantaged).toBeCloseTo(88.0376598136334, 9);
    expect(r.valueOther).toBeCloseTo(92.3409544193803, 9);
    expect(r.gap).toBeCloseTo(-4.30329460574698, 9);
    expect(r.lower).toBeCloseTo(-7.06638606542453, 6);
    expect(r.upper).toBeCloseTo(-1.54020314606944, 6);
    expect(r.p).toBeCloseTo(0.00262623336121072, 6);
    // Long-term (FSM 90%+ of their time) against the same others: t.test(att[lt], att[!pp]), lt <- pp & d$FSM... >= 90
    const lt = find('attendance', 'long-term');
    expect(lt.nDisadvantaged).toBe(17);
    expect(lt.gap).toBeCloseTo(-8.18704207074182, 9);
    expect(lt.lower).toBeCloseTo(-13.492347431425, 6);
    expect(lt.upper).toBeCloseTo(-2.88173671005862, 6);
  });

  test('the persistent absence gap is a Newcombe interval computed by hand in R', () => {
    // R: pa <- att <= 90; 28 of 51 PP and 31 of 129 others.
    //    a <- prop.test(28, 51, correct = FALSE)$conf.int; b <- prop.test(31, 129, correct = FALSE)$conf.int
    //    d <- 28/51 - 31/129; 100 * c(d, d - sqrt((28/51 - a[1])^2 + (b[2] - 31/129)^2), d + sqrt((a[2] - 28/51)^2 + (31/129 - b[1])^2))
    //    prop.test(c(28, 31), c(51, 129), correct = FALSE)$p.value
    const r = find('persistent');
    expect(r.nDisadvantaged).toBe(51);
    expect(r.valueDisadvantaged).toBeCloseTo((100 * 28) / 51, 9);
    expect(r.valueOther).toBeCloseTo((100 * 31) / 129, 9);
    expect(r.gap).toBeCloseTo(30.8709530323757, 9);
    expect(r.lower).toBeCloseTo(15.1354141012212, 5);
    expect(r.upper).toBeCloseTo(45.278299463095, 5);
    expect(r.p).toBeCloseTo(7.00809807276622e-5, 8);
    // Suspensions per 100 pupils: 15 over 51 and 14 over 129; R poisson.test(c(15, 14), c(51, 129))$p.value
    const s = find('suspensionRate');
    expect(s.valueDisadvantaged).toBeCloseTo((100 * 15) / 51, 9);
    expect(s.p).toBeCloseTo(0.0114518311991296, 6);
  });

  test('every outcome comparison joins the report\'s Benjamini-Hochberg family and its count of comparisons', () => {
    const plain = analyseGaps(data, base);
    expect(plain.outcomes).toBeNull();
    const withP = o.results.filter((r) => !Number.isNaN(r.p));
    expect(withP.length).toBe(o.results.length);
    expect(a.chance.comparisons).toBe(plain.chance.comparisons + withP.length);
    expect(a.chance.adjusted).toBe(plain.chance.adjusted + withP.length);
    expect(a.chance.headline).toBe(plain.chance.headline);
    // The family in the order the analysis adjusts it: non-headline gaps and changes, then the outcomes.
    // (benjaminiHochberg itself is checked against R's p.adjust in test/core/stats.)
    const family: number[] = [];
    for (const r of a.results) {
      if (!r.headline && !Number.isNaN(r.summary.p)) family.push(r.summary.p);
      if (r.change && !Number.isNaN(r.change.p)) family.push(r.change.p);
    }
    const adjusted = benjaminiHochberg([...family, ...o.results.map((r) => r.p)]);
    o.results.forEach((r, i) => {
      expect(r.adjustedP).toBeCloseTo(adjusted[family.length + i], 12);
      expect(r.clear).toBe(!r.tooFew && r.adjustedP <= 0.05);
      expect(r.verdict).toBe(r.tooFew ? 'too few pupils to tell' : r.clear ? 'clear gap' : 'no clear gap');
    });
    expect(find('attendance').verdict).toBe('clear gap');
    expect(find('persistent').verdict).toBe('clear gap');
  });

  test('Back on Track lists each persistently absent disadvantaged pupil with that reason, beside their subjects', () => {
    const plain = analyseGaps(data, base);
    expect(plain.backOnTrack.some((b) => b.subjects.some((s) => s.subject === 'Attendance'))).toBe(false);
    const absent = a.backOnTrack.filter((b) => b.subjects.some((s) => s.subject === 'Attendance'));
    // R: sum(pa & pp) is 28; the lowest attendance is D151851207250 on 60.3% (d$UPN[pa & pp][order(att[pa & pp])]).
    expect(absent).toHaveLength(28);
    expect(o.persistentlyAbsent).toBe(28);
    const worst = absent.find((b) => b.id === 'D151851207250')!;
    const item = worst.subjects.find((s) => s.subject === 'Attendance')!;
    expect(item.attendance).toBeCloseTo(0.603030303030303, 12);
    // Their FSM % of Time is 100: long-term disadvantaged.
    expect(item.reason).toBe('Attendance: persistently absent, 60.3% of sessions attended (39.7% missed; 10% or more is persistent absence); long-term disadvantaged (90%+ of their time on free school meals)');
    expect(item.latest).toBe('Sessions Attended / Sessions Possible');
    expect(item.steps).toBe(1);
    // Every pupil still has their subjects: the attainment items are those of the report without outcomes.
    for (const b of plain.backOnTrack) {
      const now = a.backOnTrack.find((x) => x.row === b.row)!;
      expect(now.subjects.filter((s) => s.subject !== 'Attendance')).toEqual(b.subjects);
    }
    for (let k = 1; k < a.backOnTrack.length; k++) expect(a.backOnTrack[k - 1].behind).toBeGreaterThanOrEqual(a.backOnTrack[k].behind);
  });
});

describe('analyseGaps: outcomes with small groups and unknown status', () => {
  // Four disadvantaged pupils (one severely absent) and eight others; a score so the report has an assessment.
  const headers = ['UPN', 'PP', 'Ma Sum', 'Attendance %'];
  const rows: CellValue[][] = [
    ['A', 'Y', 4, '95%'], ['B', 'Y', 3, 0.82], ['C', 'Y', 5, 45], ['D', 'Y', 4, 'n/a'], ['E', 'Y', 6, 91],
    ['F', 'N', 5, 97], ['G', 'N', 6, 96], ['H', null, 5, 88], ['I', 'N', 7, 99], ['J', 'N', 4, 93], ['K', null, 6, 98], ['L', 'N', 5, 94], ['M', 'N', 6, 92],
  ]; // prettier-ignore
  const opts = (blanks: 'unknown' | 'not disadvantaged'): GapReportOptions => ({
    columns: { disadvantaged: 1, id: 0 },
    assessments: [{ index: 2, scale: 'gcse' }],
    blanks,
    outcomes: { columns: { attendance: 3 } },
  });

  test('a group under 6 pupils says "too few pupils to tell" and is never clear', () => {
    const a = analyseGaps({ headers, rows }, opts('unknown'));
    const att = a.outcomes!.results.find((r) => r.measure === 'attendance')!;
    expect(att.nDisadvantaged).toBe(4);
    expect(att.tooFew).toBe(true);
    expect(att.clear).toBe(false);
    expect(att.verdict).toBe('too few pupils to tell');
    expect(att.note).toBe('Too few pupils to tell: only 4 pupils (disadvantaged), fewer than 6.');
    expect(a.outcomes!.notes.join(' ')).toMatch(/1 pupil has no attendance figure/);
  });

  test('pupils whose status is unknown are in neither group; read as not disadvantaged they join the others', () => {
    const unknown = analyseGaps({ headers, rows }, opts('unknown')).outcomes!.results.find((r) => r.measure === 'attendance')!;
    const counted = analyseGaps({ headers, rows }, opts('not disadvantaged')).outcomes!.results.find((r) => r.measure === 'attendance')!;
    expect(unknown.nOther).toBe(6);
    expect(counted.nOther).toBe(8);
    // Others' mean attendance without and with H (88) and K (98).
    expect(unknown.valueOther).toBeCloseTo((97 + 96 + 99 + 93 + 94 + 92) / 6, 9);
    expect(counted.valueOther).toBeCloseTo((97 + 96 + 88 + 99 + 93 + 98 + 94 + 92) / 8, 9);
  });

  test('a severely absent pupil counts two steps on Back on Track and says so', () => {
    const a = analyseGaps({ headers, rows }, opts('unknown'));
    const c = a.backOnTrack.find((b) => b.id === 'C')!;
    const item = c.subjects.find((s) => s.subject === 'Attendance')!;
    expect(item.steps).toBe(2);
    expect(item.reason).toBe('Attendance: severely absent, 45.0% of sessions attended (55.0% missed; 50% or more is severe absence)');
    expect(a.backOnTrack.find((b) => b.id === 'B')!.subjects.map((s) => s.reason)).toContain('Attendance: persistently absent, 82.0% of sessions attended (18.0% missed; 10% or more is persistent absence)');
    // Others are never on the list, however absent.
    expect(a.backOnTrack.some((b) => b.id === 'H')).toBe(false);
  });

  test('an outcome column that is not in the data is refused with what to do', () => {
    expect(() => analyseGaps({ headers, rows }, { ...opts('unknown'), outcomes: { columns: { attendance: 9 } } })).toThrow(/not in the data.*choose the columns again/);
  });
});
