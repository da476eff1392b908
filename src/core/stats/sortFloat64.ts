/**
 * Sorts a Float64Array of finite numbers ascending, in place, in linear time.
 *
 * What it is for: ranking a whole trust's scores for the gap index. A comparison sort of a million
 * scores costs ten times the reading of the cells; this least-significant-digit radix sort reads
 * the numbers' bits as eight 8-bit digits and skips every digit that is the same for all of them,
 * so scores recorded as whole numbers, halves or grade points usually sort in two or three passes.
 *
 * Short arrays (and big-endian platforms, where the word order differs) use the built-in sort,
 * which orders finite numbers the same way.
 *
 * @example const a = Float64Array.of(3, -1, 2.5); sortFloat64(a); // a is [-1, 2.5, 3]
 */

/** Below this length the built-in sort is as quick. */
const RADIX_MIN = 1000;
const DIGITS = 8;
const BUCKETS = 256;
const SIGN = 0x80000000;

const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

export function sortFloat64(values: Float64Array): void {
  const n = values.length;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) {
    values.sort();
    return;
  }
  // Each number as two 32-bit words (low, high), turned into unsigned keys that sort as the
  // numbers do: negative numbers have every bit flipped, positive ones only the sign bit.
  let keys: Uint32Array = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const counts = new Uint32Array(DIGITS * BUCKETS);
  for (let i = 0; i < n; i++) {
    let lo = keys[2 * i];
    let hi = keys[2 * i + 1];
    if (hi === SIGN && lo === 0) hi = 0; // -0 sorts as 0
    if (hi & SIGN) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | SIGN) >>> 0;
    }
    keys[2 * i] = lo;
    keys[2 * i + 1] = hi;
    counts[lo & 0xff]++;
    counts[256 + ((lo >>> 8) & 0xff)]++;
    counts[512 + ((lo >>> 16) & 0xff)]++;
    counts[768 + (lo >>> 24)]++;
    counts[1024 + (hi & 0xff)]++;
    counts[1280 + ((hi >>> 8) & 0xff)]++;
    counts[1536 + ((hi >>> 16) & 0xff)]++;
    counts[1792 + (hi >>> 24)]++;
  }

  let spare: Uint32Array = new Uint32Array(2 * n);
  for (let d = 0; d < DIGITS; d++) {
    const base = d * BUCKETS;
    const word = d < 4 ? 0 : 1;
    const shift = 8 * (d % 4);
    // A digit every key shares leaves the order as it is.
    if (counts[base + ((keys[word] >>> shift) & 0xff)] === n) continue;
    let start = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b];
      counts[base + b] = start;
      start += c;
    }
    for (let i = 0; i < n; i++) {
      const lo = keys[2 * i];
      const hi = keys[2 * i + 1];
      const digit = ((word === 0 ? lo : hi) >>> shift) & 0xff;
      const to = counts[base + digit]++;
      spare[2 * to] = lo;
      spare[2 * to + 1] = hi;
    }
    const t = keys;
    keys = spare;
    spare = t;
  }

  // Back from keys to numbers, into the caller's array.
  const out = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const lo = keys[2 * i];
    const hi = keys[2 * i + 1];
    if (hi & SIGN) {
      out[2 * i] = lo;
      out[2 * i + 1] = (hi & ~SIGN) >>> 0;
    } else {
      out[2 * i] = ~lo >>> 0;
      out[2 * i + 1] = ~hi >>> 0;
    }
  }
}
