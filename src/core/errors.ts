/**
 * Typed domain errors raised by the core.
 *
 * The core never knows about Excel. It throws a `GapsError` whose `kind` says which spreadsheet
 * error it becomes at the Excel boundary (`#VALUE!` for input the user must fix, `#N/A` for a
 * statistic that cannot be computed from the pupils given, `#DIV/0!` for a zero spread), and whose
 * `message` tells a teacher what to fix. The adapter in `src/functions/` prefixes the function's
 * Excel name ("GAPS.FSMGAP: ") and maps the kind to a `CustomFunctions.Error`.
 */
export type GapsErrorKind = 'value' | 'na' | 'div0';

export class GapsError extends Error {
  readonly kind: GapsErrorKind;

  constructor(kind: GapsErrorKind, message: string) {
    super(message);
    this.name = 'GapsError';
    this.kind = kind;
  }
}

/** Input the user must change (wrong column, unequal ranges, an unknown option): `#VALUE!`. */
export function valueError(message: string): GapsError {
  return new GapsError('value', message);
}

/** A statistic that the pupils given cannot support (empty group, too few for a spread): `#N/A`. */
export function naError(message: string): GapsError {
  return new GapsError('na', message);
}

/** A division by a zero spread (every score identical): `#DIV/0!`. */
export function div0Error(message: string): GapsError {
  return new GapsError('div0', message);
}

export function isGapsError(e: unknown): e is GapsError {
  return e instanceof GapsError;
}

/** True for a usable confidence level: a fraction strictly between 0 and 1 (0.95 for 95%). */
export function isConfidenceLevel(confidence: number): boolean {
  return confidence > 0 && confidence < 1;
}
