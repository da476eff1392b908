export { gradeText, gradeValue, guessScale, numberAsPoints, parseScaleName, tableScale, scaleLabel, SCALE_NAMES, type GradeScale, type NamedScale } from './scales';
export { gradePoints, gradePointsSpill, gradeToPoints, pointsOfNumbers, unknownGradeError, type GradeCell, type GradeSpill } from './gradePoints';
