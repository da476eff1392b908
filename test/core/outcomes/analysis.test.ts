import { analyseOutcomes, binomialTestP, persistentlyAbsentDisadvantaged, poissonTestP, twoProportionP, type OutcomeResult } from '../../../src/core/outcomes/analysis';
import { isGapsError } from '../../../src/core/errors';

// Disadvantaged pupils first (attendance written as schools' exports do: "95%", 0.88, 91, blanks, "n/a"),
// then ten other pupils.
const HEADERS = ['UPN', 'Name', 'PP', 'Attendance', 'Suspensions', 'FSM % of time'];
const ROWS = [
  ['D1', 'Ann', 'Y', '95%', 0, 100],
  ['D2', 'Ben', 'Y', 0.88, 2, 95],
  ['D3', 'Cat', 'Y', 91, 0, 50],
  ['D4', 'Dan', 'Y', 72, 1, 100],
  ['D5', 'Eve', 'Y', '97%', 0, 20],
  ['D6', 'Fay', 'Y', 85, 3, 90],
  ['D7', 'Gus', 'Y', '93', 0, 30],
  ['D8', 'Hal', 'Y', 40, 1, 100],
  ['D9', 'Ivy', 'Y', null, 0, 100],
  ['D10', 'Jo', 'Y', 'n/a', 1, 40],
  ...[98, 96, 94, 99, 89, 97, 92, 95, 99, 93].map((a, i) => [`O${i + 1}`, `Other ${i + 1}`, null, a, i === 2 || i === 8 ? 1 : 0, 0]),
];
const TABLE = { headers: HEADERS, rows: ROWS };
const OPTIONS = { disadvantaged: 2, columns: { attendance: 3, suspensions: 4 }, idColumn: 0, nameColumns: [1] };

function find(rs: OutcomeResult[], measure: OutcomeResult['measure'], group: OutcomeResult['group'] = 'all'): OutcomeResult {
  const r = rs.find((x) => x.measure === measure && x.group === group);
  if (!r) throw new Error(`no ${measure} ${group}`);
  return r;
}

describe('analyseOutcomes', () => {
  const a = analyseOutcomes(TABLE, OPTIONS);

  it('gives the attendance gap with a Welch interval, reading "95%", 0.95 and 95 alike', () => {
    // R: D <- c(95,88,91,72,97,85,93,40); O <- c(98,96,94,99,89,97,92,95,99,93); t.test(D, O)
    const r = find(a.results, 'attendance');
    expect(r.nDisadvantaged).toBe(8);
    expect(r.nOther).toBe(10);
    expect(r.valueDisadvantaged).toBeCloseTo(82.625, 9);
    expect(r.valueOther).toBeCloseTo(95.2, 9);
    expect(r.gap).toBeCloseTo(-12.575, 9);
    expect(r.lower).toBeCloseTo(-28.420728838312222, 6);
    expect(r.upper).toBeCloseTo(3.270728838312218, 6);
    expect(r.p).toBeCloseTo(0.103388133717804, 6);
    expect(a.notes.join(' ')).toMatch(/2 pupils have no attendance figure/);
  });

  it('gives persistent absence as a percentage-point gap with a Newcombe interval and the ratio of rates', () => {
    // 4 of 8 disadvantaged and 1 of 10 others miss 10%+. R (Newcombe by hand from Wilson limits):
    // a <- prop.test(4, 8, correct = FALSE)$conf.int; b <- prop.test(1, 10, correct = FALSE)$conf.int
    // d <- 0.4; c(d - sqrt((0.5 - a[1])^2 + (b[2] - 0.1)^2), d + sqrt((a[2] - 0.5)^2 + (0.1 - b[1])^2))
    // prop.test(c(4, 1), c(8, 10), correct = FALSE)$p.value
    // ratio 5, interval 5 * exp(c(-1, 1) * qnorm(0.975) * sqrt(1/4 - 1/8 + 1/1 - 1/10))
    const r = find(a.results, 'persistent');
    expect(r.valueDisadvantaged).toBeCloseTo(50, 9);
    expect(r.valueOther).toBeCloseTo(10, 9);
    expect(r.gap).toBeCloseTo(40, 9);
    expect(r.lower).toBeCloseTo(-1.66642893511685, 5);
    expect(r.upper).toBeCloseTo(69.63886090870834, 5);
    expect(r.p).toBeCloseTo(0.0597390154553926, 6);
    expect(r.ratio).toBeCloseTo(5, 9);
    expect(r.ratioLower).toBeCloseTo(0.687375618495734, 6);
    expect(r.ratioUpper).toBeCloseTo(36.370216410512903, 5);
  });

  it('gives any suspension as a rate gap and suspensions per 100 pupils with Poisson intervals', () => {
    // R: prop.test(c(5, 2), c(10, 10), correct = FALSE)$p.value; Newcombe as above for 5/10 and 2/10
    const any = find(a.results, 'suspendedAny');
    expect(any.gap).toBeCloseTo(30, 9);
    expect(any.lower).toBeCloseTo(-10.6672465271506, 5);
    expect(any.upper).toBeCloseTo(59.9871982148164, 5);
    expect(any.p).toBeCloseTo(0.159598942442649, 6);
    // R: poisson.test(8, 10)$conf.int * 100; poisson.test(c(8, 2), c(10, 10))
    const rate = find(a.results, 'suspensionRate');
    expect(rate.nDisadvantaged).toBe(10);
    expect(rate.valueDisadvantaged).toBeCloseTo(80, 9);
    expect(rate.valueOther).toBeCloseTo(20, 9);
    expect(rate.ratio).toBeCloseTo(4, 9);
    expect(rate.ratioLower).toBeCloseTo(0.798252400496631, 5);
    expect(rate.ratioUpper).toBeCloseTo(38.665656079715369, 4);
    expect(rate.p).toBeCloseTo(0.109375, 9);
  });

  it('adjusts for chance across the outcomes (Benjamini-Hochberg) and flags small groups', () => {
    for (const r of a.results) {
      expect(r.adjustedP).toBeGreaterThanOrEqual(r.p);
      expect(r.clear).toBe(r.adjustedP <= 0.05);
    }
    expect(a.results.every((r) => r.nDisadvantaged >= 6 && !r.small)).toBe(true);
    expect(a.headlines[0]).toMatch(/^Disadvantaged pupils: /);
  });

  it('splits each outcome into long-term and some-of-the-time disadvantage when a time-on-FSM column is chosen', () => {
    const s = analyseOutcomes(TABLE, { ...OPTIONS, columns: { ...OPTIONS.columns, fsmShare: 5 } });
    // Long-term (90%+): D1, D2, D4, D6, D8 with attendance. R: t.test(c(95,88,72,85,40), O)
    const lt = find(s.results, 'attendance', 'long-term');
    expect(lt.nDisadvantaged).toBe(5);
    expect(lt.valueDisadvantaged).toBeCloseTo(76, 9);
    expect(lt.lower).toBeCloseTo(-46.164187496159457, 5);
    expect(lt.upper).toBeCloseTo(7.764187496159454, 5);
    expect(lt.p).toBeCloseTo(0.120000196755381, 6);
    expect(lt.small).toBe(true);
    const some = find(s.results, 'attendance', 'some of the time');
    expect(some.nDisadvantaged).toBe(3);
    expect(s.longTermCounts).toEqual({ 'long-term': 6, 'some of the time': 4, never: 0, unknown: 0 });
  });

  it('reads sessions attended and possible, and destinations through the confirmed mapping', () => {
    const t = {
      headers: ['PP', 'Possible', 'Attended', 'Destination'],
      rows: [
        ['Y', 100, 85, 'Sixth form'], ['Y', 100, 95, 'NEET'], ['Y', 100, 99, 'College'], ['Y', 200, 150, 'not known'],
        [null, 100, 97, 'Sixth form'], [null, 100, 98, 'College'], [null, 100, 80, 'Sixth form'], [null, 0, 0, null],
      ],
    };
    const r = analyseOutcomes(t, {
      disadvantaged: 0,
      columns: { sessionsPossible: 1, sessionsAttended: 2, destination: 3 },
      destinationMapping: { 'SIXTH FORM': 'sustained', COLLEGE: 'sustained', NEET: 'NEET', 'NOT KNOWN': 'unknown' },
    });
    const pa = find(r.results, 'persistent');
    expect([pa.nDisadvantaged, pa.valueDisadvantaged, pa.nOther]).toEqual([4, 50, 3]);
    const sus = find(r.results, 'sustained');
    expect([sus.nDisadvantaged, sus.nOther]).toEqual([3, 3]);
    expect(sus.valueDisadvantaged).toBeCloseTo(200 / 3, 9);
    expect(sus.small).toBe(true);
    expect(() => analyseOutcomes(t, { disadvantaged: 0, columns: { destination: 3 }, destinationMapping: {} })).toThrow(/not in the confirmed mapping/);
  });

  it('says what to fix for impossible cells', () => {
    const bad = { headers: HEADERS, rows: [...ROWS.slice(0, 3), ['X', 'X', 'Y', '120%', 0, 0], ...ROWS.slice(10)] };
    expect(() => analyseOutcomes(bad, OPTIONS)).toThrow(/more than 100%/);
    const badCount = { headers: HEADERS, rows: [['X', 'X', 'Y', 90, 1.5, 0], ...ROWS.slice(10)] };
    expect(() => analyseOutcomes(badCount, OPTIONS)).toThrow(/whole number/);
    try {
      analyseOutcomes({ headers: HEADERS, rows: ROWS.slice(10) }, OPTIONS);
      throw new Error('no error');
    } catch (e) {
      expect(isGapsError(e) && /No pupil is marked disadvantaged/.test(e.message)).toBe(true);
    }
  });
});

describe('p-values against R', () => {
  it('matches prop.test, binom.test and poisson.test', () => {
    // R: prop.test(c(30, 20), c(100, 120), correct = FALSE)$p.value
    expect(twoProportionP(30, 100, 20, 120)).toBeCloseTo(0.01878340852424, 6);
    // R: binom.test(3, 20, 0.4)$p.value
    expect(binomialTestP(3, 20, 0.4)).toBeCloseTo(0.02242703814204, 9);
    // R: poisson.test(c(12, 30), c(40, 140))$p.value
    expect(poissonTestP(12, 40, 30, 140)).toBeCloseTo(0.3522208082052, 6);
  });
});

describe('persistentlyAbsentDisadvantaged', () => {
  it('lists disadvantaged pupils missing 10% or more, lowest attendance first', () => {
    const list = persistentlyAbsentDisadvantaged([0.95, 0.9, 0.6, 0.8, NaN], [true, true, false, true, true], [['A', 'Ann'], ['B', 'Ben'], ['C', 'Cat'], ['D', 'Dan'], ['E', 'Eve']], 0, [1]);
    expect(list.map((p) => [p.id, p.name, p.attendance])).toEqual([['D', 'Dan', 0.8], ['B', 'Ben', 0.9]]);
  });

  it('is returned by the analysis for the attendance column', () => {
    const a = analyseOutcomes(TABLE, OPTIONS);
    expect(a.persistentlyAbsent.map((p) => p.id)).toEqual(['D8', 'D4', 'D6', 'D2']);
  });
});
