/** Properties of the progress, grade, intervention and checklist functions, whatever the pupils (fast-check). */
/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from 'fast-check';
import * as F from '../../src/functions/functions';
import { isExcelError } from '../../src/functions/excelErrors';

/** Excel passes an omitted optional argument as null. */
const OMITTED = null as any;
const column = (xs: unknown[]) => xs.map((x) => [x]);

/** Cells a school export can hold: numbers, numeric text, words, blanks, booleans, error values. */
const messyCell = fc.oneof(
  fc.integer({ min: -200, max: 200 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: 0, max: 120 }).map((n) => ` ${n} `),
  fc.constantFrom(null, undefined, '', '   ', 'ABS', 'n/a', 'Y', 'N', 'yes', 'FSM', '5+', '6-', 'U', 'A*', '4c', 'W', 'GDS', 'Embedded', 'Amber', '95%', true, false),
  fc.constantFrom({ code: '#N/A' }, { code: '#REF!' }, { code: '#DIV/0!' }),
  fc.string({ maxLength: 6 }),
);
const messyGrid = fc.integer({ min: 0, max: 6 }).chain((rows) =>
  fc.integer({ min: 1, max: 3 }).chain((cols) => fc.array(fc.array(messyCell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
);
const messyArg = fc.oneof(messyGrid, messyCell, fc.constant(OMITTED));

/** Every spilled cell is a finite number, text (a label, a note, "" for missing) or an Excel error. */
function cleanCell(v: unknown): boolean {
  return (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || isExcelError(v);
}
function cleanSpill(out: unknown): boolean {
  return Array.isArray(out) && out.length > 0 && out.every((r) => Array.isArray(r) && r.length > 0 && r.every(cleanCell));
}

describe('progress properties', () => {
  it('adding a constant to baseline and current leaves PROGRESSDELTA unchanged', () => {
    // Scores from 1: a 0 on a scale where it is impossible (KS2 scaled) is read as a blank that some
    // Excel builds pass as 0 and left out with a note, so a shift that moves a score off 0 changes
    // which pupils count (shifts onto 0 are skipped too); that rule has its own tests in test/functions/args.test.ts.
    const pupil = fc.tuple(fc.option(fc.integer({ min: 1, max: 120 })), fc.option(fc.integer({ min: 1, max: 120 })), fc.integer({ min: -3, max: 3 }));
    fc.assert(fc.property(fc.array(pupil, { minLength: 1, maxLength: 30 }), fc.integer({ min: -50, max: 50 }), fc.boolean(), (ps, k, perPupil) => {
      fc.pre(ps.every((p) => (p[0] === null || p[0] + k !== 0) && (p[1] === null || p[1] + k !== 0)));
      const expected = perPupil ? column(ps.map((p) => p[2])) : [[1]];
      const a = F.progressDelta(column(ps.map((p) => p[0])), column(ps.map((p) => p[1])), expected);
      const b = F.progressDelta(column(ps.map((p) => (p[0] === null ? null : p[0] + k))), column(ps.map((p) => (p[1] === null ? 'ABS' : p[1] + k))), expected);
      return a.every((r, i) => (r[0] === '' ? b[i][0] === '' : Math.abs((r[0] as number) - (b[i][0] as number)) < 1e-9));
    }));
  });
  it('VALUEADDED residuals from the cohort line sum to zero and are uncorrelated with the baseline', () => {
    const pupils = fc.array(fc.tuple(fc.integer({ min: 80, max: 120 }), fc.double({ min: 0, max: 9, noNaN: true })), { minLength: 2, maxLength: 60 })
      .filter((ps) => new Set(ps.map((p) => p[0])).size > 1);
    fc.assert(fc.property(pupils, (ps) => {
      const va = F.valueAdded(column(ps.map((p) => p[0])), column(ps.map((p) => p[1])), OMITTED).map((r) => r[0] as number);
      const sum = va.reduce((s, v) => s + v, 0);
      const cross = va.reduce((s, v, i) => s + v * (ps[i][0] - 100), 0);
      return Math.abs(sum) < 1e-8 && Math.abs(cross) < 1e-6;
    }));
  });
  it('VALUEADDED from an estimates table stays between current minus the largest and minus the smallest estimate', () => {
    const table = fc.uniqueArray(fc.integer({ min: 70, max: 130 }), { minLength: 2, maxLength: 8 }).chain((xs) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: xs.length, maxLength: xs.length }).map((ys) => [...xs].sort((a, b) => a - b).map((x, i) => [x, ys[i]])));
    fc.assert(fc.property(table, fc.array(fc.tuple(fc.integer({ min: 50, max: 150 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 20 }), (t, ps) => {
      const lo = Math.min(...t.map((r) => r[1])), hi = Math.max(...t.map((r) => r[1]));
      const va = F.valueAdded(column(ps.map((p) => p[0])), column(ps.map((p) => p[1])), t);
      return va.every((r, i) => (r[0] as number) >= ps[i][1] - hi - 1e-9 && (r[0] as number) <= ps[i][1] - lo + 1e-9);
    }));
  });
  it('GRADEPOINTS passes numbers through on every scale (apart from plain NC levels 1-8)', () => {
    fc.assert(fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.constantFrom('gcse', 'letter', 'nc', 'ta'), (x, scale) => {
      fc.pre(!(scale === 'nc' && Number.isInteger(x) && x >= 1 && x <= 8));
      return F.gradePoints([[x, String(x)]], [[scale]])[0].every((v) => v === x || (Object.is(x, -0) && v === 0));
    }));
  });
  it('EEFMONTHS is odd, never decreases with the effect size and stays within -12 to 12', () => {
    fc.assert(fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (a, b) => {
      const [x, y] = a <= b ? [a, b] : [b, a];
      const mx = F.eefMonths(x) as number, my = F.eefMonths(y) as number;
      return mx <= my && Math.abs(mx) <= 12 && F.eefMonths(-x) === (mx === 0 ? 0 : -mx);
    }));
  });
  it('INTERVENTIONIMPACT ignores a shift of every score and its interval contains the effect', () => {
    const pupil = fc.record({ pre: fc.integer({ min: 70, max: 130 }), gain: fc.integer({ min: -5, max: 15 }), flagged: fc.boolean() });
    fc.assert(fc.property(fc.array(pupil, { minLength: 3, maxLength: 40 }), fc.integer({ min: -60, max: 60 }), (ps, k) => {
      const run = (shift: number) => F.interventionImpact(column(ps.map((p) => p.pre + shift)), column(ps.map((p) => p.pre + p.gain + shift)), column(ps.map((p) => (p.flagged ? 'Y' : 'N'))), OMITTED);
      const a = run(0).map((r) => r[1]), b = run(k).map((r) => r[1]);
      const same = a.every((v, i) => (typeof v === 'number' ? Math.abs(v - (b[i] as number)) < 1e-9 : typeof b[i] !== 'number'));
      const [es, lo, hi] = [a[4], a[5], a[6]];
      // With 3 pupils the ANCOVA has no residual degree of freedom: an effect but no interval (#N/A).
      const inside = typeof es !== 'number' || typeof lo !== 'number' || ((lo as number) <= es && es <= (hi as number));
      return same && inside;
    }));
  });
  it('CHECKLISTSCORE stays between 0 and 1 and ignores the order of the statements', () => {
    const rating = fc.oneof(fc.constantFrom('Not started', 'Developing', 'Emerging', 'Established', 'Secure', 'Embedded', 'Red', 'Amber', 'Green', null, ''), fc.integer({ min: 0, max: 3 }));
    fc.assert(fc.property(fc.array(fc.tuple(rating, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 15 }), (items) => {
      const s = F.checklistScore(column(items.map((i) => i[0])), column(items.map((i) => i[1])));
      const rev = F.checklistScore(column(items.map((i) => i[0]).reverse()), column(items.map((i) => i[1]).reverse()));
      if (isExcelError(s)) return isExcelError(rev);
      return (s as number) >= 0 && (s as number) <= 1 && Math.abs((s as number) - (rev as number)) < 1e-12;
    }));
  });
  it('no messy cell makes an adapter throw, return NaN or an empty spill', () => {
    fc.assert(fc.property(messyGrid, messyGrid, messyGrid, messyArg, messyArg, (a, b, c, opt1, opt2) => {
      const scalar = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || isExcelError(v);
      return cleanSpill(F.progressDelta(a, b, opt1))
        && cleanSpill(F.valueAdded(a, b, opt1))
        && cleanSpill(F.gradePoints(a, opt1))
        && cleanSpill(F.interventionImpact(a, b, c, opt2))
        && scalar(F.eefMonths(opt1))
        && scalar(F.checklistScore(a, opt1));
    }), { numRuns: 500 });
  });
  it('scores at the limits of double precision never spill Infinity or NaN', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double(), fc.double(), fc.boolean()), { minLength: 1, maxLength: 8 }), (ps) => {
      const a = column(ps.map((p) => p[0])), b = column(ps.map((p) => p[1])), f = column(ps.map((p) => p[2]));
      return cleanSpill(F.progressDelta(a, b, OMITTED)) && cleanSpill(F.valueAdded(a, b, OMITTED)) && cleanSpill(F.interventionImpact(a, b, f, OMITTED));
    }), { numRuns: 1000 });
  });
  it('INTERVENTIONIMPACT, PROGRESSDELTA and VALUEADDED give numbers for realistic messy columns', () => {
    const score = fc.oneof(fc.integer({ min: 70, max: 130 }), fc.integer({ min: 70, max: 130 }).map(String), fc.constantFrom(null, '', 'ABS', { code: '#N/A' }));
    const flag = fc.constantFrom('Y', 'N', '', null, 'Yes', 'No', 1, 0, true, false, 'PP');
    fc.assert(fc.property(fc.array(fc.tuple(score, score, flag), { minLength: 1, maxLength: 30 }), (rows) => {
      const pre = column(rows.map((r) => r[0])), post = column(rows.map((r) => r[1])), f = column(rows.map((r) => r[2]));
      const impact = F.interventionImpact(pre, post, f, OMITTED);
      return impact.length === 9 && cleanSpill(impact) && F.progressDelta(pre, post, OMITTED).length === rows.length;
    }));
  });
});
