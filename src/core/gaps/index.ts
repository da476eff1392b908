/** The gap measures: each takes plain numbers (`...Of`), with a range reader beside it. */
export { fsmGap, fsmGapOf } from './fsmGap';
export { gapIndex, gapIndexOf, gapIndexNationalOf, gapIndexIntervalOf, type GapIndexInterval } from './gapIndex';
export { nationalReference, noReference, type NationalReference } from './nationalReference';
export { thresholdGap, thresholdGapOf } from './thresholdGap';
export { groupGap } from './groupGap';
export { gapSummary, gapSummaryOf, smallGroupNote, SMALL_GROUP_SIZE, type GapSummary, type MeanGap, type GapSummaryField, type GapSummaryOptions, type SmallGroupInterval } from './gapSummary';
export { gapChange, gapChangeOf, changeWord, type ChangeWord, type GapChange, type GapChangeField } from './gapChange';
export { readFlagColumn, blankFlagNote, parseBlankFlags, type BlankFlags, type FlagColumn } from './flags';
export { progressGap, progressGapOf } from './progressGap';
export { representation } from './representation';
export { effectSize, effectSizeOf, momentsOfGrid, type EffectSizeMethod } from './effectSize';
export { splitByFlag, type FlagSplit } from './split';
export { labelReader } from './labels';
export { backOnTrackOf, MIN_SHORTFALL, type BackOnTrack, type BackOnTrackPupil } from './backOnTrack';
export { numericScale, thresholdForScale, thresholdBalance, unreadableShare, scaleName, SCALE_THRESHOLDS, ONE_SIDED_SHARE, UNREADABLE_SHARE, type NumericScale, type ScaleThreshold, type ThresholdBalance, type ReadableShare } from './thresholds';
