export { progressDelta } from './progressDelta';
export { valueAdded, readEstimates } from './valueAdded';
export { leastSquares, type Line } from './leastSquares';
export { interpolate } from './interpolate';
