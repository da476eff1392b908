/**
 * Excel shows a custom function's message only on #VALUE! and #N/A (any other code reaches the cell
 * bare), so every core error kind maps to one of those two, with the function's name and the reason.
 */
import { GapsError, type GapsErrorKind } from '../../src/core/errors';
import { toExcelError } from '../../src/functions/excelErrors';

describe('toExcelError', () => {
  const kinds: GapsErrorKind[] = ['value', 'na', 'div0'];
  it.each(kinds)('maps a core "%s" error to a code that carries its message', (kind) => {
    const e = toExcelError('GAPS.TEST', new GapsError(kind, 'the reason')) as unknown as { code: string; message: string };
    expect(['#VALUE!', '#N/A']).toContain(e.code);
    expect(e.message).toBe('GAPS.TEST: the reason');
  });
  it('keeps #VALUE! for bad input and #N/A for what cannot be computed (a zero spread included)', () => {
    const code = (kind: GapsErrorKind) => (toExcelError('GAPS.TEST', new GapsError(kind, 'x')) as unknown as { code: string }).code;
    expect([code('value'), code('na'), code('div0')]).toEqual(['#VALUE!', '#N/A', '#N/A']);
  });
});
