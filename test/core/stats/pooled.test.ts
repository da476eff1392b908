/**
 * Pooled standard deviation and Hedges' correction, against R 4.x:
 *   x2 <- c(98.5, 102, 87, 110, 95, 101, 99.5); y2 <- c(91, 84, 99, 102)
 *   sprintf("%.15g", sqrt((6*var(x2) + 3*var(y2)) / 9))   # 7.39744700705738
 */
import { momentsOf } from '../../../src/core/stats/moments';
import { hedgesJ, pooledSd } from '../../../src/core/stats/pooled';

describe('pooledSd', () => {
  it('weights each group variance by n - 1 (R: 7.39744700705738)', () => {
    expect(pooledSd(momentsOf([98.5, 102, 87, 110, 95, 101, 99.5]), momentsOf([91, 84, 99, 102]))).toBeCloseTo(7.39744700705738, 12);
  });
  it('is the doc example sqrt((2*1 + 2*4) / 4)', () => {
    expect(pooledSd(momentsOf([1, 2, 3]), momentsOf([2, 4, 6]))).toBeCloseTo(Math.sqrt(2.5), 14);
  });
  it('is NaN with fewer than 3 values in all', () => {
    expect(pooledSd(momentsOf([1]), momentsOf([2]))).toBeNaN();
  });
});

describe('hedgesJ', () => {
  it('is 1 - 3 / (4 df - 1), i.e. 1 - 3 / (4 (n1 + n2) - 9) with df = n1 + n2 - 2', () => {
    expect(hedgesJ(20)).toBeCloseTo(1 - 3 / 79, 15);
    expect(hedgesJ(4 + 6 - 2)).toBeCloseTo(1 - 3 / (4 * 10 - 9), 15);
  });
});
