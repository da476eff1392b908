/** Properties every gap measure must keep, whatever the pupils (fast-check). */
/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from 'fast-check';
import * as F from '../../src/functions/functions';
import { isExcelError } from '../../src/functions/excelErrors';

/**
 * Scores from 1: a 0 on a scale where it is impossible (KS2 scaled, standardised) is read as a blank
 * that Excel passed as 0 and left out with a note, so a shift onto 0 is skipped below.
 */
const pupils = fc.array(fc.record({ score: fc.integer({ min: 1, max: 120 }), dis: fc.boolean() }), { minLength: 4, maxLength: 60 })
  .filter((ps) => ps.some((p) => p.dis) && ps.some((p) => !p.dis));
const cols = (ps: { score: number; dis: boolean }[], flip = false, shift = 0) => ({
  s: ps.map((p) => [p.score + shift]),
  f: ps.map((p) => [p.dis !== flip ? 'Y' : 'N']),
});
/** Excel passes an omitted optional argument as null (the TypeScript signatures say undefined). */
const OMITTED = null as unknown as undefined;
const close = (a: unknown, b: unknown) => Math.abs((a as number) - (b as number)) < 1e-9;

describe('gap properties', () => {
  it('swapping the groups negates FSMGAP, GAPINDEX and THRESHOLDGAP', () => {
    fc.assert(fc.property(pupils, (ps) => {
      const a = cols(ps);
      const b = cols(ps, true);
      return close(F.fsmGap(a.s, a.f), -(F.fsmGap(b.s, b.f) as number))
        && close(F.gapIndex(a.s, a.f), -(F.gapIndex(b.s, b.f) as number))
        && close(F.thresholdGap(a.s, a.f, 60), -(F.thresholdGap(b.s, b.f, 60) as number));
    }));
  });
  it('adding a constant to every score leaves the gaps unchanged', () => {
    fc.assert(fc.property(pupils, fc.integer({ min: -50, max: 50 }), (ps, k) => {
      fc.pre(ps.every((p) => p.score + k !== 0));
      const a = cols(ps);
      const b = cols(ps, false, k);
      return close(F.fsmGap(a.s, a.f), F.fsmGap(b.s, b.f)) && close(F.gapIndex(a.s, a.f), F.gapIndex(b.s, b.f));
    }));
  });
  it('reordering pupils leaves the gaps unchanged', () => {
    fc.assert(fc.property(pupils.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }))), ([ps, shuffled]) => {
      const a = cols(ps);
      const b = cols(shuffled);
      return close(F.fsmGap(a.s, a.f), F.fsmGap(b.s, b.f)) && close(F.gapIndex(a.s, a.f), F.gapIndex(b.s, b.f));
    }));
  });
  it('GAPINDEX stays between -10 and 10 and the Welch interval contains the gap', () => {
    fc.assert(fc.property(pupils, (ps) => {
      const a = cols(ps);
      const gi = F.gapIndex(a.s, a.f) as number;
      const sum = F.gapSummary(a.s, a.f, null);
      const [gap, lo, hi] = [sum[4][1], sum[5][1], sum[6][1]];
      const intervalOk = typeof lo !== 'number' || typeof hi !== 'number' || (lo <= (gap as number) + 1e-9 && (gap as number) <= hi + 1e-9);
      return gi >= -10 - 1e-9 && gi <= 10 + 1e-9 && intervalOk;
    }));
  });
  it('adding a constant to baseline and current leaves PROGRESSDELTA unchanged', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 30 }), fc.integer({ min: -20, max: 20 }), (pairs, k) => {
      const a = F.progressDelta(pairs.map(([b]) => [b]), pairs.map(([, c]) => [c]), OMITTED);
      const b = F.progressDelta(pairs.map(([x]) => [x + k]), pairs.map(([, c]) => [c + k]), OMITTED);
      return a.every((r, i) => close(r[0], b[i][0]));
    }));
  });
  it('VALUEADDED residuals from the cohort line sum to zero', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 80, max: 120 }), fc.integer({ min: 0, max: 9 })), { minLength: 3, maxLength: 40 }).filter((ps) => new Set(ps.map((p) => p[0])).size > 1), (pairs) => {
      const va = F.valueAdded(pairs.map(([b]) => [b]), pairs.map(([, c]) => [c]));
      return Math.abs(va.reduce((s, r) => s + (r[0] as number), 0)) < 1e-6;
    }));
  });
});

const messyCell = fc.oneof(
  fc.integer({ min: -5, max: 130 }), fc.double({ noNaN: false }), fc.constantFrom(null, '', '  ', 'Y', 'N', 'ABS', 'yes', 'FSM', 'Maybe', '5+', 'U', 'A*', '4c', ' 98 ', 'Embedded', 'NaN'),
  fc.boolean(), fc.string({ maxLength: 6 }), fc.constant({ code: '#N/A', message: '' }), fc.constant(undefined),
);
const messyColumn = (n: number) => fc.array(messyCell, { minLength: n, maxLength: n }).map((xs) => xs.map((x) => [x]));

describe('no input makes a function throw, hang or return anything but a number, a spill or an Excel error', () => {
  const okValue = (v: unknown) => typeof v === 'number' || isExcelError(v) || (Array.isArray(v) && v.every((r) => Array.isArray(r)));
  it('holds for every GAPS function on messy columns', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(messyColumn(n), messyColumn(n), messyColumn(n), messyCell)), ([a, b, c, x]) => {
      const results = [
        F.fsmGap(a, b), F.gapIndex(a, b), F.thresholdGap(a, b, x), F.groupGap(a, b, x, null), F.gapSummary(a, b, x),
        F.progressDelta(a, b, c), F.progressGap(a, b, c), F.valueAdded(a, b, OMITTED), F.gradePoints(a, null as unknown as unknown[][]),
        F.effectSize(a, b, x), F.interventionImpact(a, b, c, null), F.eefMonths(x), F.checklistScore(a, null as unknown as unknown[][]), F.representation(a, b, x),
      ];
      return results.every(okValue);
    }), { numRuns: 300 });
  });
});

describe('more gap properties', () => {
  const trios = fc.array(fc.record({ base: fc.integer({ min: 80, max: 120 }), cur: fc.integer({ min: 80, max: 120 }), dis: fc.boolean() }), { minLength: 2, maxLength: 50 })
    .filter((ps) => ps.some((p) => p.dis) && ps.some((p) => !p.dis));
  it('swapping the groups negates PROGRESSGAP, and reordering pupils leaves it unchanged', () => {
    fc.assert(fc.property(trios, fc.integer({ min: 0, max: 1000 }), (ps, seed) => {
      const b = ps.map((p) => [p.base]);
      const c = ps.map((p) => [p.cur]);
      const f = ps.map((p) => [p.dis ? 'Y' : 'N']);
      const flipped = ps.map((p) => [p.dis ? 'N' : 'Y']);
      const order = ps.map((_, i) => i).sort((i, j) => ((i * 7919 + seed) % 101) - ((j * 7919 + seed) % 101) || i - j);
      const pick = (g: unknown[][]) => order.map((i) => g[i]);
      const gap = F.progressGap(b, c, f) as number;
      return close(gap, -(F.progressGap(b, c, flipped) as number)) && close(gap, F.progressGap(pick(b), pick(c), pick(f)));
    }));
  });
  it("GAPSUMMARY's gap and gap index are FSMGAP and GAPINDEX, and its sizes add up with the cells left out", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom(null, 'ABS', '')), fc.constantFrom('Y', 'N', '')), { minLength: 2, maxLength: 40 }), (rows) => {
      const s = rows.map(([x]) => [x]);
      const f = rows.map(([, y]) => [y]);
      const sum = F.gapSummary(s, f, OMITTED);
      const [nd, no, gap, gi, left] = [sum[0][1], sum[1][1], sum[4][1], sum[8][1], sum[9][1]] as number[];
      const sizesOk = nd + no + left === rows.length;
      const fg = F.fsmGap(s, f);
      if (typeof fg !== 'number') return sizesOk && isExcelError(gap) && isExcelError(gi);
      return sizesOk && close(gap, fg) && close(gi, F.gapIndex(s, f));
    }));
  });
  it('swapping the groups negates EFFECTSIZE for every method', () => {
    const group = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 20 }).filter((xs) => new Set(xs).size > 1);
    fc.assert(fc.property(group, group, (a, b) => {
      const A = a.map((x) => [x]);
      const B = b.map((x) => [x]);
      return close(F.effectSize(A, B, 'g'), -(F.effectSize(B, A, 'g') as number)) && close(F.effectSize(A, B, 'd'), -(F.effectSize(B, A, 'd') as number));
    }));
  });
  it('the gap-measure functions return a number, a spill or an Excel error for any values at all', () => {
    const anyGrid = fc.array(fc.array(fc.anything(), { minLength: 1, maxLength: 3 }), { maxLength: 6 });
    const okValue = (v: unknown) => (typeof v === 'number' && !Number.isNaN(v)) || isExcelError(v) || (Array.isArray(v) && v.every((r) => Array.isArray(r)));
    fc.assert(fc.property(anyGrid, anyGrid, anyGrid, fc.anything(), fc.anything(), (a, b, c, x, y) => {
      const A = a as any[][];
      const B = b as any[][];
      const C = c as any[][];
      return [
        F.fsmGap(A, B), F.gapIndex(A, B), F.thresholdGap(A, B, x), F.groupGap(A, B, x, y), F.gapSummary(A, B, x),
        F.progressGap(A, B, C), F.effectSize(A, B, x), F.representation(A, B, x),
      ].every(okValue);
    }), { numRuns: 300 });
  });
});
