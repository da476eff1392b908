/**
 * Long-term disadvantage (FSM for 90% or more of time in school, FFT Education Datalab) and the
 * proposed destination mapping. The expected categories follow from the definitions by hand
 * (18/20 = 90% is long-term; 17/20 = 85% is not).
 */
import { applyDestinationMapping, disadvantageLength, longTermSplit, proposeDestinationMapping, type DestinationCategory } from '../../../src/core/outcomes';
import { thrown } from '../thrown';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('long-term disadvantage', () => {
  it('counts 90% or more of terms as long-term, exactly at the threshold', () => {
    expect(disadvantageLength(18, 20)).toBe('long-term');
    expect(disadvantageLength(17, 20)).toBe('some of the time');
    expect(disadvantageLength(9, 10)).toBe('long-term');
    expect(disadvantageLength(0, 20)).toBe('never');
    expect(disadvantageLength(NaN, 20)).toBe('unknown');
  });
  it('reads terms eligible and terms in school', () => {
    const s = longTermSplit(col([18, 3, 0, '', 20]), col([20, 20, 20, 20, 20]));
    expect(s.lengths).toEqual(['long-term', 'some of the time', 'never', 'unknown', 'long-term']);
    expect(s.counts).toEqual({ 'long-term': 2, 'some of the time': 1, never: 1, unknown: 1 });
  });
  it('reads a share of time as "95%", 0.95 or 95', () => {
    expect(longTermSplit(col(['95%', 0.2, 0, '', 'n/a', 90, '89%'])).lengths).toEqual(['long-term', 'some of the time', 'never', 'unknown', 'unknown', 'long-term', 'some of the time']);
  });
  it('stops at more terms eligible than in school, and at a share above 100%', () => {
    expect(thrown(() => longTermSplit(col([21]), col([20]))).message).toBe(
      'terms eligible holds 21 at row 1 but terms in school only 20: a pupil cannot be eligible for more terms than they were in school',
    );
    expect(thrown(() => longTermSplit(col(['120%']))).message).toMatch(/holds "120%" at row 1, which is more than 100%/);
  });
});

describe('destinations', () => {
  it('proposes a category for common words and lists the ones it cannot place', () => {
    const p = proposeDestinationMapping(
      col(['Sixth form', 'FE college', 'Apprenticeship', 'NEET', 'Not known', 'Activity not sustained', 'sixth form', 'Gap year', '', 'Employment with training', 'Not in education, employment or training']),
    );
    const byWord = Object.fromEntries(p.mapping.map((m) => [m.word, m.category]));
    expect(byWord).toEqual({
      'SIXTH FORM': 'sustained',
      'FE COLLEGE': 'sustained',
      APPRENTICESHIP: 'sustained',
      NEET: 'NEET',
      'NOT KNOWN': 'unknown',
      'ACTIVITY NOT SUSTAINED': 'not sustained',
      'EMPLOYMENT WITH TRAINING': 'sustained',
      'NOT IN EDUCATION, EMPLOYMENT OR TRAINING': 'NEET',
    });
    expect(p.mapping.find((m) => m.word === 'SIXTH FORM')?.count).toBe(2);
    expect(p.unmapped).toEqual(['GAP YEAR']);
  });
  it('applies the mapping the user confirmed and names a word it does not hold', () => {
    const m = new Map<string, DestinationCategory>([['SIXTH FORM', 'sustained'], ['GAP YEAR', 'not sustained']]);
    expect(applyDestinationMapping(col([' sixth form ', 'Gap year', null]), m)).toEqual(['sustained', 'not sustained', null]);
    expect(thrown(() => applyDestinationMapping(col(['Army']), m)).message).toMatch(/^destinations holds "Army" at row 1, which the confirmed mapping does not place/);
  });
});
