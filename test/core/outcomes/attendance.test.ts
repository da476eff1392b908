/**
 * Reading attendance and the attendance gap.
 *
 * The messy column below reads as disadvantaged d and other o; R 4.x, sprintf("%.15g", x):
 *   d <- c(.95, .88, .92, 1, .78, .84, .91); o <- c(.97, .99, .85, .935, .90, .96, .98, .95)
 *   mean(d); mean(o); mean(o) - mean(d)   # 0.897142857142857 0.941875 0.0447321428571429
 *   t.test(o, d)$conf.int                 # -0.0263257735378497 0.115790059252135
 *   t.test(o, d, conf.level = 0.9)$conf.int  # -0.0130735139946815 0.102537799708967
 *   sum(d <= .9)/7; sum(o <= .9)/8        # 0.428571428571429 0.25 (persistent absence: 10%+ missed)
 *   nc(3, 7, 2, 8)  # with nc() as in rates.test.ts: 0.178571428571429 -0.256380529220346 0.54584727204282
 * Sessions: a <- c(171, 180, 95, 190); p <- rep(190, 4); s <- a/p   # 0.9 0.947368421052632 0.5 1
 *   t.test(s[3:4], s[1:2])$conf.int      # -3.23453209074151 2.88716366968888
 */
import { absenceFlags, attendanceGap, isPersistentlyAbsent, isSeverelyAbsent, readAttendance, readShare } from '../../../src/core/outcomes';
import { thrown } from '../thrown';
import { isMissingOutcome, isNotApplicable } from '../../../src/core/outcomes/notApplicable';

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('readShare', () => {
  it('reads "95%", "0.95", "95" and 95 as the same share', () => {
    for (const v of ['95%', '0.95', '95', 95, ' 95 % ', 0.95]) expect(readShare(v).share).toBeCloseTo(0.95, 12);
  });
  it('marks a bare 1 as ambiguous and reads it as 100%', () => {
    expect(readShare(1)).toEqual({ share: 1, ambiguous: true, fraction: true });
    expect(readShare('100%')).toEqual({ share: 1 });
  });
  it('says why a value cannot be a share', () => {
    expect(readShare(104).impossible).toBe('is more than 100%');
    expect(readShare('101%').impossible).toBe('is more than 100%');
    expect(readShare(-3).impossible).toBe('is below 0');
  });
  it('leaves blanks, n/a, words, booleans and errors out', () => {
    for (const v of [null, '', '  ', 'n/a', 'ABS', true, { code: '#N/A' }, NaN]) expect(Number.isNaN(readShare(v).share)).toBe(true);
  });
});

describe('readAttendance', () => {
  it('reads a mixed column, counts what it leaves out and notes the mixed scale', () => {
    const r = readAttendance(col(['95%', 0.88, 'n/a', '', null, 92]));
    expect(Array.from(r.shares).map((x) => (Number.isNaN(x) ? 'NaN' : x))).toEqual([0.95, 0.88, 'NaN', 'NaN', 'NaN', 0.92]);
    expect(r.leftOut).toBe(3);
    expect(r.note).toMatch(/^The column mixes fractions \(1 cell from 0 to 1, read as 0.95 = 95%\) and percentages \(1 above 1\)/);
  });
  it('has no note on one scale and notes cells holding exactly 1', () => {
    expect(readAttendance(col([95, 88, '92%'])).note).toBe('');
    expect(readAttendance(col([0.95, 1])).note).toBe('1 cell holds exactly 1, read as 100% (not 1%).');
  });
  it('stops at an impossible percentage, quoting it and its row', () => {
    expect(thrown(() => readAttendance(col([95, '104%']))).message).toBe(
      'attendance holds "104%" at row 2 of the range, which is more than 100%: attendance is a share of possible sessions, from 0% to 100%',
    );
  });
  it('divides sessions attended by sessions possible and leaves out pupils with none possible', () => {
    const r = readAttendance(col([171, 180, 5, 'n/a']), col([190, 190, 0, 190]));
    expect(r.shares[0]).toBeCloseTo(0.9, 15);
    expect(r.shares[1]).toBeCloseTo(0.947368421052632, 12);
    expect(r.leftOut).toBe(2);
  });
  it('stops when more sessions were attended than possible', () => {
    expect(thrown(() => readAttendance(col([191]), col([190]))).message).toBe(
      'attendance holds 191 at row 1 of the range but only 190 sessions were possible: check that attended and possible are the right way round',
    );
    expect(thrown(() => readAttendance(col([1, 2]), col([190]))).message).toBe('attendance has 2 cells but possible has 1: select ranges of the same size');
  });
});

describe('absence flags', () => {
  it('count 10% or more missed as persistent and 50% or more as severe, exactly at the threshold', () => {
    expect(isPersistentlyAbsent(171 / 190)).toBe(true); // 90.0% attendance
    expect(isPersistentlyAbsent(0.9)).toBe(true);
    expect(isPersistentlyAbsent(0.905)).toBe(false);
    expect(isSeverelyAbsent(95 / 190)).toBe(true);
    expect(isSeverelyAbsent(0.51)).toBe(false);
  });
});

describe('absenceFlags', () => {
  it('flags each pupil, leaving missing attendance as null', () => {
    expect(absenceFlags(readAttendance(col(['88%', 0.97, 'n/a', 45])).shares)).toEqual({ persistent: [true, false, null, true], severe: [false, false, null, true] });
  });
});

describe('attendanceGap', () => {
  const att = Object.freeze(col(['95%', 0.88, '92', '100%', 78, ' 84 ', '91.0%', 'n/a', '', 0.97, 99, '85', '93.5%', '0.9', 96, '98', 95, null, 'n/a']));
  const fsm = Object.freeze(col(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'N']));
  it('matches t.test for the mean gap and the Newcombe interval for persistent absence', () => {
    const g = attendanceGap(att, fsm);
    expect([g.nDisadvantaged, g.nOther, g.leftOut]).toEqual([7, 8, 4]);
    expect(g.meanDisadvantaged).toBeCloseTo(0.897142857142857, 12);
    expect(g.meanOther).toBeCloseTo(0.941875, 12);
    expect(g.gap).toBeCloseTo(0.0447321428571429, 12);
    expect(g.ciLower).toBeCloseTo(-0.0263257735378497, 10);
    expect(g.ciUpper).toBeCloseTo(0.115790059252135, 10);
    expect(g.persistentDisadvantaged).toBeCloseTo(0.428571428571429, 12);
    expect(g.persistentOther).toBeCloseTo(0.25, 12);
    expect(g.persistentGap).toBeCloseTo(0.178571428571429, 12);
    expect(g.persistentLower).toBeCloseTo(-0.256380529220346, 12);
    expect(g.persistentUpper).toBeCloseTo(0.54584727204282, 12);
    expect(g.severeDisadvantaged).toBe(0);
    expect(g.note).toMatch(/fractions .* and percentages/);
  });
  it('uses the confidence level given (R: t.test(o, d, conf.level = 0.9))', () => {
    const g = attendanceGap(att, fsm, null, 0.9);
    expect(g.ciLower).toBeCloseTo(-0.0130735139946815, 10);
    expect(g.ciUpper).toBeCloseTo(0.102537799708967, 10);
  });
  it('reads sessions attended and possible', () => {
    const g = attendanceGap(col([171, 180, 95, 190]), col(['Y', 'Y', 'N', 'N']), col([190, 190, 190, 190]));
    expect(g.gap).toBeCloseTo(0.75 - 0.923684210526316, 12);
    expect(g.ciLower).toBeCloseTo(-3.23453209074151, 9);
    expect(g.ciUpper).toBeCloseTo(2.88716366968888, 9);
    expect(g.severeOther).toBe(0.5);
  });
  it('says why there is no interval for a single pupil, and which group is empty', () => {
    const g = attendanceGap(col([90, 95, 97]), col(['Y', 'N', 'N']));
    expect(Number.isNaN(g.ciLower)).toBe(true);
    expect(g.unavailable.ciLower).toMatch(/at least 2 pupils with an attendance figure in each group \(disadvantaged 1, other 2\)/);
    expect(thrown(() => attendanceGap(col([90, 'n/a']), col(['N', 'Y']))).message).toMatch(/disadvantaged pupil with an attendance figure/);
  });
});

describe('an outcome that does not apply', () => {
  it('is "N/A" or "NA" in any case with spaces around, and is missing like a blank', () => {
    expect([' n/a ', 'NA', 'N/A', 'na'].map(isNotApplicable)).toEqual([true, true, true, true]);
    expect(['N/AA', 'NAN', 'N', 0, null].map(isNotApplicable)).toEqual([false, false, false, false, false]);
    expect([null, '  ', 'n/a', 0, 'ABS'].map(isMissingOutcome)).toEqual([true, true, true, false, false]);
  });
});
