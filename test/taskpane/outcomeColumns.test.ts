/** The outcome-column pieces the outcomes and gap analysis screens share: what they say and send. */
import { destinationMappingOf, destinationMeaningsFor, setAsideText, unchosenMeaningsProblem } from '../../src/taskpane/components/OutcomeColumns';

const HEADERS = ['PP', 'Attendance %', 'Sessions Attended', 'Sessions Possible', 'PA Flag', 'Destination'];

describe('outcome columns in the task pane', () => {
  test('a column another reading takes the place of is named, with what is read instead', () => {
    expect(setAsideText({ attendance: 1, sessionsAttended: 2, sessionsPossible: 3, persistentAbsence: 4 }, HEADERS)).toEqual([
      '"Attendance %" is not used: attendance (%) is read from "Sessions Attended" and "Sessions Possible".',
      '"PA Flag" is not used: persistent absence (yes/no) is read from "Sessions Attended" and "Sessions Possible".',
    ]);
    expect(setAsideText({ attendance: 1 }, HEADERS)).toEqual([]);
  });

  test('destination words get a proposed meaning and a count; unknown words are marked, and all are sent as confirmed', () => {
    const data = { description: '', address: '', headers: HEADERS, rows: [['Y', null, null, null, null, 'FE College'], ['', null, null, null, null, 'fe college'], ['', null, null, null, null, 'Gap year abroad'], ['', null, null, null, null, null]] };
    const meanings = destinationMeaningsFor(data, 5);
    const fe = meanings.find((m) => m.word === 'FE COLLEGE');
    expect(fe).toMatchObject({ count: 2, category: 'sustained', recognised: true });
    const gap = meanings.find((m) => m.word === 'GAP YEAR ABROAD');
    expect(gap).toMatchObject({ count: 1, category: 'unknown', recognised: false });
    expect(destinationMappingOf(meanings)).toEqual({ 'FE COLLEGE': 'sustained', 'GAP YEAR ABROAD': 'unknown' });
    expect(destinationMeaningsFor(data, undefined)).toEqual([]);
  });

  test('a destination word nobody chose a meaning for stops the run, naming it; choosing one (even "unknown") clears it', () => {
    const data = { description: '', address: '', headers: HEADERS, rows: [['Y', null, null, null, null, 'FE College'], ['', null, null, null, null, 'Gap year abroad'], ['', null, null, null, null, 'gap year abroad']] };
    const meanings = destinationMeaningsFor(data, 5);
    expect(unchosenMeaningsProblem(meanings)).toBe('Choose what "GAP YEAR ABROAD" (2 pupils) means under "What each destination means", or untick the destination column.');
    const chosen = meanings.map((m) => (m.word === 'GAP YEAR ABROAD' ? { ...m, category: 'unknown' as const, recognised: true } : m));
    expect(unchosenMeaningsProblem(chosen)).toBeUndefined();
    expect(unchosenMeaningsProblem(destinationMeaningsFor({ ...data, rows: [data.rows[0]] }, 5))).toBeUndefined();
  });
});
