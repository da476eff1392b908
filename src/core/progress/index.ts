export { progressDelta, progressDeltaOf, progressDeltaSpill } from './progressDelta';
export { valueAdded, valueAddedOf, valueAddedSpill, fitExpectedLine, readEstimates, type Estimates } from './valueAdded';
export { leastSquares, type Line } from './leastSquares';
export { interpolate } from './interpolate';
