/** The one reading of a header as words, shared by column detection, points, outcomes and the intervention guesses. */
import { headerKey, headerWords, splitCamelCase } from '../../../src/core/columns/headers';
import { splitAssessmentHeader, subjectKey } from '../../../src/core/columns/points';
import { outcomeKindOfHeader } from '../../../src/core/columns/outcomeKinds';

describe('headerWords', () => {
  it('lower-cases, splits a digit from the letters before it and makes every other run one space', () => {
    expect(headerWords('KS2_Scaled-Score ')).toBe('ks 2 scaled score');
    expect(headerWords('FSM6')).toBe('fsm 6');
    expect(headerWords('  Admission No. ')).toBe('admission no');
    expect(headerWords('Pupil (Premium)')).toBe('pupil premium');
  });

  it('keeps "*" and "+" by default, and the characters asked for', () => {
    expect(headerWords('% A*-C')).toBe('a* c');
    expect(headerWords('Grade 4+')).toBe('grade 4+');
    expect(headerWords('Attendance %', '%')).toBe('attendance %');
    expect(headerWords('Attendance %')).toBe('attendance');
  });
});

describe('headerKey', () => {
  it('gives the same key to spellings of one name', () => {
    expect(headerKey('Year 9')).toBe('year 9');
    expect(headerKey('Year9')).toBe('year 9');
    expect(headerKey('year_9*')).toBe('year 9');
  });

  it('is the key assessment subjects are grouped by', () => {
    expect(subjectKey(splitAssessmentHeader('Eng Lit Aut').subject)).toBe(subjectKey(splitAssessmentHeader('ENG-LIT Spr').subject));
  });
});

describe('splitCamelCase', () => {
  it('splits a lower-case letter from a capital after it, and nothing else', () => {
    expect(splitCamelCase('ReadingPre')).toBe('Reading Pre');
    expect(splitCamelCase('KS2Scaled')).toBe('KS2Scaled');
    expect(headerWords(splitCamelCase('readingPostTest'))).toBe('reading post test');
  });
});

describe('outcome headers read with "%" kept', () => {
  it('takes a share of time on free school meals from a "%" after FSM', () => {
    expect(outcomeKindOfHeader('FSM %')).toBe('fsmShare');
    expect(outcomeKindOfHeader('Free school meals (% of terms)')).toBeUndefined();
  });
});
