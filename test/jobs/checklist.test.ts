import { loadChecklist, saveChecklist, saveSnapshot } from '../../src/jobs/checklist';
import { emptyState, responseOf, withResponse, withStep } from '../../src/core/checklist/model';
import { MemoryWorkbook } from '../../src/workbook/memoryWorkbook';

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
