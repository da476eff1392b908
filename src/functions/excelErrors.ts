/**
 * The Excel boundary for errors: turns the core's `GapsError`s (and anything unexpected) into
 * `CustomFunctions.Error` values with a message a teacher can act on.
 *
 * Inside Excel the runtime provides the global `CustomFunctions`; in Node tests and in the browser
 * preview a stand-in with the same shape (`code`, `message`) is used, so adapters behave the same.
 * Only `#VALUE!` and `#N/A` show their message in Excel, so every message-bearing error is one of them.
 */
import { GapsError, isGapsError } from '../core/errors';
import { checkSpill } from './args';

export const ErrorCodes = {
  value: '#VALUE!',
  na: '#N/A',
} as const;

/**
 * The Excel code for each kind of core error. A zero spread (the core's 'div0') becomes #N/A with its
 * reason: Excel would show a #DIV/0! from a custom function bare, without the message saying why.
 */
const CODE_FOR_KIND: Record<GapsError['kind'], string> = {
  value: ErrorCodes.value,
  na: ErrorCodes.na,
  div0: ErrorCodes.na,
};

/** What adapters return for an error: a real `CustomFunctions.Error` inside Excel. */
export type ExcelError = CustomFunctions.Error;

class StandInError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? '');
    this.name = 'CustomFunctions.Error';
    this.code = code;
  }
}

function hasRuntime(): boolean {
  return typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.Error === 'function';
}

/** A `CustomFunctions.Error` with the given code (`#VALUE!` or `#N/A`, the two Excel shows a message for) and message. */
export function excelError(code: string, message?: string): ExcelError {
  if (hasRuntime()) {
    return new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message);
  }
  return new StandInError(code, message) as unknown as ExcelError;
}

/** True for a value made by `excelError` (or by the Excel runtime). */
export function isExcelError(value: unknown): value is ExcelError {
  if (hasRuntime() && value instanceof CustomFunctions.Error) return true;
  return value instanceof StandInError;
}

/** Maps a core error to an Excel error, prefixing the function's Excel name to its message. */
export function toExcelError(excelName: string, e: unknown): ExcelError {
  if (isGapsError(e)) {
    const code = CODE_FOR_KIND[(e as GapsError).kind];
    return excelError(code, `${excelName}: ${e.message}`);
  }
  if (isExcelError(e)) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return excelError(ErrorCodes.value, `${excelName}: could not calculate (${detail}). Check the ranges hold the data described in the help.`);
}

/**
 * Runs an adapter body and returns its result, or the Excel error any failure maps to.
 * Every custom function goes through this, so none can throw past the Excel boundary.
 */
export function guard<T>(excelName: string, body: () => T): T | ExcelError {
  try {
    const result = body();
    checkSpill(result);
    return result;
  } catch (e) {
    return toExcelError(excelName, e);
  }
}
