/** Test helper: runs `f`, which must throw a GapsError, and returns that error for its kind and message. */
import { GapsError } from '../../src/core/errors';

export function thrown(f: () => unknown): GapsError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GapsError);
    return e as GapsError;
  }
  throw new Error('expected a GapsError');
}
