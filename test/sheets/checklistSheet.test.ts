import { isoToSerial } from '../../src/core/dates';
import { dateCell } from '../../src/sheets/common';
import { toExcelValue } from '../../src/workbook/cellText';
import {
  RATING_KEY_WORDS,
  asCellText,
  buildChecklistSheet,
  buildHistorySheet,
  readHistory,
  snapshotOf,
  withSnapshot,
  type Snapshot,
} from '../../src/sheets/checklistSheet';
import { addCustom, emptyState, responseOf, withResponse, withStep, type ChecklistState } from '../../src/core/checklist/model';
import { loadChecklist, saveChecklist, saveProgress, saveSnapshot } from '../../src/jobs/checklist';
import { AREAS } from '../../src/core/checklist/items';
import type { Block, CellValue, SheetSpec, WorkbookPort, WriteResult } from '../../src/workbook/port';
import { renderValues } from './renderSheet';

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
    // The review date is a date serial under a date format: 46477 from R,
    // as.numeric(as.Date("2027-03-31") - as.Date("1899-12-30")).
    expect(values[4].slice(3, 9)).toEqual(['Embedded', values[4][4], "'- survey\n- assemblies", 'Head', null, 46477]);
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
    // A leading sign is protected where the value is sent to Excel (one rule, workbook/cellText.ts).
    expect(toExcelValue(asCellText('- bullet'))).toBe("'- bullet");
    expect(asCellText("'Tis")).toBe("''Tis");
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

  test('each review date is a date cell (a serial under a date format), and a sheet an earlier version wrote as text still reads', () => {
    const spec = buildHistorySheet([first, second], { name: 'Checklist history', mode: 'replace' });
    const table = spec.blocks.find((b) => b.values[0]?.[0] === 'Review date') as Block;
    // Python: (date(2026,9,1) - date(1899,12,30)).days = 46266; (date(2026,11,22) - date(1899,12,30)).days = 46348.
    expect(table.values.slice(1).map((r) => r[0])).toEqual([46266, 46348]);
    expect((table.numberFormat as string[])[0]).toBe('yyyy-mm-dd');
    // The old form: ISO text (as an apostrophe-marked text cell reads back, and without the mark).
    const old = renderValues(spec).map((r) => r.map((v) => (v === 46266 ? "'2026-09-01" : v === 46348 ? '2026-11-22' : v)));
    expect(readHistory(old).map((h) => h.date)).toEqual(['2026-09-01', '2026-11-22']);
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
        // Axis ticks as percentages, like the scores they measure.
        yAxisFormat: '0%',
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

// ---- Saving and resuming through a workbook ---------------------------------------------------


/**
 * A small workbook that keeps the port's rules (a 'new' sheet gets a unique name, 'replace' only
 * rewrites a sheet the add-in created) and saves/reopens through JSON, like a file.
 */
class FileLikeWorkbook implements WorkbookPort {
  readonly kind = 'memory' as const;
  sheets = new Map<string, { values: CellValue[][]; owned: boolean }>();
  state = new Map<string, string>();
  writes: string[] = [];

  async listSheets() {
    return [...this.sheets.keys()].map((name) => ({ name, visible: true }));
  }
  async listTables() {
    return [];
  }
  readData(): never {
    throw new Error('not used');
  }
  async readSheetValues(name: string) {
    return this.sheets.get(name)?.values.map((r) => [...r]) ?? null;
  }
  async writeSheet(spec: SheetSpec): Promise<WriteResult> {
    let name = spec.name;
    if (spec.mode === 'replace') {
      if (!this.sheets.get(name)?.owned) throw new Error(`The add-in did not create the sheet "${name}", so it will not overwrite it.`);
    } else {
      for (let i = 2; this.sheets.has(name); i++) name = `${spec.name} (${i})`;
    }
    this.sheets.set(name, { values: renderValues(spec), owned: true });
    this.writes.push(`${spec.mode} ${name}`);
    return { sheetName: name, address: `'${name}'!A1` };
  }
  async ownsSheet(name: string) {
    return this.sheets.get(name)?.owned ?? false;
  }
  async loadState(key: string) {
    return this.state.get(key) ?? null;
  }
  async saveState(key: string, value: string) {
    this.state.set(key, value);
  }
  async activateSheet() {}
  /** A colleague edits a cell (0-based row and column). */
  setCell(sheet: string, row: number, col: number, value: CellValue) {
    const values = this.sheets.get(sheet)?.values;
    if (!values) throw new Error(`no sheet ${sheet}`);
    while (values.length <= row) values.push([]);
    values[row][col] = value;
  }
  toJSON(): string {
    return JSON.stringify({ sheets: [...this.sheets], state: [...this.state] });
  }
  static fromJSON(json: string): FileLikeWorkbook {
    const o = JSON.parse(json);
    const wb = new FileLikeWorkbook();
    wb.sheets = new Map(o.sheets);
    wb.state = new Map(o.state);
    return wb;
  }
}

const NOV = new Date(2026, 10, 22, 10, 5);
const FEB = new Date(2027, 1, 3, 16, 30);

describe('saving and resuming the checklist in the workbook', () => {
  test('after saving and reopening the file, the review resumes at the same step with its answers', async () => {
    const wb = new FileLikeWorkbook();
    const opened = await loadChecklist(wb);
    expect(opened).toEqual({ state: emptyState(), notes: [] });
    let s = withResponse(opened.state, 'culture', { rating: 'Embedded', evidence: 'Survey' });
    s = withResponse(s, 'sets', { rating: 'Developing', owner: 'Deputy head' });
    s = withStep(s, 3);
    const saved = await saveChecklist(wb, s, NOV);
    expect(saved.sheetName).toBe('Checklist');
    expect(wb.writes).toEqual(['new Checklist']);

    const reopened = await loadChecklist(FileLikeWorkbook.fromJSON(wb.toJSON()));
    expect(reopened.notes).toEqual([]);
    expect(reopened.state.step).toBe(3);
    expect(responseOf(reopened.state, 'culture')).toMatchObject({ rating: 'Embedded', evidence: 'Survey' });
    expect(responseOf(reopened.state, 'sets')).toMatchObject({ rating: 'Developing', owner: 'Deputy head' });
    expect(reopened.state.savedAt).toBe('2026-11-22 10:05');
  });

  test('saving only the place (no sheet) also resumes there', async () => {
    const wb = new FileLikeWorkbook();
    await saveProgress(wb, withStep(withResponse(emptyState(), 'data', { rating: 'Established' }), 5));
    const again = await loadChecklist(FileLikeWorkbook.fromJSON(wb.toJSON()));
    expect(again.state.step).toBe(5);
    expect(wb.sheets.size).toBe(0);
  });

  test("a colleague's edit on the sheet is read in when the wizard opens, and the second save replaces the sheet", async () => {
    const wb = new FileLikeWorkbook();
    await saveChecklist(wb, withResponse(emptyState(), 'culture', { rating: 'Developing' }), NOV);
    wb.setCell('Checklist', 4, 3, 'Established'); // D5: statement 1
    wb.setCell('Checklist', 6, 6, 'Head of maths'); // G7: owner of statement 3
    wb.setCell('Checklist', 7, 3, 'Sort of'); // D8: statement 4, not a rating
    const opened = await loadChecklist(FileLikeWorkbook.fromJSON(wb.toJSON()));
    expect(responseOf(opened.state, 'culture').rating).toBe('Established');
    expect(responseOf(opened.state, 'data').owner).toBe('Head of maths');
    expect(responseOf(opened.state, 'bursary').rating).toBeNull();
    expect(opened.notes[0]).toBe('Read in changes made on the Checklist sheet to statements 1, 3.');
    expect(opened.notes[1]).toMatch(/^Row 8 of the Checklist sheet \(statement 4, .*\) has the rating "Sort of"/);
    const second = await saveChecklist(wb, opened.state, FEB);
    expect(wb.writes).toEqual(['new Checklist', 'replace Checklist']);
    expect(second.state.written?.culture.rating).toBe('Established');
  });

  test("a user's own sheet called Checklist is never overwritten: the review gets its own sheet and keeps it", async () => {
    const wb = new FileLikeWorkbook();
    wb.sheets.set('Checklist', { values: [['Our own checklist']], owned: false });
    const first = await saveChecklist(wb, withResponse(emptyState(), 'culture', { rating: 'Embedded' }), NOV);
    expect(first.sheetName).toBe('Checklist (2)');
    await saveChecklist(wb, first.state, FEB);
    expect(wb.writes).toEqual(['new Checklist (2)', 'replace Checklist (2)']);
    expect(wb.sheets.get('Checklist')?.values).toEqual([['Our own checklist']]);
  });

  test('a deleted Checklist sheet is noted and written afresh on the next save', async () => {
    const wb = new FileLikeWorkbook();
    const first = await saveChecklist(wb, withResponse(emptyState(), 'culture', { rating: 'Embedded' }), NOV);
    wb.sheets.delete('Checklist');
    const opened = await loadChecklist(wb);
    expect(opened.notes).toEqual(['The sheet "Checklist" is no longer in the workbook (deleted or renamed). The review is kept here; saving writes a new Checklist sheet.']);
    expect(responseOf(opened.state, 'culture').rating).toBe('Embedded');
    await saveChecklist(wb, opened.state, FEB);
    expect(wb.writes).toEqual(['new Checklist', 'new Checklist']);
    expect(first.sheetName).toBe('Checklist');
  });

  test('review snapshots keep earlier rows across saves and reopening', async () => {
    const wb = new FileLikeWorkbook();
    const a = await saveSnapshot(wb, withResponse(emptyState(), 'culture', { rating: 'Developing' }), NOV);
    expect(a).toMatchObject({ historySheet: 'Checklist history', replacedToday: false });
    const reopened = FileLikeWorkbook.fromJSON(wb.toJSON());
    const loaded = await loadChecklist(reopened);
    const b = await saveSnapshot(reopened, withResponse(loaded.state, 'culture', { rating: 'Embedded' }), FEB);
    // By hand: November 1 / 3 = 0.3333 (Developing); February 3 / 3 = 1 (Embedded).
    expect(b.history.map((h) => [h.date, h.overall])).toEqual([
      ['2026-11-22', 1 / 3],
      ['2027-02-03', 1],
    ]);
    expect(readHistory(await reopened.readSheetValues('Checklist history')).map((h) => h.date)).toEqual(['2026-11-22', '2027-02-03']);
    const c = await saveSnapshot(reopened, b.state, FEB);
    expect(c.replacedToday).toBe(true);
    expect(c.history).toHaveLength(2);
    expect(reopened.writes.filter((w) => w.endsWith('history'))).toEqual(['replace Checklist history', 'replace Checklist history']);
  });
});

test('dates become Excel serials (1900 system); text that is not a date stays text', () => {
  // R: as.numeric(as.Date(c("2027-03-31","1900-03-01","1900-02-28")) - as.Date("1899-12-30")) = 46477 61 60,
  // Excel counts a 29 Feb 1900, so 28 Feb 1900 is serial 59 and 1 Jan 1900 is 1.
  expect(isoToSerial('2027-03-31')).toBe(46477);
  expect(isoToSerial('1900-03-01')).toBe(61);
  expect(isoToSerial('1900-02-28')).toBe(59);
  expect(isoToSerial('1900-01-01')).toBe(1);
  expect(isoToSerial('2027-02-30')).toBeNull();
  expect(dateCell('2027-03-31')).toBe(46477);
  expect(dateCell('next term')).toBe('next term');
  expect(dateCell('2027-02-30')).toBe('2027-02-30');
});
