export { gradeValue, guessScale, parseScaleName, tableScale, scaleLabel, SCALE_NAMES, type GradeScale, type NamedScale } from './scales';
export { gradePoints, gradeToPoints, unknownGradeError, type GradeCell } from './gradePoints';
