import {
  RATING_KEY_WORDS,
  asCellText,
  buildChecklistSheet,
  buildHistorySheet,
  readHistory,
  snapshotOf,
  withSnapshot,
  type Snapshot,
} from '../../src/reports/checklistSheet';
import { addCustom, emptyState, withResponse, type ChecklistState } from '../../src/core/checklist/model';
import { AREAS } from '../../src/core/checklist/items';
import type { Block, CellValue } from '../../src/workbook/port';
import { renderValues } from '../core/checklist/renderSheet';

function review(): ChecklistState {
  let s = emptyState();
  s = withResponse(s, 'culture', { rating: 'Embedded', evidence: '- survey\n- assemblies', owner: 'Head', reviewDate: '2027-03-31' });
  s = withResponse(s, 'sets', { rating: 'Developing' });
  s = withResponse(s, 'impact', { rating: 'Amber' });
  return s;
}

function blockAt(blocks: Block[], row: number, col: number): Block | undefined {
  return blocks.find((b) => b.row === row && b.col === col);
}

describe('the Checklist sheet', () => {
  const spec = buildChecklistSheet(review(), { name: 'Checklist', mode: 'new', savedAt: '2026-11-22 10:05' });
  const values = renderValues(spec);

  test('has the title, then the header row on row 4 and the eleven statements on rows 5 to 15', () => {
    expect(values[0][0]).toBe('Closing-the-gap checklist');
    expect(values[3].slice(0, 9)).toEqual(['Area', 'No.', 'Statement', 'Rating', 'Points', 'Evidence', 'Owner', 'Next action', 'Review date']);
    expect(values.slice(4, 15).map((r) => r[1])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(values[4][0]).toBe('High expectations for every pupil');
    expect(String(values[4][2]).split('\n')[0]).toBe('A visible culture of high expectations');
    expect(values[4].slice(3, 9)).toEqual(['Embedded', values[4][4], "'- survey\n- assemblies", 'Head', null, '2027-03-31']);
    expect(values[11][3]).toBe('Amber'); // statement 8 on row 12
  });

  test('each row turns its rating word into points with a plain Excel lookup on the rating key', () => {
    expect(values[4][4]).toBe('=IF(TRIM(D5)="","",IFERROR(VLOOKUP(TRIM(D5),$K$5:$L$13,2,FALSE),IF(AND(ISNUMBER(D5),D5>=0,D5<=3),D5,NA())))');
    expect(values[14][4]).toContain('VLOOKUP(TRIM(D15),$K$5:$L$13');
    // The key: K4:L13, the same points as GAPS.CHECKLISTSCORE.
    expect(values.slice(3, 13).map((r) => [r[10], r[11]])).toEqual([
      ['Rating key', 'Points'],
      ['Not started', 0],
      ['Developing', 1],
      ['Emerging', 1],
      ['Established', 2],
      ['Secure', 2],
      ['Embedded', 3],
      ['Red', 0],
      ['Amber', 1.5],
      ['Green', 3],
    ]);
    expect(RATING_KEY_WORDS).toHaveLength(9);
  });

  test('shows per-area scores and the overall score both with GAPS.CHECKLISTSCORE and with plain AVERAGE', () => {
    expect(values[16][0]).toBe('Scores by area');
    expect(values[17].slice(0, 5)).toEqual(['Area', 'Rated', 'Statements', 'Score', 'Score (GAPS add-in)']);
    expect(values.slice(18, 25).map((r) => r[0])).toEqual(AREAS.map((a) => a.name));
    expect(values[18].slice(1, 4)).toEqual([
      '=COUNTIFS($A$5:$A$15,A19,$E$5:$E$15,">=0")',
      '=COUNTIF($A$5:$A$15,A19)',
      '=IF(B19=0,"",AVERAGEIFS($E$5:$E$15,$A$5:$A$15,A19)/3)',
    ]);
    expect(values[25].slice(0, 5)).toEqual(['Overall', '=COUNT(E5:E15)', 11, '=IF(B26=0,"",AVERAGE(E5:E15)/3)', '=GAPS.CHECKLISTSCORE(D5:D15)']);
    const scores = blockAt(spec.blocks, 17, 0);
    expect(scores?.numberFormat).toEqual([null, '0', '0', '0%', '0%']);
  });

  test('is print-friendly and marks the columns colleagues may edit', () => {
    expect(spec).toMatchObject({ name: 'Checklist', mode: 'new', printLandscape: true, freezeRows: 4, activate: false });
    expect(spec.columnWidths?.slice(0, 9)).toEqual([150, 32, 330, 85, 45, 250, 90, 200, 80]);
    expect(blockAt(spec.blocks, 4, 3)?.style).toBe('input');
    expect(blockAt(spec.blocks, 4, 5)).toMatchObject({ style: 'input', wrap: true, numberFormat: [null, null, null, 'yyyy-mm-dd'] });
    expect(blockAt(spec.blocks, 4, 0)?.wrap).toBe(true);
  });

  test("our own statements extend the table and every range that scores it", () => {
    const s = withResponse(addCustom(review(), { area: 'barriers', title: 'Attendance', text: 'FSM attendance tracked weekly' }), 'custom-1', { rating: 'Green' });
    const v = renderValues(buildChecklistSheet(s, { name: 'Checklist', mode: 'replace', savedAt: 'x' }));
    expect(v[15].slice(0, 4)).toEqual(['Understanding what holds progress back', 12, 'Attendance\nFSM attendance tracked weekly', 'Green']);
    expect(v[26].slice(0, 5)).toEqual(['Overall', '=COUNT(E5:E16)', 12, '=IF(B27=0,"",AVERAGE(E5:E16)/3)', '=GAPS.CHECKLISTSCORE(D5:D16)']);
  });

  test('text that Excel would take for a formula is kept as text', () => {
    expect(asCellText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(asCellText('- bullet')).toBe("'- bullet");
    expect(asCellText('-5')).toBe('-5');
    expect(asCellText('')).toBeNull();
    expect(asCellText('Survey')).toBe('Survey');
  });

  test('building the sheet does not change the review', () => {
    const s = Object.freeze(review());
    const before = JSON.stringify(s);
    buildChecklistSheet(s, { name: 'Checklist', mode: 'new', savedAt: 'x' });
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('the Checklist history sheet', () => {
  const first = snapshotOf(review(), '2026-09-01');
  const second = snapshotOf(withResponse(review(), 'sets', { rating: 'Established' }), '2026-11-22');

  test('a snapshot holds the date, overall score and each area score', () => {
    // By hand: Embedded 3, Developing 1, Amber 1.5: overall (3 + 1 + 1.5) / 3 / 3 = 0.6111;
    // expectations (3 + 1) / 2 / 3 = 0.6667; measuring 1.5 / 3 = 0.5.
    expect(first.date).toBe('2026-09-01');
    expect(first.overall).toBeCloseTo(5.5 / 9, 12);
    expect(first.rated).toBe(3);
    expect(first.areas.expectations).toBeCloseTo(2 / 3, 12);
    expect(first.areas.measuring).toBeCloseTo(0.5, 12);
    expect(first.areas.leadership).toBeNull();
  });

  test('keeps earlier rows when a new review is added, and replaces a same-day snapshot', () => {
    const h1 = withSnapshot([], first);
    const h2 = withSnapshot(h1, second);
    expect(h2.map((h) => h.date)).toEqual(['2026-09-01', '2026-11-22']);
    const again = withSnapshot(h2, { ...second, overall: 0.9 });
    expect(again.map((h) => [h.date, h.overall])).toEqual([
      ['2026-09-01', first.overall],
      ['2026-11-22', 0.9],
    ]);
  });

  test('reads back what it wrote, so rewriting it keeps every earlier row', () => {
    const spec = buildHistorySheet([first, second], { name: 'Checklist history', mode: 'replace' });
    const back = readHistory(renderValues(spec));
    expect(back).toEqual([first, second]);
    const third = snapshotOf(emptyState(), '2027-02-01');
    const v3 = renderValues(buildHistorySheet(withSnapshot(back, third), { name: 'Checklist history', mode: 'replace' }));
    expect(readHistory(v3).map((h) => h.date)).toEqual(['2026-09-01', '2026-11-22', '2027-02-01']);
  });

  test('charts this review against the previous one as clustered columns', () => {
    const spec = buildHistorySheet([first, second], { name: 'Checklist history', mode: 'new' });
    expect(spec.charts).toEqual([
      {
        type: 'columnClustered',
        title: 'Area scores: 2026-11-22 against 2026-09-01',
        data: { row: 8, col: 0, rows: 8, cols: 3 },
        seriesBy: 'columns',
        at: { row: 17, col: 0 },
        width: 560,
        height: 300,
        yAxisTitle: 'Score (0-100%)',
      },
    ]);
    const v = renderValues(spec);
    expect(v[8]).toEqual(expect.arrayContaining(['Area', 'Previous review (2026-09-01)', 'This review (2026-11-22)']));
    // By hand: previous (Embedded 3 + Developing 1) / 2 / 3 = 0.6667; now (Embedded 3 + Established 2) / 2 / 3 = 0.8333.
    expect(v[9][0]).toBe('High expectations for every pupil');
    expect(v[9][1]).toBeCloseTo(2 / 3, 12);
    expect(v[9][2]).toBeCloseTo(5 / 6, 12);
  });

  test('one review only: the chart shows this review alone', () => {
    const spec = buildHistorySheet([first], { name: 'Checklist history', mode: 'new' });
    expect(spec.charts?.[0]).toMatchObject({ title: 'Area scores: 2026-09-01', data: { cols: 2 } });
  });

  test("colleagues' edits in the history are tolerated: blank rows skipped, odd scores read as blank, serial dates read", () => {
    const rows: CellValue[][] = renderValues(buildHistorySheet([first], { name: 'h', mode: 'new' }));
    rows.splice(5, 0, [null, null], [46348, 'n/a', 2]);
    const back: Snapshot[] = readHistory(rows);
    expect(back.map((h) => [h.date, h.overall, h.rated])).toEqual([
      ['2026-09-01', first.overall, 3],
      ['2026-11-22', null, 2],
    ]);
    expect(readHistory(null)).toEqual([]);
    expect(readHistory([['nothing here']])).toEqual([]);
  });
});
