/**
 * Blank flags: counted, and said so when the same column also says "no" in so many words.
 *
 * The small-group floor through gapSummaryOf, by hand in R 4.x (pooled variance, Hsu's df, qt):
 *   o <- c(3,4,5,6,4,5,7,3); d <- c(4,4,4); sp2 <- (7*var(o) + 2*var(d))/9
 *   se <- sqrt(var(o)/8 + sp2/3); mean(o) - mean(d) + c(-1,1)*qt(0.975, 2)*se   # -3.13005188135459 4.38005188135459
 */
import { blankFlagNote, readFlagColumn } from '../../../src/core/gaps/flags';
import { gapSummary, gapSummaryOf } from '../../../src/core/gaps/gapSummary';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('readFlagColumn', () => {
  it('counts blanks and explicit negatives, quoting the first negative as written', () => {
    const c = readFlagColumn(Object.freeze(col(['Y', ' no ', '', null, '  ', 'Y', 0])));
    expect([c.blanks, c.explicitNegatives, c.negativeExample, c.blanksAmbiguous]).toEqual([3, 2, 'no', true]);
    expect(Array.from(c.codes)).toEqual([1, 0, 3, 3, 3, 1, 0]);
  });
  it('treats a column of Y and blanks as unambiguous', () => {
    const c = readFlagColumn(col(['Y', '', null, 'Y']));
    expect([c.blanks, c.explicitNegatives, c.blanksAmbiguous]).toEqual([2, 0, false]);
    expect(blankFlagNote(2, c, 'not disadvantaged')).toBe('');
  });
  it('marks blanks as unknown when asked', () => {
    expect(Array.from(readFlagColumn(col(['Y', '', 'N']), 'unknown').codes)).toEqual([1, 2, 0]);
  });
  it('quotes an unrecognised flag and its row', () => {
    expect(() => readFlagColumn(col(['Y', 'Maybe']))).toThrow(/holds "Maybe" at row 2/);
  });
  it('quotes FALSE and 0 as Excel shows them', () => {
    expect(readFlagColumn(col([false, '', 'Y'])).negativeExample).toBe('FALSE');
  });
});

describe('GAPSUMMARY and blank flags', () => {
  const scores = col([5, 6, 4, 7, 3, 5, 6, 4, 5, 6, 7, 4]);
  it('keeps today\'s reading and no note for a column of Y and blanks', () => {
    const flags = col(['Y', '', 'Y', '', 'Y', '', 'Y', '', 'Y', '', 'Y', '']);
    const s = gapSummary(scores, flags, 0.95, { noteBlanks: true });
    expect([s.nDisadvantaged, s.nOther, s.blankFlags, s.blanksAmbiguous]).toEqual([6, 6, 6, false]);
    expect(s.note).toBe('');
  });
  it('says how many blanks were counted as not disadvantaged when the column also holds "N"', () => {
    const flags = col(['Y', 'N', 'Y', '', 'Y', '', 'Y', 'N', 'Y', 'N', 'Y', 'N']);
    const s = gapSummary(scores, flags, 0.95, { noteBlanks: true });
    expect([s.nDisadvantaged, s.nOther, s.blankFlags]).toEqual([6, 6, 2]);
    expect(s.note).toBe('2 pupils with a blank flag were counted as not disadvantaged, while the column also holds explicit "N": if a blank means "not known", fill those flags in or leave those pupils out.');
  });
  it('does not count a blank flag on a row with no score', () => {
    const s = gapSummary(col([5, 6, 4, 7, 3, 5, 6, 4, 5, 6, 7, 4, '']), col(['Y', 'N', 'Y', 'N', 'Y', 'N', 'Y', 'N', 'Y', 'N', 'Y', 'N', '']), 0.95, { noteBlanks: true });
    expect(s.blankFlags).toBe(0);
    expect(s.note).toBe('');
  });
});

describe('gapSummaryOf (plain numbers)', () => {
  it('equals the range reader on the same pupils (floor off)', () => {
    const a = gapSummaryOf([4, 5, 6, 5, 4, 6, 7], [6, 7, 5, 8, 7, 6, 9], 0.95, { smallGroups: 'welch' });
    const b = gapSummary(col([4, 5, 6, 5, 4, 6, 7, 6, 7, 5, 8, 7, 6, 9]), col([...Array(7).fill('Y'), ...Array(7).fill('N')]));
    expect(a.gap).toBeCloseTo(b.gap, 12);
    expect(a.ciLower).toBeCloseTo(b.ciLower, 12);
    expect(a.gapIndex).toBeCloseTo(b.gapIndex, 12);
  });
  it('floors three pupils all on grade 4 at the pooled variance, with df 2 (R by hand: -3.13005188135459 4.38005188135459)', () => {
    const s = gapSummaryOf(Object.freeze([4, 4, 4]), Object.freeze([3, 4, 5, 6, 4, 5, 7, 3]));
    expect(s.floored).toBe(true);
    expect(s.df).toBe(2);
    expect(s.ciLower).toBeCloseTo(-3.13005188135459, 10);
    expect(s.ciUpper).toBeCloseTo(4.38005188135459, 10);
    expect(s.note).toMatch(/^Small group: only 3 pupils in the disadvantaged group \(fewer than 6\)\. .* no narrower than a pooled-spread interval/);
  });
  it('skips NaN entries and says why statistics are missing for an empty group', () => {
    const s = gapSummaryOf([NaN], [1, 2, 3]);
    expect(s.nDisadvantaged).toBe(0);
    expect(s.unavailable.gap).toMatch(/disadvantaged pupil with a score/);
    expect(() => gapSummaryOf([1, 2], [3, 4], 1.5)).toThrow(/confidence must be a fraction/);
  });
});
