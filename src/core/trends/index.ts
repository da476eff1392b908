/** Gaps over years and across schools: differences of gaps, pooled gaps, funnel limits, shrinkage, CVA. */
export { gapEstimate, type GapEstimate } from './gapEstimate';
export { gapDifference, changeWord, twoSidedQuantile, type GapChange, type GapLike, type ChangeWord } from './gapDifference';
export { pooledGap, type PooledGap, type PoolMethod, type Cohort } from './pooledGap';
export { funnelLimits, funnelLimitsProportion, type Limits } from './funnel';
export { shrink, type Shrinkage } from './shrinkage';
export { leastSquaresQR, type LeastSquaresFit } from './leastSquaresQR';
export { contextualValueAdded, type ContextualValueAdded, type CvaOptions, type GroupResidual } from './cva';
export { gapTrend, type GapTrend, type YearGap } from './gapTrend';
export { trustFunnel, FUNNEL_LEVELS, type TrustFunnel, type SchoolFigures, type FunnelView, type SchoolPoint, type Side, type Outside } from './trust';
