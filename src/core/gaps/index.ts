/** The gap measures. */
export { fsmGap } from './fsmGap';
export { gapIndex, gapIndexOf } from './gapIndex';
export { thresholdGap } from './thresholdGap';
export { groupGap } from './groupGap';
export { gapSummary, smallGroupNote, SMALL_GROUP_SIZE, type GapSummary, type GapSummaryField } from './gapSummary';
export { progressGap } from './progressGap';
export { representation } from './representation';
export { effectSize, effectSizeOf, momentsOfGrid, type EffectSizeMethod } from './effectSize';
export { splitByFlag, type FlagSplit } from './split';
export { labelReader } from './labels';
