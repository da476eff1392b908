import { defaultOutcomeChoice, detectOutcomeColumns, outcomeKindOfHeader, outcomesSetAside, unpairedOutcomes } from '../../../src/core/columns/outcomeKinds';
import { analyseOutcomes } from '../../../src/core/outcomes/analysis';
import { detectColumns } from '../../../src/core/columns/detect';

describe('detectOutcomeColumns', () => {
  const headers = ['UPN', 'PP', 'Attendance %', 'Sessions Possible', 'Sessions Attended', 'PA Flag', 'Suspensions', 'Excluded', 'Destination', 'FSM % of Time', 'FSM Terms', 'Terms in School', 'Eng Aut'];
  const rows = [
    ['A1', 'Y', '95%', 330, 300, 'Y', 2, 'N', 'Sixth Form', 100, 12, 12, '5+'],
    ['A2', null, 0.97, 330, 320, null, 0, 'N', 'College', 0, 0, 12, 6],
    ['A3', null, 'n/a', 320, 310, 'N', 0, 'Y', 'NEET', 40, 4, 10, 4],
  ];
  it('finds each kind from header and values', () => {
    expect(detectOutcomeColumns(headers, rows).map((c) => `${c.header}:${c.kind}`)).toEqual([
      'Attendance %:attendance', 'Sessions Possible:sessionsPossible', 'Sessions Attended:sessionsAttended', 'PA Flag:persistentAbsence', 'Suspensions:suspensions',
      'Excluded:exclusions', 'Destination:destination', 'FSM % of Time:fsmShare', 'FSM Terms:fsmTerms', 'Terms in School:termsInSchool',
    ]);
    expect(defaultOutcomeChoice(detectOutcomeColumns(headers, rows))).toMatchObject({ attendance: 2, suspensions: 6, destination: 8 });
  });

  it('does not offer a column whose values do not fit its header', () => {
    expect(detectOutcomeColumns(['Suspensions'], [['lots'], ['some']])).toEqual([]);
    expect(detectOutcomeColumns(['Attendance'], [['good'], ['poor']])).toEqual([]);
  });

  it('keeps outcome columns out of the assessments, leaving other roles as they were', () => {
    const roles = detectColumns(headers, rows).map((c) => c.role);
    expect(roles[2]).toBe('ignore');
    expect(roles[9]).toBe('ignore');
    expect(roles[12]).toBe('assessment');
    expect(roles[1]).toBe('disadvantaged');
    expect(outcomeKindOfHeader('PA Band')).toBeUndefined();
  });
});

describe('outcome kinds read as a pair', () => {
  it('names each chosen kind whose partner is missing, and nothing when both or neither are chosen', () => {
    expect(unpairedOutcomes({ sessionsPossible: 3, sessionsAttended: 4, suspensions: 5 })).toEqual([]);
    expect(unpairedOutcomes({ attendance: 2 })).toEqual([]);
    expect(unpairedOutcomes({ sessionsPossible: 3 })).toEqual([{ kind: 'sessionsPossible', needs: 'sessionsAttended' }]);
    expect(unpairedOutcomes({ sessionsAttended: 4, fsmTerms: 6, fsmShare: 7 })).toEqual([
      { kind: 'sessionsAttended', needs: 'sessionsPossible' },
      { kind: 'fsmTerms', needs: 'termsInSchool' },
    ]);
    expect(unpairedOutcomes({ termsInSchool: 0 })).toEqual([{ kind: 'termsInSchool', needs: 'fsmTerms' }]);
  });
});

describe('outcome kinds set aside by another reading of the same thing', () => {
  it('follows the outcomes analysis: sessions before a percentage, attendance before a PA flag, FSM terms before a share', () => {
    expect(outcomesSetAside({ attendance: 1, suspensions: 2 })).toEqual([]);
    expect(outcomesSetAside({ attendance: 1, sessionsAttended: 2, sessionsPossible: 3, persistentAbsence: 4 })).toEqual([
      { kind: 'attendance', by: ['sessionsAttended', 'sessionsPossible'] },
      { kind: 'persistentAbsence', by: ['sessionsAttended', 'sessionsPossible'] },
    ]);
    expect(outcomesSetAside({ attendance: 1, persistentAbsence: 4 })).toEqual([{ kind: 'persistentAbsence', by: ['attendance'] }]);
    // One of a pair alone sets nothing aside.
    expect(outcomesSetAside({ attendance: 1, sessionsPossible: 3, fsmShare: 5, fsmTerms: 6 })).toEqual([]);
    expect(outcomesSetAside({ fsmShare: 5, fsmTerms: 6, termsInSchool: 7 })).toEqual([{ kind: 'fsmShare', by: ['fsmTerms', 'termsInSchool'] }]);
  });

  it('agrees with analyseOutcomes: a set-aside percentage changes nothing in the results', () => {
    const rows = [
      ['Y', '50%', 9, 10], ['', '99%', 10, 10], ['Y', '70%', 8, 10], ['', '80%', 10, 10], ['Y', '60%', 7, 10], ['', '90%', 9, 10],
    ];
    const table = { headers: ['PP', 'Attendance %', 'Sessions Attended', 'Sessions Possible'], rows };
    const both = analyseOutcomes(table, { disadvantaged: 0, columns: { attendance: 1, sessionsAttended: 2, sessionsPossible: 3 } });
    const sessions = analyseOutcomes(table, { disadvantaged: 0, columns: { sessionsAttended: 2, sessionsPossible: 3 } });
    expect(both.results.map((r) => r.gap)).toEqual(sessions.results.map((r) => r.gap));
  });
});
