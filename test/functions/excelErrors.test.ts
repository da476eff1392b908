/**
 * Excel shows a custom function's message only on #VALUE! and #N/A (any other code reaches the cell
 * bare), so every core error kind maps to one of those two, with the function's name and the reason.
 */
import { GapsError, type GapsErrorKind } from '../../src/core/errors';
import { guard, isExcelError, toExcelError } from '../../src/functions/excelErrors';
import { confidenceArg } from '../../src/functions/args';

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

describe('result size', () => {
  test('a result over what Excel on the web can show from one formula is #VALUE! with a message, before Excel gets it', () => {
    const big = Array.from({ length: 100_001 }, () => [1]);
    const r = guard('GAPS.TEST', () => big);
    expect(isExcelError(r)).toBe(true);
    expect((r as { message: string }).message).toMatch(/100,001 cells.*about 2 MB.*only the pupils' rows/);
    const fine = Array.from({ length: 1_000 }, () => [1, 2]);
    expect(guard('GAPS.TEST', () => fine)).toBe(fine);
  });
});

describe('blank cells passed as 0', () => {
  test('a 0 confidence (a blank cell as some desktop builds pass it) gives the default 0.95; other bad levels still say what to fix', () => {
    expect(confidenceArg(0)).toBe(0.95);
    expect(confidenceArg([[0]])).toBe(0.95);
    expect(confidenceArg(null)).toBe(0.95);
    expect(confidenceArg(0.9)).toBe(0.9);
    expect(() => confidenceArg(95)).toThrow(/fraction between 0 and 1/);
  });
});
