import { loadChecklist, saveChecklist, saveSnapshot } from '../../src/jobs/checklist';
import { emptyState, responseOf, withResponse, withStep } from '../../src/core/checklist/model';
import { MemoryWorkbook, type WorkbookModel } from '../../src/workbook/memoryWorkbook';
import { CHECKLIST_SHEET, FIRST_ITEM_ROW, columnIndex } from '../../src/core/checklist/layout';
import { statementsOf } from '../../src/core/checklist/model';

const NOV = new Date(2026, 10, 22, 10, 5);
const FEB = new Date(2027, 1, 3, 16, 30);

describe('checklist jobs on the in-memory workbook', () => {
  it('save then resume (after the file is saved and reopened) gives back the step and answers', async () => {
    const wb = new MemoryWorkbook();
    const opened = await loadChecklist(wb);
    expect(opened.state).toEqual(emptyState());
    let s = withResponse(opened.state, 'culture', { rating: 'Embedded', evidence: 'Survey' });
    s = withResponse(s, 'sets', { rating: 'Developing', owner: 'Deputy head' });
    s = withStep(s, 3);
    const saved = await saveChecklist(wb, s, NOV);
    expect(saved.sheetName).toBe('Checklist');
    expect(await wb.readSheetValues('Checklist')).not.toBeNull();

    const reopened = await loadChecklist(MemoryWorkbook.fromJSON(JSON.stringify(wb.toJSON())));
    expect(reopened.notes).toEqual([]);
    expect(reopened.state.step).toBe(3);
    expect(responseOf(reopened.state, 'culture')).toMatchObject({ rating: 'Embedded', evidence: 'Survey' });
    expect(responseOf(reopened.state, 'sets')).toMatchObject({ rating: 'Developing', owner: 'Deputy head' });
  });

  it('snapshots on two days keep both rows of the history; the same day replaces its row', async () => {
    const wb = new MemoryWorkbook();
    const first = await saveSnapshot(wb, withResponse(emptyState(), 'culture', { rating: 'Embedded' }), NOV);
    expect(first.history).toHaveLength(1);
    expect(first.replacedToday).toBe(false);
    const again = await saveSnapshot(wb, first.state, NOV);
    expect(again.history).toHaveLength(1);
    expect(again.replacedToday).toBe(true);
    const later = await saveSnapshot(wb, again.state, FEB);
    expect(later.history.map((h) => h.date)).toEqual(['2026-11-22', '2027-02-03']);
    expect(later.historySheet).toBe(first.historySheet);
  });
});

describe('colleagues\' rules on the Checklist (in-memory workbook)', () => {
  /** The workbook as saved, with what a colleague then did to the Checklist in Excel, reopened. */
  function withColleague(wb: MemoryWorkbook, edit: (sheet: Record<string, unknown>) => void): MemoryWorkbook {
    const model: WorkbookModel = wb.toJSON();
    edit(model.sheets.find((s) => s.name === CHECKLIST_SHEET) as unknown as Record<string, unknown>);
    return MemoryWorkbook.fromJSON(JSON.stringify(model));
  }
  const checklistOf = (wb: MemoryWorkbook) => wb.toJSON().sheets.find((s) => s.name === CHECKLIST_SHEET) as unknown as Record<string, unknown[]>;

  it('a re-save keeps a colleague\'s formula rule and drop-down list, and the add-in\'s colour scale is not doubled', async () => {
    const review = withResponse(emptyState(), 'culture', { rating: 'Embedded', owner: 'Head' });
    const first = new MemoryWorkbook();
    const saved = await saveChecklist(first, review, NOV);
    const n = statementsOf(review).length;
    const overdue = { type: 'Custom', areas: [{ row: FIRST_ITEM_ROW, col: columnIndex('Review date'), rows: n, cols: 1 }], formula: `=I${FIRST_ITEM_ROW + 1}<TODAY()` };
    const staff = { type: 'List', areas: [{ row: FIRST_ITEM_ROW, col: columnIndex('Owner'), rows: n, cols: 1 }], formula1: 'Head,Deputy head,SENCo' };
    const wb = withColleague(first, (sheet) => {
      sheet.otherConditionalFormats = [overdue];
      sheet.dataValidations = [staff];
    });
    // The owner changes in the task pane (that Owner cell is rewritten); then a second save.
    const again = await saveChecklist(wb, withResponse(saved.state, 'culture', { owner: 'Deputy head' }), FEB);
    await saveChecklist(wb, again.state, FEB);
    const sheet = checklistOf(wb);
    expect(sheet.otherConditionalFormats).toEqual([overdue]);
    expect(sheet.dataValidations).toEqual([staff]);
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(wb.displayValue(CHECKLIST_SHEET, FIRST_ITEM_ROW, columnIndex('Owner'))).toBe('Deputy head');
  });

  it('the add-in\'s colour scale read back in Excel\'s terms is recognised and replaced; a colleague\'s copy on Rating stays', async () => {
    const review = withResponse(emptyState(), 'culture', { rating: 'Embedded' });
    const first = new MemoryWorkbook();
    await saveChecklist(first, review, NOV);
    const ours = checklistOf(first).conditionalFormats[0] as { row: number; col: number; rows: number; cols: number };
    // Excel's description of the add-in's rule, upper- or lower-case colours as Excel may give them.
    const inExcelTerms = (area: { row: number; col: number; rows: number; cols: number }) => ({
      type: 'ColorScale',
      areas: [area],
      colorScale: {
        minimum: { type: 'LowestValue', color: '#f8696b' },
        midpoint: { type: 'Percentile', formula: '50', color: '#FFEB84' },
        maximum: { type: 'HighestValue', color: '#63be7b' },
      },
    });
    const copy = inExcelTerms({ row: FIRST_ITEM_ROW, col: columnIndex('Rating'), rows: 3, cols: 1 });
    const wb = withColleague(first, (sheet) => {
      sheet.conditionalFormats = [];
      sheet.otherConditionalFormats = [inExcelTerms({ row: ours.row, col: ours.col, rows: ours.rows, cols: ours.cols }), copy];
    });
    await saveChecklist(wb, review, FEB);
    const sheet = checklistOf(wb);
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.otherConditionalFormats).toEqual([copy]);
  });
});

