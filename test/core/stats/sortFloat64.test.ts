/** The radix sort against the built-in typed-array sort (the independent reference) on every kind of finite number. */
import fc from 'fast-check';
import { sortFloat64 } from '../../../src/core/stats/sortFloat64';

function reference(values: number[]): Float64Array {
  return Float64Array.from(values, (v) => (Object.is(v, -0) ? 0 : v)).sort();
}

function sorted(values: number[]): Float64Array {
  const a = Float64Array.from(values);
  sortFloat64(a);
  return a.map((v) => v + 0); // -0 and 0 are the same score: compare them as 0

}

describe('sortFloat64', () => {
  it('orders whole-number scores with many ties, as schools record them (one radix pass)', () => {
    const values = Array.from({ length: 20000 }, (_, i) => 80 + ((i * 7919) % 41));
    expect(sorted(values)).toEqual(reference(values));
  });

  it('orders negatives, fractions, tiny and huge numbers, and -0 beside 0', () => {
    const values: number[] = [];
    for (let i = 0; i < 10000; i++) {
      const k = (i * 2654435761) % 1000003;
      values.push((k % 2 ? -1 : 1) * (k / 7) * 10 ** ((k % 41) - 20));
    }
    values.push(-0, 0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE);
    expect(sorted(values)).toEqual(reference(values));
  });

  it('sorts a view into a larger buffer without touching the numbers around it', () => {
    const buffer = new Float64Array(6002).fill(42);
    const view = buffer.subarray(1, 6001);
    for (let i = 0; i < view.length; i++) view[i] = 3000 - i + (i % 3) / 3;
    const expected = reference(Array.from(view));
    sortFloat64(view);
    expect(view).toEqual(expected);
    expect([buffer[0], buffer[6001]]).toEqual([42, 42]);
  });

  it('agrees with the built-in sort on any finite numbers, short or long', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 6000 }), fc.integer({ min: 0, max: 5000 }), (values, pad) => {
        const long = values.concat(Array.from({ length: pad }, (_, i) => values[i % Math.max(1, values.length)] ?? i));
        expect(sorted(long)).toEqual(reference(long));
      }),
      { numRuns: 60 },
    );
  });
});
