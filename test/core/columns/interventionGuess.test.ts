/** First guesses of the intervention form's columns, on headers and values shaped like an MIS export. */
import { guessInterventionColumns } from '../../../src/core/columns/interventionGuess';

const headers = ['UPN', 'Name', 'FSM6', 'PP', 'SEND', 'EAL', 'Reading Pre', 'Reading Post', 'Tutoring'];
const rows = [
  ['A1', 'Ann', 'Y', 'Y', 'K', 'N', 95, 101, 'Y'],
  ['A2', 'Ben', '', '', 'N', 'Y', 102, '104', ''],
  ['A3', 'Cai', 'Y', 'Y', 'N', 'N', 'ABS', 99, 'Y'],
  ['A4', 'Dee', '', 'Y', 'E', 'N', 88, 93, ''],
];

describe('guessInterventionColumns', () => {
  it('takes the pre-test and post-test by name, the intervention flag, and PP before FSM6 as gap analysis does', () => {
    expect(guessInterventionColumns(headers, rows)).toEqual({ pre: 6, post: 7, intervention: 8, disadvantaged: 3, label: 0 });
  });

  it('guesses nothing it cannot see: no disadvantaged column, no yes/no column', () => {
    const g = guessInterventionColumns(['Pupil', 'Score A', 'Score B'], [['x', 1, 2], ['y', 3, 4]]);
    expect(g).toEqual({ pre: null, post: null, intervention: null, disadvantaged: null, label: 0 });
  });
});

describe('guessInterventionColumns reads headers as column detection does', () => {
  it('splits camelCase and digits, and never takes an E6 marker for the intervention', () => {
    const hs = ['PupilName', 'ReadingPre1', 'ReadingPost1', 'E6', 'PP', 'Booster'];
    const rs = [
      ['Ann', 95, 101, 'Y', 'Y', ''],
      ['Ben', 102, 104, '', '', 'Y'],
      ['Cai', 99, 103, 'Y', 'Y', 'Y'],
    ];
    expect(guessInterventionColumns(hs, rs)).toEqual({ pre: 1, post: 2, intervention: 5, disadvantaged: 4, label: 0 });
  });
});
