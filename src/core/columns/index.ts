/** Column detection: what each column of a tracker holds, and its assessment points in time order. */
export {
  detectColumns,
  defaultDisadvantaged,
  disadvantagedRank,
  firstOfRole,
  ASSESSMENT_SHARE,
  type ColumnRole,
  type DetectedColumn,
} from './detect';
export { headerWords, headerKey, splitCamelCase } from './headers';
export { detectAssessmentPoints, splitAssessmentHeader, subjectKey, type AssessmentPoint, type AssessmentSubject } from './points';
export { guessInterventionColumns, type InterventionColumnGuess } from './interventionGuess';
export { profileColumn, PROFILE_ROWS, type ColumnProfile } from './values';
export { defaultThreshold, THRESHOLDS } from './threshold';
export { detectOutcomeColumns, defaultOutcomeChoice, outcomeKindOfHeader, OUTCOME_KINDS, OUTCOME_KIND_LABELS, type OutcomeChoice, type OutcomeColumn, type OutcomeKind } from './outcomeKinds';
