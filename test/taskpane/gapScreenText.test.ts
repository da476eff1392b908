/** Sentences the gap screen and the data step print, for the cases that used to read badly. */
import { headlineText } from '../../src/taskpane/screens/GapAnalysisScreen';
import { pointText } from '../../src/taskpane/screens/gap/headline';
import { noRowsMessage } from '../../src/taskpane/components/DataStep';
import { analyseGaps } from '../../src/core/gaps/analysis';

describe('the gap headline in the pane', () => {
  test('a tiny group prints "too few pupils to tell" with its sizes, never n/a, NaN or -0.00', () => {
    // Two disadvantaged pupils, one of them without a score: one pupil with a score, no interval.
    const rows = [['Y', 4], ['Y', null], ['', 5], ['', 6], ['', 4], ['', 5], ['', 6], ['', 5]];
    const a = analyseGaps({ headers: ['PP', 'Ma Sum'], rows }, { columns: { disadvantaged: 0 }, assessments: [{ index: 1, scale: 'gcse' }] });
    const text = headlineText(a.results[0]);
    expect(text).toBe('too few pupils to tell (1 disadvantaged, 6 others)');
    expect(text).not.toMatch(/n\/a|NaN|-0\.00/);
  });

  test('a gap that rounds to zero prints 0.00, not -0.00', () => {
    const base = [3, 4, 5, 6, 7, 5, 4, 6];
    // The others' mean is 0.001 below the disadvantaged pupils' (by hand: 49.99 / 10 against 40 / 8), so the gap is -0.001.
    const rows = [...base.map((x) => ['Y', x]), ...base.map((x) => ['', x - 0.001]).slice(0, 8), ['', 5.0], ['', 4.998]];
    const a = analyseGaps({ headers: ['PP', 'Ma Sum'], rows }, { columns: { disadvantaged: 0 }, assessments: [{ index: 1, scale: 'gcse' }] });
    expect(a.results[0].summary.gap).toBeCloseTo(-0.001, 12);
    expect(headlineText(a.results[0])).toMatch(/^0\.00 points, 95% CI -?\d/);
  });
});

describe('the empty-data message', () => {
  test('blank selected cells say the cells are empty', () => {
    expect(noRowsMessage({ kind: 'selection' }, { headers: ['Column 1', 'Column 2'] })).toBe(
      "The selected cells are empty. Select the pupils' rows with their header row, then read the selected cells.",
    );
  });
  test('a selected header row without pupils says so in a sentence that reads properly', () => {
    expect(noRowsMessage({ kind: 'selection' }, { headers: ['UPN', 'PP'] })).toMatch(/^The selected cells hold a header row but no pupils under it\./);
  });
  test('a sheet keeps its message', () => {
    expect(noRowsMessage({ kind: 'sheet', name: 'Year 9' }, { headers: ['UPN'] })).toBe("Sheet Year 9 has headers but no pupils under them. Choose the pupils' rows with their header row.");
  });
});

describe('the assessment point beside the subject', () => {
  test('is shown when the header has one, and not repeated when the header is the subject itself', () => {
    expect(pointText({ subject: 'Maths', point: 'Y9 Aut' })).toBe(' (Y9 Aut)');
    expect(pointText({ subject: 'Maths KS2', point: 'Maths KS2' })).toBe('');
    expect(pointText({ subject: 'Reading', point: '' })).toBe('');
  });
});
